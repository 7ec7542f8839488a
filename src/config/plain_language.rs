//! `[plain_language]` in `site.toml`: limits for the plain-language checks, one set per profile.
//!
//! Every limit has a default taken from UK public-sector guidance (GOV.UK: split sentences over
//! 25 words, no more than 5 sentences a paragraph; reading age 9 to 11 for the public; easy read:
//! no more than 15 words a sentence). A site changes only the values it needs:
//!
//! ```toml
//! [plain_language]
//! known_acronyms = ["NHS", "GP", "UK"]
//!
//! [plain_language.standard]
//! sentence_error_words = 40
//!
//! [plain_language.young_people]
//! max_reading_age = 11
//! ```
//!
//! A site sets how a word to avoid is reported (strategy-speak such as "deliver" and "stakeholder"
//! is an error by default, most others a warning), or adds a word:
//!
//! ```toml
//! [plain_language.words_to_avoid]
//! deliver = "warning"
//! whilst = "off"
//! signposting = "error"
//! ```
//!
//! Extra words to avoid and disability language to flag go in files beside `site.toml`:
//! `plain-language/words-to-avoid.yaml` and `plain-language/disability-language.yaml`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a rule reports: not at all, as a warning, or as an error that fails the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule is not checked.
    Off,
    /// Listed, but the build still succeeds.
    Warning,
    /// Fails `build` and `check`.
    Error,
}

/// Which set of limits applies to a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Ordinary pages for parents, carers and professionals.
    Standard,
    /// The short summary of a service in the directory.
    ServiceSummary,
    /// Pages with `audience: [young-people]`.
    YoungPeople,
    /// Easy-read pages: short sentences, no acronyms, no passive voice.
    EasyRead,
}

impl Profile {
    /// The name used in `site.toml` and front matter, e.g. `young-people`.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Standard => "standard",
            Profile::ServiceSummary => "service-summary",
            Profile::YoungPeople => "young-people",
            Profile::EasyRead => "easy-read",
        }
    }
}

/// The limits that apply to one piece of text, after defaults and overrides are merged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// A sentence longer than this many words is a warning.
    pub sentence_warn_words: usize,
    /// A sentence longer than this many words is an error.
    pub sentence_error_words: usize,
    /// A paragraph with more sentences than this is a warning.
    pub paragraph_warn_sentences: usize,
    /// A page whose UK reading age is above this is a warning (only on pages with enough words).
    pub max_reading_age: f64,
    /// A page whose Flesch Reading Ease is below this is a warning (only on pages with enough words).
    pub min_reading_ease: f64,
    /// How passive voice is reported.
    pub passive_voice: Level,
    /// How an acronym that is neither in the glossary nor explained is reported.
    pub unexplained_acronym: Level,
    /// How whole words in capitals are reported.
    pub capitals: Level,
}

impl Limits {
    /// The built-in limits of a profile.
    pub fn defaults(profile: Profile) -> Limits {
        match profile {
            Profile::Standard => Limits {
                sentence_warn_words: 25,
                sentence_error_words: 35,
                paragraph_warn_sentences: 5,
                max_reading_age: 13.0,
                min_reading_ease: 60.0,
                passive_voice: Level::Warning,
                unexplained_acronym: Level::Warning,
                capitals: Level::Warning,
            },
            Profile::ServiceSummary => Limits {
                sentence_warn_words: 25,
                sentence_error_words: 35,
                paragraph_warn_sentences: 4,
                max_reading_age: 13.0,
                min_reading_ease: 60.0,
                passive_voice: Level::Warning,
                unexplained_acronym: Level::Warning,
                capitals: Level::Warning,
            },
            Profile::YoungPeople => Limits {
                sentence_warn_words: 20,
                sentence_error_words: 30,
                paragraph_warn_sentences: 4,
                max_reading_age: 12.0,
                min_reading_ease: 70.0,
                passive_voice: Level::Warning,
                unexplained_acronym: Level::Warning,
                capitals: Level::Warning,
            },
            Profile::EasyRead => Limits {
                sentence_warn_words: 12,
                sentence_error_words: 15,
                paragraph_warn_sentences: 3,
                max_reading_age: 10.0,
                min_reading_ease: 80.0,
                passive_voice: Level::Error,
                unexplained_acronym: Level::Error,
                capitals: Level::Error,
            },
        }
    }
}

