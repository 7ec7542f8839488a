//! Calendar files (iCalendar, RFC 5545) for events: one per event and one for all of them.
//!
//! Times are UK local times with `TZID=Europe/London` and a `VTIMEZONE` written here with the
//! UK rules (summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
//! Sunday of October), so a session at 10:00 stays at 10:00 across the clock changes.
//! Term-time-only sessions are an `RRULE` ending on the last day of the last known term, with
//! an `EXDATE` for every session that falls in a holiday, so calendar apps show exactly the
//! dates the What's on page does.

use crate::content::Date;
use crate::content::events::{Event, EventType, Events, type_calendar_url};
use crate::content::recurrence::{Repeat, ical_weekday};

/// The product id in every calendar file.
const PRODID: &str = "-//Signpost//Local Offer events//EN";

/// The time zone definition for Europe/London.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// A calendar with one event.
pub fn event_calendar(event: &Event, events: &Events, base_url: &str, host: &str, stamp: Date, name: &str) -> String {
    calendar(std::slice::from_ref(event), events, base_url, host, stamp, name)
}

/// A calendar with every event in `list`.
pub fn calendar(list: &[Event], events: &Events, base_url: &str, host: &str, stamp: Date, name: &str) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
        "X-WR-TIMEZONE:Europe/London".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|l| l.to_string()));
    for event in list {
        lines.extend(vevent(event, events, base_url, host, stamp));
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold_into(&line, &mut out);
    }
    out
}

fn ical_date(date: Date) -> String {
    date.iso().replace('-', "")
}

fn vevent(event: &Event, events: &Events, base_url: &str, host: &str, stamp: Date) -> Vec<String> {
    let start = event.rule.starts;
    let url = crate::render::address::Addresses::new(base_url).absolute(&event.url);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}@{}", event.id, if host.is_empty() { "signpost" } else { host }),
        format!("DTSTAMP:{}T000000Z", ical_date(stamp)),
        format!("DTSTART;TZID=Europe/London:{}T{}", ical_date(start), event.starts_at.ical()),
        format!("DTEND;TZID=Europe/London:{}T{}", ical_date(start), event.ends_at.ical()),
    ];
    if let Some(repeat) = event.rule.repeat {
        let mut rule = match repeat {
            Repeat::Weekly => format!("FREQ=WEEKLY;BYDAY={}", ical_weekday(start.inner().weekday())),
            Repeat::Fortnightly => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={}", ical_weekday(start.inner().weekday())),
            Repeat::Monthly => match event.rule.on {
                Some(on) => format!("FREQ=MONTHLY;BYDAY={}", on.ical()),
                None => format!("FREQ=MONTHLY;BYMONTHDAY={}", start.inner().day()),
            },
        };
        let last_term = events.terms.last().map(|t| t.to);
        let until = match (event.rule.until, event.rule.term_time_only.then_some(last_term).flatten()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(until) = until {
            // UNTIL must be in UTC when DTSTART has a time zone; the end of that day in UTC
            // includes the last session whatever the season.
            rule.push_str(&format!(";UNTIL={}T235959Z", ical_date(until)));
        }
        lines.push(format!("RRULE:{rule}"));
        let horizon = until.unwrap_or_else(|| start.add_days(366 * 2));
        let excluded: Vec<Date> = event
            .rule
            .candidates(horizon)
            .into_iter()
            .filter(|d| event.rule.excluded(*d, &events.terms))
            .collect();
        for chunk in excluded.chunks(20) {
            let dates: Vec<String> = chunk
                .iter()
                .map(|d| format!("{}T{}", ical_date(*d), event.starts_at.ical()))
                .collect();
            lines.push(format!("EXDATE;TZID=Europe/London:{}", dates.join(",")));
        }
    }
    lines.push(format!("SUMMARY:{}", escape(&event.record.title)));
    let place = event.venue.one_line();
    if !place.is_empty() {
        lines.push(format!("LOCATION:{}", escape(&place)));
    } else if event.venue.online {
        lines.push("LOCATION:Online".into());
    }
    let mut description = event.record.summary.clone();
    description.push_str(&format!("\n\nCost: {}", event.record.cost));
    if let Some(phone) = &event.record.booking.phone {
        description.push_str(&format!("\nTo book, phone {phone}"));
    }
    if let Some(link) = &event.record.booking.link {
        description.push_str(&format!("\nTo book: {link}"));
    }
    description.push_str(&format!("\n\n{url}"));
    lines.push(format!("DESCRIPTION:{}", escape(&description)));
    lines.push(format!("URL:{url}"));
    lines.push("END:VEVENT".into());
    lines
}

/// Every calendar file of the site, by path inside it: each event's, the feed of all events, and
/// one feed per type of event.
/// `type_name` gives the plural name of each type of event, for the per-type calendars' names.
pub fn calendar_files(
    config: &crate::config::SiteConfig,
    events: &Events,
    host: &str,
    stamp: Date,
    name: &str,
    type_name: &dyn Fn(EventType) -> String,
) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = events
        .events
        .iter()
        .map(|event| {
            let title = format!("{} – {}", event.record.title, config.name);
            (
                event.ics_url().trim_start_matches('/').to_string(),
                event_calendar(event, events, &config.base_url, host, stamp, &title),
            )
        })
        .collect();
    files.push((
        crate::content::events::CALENDAR_URL.trim_start_matches('/').to_string(),
        calendar(
            &events.events,
            events,
            &config.base_url,
            host,
            stamp,
            &format!("{name} – {}", config.name),
        ),
    ));
    for kind in EventType::ALL {
        let list: Vec<Event> = events.events.iter().filter(|e| e.record.kind == kind).cloned().collect();
        if list.is_empty() {
            continue;
        }
        let title = format!("{} – {}", type_name(kind), config.name);
        files.push((
            type_calendar_url(kind).trim_start_matches('/').to_string(),
            calendar(&list, events, &config.base_url, host, stamp, &title),
        ));
    }
    files
}

/// Escapes TEXT values: backslash, semicolon, comma and new lines (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (never inside a character), ending each part with CRLF.
fn fold_into(line: &str, out: &mut String) {
    let mut used = 0;
    let mut limit = 75;
    for c in line.chars() {
        if used + c.len_utf8() > limit {
            out.push_str("\r\n ");
            used = 0;
            limit = 74;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(60));
        fold_into(&line, &mut out);
        for part in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{part:?} is {} octets", part.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("Tea, cake; chat\\\nmore"), "Tea\\, cake\\; chat\\\\\\nmore");
    }
}
