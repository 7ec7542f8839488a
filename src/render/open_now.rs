//! "Open now": a service's opening times as a compact weekly timetable the browser can test
//! against the family's own clock (Europe/London), with term-time-only and school-holiday-only
//! sessions decided from the school terms in `content/events/terms.yaml`.
//!
//! The timetable is a JSON list of rules, one per schedule that has both times and repeats
//! weekly (or runs on every day of a dated run): `{"s":"all"|"term"|"holiday","f":"2026-09-01",
//! "t":"2026-12-18","w":[[start,end],…]}`. `w` holds minutes from Monday 00:00; a session that
//! crosses midnight ends on the next day (`end` past the day's 1,440 minutes), and one that
//! crosses Sunday midnight ends past the week's 10,080 minutes. `f`/`t` (optional) bound the
//! days a session may start on. A session's term or holiday is that of the day it starts.
//! `themes/default/static/directory.js` (`SignpostOpenNow.isOpen`) makes the same decision as
//! [`is_open`]; `tests/open-now-cases.json` holds the cases both are tested on.

use crate::content::recurrence::Term;
use crate::content::{Date, Frequency, Schedule, Weekday, parse_time};
use serde::Serialize;

/// Minutes in a day.
pub const DAY: u32 = 24 * 60;
/// Minutes in a week.
pub const WEEK: u32 = 7 * DAY;

/// Which days of the school year a schedule runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Season {
    /// Every week, term or holiday.
    #[serde(rename = "all")]
    Always,
    /// Only in school term time.
    #[serde(rename = "term")]
    TermTime,
    /// Only in the school holidays.
    #[serde(rename = "holiday")]
    Holidays,
}

impl Season {
    /// Reads the season from a schedule's free-text `description:` ("term time only",
    /// "school holidays only"); anything else runs all year.
    pub fn from_description(description: Option<&str>) -> Season {
        let text = description.unwrap_or("").to_lowercase().replace(['-', '–'], " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.contains("term time only") || text.contains("during term time") || text.contains("in term time") {
            Season::TermTime
        } else if text.contains("holidays only") || text.contains("during school holidays") || text.contains("in the school holidays") {
            Season::Holidays
        } else {
            Season::Always
        }
    }
}

/// One schedule as the browser reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenRule {
    /// Term time, holidays or all year.
    #[serde(rename = "s")]
    pub season: Season,
    /// The first day a session may start on (`YYYY-MM-DD`).
    #[serde(rename = "f", skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day a session may start on (`YYYY-MM-DD`).
    #[serde(rename = "t", skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Opening periods in minutes from Monday 00:00, `[start, end)`, `end > start`.
    #[serde(rename = "w")]
    pub spans: Vec<[u32; 2]>,
}

/// The day of the week as a number from Monday (0) to Sunday (6).
fn day_number(day: Weekday) -> u32 {
    match day {
        Weekday::Monday => 0,
        Weekday::Tuesday => 1,
        Weekday::Wednesday => 2,
        Weekday::Thursday => 3,
        Weekday::Friday => 4,
        Weekday::Saturday => 5,
        Weekday::Sunday => 6,
    }
}

/// The day of the week of a date, Monday 0 to Sunday 6.
pub fn weekday_of(date: Date) -> u32 {
    u32::from(date.inner().weekday().number_days_from_monday())
}

