//! Every file of the Open Referral feed validates against the UK profile's own JSON Schemas
//! (`tests/schemas/openreferral-uk`, read offline), and no field appears that those schemas do not
//! list: nothing the UK profile removes.

use crate::common::*;
use jsonschema::{Retrieve, Uri, Validator};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Where the test copy of the UK profile's schemas is.
fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/openreferral-uk/schema")
}

/// The address the schemas are known by here; `openapi.json` names them under GitHub's raw
/// address, which is mapped to the same folder. Nothing is fetched.
const LOCAL: &str = "file:///oruk/schema/";
const UPSTREAM: &str = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";

fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(schema_dir().join(name)).unwrap_or_else(|e| panic!("schema {name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("schema {name} is not JSON: {e}"))
}

struct LocalSchemas;

impl Retrieve for LocalSchemas {
    fn retrieve(&self, uri: &Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let address = uri.as_str();
        let name = address
            .strip_prefix(LOCAL)
            .or_else(|| address.strip_prefix(UPSTREAM))
            .ok_or_else(|| format!("{address} is not one of the UK profile's schemas (nothing is fetched)"))?;
        let text = std::fs::read_to_string(schema_dir().join(name))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// A validator for `schema`, which is at `LOCAL` + `at`, with formats (uuid, email, uri) checked.
fn validator(schema: &Value, at: &str) -> Validator {
    jsonschema::options()
        .with_base_uri(format!("{LOCAL}{at}"))
        .with_retriever(LocalSchemas)
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("cannot compile the schema for {at}: {e}"))
}

/// The schema of the answer of the ORUK API's `path` (`/`, `/services`), from `openapi.json`.
fn api_answer(path: &str) -> Validator {
    let pointer = format!(
        "openapi.json#/paths/{}/get/responses/200/content/application~1json/schema",
        path.replace('~', "~0").replace('/', "~1")
    );
    validator(&json!({"$ref": pointer}), "root.json")
}

struct Validators {
    service: Validator,
    phone: Validator,
    page: Validator,
    index: Validator,
}

impl Validators {
    fn new() -> Self {
        Validators {
            service: validator(&load("service.json"), "service.json"),
            phone: validator(&load("phone.json"), "phone.json"),
            page: api_answer("/services"),
            index: api_answer("/"),
        }
    }
}

fn problems(validator: &Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn json_file(public: &Path, file: &str) -> Value {
    serde_json::from_str(&read(public, file)).unwrap_or_else(|e| panic!("{file} is not JSON: {e}"))
}

/// Where a nested object's schema is, by the `$ref` of a property (or its items).
fn reference(property: &Value) -> Option<&str> {
    property
        .get("$ref")
        .or_else(|| property.get("items").and_then(|items| items.get("$ref")))
        .and_then(Value::as_str)
}

/// Fails on any key of `value` (at `path`) that the schema in `schema_file` does not list, going
/// down through the `$ref`s of the nested lists. `contacts[].phones[]` follows `phone.json`: the
/// UK profile's `phone` links to a contact, and HSDS 3.0 nests phones in contacts.
fn assert_only_listed(value: &Value, schema: &Value, schema_name: &str, path: &str) {
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                assert_only_listed(item, schema, schema_name, &format!("{path}[{index}]"));
            }
        }
        Value::Object(map) => {
            let properties = schema["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{schema_name} lists properties"));
            for (key, item) in map {
                let nested = if schema_name == "contact.json" && key == "phones" {
                    Some("phone.json".to_string())
                } else {
                    let property = properties
                        .get(key)
                        .unwrap_or_else(|| panic!("{path}.{key} is not a field of the UK profile's {schema_name}"));
                    reference(property).map(str::to_string)
                };
                match nested {
                    Some(file) => assert_only_listed(item, &load(&file), &file, &format!("{path}.{key}")),
                    None => {
                        let inline = &properties[key];
                        if inline.get("properties").is_some() {
                            assert_only_listed(item, inline, schema_name, &format!("{path}.{key}"));
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

/// The example site (the repository's own content), copied so the build writes nothing there.
fn example() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["content", "assets", "themes"] {
        if root.join(folder).is_dir() {
            copy_tree(&root.join(folder), &site.path().join(folder));
        }
    }
    std::fs::copy(root.join("site.toml"), site.path().join("site.toml")).unwrap();
    site
}

/// Every feed file of a built site, checked against the schemas; returns how many services.
fn validate_feed(public: &Path) -> usize {
    let validators = Validators::new();
    let service_list = load("compiled/service_list.json");
    let service_schema = load("service.json");
    let index = json_file(public, "openreferral/index.json");
    assert_eq!(problems(&validators.index, &index), Vec::<String>::new(), "index.json");
    let pages = index["services"]["pages"].as_array().expect("the index lists the pages");
    let mut ids = Vec::new();
    for (number, address) in pages.iter().enumerate() {
        let file = format!("openreferral/services/page/{}.json", number + 1);
        assert!(address.as_str().unwrap().ends_with(&file), "{address} is {file}");
        let page = json_file(public, &file);
        assert_eq!(problems(&validators.page, &page), Vec::<String>::new(), "{file}");
        for key in [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ] {
            assert!(page.get(key).is_some(), "{file} has {key}");
        }
        assert_eq!(page["page_number"], number + 1);
        for (at, entry) in page["contents"].as_array().unwrap().iter().enumerate() {
            assert_only_listed(
                entry,
                &service_list,
                "compiled/service_list.json",
                &format!("{file}.contents[{at}]"),
            );
            ids.push(entry["id"].as_str().unwrap().to_string());
        }
    }
    let files: Vec<String> = files_under(&public.join("openreferral/services"))
        .into_iter()
        .filter(|f| !f.starts_with("page/"))
        .collect();
    assert_eq!(files.len(), ids.len(), "one file for each service in the pages");
    for id in &ids {
        let file = format!("openreferral/services/{id}.json");
        let service = json_file(public, &file);
        assert_eq!(problems(&validators.service, &service), Vec::<String>::new(), "{file}");
        for (at, phone) in service["contacts"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|c| c["phones"].as_array())
            .flatten()
            .enumerate()
        {
            assert_eq!(problems(&validators.phone, phone), Vec::<String>::new(), "{file} phone {at}");
        }
        assert_only_listed(&service, &service_schema, "service.json", &file);
    }
    ids.len()
}

#[test]
fn every_feed_file_of_the_example_validates_against_the_uk_profile() {
    let site = example();
    let (_out, public) = build_site(site.path());
    let services = validate_feed(&public);
    assert!(services > 50, "the example has {services} services");
}

#[test]
fn every_feed_file_of_the_test_fixture_validates_against_the_uk_profile() {
    let (_out, public) = build_site(&fixture("valid"));
    assert_eq!(validate_feed(&public), 3);
}

#[test]
fn the_validators_catch_a_service_that_breaks_the_schema() {
    let validators = Validators::new();
    let bad = json!({"id": "not-a-uuid", "name": "Splash", "status": "open", "minimum_age": "five"});
    let found = problems(&validators.service, &bad);
    assert!(found.len() >= 3, "{found:?}");
    let good = json!({"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "name": "Splash", "status": "active"});
    assert_eq!(
        problems(&validators.page, &json!({"total_items": 1, "contents": [good]})),
        Vec::<String>::new()
    );
    let text_count = json!({"total_items": "1", "contents": [good]});
    assert!(!problems(&validators.page, &text_count).is_empty(), "the page envelope is checked");
    let no_name = json!({"total_items": 1, "contents": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "status": "active"}]});
    assert!(
        !problems(&validators.page, &no_name).is_empty(),
        "the services in a page are checked"
    );
    let bad_phone = json!({"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427"});
    assert!(!problems(&validators.phone, &bad_phone).is_empty(), "a phone needs a number");
    assert!(
        !problems(&validators.index, &json!({"version": 3})).is_empty(),
        "the index is checked"
    );
    let result = std::panic::catch_unwind(|| {
        assert_only_listed(
            &json!({"id": "a", "fees_description": "Free"}),
            &load("service.json"),
            "service.json",
            "s",
        )
    });
    assert!(result.is_err(), "a removed field is caught");
}

/// Every key anywhere in `value`, with where it is.
fn keys(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| keys(item, &format!("{path}[]"), out)),
        Value::Object(map) => {
            for (key, item) in map {
                out.push((path.to_string(), key.clone()));
                keys(item, &format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_field_the_uk_profile_removes_appears_anywhere() {
    let site = example();
    let (_out, public) = build_site(site.path());
    let feed = public.join("openreferral");
    let mut phones = 0;
    for file in files_under(&feed) {
        let value = json_file(&feed, &file);
        let mut found = Vec::new();
        keys(&value, "", &mut found);
        for (path, key) in found {
            for removed in [
                "fees_description",
                "eligibility_description",
                "application_process",
                "link_entity",
                "currency",
            ] {
                assert_ne!(key, removed, "{file}: {path}.{key}");
            }
            if key == "phones" {
                assert_eq!(path, ".contacts[]", "{file}: phones only inside contacts");
                phones += 1;
            }
        }
    }
    assert!(phones > 20, "the example's phone numbers are in contacts[].phones[] ({phones})");
}
