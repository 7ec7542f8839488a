//! `signpost import openreferral FILE.json`: turns a council's existing directory export (Open
//! Referral UK v1 or v3 JSON) into service files, one per service in
//! `content/services/imported/`, and reports everything it changed, dropped or could not map.
//! Running it again with a newer export updates the services it imported (found by their source
//! id), field by field, keeping people's edits where the export did not change.

pub mod clean;
pub mod contact;
pub mod html;
pub mod openreferral;
pub mod report;
pub mod safety;
pub mod taxonomy;
pub mod when;
pub mod write;

use crate::config::SiteConfig;
use crate::content::{Date, slugify};
use openreferral::{Context, Imported, Read};
use report::{ImportReport, Item, Kind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folder, under `content/services/`, that imported services are written to.
pub const FOLDER: &str = "imported";
/// The file, in that folder, that remembers what the last import wrote (hidden, so the site
/// never loads it).
pub const STATE_FILE: &str = ".openreferral-import.json";

/// Why an import could not run.
#[derive(Debug)]
pub struct ImportError {
    /// Plain words, with the file (and line and column) when the export is at fault.
    pub message: String,
    /// True when the export itself is not usable (exit 1); false for a system problem (exit 2).
    pub bad_export: bool,
}

impl ImportError {
    fn system(message: String) -> ImportError {
        ImportError {
            message,
            bad_export: false,
        }
    }
}

/// What the last import wrote for one service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Remembered {
    /// The service file's name in the folder.
    file: String,
    /// The Signpost id it was given.
    id: String,
    /// Field key -> the YAML the export gave for it.
    fields: BTreeMap<String, String>,
}

/// The state file: source id -> what was written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct State {
    services: BTreeMap<String, Remembered>,
}

/// Imports `file` into `root/content/services/imported/`.
pub fn import_openreferral(root: &Path, file: &Path, today: Date) -> Result<ImportReport, ImportError> {
    let config = SiteConfig::load(root).map_err(|problems| {
        let first = problems.first().map(|d| d.message.clone()).unwrap_or_default();
        ImportError::system(format!("Cannot read the site settings in {}: {first}", root.display()))
    })?;
    let json = std::fs::read_to_string(file).map_err(|e| ImportError::system(format!("Cannot read {}: {e}", file.display())))?;
    let categories: Vec<(String, String)> = config.categories.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let context = Context {
        categories: &categories,
        mapping: &config.import.openreferral,
        today,
        stale_months: config.review_cycle_months,
        schemes: &config.content.link_schemes,
    };
    let export = openreferral::read(&json, &context).map_err(|problem| ImportError {
        message: match problem.at {
            Some((line, column)) => format!("{}:{line}:{column}: {}", file.display(), problem.message),
            None => format!("{}: {}", file.display(), problem.message),
        },
        bad_export: true,
    })?;
    let mut report = ImportReport {
        export: file.display().to_string(),
        version: export.version,
        header_total: export.header_total,
        records: export.records,
        ..ImportReport::default()
    };
    let file_item = |kind: Kind, field: &str, found: String, done: &str| Item {
        kind,
        record_id: String::new(),
        record_name: String::new(),
        field: field.to_string(),
        found,
        done: done.to_string(),
    };
    if let Some(total) = export.header_total
        && total != export.records as u64
    {
        report.items.push(file_item(
            Kind::File,
            "header total",
            format!(
                "the header says there are {total} services, but the file holds {} records",
                export.records
            ),
            "every record in the file was read; the export may be missing some, so check it is complete",
        ));
    }
    if export.with_metadata > 0 {
        report.items.push(file_item(
            Kind::File,
            "metadata",
            format!(
                "{} records carry the platform's edit history, which names staff by email address",
                export.with_metadata
            ),
            "not imported",
        ));
    }
    for left in &export.left_out {
        report.items.push(Item {
            kind: Kind::Missing,
            record_id: left.id.clone(),
            record_name: String::new(),
            field: "name".to_string(),
            found: left.reason.clone(),
            done: "nothing written".to_string(),
        });
    }
    let services = merge_duplicates(export.read, &mut report);
    write_all(root, services, &config, today, &mut report)?;
    Ok(report)
}

