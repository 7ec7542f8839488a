//! The one report type every stage produces, and its three renderings (human, JSON, GitHub).

use crate::rules::Rule;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

pub mod follow_on;
pub(crate) mod snippet;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a build unless `--deny-warnings`.
    Warning,
    /// The content is wrong; the build fails.
    Error,
}

/// A finding about the content: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Path of the file, relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line, or 0 when the finding is about the whole file.
    pub line: usize,
    /// 1-based column, or 0 when unknown.
    pub column: usize,
    /// Stable rule name, e.g. `yaml-syntax` or `dead-link`.
    pub rule: Rule,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it, in plain words.
    pub suggestion: Option<String>,
    /// How the finding relates to others: what it is about and the root cause it follows from
    /// (see [`Diagnostic::subject`] and [`Diagnostic::caused_by`]). Boxed, as most have none.
    #[serde(skip)]
    pub related: Option<Box<Related>>,
}

/// How a finding relates to others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Related {
    /// What the finding is about, for grouping knock-on findings under their root cause.
    pub subject: Option<Subject>,
    /// The error this finding follows from, set by [`crate::check::group_root_causes`].
    pub caused_by: Option<Cause>,
}

/// What a finding is about, in terms the root-cause pass can match: a site address such as
/// `/services/sensory-saturdays/`, `topic:assessment` or `contact:sendiass`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The finding is there because this does not exist (a dead link, an uncovered topic).
    Missing(String),
    /// This error stopped that from being made (a misspelt topic, for the topic it meant).
    Stops(String),
}

/// The subject key of the Local Offer topic `id`: `topic:ID` (see [`Subject`]).
pub fn topic_key(id: &str) -> String {
    format!("topic:{id}")
}

/// The topic a subject key names, if it names one: `assessment` for `topic:assessment`.
pub fn topic_of(key: &str) -> Option<&str> {
    key.strip_prefix("topic:")
}

impl Subject {
    /// The topic this finding is there for the want of (an uncovered topic), if any.
    pub fn missing_topic(&self) -> Option<&str> {
        match self {
            Subject::Missing(key) => topic_of(key),
            Subject::Stops(_) => None,
        }
    }
}

/// The root cause a knock-on finding follows from: where it is and why it mattered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cause {
    /// File of the root cause.
    pub file: String,
    /// Its line (0: the whole file).
    pub line: usize,
    /// Its column (0: unknown).
    pub column: usize,
    /// Its rule.
    pub rule: Rule,
    /// Why it matters, in plain words: "content/services/short-breaks.yaml could not be read".
    pub because: String,
}

impl Diagnostic {
    /// A new error at `file:line:column`.
    pub fn error(file: impl Into<String>, line: usize, column: usize, rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            column,
            rule,
            severity: Severity::Error,
            message: message.into(),
            suggestion: None,
            related: None,
        }
    }

    /// A new warning at `file:line:column`.
    pub fn warning(file: impl Into<String>, line: usize, column: usize, rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, rule, message)
        }
    }

    /// Adds the "how to fix it" text.
    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// Marks the finding as being about `subject` (for grouping under root causes).
    pub fn with_subject(mut self, subject: Subject) -> Self {
        self.related.get_or_insert_default().subject = Some(subject);
        self
    }

    /// What the finding is about, if a check said.
    pub fn subject(&self) -> Option<&Subject> {
        self.related.as_ref().and_then(|r| r.subject.as_ref())
    }

    /// The root cause this finding follows from, once [`crate::check::group_root_causes`] found it.
    pub fn caused_by(&self) -> Option<&Cause> {
        self.related.as_ref().and_then(|r| r.caused_by.as_ref())
    }

    /// Records the root cause this finding follows from.
    pub fn set_caused_by(&mut self, cause: Cause) {
        self.related.get_or_insert_default().caused_by = Some(cause);
    }

    /// True when this finding is `cause`.
    pub fn is(&self, cause: &Cause) -> bool {
        self.file == cause.file && self.line == cause.line && self.column == cause.column && self.rule == cause.rule
    }

    /// `file:line:column`, leaving out the parts that are unknown.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.file.clone(),
            (line, 0) => format!("{}:{line}", self.file),
            (line, column) => format!("{}:{line}:{column}", self.file),
        }
    }
}

