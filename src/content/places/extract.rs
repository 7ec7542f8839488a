//! Reads a postcode extract in the ONS Postcode Directory (ONSPD) CSV layout, a line at a time so
//! even the whole country's file (2.7 million rows, over 1 GB) never has to fit in memory. Only
//! the columns `pcds` (the postcode with one space), `lat` and `long` are used; only postcodes in
//! the districts of the places file are kept.

use super::{Places, Point, postcode};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use std::io::{BufRead, Read};

/// The longest line read: ONSPD lines are under 1 KB.
const MAX_LINE: u64 = 64 * 1024;
/// Bad rows reported one by one before the rest are counted in one message.
const MAX_ROW_REPORTS: usize = 10;
/// The latitude ONSPD gives postcodes it has no grid reference for.
const NO_GRID_REFERENCE: f64 = 99.999999;

/// What reading an extract found, for the build's notes and tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExtractCounts {
    /// Postcodes kept (in the places file's districts).
    pub kept: usize,
    /// Postcodes in other districts, not kept.
    pub elsewhere: usize,
    /// Postcodes ONSPD has no location for (latitude 99.999999), not kept.
    pub unlocated: usize,
    /// Rows that could not be read, not kept.
    pub bad: usize,
}

/// Reads the extract `file` (its name for messages) from `reader` into `places.postcodes`.
pub fn read<R: Read>(file: &str, reader: R, places: &mut Places, diagnostics: &mut Vec<Diagnostic>) -> ExtractCounts {
    let mut reader = std::io::BufReader::new(reader);
    let mut counts = ExtractCounts::default();
    let mut buffer = Vec::new();
    let mut line_number = 0;
    let mut columns: Option<(usize, usize, usize)> = None;
    let mut reported = 0;
    loop {
        buffer.clear();
        let read = match (&mut reader).take(MAX_LINE).read_until(b'\n', &mut buffer) {
            Ok(read) => read,
            Err(error) => {
                diagnostics.push(Diagnostic::error(
                    file,
                    line_number + 1,
                    0,
                    Rule::READ_ERROR,
                    format!("Cannot read this file: {error}"),
                ));
                break;
            }
        };
        if read == 0 {
            break;
        }
        line_number += 1;
        if !buffer.ends_with(b"\n") && read as u64 == MAX_LINE {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    line_number,
                    1,
                    Rule::POSTCODE_EXTRACT,
                    "This line is too long to be a row of the ONS Postcode Directory",
                )
                .with_suggestion("Export the extract again as CSV (comma-separated values), one postcode a line."),
            );
            break;
        }
        let text = String::from_utf8_lossy(&buffer);
        let text = text.trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            continue;
        }
        let fields = split_csv(text);
        let Some((pcds, lat, long)) = columns else {
            match header_columns(&fields) {
                Some(found) => columns = Some(found),
                None => {
                    diagnostics.push(
                        Diagnostic::error(file, line_number, 1, Rule::POSTCODE_EXTRACT, "This file has no `pcds`, `lat` and `long` columns, so it is not in the ONS Postcode Directory layout")
                            .with_suggestion("Keep the first line of the ONSPD CSV file (its column names) and at least the columns pcds, lat and long. See docs/directory.md#places."),
                    );
                    return counts;
                }
            }
            continue;
        };
        let field = |n: usize| fields.get(n).map(|(at, value)| (*at, value.trim()));
        let (Some((code_at, code)), Some((lat_at, lat_text)), Some((long_at, long_text))) = (field(pcds), field(lat), field(long)) else {
            counts.bad += 1;
            report(&mut reported, diagnostics, || {
                Diagnostic::warning(
                    file,
                    line_number,
                    1,
                    Rule::POSTCODE_EXTRACT_ROW,
                    "This row has fewer columns than the first line, so it was left out",
                )
                .with_suggestion("Export the extract again as CSV; every row needs as many columns as the first line.")
            });
            continue;
        };
        let Some(parsed) = postcode::Postcode::parse(code).filter(|p| matches!(p, postcode::Postcode::Full { .. })) else {
            counts.bad += 1;
            report(&mut reported, diagnostics, || {
                Diagnostic::warning(
                    file,
                    line_number,
                    code_at,
                    Rule::POSTCODE_EXTRACT_ROW,
                    format!("`{code}` is not a postcode, so this row was left out"),
                )
                .with_suggestion("The pcds column holds postcodes such as `WS3 2XQ`.")
            });
            continue;
        };
        let (Ok(lat_value), Ok(long_value)) = (lat_text.parse::<f64>(), long_text.parse::<f64>()) else {
            counts.bad += 1;
            let at = if lat_text.parse::<f64>().is_err() { lat_at } else { long_at };
            report(&mut reported, diagnostics, || {
                Diagnostic::warning(
                    file,
                    line_number,
                    at,
                    Rule::POSTCODE_EXTRACT_ROW,
                    format!(
                        "The latitude or longitude of {} is not a number, so it was left out",
                        parsed.written()
                    ),
                )
                .with_suggestion("The lat and long columns hold degrees, such as 52.6174 and -2.0064.")
            });
            continue;
        };
        if (lat_value - NO_GRID_REFERENCE).abs() < 1e-6 {
            counts.unlocated += 1;
            continue;
        }
        if !places.districts.contains_key(parsed.outward()) {
            counts.elsewhere += 1;
            continue;
        }
        if let Some((in_latitude, message, fix)) = super::file::coordinate_problem(lat_value, long_value) {
            counts.bad += 1;
            report(&mut reported, diagnostics, || {
                Diagnostic::warning(
                    file,
                    line_number,
                    if in_latitude { lat_at } else { long_at },
                    Rule::POSTCODE_EXTRACT_ROW,
                    format!("{}: {message}, so it was left out", parsed.written()),
                )
                .with_suggestion(fix)
            });
            continue;
        }
        counts.kept += 1;
        places.postcodes.insert(
            parsed.written(),
            Point {
                lat: lat_value,
                lon: long_value,
            },
        );
    }
    if reported > MAX_ROW_REPORTS {
        diagnostics.push(
            Diagnostic::warning(
                file,
                0,
                0,
                Rule::POSTCODE_EXTRACT_ROW,
                format!("{} more rows could not be read and were left out", reported - MAX_ROW_REPORTS),
            )
            .with_suggestion("Export the extract again from the ONS Postcode Directory; the first rows are listed above."),
        );
    }
    counts
}

