//! Reading an Open Referral UK export (v1, as Idox Open Place and similar platforms serve it, or
//! v3) into Signpost service records, noting every field it could not map.

use super::clean::{html_to_text, one_line, summary_of};
use crate::content::{AccessFeature, Date, Need, slugify};
use serde_json::Value;
use std::collections::BTreeSet;

/// A service read from the export, ready to be written as YAML.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// Signpost id (from the name, made unique).
    pub id: String,
    /// Name.
    pub name: String,
    /// Category id from `site.toml`.
    pub category: String,
    /// Overview.
    pub summary: String,
    /// Full description, when longer than the summary.
    pub description: Option<String>,
    /// Organisation.
    pub provider: String,
    /// Provider's web page.
    pub provider_website: Option<String>,
    /// Youngest and oldest age.
    pub ages: (u8, u8),
    /// Who it is for.
    pub eligibility: Option<String>,
    /// Access ids.
    pub access: Vec<&'static str>,
    /// How to apply.
    pub application_process: Option<String>,
    /// Cost in words.
    pub cost: String,
    /// True when free.
    pub free: bool,
    /// Prices: (amount, per, description).
    pub cost_options: Vec<(f64, Option<String>, Option<String>)>,
    /// Phone.
    pub phone: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Street address.
    pub address: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// Locality.
    pub locality: Option<String>,
    /// Offered online.
    pub online: bool,
    /// Venue accessibility feature ids.
    pub accessibility: Vec<&'static str>,
    /// Venue accessibility notes.
    pub accessibility_notes: Option<String>,
    /// When it runs, in words (schedules without days).
    pub when: Option<String>,
    /// Regular sessions.
    pub schedules: Sessions,
    /// Languages.
    pub languages: Vec<String>,
    /// Need ids.
    pub needs: Vec<&'static str>,
    /// `active`, `temporarily-closed` or `inactive`.
    pub service_status: &'static str,
    /// Last reviewed (none: not known, written as the day of the import).
    pub last_reviewed: Option<Date>,
    /// Imported as a draft (for example because its review date is long past).
    pub draft: bool,
}

/// What the import found: the services, and notes on what it could not map.
#[derive(Debug, Default)]
pub struct ImportResult {
    /// Services read, in the order of the export.
    pub services: Vec<Imported>,
    /// One plain sentence per thing that was not mapped or was changed.
    pub notes: Vec<String>,
    /// `1` or `3`: the version of the export's shape.
    pub version: u8,
}

/// Finds the list of services in an export: a list, a paged envelope (`contents` in v3,
/// `content` in v1), or a single service.
fn service_list(root: &Value) -> Vec<&Value> {
    if let Some(items) = root.as_array() {
        return items.iter().collect();
    }
    for key in ["contents", "content", "services", "items", "data"] {
        if let Some(items) = root.get(key).and_then(Value::as_array) {
            return items.iter().collect();
        }
    }
    if root.get("name").is_some() { vec![root] } else { Vec::new() }
}

fn text(value: &Value, key: &str) -> Option<String> {
    let raw = match value.get(key)? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let cleaned = html_to_text(&raw);
    (!cleaned.trim().is_empty()).then_some(cleaned)
}

fn line(value: &Value, key: &str) -> Option<String> {
    text(value, key).map(|t| one_line(&t)).filter(|t| !t.is_empty())
}

fn list<'v>(value: &'v Value, key: &str) -> Vec<&'v Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|items| items.iter().collect())
        .unwrap_or_default()
}

fn number(value: &Value, key: &str) -> Option<f64> {
    match value.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_start_matches('£').parse().ok(),
        _ => None,
    }
}

fn date(value: &Value, key: &str) -> Option<Date> {
    let raw = value.get(key)?.as_str()?;
    Date::parse(raw.get(..10)?).ok()
}

