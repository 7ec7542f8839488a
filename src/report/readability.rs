//! The readability report: reading age and scores per page and service, the longest sentences,
//! the findings authors allowed, and the site-wide average reading age, as CSV and HTML.

use crate::check::plain_language::{PageReadability, SiteReadability};
use crate::diagnostic::Severity;
use serde::Serialize;
use tera::{Context, Tera};

/// The HTML template (all the report's words are in it).
const TEMPLATE: &str = include_str!("readability.html");

/// One row of the pages table, as the template shows it.
#[derive(Debug, Serialize)]
struct PageRow<'a> {
    title: &'a str,
    file: &'a str,
    profile: &'static str,
    words: usize,
    sentences: usize,
    reading_age: String,
    reading_ease: String,
    grade: String,
    smog: String,
    coleman_liau: String,
    over: bool,
    errors: usize,
    warnings: usize,
    allowed: usize,
}

#[derive(Debug, Serialize)]
struct SentenceRow {
    place: String,
    words: usize,
    text: String,
}

#[derive(Debug, Serialize)]
struct AllowedRow<'a> {
    place: String,
    rule: &'static str,
    message: &'a str,
    reason: &'a str,
}

fn score(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.1}")).unwrap_or_default()
}

fn errors_and_warnings(page: &PageReadability) -> (usize, usize) {
    let errors = page.findings.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, page.findings.len() - errors)
}

/// Pages hardest to read first; pages without a score last, by file.
fn ordered(site: &SiteReadability) -> Vec<&PageReadability> {
    let mut pages: Vec<&PageReadability> = site.pages.iter().collect();
    pages.sort_by(|a, b| {
        let age = |p: &PageReadability| p.scores.map(|s| s.reading_age).unwrap_or(f64::NEG_INFINITY);
        age(b)
            .total_cmp(&age(a))
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.url.cmp(&b.url))
    });
    pages
}

/// The readability report as CSV: one row per page and service.
pub fn to_csv(site: &SiteReadability) -> String {
    let mut out = String::from(
        "file,url,title,profile,words,sentences,reading_age,flesch_reading_ease,flesch_kincaid_grade,smog,coleman_liau,errors,warnings,allowed,longest_sentence_words,longest_sentence_line\n",
    );
    for page in ordered(site) {
        let (errors, warnings) = errors_and_warnings(page);
        let longest = page.longest.first();
        let cells = [
            page.file.clone(),
            page.url.clone(),
            page.title.clone(),
            page.profile.name().to_string(),
            page.counts.words.to_string(),
            page.counts.sentences.to_string(),
            score(page.scores.map(|s| s.reading_age)),
            score(page.scores.map(|s| s.flesch_reading_ease)),
            score(page.scores.map(|s| s.flesch_kincaid_grade)),
            score(page.scores.map(|s| s.smog)),
            score(page.scores.map(|s| s.coleman_liau)),
            errors.to_string(),
            warnings.to_string(),
            page.allowed.len().to_string(),
            longest.map(|s| s.words.to_string()).unwrap_or_default(),
            longest.map(|s| s.line.to_string()).unwrap_or_default(),
        ];
        let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a CSV cell when needed, and stops spreadsheets reading text as a formula.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '@']) || (text.starts_with('-') && text.parse::<f64>().is_err()) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The readability report as an accessible HTML page.
pub fn to_html(site_name: &str, min_words: usize, site: &SiteReadability) -> Result<String, String> {
    let pages = ordered(site);
    let rows: Vec<PageRow<'_>> = pages
        .iter()
        .map(|page| {
            let (errors, warnings) = errors_and_warnings(page);
            PageRow {
                title: &page.title,
                file: &page.file,
                profile: page.profile.name(),
                words: page.counts.words,
                sentences: page.counts.sentences,
                reading_age: score(page.scores.map(|s| s.reading_age)),
                reading_ease: score(page.scores.map(|s| s.flesch_reading_ease)),
                grade: score(page.scores.map(|s| s.flesch_kincaid_grade)),
                smog: score(page.scores.map(|s| s.smog)),
                coleman_liau: score(page.scores.map(|s| s.coleman_liau)),
                over: page.findings.iter().any(|d| d.rule == "reading-age"),
                errors,
                warnings,
                allowed: page.allowed.len(),
            }
        })
        .collect();
    let mut sentences: Vec<SentenceRow> = site
        .pages
        .iter()
        .flat_map(|page| {
            page.longest.iter().map(|s| SentenceRow {
                place: format!("{}:{}", page.file, s.line),
                words: s.words,
                text: s.text.clone(),
            })
        })
        .collect();
    sentences.sort_by(|a, b| b.words.cmp(&a.words).then_with(|| a.place.cmp(&b.place)));
    sentences.truncate(50);
    let allowed: Vec<AllowedRow<'_>> = site
        .pages
        .iter()
        .flat_map(|page| page.allowed.iter())
        .map(|item| AllowedRow {
            place: item.diagnostic.location(),
            rule: item.diagnostic.rule,
            message: &item.diagnostic.message,
            reason: &item.reason,
        })
        .collect();
    let diagnostics = site.diagnostics();
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let mut context = Context::new();
    context.insert("site_name", site_name);
    context.insert("average", &site.average_reading_age().map(|a| format!("{a:.1}")));
    context.insert("scored", &site.pages.iter().filter(|p| p.scores.is_some()).count());
    context.insert("min_words", &min_words);
    context.insert("total", &site.pages.len());
    context.insert("errors", &errors);
    context.insert("warnings", &(diagnostics.len() - errors));
    context.insert("allowed_count", &site.allowed_count());
    context.insert("pages", &rows);
    context.insert("sentences", &sentences);
    context.insert("allowed", &allowed);
    let mut tera = Tera::new();
    tera.add_raw_template("readability.html", TEMPLATE)
        .map_err(|e| format!("The readability report template cannot be read: {e}"))?;
    tera.render("readability.html", &context)
        .map_err(|e| format!("The readability report cannot be made: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("-1.5"), "-1.5");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn html_report_escapes_and_shows_the_average() {
        let site = SiteReadability::default();
        let html = to_html("<Test>", 100, &site).unwrap();
        assert!(html.contains("&lt;Test&gt;"), "{html}");
        assert!(html.contains("No page has enough words"));
    }
}
