//! "Near me": the places file puts venues on the map, the build writes the small lookup files
//! the browser fetches (never named after a whole postcode), cards and search results carry their
//! venues' points, and venues that cannot be placed are reported at their line.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

const PLACES: &str = "\
# Testshire's places (invented)
localities:
  - name: Southtown
    latitude: 52.500
    longitude: -2.000
postcode_districts:
  - district: TS1
    latitude: 52.510
    longitude: -2.010
";

const EXTRACT: &str = "\"pcd\",\"pcd2\",\"pcds\",\"dointr\",\"doterm\",\"lat\",\"long\"
\"TS1 2AB\",\"TS1  2AB\",\"TS1 2AB\",\"199001\",\"\",52.512300,-2.011100
\"ZZ9 9ZZ\",\"ZZ9  9ZZ\",\"ZZ9 9ZZ\",\"199001\",\"\",51.000000,-1.000000
";

/// A short break whose venue the places file cannot place: its locality and district are unknown.
const LOST: &str = "\
- id: far-club
  name: Far club
  category: short-breaks
  summary: A club far away.
  provider: Far Trust
  ages: { from: 5, to: 11 }
  access: [drop-in]
  cost: Free
  contact:
    phone: \"0121 496 0101\"
  where:
    address: Hall, High Street
    postcode: XX9 9XX
    locality: Fartown
  locations:
    - address: Annexe
      postcode: TS1 2AB
  last_reviewed: 2026-09-01
";

/// The valid fixture with a places file, a postcode extract and `more` services.
fn site_with_places(more: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::write(site.path().join("content/places.yaml"), PLACES).unwrap();
    std::fs::create_dir_all(site.path().join("content/places")).unwrap();
    std::fs::write(site.path().join("content/places/onspd-extract.csv"), EXTRACT).unwrap();
    if !more.is_empty() {
        std::fs::write(site.path().join("content/services/more.yaml"), more).unwrap();
    }
    site
}

/// Every finding of `signpost check` as (rule, file, line, column, severity).
fn findings(root: &Path) -> Vec<(String, String, u64, u64, String)> {
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    report["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap_or("").to_string();
            (
                text("rule"),
                text("file"),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                text("severity"),
            )
        })
        .collect()
}

#[test]
fn without_a_places_file_there_is_no_near_me_and_nothing_to_report() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let (_out, public) = build_site(site.path());
    assert!(!public.join("places").exists());
    assert!(!read(&public, "services/short-breaks/index.html").contains("data-near-me"));
    let found = findings(site.path());
    assert!(
        !found.iter().any(|f| f.0.starts_with("venue-") || f.0.starts_with("place")),
        "{found:?}"
    );
}

