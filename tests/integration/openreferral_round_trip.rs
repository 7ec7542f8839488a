//! A clean Open Referral UK 3.0 export (`tests/fixtures/import/oruk-3-clean.json`) imported into a
//! site and built gives back, in the feed, the same values for every field both keep.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

fn export() -> Value {
    serde_json::from_str(&read(&fixture("import"), "oruk-3-clean.json")).unwrap()
}

/// Imports the clean export into a copy of the valid fixture, builds it, and returns the feed's
/// services (from their own files) with the folders kept alive.
fn imported_feed() -> (tempfile::TempDir, Vec<Value>) {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    signpost()
        .args(["import", "openreferral"])
        .arg(fixture("import/oruk-3-clean.json"))
        .arg("--root")
        .arg(site.path())
        .assert()
        .success();
    let public = site.path().join("public");
    signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    let folder = public.join("openreferral/services");
    let services = files_under(&folder)
        .iter()
        .filter(|f| !f.starts_with("page/"))
        .map(|f| serde_json::from_str(&read(&folder, f)).unwrap())
        .collect();
    (site, services)
}

fn by_name<'a>(services: &'a [Value], name: &Value) -> &'a Value {
    services
        .iter()
        .find(|s| &s["name"] == name)
        .unwrap_or_else(|| panic!("{name} is in the feed"))
}

fn words(value: &Value) -> String {
    value.as_str().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_clean_export_round_trips_with_the_same_values() {
    let (_site, feed) = imported_feed();
    let export = export();
    let records = export["contents"].as_array().unwrap();
    assert_eq!(records.len(), 5);
    for record in records {
        let name = record["name"].as_str().unwrap();
        let got = by_name(&feed, &record["name"]);
        for field in ["url", "email", "status", "fees", "minimum_age", "maximum_age", "assured_date"] {
            assert_eq!(got[field], record[field], "{name}: {field}");
        }
        assert_eq!(words(&got["description"]), words(&record["description"]), "{name}: description");
        assert_eq!(got["organization"]["name"], record["organization"]["name"], "{name}: organization");
        assert_eq!(
            got["contacts"][0]["phones"][0]["number"], record["contacts"][0]["phones"][0]["number"],
            "{name}: phone"
        );
        for field in ["freq", "interval", "byday", "opens_at", "closes_at"] {
            assert_eq!(
                got["schedules"][0][field], record["schedules"][0][field],
                "{name}: schedule {field}"
            );
        }
        let (sent, back) = (
            &record["service_at_locations"][0]["location"]["addresses"][0],
            &got["service_at_locations"][0]["location"]["addresses"][0],
        );
        for field in ["address_1", "city", "postal_code", "country"] {
            assert_eq!(back[field], sent[field], "{name}: address {field}");
        }
        for field in ["option", "amount", "amount_description"] {
            let (a, b) = (&got["cost_options"][0][field], &record["cost_options"][0][field]);
            if b.is_number() {
                assert_eq!(a.as_f64(), b.as_f64(), "{name}: cost {field}");
            } else {
                assert_eq!(a, b, "{name}: cost {field}");
            }
        }
        let needs = |s: &Value| {
            s["attributes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|a| a["link_type"] == "need")
                .count()
        };
        assert_eq!(needs(got), needs(record), "{name}: one need for each need term");
        let terms = |s: &Value, kind: &str| -> Vec<String> {
            s["attributes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|a| a["link_type"] == kind)
                .map(|a| a["taxonomy_term"]["name"].as_str().unwrap_or_default().to_string())
                .collect()
        };
        assert_eq!(terms(got, "language"), terms(record, "language"), "{name}: languages");
        assert_eq!(terms(got, "category"), terms(record, "category"), "{name}: category");
    }
}

#[test]
fn a_clean_export_round_trips_with_the_same_ids() {
    let (_site, feed) = imported_feed();
    for record in export()["contents"].as_array().unwrap() {
        let got = by_name(&feed, &record["name"]);
        assert_eq!(
            got["service_areas"][0]["name"], record["service_areas"][0]["name"],
            "{}: service area",
            record["name"]
        );
        assert_eq!(got["id"], record["id"], "{}: the source id is the feed id", record["name"]);
        assert!(
            Path::new(&signpost::output::openreferral::service_path(record["id"].as_str().unwrap()))
                .ends_with(format!("{}.json", record["id"].as_str().unwrap()))
        );
    }
}
