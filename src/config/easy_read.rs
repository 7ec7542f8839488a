//! `[easy_read]` in `site.toml`: which pages must have an easy-read version, and the limits of
//! the easy-read checks. Every setting has a default, so a site only writes what it changes:
//!
//! ```toml
//! [easy_read]
//! require_sections = ["/advice/"]   # every page in these sections needs an easy-read version
//! require_topics = ["ehc-plans"]    # ...and every page with one of these topics
//! missing = "warning"               # or "error", or "off"
//! max_points = 12                   # points (picture and words) on one page
//! max_sentence_words = 15
//! ```

use super::plain_language::Level;
use serde::Deserialize;

/// Settings for easy-read pages (`page.easy.md`, published at `<page address>easy-read/`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasyReadConfig {
    /// Site addresses of sections whose pages must each have an easy-read version (the section
    /// page itself included), e.g. `/advice/`.
    #[serde(default)]
    pub require_sections: Vec<String>,
    /// Topic ids: every page with one of these topics must have an easy-read version.
    #[serde(default)]
    pub require_topics: Vec<String>,
    /// How a missing, required easy-read version is reported.
    #[serde(default = "default_missing")]
    pub missing: Level,
    /// The most points (picture and words) one easy-read page may have.
    #[serde(default = "default_max_points")]
    pub max_points: usize,
    /// The most words in one sentence.
    #[serde(default = "default_max_sentence_words")]
    pub max_sentence_words: usize,
    /// Words with at least this many syllables need a glossary entry.
    #[serde(default = "default_hard_word_syllables")]
    pub hard_word_syllables: usize,
    /// Long words readers know, which need no glossary entry (added to the built-in list).
    #[serde(default)]
    pub known_words: Vec<String>,
    /// Capital-letter short forms that may be used, e.g. "NHS" (none by default).
    #[serde(default)]
    pub allowed_acronyms: Vec<String>,
    /// More idioms to flag (added to the built-in list).
    #[serde(default)]
    pub idioms: Vec<String>,
}

impl Default for EasyReadConfig {
    fn default() -> Self {
        EasyReadConfig {
            require_sections: Vec::new(),
            require_topics: Vec::new(),
            missing: default_missing(),
            max_points: default_max_points(),
            max_sentence_words: default_max_sentence_words(),
            hard_word_syllables: default_hard_word_syllables(),
            known_words: Vec::new(),
            allowed_acronyms: Vec::new(),
            idioms: Vec::new(),
        }
    }
}

fn default_missing() -> Level {
    Level::Warning
}
fn default_max_points() -> usize {
    12
}
fn default_max_sentence_words() -> usize {
    15
}
fn default_hard_word_syllables() -> usize {
    4
}
