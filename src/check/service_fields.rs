//! Checks on the richer service fields: UK phone numbers, web addresses, schedules, prices, and a
//! description that summarises rather than copies the provider's own website.

use crate::config::SiteConfig;
use crate::content::{Service, parse_time};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// Warns about dated sessions of services that are over on `today`: they are no longer shown on
/// the service's page, and the entry should be brought up to date (`schedule-over`).
pub fn check_past_schedules(site: &crate::content::Site, today: crate::content::Date) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for service in &site.services {
        for (index, schedule) in service.record.schedules.iter().enumerate() {
            if let Some(last) = schedule.last_day().filter(|_| schedule.is_over(today)) {
                let field = if schedule.until.is_some() { "until" } else { "date" };
                let (line, column) = service.at(&format!("schedules.{index}.{field}"));
                problems.push(
                    Diagnostic::warning(
                        &service.source.file,
                        line,
                        column,
                        Rule::SCHEDULE_OVER,
                        format!(
                            "{}: schedule {} ended on {}, so it is no longer shown to families",
                            service.record.name,
                            index + 1,
                            last.long()
                        ),
                    )
                    .with_suggestion("Remove this schedule, or give it new dates."),
                );
            }
        }
    }
    problems
}

/// The latest a session that runs past midnight may close (06:00, in minutes): a closing time
/// earlier than the opening time but later than this is more likely a mistake.
const LATEST_CLOSE_AFTER_MIDNIGHT: u32 = 6 * 60;

/// Checks one service's phone numbers, schedules, prices and description length.
pub(super) fn check_service_fields(service: &Service, config: &SiteConfig) -> Vec<Diagnostic> {
    let record = &service.record;
    let source = &service.source;
    let error = |field: &str, rule: Rule, message: String, fix: &str| {
        let (line, column) = service.at(field);
        Diagnostic::error(&source.file, line, column, rule, format!("{}: {message}", record.name)).with_suggestion(fix)
    };
    let mut problems = Vec::new();
    if let Some(phone) = record.contact.phone.as_deref()
        && !is_uk_phone(phone)
    {
        problems.push(phone_problem(phone, |message, fix| {
            error("contact.phone", Rule::PHONE, message, fix)
        }));
    }
    for (index, schedule) in record.schedules.iter().enumerate() {
        let which = format!("schedule {}", index + 1);
        if schedule.days.is_empty() && schedule.date.is_none() {
            problems.push(error(
                &format!("schedules.{index}"),
                Rule::SCHEDULE,
                format!("{which} has neither `days:` nor `date:`"),
                "Give regular sessions `days: [monday]`, or a one-off event `date: 2026-12-05`.",
            ));
        }
        let opens = schedule.opens_at.as_deref().map(|t| (t, parse_time(t)));
        let closes = schedule.closes_at.as_deref().map(|t| (t, parse_time(t)));
        for (field, (time, parsed)) in opens.iter().map(|o| ("opens_at", o)).chain(closes.iter().map(|c| ("closes_at", c))) {
            if parsed.is_none() {
                problems.push(error(
                    &format!("schedules.{index}.{field}"),
                    Rule::SCHEDULE,
                    format!("{which}: `{time}` is not a time in the form HH:MM"),
                    super::field_help::TIME,
                ));
            }
        }
        // A session may run past midnight (22:00 to 02:00) when it closes in the small hours.
        if let (Some((_, Some(start))), Some((_, Some(end)))) = (opens, closes)
            && end <= start
            && (end == start || end > LATEST_CLOSE_AFTER_MIDNIGHT)
        {
            problems.push(error(
                &format!("schedules.{index}.closes_at"),
                Rule::SCHEDULE,
                format!("{which} closes before it opens"),
                "Check `opens_at:` and `closes_at:`; write times on the 24-hour clock, for example 18:30.",
            ));
        }
        if let (Some(from), Some(until)) = (schedule.date, schedule.until)
            && until < from
        {
            problems.push(error(
                &format!("schedules.{index}.until"),
                Rule::SCHEDULE,
                format!("{which} ends ({}) before it starts ({})", until.long(), from.long()),
                "Put the first day in `date:` and the last day in `until:`.",
            ));
        }
    }
    for (index, option) in record.cost_options.iter().enumerate() {
        if !option.amount.is_finite() || option.amount < 0.0 {
            problems.push(error(
                &format!("cost_options.{index}.amount"),
                Rule::COST,
                format!("the price {} is not an amount of money", option.amount),
                "Write the amount in pounds, for example `amount: 2.50`.",
            ));
        }
    }
    if record.free && record.cost_options.iter().any(|o| o.amount > 0.0) {
        problems.push(error(
            "free",
            Rule::COST,
            "it says `free: true` but also lists a price".to_string(),
            "Remove `free: true`, or remove the prices under `cost_options:`.",
        ));
    }
    let words = record.description.as_deref().map(|d| d.split_whitespace().count()).unwrap_or(0);
    let limit = config.statutory.max_description_words;
    if record.provider_website.is_some() && words > limit {
        problems.push(
            Diagnostic::warning(
                &source.file,
                service.description_first_line,
                if service.description_first_line == source.line { source.column } else { 1 },
                Rule::LONG_DESCRIPTION,
                format!(
                    "{}: the description is {words} words long, but the provider's website has the details (the limit is {limit})",
                    record.name
                ),
            )
            .with_suggestion(
                "Keep the Local Offer entry to an overview: who it is for, what happens and how to get it. Link to the provider's website for the rest.",
            ),
        );
    }
    problems
}