#[test]
fn the_lookup_files_are_cut_by_sector_and_name_no_whole_postcode() {
    let site = site_with_places("");
    let (_out, public) = build_site(site.path());
    let places: Vec<String> = files_under(&public.join("places"));
    assert_eq!(places, ["districts.json", "nearest/TS1.json", "postcodes/TS1-2.json"]);
    let districts: Value = serde_json::from_str(&read(&public, "places/districts.json")).unwrap();
    assert_eq!(
        districts,
        serde_json::json!({ "districts": { "TS1": [52.51, -2.01] }, "sectors": ["TS1-2"] })
    );
    // Only postcodes in the places file's districts are kept.
    let sector: Value = serde_json::from_str(&read(&public, "places/postcodes/TS1-2.json")).unwrap();
    assert_eq!(sector, serde_json::json!({ "2AB": [52.5123, -2.0111] }));
    // Splash Club's venue is in Southtown: the nearest list of TS1 has it with its point.
    let nearest = read(&public, "places/nearest/TS1.json");
    assert!(
        nearest.contains(r#"["/services/splash-club/","Splash Club swimming","Short breaks","52.5,-2"]"#),
        "{nearest}"
    );
}

#[test]
fn pages_offer_near_me_with_each_cards_venues_and_the_lookup_addresses() {
    let site = site_with_places(LOST);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    signpost()
        .args(["build", "--base-url", "https://example.github.io/localoffer/", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    let category = read(&public, "services/short-breaks/index.html");
    assert!(
        category.contains("data-districts=\"/localoffer/places/districts.json\""),
        "the lookup address has no base path"
    );
    assert!(category.contains("data-postcodes=\"/localoffer/places/postcodes/\""));
    // Far club: its main venue cannot be placed, its annexe is at TS1 2AB.
    assert!(
        category.contains("/services/far-club/=52.5123,-2.0111;"),
        "far club's annexe is not on its card"
    );
    assert!(category.contains("/services/splash-club/=52.5,-2;"));
    assert!(
        category.contains("src=\"/localoffer/assets/near-me."),
        "the script is not loaded from the site's assets"
    );
    assert!(read(&public, "services/index.html").contains("data-nearest=\"/localoffer/places/nearest/\""));
    assert!(read(&public, "search/index.html").contains("data-near-me"));
    // Search results carry the points too.
    let docs: String = files_under(&public.join("search/docs"))
        .iter()
        .map(|f| read(&public, &format!("search/docs/{f}")))
        .collect();
    assert!(
        docs.contains(r#""/services/far-club/""#) && docs.contains(r#""52.5123,-2.0111""#),
        "search docs have no points"
    );
    // The postcode box has no name and its form no action, so a postcode cannot go in an address.
    let form = &category[category.find("data-near-me-form").unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(!form.contains("name=") && !form.contains("action="), "{form}");
}

#[test]
fn a_venue_that_cannot_be_placed_is_a_warning_at_its_postcode() {
    let site = site_with_places(LOST);
    let found = findings(site.path());
    let lost: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "venue-not-placed")
        .map(|f| (f.1.as_str(), f.2, f.3, f.4.as_str()))
        .collect();
    // Far club's main venue (at its postcode; its annexe at TS1 2AB is placed), and the valid
    // fixture's speech therapy, whose Northtown venue is not in the places file (at its locality).
    assert_eq!(
        lost,
        [
            ("content/services/health.yaml", 12, 15, "warning"),
            ("content/services/more.yaml", 13, 15, "warning")
        ],
        "{found:?}"
    );
    // A warning only: the site still builds.
    build_site(site.path());
}

#[test]
fn a_bad_places_file_is_reported_at_the_entry() {
    let site = site_with_places("");
    std::fs::write(
        site.path().join("content/places.yaml"),
        "localities:\n  - name: Southtown\n    latitude: -2.0\n    longitude: 52.5\n",
    )
    .unwrap();
    std::fs::write(site.path().join("content/places/onspd-extract.csv"), "postcode,x,y\nTS1 2AB,1,2\n").unwrap();
    let found = findings(site.path());
    assert!(
        found.contains(&("place-coordinates".into(), "content/places.yaml".into(), 3, 15, "error".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "postcode-extract".into(),
            "content/places/onspd-extract.csv".into(),
            1,
            1,
            "error".into()
        )),
        "{found:?}"
    );
}

#[test]
fn the_example_site_places_most_venues_from_their_postcodes() {
    // The example is the repository itself: every venue is placed (no warnings) and most by
    // their postcode in the example extract.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (site, found) = signpost::content::load_site(root, false);
    assert!(found.is_empty(), "{found:?}");
    let site = site.unwrap();
    let places = &site.places;
    let venues: Vec<_> = site.services.iter().flat_map(|s| s.places()).filter_map(|p| p.located).collect();
    let by_postcode = venues
        .iter()
        .filter(|l| l.placement == signpost::content::places::Placement::Postcode)
        .count();
    assert!(places.postcodes.len() >= 30, "{} postcodes", places.postcodes.len());
    assert!(
        venues.len() >= 30 && by_postcode * 4 >= venues.len() * 3,
        "{by_postcode} of {} venues placed by postcode",
        venues.len()
    );
}

#[test]
fn a_venues_own_coordinates_must_come_in_pairs_and_be_in_the_uk() {
    let more = LOST
        .replace("    postcode: XX9 9XX\n", "    postcode: XX9 9XX\n    latitude: 52.6\n")
        .replace(
            "      postcode: TS1 2AB\n",
            "      postcode: TS1 2AB\n      latitude: -2.0\n      longitude: 52.5\n",
        );
    let site = site_with_places(&more);
    let found = findings(site.path());
    let own: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "venue-coordinates")
        .map(|f| (f.2, f.3, f.4.as_str()))
        .collect();
    // A latitude with no longitude (line 14), and a pair the wrong way round (line 19): both
    // warnings, and neither used, so the annexe is still placed by its postcode.
    assert_eq!(own, [(14, 15, "warning"), (19, 17, "warning")], "{found:?}");
    assert_eq!(found.iter().filter(|f| f.0 == "venue-not-placed").count(), 2, "{found:?}");
}
