//! What `signpost check --external` found, by owner (the service, contact block or page to
//! edit): JSON for CI, a CSV for spreadsheets, an HTML page for people, and diagnostics at the
//! line where each link is written.

use super::{ExternalReport, LinkResult, Verdict};
use crate::diagnostic::Diagnostic;
use crate::render::escape_html;
use crate::report::csv::cell;
use crate::rules::Rule;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The CSV report's file name in the report folder.
pub const CSV_FILE: &str = "external-links.csv";
/// The HTML report's file name in the report folder.
pub const HTML_FILE: &str = "external-links.html";

/// The problem of one link for its owner, in plain words, with how to fix it.
fn explain(result: &LinkResult) -> (String, String) {
    let url = &result.url;
    let status = result.answer.status.map(|s| format!(" (status {s})")).unwrap_or_default();
    match result.verdict {
        Verdict::Dead => {
            let why = match (&result.answer.error, result.answer.status) {
                (Some(error), _) => error.clone(),
                (None, Some(404 | 410)) => "The page is not there any more".to_string(),
                (None, Some(status)) if status >= 500 => "The website has a fault".to_string(),
                (None, _) => "It does not lead to a working page".to_string(),
            };
            let tries = if result.answer.attempts > 1 {
                format!(", after {} tries", result.answer.attempts)
            } else {
                String::new()
            };
            (
                format!("The link to {url} is dead: {why}{status}{tries}"),
                "Find the page's new address on the provider's website (or ask the provider), and update the link; remove it if the service has stopped.".to_string(),
            )
        }
        Verdict::Blocked => (
            format!("The website at {url} refused the link checker{status}"),
            "Open the link in a browser to check it works; if it always refuses checkers, add it to [external_links] ignore in site.toml."
                .to_string(),
        ),
        Verdict::Redirected => (
            format!(
                "The link to {url} has moved permanently to {}",
                result.final_url().unwrap_or("another address")
            ),
            "Update the link to the new address, so families go straight there.".to_string(),
        ),
        Verdict::Slow => (
            format!(
                "The website at {url} is slow: it took {:.1} seconds to answer",
                result.answer.millis as f64 / 1000.0
            ),
            "Nothing to change unless it stays slow; families on mobile data may give up waiting.".to_string(),
        ),
        Verdict::Ok => (format!("The link to {url} works"), String::new()),
    }
}

/// One diagnostic for each place a link with a problem is written (dead links are errors, the
/// rest warnings).
pub fn diagnostics(report: &ExternalReport) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for result in report.results.iter().filter(|r| r.verdict != Verdict::Ok) {
        let (message, fix) = explain(result);
        for owner in &result.owners {
            let (file, line, column) = (owner.file.as_str(), owner.line, owner.column);
            let diagnostic = match result.verdict {
                Verdict::Dead => Diagnostic::error(file, line, column, Rule::EXTERNAL_DEAD, message.clone()),
                Verdict::Blocked => Diagnostic::warning(file, line, column, Rule::EXTERNAL_BLOCKED, message.clone()),
                Verdict::Redirected => Diagnostic::warning(file, line, column, Rule::EXTERNAL_REDIRECT, message.clone()),
                _ => Diagnostic::warning(file, line, column, Rule::EXTERNAL_SLOW, message.clone()),
            };
            found.push(diagnostic.with_suggestion(fix.clone()));
        }
    }
    found.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    found
}

/// One line for the terminal.
pub fn summary(report: &ExternalReport) -> String {
    format!(
        "Checked {} external links ({} asked now, {} from the cache): {} dead, {} redirected, {} refused the checker, {} slow.",
        report.results.len(),
        report.requested,
        report.results.len() - report.requested,
        report.count(Verdict::Dead),
        report.count(Verdict::Redirected),
        report.count(Verdict::Blocked),
        report.count(Verdict::Slow)
    )
}

/// An owner (a service, contact block or page) with the links it holds that have a problem.
#[derive(Serialize)]
struct OwnerProblems<'r> {
    kind: &'r str,
    name: &'r str,
    file: &'r str,
    links: Vec<OwnerLink<'r>>,
}

/// One problem link of an owner, with where it is written.
#[derive(Serialize)]
struct OwnerLink<'r> {
    url: &'r str,
    verdict: Verdict,
    message: String,
    line: usize,
    column: usize,
    field: &'r str,
}

/// The owners with problem links, ordered by file, each with its links in line order.
fn by_owner(report: &ExternalReport) -> Vec<OwnerProblems<'_>> {
    let mut owners: std::collections::BTreeMap<(&str, &str, &str), Vec<OwnerLink<'_>>> = Default::default();
    for result in report.results.iter().filter(|r| r.verdict != Verdict::Ok) {
        for owner in &result.owners {
            owners
                .entry((owner.file.as_str(), owner.kind.as_str(), owner.name.as_str()))
                .or_default()
                .push(OwnerLink {
                    url: &result.url,
                    verdict: result.verdict,
                    message: explain(result).0,
                    line: owner.line,
                    column: owner.column,
                    field: &owner.field,
                });
        }
    }
    owners
        .into_iter()
        .map(|((file, kind, name), mut links)| {
            links.sort_by_key(|link| (link.line, link.column));
            OwnerProblems { kind, name, file, links }
        })
        .collect()
}

