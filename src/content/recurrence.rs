//! When a recurring event happens: expanding weekly, fortnightly and monthly rules (with term
//! time and exceptions) into dates, and UK local times (Europe/London, with British Summer Time)
//! into universal time.

use super::Date;
use serde::Deserialize;
use time::{Month, Weekday};

/// How often an event repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Repeat {
    /// Every week, on the weekday of the first date.
    Weekly,
    /// Every other week, on the weekday of the first date.
    Fortnightly,
    /// Every month: on the same day of the month, or on a weekday such as "first tuesday".
    Monthly,
}

/// Which weekday of the month: `first tuesday`, `last friday`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NthWeekday {
    /// 1 to 4 for first to fourth; -1 for last.
    pub nth: i8,
    /// The weekday.
    pub weekday: Weekday,
}

impl NthWeekday {
    /// Reads `first tuesday`, `2nd monday`, `last friday`; `None` when it is not in that form.
    pub fn parse(text: &str) -> Option<NthWeekday> {
        let lower = text.trim().to_ascii_lowercase();
        let mut words = lower.split_whitespace();
        let nth = match words.next()? {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            "last" => -1,
            _ => return None,
        };
        let weekday = weekday_from_name(words.next()?)?;
        if words.next().is_some() {
            return None;
        }
        Some(NthWeekday { nth, weekday })
    }

    /// The date this rule picks in the given month, if there is one.
    pub fn in_month(self, year: i32, month: Month) -> Option<time::Date> {
        if self.nth > 0 {
            let first = time::Date::from_calendar_date(year, month, 1).ok()?;
            let ahead = u32::from(days_until(first.weekday(), self.weekday));
            let day = 1 + ahead + 7 * (self.nth as u32 - 1);
            let day = u8::try_from(day).ok().filter(|d| *d <= month.length(year))?;
            time::Date::from_calendar_date(year, month, day).ok()
        } else {
            let last = time::Date::from_calendar_date(year, month, month.length(year)).ok()?;
            let back = days_until(self.weekday, last.weekday());
            time::Date::from_calendar_date(year, month, month.length(year) - back).ok()
        }
    }

    /// The iCalendar `BYDAY` value: `1TU`, `-1FR`.
    pub fn ical(self) -> String {
        format!("{}{}", self.nth, ical_weekday(self.weekday))
    }
}

/// Days from weekday `from` forward to weekday `to` (0 to 6).
fn days_until(from: Weekday, to: Weekday) -> u8 {
    (7 + to.number_days_from_monday() - from.number_days_from_monday()) % 7
}

/// A weekday from its English name (`tuesday`, `tues`, `tue`).
pub(crate) fn weekday_from_name(name: &str) -> Option<Weekday> {
    let name = name.trim().to_ascii_lowercase();
    let days = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    days.iter()
        .find(|(full, _)| name.len() >= 3 && full.starts_with(name.as_str()))
        .map(|(_, day)| *day)
}

/// The two-letter iCalendar weekday: `MO`, `TU`.
pub(crate) fn ical_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// A school term (or any period when term-time-only sessions run), first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The first day of term.
    pub from: Date,
    /// The last day of term.
    pub to: Date,
}

/// When an event happens: its first date and how it repeats.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The first (or only) date.
    pub starts: Date,
    /// How it repeats (none: once).
    pub repeat: Option<Repeat>,
    /// For monthly events: which weekday of the month (none: the same day of the month).
    pub on: Option<NthWeekday>,
    /// The last date it can happen.
    pub until: Option<Date>,
    /// Only on days inside a term.
    pub term_time_only: bool,
    /// Dates it does not happen.
    pub except: Vec<Date>,
}

/// The longest a rule is expanded, so a rule with no end cannot run forever.
const MAX_OCCURRENCES: usize = 5000;

impl Rule {
    /// A one-off event.
    pub fn once(starts: Date) -> Rule {
        Rule {
            starts,
            repeat: None,
            on: None,
            until: None,
            term_time_only: false,
            except: Vec::new(),
        }
    }