const EVERY_DAY: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// The rule for one schedule, or `None` when "open now" cannot be decided from it: no opening
/// or closing time, equal times, or sessions every other week or once a month.
pub fn rule_for(schedule: &Schedule) -> Option<OpenRule> {
    let opens = parse_time(schedule.opens_at.as_deref()?)?;
    let closes = parse_time(schedule.closes_at.as_deref()?)?;
    if opens == closes || !matches!(schedule.frequency.unwrap_or_default(), Frequency::Weekly) {
        return None;
    }
    let length = if closes > opens { closes - opens } else { DAY - opens + closes };
    let (days, from, to): (Vec<Weekday>, Option<Date>, Option<Date>) = if schedule.days.is_empty() {
        // A dated event: every day from `date:` to `until:` (or just that day).
        let first = schedule.date?;
        let last = schedule.until.unwrap_or(first);
        let days = if last == first {
            EVERY_DAY.iter().copied().filter(|d| day_number(*d) == weekday_of(first)).collect()
        } else {
            EVERY_DAY.to_vec()
        };
        (days, Some(first), Some(last))
    } else {
        (schedule.days.clone(), schedule.date, schedule.until)
    };
    let mut spans: Vec<[u32; 2]> = days
        .iter()
        .map(|d| {
            let start = day_number(*d) * DAY + opens;
            [start, start + length]
        })
        .collect();
    spans.sort_unstable();
    spans.dedup();
    Some(OpenRule {
        season: Season::from_description(schedule.description.as_deref()),
        from: from.map(Date::iso),
        to: to.map(Date::iso),
        spans,
    })
}

/// Every rule for a service's schedules.
pub fn rules_for(schedules: &[Schedule]) -> Vec<OpenRule> {
    schedules.iter().filter_map(rule_for).collect()
}

/// The rules as the compact JSON the cards carry (`data-open`), or an empty string when the
/// service has no times "open now" can be decided from.
pub fn compact(schedules: &[Schedule]) -> String {
    let rules = rules_for(schedules);
    if rules.is_empty() {
        return String::new();
    }
    serde_json::to_string(&rules).unwrap_or_default()
}

