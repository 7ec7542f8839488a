//! Reading an Open Referral UK export (v1, as Idox Open Place and similar platforms serve it, or
//! v3) into Signpost service records, noting every field it changed, dropped or could not map.

use super::clean::summary_of;
use super::contact::{self, Tidied};
use super::html::to_markdown;
use super::report::Kind;
use super::taxonomy::category_for;
use super::when::{self, DateRead};
use crate::config::import::OpenReferralImport;
use crate::content::{AccessFeature, Date, Need};
use serde_json::Value;

/// A session or dated event read from the export.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    /// Day ids of a regular session.
    pub days: Vec<&'static str>,
    /// `fortnightly` or `monthly` (none: weekly).
    pub frequency: Option<&'static str>,
    /// Day of a dated event, or the first of a run.
    pub date: Option<Date>,
    /// Last day of a run.
    pub until: Option<Date>,
    /// Start, `HH:MM`.
    pub opens: Option<String>,
    /// End, `HH:MM`.
    pub closes: Option<String>,
    /// Anything else.
    pub description: Option<String>,
}

/// A service read from the export, ready to be written as YAML.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// The record's id in the export (made unique when two different records share one).
    pub source_id: String,
    /// Signpost id (from the name, made unique in the site).
    pub id: String,
    /// Name.
    pub name: String,
    /// Category id from `site.toml`.
    pub category: String,
    /// Overview.
    pub summary: String,
    /// Full description (Markdown), when longer than the summary.
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
    /// When it runs, in words (closures, schedules without days).
    pub when: Option<String>,
    /// Regular sessions and dated events.
    pub schedules: Vec<Session>,
    /// The area it covers, in words (the export's service area names).
    pub service_area: Option<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// Need ids.
    pub needs: Vec<&'static str>,
    /// `active`, `temporarily-closed` or `inactive`.
    pub service_status: &'static str,
    /// Last reviewed, when the export gives a real date.
    pub last_reviewed: Option<Date>,
    /// Why it is written as a draft (empty: published).
    pub draft_reasons: Vec<String>,
}

/// One note about a record: its kind, the field, what was found and what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What kind of thing it is.
    pub kind: Kind,
    /// The field.
    pub field: String,
    /// What was found.
    pub found: String,
    /// What was done.
    pub done: String,
}

/// Notes about one record.
#[derive(Debug, Default)]
pub struct Notes(pub Vec<Note>);

impl Notes {
    /// Adds a note.
    pub fn add(&mut self, kind: Kind, field: &str, found: impl Into<String>, done: impl Into<String>) {
        self.0.push(Note {
            kind,
            field: field.to_string(),
            found: found.into(),
            done: done.into(),
        });
    }
}

/// A record read from the export, with its notes.
#[derive(Debug)]
pub struct Read {
    /// The service.
    pub service: Imported,
    /// What was changed, dropped or not mapped.
    pub notes: Notes,
    /// The record as it was in the file (to tell exact duplicates).
    pub raw: Value,
}

/// A record left out, with the reason.
#[derive(Debug)]
pub struct LeftOut {
    /// Its id, if it has one.
    pub id: String,
    /// Why.
    pub reason: String,
}

/// What the export held.
#[derive(Debug, Default)]
pub struct Export {
    /// The services read, in the export's order.
    pub read: Vec<Read>,
    /// Records that could not be read at all.
    pub left_out: Vec<LeftOut>,
    /// `1` or `3`: the version of the export's shape.
    pub version: u8,
    /// The total the header gives.
    pub header_total: Option<u64>,
    /// Records in the file.
    pub records: usize,
    /// Records that carry platform metadata (edit history with staff emails), never imported.
    pub with_metadata: usize,
}

/// What is needed to read an export.
pub struct Context<'a> {
    /// The site's (id, name) category pairs.
    pub categories: &'a [(String, String)],
    /// `[import.openreferral]`.
    pub mapping: &'a OpenReferralImport,
    /// The day of the import (decides which dates are stale or in the future).
    pub today: Date,
    /// Months after which a review date is stale.
    pub stale_months: u32,
    /// Allowed link schemes.
    pub schemes: &'a [String],
}

