//! The one report type every stage produces, and its three renderings (human, JSON, GitHub).

use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

mod snippet;

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
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it, in plain words.
    pub suggestion: Option<String>,
}

impl Diagnostic {
    /// A new error at `file:line:column`.
    pub fn error(file: impl Into<String>, line: usize, column: usize, rule: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            column,
            rule,
            severity: Severity::Error,
            message: message.into(),
            suggestion: None,
        }
    }

    /// A new warning at `file:line:column`.
    pub fn warning(file: impl Into<String>, line: usize, column: usize, rule: &'static str, message: impl Into<String>) -> Self {
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

    /// The findings sorted by file, line, column and rule, without exact repeats.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| (&a.file, a.line, a.column, a.rule, &a.message).cmp(&(&b.file, b.line, b.column, b.rule, &b.message)));
        items.dedup();
        items
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

/// Renders findings for people: one block per finding, then a count.
pub fn render_human(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{label}: {}: {} [{}]", d.location(), d.message, d.rule);
        if let Some(fix) = &d.suggestion {
            let _ = writeln!(out, "  how to fix: {fix}");
        }
    }
    out
}

/// Renders findings for people, as [`render_human`] does, with the line each one is about shown
/// under its message and a marker under the place (as cargo does). Files are read from `root`
/// (only inside it); `colour` adds terminal colours (use it only for a terminal without `NO_COLOR`).
pub fn render_human_with_source(diagnostics: &[Diagnostic], root: &Path, colour: bool) -> String {
    let mut sources = snippet::Sources::new(root);
    let mut out = String::new();
    for d in diagnostics {
        let (label, paint) = match d.severity {
            Severity::Error => ("error", snippet::RED),
            Severity::Warning => ("warning", snippet::YELLOW),
        };
        let style = |code: &str, text: &str| {
            if colour {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let _ = writeln!(out, "{}: {}: {} [{}]", style(paint, label), d.location(), d.message, d.rule);
        if let Some(line_text) = sources.line(&d.file, d.line) {
            out.push_str(&snippet::snippet(d.line, d.column, &line_text, paint, colour));
        }
        if let Some(fix) = &d.suggestion {
            let _ = writeln!(out, "  how to fix: {fix}");
        }
    }
    out
}

/// Renders findings as one JSON document with a summary.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        errors: usize,
        warnings: usize,
        diagnostics: &'a [Diagnostic],
    }
    let report = Report {
        errors: diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
        warnings: diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        diagnostics,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string()) + "\n"
}

/// Renders findings as GitHub Actions annotations (`::error file=…,line=…::message`).
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = format!("file={}", escape_property(&d.file));
        if d.line > 0 {
            let _ = write!(props, ",line={}", d.line);
        }
        if d.column > 0 {
            let _ = write!(props, ",col={}", d.column);
        }
        let _ = write!(props, ",title={}", escape_property(d.rule));
        let mut message = d.message.clone();
        if let Some(fix) = &d.suggestion {
            message.push_str("\nHow to fix: ");
            message.push_str(fix);
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
        let d = Diagnostic::error("a,b.md", 3, 7, "dead-link", "50% broken\nline").with_suggestion("fix it");
        let text = render_github(&[d]);
        assert_eq!(
            text,
            "::error file=a%2Cb.md,line=3,col=7,title=dead-link::50%25 broken%0Aline%0AHow to fix%3A fix it\n".replace("%3A fix", ": fix")
        );
    }

    #[test]
    fn sorted_orders_by_place_and_drops_repeats() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::warning("b.md", 1, 1, "r", "x"));
        all.push(Diagnostic::error("a.md", 9, 1, "r", "y"));
        all.push(Diagnostic::error("a.md", 9, 1, "r", "y"));
        let sorted = all.sorted();
        assert_eq!(sorted.len(), 2);
        assert_eq!(sorted[0].file, "a.md");
        assert_eq!(all.error_count(), 2);
    }
}
