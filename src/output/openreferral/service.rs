//! One service in the UK profile's shape: only the properties its schemas list (no
//! service-level `phones`, `fees_description`, `eligibility_description` or
//! `application_process`, which the UK profile removes), the phone in `contacts[].phones[]`, the
//! description as plain text with absolute links, and languages as `attributes` (the UK
//! profile's `language` has no name or code).

use super::{Object, stable_uuid};
use crate::content::{Date, Need, Place, Service, Site, parse_time};
use serde_json::Value;

/// The fully nested service with feed id `id`.
pub(super) fn service_json(site: &Site, service: &Service, id: &str, need_name: &dyn Fn(&str) -> String) -> Value {
    let record = &service.record;
    let organization_id = stable_uuid("organization", &record.provider);
    let base = site.config.base_url.trim_end_matches('/');
    let page = crate::render::address::Addresses::new(&site.config.base_url).absolute(&service.url);
    let mut description = record.summary.trim().to_string();
    if let Some(more) = record.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        let text = crate::content::plain_text::markdown_to_text_at(more, base);
        if !text.is_empty() {
            description = format!("{description}\n\n{text}");
        }
    }
    let mut out = Object::new();
    out.put("id", id)
        .put("organization_id", organization_id.clone())
        .put("name", record.name.as_str())
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
        .put("status", record.service_status.open_referral())
        .put("fees", record.cost.as_str())
        .put("minimum_age", record.ages.from)
        .put("maximum_age", record.ages.to)
        .put("assured_date", record.last_reviewed.iso());
    out.put(
        "organization",
        Object::new()
            .put("id", organization_id)
            .put("name", record.provider.as_str())
            .put("description", record.provider.as_str())
            .put_opt("website", record.provider_website.as_deref())
            .done(),
    );
    out.put("contacts", contacts(service, id));
    out.put("cost_options", cost_options(service, id));
    out.put("schedules", schedules(service, id));
    out.put("service_at_locations", locations(service, id));
    if let Some(area) = record.service_area.as_deref() {
        out.put(
            "service_areas",
            vec![
                Object::new()
                    .put("id", stable_uuid("service-area", &service.id))
                    .put("service_id", id)
                    .put("name", area)
                    .put("extent_type", "text")
                    .done(),
            ],
        );
    }
    let attributes: Vec<Value> = category(site, service, id)
        .into_iter()
        .chain(needs(service, id, need_name))
        .chain(languages(service, id))
        .collect();
    out.put("attributes", attributes);
    out.done()
}

/// The ways to get in touch that have no place of their own in the service: its phone, as a
/// contact with one phone (HSDS 3.0 nests phones in contacts; the UK profile's `phone` keeps the
/// `contact_id` link). The email is the service's own `email`.
fn contacts(service: &Service, service_id: &str) -> Vec<Value> {
    let Some(phone) = service.record.contact.phone.as_deref() else {
        return Vec::new();
    };
    let contact_id = stable_uuid("contact", &service.id);
    vec![
        Object::new()
            .put("id", contact_id.clone())
            .put("service_id", service_id)
            .put(
                "phones",
                vec![
                    Object::new()
                        .put("id", stable_uuid("phone", &service.id))
                        .put("contact_id", contact_id)
                        .put("number", phone)
                        .done(),
                ],
            )
            .done(),
    ]
}