/// Why a file could not be read as an export.
#[derive(Debug, PartialEq, Eq)]
pub struct NotAnExport {
    /// Plain words.
    pub message: String,
    /// 1-based line and column, when known.
    pub at: Option<(usize, usize)>,
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

fn raw_text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A one-line plain-text field (HTML taken out).
fn line(value: &Value, key: &str) -> Option<String> {
    let raw = raw_text(value, key)?;
    let plain = to_markdown(&raw, false, &[]).text;
    let flat = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    (!flat.is_empty()).then_some(flat)
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

/// Reads an export.
pub fn read(json: &str, context: &Context) -> Result<Export, NotAnExport> {
    let root: Value = serde_json::from_str(json).map_err(|e| NotAnExport {
        message: if e.is_eof() {
            format!("The file ends too soon (it looks cut off): {e}")
        } else {
            format!("The file is not valid JSON: {e}")
        },
        at: Some((e.line(), e.column())),
    })?;
    let items = service_list(&root);
    if items.is_empty() || !items.iter().any(|s| s.is_object()) {
        return Err(NotAnExport {
            message: "No services found: this is JSON, but not an Open Referral UK export (expected a list of services, or an object with `contents` (ORUK 3) or `content` (ORUK 1))".to_string(),
            at: None,
        });
    }
    let version = if items
        .iter()
        .any(|s| s.get("eligibilitys").is_some() || s.get("regular_schedules").is_some() || s.get("service_taxonomys").is_some())
    {
        1
    } else {
        3
    };
    let header_total = ["totalElements", "total_items", "totalItems"]
        .iter()
        .find_map(|key| root.get(*key).and_then(Value::as_u64));
    let mut export = Export {
        version,
        header_total,
        records: items.len(),
        ..Export::default()
    };
    for (index, item) in items.into_iter().enumerate() {
        let id = match item.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        if item.get("metadata").and_then(Value::as_array).is_some_and(|m| !m.is_empty()) {
            export.with_metadata += 1;
        }
        let Some(name) = line(item, "name") else {
            export.left_out.push(LeftOut {
                id,
                reason: format!("record {} has no name, so it was left out", index + 1),
            });
            continue;
        };
        let id = if id.is_empty() { format!("record-{}", index + 1) } else { id };
        let mut notes = Notes::default();
        let mut service = map_service(item, &name, context, &mut notes);
        service.source_id = id;
        export.read.push(Read {
            service,
            notes,
            raw: item.clone(),
        });
    }
    Ok(export)
}

fn map_service(item: &Value, name: &str, context: &Context, notes: &mut Notes) -> Imported {
    let organization = item.get("organization").unwrap_or(&Value::Null);
    let mut imported = Imported {
        name: name.to_string(),
        ..Imported::default()
    };
    describe(item, &mut imported, context, notes);
    imported.provider = line(organization, "name").unwrap_or_else(|| {
        notes.add(
            Kind::Missing,
            "provider",
            "no organisation name",
            "written as \"Not known\"; fill it in",
        );
        "Not known".to_string()
    });
    ages_of(item, &mut imported, notes);
    imported.eligibility = line(item, "eligibility_description").or_else(|| {
        let words: Vec<String> = list(item, "eligibilitys")
            .into_iter()
            .filter_map(|e| line(e, "eligibility"))
            .collect();
        (!words.is_empty()).then(|| words.join("; "))
    });
    imported.application_process = line(item, "application_process");
    imported.access = access_of(imported.application_process.as_deref().unwrap_or(""), notes);
    cost_of(item, &mut imported, context.today, notes);
    contacts_of(item, organization, &mut imported, notes);
    let areas: Vec<String> = list(item, "service_areas").into_iter().filter_map(|a| line(a, "name")).collect();
    imported.service_area = (!areas.is_empty()).then(|| areas.join("; "));
    // Languages: ORUK v1 and the US profile list them; the UK profile has no language names, so
    // Signpost's own feed (and other UK exports) carry them as `language` attributes.
    let attribute_languages = list(item, "attributes")
        .into_iter()
        .filter(|a| a.get("link_type").and_then(Value::as_str) == Some("language"))
        .filter_map(|a| a.get("taxonomy_term").and_then(|t| line(t, "name")));
    let mut languages: Vec<String> = Vec::new();
    for language in list(item, "languages")
        .into_iter()
        .filter_map(|l| line(l, "name").or_else(|| line(l, "language")))
        .chain(attribute_languages)
    {
        if !language.eq_ignore_ascii_case("english") && !languages.contains(&language) {
            languages.push(language);
        }
    }
    imported.languages = languages;
    imported.needs = needs_of(item);
    category_of(item, &mut imported, context, notes);
    status_of(item, &mut imported, notes);
    place_of(item, &mut imported, notes);
    schedules_of(item, &mut imported, context.today, notes);
    reviewed_of(item, &mut imported, context, notes);
    imported
}

fn describe(item: &Value, imported: &mut Imported, context: &Context, notes: &mut Notes) {
    let Some(html) = raw_text(item, "description").filter(|d| !d.trim().is_empty()) else {
        notes.add(
            Kind::Missing,
            "summary",
            "no description",
            "the summary is the name for now; write one",
        );
        imported.summary = format!("{}.", imported.name);
        return;
    };
    let markdown = to_markdown(&html, true, context.schemes);
    for removed in &markdown.removed {
        notes.add(
            Kind::Description,
            "description",
            removed.clone(),
            "taken out; the words around it were kept",
        );
    }
    let plain = to_markdown(&html, false, context.schemes).text;
    let first_plain = plain.split("\n\n").next().unwrap_or("");
    let first_flat = first_plain.split_whitespace().collect::<Vec<_>>().join(" ");
    let summary = summary_of(first_plain, 300);
    let rest = markdown.text.split_once("\n\n").map(|(_, rest)| rest.trim()).unwrap_or("");
    imported.description = if summary == first_flat {
        (!rest.is_empty()).then(|| rest.to_string())
    } else {
        Some(markdown.text.clone())
    };
    imported.summary = if summary.is_empty() {
        format!("{}.", imported.name)
    } else {
        summary
    };
}

fn ages_of(item: &Value, imported: &mut Imported, notes: &mut Notes) {
    let mut rows: Vec<(Option<f64>, Option<f64>)> = Vec::new();
    if item.get("minimum_age").is_some() || item.get("maximum_age").is_some() {
        rows.push((number(item, "minimum_age"), number(item, "maximum_age")));
    }
    for row in list(item, "eligibilitys").into_iter().chain(list(item, "eligibility")) {
        let (min, max) = (number(row, "minimum_age"), number(row, "maximum_age"));
        if min.is_some() || max.is_some() {
            rows.push((min, max));
        }
    }
    if rows.is_empty() {
        notes.add(Kind::Ages, "ages", "no ages given", "written as 0 to 25; check who it is for");
        imported.ages = (0, 25);
        return;
    }
    let mut usable: Vec<(f64, f64)> = Vec::new();
    for (index, (min, max)) in rows.iter().enumerate() {
        let (from, to) = (min.unwrap_or(0.0), max.unwrap_or(25.0));
        if from > to {
            notes.add(
                Kind::Ages,
                "ages",
                format!("eligibility row {}: minimum age {from} is above the maximum {to}", index + 1),
                "that row was not used (the ages were not swapped)",
            );
            continue;
        }
        usable.push((from, to));
    }
    let Some(from) = usable.iter().map(|r| r.0).reduce(f64::min) else {
        imported.ages = (0, 25);
        imported.draft_reasons.push("no usable age range".to_string());
        notes.add(
            Kind::Ages,
            "ages",
            "no eligibility row with a possible age range",
            "written as 0 to 25 in a draft; set the real ages",
        );
        return;
    };
    let to = usable.iter().map(|r| r.1).fold(from, f64::max);
    if usable.len() > 1 {
        notes.add(
            Kind::Ages,
            "ages",
            format!("{} eligibility rows", usable.len()),
            format!("ages cover them all: {from} to {to}"),
        );
    }
    if from < 0.0 || to > 25.0 {
        notes.add(
            Kind::Ages,
            "ages",
            format!("ages {from} to {to} go outside 0 to 25, the ages the Local Offer covers"),
            format!(
                "written as {} to {}; check who it is for",
                from.clamp(0.0, 25.0),
                to.clamp(0.0, 25.0)
            ),
        );
    }
    imported.ages = (from.clamp(0.0, 25.0) as u8, to.clamp(0.0, 25.0) as u8);
}

fn cost_of(item: &Value, imported: &mut Imported, today: Date, notes: &mut Notes) {
    let mut options = Vec::new();
    for option in list(item, "cost_options") {
        let label = line(option, "option").unwrap_or_else(|| "a price".to_string());
        let Some(amount) = number(option, "amount").filter(|a| a.is_finite() && *a >= 0.0) else {
            notes.add(
                Kind::Cost,
                "cost_options",
                format!(
                    "{label}: amount {:?} is not an amount of money",
                    raw_text(option, "amount").unwrap_or_default()
                ),
                "dropped",
            );
            continue;
        };
        if let Some(raw) = raw_text(option, "valid_to") {
            match when::date(&raw) {
                DateRead::Date(end) if end < today => {
                    notes.add(
                        Kind::Cost,
                        "cost_options",
                        format!("{label} £{amount:.2} ended on {}", end.long()),
                        "dropped, as it is no longer the price",
                    );
                    continue;
                }
                DateRead::Date(_) => {}
                _ => notes.add(
                    Kind::Cost,
                    "cost_options",
                    format!("{label}: end date `{raw}` cannot be read"),
                    "the price was kept; check it",
                ),
            }
        }
        options.push((amount, line(option, "option"), line(option, "amount_description")));
    }
    let words = line(item, "fees_description").or_else(|| line(item, "fees"));
    let says_free = words
        .as_deref()
        .is_some_and(|w| w.to_lowercase().starts_with("free") || w.eq_ignore_ascii_case("no cost"));
    let free = says_free || (!options.is_empty() && options.iter().all(|(amount, _, _)| *amount == 0.0));
    if free && options.iter().any(|(amount, _, _)| *amount > 0.0) {
        notes.add(
            Kind::Cost,
            "cost_options",
            "the fees say free, but prices are listed",
            "the prices were dropped; check which is right",
        );
    }
    imported.free = free;
    imported.cost_options = if free { Vec::new() } else { options };
    imported.cost = match words {
        Some(words) => words,
        None if free => "Free".to_string(),
        None if !imported.cost_options.is_empty() => "See the prices below".to_string(),
        None => {
            notes.add(
                Kind::Missing,
                "cost",
                "no cost given",
                "written as \"Ask the service about any cost\"",
            );
            "Ask the service about any cost".to_string()
        }
    };
}

/// Applies a tidied contact value, noting what happened.
fn take(field: &str, raw: &str, tidied: Tidied, notes: &mut Notes) -> Option<String> {
    match tidied {
        Tidied::Kept(value) => Some(value),
        Tidied::Changed(value) => {
            notes.add(Kind::Contact, field, format!("`{}`", raw.trim()), format!("written as `{value}`"));
            Some(value)
        }
        Tidied::Placeholder => {
            notes.add(
                Kind::Placeholder,
                field,
                format!("`{}`", raw.trim()),
                "dropped (a placeholder, not a value)",
            );
            None
        }
        Tidied::Refused(reason) => {
            notes.add(Kind::Contact, field, reason, "dropped; find the right one");
            None
        }
    }
}

fn contacts_of(item: &Value, organization: &Value, imported: &mut Imported, notes: &mut Notes) {
    let contacts = list(item, "contacts");
    let phones: Vec<String> = list(item, "phones")
        .into_iter()
        .chain(contacts.iter().flat_map(|c| list(c, "phones")))
        .filter_map(|p| raw_text(p, "number"))
        .collect();
    for raw in &phones {
        let tidied = take("contact.phone", raw, contact::phone(raw), notes);
        if imported.phone.is_none() {
            imported.phone = tidied;
        }
    }
    let emails: Vec<String> = raw_text(item, "email")
        .into_iter()
        .chain(contacts.iter().filter_map(|c| raw_text(c, "email")))
        .collect();
    for raw in &emails {
        let tidied = take("contact.email", raw, contact::email(raw), notes);
        if imported.email.is_none() {
            imported.email = tidied;
        }
    }
    if let Some(raw) = raw_text(item, "url").map(|u| super::clean::decode_entities(&u)) {
        imported.website = take("contact.website", &raw, contact::url(&raw), notes);
    }
    // The provider's own page about the service: the service's address, else the organisation's.
    imported.provider_website = match raw_text(organization, "url").or_else(|| raw_text(organization, "website")) {
        _ if imported.website.is_some() => imported.website.clone(),
        Some(raw) => take("provider_website", &raw, contact::url(&raw), notes),
        None => None,
    };
    if imported.phone.is_none() && imported.email.is_none() && imported.website.is_none() {
        imported
            .draft_reasons
            .push("no phone, email or website that can be used".to_string());
        notes.add(
            Kind::Missing,
            "contact",
            "no usable phone, email or website",
            "written as a draft; add a way to get in touch",
        );
    }
}

fn category_of(item: &Value, imported: &mut Imported, context: &Context, notes: &mut Notes) {
    let mut chosen: Option<String> = None;
    for term in taxonomy_names(item) {
        match category_for(&term, context.categories, context.mapping) {
            Some(id) if chosen.is_none() => chosen = Some(id),
            Some(_) => {}
            None if needs_in(&term).is_empty() => notes.add(
                Kind::Taxonomy,
                "category",
                format!("taxonomy term \"{term}\" is not mapped"),
                "not used; map it under [import.openreferral] categories in site.toml",
            ),
            None => {}
        }
    }
    imported.category = match chosen {
        Some(id) => id,
        None => {
            let fallback = context.categories.first().map(|(id, _)| id.clone()).unwrap_or_default();
            imported
                .draft_reasons
                .push("no taxonomy term maps to one of the site's categories".to_string());
            notes.add(
                Kind::Taxonomy,
                "category",
                "no taxonomy term maps to a category",
                format!("put in `{fallback}` as a draft; choose the right category"),
            );
            fallback
        }
    };
}

fn status_of(item: &Value, imported: &mut Imported, notes: &mut Notes) {
    let status = item
        .get("status")
        .and_then(Value::as_str)
        .map(|s| s.trim().to_lowercase())
        .unwrap_or_default();
    imported.service_status = match status.as_str() {
        "inactive" | "defunct" => {
            imported.draft_reasons.push(format!("the export says it is {status}"));
            notes.add(
                Kind::Status,
                "service_status",
                format!("status `{status}`"),
                "not published: written as a draft with `service_status: inactive`",
            );
            "inactive"
        }
        "temporarily closed" | "temporarily-closed" | "temporarily_closed" => {
            notes.add(
                Kind::Status,
                "service_status",
                format!("status `{status}`"),
                "published with `service_status: temporarily-closed`",
            );
            "temporarily-closed"
        }
        "active" | "" => "active",
        other => {
            notes.add(
                Kind::Status,
                "service_status",
                format!("status `{other}` is not an Open Referral status"),
                "taken as active; check it",
            );
            "active"
        }
    };
}

fn reviewed_of(item: &Value, imported: &mut Imported, context: &Context, notes: &mut Notes) {
    let found = ["assured_date", "last_modified", "last_assured"]
        .iter()
        .find_map(|key| raw_text(item, key).filter(|v| !v.trim().is_empty()).map(|v| (*key, v)));
    let Some((key, raw)) = found else {
        imported.draft_reasons.push("no review date in the export".to_string());
        notes.add(
            Kind::Date,
            "last_reviewed",
            "no assured date",
            "written as a draft; `last_reviewed` holds the day of the import only until someone checks the service",
        );
        return;
    };
    match when::date(&raw) {
        DateRead::Date(date) if date > context.today => {
            imported.last_reviewed = Some(date);
            imported
                .draft_reasons
                .push(format!("its review date, {}, is in the future", date.long()));
            notes.add(
                Kind::Date,
                "last_reviewed",
                format!("{key} `{raw}` is in the future"),
                "kept, in a draft; set the day it was really checked",
            );
        }
        DateRead::Date(date) if date.add_months(context.stale_months) < context.today => {
            imported.last_reviewed = Some(date);
            imported.draft_reasons.push(format!(
                "last checked on {}, more than {} months ago",
                date.long(),
                context.stale_months
            ));
            notes.add(
                Kind::Date,
                "last_reviewed",
                format!("{key} `{raw}` ({})", date.long()),
                "kept, in a draft: check the service, then set today's date",
            );
        }
        DateRead::Date(date) => {
            imported.last_reviewed = Some(date);
            if !raw.trim().starts_with(&date.iso()) {
                notes.add(
                    Kind::Date,
                    "last_reviewed",
                    format!("{key} `{raw}`"),
                    format!("read as {}", date.long()),
                );
            }
        }
        DateRead::Placeholder(text) => {
            imported.draft_reasons.push(format!("its review date `{text}` is a placeholder"));
            notes.add(
                Kind::Placeholder,
                "last_reviewed",
                format!("{key} `{text}`"),
                "not used: written as a draft until someone checks the service",
            );
        }
        DateRead::Unreadable(text) => {
            imported.draft_reasons.push(format!("its review date `{text}` cannot be read"));
            notes.add(
                Kind::Date,
                "last_reviewed",
                format!("{key} `{text}` is not a date"),
                "not used: written as a draft until someone checks the service",
            );
        }
    }
}

fn taxonomy_names(item: &Value) -> Vec<String> {
    let mut names = Vec::new();
    for link in list(item, "service_taxonomys") {
        if let Some(name) = link.get("taxonomy").and_then(|t| line(t, "name")) {
            names.push(name);
        }
    }
    for attribute in list(item, "attributes") {
        if attribute.get("link_type").and_then(Value::as_str) == Some("language") {
            continue;
        }
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

fn access_of(process: &str, notes: &mut Notes) -> Vec<&'static str> {
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
        notes.add(
            Kind::Missing,
            "access",
            "how to get the service is not clear",
            "written as self-referral; check it",
        );
        access.push("self-referral");
    }
    access
}

/// The needs a taxonomy term names.
fn needs_in(term: &str) -> Vec<Need> {
    let lower = term.to_lowercase();
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
    found
        .iter()
        .filter(|(word, _)| lower.contains(word))
        .map(|(_, need)| *need)
        .collect()
}

fn needs_of(item: &Value) -> Vec<&'static str> {
    let mut needs: Vec<Need> = taxonomy_names(item).iter().flat_map(|t| needs_in(t)).collect();
    needs.sort();
    needs.dedup();
    needs.into_iter().map(Need::id).collect()
}

fn postcode(raw: &str) -> Option<String> {
    let squeezed: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if squeezed.len() < 5 || squeezed.len() > 7 || !squeezed.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (outward, inward) = squeezed.split_at(squeezed.len() - 3);
    Some(format!("{outward} {inward}"))
}

fn place_of(item: &Value, imported: &mut Imported, notes: &mut Notes) {
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
        let (lat, lon) = (number(location, "latitude"), number(location, "longitude"));
        if lat == Some(0.0) && lon == Some(0.0) {
            notes.add(
                Kind::Placeholder,
                "where",
                "coordinates 0, 0 (a point in the sea off Africa)",
                "dropped; the address is used",
            );
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
                .filter(|part| !contact::is_placeholder(part))
                .collect();
            imported.address = (!street.is_empty()).then(|| street.join(", "));
            imported.locality = line(address, "city").filter(|c| !contact::is_placeholder(c));
            if let Some(raw) = line(address, "postal_code") {
                match postcode(&raw) {
                    Some(code) if contact::is_placeholder(&raw) => drop(code),
                    Some(code) => {
                        if code != raw {
                            notes.add(Kind::Place, "where.postcode", format!("`{raw}`"), format!("written as `{code}`"));
                        }
                        imported.postcode = Some(code);
                    }
                    None if contact::is_placeholder(&raw) => notes.add(
                        Kind::Placeholder,
                        "where.postcode",
                        format!("`{raw}`"),
                        "dropped (a placeholder, not a value)",
                    ),
                    None => notes.add(Kind::Place, "where.postcode", format!("`{raw}` is not a UK postcode"), "dropped"),
                }
            }
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
        notes.add(
            Kind::Place,
            "where",
            format!("{} venues", locations.len()),
            "only the first was imported; add the others under `locations:`",
        );
    }
    let attending = item.get("attending_type").and_then(Value::as_str).unwrap_or("").to_lowercase();
    if attending.contains("online") || attending.contains("phone") || attending.contains("remote") {
        imported.online = true;
    }
    if imported.address.is_none() && imported.postcode.is_none() && imported.locality.is_none() && !imported.online {
        imported.draft_reasons.push("no venue and not online".to_string());
        notes.add(
            Kind::Missing,
            "where",
            "no venue and not online",
            "written as a draft; say where it happens",
        );
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

fn days_of(byday: &str) -> Vec<&'static str> {
    let mut days: Vec<&'static str> = Vec::new();
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
    days
}

/// Reads one time field, noting a time that cannot be read.
fn time_of(schedule: &Value, key: &str, field: &str, notes: &mut Notes) -> Option<String> {
    let raw = raw_text(schedule, key).filter(|t| !t.trim().is_empty())?;
    let time = when::time(&raw);
    match &time {
        None => notes.add(Kind::Schedule, field, format!("{key} `{raw}` is not a time"), "dropped"),
        Some(t) if !raw.trim().starts_with(t.as_str()) => {
            notes.add(Kind::Schedule, field, format!("{key} `{raw}`"), format!("written as {t}"))
        }
        Some(_) => {}
    }
    time
}

fn schedules_of(item: &Value, imported: &mut Imported, today: Date, notes: &mut Notes) {
    let mut whens = Vec::new();
    for schedule in list(item, "schedules").into_iter().chain(list(item, "regular_schedules")) {
        let byday = line(schedule, "byday").or_else(|| line(schedule, "weekday")).unwrap_or_default();
        let days = days_of(&byday);
        let mut session = Session {
            days,
            opens: time_of(schedule, "opens_at", "schedules", notes),
            closes: time_of(schedule, "closes_at", "schedules", notes),
            description: line(schedule, "description"),
            ..Session::default()
        };
        let freq = line(schedule, "freq").unwrap_or_default().to_uppercase();
        let interval = number(schedule, "interval").unwrap_or(1.0);
        let ordinal = byday.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '-');
        session.frequency = match (freq.as_str(), interval) {
            ("" | "WEEKLY", i) if i <= 1.0 => None,
            ("WEEKLY", 2.0) => {
                notes.add(
                    Kind::Schedule,
                    "schedules",
                    "every 2 weeks (interval 2)",
                    "written as `frequency: fortnightly`",
                );
                Some("fortnightly")
            }
            ("MONTHLY", i) if i <= 1.0 => {
                if ordinal {
                    let words = format!("on the day of the month given as `{byday}` in the export");
                    session.description = Some(match session.description.take() {
                        Some(d) => format!("{d}; {words}"),
                        None => words,
                    });
                }
                Some("monthly")
            }
            (freq, i) => {
                let words = format!("runs with frequency {freq} every {i}");
                notes.add(
                    Kind::Schedule,
                    "schedules",
                    words.clone(),
                    "Signpost has no such frequency; written in `when:` instead of as a session",
                );
                if !session.days.is_empty() {
                    whens.push(format!("{} ({})", session.days.join(", "), words.to_lowercase()));
                }
                continue;
            }
        };
        if let (Some(opens), Some(closes)) = (&session.opens, &session.closes)
            && closes <= opens
        {
            let words = format!("overnight, until {closes} the next day");
            notes.add(
                Kind::Schedule,
                "schedules",
                format!("opens {opens}, closes {closes} (overnight)"),
                format!("kept with the opening time; \"{words}\" added to its description"),
            );
            session.description = Some(match session.description.take() {
                Some(d) => format!("{d}, {words}"),
                None => words,
            });
            session.closes = None;
        }
        if session.days.is_empty() {
            match session.description {
                Some(words) => whens.push(words),
                None => notes.add(Kind::Schedule, "schedules", "a schedule without days or a description", "left out"),
            }
            continue;
        }
        imported.schedules.push(session);
    }
    for holiday in list(item, "holiday_schedules") {
        let read = |key: &str| raw_text(holiday, key).map(|raw| when::date(&raw));
        let Some(DateRead::Date(start)) = read("start_date") else {
            notes.add(
                Kind::Schedule,
                "schedules",
                "a holiday schedule without a readable start date",
                "left out",
            );
            continue;
        };
        let end = match read("end_date") {
            Some(DateRead::Date(end)) if end >= start => end,
            _ => start,
        };
        if end < today {
            notes.add(
                Kind::Schedule,
                "schedules",
                format!("holiday times that ended on {}", end.long()),
                "left out",
            );
            continue;
        }
        let closed = holiday.get("closed").and_then(Value::as_bool).unwrap_or(false);
        if closed {
            let words = if end == start {
                format!("Closed on {}", start.long())
            } else {
                format!("Closed from {} to {}", start.long(), end.long())
            };
            notes.add(
                Kind::Schedule,
                "when",
                "a holiday closure",
                format!("kept in `when:` as \"{words}\""),
            );
            whens.push(words);
            continue;
        }
        let session = Session {
            date: Some(start),
            until: (end != start).then_some(end),
            opens: time_of(holiday, "opens_at", "schedules", notes),
            closes: time_of(holiday, "closes_at", "schedules", notes),
            description: Some("Holiday opening".to_string()),
            ..Session::default()
        };
        notes.add(
            Kind::Schedule,
            "schedules",
            "holiday opening times",
            format!("kept as a dated session from {}", start.long()),
        );
        imported.schedules.push(session);
    }
    imported.when = (!whens.is_empty()).then(|| whens.join("; "));
}
