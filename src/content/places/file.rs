//! Reads `content/places.yaml`: the council's localities and postcode districts with the point
//! at the middle of each (its centroid), checked entry by entry.

use super::{Places, Point, postcode};
use crate::content::slugify;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use crate::yaml::{self, Spanned, position_of};
use serde::Deserialize;

/// The shape of the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    #[serde(default)]
    localities: Vec<Spanned<Locality>>,
    #[serde(default)]
    postcode_districts: Vec<Spanned<District>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Locality {
    name: Spanned<String>,
    latitude: Spanned<f64>,
    longitude: Spanned<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct District {
    district: Spanned<String>,
    latitude: Spanned<f64>,
    longitude: Spanned<f64>,
}

/// Reads the places file's text into `places`, reporting each bad entry at its line and column
/// (and leaving it out).
pub(super) fn read(file: &str, text: &str, places: &mut Places, diagnostics: &mut Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return;
    }
    let parsed = match yaml::parse::<PlacesFile>(text) {
        Ok(parsed) => parsed,
        Err(error) => {
            diagnostics
                .push(Diagnostic::error(file, error.line, error.column, error.rule, error.message).with_suggestion(error.suggestion));
            return;
        }
    };
    let mut first_seen = std::collections::BTreeMap::new();
    for entry in parsed.localities {
        let locality = &entry.value;
        let at = position_of(&locality.name);
        let name = locality.name.value.trim();
        if name.is_empty() || slugify(name).is_empty() {
            diagnostics.push(
                Diagnostic::error(file, at.line, at.column, Rule::PLACE_NAME, "This locality has no name")
                    .with_suggestion("Write the locality's name as the services write it under `locality:`, for example `name: Bloxwich`."),
            );
            continue;
        }
        let Some(point) = point(file, &locality.latitude, &locality.longitude, name, diagnostics) else {
            continue;
        };
        let key = slugify(name);
        if let Some(line) = first_seen.insert(format!("l:{key}"), at.line) {
            diagnostics.push(duplicate(file, at.line, at.column, &format!("The locality `{name}`"), line));
            continue;
        }
        places.localities.insert(key, (name.to_string(), point));
    }
    for entry in parsed.postcode_districts {
        let district = &entry.value;
        let at = position_of(&district.district);
        let code: String = district.district.value.split_whitespace().collect::<String>().to_ascii_uppercase();
        if !postcode::is_outward(&code) {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    at.line,
                    at.column,
                    Rule::PLACE_NAME,
                    format!("`{}` is not a postcode district", district.district.value.trim()),
                )
                .with_suggestion("Write the first part of the postcodes in it, before the space: `WS3` for WS3 2XQ."),
            );
            continue;
        }
        let Some(point) = point(file, &district.latitude, &district.longitude, &code, diagnostics) else {
            continue;
        };
        if let Some(line) = first_seen.insert(format!("d:{code}"), at.line) {
            diagnostics.push(duplicate(file, at.line, at.column, &format!("The postcode district {code}"), line));
            continue;
        }
        places.districts.insert(code, point);
    }
}

/// A second entry for the same place.
fn duplicate(file: &str, line: usize, column: usize, what: &str, first: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        line,
        column,
        Rule::PLACE_DUPLICATE,
        format!("{what} is listed twice (first on line {first})"),
    )
    .with_suggestion("Keep one entry and remove the other, so every place has one middle point.")
}

/// The point written as `latitude:` and `longitude:`, when both are in range and in the UK.
fn point(file: &str, latitude: &Spanned<f64>, longitude: &Spanned<f64>, name: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Point> {
    let (lat, lon) = (latitude.value, longitude.value);
    match coordinate_problem(lat, lon) {
        None => Some(Point { lat, lon }),
        Some((in_latitude, message, fix)) => {
            let at = position_of(if in_latitude { latitude } else { longitude });
            diagnostics.push(
                Diagnostic::error(file, at.line, at.column, Rule::PLACE_COORDINATES, format!("{name}: {message}")).with_suggestion(fix),
            );
            None
        }
    }
}

/// What is wrong with a latitude and longitude for a place in the United Kingdom, if anything:
/// whether the latitude is the one to fix, the message and how to fix it.
pub fn coordinate_problem(lat: f64, lon: f64) -> Option<(bool, String, &'static str)> {
    const FIX: &str = "Write the latitude (about 49 to 61 in the UK) and longitude (about -8 to 2) in degrees, as the ONS Postcode Directory or OpenStreetMap give them: `latitude: 52.586` and `longitude: -1.983` for Walsall.";
    let uk_lat = (49.0..=61.0).contains(&lat);
    let uk_lon = (-8.7..=2.0).contains(&lon);
    if (49.0..=61.0).contains(&lon) && (-8.7..=2.0).contains(&lat) {
        return Some((
            true,
            format!("latitude {lat} and longitude {lon} look the wrong way round"),
            "Swap them: the latitude is the number about 52 in the Midlands, the longitude the one about -2.",
        ));
    }
    if !lat.is_finite() || !uk_lat {
        return Some((true, format!("latitude {lat} is not in the United Kingdom"), FIX));
    }
    if !lon.is_finite() || !uk_lon {
        return Some((false, format!("longitude {lon} is not in the United Kingdom"), FIX));
    }
    None
}