/// Turns a path inside the site into the `/`-separated form diagnostics use.
pub fn display_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every finding of a run, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds one finding.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds many findings.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Keeps the findings `keep` says yes to; it may change them on the way.
    pub fn retain_mut(&mut self, keep: impl FnMut(&mut Diagnostic) -> bool) {
        self.items.retain_mut(keep);
    }

    /// True when at least one finding is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// The findings sorted by file, line, column and rule, without exact repeats. Root causes
    /// come first, each followed by the findings that follow from it (see [`Cause`]).
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| (&a.file, a.line, a.column, a.rule, &a.message).cmp(&(&b.file, b.line, b.column, b.rule, &b.message)));
        items.dedup();
        follow_on::causes_first(items)
    }

    /// Every finding, in the order they were found, to change in place.
    pub fn as_mut_slice(&mut self) -> &mut [Diagnostic] {
        &mut self.items
    }

    /// Number of errors that follow from another error (and go when it is fixed).
    pub fn follow_on_count(&self) -> usize {
        self.items.iter().filter(|d| d.caused_by().is_some()).count()
    }

    /// True when there are no findings at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people in a terminal.
    Human,
    /// One JSON document, for CI and tools.
    Json,
    /// GitHub Actions workflow commands, which show as annotations on a pull request.
    Github,
}

/// Renders findings for people: one block per finding, then a count. The findings that follow
/// from a root cause are listed under it, indented.
pub fn render_human(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let followers = follow_on::Followers::new(diagnostics);
    for d in diagnostics.iter().filter(|d| d.caused_by().is_none()) {
        let _ = writeln!(out, "{}: {}: {} [{}]", d.severity.label(), d.location(), d.message, d.rule);
        if let Some(fix) = &d.suggestion {
            let _ = writeln!(out, "  how to fix: {fix}");
        }
        write_follow_on(&mut out, followers.of(d));
    }
    out
}