fn cost_options(service: &Service, service_id: &str) -> Vec<Value> {
    service
        .record
        .cost_options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            Object::new()
                .put("id", stable_uuid("cost", &format!("{}:{index}", service.id)))
                .put("service_id", service_id)
                .put_opt("option", option.per.as_deref())
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

fn schedules(service: &Service, service_id: &str) -> Vec<Value> {
    service
        .record
        .schedules
        .iter()
        .enumerate()
        .map(|(index, schedule)| {
            let mut out = Object::new();
            out.put("id", stable_uuid("schedule", &format!("{}:{index}", service.id)))
                .put("service_id", service_id);
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
                out.put_opt("valid_from", schedule.date.map(Date::iso).as_deref());
                out.put_opt("valid_to", schedule.until.map(Date::iso).as_deref());
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

fn locations(service: &Service, service_id: &str) -> Vec<Value> {
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
            let written = place_words(place);
            let name = place.name.as_deref().map(str::trim).filter(|n| !n.eq_ignore_ascii_case(&written));
            let location = Object::new()
                .put("id", location_id.clone())
                .put("location_type", "physical")
                .put_opt("name", name)
                .put("description", written)
                .put("addresses", if complete { vec![address.done()] } else { Vec::new() })
                .put("accessibility", accessibility)
                .done();
            Object::new()
                .put("id", stable_uuid("service-at-location", &key))
                .put("service_id", service_id)
                .put("location_id", location_id)
                .put("location", location)
                .done()
        })
        .collect();
    if service.is_online() {
        let key = format!("{}:online", service.id);
        let location_id = stable_uuid("location", &key);
        let location = Object::new().put("id", location_id.clone()).put("location_type", "virtual").done();
        out.push(
            Object::new()
                .put("id", stable_uuid("service-at-location", &key))
                .put("service_id", service_id)
                .put("location_id", location_id)
                .put("location", location)
                .done(),
        );
    }
    out
}

/// The venue in words, each part once: "1 Park Road, Bloxwich, WS3 1AA", and not "Walsall Town
/// Centre, Walsall Town Centre" when the address already names the locality (or is it).
fn place_words(place: &Place) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in [place.address.as_deref(), place.locality.as_deref(), place.postcode.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let lower = part.to_lowercase();
        if !parts.iter().any(|kept| kept.to_lowercase().contains(&lower)) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

/// The site category it is listed in, as an attribute (`link_type` `category`) whose term is the
/// category's name, so an import of the feed puts it back in the same category.
fn category(site: &Site, service: &Service, service_id: &str) -> Option<Value> {
    let category = site.config.categories.iter().find(|c| c.id == service.record.category)?;
    let term_id = stable_uuid("category", &category.id);
    let term = Object::new()
        .put("id", term_id.clone())
        .put("name", category.name.as_str())
        .put("description", category.description.as_str())
        .put("taxonomy", "Local Offer service categories")
        .put("term", category.id.as_str())
        .done();
    Some(
        Object::new()
            .put("id", stable_uuid("attribute", &format!("{}:category", service.id)))
            .put("link_id", service_id)
            .put("link_type", "category")
            .put("taxonomy_term_id", term_id)
            .put("taxonomy_term", term)
            .done(),
    )
}

/// The needs it is for, as attributes with terms of the SEND Code of Practice areas of need.
fn needs(service: &Service, service_id: &str, need_name: &dyn Fn(&str) -> String) -> Vec<Value> {
    let mut needs: Vec<Need> = service.record.needs.clone();
    needs.sort();
    needs.dedup();
    needs
        .into_iter()
        .map(|need| {
            let term_id = stable_uuid("need", need.id());
            let mut term = Object::new();
            term.put("id", term_id.clone())
                .put("name", need_name(need.id()))
                .put("description", need_name(need.id()))
                .put("taxonomy", "SEND Code of Practice areas of need")
                .put("term", need.id());
            if let Some(parent) = need.broad_area().filter(|p| *p != need) {
                term.put("parent_id", stable_uuid("need", parent.id()));
            }
            Object::new()
                .put("id", stable_uuid("attribute", &format!("{}:{}", service.id, need.id())))
                .put("link_id", service_id)
                .put("link_type", "need")
                .put("taxonomy_term_id", term_id)
                .put("taxonomy_term", term.done())
                .done()
        })
        .collect()
}

/// The languages staff can use, as attributes (`link_type` `language`) whose term is the
/// language's name, with its ISO 639 code as `term` where it is known.
fn languages(service: &Service, service_id: &str) -> Vec<Value> {
    service
        .record
        .languages
        .iter()
        .map(|name| {
            let name = name.trim();
            let code = language_code(name);
            let term_id = stable_uuid("language", &code.map(str::to_string).unwrap_or_else(|| name.to_lowercase()));
            let term = Object::new()
                .put("id", term_id.clone())
                .put("name", name)
                .put("description", name)
                .put("taxonomy", if code.is_some() { "ISO 639" } else { "Languages" })
                .put_opt("term", code)
                .done();
            Object::new()
                .put("id", stable_uuid("attribute", &format!("{}:language:{name}", service.id)))
                .put("link_id", service_id)
                .put("link_type", "language")
                .put("taxonomy_term_id", term_id)
                .put("taxonomy_term", term)
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

    fn place(address: Option<&str>, locality: Option<&str>, postcode: Option<&str>) -> Place {
        Place {
            address: address.map(str::to_string),
            locality: locality.map(str::to_string),
            postcode: postcode.map(str::to_string),
            ..Place::default()
        }
    }

    #[test]
    fn a_venue_names_each_part_once() {
        assert_eq!(
            place_words(&place(Some("Walsall Town Centre"), Some("Walsall Town Centre"), None)),
            "Walsall Town Centre"
        );
        assert_eq!(
            place_words(&place(
                Some("Civic Centre, Walsall Town Centre"),
                Some("walsall town centre"),
                Some("WS1 1TP")
            )),
            "Civic Centre, Walsall Town Centre, WS1 1TP"
        );
        assert_eq!(
            place_words(&place(Some("1 Park Road"), Some("Bloxwich"), Some("WS3 1AA"))),
            "1 Park Road, Bloxwich, WS3 1AA"
        );
        assert_eq!(place_words(&place(None, Some("Bloxwich"), None)), "Bloxwich");
    }
}
