//! `[rules]` in `site.toml`: how the site wants a rule reported.
//!
//! ```toml
//! [rules]
//! passive-voice = "off"        # "off", "warning" or "error"
//! capitals = "error"
//! ```
//!
//! Rules that keep families safe, and those that stop a file being read, can only be raised.

use super::CONFIG_FILE;
use crate::config::plain_language::Level;
use crate::diagnostic::Diagnostic;
use crate::location::line_column;
use crate::rules::{self, Guard, Overrides, Rule};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The `[rules]` table as written, with where each value is.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct RulesConfig {
    written: BTreeMap<String, toml::Spanned<String>>,
}

impl RulesConfig {
    /// The severities to apply, leaving out names and values [`RulesConfig::validate`] refuses.
    pub fn overrides(&self) -> Overrides {
        self.written
            .iter()
            .filter_map(|(name, value)| Some((rules::find(name)?, allowed(name, value.get_ref()).ok()?)))
            .collect()
    }

    /// Unknown rule names, unknown levels and safety rules turned down, at their line in `site.toml`.
    pub fn validate(&self, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (name, value) in &self.written {
            if let Err((rule, message, fix)) = allowed(name, value.get_ref()) {
                let (line, _) = line_column(text, value.span().start);
                let column = text
                    .lines()
                    .nth(line.saturating_sub(1))
                    .map_or(0, |l| l.len() - l.trim_start().len() + 1);
                problems.push(Diagnostic::error(CONFIG_FILE, line, column, rule, message).with_suggestion(fix));
            }
        }
        problems
    }
}

/// The level `value` sets for the rule `name`, or the problem: (rule, message, how to fix).
fn allowed(name: &str, value: &str) -> Result<Level, (Rule, String, String)> {
    let Some(rule) = rules::find(name) else {
        let fix = match crate::suggest::closest(name, rules::ALL.iter().map(|r| r.id())) {
            Some(best) => format!("Did you mean `{best}`? `signpost rules` lists every rule."),
            None => "Check the spelling: `signpost rules` lists every rule.".to_string(),
        };
        return Err((
            Rule::UNKNOWN_RULE,
            format!("[rules] names `{name}`, which is not one of Signpost's rules"),
            fix,
        ));
    };
    let level = match value {
        "off" => Level::Off,
        "warning" => Level::Warning,
        "error" => Level::Error,
        other => {
            return Err((
                Rule::CONFIG_VALUE,
                format!("[rules] sets `{name}` to `{other}`, but a rule can only be \"off\", \"warning\" or \"error\""),
                format!("Write `{name} = \"off\"`, `{name} = \"warning\"` or `{name} = \"error\"`."),
            ));
        }
    };
    let why = match rule.guard() {
        Guard::Switchable => return Ok(level),
        _ if level == Level::Error => return Ok(level),
        Guard::Safety => "it keeps the site safe for families (no scripts, no files from outside the site, no page replaced by another)",
        Guard::Syntax => "a file or setting with this problem cannot be read, so turning it down would hide what is lost",
    };
    Err((
        Rule::CONFIG_VALUE,
        format!("[rules] cannot turn `{name}` down to \"{value}\": {why}"),
        format!("Fix what `{name}` finds instead, and remove the line `{name} = \"{value}\"`."),
    ))
}