/// Renders findings for people, as [`render_human`] does, with the line each one is about shown
/// under its message and a marker under the place (as cargo does). Lines come from the texts the
/// loader `kept`, and only for files it never read from `root` (only inside it); `colour` adds
/// terminal colours (use it only for a terminal without `NO_COLOR`).
/// Findings that follow from another are listed under it, without their lines.
pub fn render_human_with_source(diagnostics: &[Diagnostic], root: &Path, kept: &crate::content::SourceTexts, colour: bool) -> String {
    let mut sources = snippet::Sources::with_kept(root, kept);
    let mut out = String::new();
    let followers = follow_on::Followers::new(diagnostics);
    for d in diagnostics.iter().filter(|d| d.caused_by().is_none()) {
        let paint = match d.severity {
            Severity::Error => snippet::RED,
            Severity::Warning => snippet::YELLOW,
        };
        let style = |code: &str, text: &str| {
            if colour {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let _ = writeln!(
            out,
            "{}: {}: {} [{}]",
            style(paint, d.severity.label()),
            d.location(),
            d.message,
            d.rule
        );
        if let Some(line_text) = sources.line(&d.file, d.line) {
            out.push_str(&snippet::snippet(d.line, d.column, &line_text, paint, colour));
        }
        if let Some(fix) = &d.suggestion {
            let _ = writeln!(out, "  how to fix: {fix}");
        }
        write_follow_on(&mut out, followers.of(d));
    }
    out
}

/// Writes the findings that follow from a cause, indented under it with a one-line summary.
fn write_follow_on(out: &mut String, follow: &[&Diagnostic]) {
    if let Some(summary) = follow_on::summary(follow) {
        let go = if follow.len() == 1 { "It goes" } else { "They go" };
        let _ = writeln!(out, "  {summary}. {go} once that is fixed:");
        for f in follow {
            let _ = writeln!(out, "    {}: {}: {} [{}]", f.severity.label(), f.location(), f.message, f.rule);
        }
    }
}

impl Severity {
    /// `error` or `warning`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Renders findings as one JSON document with a summary.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Item<'a> {
        #[serde(flatten)]
        diagnostic: &'a Diagnostic,
        /// The root cause this one follows from.
        #[serde(skip_serializing_if = "Option::is_none")]
        caused_by: Option<&'a Cause>,
        /// How many findings follow from this one (listed after it, each with `caused_by`).
        #[serde(skip_serializing_if = "Option::is_none")]
        follow_on: Option<usize>,
    }
    #[derive(Serialize)]
    struct Report<'a> {
        errors: usize,
        warnings: usize,
        /// How many of the findings follow from a root cause.
        follow_on: usize,
        diagnostics: Vec<Item<'a>>,
    }
    let followers = follow_on::Followers::new(diagnostics);
    let report = Report {
        errors: diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
        warnings: diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        follow_on: diagnostics.iter().filter(|d| d.caused_by().is_some()).count(),
        diagnostics: diagnostics
            .iter()
            .map(|diagnostic| Item {
                diagnostic,
                caused_by: diagnostic.caused_by(),
                follow_on: Some(followers.of(diagnostic).len()).filter(|n| *n > 0),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string()) + "\n"
}

/// Renders findings as GitHub Actions annotations (`::error file=…,line=…::message`).
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let followers = follow_on::Followers::new(diagnostics);
    for d in diagnostics {
        // A finding that follows from a root cause is a notice: the cause is the error to fix.
        let level = if d.caused_by().is_some() { "notice" } else { d.severity.label() };
        let mut props = format!("file={}", escape_property(&d.file));
        if d.line > 0 {
            let _ = write!(props, ",line={}", d.line);
        }
        if d.column > 0 {
            let _ = write!(props, ",col={}", d.column);
        }
        let _ = write!(props, ",title={}", escape_property(d.rule.id()));
        let mut message = d.message.clone();
        if let Some(fix) = &d.suggestion {
            message.push_str("\nHow to fix: ");
            message.push_str(fix);
        }
        let follow = followers.of(d);
        if let Some(summary) = follow_on::summary(follow) {
            let places: Vec<String> = follow.iter().map(|f| f.location()).collect();
            let _ = write!(message, "\n{summary}: {}", places.join(", "));
        }
        let _ = writeln!(out, "::{level} {props}::{}", escape_data(&message));
    }
    out
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_annotations_escape_separators() {
        let d = Diagnostic::error("a,b.md", 3, 7, Rule::DEAD_LINK, "50% broken\nline").with_suggestion("fix it");
        let text = render_github(&[d]);
        assert_eq!(
            text,
            "::error file=a%2Cb.md,line=3,col=7,title=dead-link::50%25 broken%0Aline%0AHow to fix%3A fix it\n".replace("%3A fix", ": fix")
        );
    }

    #[test]
    fn a_missing_topic_is_read_from_the_subject_not_the_message() {
        let d = Diagnostic::error("site.toml", 3, 1, Rule::TOPIC_MISSING, "words that may change")
            .with_subject(Subject::Missing(topic_key("assessment")));
        assert_eq!(d.subject().and_then(Subject::missing_topic), Some("assessment"));
        assert_eq!(Subject::Stops(topic_key("assessment")).missing_topic(), None);
        assert_eq!(Subject::Missing("/advice/".into()).missing_topic(), None);
    }

    #[test]
    fn sorted_orders_by_place_and_drops_repeats() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::warning("b.md", 1, 1, Rule::DEAD_LINK, "x"));
        all.push(Diagnostic::error("a.md", 9, 1, Rule::DEAD_LINK, "y"));
        all.push(Diagnostic::error("a.md", 9, 1, Rule::DEAD_LINK, "y"));
        let sorted = all.sorted();
        assert_eq!(sorted.len(), 2);
        assert_eq!(sorted[0].file, "a.md");
        assert_eq!(all.error_count(), 2);
    }
}