/// Exact duplicates merge (reported once); different services sharing an id are kept apart,
/// the later ones with `--2`, `--3` after the id.
fn merge_duplicates(reads: Vec<Read>, report: &mut ImportReport) -> Vec<(Imported, Vec<openreferral::Note>)> {
    let mut seen: BTreeMap<String, Vec<(serde_json::Value, String)>> = BTreeMap::new();
    let mut out = Vec::new();
    for read in reads {
        let Read { mut service, notes, raw } = read;
        let id = service.source_id.clone();
        let earlier = seen.entry(id.clone()).or_default();
        if earlier.iter().any(|(value, _)| *value == raw) {
            report.items.push(Item {
                kind: Kind::Duplicate,
                record_id: id,
                record_name: service.name,
                field: "id".to_string(),
                found: "the same record appears twice, word for word".to_string(),
                done: "merged into one service".to_string(),
            });
            continue;
        }
        if let Some((_, first_name)) = earlier.first() {
            let new_id = format!("{id}--{}", earlier.len() + 1);
            report.items.push(Item {
                kind: Kind::Duplicate,
                record_id: id.clone(),
                record_name: service.name.clone(),
                field: "id".to_string(),
                found: format!("a different service, \"{first_name}\", has the same id"),
                done: format!("kept apart with `source_id: {new_id}`; ask the platform to give each service its own id"),
            });
            service.source_id = new_id;
        }
        earlier.push((raw, service.name.clone()));
        out.push((service, notes.0));
    }
    out
}