/// Reads an export. `categories` are the site's category ids (the first is used when no taxonomy
/// term matches); `today` decides which review dates are stale.
pub fn import(json: &str, categories: &[(String, String)], today: Date, stale_months: u32) -> Result<ImportResult, String> {
    let root: Value = serde_json::from_str(json).map_err(|e| format!("The file is not valid JSON: {e}"))?;
    let items = service_list(&root);
    if items.is_empty() {
        return Err(
            "No services found: expected a list of services, or an object with `contents` (ORUK 3) or `content` (ORUK 1)".to_string(),
        );
    }
    let version = if items
        .iter()
        .any(|s| s.get("eligibilitys").is_some() || s.get("regular_schedules").is_some() || s.get("service_taxonomys").is_some())
    {
        1
    } else {
        3
    };
    let mut result = ImportResult {
        version,
        ..ImportResult::default()
    };
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for (index, item) in items.into_iter().enumerate() {
        let number = index + 1;
        let Some(name) = line(item, "name") else {
            let id = item.get("id").map(|v| v.to_string()).unwrap_or_default();
            result
                .notes
                .push(format!("Service {number} (id {id}) has no name, so it was left out."));
            continue;
        };
        let mut notes = Vec::new();
        let service = map_service(item, &name, categories, today, stale_months, &mut notes);
        let mut id = slugify(&name);
        if id.is_empty() {
            id = format!("service-{number}");
        }
        let base = id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        result.notes.extend(notes.into_iter().map(|note| format!("{name}: {note}")));
        result.services.push(Imported { id, ..service });
    }
    Ok(result)
}

fn map_service(
    item: &Value,
    name: &str,
    categories: &[(String, String)],
    today: Date,
    stale_months: u32,
    notes: &mut Vec<String>,
) -> Imported {
    let organization = item.get("organization").unwrap_or(&Value::Null);
    let (summary, description) = match text(item, "description") {
        Some(full) => split_summary(&full),
        None => {
            notes.push("no description; the summary needs writing".to_string());
            (format!("{name}."), None)
        }
    };
    let provider = line(organization, "name").unwrap_or_else(|| {
        notes.push("no organisation name; `provider:` needs filling in".to_string());
        "Not known".to_string()
    });
    let provider_website = line(item, "url")
        .or_else(|| line(organization, "url"))
        .or_else(|| line(organization, "website"));
    let eligibility_record = list(item, "eligibilitys").into_iter().next().unwrap_or(&Value::Null);
    let min = number(item, "minimum_age").or_else(|| number(eligibility_record, "minimum_age"));
    let max = number(item, "maximum_age").or_else(|| number(eligibility_record, "maximum_age"));
    let ages = match (min, max) {
        (None, None) => {
            notes.push("no ages given; set to 0 to 25".to_string());
            (0, 25)
        }
        (from, to) => {
            let from = from.unwrap_or(0.0);
            let to = to.unwrap_or(25.0);
            if from > 25.0 || to > 25.0 || from < 0.0 {
                notes.push(format!("ages {from} to {to} were limited to 0 to 25"));
            }
            let clamp = |age: f64| age.clamp(0.0, 25.0) as u8;
            (clamp(from.min(to)), clamp(to.max(from)))
        }
    };
    let application_process = text(item, "application_process");
    let access = access_of(application_process.as_deref().unwrap_or(""), notes);
    let (cost, free, cost_options) = cost_of(item, notes);
    let phone = list(item, "phones")
        .into_iter()
        .chain(list(item, "contacts").into_iter().flat_map(|c| list(c, "phones")))
        .find_map(|p| line(p, "number"));
    let email = line(item, "email").or_else(|| list(item, "contacts").into_iter().find_map(|c| line(c, "email")));
    let website = line(item, "url");
    let unreachable = phone.is_none() && email.is_none() && website.is_none();
    if unreachable {
        notes.push("no phone, email or website; add a way to get in touch (imported as a draft)".to_string());
    }
    let mut imported = Imported {
        name: name.to_string(),
        category: category_of(item, categories, notes),
        summary,
        description,
        provider,
        provider_website,
        ages,
        eligibility: line(item, "eligibility_description").or_else(|| line(eligibility_record, "eligibility")),
        access,
        application_process,
        cost,
        free,
        cost_options,
        phone,
        email,
        website,
        languages: list(item, "languages")
            .into_iter()
            .filter_map(|l| line(l, "name").or_else(|| line(l, "language")))
            .filter(|l| !l.eq_ignore_ascii_case("english"))
            .collect(),
        needs: needs_of(item),
        service_status: match item.get("status").and_then(Value::as_str).map(str::to_lowercase).as_deref() {
            Some("inactive" | "defunct") => "inactive",
            Some("temporarily closed" | "temporarily-closed") => "temporarily-closed",
            _ => "active",
        },
        ..Imported::default()
    };
    imported.draft = unreachable;
    place_of(item, &mut imported, notes);
    let (sessions, whens) = schedules_of(item, notes);
    imported.schedules = sessions;
    imported.when = (!whens.is_empty()).then(|| whens.join("; "));
    let reviewed = date(item, "assured_date").or_else(|| date(item, "last_modified"));
    match reviewed {
        Some(reviewed) if reviewed.add_months(stale_months) < today => {
            notes.push(format!(
                "last checked on {}, more than {stale_months} months ago; imported as a draft to check",
                reviewed.long()
            ));
            imported.last_reviewed = Some(reviewed);
            imported.draft = true;
        }
        Some(reviewed) if reviewed > today => {
            notes.push(format!("checked date {} is in the future; set to today", reviewed.long()));
            imported.last_reviewed = Some(today);
        }
        Some(reviewed) => imported.last_reviewed = Some(reviewed),
        None => {
            notes.push("no assured date; imported as a draft to check".to_string());
            imported.last_reviewed = None;
            imported.draft = true;
        }
    }
    imported
}

