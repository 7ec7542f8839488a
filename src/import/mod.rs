//! `signpost import openreferral FILE.json`: turns a council's existing directory export (Open
//! Referral UK v1 or v3 JSON) into a services YAML file, and says what it could not map.

pub mod clean;
pub mod openreferral;
pub mod safety;

use crate::config::SiteConfig;
use crate::content::Date;
use clean::quoted;
use openreferral::Imported;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What an import wrote and what it could not map.
#[derive(Debug)]
pub struct ImportReport {
    /// The services file written.
    pub written: PathBuf,
    /// Number of services written.
    pub services: usize,
    /// Of those, how many were marked as drafts to check.
    pub drafts: usize,
    /// The export's Open Referral UK version (1 or 3).
    pub version: u8,
    /// What could not be mapped, one plain sentence each.
    pub notes: Vec<String>,
}

/// Imports `file` into `root/content/services/imported-<name>.yaml`. Refuses to overwrite a file.
pub fn import_openreferral(root: &Path, file: &Path, today: Date) -> Result<ImportReport, String> {
    let config = SiteConfig::load(root).map_err(|problems| {
        let first = problems.first().map(|d| d.message.clone()).unwrap_or_default();
        format!("Cannot read the site settings in {}: {first}", root.display())
    })?;
    let json = std::fs::read_to_string(file).map_err(|e| format!("Cannot read {}: {e}", file.display()))?;
    let categories: Vec<(String, String)> = config.categories.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let mut result = openreferral::import(&json, &categories, today, config.review_cycle_months)?;
    for service in &mut result.services {
        let notes = safety::make_safe(service, &config.content.link_schemes);
        result
            .notes
            .extend(notes.into_iter().map(|note| format!("{}: {note}", service.name)));
    }
    let stem = file
        .file_stem()
        .map(|s| crate::content::slugify(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "export".to_string());
    let folder = root.join("content").join("services");
    std::fs::create_dir_all(&folder).map_err(|e| format!("Cannot create {}: {e}", folder.display()))?;
    let target = folder.join(format!("imported-{stem}.yaml"));
    if target.exists() {
        return Err(format!(
            "{} already exists; move or delete it first, so nothing is overwritten",
            target.display()
        ));
    }
    let yaml = to_yaml(&result.services, file, today);
    std::fs::write(&target, yaml).map_err(|e| format!("Cannot write {}: {e}", target.display()))?;
    Ok(ImportReport {
        written: target,
        services: result.services.len(),
        drafts: result.services.iter().filter(|s| s.draft).count(),
        version: result.version,
        notes: result.notes,
    })
}

/// The services as a Signpost services YAML file.
pub fn to_yaml(services: &[Imported], source: &Path, today: Date) -> String {
    let mut out = String::new();
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let _ = writeln!(out, "# Imported from {name} on {} by `signpost import openreferral`.", today.iso());
    let _ = writeln!(out, "# Check each service, then remove `status: draft` where it is set.");
    for service in services {
        out.push('\n');
        write_service(&mut out, service, today);
    }
    out
}

fn write_service(out: &mut String, s: &Imported, today: Date) {
    let field = |out: &mut String, indent: &str, key: &str, value: &str| {
        let _ = writeln!(out, "{indent}{key}: {}", quoted(value));
    };
    let optional = |out: &mut String, indent: &str, key: &str, value: &Option<String>| {
        if let Some(value) = value {
            let _ = writeln!(out, "{indent}{key}: {}", quoted(value));
        }
    };
    let _ = writeln!(out, "- id: {}", s.id);
    field(out, "  ", "name", &s.name);
    let _ = writeln!(out, "  category: {}", s.category);
    field(out, "  ", "summary", &s.summary);
    field(out, "  ", "provider", &s.provider);
    optional(out, "  ", "provider_website", &s.provider_website);
    let _ = writeln!(out, "  ages: {{ from: {}, to: {} }}", s.ages.0, s.ages.1);
    optional(out, "  ", "eligibility", &s.eligibility);
    let _ = writeln!(out, "  access: [{}]", s.access.join(", "));
    optional(out, "  ", "application_process", &s.application_process);
    field(out, "  ", "cost", &s.cost);
    if s.free {
        let _ = writeln!(out, "  free: true");
    }
    if !s.cost_options.is_empty() {
        let _ = writeln!(out, "  cost_options:");
        for (amount, per, description) in &s.cost_options {
            let _ = writeln!(out, "    - amount: {amount}");
            optional(out, "      ", "per", per);
            optional(out, "      ", "description", description);
        }
    }
    let _ = writeln!(out, "  contact:");
    if s.phone.is_none() && s.email.is_none() && s.website.is_none() {
        out.truncate(out.len() - "  contact:\n".len());
        let _ = writeln!(out, "  contact: {{}}");
    }
    optional(out, "    ", "phone", &s.phone);
    optional(out, "    ", "email", &s.email);
    optional(out, "    ", "website", &s.website);
    let _ = writeln!(out, "  where:");
    optional(out, "    ", "address", &s.address);
    optional(out, "    ", "postcode", &s.postcode);
    optional(out, "    ", "locality", &s.locality);
    if s.online {
        let _ = writeln!(out, "    online: true");
    }
    if !s.accessibility.is_empty() {
        let _ = writeln!(out, "    accessibility: [{}]", s.accessibility.join(", "));
    }
    optional(out, "    ", "accessibility_notes", &s.accessibility_notes);
    if s.address.is_none() && s.postcode.is_none() && s.locality.is_none() && !s.online {
        out.truncate(out.len() - "  where:\n".len());
        let _ = writeln!(out, "  where: {{}}");
    }
    optional(out, "  ", "when", &s.when);
    if !s.schedules.is_empty() {
        let _ = writeln!(out, "  schedules:");
        for (days, opens, closes, description) in &s.schedules {
            let _ = writeln!(out, "    - days: [{}]", days.join(", "));
            optional(out, "      ", "opens_at", opens);
            optional(out, "      ", "closes_at", closes);
            optional(out, "      ", "description", description);
        }
    }
    if !s.languages.is_empty() {
        let quoted_names: Vec<String> = s.languages.iter().map(|l| quoted(l)).collect();
        let _ = writeln!(out, "  languages: [{}]", quoted_names.join(", "));
    }
    if !s.needs.is_empty() {
        let _ = writeln!(out, "  needs: [{}]", s.needs.join(", "));
    }
    if s.service_status != "active" {
        let _ = writeln!(out, "  service_status: {}", s.service_status);
    }
    let _ = writeln!(out, "  last_reviewed: {}", s.last_reviewed.unwrap_or(today).iso());
    if s.draft {
        let _ = writeln!(out, "  status: draft");
    }
    if let Some(description) = &s.description {
        let _ = writeln!(out, "  description: |");
        for line in description.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
}
