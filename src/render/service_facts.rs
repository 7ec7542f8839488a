//! What a family needs first about a service, in words from the theme's strings: how to call,
//! when it runs, how to get it and where its venues are, with directions. The service page (its
//! contact strip and details) and the shortlist's data files both use these, so they say the same.

use super::Theme;
use super::directory_views::{ScheduleView, ServiceDetailsView};
use crate::content::{Access, Place, Service};
use serde::Serialize;

/// Where "Get directions" links go: OpenStreetMap's directions, with the venue as destination.
pub(crate) const DIRECTIONS_BASE: &str = "https://www.openstreetmap.org/directions?to=";

/// The words and links a family acts on first.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct ServiceFacts {
    /// "Call 0121 496 0670" and its `tel:` link, when the service has a phone number.
    pub call: Option<CallLink>,
    /// When it runs, each line once: the service's own `when` words if written (with any dated
    /// sessions after them), else its schedules in words.
    pub times: Vec<String>,
    /// How to get it, as alternatives joined with "or".
    pub ways_in: String,
    /// Directions to the first venue that can be found on a map, for the contact strip.
    pub directions: Option<String>,
}

/// A phone number as a call link.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CallLink {
    /// Link text, "Call 0121 496 0670".
    pub text: String,
    /// The number as written.
    pub number: String,
    /// `tel:01214960670`.
    pub href: String,
}

impl ServiceFacts {
    /// The facts of `service`, whose details (as of today) are `details`, in `theme`'s words.
    pub(crate) fn new(service: &Service, details: &ServiceDetailsView<'_>, theme: &Theme) -> Self {
        let record = &service.record;
        let call = record
            .contact
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|number| CallLink {
                text: theme.string("call_phone").replace("{phone}", number),
                number: number.to_string(),
                href: super::views::tel_href(number),
            });
        ServiceFacts {
            call,
            times: times(record.when.as_deref(), &details.schedules, theme),
            ways_in: ways_in(&record.access, theme),
            directions: service.places().find_map(directions_url),
        }
    }
}

/// When a service runs, each fact once. A service that writes `when` in words has said it the way
/// families read it, so its regular schedules (which say the same in data) are not repeated; only
/// its one-off dated sessions are added. Without `when`, every schedule is written out.
pub(crate) fn times(when: Option<&str>, schedules: &[ScheduleView<'_>], theme: &Theme) -> Vec<String> {
    let when = when.map(str::trim).filter(|w| !w.is_empty());
    let mut lines: Vec<String> = when.map(str::to_string).into_iter().collect();
    let shown = schedules.iter().filter(|s| when.is_none() || s.days.is_empty());
    for line in shown.map(|s| schedule_line(s, theme)).filter(|l| !l.is_empty()) {
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// One schedule in words: "Once a month: Saturdays, 9am to 10am (first Saturday of the month)",
/// "19 December 2026, 9am to 10:30am".
pub(crate) fn schedule_line(s: &ScheduleView<'_>, theme: &Theme) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !s.days.is_empty() {
        let days: Vec<&str> = s.days.iter().map(|d| theme.string(&format!("day_{d}"))).collect();
        let days = days.join(", ");
        parts.push(match s.frequency {
            Some(f) if f != "weekly" => format!("{}: {days}", theme.string(&format!("frequency_{f}"))),
            _ => days,
        });
    }
    if let Some(date) = &s.date {
        let mut text = if s.days.is_empty() {
            date.clone()
        } else {
            format!("{} {date}", theme.string("schedule_from"))
        };
        if let Some(until) = &s.until {
            text = format!("{text} {} {until}", theme.string("schedule_to"));
        }
        parts.push(text);
    }
    if let Some(opens) = &s.opens {
        parts.push(match &s.closes {
            Some(closes) => format!("{opens} {} {closes}", theme.string("schedule_to")),
            None => opens.clone(),
        });
    }
    let mut line = parts.join(", ");
    if let Some(description) = s.description.map(str::trim).filter(|d| !d.is_empty()) {
        line = if line.is_empty() {
            description.to_string()
        } else {
            format!("{line} ({description})")
        };
    }
    line
}

/// The id of a way in, as the theme's strings name it (`access_<id>`).
pub(crate) fn access_id(access: Access) -> &'static str {
    match access {
        Access::SelfReferral => "self-referral",
        Access::ProfessionalReferral => "professional-referral",
        Access::Ehcp => "ehcp",
        Access::DropIn => "drop-in",
    }
}

/// How to get a service. One way: its own sentence ("A professional … needs to refer you").
/// Several: alternatives, "Contact them yourself, or ask a professional such as a GP, teacher or
/// social worker to refer you", from the `access_first_<id>` and `access_then_<id>` strings.
pub(crate) fn ways_in(access: &[Access], theme: &Theme) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for id in access.iter().copied().map(access_id) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    match ids.as_slice() {
        [] => String::new(),
        [one] => theme.string(&format!("access_{one}")).to_string(),
        [first, rest @ ..] => {
            let mut text = theme.string(&format!("access_first_{first}")).to_string();
            let or = theme.string("access_or");
            for (n, id) in rest.iter().enumerate() {
                let then = theme.string(&format!("access_then_{id}"));
                if n + 1 == rest.len() {
                    text = format!("{text}, {or} {then}");
                } else {
                    text = format!("{text}, {then}");
                }
            }
            text
        }
    }
}