/// The summary (the first paragraph, shortened if need be) and the rest of the description.
fn split_summary(full: &str) -> (String, Option<String>) {
    let (first, rest) = full.split_once("\n\n").unwrap_or((full, ""));
    let first_flat = first.split_whitespace().collect::<Vec<_>>().join(" ");
    let summary = summary_of(first, 300);
    if summary == first_flat {
        let rest = rest.trim();
        (summary, (!rest.is_empty()).then(|| rest.to_string()))
    } else {
        (summary, Some(full.to_string()))
    }
}

fn access_of(process: &str, notes: &mut Vec<String>) -> Vec<&'static str> {
    let lower = process.to_lowercase();
    let mut access = Vec::new();
    if lower.contains("self") || lower.contains("contact us") || lower.contains("phone") || lower.contains("call") {
        access.push("self-referral");
    }
    if lower.contains("professional") || lower.contains("gp") || lower.contains("referr") && !lower.contains("self-referr") {
        access.push("professional-referral");
    }
    if lower.contains("ehc") {
        access.push("ehcp");
    }
    if lower.contains("drop in") || lower.contains("drop-in") || lower.contains("just turn up") {
        access.push("drop-in");
    }
    if access.is_empty() {
        notes.push("how to get the service is not clear; `access:` set to self-referral".to_string());
        access.push("self-referral");
    }
    access
}

type CostOptions = Vec<(f64, Option<String>, Option<String>)>;

