//! Calendar dates as authors write them (`2026-03-14`) and as families read them ("14 March 2026").

use serde::{Deserialize, Deserializer};
use std::fmt;
use time::{Month, macros::format_description};

/// The months' names in English, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date from the content, such as a review date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// Parses `YYYY-MM-DD`, explaining in plain words what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Date, String> {
        let text = text.trim();
        let format = format_description!("[year]-[month]-[day]");
        match time::Date::parse(text, format) {
            Ok(date) => Ok(Date(date)),
            Err(_) => {
                let shape_ok = text.len() == 10
                    && text
                        .chars()
                        .enumerate()
                        .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
                if shape_ok {
                    Err(format!("`{text}` is not a real date"))
                } else {
                    Err(format!("`{text}` is not a date in the form YYYY-MM-DD"))
                }
            }
        }
    }

    /// A date from its year, month (1–12) and day.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day).ok().map(Date)
    }

    /// The same day `months` later, or the last day of that month when it is shorter.
    pub fn add_months(self, months: u32) -> Date {
        let total = self.0.year() * 12 + (self.0.month() as i32 - 1) + months as i32;
        let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        let month = Month::try_from(month).unwrap_or(Month::December);
        let last = month.length(year);
        time::Date::from_calendar_date(year, month, self.0.day().min(last))
            .map(Date)
            .unwrap_or(self)
    }

    /// The date `days` later.
    pub fn add_days(self, days: u32) -> Date {
        self.0.checked_add(time::Duration::days(days.into())).map(Date).unwrap_or(self)
    }

    /// The `time` crate's date (for weekday and calendar arithmetic).
    pub fn inner(self) -> time::Date {
        self.0
    }

    /// A date from the `time` crate's date.
    pub fn from_inner(date: time::Date) -> Date {
        Date(date)
    }

    /// `Tuesday 3 November 2026`, for headings of days.
    pub fn long_with_weekday(self) -> String {
        format!("{} {}", self.0.weekday(), self.long())
    }

    /// `2026-03-14`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.0.year(), self.0.month() as u8, self.0.day())
    }

    /// `14 March 2026`, the form GOV.UK style uses.
    pub fn long(self) -> String {
        format!("{} {} {}", self.0.day(), self.0.month(), self.0.year())
    }

    /// Today's date, or the date in `SIGNPOST_TODAY` (YYYY-MM-DD) so builds and tests can be repeated.
    pub fn today() -> Date {
        if let Ok(text) = std::env::var("SIGNPOST_TODAY")
            && let Ok(date) = Date::parse(&text)
        {
            return date;
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let days = (now / 86_400) as i64;
        time::Date::from_julian_day(2_440_588 + days as i32)
            .map(Date)
            .unwrap_or(Date(time::Date::MIN))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(|message| crate::yaml::explain::own_error(crate::yaml::explain::OwnError::Date, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let date = Date::parse("2026-03-04").unwrap();
        assert_eq!(date.iso(), "2026-03-04");
        assert_eq!(date.long(), "4 March 2026");
    }

    #[test]
    fn explains_bad_dates() {
        assert_eq!(Date::parse("2026-02-30").unwrap_err(), "`2026-02-30` is not a real date");
        assert_eq!(
            Date::parse("14/03/2026").unwrap_err(),
            "`14/03/2026` is not a date in the form YYYY-MM-DD"
        );
    }

    #[test]
    fn adding_months_clamps_to_the_end_of_the_month() {
        assert_eq!(Date::parse("2026-01-31").unwrap().add_months(1).iso(), "2026-02-28");
        assert_eq!(Date::parse("2026-11-15").unwrap().add_months(12).iso(), "2027-11-15");
        assert_eq!(Date::parse("2026-12-01").unwrap().add_days(31).iso(), "2027-01-01");
    }
}