/// A postcode as Royal Mail writes it: capitals, one space before the last three characters
/// (` ws3 2xq ` and `WS32XQ` -> `WS3 2XQ`). Anything that is not a postcode's shape is only
/// trimmed, with its spaces made single.
pub(crate) fn tidy_postcode(postcode: &str) -> String {
    crate::content::places::normalise(postcode).unwrap_or_else(|| postcode.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// OpenStreetMap directions to a venue's postcode, or `None` when it has none. The postcode is
/// percent-encoded, so nothing in it can change where the link goes.
pub(crate) fn directions_url(place: &Place) -> Option<String> {
    let postcode = place.postcode.as_deref().map(tidy_postcode).filter(|p| !p.is_empty())?;
    Some(format!("{DIRECTIONS_BASE}{}", encode_query(&postcode)))
}

/// Percent-encodes a query value: letters and digits stay, everything else becomes `%XX`.
fn encode_query(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A venue's full address, one line each: its name, street address, locality (unless the
/// address already says it) and postcode.
pub(crate) fn address_lines(place: &Place) -> Vec<String> {
    let clean = |text: &Option<String>| text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
    let address = clean(&place.address);
    let mut lines: Vec<String> = clean(&place.name).into_iter().collect();
    lines.extend(address.clone());
    if let Some(locality) = clean(&place.locality)
        && !address.as_deref().is_some_and(|a| a.contains(&locality))
    {
        lines.push(locality);
    }
    lines.extend(place.postcode.as_deref().map(tidy_postcode).filter(|p| !p.is_empty()));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme() -> Theme {
        let mut theme = Theme {
            tera: tera::Tera::default(),
            strings: Default::default(),
            static_files: Default::default(),
            languages: Default::default(),
        };
        for (key, value) in [
            ("day_monday", "Mondays"),
            ("day_saturday", "Saturdays"),
            ("frequency_monthly", "Once a month"),
            ("schedule_to", "to"),
            ("schedule_from", "from"),
            ("access_self-referral", "You can contact them yourself"),
            ("access_first_self-referral", "Contact them yourself"),
            ("access_then_professional-referral", "ask a professional to refer you"),
            ("access_then_ehcp", "get it through an EHC plan"),
            ("access_or", "or"),
        ] {
            theme.strings.insert(key.to_string(), value.to_string());
        }
        theme
    }

    fn weekly(days: Vec<&'static str>, opens: &str, closes: &str) -> ScheduleView<'static> {
        ScheduleView {
            days,
            frequency: Some("weekly"),
            date: None,
            date_iso: None,
            until: None,
            until_iso: None,
            opens: Some(opens.to_string()),
            closes: Some(closes.to_string()),
            description: None,
        }
    }

    #[test]
    fn times_are_said_once() {
        let theme = theme();
        let monday = weekly(vec!["monday"], "6:30pm", "9pm");
        // The service's own words win; the same times from its schedule are not added again.
        assert_eq!(
            times(Some("Mondays, 6:30pm to 9pm"), std::slice::from_ref(&monday), &theme),
            ["Mondays, 6:30pm to 9pm"]
        );
        // Without `when`, the schedule says it.
        assert_eq!(times(None, std::slice::from_ref(&monday), &theme), ["Mondays, 6:30pm to 9pm"]);
        // A dated one-off session is still shown beside the words.
        let dated = ScheduleView {
            days: vec![],
            frequency: None,
            date: Some("19 December 2026".into()),
            date_iso: Some("2026-12-19".into()),
            until: None,
            until_iso: None,
            opens: Some("9am".into()),
            closes: Some("10:30am".into()),
            description: Some("story time"),
        };
        let monthly = ScheduleView {
            frequency: Some("monthly"),
            ..weekly(vec!["saturday"], "9am", "10am")
        };
        assert_eq!(
            times(Some("First Saturday of the month, 9am to 10am"), &[monthly, dated], &theme),
            [
                "First Saturday of the month, 9am to 10am",
                "19 December 2026, 9am to 10:30am (story time)"
            ]
        );
    }

    #[test]
    fn several_ways_in_read_as_alternatives() {
        let theme = theme();
        assert_eq!(ways_in(&[Access::SelfReferral], &theme), "You can contact them yourself");
        assert_eq!(
            ways_in(&[Access::SelfReferral, Access::ProfessionalReferral, Access::SelfReferral], &theme),
            "Contact them yourself, or ask a professional to refer you"
        );
        assert_eq!(
            ways_in(&[Access::SelfReferral, Access::ProfessionalReferral, Access::Ehcp], &theme),
            "Contact them yourself, ask a professional to refer you, or get it through an EHC plan"
        );
        assert_eq!(ways_in(&[], &theme), "");
    }

    #[test]
    fn postcodes_are_tidied_and_directions_encoded() {
        for written in ["ws3 2xq", "WS32XQ", " WS3 2XQ "] {
            assert_eq!(tidy_postcode(written), "WS3 2XQ");
        }
        assert_eq!(tidy_postcode("  not  a postcode "), "not a postcode");
        let place = Place {
            postcode: Some("ws1 1tp".into()),
            ..Place::default()
        };
        assert_eq!(
            directions_url(&place).as_deref(),
            Some("https://www.openstreetmap.org/directions?to=WS1%201TP")
        );
        let sneaky = Place {
            postcode: Some("\"><script>&x=javascript:".into()),
            ..Place::default()
        };
        let url = directions_url(&sneaky).unwrap_or_default();
        assert!(url.starts_with(DIRECTIONS_BASE) && url[DIRECTIONS_BASE.len()..].chars().all(|c| c.is_ascii_alphanumeric() || c == '%'));
        assert_eq!(directions_url(&Place::default()), None);
    }

    #[test]
    fn an_address_has_every_line_once() {
        let place = Place {
            name: Some("MyPlace".into()),
            address: Some("1 High Street, Bloxwich".into()),
            locality: Some("Bloxwich".into()),
            postcode: Some("ws3 2xq".into()),
            ..Place::default()
        };
        assert_eq!(address_lines(&place), ["MyPlace", "1 High Street, Bloxwich", "WS3 2XQ"]);
    }
}
