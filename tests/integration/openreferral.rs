//! The Open Referral UK 3.0 feed: static JSON files with the required fields and types of the
//! standard, optional fields left out rather than null or empty, and nothing private. (The
//! schema validation is in `openreferral_schemas`.)

use crate::common::*;
use serde_json::Value;

fn json(public: &std::path::Path, file: &str) -> Value {
    serde_json::from_str(&read(public, file)).unwrap_or_else(|e| panic!("{file} is not JSON: {e}"))
}

/// The path inside the built site of the feed file of the service with Signpost id `id`.
pub fn service_file(id: &str) -> String {
    signpost::output::openreferral::service_path(&signpost::output::openreferral::feed_id(None, id))
}

fn is_uuid(value: &Value) -> bool {
    let Some(text) = value.as_str() else { return false };
    let parts: Vec<&str> = text.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12] && text.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

/// Fails on any null, empty string, empty array or empty object anywhere in `value`.
fn assert_no_empty_values(value: &Value, path: &str) {
    match value {
        Value::Null => panic!("{path} is null"),
        Value::String(text) => assert!(!text.trim().is_empty(), "{path} is an empty string"),
        Value::Array(items) => {
            assert!(!items.is_empty() || path.ends_with("contents"), "{path} is an empty list");
            for (index, item) in items.iter().enumerate() {
                assert_no_empty_values(item, &format!("{path}[{index}]"));
            }
        }
        Value::Object(map) => {
            assert!(!map.is_empty(), "{path} is an empty object");
            for (key, item) in map {
                assert_no_empty_values(item, &format!("{path}.{key}"));
            }
        }
        _ => {}
    }
}

/// Checks the required fields and types of an ORUK 3.0 service and its nested records.
fn assert_service_shape(service: &Value) {
    let name = service["name"].as_str().expect("name is a string");
    assert!(is_uuid(&service["id"]), "{name}: id is a UUID");
    assert!(
        ["active", "inactive", "defunct", "temporarily closed"].contains(&service["status"].as_str().unwrap_or("")),
        "{name}: status"
    );
    assert!(service["description"].is_string(), "{name}: description");
    for age in ["minimum_age", "maximum_age"] {
        assert!(service[age].is_u64(), "{name}: {age} is a number");
    }
    assert!(
        service["assured_date"].as_str().is_some_and(|d| d.len() == 10),
        "{name}: assured_date is a date"
    );
    let organization = &service["organization"];
    assert!(is_uuid(&organization["id"]) && organization["name"].is_string() && organization["description"].is_string());
    assert_eq!(service["organization_id"], organization["id"]);
    assert!(service.get("phones").is_none(), "{name}: no service-level phones in the UK profile");
    for contact in service["contacts"].as_array().into_iter().flatten() {
        assert_eq!(contact["service_id"], service["id"], "{name}: contact");
        for phone in contact["phones"].as_array().into_iter().flatten() {
            assert!(is_uuid(&phone["id"]) && phone["number"].is_string(), "{name}: phone");
            assert_eq!(phone["contact_id"], contact["id"], "{name}: phone");
        }
    }
    for schedule in service["schedules"].as_array().into_iter().flatten() {
        assert!(is_uuid(&schedule["id"]), "{name}: schedule id");
        if let Some(freq) = schedule.get("freq") {
            assert!(["WEEKLY", "MONTHLY"].contains(&freq.as_str().unwrap_or("")), "{name}: freq");
            assert!(schedule["interval"].is_u64());
        }
        for time in ["opens_at", "closes_at"] {
            if let Some(value) = schedule.get(time) {
                assert_eq!(value.as_str().map(str::len), Some(8), "{name}: {time} is HH:MM:SS");
            }
        }
    }
    for cost in service["cost_options"].as_array().into_iter().flatten() {
        assert!(
            is_uuid(&cost["id"]) && cost["amount"].is_number() && cost.get("currency").is_none(),
            "{name}: cost option"
        );
    }
    for at in service["service_at_locations"].as_array().into_iter().flatten() {
        let location = &at["location"];
        assert!(is_uuid(&at["id"]) && is_uuid(&location["id"]), "{name}: location ids");
        assert!(["physical", "postal", "virtual"].contains(&location["location_type"].as_str().unwrap_or("")));
        for address in location["addresses"].as_array().into_iter().flatten() {
            for field in ["address_1", "city", "state_province", "postal_code", "country", "address_type"] {
                assert!(address[field].is_string(), "{name}: address {field}");
            }
        }
        for access in location["accessibility"].as_array().into_iter().flatten() {
            assert!(is_uuid(&access["id"]), "{name}: accessibility id");
        }
    }
    for attribute in service["attributes"].as_array().into_iter().flatten() {
        assert!(is_uuid(&attribute["taxonomy_term_id"]) && attribute["link_id"] == service["id"]);
        let term = &attribute["taxonomy_term"];
        assert!(is_uuid(&term["id"]) && term["name"].is_string() && term["description"].is_string());
    }
}

