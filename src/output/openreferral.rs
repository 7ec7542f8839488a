//! The Open Referral UK 3.0 feed, as static JSON files: `/openreferral/services.json` (the paged
//! list envelope with every service) and `/openreferral/services/<id>.json` (one fully nested
//! service each), so national and regional directories can read the Local Offer.
//!
//! Optional fields with no value are left out, never `null` or empty, as ORUK compliance asks.
//! Ids are UUIDs made from the Signpost ids, so they stay the same from build to build. The
//! owner and assurer are never written.

use crate::content::{Date, Need, Place, Service, Site, parse_time};
use serde_json::{Map, Value};

/// The folder of the feed inside the site.
pub const FEED_DIR: &str = "openreferral";

/// Every file of the feed: (path inside the site, bytes), sorted by path.
/// `need_name` gives the name of a need id (from the theme's strings).
pub fn feed_files(site: &Site, need_name: &dyn Fn(&str) -> String) -> Vec<(String, Vec<u8>)> {
    let services: Vec<Value> = site.services.iter().map(|s| service_json(site, s, need_name)).collect();
    let mut files: Vec<(String, Vec<u8>)> = site
        .services
        .iter()
        .zip(&services)
        .map(|(service, value)| (format!("{FEED_DIR}/services/{}.json", service.id), pretty(value)))
        .collect();
    let count = services.len();
    // Built field by field so the services move into the list instead of being copied.
    let mut list = Map::new();
    list.insert("total_items".into(), count.into());
    list.insert("total_pages".into(), 1.into());
    list.insert("page_number".into(), 1.into());
    list.insert("size".into(), count.into());
    list.insert("first_page".into(), true.into());
    list.insert("last_page".into(), true.into());
    list.insert("empty".into(), (count == 0).into());
    list.insert("contents".into(), Value::Array(services));
    let list = Value::Object(list);
    files.push((format!("{FEED_DIR}/services.json"), pretty(&list)));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// A stable UUID (version 8, made from a hash) for `kind` and `key`.
pub fn stable_uuid(kind: &str, key: &str) -> String {
    let hash = blake3::hash(format!("signpost:{kind}:{key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash.as_bytes()[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
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

fn service_json(site: &Site, service: &Service, need_name: &dyn Fn(&str) -> String) -> Value {
    let record = &service.record;
    let id = stable_uuid("service", &service.id);
    let organization_id = stable_uuid("organization", &record.provider);
    let page = format!("{}{}", site.config.base_url.trim_end_matches('/'), service.url);
    let mut description = record.summary.trim().to_string();
    if let Some(more) = record.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        description = format!("{description}\n\n{}", crate::content::plain_text::markdown_to_text(more));
    }
    let mut out = Object::new();
    out.put("id", id.clone())
        .put("name", record.name.as_str())
        .put("status", record.service_status.open_referral())
        .put("description", description)
        .put(
            "url",
            record
                .provider_website
                .clone()
                .or_else(|| record.contact.website.clone())
                .unwrap_or(page),
        )
        .put_opt("email", record.contact.email.as_deref())
        .put_opt("eligibility_description", record.eligibility.as_deref())
        .put("minimum_age", record.ages.from)
        .put("maximum_age", record.ages.to)
        .put_opt("application_process", record.application_process.as_deref())
        .put("fees_description", record.cost.as_str())
        .put("assured_date", record.last_reviewed.iso())
        .put("organization_id", organization_id.clone());
    out.put(
        "organization",
        Object::new()
            .put("id", organization_id)
            .put("name", record.provider.as_str())
            .put("description", record.provider.as_str())
            .put_opt("website", record.provider_website.as_deref())
            .done(),
    );
    if let Some(phone) = record.contact.phone.as_deref() {
        out.put(
            "phones",
            vec![
                Object::new()
                    .put("id", stable_uuid("phone", &service.id))
                    .put("number", phone)
                    .done(),
            ],
        );
    }
    out.put("cost_options", cost_options(service));
    out.put("schedules", schedules(service));
    out.put("service_at_locations", locations(service));
    out.put(
        "languages",
        record
            .languages
            .iter()
            .map(|name| {
                Object::new()
                    .put("id", stable_uuid("language", &format!("{}:{name}", service.id)))
                    .put("name", name.as_str())
                    .put_opt("code", language_code(name))
                    .done()
            })
            .collect::<Vec<_>>(),
    );
    if let Some(area) = record.service_area.as_deref() {
        out.put(
            "service_areas",
            vec![
                Object::new()
                    .put("id", stable_uuid("service-area", &service.id))
                    .put("name", area)
                    .put("extent_type", "text")
                    .done(),
            ],
        );
    }
    out.put("attributes", attributes(service, &id, need_name));
    out.done()
}

fn cost_options(service: &Service) -> Vec<Value> {
    service
        .record
        .cost_options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            Object::new()
                .put("id", stable_uuid("cost", &format!("{}:{index}", service.id)))
                .put_opt("option", option.per.as_deref())
                .put("currency", "GBP")
                .put("amount", option.amount)
                .put_opt("amount_description", option.description.as_deref())
                .done()
        })
        .collect()
}

fn time(text: Option<&str>) -> Option<String> {
    let minutes = parse_time(text?)?;
    Some(format!("{:02}:{:02}:00", minutes / 60, minutes % 60))
}

fn schedules(service: &Service) -> Vec<Value> {
    service
        .record
        .schedules
        .iter()
        .enumerate()
        .map(|(index, schedule)| {
            let mut out = Object::new();
            out.put("id", stable_uuid("schedule", &format!("{}:{index}", service.id)));
            if !schedule.days.is_empty() {
                let mut days = schedule.days.clone();
                days.sort();
                days.dedup();
                let frequency = schedule.frequency.unwrap_or_default();
                let (freq, interval) = match frequency {
                    crate::content::Frequency::Weekly => ("WEEKLY", 1),
                    crate::content::Frequency::Fortnightly => ("WEEKLY", 2),
                    crate::content::Frequency::Monthly => ("MONTHLY", 1),
                };
                out.put("freq", freq)
                    .put("interval", interval)
                    .put("byday", days.iter().map(|d| d.ical()).collect::<Vec<_>>().join(","));
                out.put_opt("dtstart", schedule.date.map(Date::iso).as_deref());
                out.put_opt("until", schedule.until.map(Date::iso).as_deref());
            } else if let Some(date) = schedule.date {
                out.put("dtstart", date.iso())
                    .put("valid_from", date.iso())
                    .put("valid_to", schedule.until.unwrap_or(date).iso());
            }
            out.put_opt("opens_at", time(schedule.opens_at.as_deref()).as_deref())
                .put_opt("closes_at", time(schedule.closes_at.as_deref()).as_deref())
                .put_opt("description", schedule.description.as_deref());
            out.done()
        })
        .collect()
}

fn locations(service: &Service) -> Vec<Value> {
    let venues: Vec<&Place> = service
        .places()
        .filter(|p| p.address.is_some() || p.postcode.is_some() || p.locality.is_some())
        .collect();
    let mut out: Vec<Value> = venues
        .iter()
        .enumerate()
        .map(|(index, place)| {
            let key = format!("{}:{index}", service.id);
            let location_id = stable_uuid("location", &key);
            let mut address = Object::new();
            address
                .put("id", stable_uuid("address", &key))
                .put("location_id", location_id.clone())
                .put(
                    "address_1",
                    place.address.clone().or_else(|| place.locality.clone()).unwrap_or_default(),
                )
                .put("city", place.locality.clone().unwrap_or_default())
                .put("state_province", "England")
                .put("postal_code", place.postcode.clone().unwrap_or_default())
                .put("country", "GB")
                .put("address_type", "physical");
            let accessibility: Vec<Value> = place
                .accessibility
                .iter()
                .map(|feature| {
                    Object::new()
                        .put("id", stable_uuid("accessibility", &format!("{key}:{}", feature.id())))
                        .put("location_id", location_id.clone())
                        .put("description", feature.id())
                        .done()
                })
                .chain(place.accessibility_notes.as_deref().map(|notes| {
                    Object::new()
                        .put("id", stable_uuid("accessibility", &format!("{key}:notes")))
                        .put("location_id", location_id.clone())
                        .put("details", notes)
                        .done()
                }))
                .collect();
            let complete = place.postcode.is_some() && place.locality.is_some();
            let written: Vec<&str> = [place.address.as_deref(), place.locality.as_deref(), place.postcode.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            let location = Object::new()
                .put("id", location_id.clone())
                .put("location_type", "physical")
                .put_opt("name", place.name.as_deref())
                .put("description", written.join(", "))
                .put("addresses", if complete { vec![address.done()] } else { Vec::new() })
                .put("accessibility", accessibility)
                .done();
            Object::new()
                .put("id", stable_uuid("service-at-location", &key))
                .put("location", location)
                .done()
        })
        .collect();
    if service.is_online() {
        let key = format!("{}:online", service.id);
        let location = Object::new()
            .put("id", stable_uuid("location", &key))
            .put("location_type", "virtual")
            .put_opt("url", service.record.contact.website.as_deref())
            .done();
        out.push(
            Object::new()
                .put("id", stable_uuid("service-at-location", &key))
                .put("location", location)
                .done(),
        );
    }
    out
}

fn attributes(service: &Service, service_id: &str, need_name: &dyn Fn(&str) -> String) -> Vec<Value> {
    let mut needs: Vec<Need> = service.record.needs.clone();
    needs.sort();
    needs.dedup();
    needs
        .into_iter()
        .map(|need| {
            let term_id = stable_uuid("need", need.id());
            let mut term = Object::new();
            term.put("id", term_id.clone())
                .put("code", need.id())
                .put("name", need_name(need.id()))
                .put("description", need_name(need.id()))
                .put("taxonomy", "SEND Code of Practice areas of need");
            if let Some(parent) = need.broad_area().filter(|p| *p != need) {
                term.put("parent_id", stable_uuid("need", parent.id()));
            }
            Object::new()
                .put("id", stable_uuid("attribute", &format!("{}:{}", service.id, need.id())))
                .put("link_id", service_id)
                .put("link_type", "need")
                .put("link_entity", "service")
                .put("taxonomy_term_id", term_id)
                .put("taxonomy_term", term.done())
                .done()
        })
        .collect()
}

/// The ISO 639 code of a language name families write, for the common languages of English areas.
pub fn language_code(name: &str) -> Option<&'static str> {
    let code = match name.trim().to_lowercase().as_str() {
        "english" => "en",
        "british sign language" | "bsl" => "bfi",
        "punjabi" => "pa",
        "urdu" => "ur",
        "bengali" | "bangla" => "bn",
        "gujarati" => "gu",
        "polish" => "pl",
        "romanian" => "ro",
        "arabic" => "ar",
        "somali" => "so",
        "kurdish" => "ku",
        "pashto" => "ps",
        "farsi" | "persian" => "fa",
        "tigrinya" => "ti",
        "french" => "fr",
        "portuguese" => "pt",
        "spanish" => "es",
        "welsh" => "cy",
        "hindi" => "hi",
        "tamil" => "ta",
        "chinese" | "mandarin" => "zh",
        "cantonese" => "yue",
        "ukrainian" => "uk",
        "russian" => "ru",
        "lithuanian" => "lt",
        _ => return None,
    };
    Some(code)
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
        assert_eq!(&id[14..15], "8", "version 8");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "RFC 4122 variant");
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
