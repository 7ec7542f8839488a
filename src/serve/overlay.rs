//! What the preview adds to pages: the error overlay and the page's findings (from the theme's
//! `partials/_preview_overlay.html`), and the `/_review/` page (`_review.html`). A site can replace
//! either by putting a file with the same name in its own `templates/` folder.

use super::rebuild::RebuildReport;
use crate::diagnostic::{Diagnostic, Severity, follow_on, snippet};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Tera};

const OVERLAY: &str = "partials/_preview_overlay.html";
const REVIEW: &str = "_review.html";
const DEFAULT_OVERLAY: &str = include_str!("../../themes/default/templates/partials/_preview_overlay.html");
const DEFAULT_REVIEW: &str = include_str!("../../themes/default/templates/_review.html");

/// Where the overlay's and findings panel's style sheet is served (no inline styles: the pages'
/// Content-Security-Policy forbids them).
pub const OVERLAY_CSS_PATH: &str = "/_signpost/overlay.css";
/// The overlay's and findings panel's style sheet.
pub const OVERLAY_CSS: &str = include_str!("overlay.css");
/// Where the review page's style sheet is served.
pub const REVIEW_CSS_PATH: &str = "/_signpost/review.css";
/// The review page's style sheet.
pub const REVIEW_CSS: &str = include_str!("review.css");

/// The preview's own templates.
pub struct PreviewTemplates {
    tera: Tera,
    /// The site folder, for the lines the overlay shows under each problem.
    root: std::path::PathBuf,
}

/// A finding as the templates see it.
#[derive(Serialize)]
struct FindingView<'a> {
    location: String,
    severity: &'static str,
    message: &'a str,
    suggestion: Option<&'a str>,
    /// The line the finding is about with a marker under the place (in the overlay only).
    snippet: Option<String>,
    /// The findings that follow from this one (in the overlay only).
    follow_on: Vec<FindingView<'a>>,
    /// "11 links broke because …", when some follow from it.
    follow_on_summary: Option<String>,
}

impl<'a> From<&'a Diagnostic> for FindingView<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        FindingView {
            location: d.location(),
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: &d.message,
            suggestion: d.suggestion.as_deref(),
            snippet: None,
            follow_on: Vec::new(),
            follow_on_summary: None,
        }
    }
}

impl<'a> FindingView<'a> {
    /// A root cause with the findings that follow from it in `all`.
    fn with_follow_on(d: &'a Diagnostic, followers: &follow_on::Followers<'a>, sources: &mut snippet::Sources) -> Self {
        let follow = followers.of(d);
        FindingView {
            snippet: sources
                .line(&d.file, d.line)
                .map(|text| snippet::snippet(d.line, d.column, &text, snippet::RED, false)),
            follow_on_summary: follow_on::summary(follow),
            follow_on: follow.iter().map(|f| FindingView::from(*f)).collect(),
            ..FindingView::from(d)
        }
    }
}

/// A page's reading age and what it was worked out from.
#[derive(Serialize)]
struct ReadingView {
    /// UK reading age in years, to one decimal place.
    reading_age: String,
    words: usize,
    sentences: usize,
}

/// The findings about one file, with the pages made from it.
#[derive(Serialize)]
struct GroupView<'a> {
    file: &'a str,
    pages: Vec<&'a str>,
    findings: Vec<FindingView<'a>>,
}

impl PreviewTemplates {
    /// Loads the templates, preferring the site's own `templates/` copies.
    pub fn load(root: &Path) -> Result<PreviewTemplates, String> {
        let read =
            |name: &str, default: &str| std::fs::read_to_string(root.join("templates").join(name)).unwrap_or_else(|_| default.to_string());
        let mut tera = Tera::new();
        tera.add_raw_templates(vec![
            (OVERLAY, read(OVERLAY, DEFAULT_OVERLAY)),
            (REVIEW, read(REVIEW, DEFAULT_REVIEW)),
        ])
        .map_err(|error| format!("A preview template cannot be read: {error}"))?;
        Ok(PreviewTemplates {
            tera,
            root: root.to_path_buf(),
        })
    }

