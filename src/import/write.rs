//! Imported services as YAML, one file per service, cut into top-level fields ("fragments") so a
//! re-import can replace only the fields the export changed and keep people's edits to the rest.

use super::clean::quoted;
use super::openreferral::Imported;
use crate::content::Date;
use std::fmt::Write as _;

/// One top-level field of a service: its key, the YAML written, and the YAML compared with the
/// last import (different only where the written text holds the day of the import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// The field's key, e.g. `contact`.
    pub key: String,
    /// The lines written, indented by two spaces, ending with a new line.
    pub written: String,
    /// What is remembered of the export's value.
    pub compared: String,
}

/// The comment at the top of every imported service file.
pub const HEADER: &str = "# Imported by `signpost import openreferral`. Edit freely: a re-import only replaces the fields\n# the export has changed since the last import (see docs/import.md).\n";

/// The fields of a service, in the order they are written.
pub fn fragments(s: &Imported, today: Date) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    let mut push = |key: &str, written: String| {
        out.push(Fragment {
            key: key.to_string(),
            compared: written.clone(),
            written,
        })
    };
    let text = |key: &str, value: &str| format!("  {key}: {}\n", quoted(value));
    let optional = |key: &str, value: &Option<String>| value.as_ref().map(|v| text(key, v));
    push("source_id", text("source_id", &s.source_id));
    push("id", format!("  id: {}\n", s.id));
    push("name", text("name", &s.name));
    push("category", format!("  category: {}\n", s.category));
    push("summary", text("summary", &s.summary));
    push("provider", text("provider", &s.provider));
    if let Some(v) = optional("provider_website", &s.provider_website) {
        push("provider_website", v);
    }
    push("ages", format!("  ages: {{ from: {}, to: {} }}\n", s.ages.0, s.ages.1));
    if let Some(v) = optional("eligibility", &s.eligibility) {
        push("eligibility", v);
    }
    push("access", format!("  access: [{}]\n", s.access.join(", ")));
    if let Some(v) = optional("application_process", &s.application_process) {
        push("application_process", v);
    }
    push("cost", text("cost", &s.cost));
    if s.free {
        push("free", "  free: true\n".to_string());
    }
    if !s.cost_options.is_empty() {
        let mut v = "  cost_options:\n".to_string();
        for (amount, per, description) in &s.cost_options {
            let _ = writeln!(v, "    - amount: {amount}");
            for (key, value) in [("per", per), ("description", description)] {
                if let Some(value) = value {
                    let _ = writeln!(v, "      {key}: {}", quoted(value));
                }
            }
        }
        push("cost_options", v);
    }
    let mut contact = String::new();
    for (key, value) in [("phone", &s.phone), ("email", &s.email), ("website", &s.website)] {
        if let Some(value) = value {
            let _ = writeln!(contact, "    {key}: {}", quoted(value));
        }
    }
    push(
        "contact",
        if contact.is_empty() {
            "  contact: {}\n".to_string()
        } else {
            format!("  contact:\n{contact}")
        },
    );
    let mut place = String::new();
    for (key, value) in [("address", &s.address), ("postcode", &s.postcode), ("locality", &s.locality)] {
        if let Some(value) = value {
            let _ = writeln!(place, "    {key}: {}", quoted(value));
        }
    }
    if s.online {
        place.push_str("    online: true\n");
    }
    if !s.accessibility.is_empty() {
        let _ = writeln!(place, "    accessibility: [{}]", s.accessibility.join(", "));
    }
    if let Some(notes) = &s.accessibility_notes {
        let _ = writeln!(place, "    accessibility_notes: {}", quoted(notes));
    }
    push(
        "where",
        if place.is_empty() {
            "  where: {}\n".to_string()
        } else {
            format!("  where:\n{place}")
        },
    );
    if let Some(v) = optional("when", &s.when) {
        push("when", v);
    }
    if !s.schedules.is_empty() {
        let mut v = "  schedules:\n".to_string();
        for session in &s.schedules {
            let mut lines: Vec<String> = Vec::new();
            if !session.days.is_empty() {
                lines.push(format!("days: [{}]", session.days.join(", ")));
            }
            if let Some(frequency) = session.frequency {
                lines.push(format!("frequency: {frequency}"));
            }
            if let Some(date) = session.date {
                lines.push(format!("date: {}", date.iso()));
            }
            if let Some(until) = session.until {
                lines.push(format!("until: {}", until.iso()));
            }
            for (key, value) in [
                ("opens_at", &session.opens),
                ("closes_at", &session.closes),
                ("description", &session.description),
            ] {
                if let Some(value) = value {
                    lines.push(format!("{key}: {}", quoted(value)));
                }
            }
            for (index, line) in lines.iter().enumerate() {
                let _ = writeln!(v, "    {}{line}", if index == 0 { "- " } else { "  " });
            }
        }
        push("schedules", v);
    }
    if let Some(area) = &s.service_area {
        push("service_area", format!("  service_area: {}\n", quoted(area)));
    }
    if !s.languages.is_empty() {
        let names: Vec<String> = s.languages.iter().map(|l| quoted(l)).collect();
        push("languages", format!("  languages: [{}]\n", names.join(", ")));
    }
    if !s.needs.is_empty() {
        push("needs", format!("  needs: [{}]\n", s.needs.join(", ")));
    }
    if s.service_status != "active" {
        push("service_status", format!("  service_status: {}\n", s.service_status));
    }
    match s.last_reviewed {
        Some(date) => push("last_reviewed", format!("  last_reviewed: {}\n", date.iso())),
        None => out.push(Fragment {
            key: "last_reviewed".to_string(),
            written: format!(
                "  last_reviewed: {}  # not in the export: the day of the import, until someone checks the service\n",
                today.iso()
            ),
            compared: "  last_reviewed: (not in the export)\n".to_string(),
        }),
    }
    if !s.draft_reasons.is_empty() {
        let reasons = s.draft_reasons.join("; ").replace('\n', " ");
        out.push(Fragment {
            key: "status".to_string(),
            written: format!("  status: draft  # {reasons}\n"),
            compared: format!("  status: draft  # {reasons}\n"),
        });
    }
    if let Some(description) = &s.description {
        let mut v = "  description: |\n".to_string();
        for line in description.lines() {
            if line.is_empty() {
                v.push('\n');
            } else {
                let _ = writeln!(v, "    {line}");
            }
        }
        out.push(Fragment {
            key: "description".to_string(),
            compared: v.clone(),
            written: v,
        });
    }
    out
}

