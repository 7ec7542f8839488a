//! Views of the richer service fields (`service.details` in `service.html`) and of the browsing
//! pages: by need, by locality, by age band and A to Z. Words come from the theme's strings; these
//! views carry ids, numbers and dates.

use crate::content::{AccessFeature, Date, Need, Place, Service};
use serde::Serialize;

/// `service.details`: status, needs, prices, schedules, venues, languages.
#[derive(Serialize)]
pub(crate) struct ServiceDetailsView<'a> {
    /// `active`, `temporarily-closed` or `inactive`.
    pub status: &'static str,
    /// The needs it is for, broad areas first.
    pub needs: Vec<NeedLink>,
    /// How to apply, in words.
    pub application_process: Option<&'a str>,
    /// True when it costs nothing.
    pub free: bool,
    /// Prices.
    pub cost_options: Vec<CostView<'a>>,
    /// Regular sessions and dated events.
    pub schedules: Vec<ScheduleView<'a>>,
    /// Every venue, the main one first.
    pub places: Vec<PlaceView<'a>>,
    /// The area it covers.
    pub service_area: Option<&'a str>,
    /// Languages besides English.
    pub languages: &'a [String],
}

/// A need with the address of its browsing page.
#[derive(Serialize, Clone)]
pub(crate) struct NeedLink {
    /// Need id, also the key of its name in the theme strings (`need_<id>`).
    pub id: &'static str,
    /// True for a broad area of need.
    pub broad: bool,
    /// Address of the page listing services for this need.
    pub url: String,
}

impl NeedLink {
    /// The link for `need`; "all needs" has no page of its own, so it links to the whole directory.
    pub(crate) fn new(need: Need) -> Self {
        NeedLink {
            id: need.id(),
            broad: need.is_broad_area(),
            url: if need == Need::All {
                crate::content::SERVICES_URL.to_string()
            } else {
                need_url(need.id())
            },
        }
    }
}

/// A price.
#[derive(Serialize)]
pub(crate) struct CostView<'a> {
    /// `£2.50`, `£5`.
    pub amount: String,
    /// What it buys, e.g. `session`.
    pub per: Option<&'a str>,
    /// More about it.
    pub description: Option<&'a str>,
}

/// A regular session or dated event.
#[derive(Serialize)]
pub(crate) struct ScheduleView<'a> {
    /// Day ids (`monday`), for `day_<id>` strings.
    pub days: Vec<&'static str>,
    /// `weekly`, `fortnightly` or `monthly` (regular sessions only).
    pub frequency: Option<&'static str>,
    /// The date, long form.
    pub date: Option<String>,
    /// The date, ISO form.
    pub date_iso: Option<String>,
    /// The last date, long form.
    pub until: Option<String>,
    /// The last date, ISO form.
    pub until_iso: Option<String>,
    /// Start time, `6:30pm`.
    pub opens: Option<String>,
    /// End time, `9pm`.
    pub closes: Option<String>,
    /// More about it.
    pub description: Option<&'a str>,
}

/// A venue.
#[derive(Serialize)]
pub(crate) struct PlaceView<'a> {
    /// Its fields as written.
    #[serde(flatten)]
    pub place: &'a Place,
    /// Accessibility feature ids, for `access_feature_<id>` strings.
    pub features: Vec<&'static str>,
    /// Its full address, a line each (name, address, locality, postcode).
    pub lines: Vec<String>,
    /// OpenStreetMap directions to its postcode, when it has one.
    pub directions: Option<String>,
}