    /// Every date the rule gives before exceptions and terms are applied, up to `last`.
    pub fn candidates(&self, last: Date) -> Vec<Date> {
        let last = match self.until {
            Some(until) if until < last => until,
            _ => last,
        };
        let start = self.starts.inner();
        let mut dates = Vec::new();
        match self.repeat {
            None => dates.push(start),
            Some(Repeat::Weekly | Repeat::Fortnightly) => {
                let step = if self.repeat == Some(Repeat::Weekly) { 7 } else { 14 };
                let mut day = start;
                while Date::from_inner(day) <= last && dates.len() < MAX_OCCURRENCES {
                    dates.push(day);
                    match day.checked_add(time::Duration::days(step)) {
                        Some(next) => day = next,
                        None => break,
                    }
                }
            }
            Some(Repeat::Monthly) => {
                let mut months = 0u32;
                while dates.len() < MAX_OCCURRENCES {
                    let month_start = Date::from_inner(start.replace_day(1).unwrap_or(start)).add_months(months);
                    if month_start > last {
                        break;
                    }
                    let inner = month_start.inner();
                    let day = match self.on {
                        Some(rule) => rule.in_month(inner.year(), inner.month()),
                        // Months without that day (the 31st in April) are skipped, as RFC 5545 does.
                        None => inner.replace_day(start.day()).ok(),
                    };
                    if let Some(day) = day
                        && day >= start
                    {
                        dates.push(day);
                    }
                    months += 1;
                }
            }
        }
        dates.into_iter().map(Date::from_inner).filter(|d| *d <= last).collect()
    }

    /// True when `date` is excluded: an exception, or outside every term for a term-time event.
    pub fn excluded(&self, date: Date, terms: &[Term]) -> bool {
        self.except.contains(&date) || (self.term_time_only && !terms.iter().any(|t| t.from <= date && date <= t.to))
    }

    /// The dates it happens from `first` to `last` (both included).
    pub fn occurrences(&self, first: Date, last: Date, terms: &[Term]) -> Vec<Date> {
        self.candidates(last)
            .into_iter()
            .filter(|d| *d >= first && !self.excluded(*d, terms))
            .collect()
    }
}

/// A time of day, 24-hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
}

