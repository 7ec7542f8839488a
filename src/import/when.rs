//! Dates and times as exports write them: ISO (`2026-03-14`, `2026-03-14T10:00:00Z`), UK
//! day/month/year (`14/03/2026`, `14-03-2026`, `14.03.26`), placeholders (`0001-01-01`), and
//! times on the 12- or 24-hour clock (`9.30am`, `11am`, `18:00:00`).

use crate::content::{Date, parse_time};

/// What a date in an export turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum DateRead {
    /// A real date.
    Date(Date),
    /// A stand-in such as `0001-01-01` or `TBC`.
    Placeholder(String),
    /// Not a date that could be read.
    Unreadable(String),
}

/// Reads one date.
pub fn date(raw: &str) -> DateRead {
    let text = raw.trim();
    if super::contact::is_placeholder(text) {
        return DateRead::Placeholder(text.to_string());
    }
    let day_part = text.split(['T', ' ']).next().unwrap_or(text);
    let read = if day_part.len() == 10 && day_part.as_bytes().get(4) == Some(&b'-') {
        Date::parse(day_part).ok()
    } else {
        uk_date(day_part)
    };
    match read {
        Some(date) if date < Date::from_ymd(1900, 1, 1).unwrap_or(date) => DateRead::Placeholder(text.to_string()),
        Some(date) => DateRead::Date(date),
        None => DateRead::Unreadable(text.to_string()),
    }
}

/// `14/03/2026`, `14-03-2026`, `14.3.26`: day first, as UK platforms write it.
fn uk_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else { return None };
    let day: u8 = day.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let year: i32 = match year.len() {
        2 => 2000 + year.parse::<i32>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    Date::from_ymd(year, month, day)
}

/// A time as `HH:MM` on the 24-hour clock, from `9.30am`, `11am`, `12pm`, `18:00:00` or `1800`.
pub fn time(raw: &str) -> Option<String> {
    let text = raw.trim().to_ascii_lowercase().replace(' ', "");
    let (number, half) = if let Some(rest) = text.strip_suffix("am").or_else(|| text.strip_suffix("a.m.")) {
        (rest.to_string(), Some(false))
    } else if let Some(rest) = text.strip_suffix("pm").or_else(|| text.strip_suffix("p.m.")) {
        (rest.to_string(), Some(true))
    } else {
        (text.clone(), None)
    };
    let (hours, minutes) = match number.split_once([':', '.']) {
        Some((h, m)) => (h.to_string(), m.get(..2).unwrap_or(m).to_string()),
        None if number.len() == 4 && half.is_none() => (number[..2].to_string(), number[2..].to_string()),
        None => (number.clone(), "00".to_string()),
    };
    let mut hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    match half {
        Some(_) if !(1..=12).contains(&hours) => return None,
        Some(false) if hours == 12 => hours = 0,
        Some(true) if hours != 12 => hours += 12,
        _ => {}
    }
    let written = format!("{hours:02}:{minutes:02}");
    parse_time(&written).map(|_| written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_uk_and_placeholder_dates() {
        let d = |y, m, day| DateRead::Date(Date::from_ymd(y, m, day).unwrap());
        assert_eq!(date("2026-03-14"), d(2026, 3, 14));
        assert_eq!(date("2026-09-01T00:00:00Z"), d(2026, 9, 1));
        assert_eq!(date("14/03/2019"), d(2019, 3, 14));
        assert_eq!(date("02-01-2027"), d(2027, 1, 2));
        assert_eq!(date("0001-01-01"), DateRead::Placeholder("0001-01-01".into()));
        assert_eq!(date("TBC"), DateRead::Placeholder("TBC".into()));
        assert_eq!(date("31/13/2026"), DateRead::Unreadable("31/13/2026".into()));
    }

    #[test]
    fn twelve_hour_times() {
        assert_eq!(time("9.30am").as_deref(), Some("09:30"));
        assert_eq!(time("11am").as_deref(), Some("11:00"));
        assert_eq!(time("12pm").as_deref(), Some("12:00"));
        assert_eq!(time("12am").as_deref(), Some("00:00"));
        assert_eq!(time("7.15 pm").as_deref(), Some("19:15"));
        assert_eq!(time("18:00:00").as_deref(), Some("18:00"));
        assert_eq!(time("9:00").as_deref(), Some("09:00"));
        assert_eq!(time("13pm"), None);
        assert_eq!(time("teatime"), None);
    }
}