/// The whole report as JSON: counts, every link with its owners, and the owners with problems.
pub fn to_json(report: &ExternalReport) -> String {
    let value = serde_json::json!({
        "summary": {
            "links": report.results.len(),
            "requested": report.requested,
            "from_cache": report.results.len() - report.requested,
            "dead": report.count(Verdict::Dead),
            "blocked": report.count(Verdict::Blocked),
            "redirected": report.count(Verdict::Redirected),
            "slow": report.count(Verdict::Slow),
            "ok": report.count(Verdict::Ok),
        },
        "links": report.results,
        "by_owner": by_owner(report),
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// One row per place each link is written, problems first.
pub fn to_csv(report: &ExternalReport) -> String {
    let mut text =
        String::from("verdict,url,status,final_url,problem,owner_kind,owner,file,line,column,field,attempts,seconds,from_cache\n");
    let mut results: Vec<&LinkResult> = report.results.iter().collect();
    results.sort_by_key(|r| r.verdict);
    for result in results {
        let problem = if result.verdict == Verdict::Ok {
            String::new()
        } else {
            explain(result).0
        };
        for owner in &result.owners {
            let cells = [
                result.verdict.name().to_string(),
                result.url.clone(),
                result.answer.status.map(|s| s.to_string()).unwrap_or_default(),
                result.final_url().unwrap_or("").to_string(),
                problem.clone(),
                owner.kind.clone(),
                owner.name.clone(),
                owner.file.clone(),
                owner.line.to_string(),
                owner.column.to_string(),
                owner.field.clone(),
                result.answer.attempts.to_string(),
                format!("{:.2}", result.answer.millis as f64 / 1000.0),
                result.from_cache.to_string(),
            ];
            let row: Vec<String> = cells.iter().map(|c| cell(c)).collect();
            text.push_str(&row.join(","));
            text.push('\n');
        }
    }
    text
}

/// A plain, accessible HTML page: a summary, then a table for each owner with problem links.
pub fn to_html(report: &ExternalReport) -> String {
    let name = escape_html(&report.site_name);
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>External links - {name}</title>\n<style>body{{font-family:sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;line-height:1.4}}table{{border-collapse:collapse;width:100%;margin-bottom:1.5rem}}th,td{{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}}td{{overflow-wrap:anywhere}}.dead{{font-weight:bold;color:#a30000}}</style>\n</head>\n<body>\n<main>\n<h1>External links - {name}</h1>\n<p>{}</p>\n",
        escape_html(&summary(report))
    );
    let owners = by_owner(report);
    if owners.is_empty() {
        html.push_str("<p>Every external link works.</p>\n");
    }
    for entry in &owners {
        html.push_str(&format!(
            "<h2>{} <small>({}, {})</small></h2>\n<table>\n<caption>Links with problems in {}</caption>\n<thead><tr><th scope=\"col\">Link</th><th scope=\"col\">Where</th><th scope=\"col\">Found</th><th scope=\"col\">What is wrong</th></tr></thead>\n<tbody>\n",
            escape_html(entry.name),
            escape_html(entry.kind),
            escape_html(entry.file),
            escape_html(entry.file),
        ));
        for link in &entry.links {
            let location = match (link.line, link.column) {
                (0, _) => entry.file.to_string(),
                (line, 0) => format!("{}:{line}", entry.file),
                (line, column) => format!("{}:{line}:{column}", entry.file),
            };
            html.push_str(&format!(
                "<tr><td>{}</td><td>{} ({})</td><td class=\"{}\">{}</td><td>{}</td></tr>\n",
                escape_html(link.url),
                escape_html(&location),
                escape_html(link.field),
                link.verdict.name(),
                link.verdict.name(),
                escape_html(&link.message)
            ));
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// Writes the CSV and HTML reports into `folder` (missing, empty or a folder Signpost made).
pub fn write_files(root: &Path, folder: &Path, report: &ExternalReport) -> Result<Vec<PathBuf>, String> {
    use crate::output::guard;
    guard::check(root, folder, guard::Purpose::Report, false)?;
    let ours = !folder.exists() || guard::is_marked(folder);
    std::fs::create_dir_all(folder).map_err(|e| format!("Cannot create {}: {e}", folder.display()))?;
    if ours {
        let marker = folder.join(guard::MARKER_FILE);
        std::fs::write(&marker, guard::MARKER_TEXT).map_err(|e| format!("Cannot write {}: {e}", marker.display()))?;
    }
    let files = [(folder.join(CSV_FILE), to_csv(report)), (folder.join(HTML_FILE), to_html(report))];
    let mut written = Vec::new();
    for (path, text) in files {
        std::fs::write(&path, text).map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
