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
