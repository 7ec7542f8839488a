//! The content audit for the engagement lead: every page and service with its owner, review
//! dates, status, word count and the problems the checks found, plus every required topic no page
//! covers. Sorted so the most urgent work comes first. Written as CSV and as an HTML dashboard.

use crate::config::statutory::topic_description;
use crate::content::{Date, Site};
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::escape_html;
use crate::report::owners::Owners;
use crate::rules::Rule;
use std::collections::BTreeSet;

/// How a row's review date stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewState {
    /// Past the review date and the grace period.
    Overdue,
    /// Past the review date, within the grace period.
    Due,
    /// Due within the next 30 days.
    DueSoon,
    /// Not due yet.
    Current,
    /// Has no review date (a missing topic).
    None,
}

impl ReviewState {
    /// The word used in the CSV and the dashboard.
    pub fn label(self) -> &'static str {
        match self {
            ReviewState::Overdue => "overdue",
            ReviewState::Due => "due",
            ReviewState::DueSoon => "due soon",
            ReviewState::Current => "current",
            ReviewState::None => "",
        }
    }
}

/// One line of the audit: a page, a service or a missing topic.
#[derive(Debug, Clone)]
pub struct AuditRow {
    /// `page`, `service` or `missing topic`.
    pub kind: &'static str,
    /// Title, service name or topic id.
    pub title: String,
    /// Site address ("" for a missing topic).
    pub url: String,
    /// Where it is written.
    pub file: String,
    /// Who keeps it up to date.
    pub owner: String,
    /// Published or draft, and for services whether they are running.
    pub status: String,
    /// Last reviewed.
    pub last_reviewed: Option<Date>,
    /// Next review due.
    pub next_review: Option<Date>,
    /// How the review date stands.
    pub review: ReviewState,
    /// Days past the review date (0 when not past it).
    pub days_overdue: i64,
    /// Words in its summary and body.
    pub words: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// The problems, one short line each (`rule: message`).
    pub problems: Vec<String>,
}

/// Builds the audit rows from the loaded site and the build's findings, most urgent first.
pub fn audit_rows(site: &Site, diagnostics: &[Diagnostic], today: Date) -> Vec<AuditRow> {
    let grace = site.config.checks.review_grace_days;
    let review = |next: Date| -> (ReviewState, i64) {
        let overdue = days_between(next, today);
        let state = if today > next.add_days(grace) {
            ReviewState::Overdue
        } else if today > next {
            ReviewState::Due
        } else if today.add_days(30) >= next {
            ReviewState::DueSoon
        } else {
            ReviewState::Current
        };
        (state, overdue.max(0))
    };
    let owners = Owners::new(site, diagnostics);
    let mut rows = Vec::new();
    for page in &site.pages {
        let next = page.next_review(&site.config);
        let (state, days) = review(next);
        let found = owners.in_file(&page.source.file);
        rows.push(AuditRow {
            kind: "page",
            title: page.meta.title.clone(),
            url: page.url.clone(),
            file: page.source.file.clone(),
            owner: page.meta.owner.clone(),
            status: format!("{:?}", page.meta.status).to_lowercase(),
            last_reviewed: Some(page.meta.last_reviewed),
            next_review: Some(next),
            review: state,
            days_overdue: days,
            words: words(&page.meta.summary) + words(&page.body),
            errors: count(found, Severity::Error),
            warnings: count(found, Severity::Warning),
            problems: found.iter().map(|d| problem(d)).collect(),
        });
    }
    for service in &site.services {
        let next = service.next_review(&site.config);
        let (state, days) = review(next);
        let found = owners.of_service(service);
        let record = &service.record;
        rows.push(AuditRow {
            kind: "service",
            title: record.name.clone(),
            url: service.url.clone(),
            file: format!("{}:{}", service.source.file, service.source.line),
            owner: record.owner.clone().unwrap_or_default(),
            status: format!("{}, {}", format!("{:?}", record.status).to_lowercase(), record.service_status.id()),
            last_reviewed: Some(record.last_reviewed),
            next_review: Some(next),
            review: state,
            days_overdue: days,
            words: words(&record.summary) + record.description.as_deref().map(words).unwrap_or(0),
            errors: count(found, Severity::Error),
            warnings: count(found, Severity::Warning),
            problems: found.iter().map(|d| problem(d)).collect(),
        });
    }
    let missing: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.rule == Rule::TOPIC_MISSING)
        .filter_map(|d| d.subject()?.missing_topic())
        .collect();
    for topic in missing {
        rows.push(AuditRow {
            kind: "missing topic",
            title: topic.to_string(),
            url: String::new(),
            file: crate::config::CONFIG_FILE.to_string(),
            owner: String::new(),
            status: String::new(),
            last_reviewed: None,
            next_review: None,
            review: ReviewState::None,
            days_overdue: 0,
            words: 0,
            errors: 1,
            warnings: 0,
            problems: vec![format!(
                "topic-missing: no page covers {}",
                topic_description(topic).unwrap_or(topic)
            )],
        });
    }
    rows.sort_by(|a, b| {
        (b.errors > 0)
            .cmp(&(a.errors > 0))
            .then(a.review.cmp(&b.review))
            .then(b.days_overdue.cmp(&a.days_overdue))
            .then(b.errors.cmp(&a.errors))
            .then(b.warnings.cmp(&a.warnings))
            .then(a.next_review.cmp(&b.next_review))
            .then(a.url.cmp(&b.url))
            .then(a.title.cmp(&b.title))
    });
    rows
}