    /// The markup added to the page at `url`: the overlay while the build has errors, and a
    /// panel with the findings about the page's source file and its reading age (when it has
    /// enough words to score). Empty when there is nothing to show.
    /// `has_site`: a build without errors has been published, so the preview shows that one.
    pub fn overlay(&self, report: &RebuildReport, url: &str, has_site: bool) -> String {
        // The lines come from the texts the build kept; only a file it could not keep (a
        // `site.toml` that does not parse) is read from the site folder.
        let mut sources = snippet::Sources::with_kept(&self.root, &report.sources);
        let followers = follow_on::Followers::new(&report.diagnostics);
        let errors: Vec<FindingView<'_>> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.caused_by().is_none())
            .map(|d| FindingView::with_follow_on(d, &followers, &mut sources))
            .collect();
        let source = report.records.iter().find(|r| r.url == url).map(|r| r.source.file.as_str());
        let findings: Vec<FindingView<'_>> = match source {
            Some(file) => report
                .diagnostics
                .iter()
                .filter(|d| d.file == file)
                .map(FindingView::from)
                .collect(),
            None => Vec::new(),
        };
        let mut errors = errors;
        if let Some(message) = &report.internal_error {
            errors.push(FindingView {
                location: "signpost".to_string(),
                severity: "error",
                message,
                suggestion: None,
                snippet: None,
                follow_on: Vec::new(),
                follow_on_summary: None,
            });
        }
        let reading = report.readability.get(url).map(|(counts, scores)| ReadingView {
            reading_age: format!("{:.1}", scores.reading_age),
            words: counts.words,
            sentences: counts.sentences,
        });
        if errors.is_empty() && findings.is_empty() && reading.is_none() {
            return String::new();
        }
        let mut context = Context::new();
        context.insert("errors", &errors);
        context.insert("findings", &findings);
        context.insert("reading", &reading);
        context.insert("has_site", &has_site);
        self.tera.render(OVERLAY, &context).unwrap_or_else(|error| {
            format!(
                "<p role=\"alert\">The preview overlay template failed: {}</p>",
                crate::render::escape_html(&error.to_string())
            )
        })
    }

    /// The `/_review/` page: every finding, grouped by file, with the pages made from each file.
    pub fn review(&self, report: &RebuildReport, built: &str) -> Result<String, String> {
        let mut pages_by_file: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for record in &report.records {
            pages_by_file
                .entry(record.source.file.as_str())
                .or_default()
                .push(record.url.as_str());
        }
        let mut groups: Vec<GroupView<'_>> = Vec::new();
        for d in &report.diagnostics {
            match groups.last_mut() {
                Some(group) if group.file == d.file => group.findings.push(FindingView::from(d)),
                _ => groups.push(GroupView {
                    file: &d.file,
                    pages: pages_by_file.get(d.file.as_str()).cloned().unwrap_or_default(),
                    findings: vec![FindingView::from(d)],
                }),
            }
        }
        let errors =
            report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count() + usize::from(report.internal_error.is_some());
        let mut context = Context::new();
        context.insert("groups", &groups);
        context.insert("errors", &errors);
        context.insert(
            "warnings",
            &(report.diagnostics.len() + usize::from(report.internal_error.is_some()) - errors),
        );
        context.insert("built", built);
        self.tera.render(REVIEW, &context).map_err(|error| error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Cause, Subject};
    use crate::rules::Rule;

    #[test]
    fn the_overlay_groups_knock_on_errors_under_their_cause_with_the_close_button_first() {
        let cause = Diagnostic::error("content/services/x.yaml", 5, 13, Rule::YAML_SYNTAX, "The YAML cannot be read");
        let mut link = Diagnostic::error("content/a.md", 3, 1, Rule::DEAD_LINK, "The link to /services/x/ leads nowhere")
            .with_subject(Subject::Missing("/services/x/".into()));
        link.set_caused_by(Cause {
            file: cause.file.clone(),
            line: 5,
            column: 13,
            rule: Rule::YAML_SYNTAX,
            because: "content/services/x.yaml could not be read".into(),
        });
        let report = RebuildReport {
            diagnostics: vec![cause, link],
            ..RebuildReport::default()
        };
        let templates = PreviewTemplates::load(Path::new("/nonexistent")).unwrap();
        let html = templates.overlay(&report, "/", false);
        assert!(html.contains("The site has 1 problem to fix"), "{html}");
        let close = html.find("signpost-overlay-close").unwrap();
        assert!(close < html.find("<h2").unwrap() && close < html.find("<ol>").unwrap(), "{html}");
        let summary = html
            .find("1 link broke because content/services/x.yaml could not be read")
            .expect("summary");
        assert!(summary > html.find("The YAML cannot be read").unwrap());
        assert!(
            html[summary..].contains("<code>content/a.md:3:1</code> The link to /services/x/ leads nowhere"),
            "{html}"
        );
    }

    #[test]
    fn the_overlay_shows_the_line_with_the_problem_under_its_message() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/services")).unwrap();
        std::fs::write(site.path().join("content/services/x.yaml"), "- name: A\n  ages: 5-11 <b>\n").unwrap();
        let report = RebuildReport {
            diagnostics: vec![Diagnostic::error(
                "content/services/x.yaml",
                2,
                9,
                Rule::WRONG_TYPE,
                "`ages` needs two numbers",
            )],
            ..RebuildReport::default()
        };
        let html = PreviewTemplates::load(site.path()).unwrap().overlay(&report, "/", false);
        assert!(
            html.contains("<pre class=\"signpost-snippet\">  |\n2 |   ages: 5-11 &lt;b&gt;\n  |         ^^^^^^^^\n</pre>"),
            "{html}"
        );
    }

    #[test]
    fn the_overlay_takes_its_lines_from_the_texts_the_build_kept_not_from_the_disk() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/services")).unwrap();
        std::fs::write(site.path().join("content/services/x.yaml"), "- name: A\n  ages: on the disk now\n").unwrap();
        let mut sources = crate::content::SourceTexts::new("");
        sources.insert("content/services/x.yaml", "- name: A\n  ages: 5-11 <b>\n".into());
        let report = RebuildReport {
            diagnostics: vec![Diagnostic::error(
                "content/services/x.yaml",
                2,
                9,
                Rule::WRONG_TYPE,
                "`ages` needs two numbers",
            )],
            sources,
            ..RebuildReport::default()
        };
        let templates = PreviewTemplates::load(site.path()).unwrap();
        let html = templates.overlay(&report, "/", false);
        assert!(html.contains("2 |   ages: 5-11 &lt;b&gt;"), "{html}");
        assert!(!html.contains("on the disk now"), "the kept text is shown, not the disk's: {html}");
        std::fs::remove_dir_all(site.path().join("content")).unwrap();
        let html = templates.overlay(&report, "/", false);
        assert!(html.contains("2 |   ages: 5-11 &lt;b&gt;"), "without the content folder: {html}");
    }
}
