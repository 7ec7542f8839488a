//! Reading `site.toml` from text in memory, for tests and fuzzing.

use super::SiteConfig;
use crate::diagnostic::Diagnostic;

impl SiteConfig {
    /// Parses and checks the text of `site.toml`, as [`SiteConfig::load`] does once it has read
    /// the file. Problems come back as diagnostics pointing into the text.
    pub fn from_text(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let mut config = Self::parse(text)?;
        let problems = config.validate(text);
        if problems.is_empty() { Ok(config) } else { Err(problems) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    const SITE: &str = "name = \"T\"\narea = \"T\"\ncouncil = \"T\"\nbase_url = \"https://t.example/\"\naccessibility_statement = \"/a/\"\n\n[[categories]]\nid = \"health\"\nname = \"Health\"\ndescription = \"Health.\"\n";

    #[test]
    fn values_in_inline_tables_are_found() {
        let text = format!(
            "contacts = {{ every_page = [] }}\ncategories = []\n{}",
            SITE.split("[[categories]]").next().unwrap()
        );
        let problems = SiteConfig::from_text(&text).unwrap_err();
        let found: Vec<_> = problems.iter().map(|d| (d.rule, d.line, d.column)).collect();
        assert_eq!(found, vec![(Rule::CONFIG_VALUE, 2, 1), (Rule::SENDIASS_MISSING, 1, 14)]);
    }
}
