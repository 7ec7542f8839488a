//! `site.toml`: the typed site configuration, read once at the start of a build.

mod checks;
pub mod cms;
pub mod content;
pub mod easy_read;
pub mod external_links;
mod from_text;
pub mod import;
pub mod languages;
pub mod listings;
pub mod locate;
pub mod plain_language;
pub mod rules;
mod search;
pub mod slots;
pub mod statutory;
mod toml_errors;

pub use checks::ChecksConfig;
pub use content::{ContentConfig, RawHtml};
pub use plain_language::PlainLanguageConfig;
pub use search::SearchConfig;

use crate::content::inside::{ReadError, SiteFolder};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "site.toml";

/// Everything in `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in the header and page titles.
    pub name: String,
    /// The council area, e.g. "Walsall".
    pub area: String,
    /// The council that publishes the Local Offer.
    pub council: String,
    /// Absolute address the site is published at; always ends with `/` after loading.
    pub base_url: String,
    /// BCP 47 tag of the site's main language, e.g. `en-GB`.
    #[serde(default = "default_language")]
    pub language: String,
    /// The languages pages are translated into, in the order families see them.
    #[serde(default)]
    pub languages: Vec<languages::LanguageConfig>,
    /// Where families get help in their own language: a phone number and a page.
    #[serde(default)]
    pub interpreting: languages::InterpretingConfig,
    /// Theme folder name under `themes/` (the built-in `default` theme is used if there is no such folder).
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Site address of the accessibility statement page, e.g. `/accessibility/`.
    pub accessibility_statement: String,
    /// Site address of the page on other formats and getting information without internet.
    #[serde(default)]
    pub other_formats: Option<String>,
    /// Months between reviews when a page or service gives no `next_review`.
    #[serde(default = "default_review_cycle")]
    pub review_cycle_months: u32,
    /// Contact blocks shown on every page.
    #[serde(default)]
    pub contacts: ContactsConfig,
    /// The main navigation, in order.
    #[serde(default)]
    pub nav: Vec<NavLink>,
    /// Service categories, in display order.
    pub categories: Vec<CategoryConfig>,
    /// Thresholds the checks read.
    #[serde(default)]
    pub checks: ChecksConfig,
    /// Site search: the index folder and the browser bundle.
    #[serde(default)]
    pub search: SearchConfig,
    /// Limits and switches for the plain-language checks.
    #[serde(default)]
    pub plain_language: PlainLanguageConfig,
    /// What the law asks the Local Offer to publish, and how strictly the build enforces it.
    #[serde(default)]
    pub statutory: statutory::StatutoryConfig,
    /// Easy-read versions of pages: which are required, and the limits of their checks.
    #[serde(default)]
    pub easy_read: easy_read::EasyReadConfig,
    /// Allowed link schemes and what happens to raw HTML in Markdown.
    #[serde(default)]
    pub content: ContentConfig,
    /// How `signpost import` maps another directory's terms onto this site.
    #[serde(default)]
    pub import: import::ImportConfig,
    /// How `signpost check --external` checks links to other websites.
    #[serde(default)]
    pub external_links: external_links::ExternalLinksConfig,
    /// HTML the site adds to the theme's named slots, and the hosts those slots may load from.
    #[serde(default)]
    pub slots: slots::SlotsConfig,
    /// The browser editor written to `admin/` (off by default).
    #[serde(default)]
    pub cms: cms::CmsConfig,
    /// How the site wants rules reported: `passive-voice = "off"`.
    #[serde(default)]
    pub rules: rules::RulesConfig,
    /// How long the directory's listing pages get before they are split into pages.
    #[serde(default)]
    pub listings: listings::ListingsConfig,
    /// Not from `site.toml`: true when the pages are made for the root of the host whatever the
    /// path of `base_url` (the preview of `signpost serve`); see [`crate::BuildOptions::at_root`].
    #[serde(skip)]
    pub served_at_root: bool,
}

/// Which contact blocks appear on every page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactsConfig {
    /// Contact block ids (file names in `content/contacts/`), in display order.
    #[serde(default = "default_every_page")]
    pub every_page: Vec<String>,
}

impl Default for ContactsConfig {
    fn default() -> Self {
        ContactsConfig {
            every_page: default_every_page(),
        }
    }
}

/// One link of the main navigation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NavLink {
    /// Link text.
    pub title: String,
    /// Site address, e.g. `/services/`.
    pub url: String,
}