fn count(found: &[&Diagnostic], severity: Severity) -> usize {
    found.iter().filter(|d| d.severity == severity).count()
}

fn problem(diagnostic: &Diagnostic) -> String {
    format!("{}: {}", diagnostic.rule, diagnostic.message)
}

/// Words as the reports count them: what sits between spaces, with a letter or digit.
fn words(text: &str) -> usize {
    crate::text::words::count(text, crate::text::Words::Spaced)
}

/// Days from `from` to `to` (negative when `to` is earlier).
fn days_between(from: Date, to: Date) -> i64 {
    if to >= from {
        let mut days = 0;
        let mut day = from;
        while day < to && days < 100_000 {
            day = day.add_days(1);
            days += 1;
        }
        days
    } else {
        -days_between(to, from)
    }
}

const COLUMNS: [&str; 14] = [
    "kind",
    "title",
    "url",
    "file",
    "owner",
    "status",
    "last_reviewed",
    "next_review",
    "review",
    "days_overdue",
    "words",
    "errors",
    "warnings",
    "problems",
];

fn cells(row: &AuditRow) -> [String; 14] {
    [
        row.kind.to_string(),
        row.title.clone(),
        row.url.clone(),
        row.file.clone(),
        row.owner.clone(),
        row.status.clone(),
        row.last_reviewed.map(Date::iso).unwrap_or_default(),
        row.next_review.map(Date::iso).unwrap_or_default(),
        row.review.label().to_string(),
        row.days_overdue.to_string(),
        row.words.to_string(),
        row.errors.to_string(),
        row.warnings.to_string(),
        row.problems.join("; "),
    ]
}