/// A service file cut back into its top-level fields, as (key, text) pairs. `None` when the file
/// is not in the one-service form the importer writes (then it is left alone).
pub fn split(file: &str) -> Option<Vec<(String, String)>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut started = false;
    for line in file.split_inclusive('\n') {
        let (first, rest) = if let Some(rest) = line.strip_prefix("- ") {
            if started {
                return None; // a second service in the file
            }
            (true, rest)
        } else if let Some(rest) = line.strip_prefix("  ") {
            (false, rest)
        } else {
            (false, "")
        };
        let key: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let starts_field = (first || started) && !key.is_empty() && rest[key.len()..].starts_with(':');
        if first {
            started = true;
        }
        if starts_field {
            fields.push((key, format!("  {rest}")));
        } else if let Some((_, text)) = fields.last_mut() {
            text.push_str(line);
        } else if !(line.trim().is_empty() || line.trim_start().starts_with('#')) {
            return None;
        }
    }
    started.then_some(fields)
}

/// The text of a service file from its fields.
pub fn join(fields: &[(String, String)]) -> String {
    let mut out = String::from(HEADER);
    for (index, (_, text)) in fields.iter().enumerate() {
        if index == 0 {
            out.push_str("- ");
            out.push_str(text.strip_prefix("  ").unwrap_or(text));
        } else {
            out.push_str(text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_splits_back_into_its_fields() {
        let service = Imported {
            source_id: "svc-1".into(),
            id: "club".into(),
            name: "Club".into(),
            description: Some("One.\n\n- two\n- three".into()),
            ..Imported::default()
        };
        let today = Date::from_ymd(2026, 12, 1).unwrap();
        let parts: Vec<(String, String)> = fragments(&service, today).into_iter().map(|f| (f.key, f.written)).collect();
        let text = join(&parts);
        assert!(text.contains("- source_id: \"svc-1\"\n  id: club\n"), "{text}");
        assert!(text.contains("last_reviewed: 2026-12-01  # not in the export"), "{text}");
        assert_eq!(split(&text), Some(parts));
        assert_eq!(split("- a: 1\n- b: 2\n"), None);
    }
}