/// A service category such as "Short breaks".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryConfig {
    /// Lowercase-hyphenated id, used in addresses: `/services/<id>/`.
    pub id: String,
    /// Name shown to families.
    pub name: String,
    /// One plain sentence about what the category holds.
    pub description: String,
}

fn default_language() -> String {
    "en-GB".to_string()
}
fn default_theme() -> String {
    "default".to_string()
}
fn default_review_cycle() -> u32 {
    12
}
fn default_every_page() -> Vec<String> {
    vec!["sendiass".to_string()]
}

impl SiteConfig {
    /// Reads and checks `site.toml` in `root`. Errors come back as diagnostics pointing into the file.
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let site = SiteFolder::new(root);
        let read = match &site {
            Ok(site) => site.read_to_string(&path),
            Err(error) => Err(ReadError::Io(std::io::Error::new(error.kind(), error.to_string()))),
        };
        let text = match (read, &site) {
            (Ok(text), _) => text,
            (Err(ReadError::Outside(outside)), Ok(site)) => return Err(vec![site.outside_diagnostic(&outside)]),
            (Err(error), _) => {
                return Err(vec![
                    Diagnostic::error(
                        CONFIG_FILE,
                        0,
                        0,
                        Rule::CONFIG_MISSING,
                        format!("Cannot read {CONFIG_FILE}: {error}"),
                    )
                    .with_suggestion(format!(
                        "Run Signpost in the site's folder, pass --root, or create a new site with `signpost init DIR`. Looked in {}.",
                        root.display()
                    )),
                ]);
            }
        };
        let mut config = Self::parse(&text)?;
        let mut problems = config.validate(&text);
        if let Ok(site) = &site {
            problems.extend(config.slots.load(site, root, &text));
        }
        if problems.is_empty() { Ok(config) } else { Err(problems) }
    }

    /// Parses the text of `site.toml` without checking the values.
    pub fn parse(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        toml::from_str::<SiteConfig>(text).map_err(|error| vec![toml_errors::explain(text, &error)])
    }

    /// Checks values that parse but make no sense, and tidies the base URL.
    fn validate(&mut self, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let at = |key: &str| find_key(text, key);
        if !(self.base_url.starts_with("https://") || self.base_url.starts_with("http://")) {
            let (line, column) = at("base_url");
            problems.push(
                Diagnostic::error(CONFIG_FILE, line, column, Rule::CONFIG_VALUE, format!("base_url `{}` is not a full web address", self.base_url))
                    .with_suggestion("Write the address the site will be published at, starting with https://, for example base_url = \"https://localoffer.example.org/\"."),
            );
        }
        if !self.base_url.ends_with('/') {
            self.base_url.push('/');
        }
        for (key, value) in [
            ("accessibility_statement", Some(&self.accessibility_statement)),
            ("other_formats", self.other_formats.as_ref()),
        ] {
            if let Some(value) = value
                && !value.starts_with('/')
            {
                let (line, column) = at(key);
                problems.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        line,
                        column,
                        Rule::CONFIG_VALUE,
                        format!("{key} must be an address on this site starting with `/`, not `{value}`"),
                    )
                    .with_suggestion(format!("For example {key} = \"/accessibility/\".")),
                );
            }
        }
        problems.extend(languages::validate(
            &self.language,
            at("language"),
            &self.languages,
            &self.interpreting,
            text,
        ));
        problems.extend(self.search.validate(text));
        problems.extend(self.cms.validate(text));
        problems.extend(self.rules.validate(text));
        problems.extend(self.listings.validate(text));
        if self.theme.trim().is_empty() || self.theme.contains(['/', '\\']) || self.theme.starts_with('.') {
            let (line, column) = at("theme");
            problems.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    line,
                    column,
                    Rule::CONFIG_VALUE,
                    format!("theme `{}` is not a folder name", self.theme),
                )
                .with_suggestion("Write the name of a folder in themes/, such as theme = \"default\"."),
            );
        }
        if self.categories.is_empty() {
            let (line, column) = at("categories");
            problems.push(
                Diagnostic::error(CONFIG_FILE, line, column, Rule::CONFIG_VALUE, "No service categories are set")
                    .with_suggestion("Add at least one [[categories]] table with id, name and description."),
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        for category in &self.categories {
            if !crate::content::is_slug(&category.id) {
                let (line, column) = find_value(text, &category.id);
                problems.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        line,
                        column,
                        Rule::CONFIG_VALUE,
                        format!("Category id `{}` cannot be used in a web address", category.id),
                    )
                    .with_suggestion("Use lowercase letters, numbers and hyphens only, for example `short-breaks`."),
                );
            }
            if !seen.insert(category.id.as_str()) {
                let (line, column) = find_value(text, &category.id);
                problems.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        line,
                        column,
                        Rule::CONFIG_VALUE,
                        format!("Category id `{}` is used twice", category.id),
                    )
                    .with_suggestion("Give each category its own id."),
                );
            }
        }
        problems.extend(self.content.validate(text));
        let category_ids: Vec<&str> = self.categories.iter().map(|c| c.id.as_str()).collect();
        problems.extend(self.import.validate(text, &category_ids));
        if !self.contacts.every_page.iter().any(|id| id == "sendiass") {
            let (line, column) = at("every_page");
            problems.push(
                Diagnostic::error(CONFIG_FILE, line, column, Rule::SENDIASS_MISSING, "The SENDIASS contact block is not shown on every page")
                    .with_suggestion("Add \"sendiass\" to [contacts] every_page, and describe the service in content/contacts/sendiass.yaml. The law expects families to find impartial advice from every page."),
            );
        }
        problems
    }
}