impl LocalTime {
    /// Reads `HH:MM` (24-hour), explaining what is wrong otherwise.
    pub fn parse(text: &str) -> Result<LocalTime, String> {
        let text = text.trim();
        let parts: Vec<&str> = text.split(':').collect();
        let number = |s: &str| {
            (s.len() == 2 && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        match parts.as_slice() {
            [h, m] => match (number(h), number(m)) {
                (Some(hour), Some(minute)) if hour < 24 && minute < 60 => Ok(LocalTime { hour, minute }),
                _ => Err(format!(
                    "`{text}` is not a time of day in the 24-hour form HH:MM, such as 09:30 or 14:00"
                )),
            },
            _ => Err(format!(
                "`{text}` is not a time of day in the 24-hour form HH:MM, such as 09:30 or 14:00"
            )),
        }
    }

    /// `0930`-style digits with seconds, for iCalendar: `093000`.
    pub fn ical(self) -> String {
        format!("{:02}{:02}00", self.hour, self.minute)
    }

    /// `09:30`.
    pub fn hhmm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// How families read it: `9:30am`, `2pm`, `12 noon`.
    pub fn words(self) -> String {
        if self.hour == 12 && self.minute == 0 {
            return "12 noon".to_string();
        }
        let (hour, suffix) = match self.hour {
            0 => (12, "am"),
            1..=11 => (self.hour, "am"),
            12 => (12, "pm"),
            _ => (self.hour - 12, "pm"),
        };
        if self.minute == 0 {
            format!("{hour}{suffix}")
        } else {
            format!("{hour}:{:02}{suffix}", self.minute)
        }
    }
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: Month) -> Option<time::Date> {
    NthWeekday {
        nth: -1,
        weekday: Weekday::Sunday,
    }
    .in_month(year, month)
}

/// The difference from UTC, in hours, of UK local time at `time` on `date`: 1 during British
/// Summer Time (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October), 0 otherwise. A local time that does not exist (01:30 on the March change day) is
/// read as summer time; one that happens twice (01:30 in October) as the first, summer one.
pub(crate) fn uk_offset_hours(date: Date, time: LocalTime) -> i64 {
    let inner = date.inner();
    let (Some(spring), Some(autumn)) = (last_sunday(inner.year(), Month::March), last_sunday(inner.year(), Month::October)) else {
        return 0;
    };
    if inner > spring && inner < autumn {
        return 1;
    }
    if inner == spring {
        return i64::from(time.hour >= 1);
    }
    if inner == autumn {
        return i64::from(time.hour < 2);
    }
    0
}

/// The universal time of a UK local time, as `2026-03-30T09:00:00Z`.
pub(crate) fn utc_instant(date: Date, time: LocalTime) -> String {
    let local = time::PrimitiveDateTime::new(
        date.inner(),
        time::Time::from_hms(time.hour, time.minute, 0).unwrap_or(time::Time::MIDNIGHT),
    );
    let utc = local - time::Duration::hours(uk_offset_hours(date, time));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00Z",
        utc.year(),
        utc.month() as u8,
        utc.day(),
        utc.hour(),
        utc.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn isos(dates: &[Date]) -> Vec<String> {
        dates.iter().map(|d| d.iso()).collect()
    }

    fn rule(starts: &str, repeat: Repeat) -> Rule {
        Rule {
            repeat: Some(repeat),
            ..Rule::once(d(starts))
        }
    }

    #[test]
    fn weekly_keeps_the_weekday() {
        let dates = rule("2026-11-03", Repeat::Weekly).occurrences(d("2026-11-01"), d("2026-11-30"), &[]);
        assert_eq!(isos(&dates), ["2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"]);
    }

    #[test]
    fn fortnightly_skips_a_week() {
        let dates = rule("2026-11-04", Repeat::Fortnightly).occurrences(d("2026-11-10"), d("2026-12-31"), &[]);
        assert_eq!(isos(&dates), ["2026-11-18", "2026-12-02", "2026-12-16", "2026-12-30"]);
    }

    #[test]
    fn first_tuesday_of_each_month() {
        let mut monthly = rule("2026-09-01", Repeat::Monthly);
        monthly.on = NthWeekday::parse("first tuesday");
        let dates = monthly.occurrences(d("2026-09-01"), d("2027-01-31"), &[]);
        assert_eq!(isos(&dates), ["2026-09-01", "2026-10-06", "2026-11-03", "2026-12-01", "2027-01-05"]);
        assert_eq!(monthly.on.unwrap().ical(), "1TU");
    }

    #[test]
    fn last_friday_and_same_day_of_month() {
        let mut last = rule("2026-01-01", Repeat::Monthly);
        last.on = NthWeekday::parse("last friday");
        assert_eq!(
            isos(&last.occurrences(d("2026-01-01"), d("2026-03-31"), &[])),
            ["2026-01-30", "2026-02-27", "2026-03-27"]
        );
        let on_31st = rule("2026-01-31", Repeat::Monthly);
        assert_eq!(
            isos(&on_31st.occurrences(d("2026-01-01"), d("2026-05-31"), &[])),
            ["2026-01-31", "2026-03-31", "2026-05-31"]
        );
    }

    #[test]
    fn nth_weekday_names() {
        assert_eq!(NthWeekday::parse("2nd Monday").unwrap().ical(), "2MO");
        assert_eq!(NthWeekday::parse("last sun").unwrap().ical(), "-1SU");
        assert!(NthWeekday::parse("fifth monday").is_none());
        assert!(NthWeekday::parse("first").is_none());
        assert!(NthWeekday::parse("first tuesday please").is_none());
    }

    #[test]
    fn term_time_only_skips_the_holidays() {
        let terms = [
            Term {
                from: d("2026-09-02"),
                to: d("2026-10-23"),
            },
            Term {
                from: d("2026-11-02"),
                to: d("2026-12-18"),
            },
        ];
        let mut weekly = rule("2026-10-14", Repeat::Weekly);
        weekly.term_time_only = true;
        let dates = weekly.occurrences(d("2026-10-01"), d("2026-11-12"), &terms);
        assert_eq!(isos(&dates), ["2026-10-14", "2026-10-21", "2026-11-04", "2026-11-11"]);
    }

    #[test]
    fn exceptions_and_until() {
        let mut weekly = rule("2026-12-01", Repeat::Weekly);
        weekly.except = vec![d("2026-12-22"), d("2026-12-29")];
        weekly.until = Some(d("2027-01-12"));
        let dates = weekly.occurrences(d("2026-12-01"), d("2027-12-31"), &[]);
        assert_eq!(isos(&dates), ["2026-12-01", "2026-12-08", "2026-12-15", "2027-01-05", "2027-01-12"]);
    }

    #[test]
    fn past_dates_are_left_out() {
        let dates = rule("2026-01-05", Repeat::Weekly).occurrences(d("2026-11-25"), d("2026-12-10"), &[]);
        assert_eq!(isos(&dates), ["2026-11-30", "2026-12-07"]);
        assert!(
            Rule::once(d("2026-01-05"))
                .occurrences(d("2026-11-25"), d("2026-12-10"), &[])
                .is_empty()
        );
    }

    #[test]
    fn ten_oclock_stays_ten_oclock_across_the_march_change() {
        // Summer time starts on Sunday 29 March 2026.
        let ten = LocalTime::parse("10:00").unwrap();
        let dates = rule("2026-03-22", Repeat::Weekly).occurrences(d("2026-03-01"), d("2026-04-05"), &[]);
        let instants: Vec<String> = dates.iter().map(|date| utc_instant(*date, ten)).collect();
        assert_eq!(instants, ["2026-03-22T10:00:00Z", "2026-03-29T09:00:00Z", "2026-04-05T09:00:00Z"]);
    }

    #[test]
    fn ten_oclock_stays_ten_oclock_across_the_october_change() {
        // Summer time ends on Sunday 25 October 2026.
        let ten = LocalTime::parse("10:00").unwrap();
        let dates = rule("2026-10-18", Repeat::Weekly).occurrences(d("2026-10-01"), d("2026-11-01"), &[]);
        let instants: Vec<String> = dates.iter().map(|date| utc_instant(*date, ten)).collect();
        assert_eq!(instants, ["2026-10-18T09:00:00Z", "2026-10-25T10:00:00Z", "2026-11-01T10:00:00Z"]);
    }

    #[test]
    fn the_change_happens_at_one_in_the_morning_utc() {
        let at = |t: &str| LocalTime::parse(t).unwrap();
        assert_eq!(uk_offset_hours(d("2026-03-29"), at("00:30")), 0);
        assert_eq!(uk_offset_hours(d("2026-03-29"), at("03:00")), 1);
        assert_eq!(uk_offset_hours(d("2026-10-25"), at("00:30")), 1);
        assert_eq!(uk_offset_hours(d("2026-10-25"), at("02:30")), 0);
        assert_eq!(uk_offset_hours(d("2027-03-28"), at("12:00")), 1);
        assert_eq!(uk_offset_hours(d("2027-01-15"), at("12:00")), 0);
        assert_eq!(uk_offset_hours(d("2027-07-15"), at("12:00")), 1);
    }

    #[test]
    fn times_are_read_and_written_plainly() {
        assert_eq!(LocalTime::parse("09:30").unwrap().words(), "9:30am");
        assert_eq!(LocalTime::parse("14:00").unwrap().words(), "2pm");
        assert_eq!(LocalTime::parse("12:00").unwrap().words(), "12 noon");
        assert!(LocalTime::parse("9.30").is_err());
        assert!(LocalTime::parse("25:00").is_err());
    }
}
