//! The readability report: reading age and scores per page and service, the longest sentences,
//! the findings authors allowed, and the site-wide average reading age, as CSV and HTML.

use crate::check::plain_language::measures::{Counts, Scores};
use crate::check::plain_language::sections::SectionReadability;
use crate::check::plain_language::{PageReadability, SiteReadability};
use crate::diagnostic::Severity;
use crate::rules::Rule;
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
    sections: Vec<SectionRow>,
}

/// One section of a page (the text under a level-2 heading, or the introduction).
#[derive(Debug, Serialize)]
struct SectionRow {
    heading: String,
    words: usize,
    sentences: usize,
    reading_age: String,
    reading_ease: String,
    grade: String,
    smog: String,
    coleman_liau: String,
}

/// What the report calls a section: its heading, or "Introduction" for the text before the first one.
fn section_name(section: &SectionReadability) -> String {
    section.heading.clone().unwrap_or_else(|| "Introduction".to_string())
}

fn section_row(section: &SectionReadability) -> SectionRow {
    SectionRow {
        heading: section_name(section),
        words: section.counts.words,
        sentences: section.counts.sentences,
        reading_age: score(section.scores.map(|s| s.reading_age)),
        reading_ease: score(section.scores.map(|s| s.flesch_reading_ease)),
        grade: score(section.scores.map(|s| s.flesch_kincaid_grade)),
        smog: score(section.scores.map(|s| s.smog)),
        coleman_liau: score(section.scores.map(|s| s.coleman_liau)),
    }
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
    rule: Rule,
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

/// The readability report as CSV: one row per page and service (with an empty `section`), each
/// followed by one row per section of it with enough words to score (findings and longest
/// sentence left empty; `section` is the heading, or "Introduction").
pub fn to_csv(site: &SiteReadability) -> String {
    let mut out = String::from(
        "file,url,title,profile,words,sentences,reading_age,flesch_reading_ease,flesch_kincaid_grade,smog,coleman_liau,errors,warnings,allowed,longest_sentence_words,longest_sentence_line,section\n",
    );
    for page in ordered(site) {
        let (errors, warnings) = errors_and_warnings(page);
        let longest = page.longest.first();
        let identity = [
            page.file.clone(),
            page.url.clone(),
            page.title.clone(),
            page.profile.name().to_string(),
        ];
        let mut cells: Vec<String> = identity.to_vec();
        cells.extend(measure_cells(&page.counts, page.scores));
        cells.extend([
            errors.to_string(),
            warnings.to_string(),
            page.allowed.len().to_string(),
            longest.map(|s| s.words.to_string()).unwrap_or_default(),
            longest.map(|s| s.line.to_string()).unwrap_or_default(),
            String::new(),
        ]);
        push_row(&mut out, &cells);
        for section in &page.sections {
            let mut cells: Vec<String> = identity.to_vec();
            cells.extend(measure_cells(&section.counts, section.scores));
            cells.extend(std::iter::repeat_n(String::new(), 5));
            cells.push(section_name(section));
            push_row(&mut out, &cells);
        }
    }
    out
}

/// Words, sentences and the five scores, as the CSV columns of a page or a section.
fn measure_cells(counts: &Counts, scores: Option<Scores>) -> [String; 7] {
    [
        counts.words.to_string(),
        counts.sentences.to_string(),
        score(scores.map(|s| s.reading_age)),
        score(scores.map(|s| s.flesch_reading_ease)),
        score(scores.map(|s| s.flesch_kincaid_grade)),
        score(scores.map(|s| s.smog)),
        score(scores.map(|s| s.coleman_liau)),
    ]
}

fn push_row(out: &mut String, cells: &[String]) {
    let row: Vec<String> = cells.iter().map(|c| super::csv::cell(c)).collect();
    out.push_str(&row.join(","));
    out.push('\n');
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
                over: page.findings.iter().any(|d| d.rule == Rule::READING_AGE),
                errors,
                warnings,
                allowed: page.allowed.len(),
                sections: page.sections.iter().map(section_row).collect(),
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
    context.insert("sectioned", &rows.iter().any(|row| !row.sections.is_empty()));
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
    fn html_report_escapes_and_shows_the_average() {
        let site = SiteReadability::default();
        let html = to_html("<Test>", 100, &site).unwrap();
        assert!(html.contains("&lt;Test&gt;"), "{html}");
        assert!(html.contains("No page has enough words"));
        assert!(html.contains("No section has enough words to score."));
    }

    #[test]
    fn sections_get_rows_after_their_page() {
        use crate::check::plain_language::measures::{Counts, Scores};
        use crate::config::plain_language::Profile;
        let counts = Counts {
            words: 100,
            sentences: 5,
            syllables: 150,
            polysyllables: 10,
            letters: 450,
        };
        let section = |heading: Option<&str>| SectionReadability {
            heading: heading.map(str::to_string),
            counts,
            scores: Scores::of(&counts, 100),
        };
        let site = SiteReadability {
            pages: vec![PageReadability {
                file: "content/a.md".into(),
                url: "/a/".into(),
                title: "A page".into(),
                profile: Profile::Standard,
                counts,
                scores: Scores::of(&counts, 100),
                sections: vec![section(None), section(Some("How to ask, and when"))],
                longest: Vec::new(),
                findings: Vec::new(),
                allowed: Vec::new(),
            }],
            problems: Vec::new(),
        };
        let csv = to_csv(&site);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].ends_with(",longest_sentence_line,section"), "{csv}");
        assert_eq!(lines.len(), 4, "{csv}");
        assert!(lines[1].ends_with(",0,0,0,,,"), "the page row has no section: {csv}");
        assert_eq!(
            lines[2],
            "content/a.md,/a/,A page,standard,100,5,14.9,59.6,9.9,11.2,9.2,,,,,,Introduction"
        );
        assert!(lines[3].ends_with(",\"How to ask, and when\""), "{csv}");
        let html = to_html("Test", 100, &site).unwrap();
        assert!(html.contains("<th scope=\"row\">How to ask, and when</th>"), "{html}");
        assert!(html.contains("<th scope=\"row\">Introduction</th>"), "{html}");
        assert!(!html.contains("No section has enough words"), "{html}");
    }
}