/// Changes to one profile's limits in `site.toml`; anything left out keeps its default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsOverride {
    /// A sentence longer than this many words is a warning.
    #[serde(default)]
    pub sentence_warn_words: Option<usize>,
    /// A sentence longer than this many words is an error.
    #[serde(default)]
    pub sentence_error_words: Option<usize>,
    /// A paragraph with more sentences than this is a warning.
    #[serde(default)]
    pub paragraph_warn_sentences: Option<usize>,
    /// Highest UK reading age before a page gets a warning.
    #[serde(default)]
    pub max_reading_age: Option<f64>,
    /// Lowest Flesch Reading Ease before a page gets a warning.
    #[serde(default)]
    pub min_reading_ease: Option<f64>,
    /// `off`, `warning` or `error`.
    #[serde(default)]
    pub passive_voice: Option<Level>,
    /// `off`, `warning` or `error`.
    #[serde(default)]
    pub unexplained_acronym: Option<Level>,
    /// `off`, `warning` or `error`.
    #[serde(default)]
    pub capitals: Option<Level>,
}

impl LimitsOverride {
    /// `base` with these changes applied.
    pub fn apply(&self, base: Limits) -> Limits {
        Limits {
            sentence_warn_words: self.sentence_warn_words.unwrap_or(base.sentence_warn_words),
            sentence_error_words: self.sentence_error_words.unwrap_or(base.sentence_error_words),
            paragraph_warn_sentences: self.paragraph_warn_sentences.unwrap_or(base.paragraph_warn_sentences),
            max_reading_age: self.max_reading_age.unwrap_or(base.max_reading_age),
            min_reading_ease: self.min_reading_ease.unwrap_or(base.min_reading_ease),
            passive_voice: self.passive_voice.unwrap_or(base.passive_voice),
            unexplained_acronym: self.unexplained_acronym.unwrap_or(base.unexplained_acronym),
            capitals: self.capitals.unwrap_or(base.capitals),
        }
    }
}

/// `[plain_language]`: switches, shared settings and the limits of each profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlainLanguageConfig {
    /// Run the plain-language checks at all (default: yes).
    #[serde(default = "default_enabled")]
    pub enabled: bool,
    /// Readability scores are given only for text with at least this many words.
    #[serde(default = "default_min_words_for_scores")]
    pub min_words_for_scores: usize,
    /// Acronyms every reader knows, which need no explanation (default: NHS, GP, UK, TV, OK).
    #[serde(default = "default_known_acronyms")]
    pub known_acronyms: Vec<String>,
    /// Check the built-in list of words to avoid (the site's own list is always checked).
    #[serde(default = "default_enabled")]
    pub default_words_to_avoid: bool,
    /// How each word to avoid is reported, by its words: `deliver = "warning"`, `whilst = "off"`,
    /// `signposting = "error"` (a word not in the lists is added).
    #[serde(default)]
    pub words_to_avoid: BTreeMap<String, Level>,
    /// Changes to the `standard` profile.
    #[serde(default)]
    pub standard: LimitsOverride,
    /// Changes to the `service-summary` profile.
    #[serde(default)]
    pub service_summary: LimitsOverride,
    /// Changes to the `young-people` profile.
    #[serde(default)]
    pub young_people: LimitsOverride,
    /// Changes to the `easy-read` profile.
    #[serde(default)]
    pub easy_read: LimitsOverride,
}

