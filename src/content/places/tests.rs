//! Reading the places file and extracts from a site folder, and placing venues.

use super::*;
use crate::content::Place;
use crate::rules::Rule;

/// A site folder with `content/places.yaml` holding `yaml` and each extract in `content/places/`.
fn site(yaml: Option<&str>, extracts: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/places")).unwrap();
    if let Some(yaml) = yaml {
        std::fs::write(dir.path().join("content/places.yaml"), yaml).unwrap();
    }
    for (name, text) in extracts {
        std::fs::write(dir.path().join("content/places").join(name), text).unwrap();
    }
    dir
}

/// Loads the places of a site folder as the loader does: from the kept text of `places.yaml`.
fn load_folder(root: &std::path::Path) -> (Places, Vec<Diagnostic>) {
    let mut sources = crate::content::SourceTexts::new("");
    if let Ok(text) = std::fs::read_to_string(root.join("content/places.yaml")) {
        sources.insert("content/places.yaml", std::sync::Arc::from(text.as_str()));
    }
    load(root, &sources)
}

const GOOD: &str = "\
# Walsall's localities and postcode districts
localities:
  - name: Bloxwich
    latitude: 52.6180
    longitude: -2.0030
  - name: Walsall Town Centre
    latitude: 52.5860
    longitude: -1.9829
postcode_districts:
  - district: WS3
    latitude: 52.6190
    longitude: -1.9950
  - district: ws10
    latitude: 52.5600
    longitude: -2.0300
";

#[test]
fn a_site_without_a_places_file_has_no_places_and_no_findings() {
    let dir = site(None, &[]);
    let (places, found) = load_folder(dir.path());
    assert!(!places.is_present());
    assert!(found.is_empty());
}

#[test]
fn localities_and_districts_are_read() {
    let dir = site(Some(GOOD), &[]);
    let (places, found) = load_folder(dir.path());
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(places.file.as_deref(), Some("content/places.yaml"));
    assert_eq!(places.localities["bloxwich"].0, "Bloxwich");
    assert_eq!(places.localities["walsall-town-centre"].1, Point { lat: 52.586, lon: -1.9829 });
    assert_eq!(places.districts.keys().collect::<Vec<_>>(), ["WS10", "WS3"]);
}

#[test]
fn bad_entries_are_reported_at_their_line_and_column() {
    let yaml = "\
localities:
  - name: Bloxwich
    latitude: 152.6
    longitude: -2.0
  - name: Pelsall
    latitude: -1.99
    longitude: 52.63
  - name: bloxwich
    latitude: 52.6
    longitude: -2.0
  - name: Bloxwich
    latitude: 52.6
    longitude: -2.0
postcode_districts:
  - district: WS 3 X9
    latitude: 52.6
    longitude: -2.0
  - district: WS3
    latitude: 52.6
    longitude: 12.0
";
    let dir = site(Some(yaml), &[]);
    let (places, found) = load_folder(dir.path());
    let at: Vec<_> = found.iter().map(|d| (d.rule, d.line, d.column)).collect();
    assert_eq!(
        at,
        [
            (Rule::PLACE_COORDINATES, 3, 15),
            (Rule::PLACE_COORDINATES, 6, 15),
            (Rule::PLACE_DUPLICATE, 11, 11),
            (Rule::PLACE_NAME, 15, 15),
            (Rule::PLACE_COORDINATES, 20, 16),
        ],
        "{found:#?}"
    );
    assert!(found[1].message.contains("wrong way round"), "{}", found[1].message);
    assert!(found.iter().all(|d| d.file == "content/places.yaml" && d.suggestion.is_some()));
    // The first Bloxwich was out of range, so the lowercase one is kept.
    assert_eq!(places.localities.len(), 1);
    assert!(places.districts.is_empty());
}

#[test]
fn an_unknown_field_is_a_yaml_error_with_its_position() {
    let dir = site(Some("localities:\n  - name: Bloxwich\n    lat: 52.6\n    longitude: -2.0\n"), &[]);
    let (_, found) = load_folder(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].line, 3, "{found:?}");
}

