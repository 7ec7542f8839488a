//! `[content]` in `site.toml`: which link schemes the site may publish, and what happens to raw
//! HTML in Markdown that is not on the allowed list.

use crate::diagnostic::Diagnostic;
use crate::render::url_safety::{DEFAULT_SCHEMES, NEVER_ALLOWED};
use crate::rules::Rule;
use serde::Deserialize;

/// What to do with raw HTML in Markdown that is not on the allowed list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// It is an error at its line (the default): the build fails until it is changed.
    #[default]
    Error,
    /// It is taken out of the page, with a warning at its line.
    Remove,
}

/// The `[content]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentConfig {
    /// Schemes links may use besides addresses on the site (default http, https, mailto, tel).
    #[serde(default = "default_schemes")]
    pub link_schemes: Vec<String>,
    /// What happens to raw HTML that is not allowed.
    #[serde(default)]
    pub raw_html: RawHtml,
}

fn default_schemes() -> Vec<String> {
    DEFAULT_SCHEMES.iter().map(|s| s.to_string()).collect()
}

impl Default for ContentConfig {
    fn default() -> Self {
        ContentConfig {
            link_schemes: default_schemes(),
            raw_html: RawHtml::default(),
        }
    }
}

impl ContentConfig {
    /// Lowercases the schemes and refuses the ones that can never be allowed. `text` is `site.toml`.
    pub fn validate(&mut self, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for scheme in &mut self.link_schemes {
            *scheme = scheme.trim().trim_end_matches(':').to_ascii_lowercase();
        }
        for scheme in &self.link_schemes {
            let (line, column) = super::find_value(text, scheme);
            let (line, column) = if line == 0 {
                super::find_key(text, "link_schemes")
            } else {
                (line, column)
            };
            let well_formed = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
            if NEVER_ALLOWED.contains(&scheme.as_str()) {
                problems.push(
                    Diagnostic::error(
                        super::CONFIG_FILE,
                        line,
                        column,
                        Rule::CONFIG_VALUE,
                        format!("[content] link_schemes cannot include `{scheme}`: links to `{scheme}:` addresses can run scripts or open files on a family's computer, so Signpost never publishes them"),
                    )
                    .with_suggestion(format!(
                        "Remove \"{scheme}\" from link_schemes. The schemes {} can never be allowed.",
                        NEVER_ALLOWED.join(", ")
                    )),
                );
            } else if !well_formed {
                problems.push(
                    Diagnostic::error(
                        super::CONFIG_FILE,
                        line,
                        column,
                        Rule::CONFIG_VALUE,
                        format!("[content] link_schemes has `{scheme}`, which is not a scheme"),
                    )
                    .with_suggestion(
                        "Write schemes without `:` or `//`, for example link_schemes = [\"http\", \"https\", \"mailto\", \"tel\"].",
                    ),
                );
            }
        }
        self.link_schemes.retain(|s| !NEVER_ALLOWED.contains(&s.as_str()));
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_schemes_can_never_be_allowed() {
        let text = "[content]\nlink_schemes = [\"https\", \"JavaScript\", \"ftp:\"]\n";
        let mut config = ContentConfig {
            link_schemes: vec!["https".into(), "JavaScript".into(), "ftp:".into()],
            raw_html: RawHtml::Error,
        };
        let problems = config.validate(text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("cannot include `javascript`"), "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert_eq!(config.link_schemes, vec!["https", "ftp"]);
    }
}
