//! The rule registry: every rule a diagnostic can name, declared once in [`list::ALL`], and the
//! one step that applies a site's `[rules]` severities to a build's findings.

use crate::config::plain_language::Level;
use crate::diagnostic::{Diagnostics, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

mod list;
pub use list::ALL;

/// How a rule reports when the site does not say otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Usual {
    /// A warning.
    Warning,
    /// An error: the build fails.
    Error,
    /// A warning or an error, depending on how far the content is off (or on other settings).
    Either,
}

impl Usual {
    /// The plain name: `warning`, `error` or `warning or error`.
    pub fn name(self) -> &'static str {
        match self {
            Usual::Warning => "warning",
            Usual::Error => "error",
            Usual::Either => "warning or error",
        }
    }
}

/// Whether a site may turn a rule down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Guard {
    /// A site may set it to off, warning or error.
    Switchable,
    /// It keeps families safe (scripts, links, files outside the site): it can only be raised.
    Safety,
    /// A file or setting with it cannot be read: it can only be raised.
    Syntax,
}

/// One rule: what diagnostics name it, how it reports and where it is explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The stable name diagnostics carry, e.g. `passive-voice`.
    pub id: &'static str,
    /// How it reports by default.
    #[serde(rename = "severity")]
    pub usual: Usual,
    /// Whether a site may turn it down.
    pub guard: Guard,
    /// What it finds, in one plain line.
    pub summary: &'static str,
    /// Where it is explained: a README section or a page in `docs/`.
    pub docs: &'static str,
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.binary_search_by(|rule| rule.id.cmp(id)).ok().map(|at| &ALL[at])
}

/// The severities a site set in `[rules]`, by rule id (checked when `site.toml` was read).
pub type Overrides = BTreeMap<String, Level>;

/// Applies the site's `[rules]` severities: findings of an `off` rule are dropped, the others take
/// the severity the site set. Run once the checks have spoken, before the build decides whether
/// to write anything.
pub fn apply(overrides: &Overrides, diagnostics: &mut Diagnostics) {
    debug_assert!(
        diagnostics.as_mut_slice().iter().all(|d| find(d.rule).is_some()),
        "a diagnostic names a rule missing from src/rules/list.rs: {:?}",
        diagnostics.as_mut_slice().iter().find(|d| find(d.rule).is_none()).map(|d| d.rule)
    );
    if overrides.is_empty() {
        return;
    }
    diagnostics.retain_mut(|diagnostic| match overrides.get(diagnostic.rule) {
        None => true,
        Some(Level::Off) => false,
        Some(Level::Warning) => {
            diagnostic.severity = Severity::Warning;
            true
        }
        Some(Level::Error) => {
            diagnostic.severity = Severity::Error;
            true
        }
    });
}

/// The list `signpost rules` prints: one rule a line with its severity, summary and docs link.
pub fn listing() -> String {
    let width = ALL.iter().map(|rule| rule.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in ALL {
        let fixed = match rule.guard {
            Guard::Switchable => "",
            Guard::Safety | Guard::Syntax => ", cannot be turned down",
        };
        out.push_str(&format!(
            "{:width$}  {}{fixed}: {} (see {})\n",
            rule.id,
            rule.usual.name(),
            rule.summary,
            rule.docs
        ));
    }
    out
}

/// The list as JSON: an array of `{id, severity, guard, summary, docs}`.
pub fn listing_json() -> String {
    serde_json::to_string_pretty(ALL).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests;