/// The audit as CSV (RFC 4180: every field quoted when it needs to be, CRLF line ends).
pub fn to_csv(rows: &[AuditRow]) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for row in rows {
        let line: Vec<String> = cells(row).iter().map(|c| super::csv::cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The audit as a standalone, accessible HTML dashboard.
pub fn to_html(site_name: &str, rows: &[AuditRow], today: Date) -> String {
    let tally = |state: ReviewState| rows.iter().filter(|r| r.review == state).count();
    let with_errors = rows.iter().filter(|r| r.errors > 0).count();
    let missing = rows.iter().filter(|r| r.kind == "missing topic").count();
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n");
    html.push_str(&format!("<title>Content audit - {}</title>\n", escape_html(site_name)));
    html.push_str(
        "<style>body{margin:0 auto;max-width:90rem;padding:1rem;font:1rem/1.5 system-ui,sans-serif;color:#0b0c0c;background:#fff}\
         .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:700;margin-bottom:.5rem}\
         th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f2f1}\
         .overdue{background:#fbe3e3}.due{background:#fff4cc}a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}\
         ul.totals{padding-left:1.25rem}</style>\n</head>\n<body>\n<main>\n",
    );
    html.push_str(&format!(
        "<h1>Content audit: {}</h1>\n<p>Made on {}. The most urgent work is at the top: content with errors, then reviews that are overdue or due.</p>\n",
        escape_html(site_name),
        today.long()
    ));
    html.push_str("<h2>Summary</h2>\n<ul class=\"totals\">\n");
    for (label, number) in [
        ("Pages and services with errors", with_errors),
        ("Reviews overdue (past the grace period)", tally(ReviewState::Overdue)),
        ("Reviews due", tally(ReviewState::Due)),
        ("Reviews due in the next 30 days", tally(ReviewState::DueSoon)),
        ("Required topics no page covers", missing),
    ] {
        html.push_str(&format!("<li>{label}: <strong>{number}</strong></li>\n"));
    }
    html.push_str("</ul>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"audit-caption\">\n<table>\n");
    html.push_str("<caption id=\"audit-caption\">Every page, service and missing topic, most urgent first</caption>\n<thead><tr>");
    for heading in [
        "What",
        "Title",
        "File",
        "Owner",
        "Status",
        "Last reviewed",
        "Next review",
        "Review",
        "Words",
        "Errors",
        "Warnings",
        "Problems",
    ] {
        html.push_str(&format!("<th scope=\"col\">{heading}</th>"));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let class = match row.review {
            ReviewState::Overdue => " class=\"overdue\"",
            ReviewState::Due => " class=\"due\"",
            _ => "",
        };
        let title = if row.url.is_empty() {
            escape_html(&row.title)
        } else {
            format!("<a href=\"..{}\">{}</a>", escape_html(&row.url), escape_html(&row.title))
        };
        let problems = if row.problems.is_empty() {
            String::new()
        } else {
            format!(
                "<ul>{}</ul>",
                row.problems
                    .iter()
                    .map(|p| format!("<li>{}</li>", escape_html(p)))
                    .collect::<String>()
            )
        };
        html.push_str(&format!(
            "<tr{class}><td>{}</td><th scope=\"row\">{title}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{problems}</td></tr>\n",
            escape_html(row.kind),
            escape_html(&row.file),
            escape_html(&row.owner),
            escape_html(&row.status),
            row.last_reviewed.map(Date::iso).unwrap_or_default(),
            row.next_review.map(Date::iso).unwrap_or_default(),
            row.review.label(),
            row.words,
            row.errors,
            row.warnings,
        ));
    }
    html.push_str("</tbody>\n</table>\n</div>\n</main>\n</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_counted_both_ways() {
        let a = Date::parse("2026-01-30").unwrap();
        let b = Date::parse("2026-03-01").unwrap();
        assert_eq!(days_between(a, b), 30);
        assert_eq!(days_between(b, a), -30);
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        let row = AuditRow {
            kind: "page",
            title: "Say \"hi\", now".to_string(),
            url: "/a/".to_string(),
            file: "content/a.md".to_string(),
            owner: "=HYPERLINK()".to_string(),
            status: "published".to_string(),
            last_reviewed: None,
            next_review: None,
            review: ReviewState::Current,
            days_overdue: 0,
            words: 3,
            errors: 0,
            warnings: 0,
            problems: Vec::new(),
        };
        let csv = to_csv(&[row]);
        assert!(csv.contains("\"Say \"\"hi\"\", now\""), "{csv}");
        assert!(csv.contains(",'=HYPERLINK(),"), "{csv}");
    }
}
