//! The Open Referral UK 3.0 feed, as static JSON files shaped like the ORUK API's answers, so
//! national and regional directories can read the Local Offer:
//!
//! - `openreferral/index.json`: what the feed is (the ORUK API's `/` answer) and where its pages are;
//! - `openreferral/services/page/<n>.json`: the paged list (`total_items`, `total_pages`,
//!   `page_number`, `size`, `first_page`, `last_page`, `empty`, `contents`), [`PAGE_SIZE`]
//!   services a page, each with its one-to-one fields only, as the API's `/services` gives them;
//! - `openreferral/services/<id>.json`: one fully nested service (the API's `/services/{id}`).
//!
//! Only the fields the UK profile's schemas list are written (see [`service`]); optional fields
//! with no value are left out, never `null` or empty. Ids stay the same from build to build. The
//! owner and assurer are never written. Pages are made and handed over one at a time, so the
//! whole directory is never held as JSON at once.

mod service;

use crate::content::{Service, Site};
use rayon::prelude::*;
use serde_json::{Map, Value};

pub use service::language_code;

/// The folder of the feed inside the site.
pub const FEED_DIR: &str = "openreferral";

/// How many services each page file lists.
pub const PAGE_SIZE: usize = 100;

/// The fields of a service that a page of the list carries: its one-to-one fields, as the UK
/// profile's `compiled/service_list.json` lists them (the nested lists are in the service's own file).
const LIST_FIELDS: &[&str] = &[
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "organization",
];

/// The address of the UK profile, for the index document's `profile`.
const PROFILE_URL: &str = "https://github.com/openreferral/uk-profile";

/// The OpenAPI description of the ORUK 3.0 API this feed follows, for `openapi_url`.
const OPENAPI_URL: &str = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json";

/// The id a service has in the feed.
///
/// The id the service had in the export it was imported from (`record.source_id`), where it has
/// one, so a council's ids survive a move to Signpost; otherwise a UUID made from the Signpost id,
/// the same in every build (see [`feed_id`]).
pub fn service_id(service: &Service) -> String {
    feed_id(service.record.source_id.as_deref(), &service.id)
}

/// The feed id for a service with an optional source id and its Signpost id: a source id that is
/// a UUID (as ORUK 3.0 ids are) is kept as it is, lower-cased; any other source id (an ORUK v1
/// number, say) becomes a stable UUID made from it, so ids stay valid UUIDs; with none, a
/// stable UUID made from the Signpost id.
pub fn feed_id(source_id: Option<&str>, signpost_id: &str) -> String {
    match source_id.map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) if is_uuid(id) => id.to_ascii_lowercase(),
        Some(id) => stable_uuid("source", id),
        None => stable_uuid("service", signpost_id),
    }
}