fn cost_of(item: &Value, notes: &mut Vec<String>) -> (String, bool, CostOptions) {
    let options: CostOptions = list(item, "cost_options")
        .into_iter()
        .filter_map(|o| {
            let amount = number(o, "amount")?;
            Some((amount, line(o, "option"), line(o, "amount_description")))
        })
        .filter(|(amount, _, _)| amount.is_finite() && *amount >= 0.0)
        .collect();
    let words = line(item, "fees_description").or_else(|| line(item, "fees"));
    let says_free = words
        .as_deref()
        .is_some_and(|w| w.to_lowercase().starts_with("free") || w.eq_ignore_ascii_case("no cost"));
    let free = says_free || (!options.is_empty() && options.iter().all(|(amount, _, _)| *amount == 0.0));
    let options = if free { Vec::new() } else { options };
    let cost = match words {
        Some(words) => words,
        None if free => "Free".to_string(),
        None if !options.is_empty() => "See the prices below".to_string(),
        None => {
            notes.push("no cost given; `cost:` says to ask".to_string());
            "Ask the service about any cost".to_string()
        }
    };
    (cost, free, options)
}

fn category_of(item: &Value, categories: &[(String, String)], notes: &mut Vec<String>) -> String {
    let terms: Vec<String> = taxonomy_names(item);
    for term in &terms {
        let lower = term.to_lowercase();
        for (id, name) in categories {
            let name = name.to_lowercase();
            if lower.contains(&name) || name.contains(&lower) || lower.contains(&id.replace('-', " ")) {
                return id.clone();
            }
        }
    }
    let fallback = categories.first().map(|(id, _)| id.clone()).unwrap_or_default();
    notes.push(format!("no taxonomy term matched a category; put in `{fallback}`"));
    fallback
}

fn taxonomy_names(item: &Value) -> Vec<String> {
    let mut names = Vec::new();
    for link in list(item, "service_taxonomys") {
        if let Some(name) = link.get("taxonomy").and_then(|t| line(t, "name")) {
            names.push(name);
        }
    }
    for attribute in list(item, "attributes") {
        if let Some(name) = attribute.get("taxonomy_term").and_then(|t| line(t, "name")) {
            names.push(name);
        }
    }
    for term in list(item, "taxonomy_terms") {
        if let Some(name) = line(term, "name") {
            names.push(name);
        }
    }
    names
}

fn needs_of(item: &Value) -> Vec<&'static str> {
    let mut needs: Vec<Need> = Vec::new();
    for name in taxonomy_names(item) {
        let lower = name.to_lowercase();
        let found = [
            ("autis", Need::Autism),
            ("asd", Need::Autism),
            ("speech", Need::SpeechLanguageAndCommunication),
            ("hearing", Need::Hearing),
            ("deaf", Need::Hearing),
            ("visual", Need::Vision),
            ("sight", Need::Vision),
            ("multi-sensory", Need::MultiSensory),
            ("physical", Need::Physical),
            ("learning dis", Need::LearningDisability),
            ("learning diff", Need::CognitionAndLearning),
            ("dyslexia", Need::SpecificLearningDifficulty),
            ("adhd", Need::Adhd),
            ("mental health", Need::SocialEmotionalAndMentalHealth),
            ("emotional", Need::SocialEmotionalAndMentalHealth),
        ];
        needs.extend(found.iter().filter(|(word, _)| lower.contains(word)).map(|(_, need)| *need));
    }
    needs.sort();
    needs.dedup();
    needs.into_iter().map(Need::id).collect()
}