/// The problem with a phone number that is not a UK number families can dial. Spaces copied from
/// a word processor (non-breaking or thin spaces) are named, with the number to write instead.
fn phone_problem(phone: &str, problem: impl Fn(String, &str) -> Diagnostic) -> Diagnostic {
    let plain: String = phone.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    if plain != phone && is_uk_phone(&plain) {
        return problem(
            format!("`{plain}` has special spaces in it (copied from a word processor), which phones cannot dial"),
            &format!("Retype the spaces as ordinary spaces: write `phone: {plain}`."),
        );
    }
    problem(format!("`{phone}` is not a UK phone number"), super::field_help::PHONE)
}

/// True for a UK phone number as families would dial it: `01/02/03/05/07/08` numbers with 10 or
/// 11 digits, the same after `+44` (with or without `(0)`), NHS 111, or a Relay UK `18001` prefix.
pub fn is_uk_phone(text: &str) -> bool {
    let text = text.trim();
    if !text.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) {
        return false;
    }
    let mut digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if text.starts_with('+') {
        let Some(rest) = digits.strip_prefix("44") else { return false };
        let rest = if text.contains("(0)") {
            rest.strip_prefix('0').unwrap_or(rest)
        } else {
            rest
        };
        digits = format!("0{rest}");
    } else if text.contains('+') {
        return false;
    }
    if digits == "111" {
        return true;
    }
    if let Some(rest) = digits.strip_prefix("18001")
        && rest.starts_with('0')
    {
        digits = rest.to_string();
    }
    let second = digits.chars().nth(1);
    digits.starts_with('0') && matches!(second, Some('1' | '2' | '3' | '5' | '7' | '8')) && (10..=11).contains(&digits.len())
}

/// True for a full web address: `http(s)://` written out, a host name with a dot (or an IPv4
/// address) that the `url` crate reads, and no spaces.
pub fn looks_like_url(text: &str) -> bool {
    // Written out in full: the `url` crate would also read `https:/host` and `https:host`.
    if !(text.starts_with("https://") || text.starts_with("http://")) || text.chars().any(char::is_whitespace) {
        return false;
    }
    let Ok(address) = url::Url::parse(text) else { return false };
    match address.host() {
        Some(url::Host::Domain(host)) => {
            host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        }
        Some(url::Host::Ipv4(_)) => true,
        Some(url::Host::Ipv6(_)) | None => false,
    }
}

/// True for an address that looks like an email address: one `@`, a dotted domain, no spaces.
pub fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !text.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_phone_numbers() {
        for good in [
            "0121 496 0000",
            "01922 650000",
            "07700 900123",
            "0300 123 4567",
            "0800 123 4567",
            "0808 800 5000",
            "020 7946 0000",
            "+44 121 496 0000",
            "+44 (0)121 496 0000",
            "+447700900123",
            "111",
            "18001 0121 496 0000",
            "0121-496-0000",
        ] {
            assert!(is_uk_phone(good), "{good}");
        }
        for bad in [
            "0121 496 00",
            "0900 123 4567",
            "123456",
            "phone us",
            "+1 202 555 0100",
            "0121 496 0000 ext 4",
            "01214960000123",
        ] {
            assert!(!is_uk_phone(bad), "{bad}");
        }
    }

    #[test]
    fn web_addresses() {
        assert!(looks_like_url("https://www.walsall.gov.uk/send"));
        assert!(looks_like_url("http://example.org"));
        assert!(!looks_like_url("www.walsall.gov.uk"));
        assert!(!looks_like_url("https://localhost/"));
        assert!(!looks_like_url("https://example .org/"));
        assert!(looks_like_url("https://someone@www.walsall.gov.uk:8443/send?x=1#top"));
        assert!(looks_like_url("http://192.168.1.10/"));
        assert!(
            looks_like_url("https://café.example/"),
            "an international name is read as its ASCII form"
        );
        assert!(!looks_like_url("https:/www.walsall.gov.uk/"));
        assert!(!looks_like_url("https://www.walsall.gov.uk:port/"));
        assert!(!looks_like_url("https://.walsall.gov.uk/"));
        assert!(!looks_like_url("https://exa_mple.org/"));
    }

    #[test]
    fn email_shape() {
        assert!(looks_like_email("walsallsendiass@family-action.org.uk"));
        assert!(!looks_like_email("walsall sendiass@x.org"));
        assert!(!looks_like_email("nobody.example.org"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("a@b..org"));
    }
}