/// Reports a bad row, up to [`MAX_ROW_REPORTS`] of them.
fn report(reported: &mut usize, diagnostics: &mut Vec<Diagnostic>, make: impl FnOnce() -> Diagnostic) {
    *reported += 1;
    if *reported <= MAX_ROW_REPORTS {
        diagnostics.push(make());
    }
}

/// The positions of the `pcds`, `lat` and `long` columns in the first line (any case).
fn header_columns(fields: &[(usize, String)]) -> Option<(usize, usize, usize)> {
    let find = |name: &str| fields.iter().position(|(_, f)| f.trim().eq_ignore_ascii_case(name));
    Some((find("pcds")?, find("lat")?, find("long")?))
}

/// Splits one CSV line into its fields, each with its 1-based column; a field may be in double
/// quotes, with `""` for a quote inside.
pub fn split_csv(line: &str) -> Vec<(usize, String)> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut start = 1;
    let mut quoted = false;
    let mut chars = line.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        match c {
            '"' if quoted && chars.peek().is_some_and(|(_, n)| *n == '"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => {
                fields.push((start, std::mem::take(&mut current)));
                start = index + 2;
            }
            other => current.push(other),
        }
    }
    fields.push((start, current));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places_with(districts: &[&str]) -> Places {
        let mut places = Places::default();
        for d in districts {
            places.districts.insert(d.to_string(), Point { lat: 52.6, lon: -2.0 });
        }
        places
    }

    #[test]
    fn the_onspd_layout_is_read_by_column_name_and_other_districts_are_skipped() {
        let csv = "\u{feff}\"pcd\",\"pcd2\",\"pcds\",\"dointr\",\"doterm\",\"lat\",\"long\"\r\n\
                   \"WS3 2XQ\",\"WS3  2XQ\",\"WS3 2XQ\",\"198001\",\"\",52.617400,-2.006400\r\n\
                   \"B1  1AA\",\"B1  1AA\",\"B1 1AA\",\"198001\",\"\",52.480000,-1.900000\r\n\
                   \"WS3 9ZZ\",\"WS3  9ZZ\",\"WS3 9ZZ\",\"198001\",\"\",99.999999,0.000000\r\n";
        let mut places = places_with(&["WS3"]);
        let mut found = Vec::new();
        let counts = read("content/places/onspd.csv", csv.as_bytes(), &mut places, &mut found);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            counts,
            ExtractCounts {
                kept: 1,
                elsewhere: 1,
                unlocated: 1,
                bad: 0
            }
        );
        assert_eq!(
            places.postcodes.get("WS3 2XQ"),
            Some(&Point {
                lat: 52.6174,
                lon: -2.0064
            })
        );
    }

    #[test]
    fn an_unknown_layout_is_an_error_on_the_first_line() {
        let mut places = places_with(&["WS3"]);
        let mut found = Vec::new();
        read(
            "x.csv",
            "postcode,latitude,longitude\nWS3 2XQ,52.6,-2.0\n".as_bytes(),
            &mut places,
            &mut found,
        );
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].rule, found[0].line, found[0].column), (Rule::POSTCODE_EXTRACT, 1, 1));
        assert!(places.postcodes.is_empty());
    }

    #[test]
    fn bad_rows_are_reported_at_their_line_and_column_and_left_out() {
        let csv = "pcds,lat,long\nWS3 2XQ,52.6x,-2.0\nnot one,52.6,-2.0\nWS3 2XR,-2.0,52.6\nWS3 2XS\nWS3 2XT,52.61,-2.01\n";
        let mut places = places_with(&["WS3"]);
        let mut found = Vec::new();
        let counts = read("x.csv", csv.as_bytes(), &mut places, &mut found);
        let at: Vec<_> = found.iter().map(|d| (d.rule, d.line, d.column)).collect();
        assert_eq!(
            at,
            [
                (Rule::POSTCODE_EXTRACT_ROW, 2, 9),
                (Rule::POSTCODE_EXTRACT_ROW, 3, 1),
                (Rule::POSTCODE_EXTRACT_ROW, 4, 9),
                (Rule::POSTCODE_EXTRACT_ROW, 5, 1),
            ]
        );
        assert_eq!(counts.bad, 4);
        assert_eq!(places.postcodes.len(), 1);
    }

    #[test]
    fn many_bad_rows_are_summed_up_after_the_first_ten() {
        let mut csv = String::from("pcds,lat,long\n");
        for _ in 0..25 {
            csv.push_str("WS3 2XQ,x,y\n");
        }
        let mut found = Vec::new();
        read("x.csv", csv.as_bytes(), &mut places_with(&["WS3"]), &mut found);
        assert_eq!(found.len(), 11);
        assert!(found[10].message.contains("15 more rows"), "{}", found[10].message);
    }

    #[test]
    fn quoted_fields_keep_their_commas() {
        let fields: Vec<String> = split_csv("\"a,b\",c,\"d \"\"e\"\"\"").into_iter().map(|(_, f)| f).collect();
        assert_eq!(fields, ["a,b", "c", "d \"e\""]);
    }
}
