//! The "near me" lookup files under `/places/` in the output, cut small like the search bundle so
//! the browser fetches only what one postcode needs, and never sends the postcode anywhere:
//!
//! - `places/districts.json`: every postcode district's middle point, and the sectors that have
//!   a postcode file: `{"districts": {"WS3": [52.619, -1.995]}, "sectors": ["WS3-2"]}`;
//! - `places/postcodes/<sector>.json`: the postcodes of one sector (`WS3-2`: every `WS3 2…`) by
//!   their inward code: `{"2XQ": [52.6174, -2.0064]}`. The file name is the sector, never the
//!   whole postcode;
//! - `places/nearest/<district>.json`: the services with a venue nearest the middle of the
//!   district (at most [`NEAREST`]), for the directory page's "Near you" list:
//!   `[[address, name, category name, "lat,lon lat,lon"], …]`, nearest first. The browser measures
//!   each again from the family's own postcode or position before it shows them.
//!
//! Points have 4 decimal places (about 10 metres). The files are written from sorted data, so the
//! same places give the same bytes.

use crate::content::places::{Places, Postcode};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The folder of the lookup files in the output.
pub const PLACES_DIR: &str = "places";
/// The districts file, inside the output.
pub const DISTRICTS_FILE: &str = "places/districts.json";
/// The folder of the postcode files, inside the output.
pub const POSTCODES_DIR: &str = "places/postcodes";
/// The folder of the nearest services by district, inside the output.
pub const NEAREST_DIR: &str = "places/nearest";
/// How many services each district's nearest file lists.
pub const NEAREST: usize = 30;

/// A coordinate to 4 decimal places.
pub fn rounded(degrees: f64) -> f64 {
    (degrees * 10_000.0).round() / 10_000.0
}

fn point(p: crate::content::places::Point) -> Value {
    json!([rounded(p.lat), rounded(p.lon)])
}

/// The lookup files (path inside the output, bytes) for a site's places and services; none when
/// the site has no places file.
pub fn files(site: &crate::content::Site) -> Vec<(String, Vec<u8>)> {
    let mut out = lookup_files(&site.places);
    if site.places.is_present() {
        out.extend(nearest_files(site));
    }
    out
}

/// For each district, the services with a venue nearest its middle (see the module's notes).
fn nearest_files(site: &crate::content::Site) -> Vec<(String, Vec<u8>)> {
    let placed: Vec<(&crate::content::Service, Vec<crate::content::places::Point>)> = site
        .services
        .iter()
        .map(|s| (s, s.places().filter_map(|p| p.located).map(|l| l.point).collect::<Vec<_>>()))
        .filter(|(_, points)| !points.is_empty())
        .collect();
    let category_name = |id: &str| {
        site.config
            .categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    site.places
        .districts
        .iter()
        .map(|(code, middle)| {
            let mut by_distance: Vec<(f64, usize)> = placed
                .iter()
                .enumerate()
                .map(|(n, (_, points))| {
                    (
                        points
                            .iter()
                            .map(|p| crate::content::places::miles(*middle, *p))
                            .fold(f64::INFINITY, f64::min),
                        n,
                    )
                })
                .collect();
            by_distance.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let rows: Vec<Value> = by_distance
                .iter()
                .take(NEAREST)
                .map(|(_, n)| {
                    let service = placed[*n].0;
                    json!([
                        service.url,
                        service.record.name,
                        category_name(&service.record.category),
                        crate::render::views::near_points(service)
                    ])
                })
                .collect();
            (format!("{NEAREST_DIR}/{code}.json"), to_bytes(&Value::Array(rows)))
        })
        .collect()
}

/// The districts file and the postcode files of `places`; none when there is no places file.
pub fn lookup_files(places: &Places) -> Vec<(String, Vec<u8>)> {
    if !places.is_present() {
        return Vec::new();
    }
    let mut sectors: BTreeMap<String, serde_json::Map<String, Value>> = BTreeMap::new();
    for (code, at) in &places.postcodes {
        if let Some(parsed @ Postcode::Full { .. }) = Postcode::parse(code)
            && let (Some(sector), Postcode::Full { inward, .. }) = (parsed.sector(), &parsed)
        {
            sectors.entry(sector).or_default().insert(inward.clone(), point(*at));
        }
    }
    let districts: serde_json::Map<String, Value> = places.districts.iter().map(|(code, at)| (code.clone(), point(*at))).collect();
    let mut out = vec![(
        DISTRICTS_FILE.to_string(),
        to_bytes(&json!({ "districts": districts, "sectors": sectors.keys().collect::<Vec<_>>() })),
    )];
    for (sector, postcodes) in sectors {
        out.push((format!("{POSTCODES_DIR}/{sector}.json"), to_bytes(&Value::Object(postcodes))));
    }
    out
}

fn to_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::places::Point;

    #[test]
    fn postcodes_are_cut_by_sector_and_no_file_is_named_after_a_postcode() {
        let mut places = Places {
            file: Some("content/places.yaml".into()),
            ..Places::default()
        };
        places.districts.insert("WS3".into(), Point { lat: 52.619, lon: -1.995 });
        places.postcodes.insert(
            "WS3 2XQ".into(),
            Point {
                lat: 52.617_44,
                lon: -2.006_36,
            },
        );
        places.postcodes.insert(
            "WS3 2XR".into(),
            Point {
                lat: 52.6175,
                lon: -2.0065,
            },
        );
        places.postcodes.insert("WS3 3AA".into(), Point { lat: 52.62, lon: -2.0 });
        let files = lookup_files(&places);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "places/districts.json",
                "places/postcodes/WS3-2.json",
                "places/postcodes/WS3-3.json"
            ]
        );
        assert_eq!(
            String::from_utf8(files[0].1.clone()).unwrap(),
            r#"{"districts":{"WS3":[52.619,-1.995]},"sectors":["WS3-2","WS3-3"]}"#
        );
        assert_eq!(
            String::from_utf8(files[1].1.clone()).unwrap(),
            r#"{"2XQ":[52.6174,-2.0064],"2XR":[52.6175,-2.0065]}"#
        );
        assert!(lookup_files(&Places::default()).is_empty(), "no places file, no files");
    }
}