#[test]
fn an_extract_beside_the_places_file_adds_the_postcodes_of_its_districts() {
    let csv = "pcds,lat,long\nWS3 2XQ,52.6174,-2.0064\nWS10 8AP,52.5620,-2.0410\nB1 1AA,52.48,-1.90\n";
    let dir = site(Some(GOOD), &[("onspd-walsall.csv", csv)]);
    let (places, found) = load_folder(dir.path());
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(places.postcodes.keys().collect::<Vec<_>>(), ["WS10 8AP", "WS3 2XQ"]);
}

#[test]
fn an_extract_without_a_places_file_is_reported_not_lost() {
    let dir = site(None, &[("onspd.csv", "pcds,lat,long\n")]);
    let (places, found) = load_folder(dir.path());
    assert!(!places.is_present());
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].rule, found[0].file.as_str()),
        (Rule::POSTCODE_EXTRACT, "content/places/onspd.csv")
    );
}

#[test]
fn a_venue_is_placed_by_its_own_point_then_postcode_then_district_then_locality() {
    let dir = site(Some(GOOD), &[("onspd.csv", "pcds,lat,long\nWS3 2XQ,52.6174,-2.0064\n")]);
    let (places, _) = load_folder(dir.path());
    let venue = |postcode: Option<&str>, locality: Option<&str>, own: Option<(f64, f64)>| Place {
        postcode: postcode.map(str::to_string),
        locality: locality.map(str::to_string),
        latitude: own.map(|o| o.0),
        longitude: own.map(|o| o.1),
        ..Place::default()
    };
    let how = |place: Place| places.locate(&place).map(|l| (l.placement, l.point));
    assert_eq!(
        how(venue(Some("WS3 2XQ"), Some("Bloxwich"), Some((52.61, -2.01)))),
        Some((Placement::Own, Point { lat: 52.61, lon: -2.01 }))
    );
    assert_eq!(
        how(venue(Some("ws32xq"), Some("Bloxwich"), None)),
        Some((
            Placement::Postcode,
            Point {
                lat: 52.6174,
                lon: -2.0064
            }
        ))
    );
    assert_eq!(
        how(venue(Some("WS3 9ZZ"), Some("Bloxwich"), None)),
        Some((Placement::District, Point { lat: 52.619, lon: -1.995 }))
    );
    assert_eq!(
        how(venue(Some("B1 1AA"), Some("bloxwich"), None)),
        Some((Placement::Locality, Point { lat: 52.618, lon: -2.003 }))
    );
    assert_eq!(how(venue(None, Some("Pelsall"), None)), None);
    // Coordinates outside the UK are not used: the postcode places it instead.
    assert_eq!(
        how(venue(Some("WS3 2XQ"), None, Some((0.0, 0.0)))).map(|h| h.0),
        Some(Placement::Postcode)
    );
}

/// The cases the browser script is tested with too (tests/browser/near-me-logic.mjs), so the
/// build and the browser read postcodes and measure distances the same way.
#[test]
fn the_shared_cases_give_the_same_answers_as_the_browser_expects() {
    let cases: serde_json::Value = serde_json::from_str(include_str!("../../../tests/fixtures/near-me/cases.json")).unwrap();
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
    for case in cases["postcodes"].as_array().unwrap() {
        let typed = case[0].as_str().unwrap();
        let parsed = Postcode::parse(typed);
        assert_eq!(normalise(typed), text(&case[1]), "normalised {typed:?}");
        assert_eq!(
            parsed.as_ref().map(|p| p.outward().to_string()),
            text(&case[2]),
            "outward code of {typed:?}"
        );
        assert_eq!(parsed.and_then(|p| p.sector()), text(&case[3]), "sector of {typed:?}");
    }
    for case in cases["miles"].as_array().unwrap() {
        let point = |v: &serde_json::Value| Point {
            lat: v[0].as_f64().unwrap(),
            lon: v[1].as_f64().unwrap(),
        };
        let expected = case[3].as_f64().unwrap();
        let got = miles(point(&case[1]), point(&case[2]));
        assert!((got - expected).abs() < 1e-9, "{}: {got} miles, expected {expected}", case[0]);
    }
}