/// Finds the line and column of `key =` in the TOML text, for pointing at a bad value.
fn find_key(text: &str, key: &str) -> (usize, usize) {
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with('=') {
            return (index + 1, line.len() - trimmed.len() + 1);
        }
        if key == "categories" && trimmed.starts_with("[[categories]]") {
            return (index + 1, 1);
        }
    }
    // Inside an inline table: `contacts = { every_page = [] }`.
    for (index, line) in text.lines().enumerate() {
        for (at, _) in line.match_indices(key) {
            let before = line[..at].chars().next_back();
            if before.is_some_and(|c| c == '{' || c == ',' || c.is_whitespace()) && line[at + key.len()..].trim_start().starts_with('=') {
                return (index + 1, line[..at].chars().count() + 1);
            }
        }
    }
    (0, 0)
}

/// Finds the line and column of a quoted value in the TOML text (0, 0 when absent).
pub fn find_value(text: &str, value: &str) -> (usize, usize) {
    let needle = format!("\"{value}\"");
    for (index, line) in text.lines().enumerate() {
        if let Some(column) = line.find(&needle) {
            return (index + 1, column + 1);
        }
    }
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
name = "Test Local Offer"
area = "Testshire"
council = "Testshire Council"
base_url = "https://example.org"
accessibility_statement = "/accessibility/"

[[categories]]
id = "health"
name = "Health"
description = "Health services."
"#;

    #[test]
    fn minimal_config_gets_defaults_and_a_tidy_base_url() {
        let mut config = SiteConfig::parse(MINIMAL).unwrap();
        assert!(config.validate(MINIMAL).is_empty());
        assert_eq!(config.base_url, "https://example.org/");
        assert_eq!(config.language, "en-GB");
        assert_eq!(config.contacts.every_page, vec!["sendiass"]);
        assert_eq!(config.checks.review_grace_days, 90);
    }

    #[test]
    fn unknown_key_is_an_error_with_did_you_mean() {
        let text = MINIMAL.replace("area =", "aera =");
        let problems = SiteConfig::parse(&text).unwrap_err();
        assert_eq!(problems[0].rule, Rule::UNKNOWN_FIELD);
        assert_eq!(problems[0].line, 3);
        assert!(problems[0].suggestion.as_deref().unwrap_or("").contains("`area`"), "{problems:?}");
    }

    #[test]
    fn relative_base_url_is_refused() {
        let text = MINIMAL.replace("https://example.org", "example.org");
        let mut config = SiteConfig::parse(&text).unwrap();
        let problems = config.validate(&text);
        assert_eq!(problems[0].rule, Rule::CONFIG_VALUE);
        assert_eq!(problems[0].line, 5);
    }

    #[test]
    fn index_dir_and_theme_must_stay_inside_the_site() {
        let text = format!("{MINIMAL}\n[search]\nindex_dir = \"../other\"\n")
            .replace("accessibility_statement", "theme = \"../x\"\naccessibility_statement");
        let mut config = SiteConfig::parse(&text).unwrap();
        let problems = config.validate(&text);
        let lines: Vec<(usize, Rule)> = problems.iter().map(|p| (p.line, p.rule)).collect();
        assert_eq!(lines, vec![(15, Rule::CONFIG_VALUE), (6, Rule::CONFIG_VALUE)], "{problems:?}");
    }
}
