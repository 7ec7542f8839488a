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

/// What the registry says about one rule (see [`list`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Declaration {
    /// The name of its constant on [`Rule`], e.g. `PASSIVE_VOICE`.
    #[serde(skip)]
    name: &'static str,
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

/// A rule a diagnostic names: one of the constants on this type (`Rule::PASSIVE_VOICE`), each
/// declared once in the registry, so a diagnostic cannot name a rule that does not exist. It
/// prints and serialises as its id (`passive-voice`); rules order as their ids do.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule(u16);

impl Rule {
    /// What the registry says about this rule.
    pub const fn declaration(self) -> &'static Declaration {
        &list::DECLARED[self.0 as usize]
    }

    /// The stable name diagnostics carry, e.g. `passive-voice`.
    pub const fn id(self) -> &'static str {
        self.declaration().id
    }

    /// How it reports by default.
    pub const fn usual(self) -> Usual {
        self.declaration().usual
    }

    /// Whether a site may turn it down.
    pub const fn guard(self) -> Guard {
        self.declaration().guard
    }

    /// What it finds, in one plain line.
    pub const fn summary(self) -> &'static str {
        self.declaration().summary
    }

    /// Where it is explained: a README section or a page in `docs/`.
    pub const fn docs(self) -> &'static str {
        self.declaration().docs
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// The rule with this id, e.g. as a site writes it under `[rules]`.
pub fn find(id: &str) -> Option<Rule> {
    list::DECLARED.binary_search_by(|rule| rule.id.cmp(id)).ok().map(|at| ALL[at])
}

/// The severities a site set in `[rules]` (checked when `site.toml` was read).
pub type Overrides = BTreeMap<Rule, Level>;

/// Applies the site's `[rules]` severities: findings of an `off` rule are dropped, the others take
/// the severity the site set. Run once the checks have spoken, before the build decides whether
/// to write anything.
pub fn apply(overrides: &Overrides, diagnostics: &mut Diagnostics) {
    if overrides.is_empty() {
        return;
    }
    diagnostics.retain_mut(|diagnostic| match overrides.get(&diagnostic.rule) {
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
    let width = list::DECLARED.iter().map(|rule| rule.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in list::DECLARED {
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
    serde_json::to_string_pretty(list::DECLARED).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests;