impl<'a> ServiceDetailsView<'a> {
    /// The details of `service` as they stand on `today` (dated sessions that are over are left out).
    pub(crate) fn new(service: &'a Service, today: Date) -> Self {
        let record = &service.record;
        ServiceDetailsView {
            status: record.service_status.id(),
            needs: sorted_needs(&record.needs).into_iter().map(NeedLink::new).collect(),
            application_process: record.application_process.as_deref(),
            free: service.is_free(),
            cost_options: record
                .cost_options
                .iter()
                .map(|o| CostView {
                    amount: money(o.amount),
                    per: o.per.as_deref(),
                    description: o.description.as_deref(),
                })
                .collect(),
            schedules: record
                .schedules
                .iter()
                .filter(|s| !s.is_over(today))
                .map(|s| {
                    let mut days: Vec<_> = s.days.clone();
                    days.sort();
                    days.dedup();
                    ScheduleView {
                        days: days.iter().map(|d| d.id()).collect(),
                        frequency: (!s.days.is_empty()).then(|| s.frequency.unwrap_or_default().id()),
                        date: s.date.map(|d| d.long()),
                        date_iso: s.date.map(|d| d.iso()),
                        until: s.until.map(|d| d.long()),
                        until_iso: s.until.map(|d| d.iso()),
                        opens: s.opens_at.as_deref().and_then(clock_time),
                        closes: s.closes_at.as_deref().and_then(clock_time),
                        description: s.description.as_deref(),
                    }
                })
                .collect(),
            places: service
                .places()
                .filter(|p| p.address.is_some() || p.postcode.is_some() || p.locality.is_some() || p.name.is_some())
                .map(|place| {
                    let mut features: Vec<AccessFeature> = place.accessibility.clone();
                    features.sort();
                    features.dedup();
                    PlaceView {
                        place,
                        features: features.into_iter().map(AccessFeature::id).collect(),
                        lines: super::service_facts::address_lines(place),
                        directions: super::service_facts::directions_url(place),
                    }
                })
                .collect(),
            service_area: record.service_area.as_deref(),
            languages: &record.languages,
        }
    }
}

/// Needs in display order, without repeats.
pub(crate) fn sorted_needs(needs: &[Need]) -> Vec<Need> {
    let mut sorted = needs.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted
}

/// What the filters on a category page offer: the needs and localities of its services.
#[derive(Serialize)]
pub(crate) struct FilterOptions {
    /// Need ids (broad areas with their more specific needs), in display order.
    pub needs: Vec<NeedLink>,
    /// Locality names, sorted.
    pub localities: Vec<String>,
}

/// Address of the shortlist page.
pub(crate) const SHORTLIST_URL: &str = "/shortlist/";

/// `£2.50`, `£5`, `£0`.
pub(crate) fn money(amount: f64) -> String {
    let pence = (amount * 100.0).round() as i64;
    if pence % 100 == 0 {
        format!("£{}", pence / 100)
    } else {
        format!("£{}.{:02}", pence / 100, pence % 100)
    }
}

/// A 24-hour `HH:MM` time as GOV.UK writes times: `18:30` -> `6:30pm`, `09:00` -> `9am`.
pub(crate) fn clock_time(text: &str) -> Option<String> {
    let minutes = crate::content::parse_time(text)?;
    let (hour, minute) = (minutes / 60, minutes % 60);
    let suffix = if hour < 12 { "am" } else { "pm" };
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    Some(if minute == 0 {
        format!("{hour12}{suffix}")
    } else {
        format!("{hour12}:{minute:02}{suffix}")
    })
}

pub(crate) use crate::content::listings::{A_TO_Z_URL, AGE_BANDS, age_band_url, locality_url, need_url};

/// A link to a browsing page with how many services it lists.
#[derive(Serialize)]
pub(crate) struct BrowseLink {
    /// Id: need id, locality slug or age band.
    pub id: String,
    /// Name to show (the locality's name; empty for needs and age bands, which use strings).
    pub name: String,
    /// Address.
    pub url: String,
    /// Number of services.
    pub count: usize,
    /// True for a broad area of need.
    pub broad: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_money_read_naturally() {
        assert_eq!(clock_time("18:30").as_deref(), Some("6:30pm"));
        assert_eq!(clock_time("09:00").as_deref(), Some("9am"));
        assert_eq!(clock_time("12:00").as_deref(), Some("12pm"));
        assert_eq!(clock_time("00:15").as_deref(), Some("12:15am"));
        assert_eq!(money(2.5), "£2.50");
        assert_eq!(money(5.0), "£5");
    }
}