/// The school terms as the page carries them (`data-terms`): `from/to` pairs, space-separated.
pub fn terms_text(terms: &[Term]) -> String {
    terms
        .iter()
        .map(|t| format!("{}/{}", t.from.iso(), t.to.iso()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `date` is a school day in term, `Some(false)` in the holidays, `None` when the
/// terms do not say (no terms, or before the first or after the last).
pub fn in_term(date: Date, terms: &[Term]) -> Option<bool> {
    let first = terms.iter().map(|t| t.from).min()?;
    let last = terms.iter().map(|t| t.to).max()?;
    if date < first || date > last {
        return None;
    }
    Some(terms.iter().any(|t| t.from <= date && date <= t.to))
}

fn season_allows(season: Season, day: Date, terms: &[Term]) -> bool {
    match season {
        Season::Always => true,
        Season::TermTime => in_term(day, terms) == Some(true),
        Season::Holidays => in_term(day, terms) == Some(false),
    }
}

fn date_allows(rule: &OpenRule, day: Date) -> bool {
    let iso = day.iso();
    rule.from.as_deref().is_none_or(|f| f <= iso.as_str()) && rule.to.as_deref().is_none_or(|t| iso.as_str() <= t)
}

/// The day `back` days before `date`.
fn days_before(date: Date, back: u32) -> Option<Date> {
    date.inner()
        .checked_sub(time::Duration::days(i64::from(back)))
        .map(Date::from_inner)
}

/// True when a service with these rules is open at `minute` (0–1439) of the local day `date`.
pub fn is_open(rules: &[OpenRule], terms: &[Term], date: Date, minute: u32) -> bool {
    let today = weekday_of(date);
    let now = today * DAY + minute;
    rules.iter().any(|rule| {
        rule.spans.iter().any(|&[start, end]| {
            // This week's session, or last week's one that ran past Sunday midnight.
            let started = if start <= now && now < end {
                days_before(date, today - start / DAY)
            } else if end > WEEK && now + WEEK < end && start <= now + WEEK {
                days_before(date, today + 7 - start / DAY)
            } else {
                None
            };
            started.is_some_and(|day| date_allows(rule, day) && season_allows(rule.season, day, terms))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Case {
        name: String,
        schedules: Vec<Schedule>,
        #[serde(default)]
        terms: Vec<Term>,
        rules: serde_json::Value,
        checks: Vec<Check>,
    }

    #[derive(Deserialize)]
    struct Check {
        local: String,
        open: bool,
    }

    fn local(text: &str) -> (Date, u32) {
        let (day, clock) = text.split_once(' ').unwrap();
        (Date::parse(day).unwrap(), parse_time(clock).unwrap())
    }

    /// The cases the browser's decision is tested on too (`tests/browser/open-now.mjs`).
    #[test]
    fn shared_cases_normalise_and_decide_as_written() {
        let cases: Vec<Case> = serde_json::from_str(include_str!("../../tests/open-now-cases.json")).unwrap();
        assert!(cases.len() >= 5);
        for case in cases {
            let rules = rules_for(&case.schedules);
            let json = serde_json::to_value(&rules).unwrap();
            assert_eq!(json, case.rules, "{}: the compact rules", case.name);
            for check in case.checks {
                let (date, minute) = local(&check.local);
                assert_eq!(
                    is_open(&rules, &case.terms, date, minute),
                    check.open,
                    "{}: at {}",
                    case.name,
                    check.local
                );
            }
        }
    }

    fn schedule(json: &str) -> Schedule {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_session_past_midnight_ends_the_next_morning() {
        let rule = rule_for(&schedule(r#"{"days": ["friday"], "opens_at": "22:00", "closes_at": "02:00"}"#)).unwrap();
        assert_eq!(rule.spans, vec![[4 * DAY + 22 * 60, 5 * DAY + 2 * 60]]);
        // Friday 6 November 2026, 23:30, and Saturday 01:59 are open; Saturday 02:00 is not.
        let friday = Date::from_ymd(2026, 11, 6).unwrap();
        let saturday = Date::from_ymd(2026, 11, 7).unwrap();
        assert!(is_open(std::slice::from_ref(&rule), &[], friday, 23 * 60 + 30));
        assert!(is_open(std::slice::from_ref(&rule), &[], saturday, 60 + 59));
        assert!(!is_open(std::slice::from_ref(&rule), &[], saturday, 2 * 60));
    }

    #[test]
    fn sunday_night_sessions_run_into_monday() {
        let rule = rule_for(&schedule(r#"{"days": ["sunday"], "opens_at": "23:00", "closes_at": "01:00"}"#)).unwrap();
        let monday = Date::from_ymd(2026, 11, 9).unwrap();
        assert!(is_open(std::slice::from_ref(&rule), &[], monday, 30));
        assert!(!is_open(&[rule], &[], monday, 60));
    }

    #[test]
    fn without_times_or_weekly_sessions_open_now_is_not_decided() {
        assert!(rule_for(&schedule(r#"{"days": ["monday"]}"#)).is_none());
        assert!(
            rule_for(&schedule(
                r#"{"days": ["monday"], "frequency": "monthly", "opens_at": "10:00", "closes_at": "11:00"}"#
            ))
            .is_none()
        );
        assert_eq!(compact(&[schedule(r#"{"days": ["monday"]}"#)]), "");
    }

    #[test]
    fn seasons_come_from_the_description() {
        assert_eq!(Season::from_description(Some("Term time only")), Season::TermTime);
        assert_eq!(Season::from_description(Some("term-time only")), Season::TermTime);
        assert_eq!(Season::from_description(Some("School holidays only")), Season::Holidays);
        assert_eq!(Season::from_description(Some("Bring a packed lunch")), Season::Always);
        assert_eq!(Season::from_description(None), Season::Always);
    }

    #[test]
    fn outside_the_listed_terms_neither_term_nor_holiday_is_known() {
        let terms = [Term {
            from: Date::from_ymd(2026, 9, 2).unwrap(),
            to: Date::from_ymd(2026, 10, 23).unwrap(),
        }];
        assert_eq!(in_term(Date::from_ymd(2026, 9, 1).unwrap(), &terms), None);
        assert_eq!(in_term(Date::from_ymd(2026, 9, 2).unwrap(), &terms), Some(true));
        assert_eq!(in_term(Date::from_ymd(2026, 10, 24).unwrap(), &terms), None);
        assert_eq!(terms_text(&terms), "2026-09-02/2026-10-23");
    }
}