impl Default for PlainLanguageConfig {
    fn default() -> Self {
        PlainLanguageConfig {
            enabled: true,
            min_words_for_scores: default_min_words_for_scores(),
            known_acronyms: default_known_acronyms(),
            default_words_to_avoid: true,
            words_to_avoid: BTreeMap::new(),
            standard: LimitsOverride::default(),
            service_summary: LimitsOverride::default(),
            young_people: LimitsOverride::default(),
            easy_read: LimitsOverride::default(),
        }
    }
}

impl PlainLanguageConfig {
    /// The limits of `profile`: the built-in defaults with this site's changes.
    pub fn limits(&self, profile: Profile) -> Limits {
        let changes = match profile {
            Profile::Standard => &self.standard,
            Profile::ServiceSummary => &self.service_summary,
            Profile::YoungPeople => &self.young_people,
            Profile::EasyRead => &self.easy_read,
        };
        changes.apply(Limits::defaults(profile))
    }
}

/// `plain_language:` in a page's front matter: a different profile, or higher limits with a reason.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PagePlainLanguage {
    /// The profile to use instead of the one chosen from the audience.
    #[serde(default)]
    pub profile: Option<Profile>,
    /// A higher sentence error limit for this page.
    #[serde(default)]
    pub max_sentence_words: Option<usize>,
    /// A higher paragraph limit for this page.
    #[serde(default)]
    pub max_paragraph_sentences: Option<usize>,
    /// A higher reading age limit for this page.
    #[serde(default)]
    pub max_reading_age: Option<f64>,
    /// Why this page needs higher limits (required when any limit is raised).
    #[serde(default)]
    pub reason: Option<String>,
}

impl PagePlainLanguage {
    /// True when the page raises any limit (and so must give a reason).
    pub fn raises_limits(&self) -> bool {
        self.max_sentence_words.is_some() || self.max_paragraph_sentences.is_some() || self.max_reading_age.is_some()
    }

    /// True when a reason with some words in it is given.
    pub fn has_reason(&self) -> bool {
        self.reason.as_deref().is_some_and(|r| !r.trim().is_empty())
    }

    /// `base` with this page's raised limits applied (limits are only ever raised here).
    pub fn apply(&self, base: Limits) -> Limits {
        let mut limits = base;
        if let Some(words) = self.max_sentence_words {
            limits.sentence_error_words = words.max(base.sentence_error_words);
            limits.sentence_warn_words = limits.sentence_warn_words.max(words.min(limits.sentence_error_words));
        }
        if let Some(sentences) = self.max_paragraph_sentences {
            limits.paragraph_warn_sentences = sentences.max(base.paragraph_warn_sentences);
        }
        if let Some(age) = self.max_reading_age {
            limits.max_reading_age = age.max(base.max_reading_age);
        }
        limits
    }
}

fn default_enabled() -> bool {
    true
}
fn default_min_words_for_scores() -> usize {
    100
}
fn default_known_acronyms() -> Vec<String> {
    ["NHS", "GP", "UK", "TV", "OK"].iter().map(|s| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_change_only_what_they_name() {
        let config: PlainLanguageConfig = toml::from_str("[standard]\nsentence_error_words = 40\n").unwrap();
        let limits = config.limits(Profile::Standard);
        assert_eq!(limits.sentence_error_words, 40);
        assert_eq!(limits.sentence_warn_words, 25);
        assert_eq!(config.limits(Profile::EasyRead).sentence_error_words, 15);
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<PlainLanguageConfig>("[standard]\nsentence_words = 40\n").is_err());
    }

    #[test]
    fn a_page_can_only_raise_limits() {
        let page = PagePlainLanguage {
            max_sentence_words: Some(20),
            max_reading_age: Some(15.0),
            ..PagePlainLanguage::default()
        };
        let limits = page.apply(Limits::defaults(Profile::Standard));
        assert_eq!(limits.sentence_error_words, 35);
        assert_eq!(limits.max_reading_age, 15.0);
        assert!(page.raises_limits());
        assert!(!page.has_reason());
    }
}
