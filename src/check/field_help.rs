//! How to fix a service field, in one place: the checks give these as their "how to fix", and
//! the browser editor's forms show them as help under the same fields, so the two say the same.

/// The youngest and oldest ages.
pub(crate) const AGES: &str = "Write the youngest age in `from:` and the oldest in `to:`.";
/// How families get a service.
pub(crate) const ACCESS: &str = "Add `access:` with one or more of self-referral, professional-referral, ehcp, drop-in.";
/// A way to get in touch.
pub(crate) const CONTACT: &str = "Add at least one of `phone:`, `email:` or `website:` under `contact:`.";
/// Where a service happens.
pub(crate) const WHERE: &str = "Under `where:`, add an address, postcode or locality, or `online: true`.";
/// A web address.
pub(crate) const URL: &str = "Write the whole address with no spaces, starting with https://, for example https://www.example.org/.";
/// An email address.
pub(crate) const EMAIL: &str = "Write it as name@example.org, with no spaces.";
/// A UK phone number.
pub(crate) const PHONE: &str = "Write the whole number with its area code, for example 0121 496 0000, 07700 900123 or +44 121 496 0000.";
/// A time of day.
pub(crate) const TIME: &str = "Write times on the 24-hour clock with two digits each, for example 09:30 or 18:00.";