#[test]
fn the_feed_lists_every_service_in_paged_files_named_by_the_index() {
    let (_out, public) = build_site(&fixture("valid"));
    let index = json(&public, "openreferral/index.json");
    assert_eq!(index["version"], "3.0");
    assert_eq!(index["services"]["total_items"], 3);
    assert_eq!(
        index["services"]["pages"][0],
        "https://localoffer.testshire.example/openreferral/services/page/1.json"
    );
    assert!(
        !public.join("openreferral/services.json").exists(),
        "no single list of the whole directory"
    );
    let list = json(&public, "openreferral/services/page/1.json");
    assert_eq!(list["total_items"], 3);
    assert_eq!(list["total_pages"], 1);
    assert_eq!(list["page_number"], 1);
    assert_eq!(list["size"], 3);
    assert_eq!(list["first_page"], true);
    assert_eq!(list["last_page"], true);
    assert_eq!(list["empty"], false);
    let contents = list["contents"].as_array().expect("contents");
    assert_eq!(contents.len(), 3);
    assert_no_empty_values(&list, "page/1.json");
    for service in contents {
        assert!(is_uuid(&service["id"]) && service["name"].is_string() && service["organization"]["name"].is_string());
        for nested in ["schedules", "contacts", "service_at_locations", "attributes", "cost_options"] {
            assert!(service.get(nested).is_none(), "a list page has one-to-one fields only ({nested})");
        }
    }
}

#[test]
fn each_service_has_its_own_file_matching_its_entry_in_the_list() {
    let (_out, public) = build_site(&fixture("valid"));
    let list = json(&public, "openreferral/services/page/1.json");
    for id in ["saturday-play-scheme", "speech-therapy", "splash-club"] {
        let one = json(&public, &service_file(id));
        assert_service_shape(&one);
        assert_no_empty_values(&one, id);
        let entry = list["contents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == one["id"])
            .expect("in the list");
        for (key, value) in entry.as_object().unwrap() {
            assert_eq!(&one[key], value, "{id}: {key} is the same in the list and the file");
        }
    }
}

#[test]
fn the_richer_fields_are_mapped_and_private_fields_are_not() {
    let (_out, public) = build_site(&fixture("valid"));
    let speech = json(&public, &service_file("speech-therapy"));
    assert_eq!(speech["status"], "active");
    assert_eq!(speech["minimum_age"], 0);
    assert_eq!(speech["maximum_age"], 18);
    assert_eq!(speech["url"], "https://nhs.testshire.example/speech/");
    assert_eq!(speech["contacts"][0]["phones"][0]["number"], "0121 496 0001");
    assert_eq!(speech["schedules"][0]["byday"], "MO,WE");
    assert_eq!(speech["schedules"][0]["opens_at"], "09:00:00");
    assert_eq!(speech["schedules"][1]["valid_from"], "2026-12-05");
    assert_eq!(speech["service_areas"][0]["name"], "All of Testshire");
    let terms: Vec<(&str, &str)> = speech["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["link_type"].as_str().unwrap(), a["taxonomy_term"]["term"].as_str().unwrap()))
        .collect();
    assert_eq!(
        terms,
        [
            ("category", "health"),
            ("need", "autism"),
            ("need", "speech-language-and-communication"),
            ("language", "pa"),
            ("language", "ur")
        ]
    );
    assert!(speech.get("email").is_none(), "no email given, so none written");
    let text = read(&public, &service_file("speech-therapy"));
    assert!(!text.contains("checker@testshire.example"), "the assurer is never published");
    let splash = json(&public, &service_file("splash-club"));
    assert_eq!(splash["cost_options"][0]["amount"], 2.0);
    assert_eq!(splash["cost_options"][0]["option"], "session");
    let access: Vec<&str> = splash["service_at_locations"][0]["location"]["accessibility"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["description"].as_str())
        .collect();
    assert_eq!(access, ["wheelchair", "changing-places", "hearing-loop"]);
}

#[test]
fn a_description_has_absolute_links_and_a_venue_names_its_locality_once() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    replace_in(
        site.path(),
        "content/services/health.yaml",
        "  cost: Free\n",
        "  cost: Free\n  description: |\n    Read [our short breaks advice](/advice/) first.\n",
    );
    let (_out, public) = build_site(site.path());
    let speech = json(&public, &service_file("speech-therapy"));
    let description = speech["description"].as_str().unwrap();
    assert!(
        description.ends_with("Read our short breaks advice (https://localoffer.testshire.example/advice/) first."),
        "{description}"
    );
    for file in files_under(&public.join("openreferral/services")) {
        let service = json(&public.join("openreferral/services"), &file);
        for at in service["service_at_locations"].as_array().into_iter().flatten() {
            let words = at["location"]["description"].as_str().unwrap_or_default();
            let parts: Vec<String> = words.split(", ").map(str::to_lowercase).collect();
            let mut unique = parts.clone();
            unique.dedup();
            assert_eq!(parts, unique, "{file}: {words}");
        }
    }
}

#[test]
fn the_feed_is_the_same_in_every_build() {
    let (_a, first) = build_site(&fixture("valid"));
    let (_b, second) = build_site(&fixture("valid"));
    let files = files_under(&first.join("openreferral"));
    assert_eq!(files, files_under(&second.join("openreferral")));
    for file in files {
        assert_eq!(
            read(&first.join("openreferral"), &file),
            read(&second.join("openreferral"), &file),
            "{file}"
        );
    }
}