fn place_of(item: &Value, imported: &mut Imported, notes: &mut Vec<String>) {
    let locations: Vec<&Value> = list(item, "service_at_locations")
        .into_iter()
        .filter_map(|sal| sal.get("location"))
        .chain(list(item, "locations"))
        .collect();
    let mut found = false;
    for location in &locations {
        if location.get("location_type").and_then(Value::as_str) == Some("virtual") {
            imported.online = true;
            continue;
        }
        let address = list(location, "addresses")
            .into_iter()
            .chain(list(location, "physical_addresses"))
            .next();
        if let Some(address) = address
            && !found
        {
            found = true;
            let street: Vec<String> = [line(location, "name"), line(address, "address_1"), line(address, "address_2")]
                .into_iter()
                .flatten()
                .collect();
            imported.address = (!street.is_empty()).then(|| street.join(", "));
            imported.locality = line(address, "city");
            imported.postcode = line(address, "postal_code");
            let features: Vec<&Value> = list(location, "accessibility")
                .into_iter()
                .chain(list(location, "accessibility_for_disabilities"))
                .collect();
            let mut unmapped = Vec::new();
            for feature in features {
                let words = [
                    line(feature, "description"),
                    line(feature, "accessibility"),
                    line(feature, "details"),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                match feature_of(&words) {
                    Some(id) if !imported.accessibility.contains(&id) => imported.accessibility.push(id),
                    Some(_) => {}
                    None if !words.is_empty() => unmapped.push(words),
                    None => {}
                }
            }
            if !unmapped.is_empty() {
                imported.accessibility_notes = Some(unmapped.join(". "));
            }
        }
    }
    if locations.len() > 1 + usize::from(imported.online) {
        notes.push(format!("{} venues; only the first was imported", locations.len()));
    }
    let attending = item.get("attending_type").and_then(Value::as_str).unwrap_or("").to_lowercase();
    if attending.contains("online") || attending.contains("phone") || attending.contains("remote") {
        imported.online = true;
    }
    if !found && !imported.online {
        notes.push("no venue and not online; `where:` needs filling in, so it was imported as a draft".to_string());
        imported.draft = true;
    }
}

fn feature_of(words: &str) -> Option<&'static str> {
    let lower = words.to_lowercase();
    let feature = if lower.contains("changing place") {
        AccessFeature::ChangingPlaces
    } else if lower.contains("wheelchair") || lower.contains("step-free") || lower.contains("step free") || lower.contains("ramp") {
        AccessFeature::Wheelchair
    } else if lower.contains("loop") {
        AccessFeature::HearingLoop
    } else if lower.contains("quiet") || lower.contains("sensory room") {
        AccessFeature::QuietSpace
    } else if lower.contains("bsl") || lower.contains("sign language") {
        AccessFeature::Bsl
    } else if lower.contains("toilet") {
        AccessFeature::AccessibleToilet
    } else if lower.contains("parking") {
        AccessFeature::AccessibleParking
    } else {
        return None;
    };
    Some(feature.id())
}

/// Regular sessions: (day ids, opens `HH:MM`, closes `HH:MM`, description).
pub type Sessions = Vec<(Vec<&'static str>, Option<String>, Option<String>, Option<String>)>;

fn schedules_of(item: &Value, notes: &mut Vec<String>) -> (Sessions, Vec<String>) {
    let mut sessions = Vec::new();
    let mut whens = Vec::new();
    for schedule in list(item, "schedules").into_iter().chain(list(item, "regular_schedules")) {
        let mut days: Vec<&'static str> = Vec::new();
        let byday = line(schedule, "byday").or_else(|| line(schedule, "weekday")).unwrap_or_default();
        for part in byday.split([',', ' ']).filter(|p| !p.is_empty()) {
            let code: String = part.trim_start_matches(|c: char| c == '-' || c.is_ascii_digit()).to_uppercase();
            let day = match code.get(..2).unwrap_or("") {
                "MO" => "monday",
                "TU" => "tuesday",
                "WE" => "wednesday",
                "TH" => "thursday",
                "FR" => "friday",
                "SA" => "saturday",
                "SU" => "sunday",
                _ => continue,
            };
            if !days.contains(&day) {
                days.push(day);
            }
        }
        let time = |key: &str| {
            line(schedule, key)
                .and_then(|t| t.get(..5).map(str::to_string))
                .filter(|t| crate::content::parse_time(t).is_some())
        };
        let description = line(schedule, "description");
        if days.is_empty() {
            match description {
                Some(words) => whens.push(words),
                None => notes.push("a schedule without days or a description was left out".to_string()),
            }
            continue;
        }
        sessions.push((days, time("opens_at"), time("closes_at"), description));
    }
    (sessions, whens)
}
