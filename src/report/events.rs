//! Events in the content audit: one row per event, with the warning when it has no dates left.

use super::audit::{AuditRow, ReviewState};
use crate::content::Date;
use crate::content::events::{Events, next_date};
use crate::diagnostic::{Diagnostic, Severity};

/// A row for each event, marked `over` when it has no dates from `today` on; events with problems first.
pub(super) fn event_rows(events: &Events, diagnostics: &[Diagnostic], today: Date) -> Vec<AuditRow> {
    let mut rows: Vec<AuditRow> = events
        .events
        .iter()
        .map(|event| {
            let found: Vec<&Diagnostic> = diagnostics
                .iter()
                .filter(|d| d.file == event.source.file && d.line == event.source.line)
                .collect();
            let over = next_date(event, &events.terms, today).is_none();
            AuditRow {
                kind: "event",
                title: event.record.title.clone(),
                url: event.url.clone(),
                file: format!("{}:{}", event.source.file, event.source.line),
                owner: String::new(),
                status: if over { "over".into() } else { "coming".into() },
                last_reviewed: None,
                next_review: None,
                review: ReviewState::None,
                days_overdue: 0,
                words: event.record.summary.split_whitespace().count(),
                errors: found.iter().filter(|d| d.severity == Severity::Error).count(),
                warnings: found.iter().filter(|d| d.severity == Severity::Warning).count(),
                problems: found.iter().map(|d| format!("{}: {}", d.rule, d.message)).collect(),
            }
        })
        .collect();
    rows.sort_by_key(|row| (row.errors == 0, row.warnings == 0, row.title.clone()));
    rows
}