fn read_state(path: &Path) -> State {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Ids of services elsewhere in the site (not written by this importer).
fn other_ids(root: &Path) -> BTreeSet<String> {
    let (site, _) = crate::content::load_site(root, true);
    let prefix = format!("services/{FOLDER}/");
    site.map(|site| {
        site.services
            .into_iter()
            .filter(|s| !s.source.file.contains(&prefix))
            .map(|s| s.id)
            .collect()
    })
    .unwrap_or_default()
}

fn unique(base: String, taken: &mut BTreeSet<String>) -> String {
    let base = if base.is_empty() { "service".to_string() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

fn write_all(
    root: &Path,
    services: Vec<(Imported, Vec<openreferral::Note>)>,
    config: &SiteConfig,
    today: Date,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let folder = root.join("content").join("services").join(FOLDER);
    std::fs::create_dir_all(&folder).map_err(|e| ImportError::system(format!("Cannot create {}: {e}", folder.display())))?;
    report.folder = folder.display().to_string();
    let state_path = folder.join(STATE_FILE);
    let old_state = read_state(&state_path);
    let mut state = State::default();
    let mut taken_ids = other_ids(root);
    taken_ids.extend(old_state.services.values().map(|r| r.id.clone()));
    let mut taken_files: BTreeSet<String> = old_state.services.values().map(|r| r.file.clone()).collect();
    for (mut service, notes) in services {
        let remembered = old_state.services.get(&service.source_id);
        service.id = match remembered {
            Some(r) => r.id.clone(),
            None => unique(slugify(&service.name), &mut taken_ids),
        };
        let file_name = match remembered {
            Some(r) => r.file.clone(),
            None => {
                let stem = unique(slugify(&service.source_id), &mut taken_files);
                format!("{stem}.yaml")
            }
        };
        let (record_id, record_name) = (service.source_id.clone(), service.name.clone());
        let record = |kind: Kind, field: &str, found: String, done: String| Item {
            kind,
            record_id: record_id.clone(),
            record_name: record_name.clone(),
            field: field.to_string(),
            found,
            done,
        };
        let mut items: Vec<Item> = notes.into_iter().map(|n| record(n.kind, &n.field, n.found, n.done)).collect();
        for (field, note) in safety::make_safe(&mut service, &config.content.link_schemes) {
            items.push(record(Kind::Description, &field, note, "see the service file".to_string()));
        }
        if !service.draft_reasons.is_empty() {
            items.push(record(
                Kind::Draft,
                "status",
                service.draft_reasons.join("; "),
                "written as a draft (`status: draft`); it is not published until that line is removed".to_string(),
            ));
            report.drafts += 1;
        } else {
            report.published += 1;
        }
        report.services += 1;
        let fragments = write::fragments(&service, today);
        let path = folder.join(&file_name);
        let current = std::fs::read_to_string(&path).ok();
        let (text, changes) = merge(current.as_deref(), remembered, &fragments);
        for (field, found, done) in changes {
            items.push(record(Kind::Changed, &field, found, done));
        }
        match current.as_deref() {
            Some(current) if current == text => report.unchanged += 1,
            Some(_) => {
                write_file(&path, &text)?;
                report.updated += 1;
            }
            None => {
                write_file(&path, &text)?;
                report.created += 1;
            }
        }
        report.items.extend(items);
        state.services.insert(
            service.source_id.clone(),
            Remembered {
                file: file_name,
                id: service.id.clone(),
                fields: fragments.iter().map(|f| (f.key.clone(), f.compared.clone())).collect(),
            },
        );
    }
    for (source_id, gone) in &old_state.services {
        if !state.services.contains_key(source_id) {
            report.items.push(Item {
                kind: Kind::Changed,
                record_id: source_id.clone(),
                record_name: gone.id.clone(),
                field: "service".to_string(),
                found: "no longer in the export".to_string(),
                done: format!("{} was left as it is; delete it if the service has closed", gone.file),
            });
            state.services.insert(source_id.clone(), gone.clone());
        }
    }
    let state_text = serde_json::to_string_pretty(&state).unwrap_or_default() + "\n";
    if std::fs::read_to_string(&state_path).ok().as_deref() != Some(state_text.as_str()) {
        write_file(&state_path, &state_text)?;
    }
    Ok(())
}

fn write_file(path: &PathBuf, text: &str) -> Result<(), ImportError> {
    std::fs::write(path, text).map_err(|e| ImportError::system(format!("Cannot write {}: {e}", path.display())))
}

/// Short form of a field's YAML for the report.
fn shown(text: Option<&String>) -> String {
    match text {
        None => "(none)".to_string(),
        Some(text) => {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let short: String = flat.chars().take(120).collect();
            if short.len() < flat.len() {
                format!("`{short}…`")
            } else {
                format!("`{short}`")
            }
        }
    }
}

/// The new text of a service file, and the fields changed: (field, found, done).
fn merge(current: Option<&str>, remembered: Option<&Remembered>, fragments: &[write::Fragment]) -> (String, Vec<(String, String, String)>) {
    let fresh: Vec<(String, String)> = fragments.iter().map(|f| (f.key.clone(), f.written.clone())).collect();
    let (Some(current), Some(remembered)) = (current, remembered) else {
        return (write::join(&fresh), Vec::new());
    };
    let Some(fields) = write::split(current) else {
        let note = (
            "service".to_string(),
            "the file is no longer in the form the importer writes".to_string(),
            "left exactly as it is; nothing in it was updated".to_string(),
        );
        return (current.to_string(), vec![note]);
    };
    let now: BTreeMap<&str, &String> = fields.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut merged: Vec<(String, String)> = Vec::new();
    let mut changes = Vec::new();
    for fragment in fragments {
        let before = remembered.fields.get(&fragment.key);
        let here = now.get(fragment.key.as_str()).copied();
        if before == Some(&fragment.compared) {
            if let Some(here) = here {
                merged.push((fragment.key.clone(), here.clone()));
            }
            continue;
        }
        let done = if here.is_some() && here != before {
            "updated from the export, replacing an edit made here".to_string()
        } else {
            "updated from the export".to_string()
        };
        changes.push((
            fragment.key.clone(),
            format!("was {}, the export now has {}", shown(before), shown(Some(&fragment.compared))),
            done,
        ));
        merged.push((fragment.key.clone(), fragment.written.clone()));
    }
    for (key, before) in &remembered.fields {
        if fragments.iter().any(|f| &f.key == key) {
            continue;
        }
        let here = now.get(key.as_str()).copied();
        if here.is_some() && here != Some(before) {
            if let Some(here) = here {
                merged.push((key.clone(), here.clone()));
            }
            changes.push((
                key.clone(),
                format!("the export no longer has {}", shown(Some(before))),
                "kept, as it was edited here".to_string(),
            ));
        } else if here.is_some() {
            changes.push((
                key.clone(),
                format!("the export no longer has {}", shown(Some(before))),
                "removed".to_string(),
            ));
        }
    }
    for (key, text) in &fields {
        if !remembered.fields.contains_key(key) && !fragments.iter().any(|f| &f.key == key) {
            merged.push((key.clone(), text.clone()));
        }
    }
    (write::join(&merged), changes)
}
