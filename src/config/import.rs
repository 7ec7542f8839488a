//! `[import.openreferral]` in `site.toml`: how the terms of another directory's export map onto
//! this site's categories.

use super::{CONFIG_FILE, find_value};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Settings for `signpost import`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportConfig {
    /// Settings for Open Referral UK exports.
    #[serde(default)]
    pub openreferral: OpenReferralImport,
}

/// How an Open Referral UK export's taxonomy terms become categories.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenReferralImport {
    /// Taxonomy term (any case) -> category id of this site, e.g. "Advice and support" = "family-support".
    #[serde(default)]
    pub categories: BTreeMap<String, String>,
    /// Also use Signpost's built-in mapping of common Local Offer terms (default true).
    #[serde(default = "yes")]
    pub default_mapping: bool,
}

impl Default for OpenReferralImport {
    fn default() -> Self {
        OpenReferralImport {
            categories: BTreeMap::new(),
            default_mapping: true,
        }
    }
}

fn yes() -> bool {
    true
}

impl ImportConfig {
    /// Every mapped category must be one of the site's categories.
    pub fn validate(&self, text: &str, categories: &[&str]) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (term, id) in &self.openreferral.categories {
            if !categories.contains(&id.as_str()) {
                let (line, column) = find_value(text, id);
                problems.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        line,
                        column,
                        Rule::CONFIG_VALUE,
                        format!("[import.openreferral] maps \"{term}\" to `{id}`, which is not one of the site's categories"),
                    )
                    .with_suggestion(format!(
                        "Use one of the category ids set in [[categories]]: {}.",
                        categories.join(", ")
                    )),
                );
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use crate::config::SiteConfig;

    const BASE: &str = "name = \"x\"\narea = \"a\"\ncouncil = \"c\"\nbase_url = \"https://x.example.org/\"\naccessibility_statement = \"/a/\"\n[contacts]\nevery_page = [\"sendiass\"]\n[[categories]]\nid = \"family-support\"\nname = \"Family support\"\ndescription = \"d\"\n";

    #[test]
    fn mapped_categories_must_exist() {
        let good = format!("{BASE}[import.openreferral]\ncategories = {{ \"Advice and support\" = \"family-support\" }}\n");
        let mut config = SiteConfig::parse(&good).unwrap();
        assert!(config.validate(&good).is_empty());
        assert_eq!(config.import.openreferral.categories["Advice and support"], "family-support");
        assert!(config.import.openreferral.default_mapping);
        let bad = format!("{BASE}[import.openreferral]\ncategories = {{ \"Advice\" = \"advice\" }}\n");
        let problems = SiteConfig::parse(&bad).unwrap().validate(&bad);
        assert!(problems[0].message.contains("not one of the site's categories"), "{problems:?}");
        assert_eq!(problems[0].line, 13);
        let unknown = format!("{BASE}[import.openreferral]\ncolours = 1\n");
        assert!(SiteConfig::parse(&unknown).is_err());
    }
}
