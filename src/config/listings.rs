//! `[listings]` in `site.toml`: how long the directory's listing pages (needs, areas, ages and the
//! A to Z) may get before they are split into pages.

use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use serde::Deserialize;

/// How the listing pages are split.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListingsConfig {
    /// Services per page on a need, area or age page (default 50).
    #[serde(default = "default_per_page")]
    pub per_page: usize,
    /// The most services the A to Z shows on one page, grouped by letter (default 300). A site
    /// with more gets an A to Z index and a page per letter.
    #[serde(default = "default_a_to_z_one_page")]
    pub a_to_z_one_page: usize,
    /// Names per page on a letter page of the A to Z (default 200).
    #[serde(default = "default_a_to_z_per_page")]
    pub a_to_z_per_page: usize,
}

fn default_per_page() -> usize {
    50
}

fn default_a_to_z_one_page() -> usize {
    300
}

fn default_a_to_z_per_page() -> usize {
    200
}

impl Default for ListingsConfig {
    fn default() -> Self {
        ListingsConfig {
            per_page: default_per_page(),
            a_to_z_one_page: default_a_to_z_one_page(),
            a_to_z_per_page: default_a_to_z_per_page(),
        }
    }
}

impl ListingsConfig {
    /// Checks that no page size is 0 (a page must hold at least one service).
    pub(super) fn validate(&self, text: &str) -> Vec<Diagnostic> {
        [
            ("per_page", self.per_page),
            ("a_to_z_one_page", self.a_to_z_one_page),
            ("a_to_z_per_page", self.a_to_z_per_page),
        ]
        .into_iter()
        .filter(|(_, value)| *value == 0)
        .map(|(key, _)| {
            let (line, column) = super::find_key(text, key);
            Diagnostic::error(
                super::CONFIG_FILE,
                line,
                column,
                Rule::CONFIG_VALUE,
                format!("[listings] {key} is 0, so no service would fit on a page"),
            )
            .with_suggestion(format!(
                "Use a number of services of at least 1, or leave {key} out to use the default ({}).",
                match key {
                    "per_page" => default_per_page(),
                    "a_to_z_one_page" => default_a_to_z_one_page(),
                    _ => default_a_to_z_per_page(),
                }
            ))
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_default_and_zero_is_an_error_at_its_line() {
        let config: ListingsConfig = toml::from_str("").unwrap();
        assert_eq!(config, ListingsConfig::default());
        let text = "per_page = 10\na_to_z_per_page = 0\n";
        let config: ListingsConfig = toml::from_str(text).unwrap();
        assert_eq!(config.per_page, 10);
        let problems = config.validate(text);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (2, 1));
        assert!(problems[0].message.contains("a_to_z_per_page"), "{}", problems[0].message);
    }
}