/// True for a UUID written the usual way (8-4-4-4-12 hex digits).
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]) && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A stable UUID (version 8, made from a hash) for `kind` and `key`.
pub fn stable_uuid(kind: &str, key: &str) -> String {
    let hash = blake3::hash(format!("signpost:{kind}:{key}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash.as_bytes()[..16]);
    // Version 8 and the RFC 9562 variant are set over the hash's bits.
    uuid::Builder::from_custom_bytes(bytes).into_uuid().hyphenated().to_string()
}

/// The path, inside the site, of page `number` (from 1) of the services list.
pub fn page_path(number: usize) -> String {
    format!("{FEED_DIR}/services/page/{number}.json")
}

/// The path, inside the site, of the file of the service with feed id `id`.
pub fn service_path(id: &str) -> String {
    format!("{FEED_DIR}/services/{id}.json")
}

/// Makes every file of the feed and hands each to `write` (path inside the site, bytes), a page
/// at a time: the services of a page, then the page, and the index last. The order and the bytes
/// are the same in every build of the same content. Stops at the first error `write` returns.
/// `need_name` gives the name of a need id (from the theme's strings).
pub fn write_feed(site: &Site, need_name: &(dyn Fn(&str) -> String + Sync), write: &super::FileWriter<'_>) -> Result<(), String> {
    let total = site.services.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    // Pages of the list are made side by side; each writes its services' files as it goes.
    (1..=pages).into_par_iter().try_for_each(|number| {
        let chunk = site.services.iter().skip((number - 1) * PAGE_SIZE).take(PAGE_SIZE);
        let mut contents = Vec::with_capacity(PAGE_SIZE.min(total));
        for service in chunk {
            let id = service_id(service);
            let full = service::service_json(site, service, &id, need_name);
            write(&service_path(&id), &pretty(&full))?;
            contents.push(list_entry(full));
        }
        write(&page_path(number), &pretty(&page(number, pages, total, contents)))
    })?;
    write(&format!("{FEED_DIR}/index.json"), &pretty(&index(site, pages, total)))
}

/// A service as a page of the list carries it: its one-to-one fields.
fn list_entry(full: Value) -> Value {
    let Value::Object(mut map) = full else { return full };
    map.retain(|key, _| LIST_FIELDS.contains(&key.as_str()));
    Value::Object(map)
}

/// One page of the services list, in the ORUK API's paged envelope.
fn page(number: usize, pages: usize, total: usize, contents: Vec<Value>) -> Value {
    let mut list = Map::new();
    list.insert("total_items".into(), total.into());
    list.insert("total_pages".into(), pages.into());
    list.insert("page_number".into(), number.into());
    list.insert("size".into(), contents.len().into());
    list.insert("first_page".into(), (number == 1).into());
    list.insert("last_page".into(), (number == pages).into());
    list.insert("empty".into(), contents.is_empty().into());
    list.insert("contents".into(), Value::Array(contents));
    Value::Object(list)
}

/// The index document: the ORUK API's `/` answer (`version`, `profile`, `openapi_url`) and
/// `services`, saying how many there are and where the pages and the per-service files are.
fn index(site: &Site, pages: usize, total: usize) -> Value {
    let base = site.config.base_url.trim_end_matches('/');
    let mut services = Map::new();
    services.insert("total_items".into(), total.into());
    services.insert("total_pages".into(), pages.into());
    services.insert("page_size".into(), PAGE_SIZE.into());
    services.insert(
        "pages".into(),
        (1..=pages).map(|n| Value::from(format!("{base}/{}", page_path(n)))).collect(),
    );
    services.insert("service".into(), format!("{base}/{}", service_path("{id}")).into());
    let mut out = Map::new();
    out.insert("version".into(), "3.0".into());
    out.insert("profile".into(), PROFILE_URL.into());
    out.insert("openapi_url".into(), OPENAPI_URL.into());
    out.insert("services".into(), Value::Object(services));
    Value::Object(out)
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// A JSON object that leaves out empty values.
struct Object(Map<String, Value>);

impl Object {
    fn new() -> Self {
        Object(Map::new())
    }

    fn put(&mut self, key: &str, value: impl Into<Value>) -> &mut Self {
        let value = value.into();
        let empty = match &value {
            Value::Null => true,
            Value::String(text) => text.trim().is_empty(),
            Value::Array(items) => items.is_empty(),
            Value::Object(map) => map.is_empty(),
            _ => false,
        };
        if !empty {
            self.0.insert(key.to_string(), value);
        }
        self
    }

    fn put_opt(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        if let Some(value) = value {
            self.put(key, value);
        }
        self
    }

    fn done(&mut self) -> Value {
        Value::Object(std::mem::take(&mut self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn uuids_are_stable_and_well_formed() {
        let id = stable_uuid("service", "splash-club");
        assert_eq!(id, stable_uuid("service", "splash-club"));
        assert_ne!(id, stable_uuid("service", "speech-therapy"));
        assert_eq!(id.len(), 36);
        assert!(is_uuid(&id));
        assert_eq!(&id[14..15], "8", "version 8");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "RFC 4122 variant");
    }

    #[test]
    fn a_source_uuid_is_kept_and_other_source_ids_become_stable_uuids() {
        let source = "1B4E28BA-2FA1-11D2-883F-0016D3CCA427";
        assert_eq!(feed_id(Some(source), "x"), "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        let v1 = feed_id(Some("12345"), "x");
        assert!(is_uuid(&v1));
        assert_eq!(v1, feed_id(Some("12345"), "another-slug"), "made from the source id alone");
        assert_eq!(feed_id(None, "splash-club"), stable_uuid("service", "splash-club"));
        assert_eq!(feed_id(Some("  "), "splash-club"), stable_uuid("service", "splash-club"));
    }

    #[test]
    fn a_page_says_where_it_is_in_the_list() {
        let one = page(2, 3, 250, vec![json!({"id": "a"})]);
        assert_eq!(one["page_number"], 2);
        assert_eq!(one["size"], 1);
        assert_eq!(one["total_items"], 250);
        assert_eq!(
            (one["first_page"].as_bool(), one["last_page"].as_bool()),
            (Some(false), Some(false))
        );
        let empty = page(1, 1, 0, Vec::new());
        assert_eq!(empty["empty"], true);
        assert_eq!(empty["last_page"], true);
    }

    #[test]
    fn a_list_entry_keeps_only_the_one_to_one_fields() {
        let entry = list_entry(json!({"id": "a", "name": "b", "schedules": [{"id": "c"}], "contacts": [{"id": "d"}]}));
        assert_eq!(entry, json!({"id": "a", "name": "b"}));
    }

    #[test]
    fn empty_values_are_left_out() {
        let value = Object::new()
            .put("a", "")
            .put("b", Vec::<Value>::new())
            .put("c", "x")
            .put("d", Value::Null)
            .done();
        assert_eq!(value, json!({"c": "x"}));
    }
}
