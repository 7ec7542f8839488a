//! The word lists: built in (the files in `words/`), extended by the site's own files in
//! `plain-language/` beside `site.toml`.

use crate::config::plain_language::Level;
use crate::content::SourceTexts;
use crate::diagnostic::{Diagnostic, Severity};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

/// The folder beside `site.toml` that holds a site's own word lists.
pub const SITE_FOLDER: &str = crate::content::WORD_LISTS_DIR;
/// The site's extra words to avoid.
pub const WORDS_TO_AVOID_FILE: &str = "words-to-avoid.yaml";
/// The site's extra disability language to flag.
pub const DISABILITY_FILE: &str = "disability-language.yaml";

const DEFAULT_WORDS_TO_AVOID: &str = include_str!("words/words-to-avoid.yaml");
const DEFAULT_DISABILITY: &str = include_str!("words/disability-language.yaml");
const VAGUE_LINK_TEXT: &str = include_str!("words/vague-link-text.txt");
const PARTICIPLES: &str = include_str!("words/participles.txt");
const NOT_PASSIVE: &str = include_str!("words/not-passive.txt");

/// One entry of a word list file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    /// The word or phrase.
    words: String,
    /// What to write instead.
    #[serde(default)]
    instead: String,
    /// `warning` (default) or `error`.
    #[serde(default)]
    severity: Option<Level>,
    /// True to switch off a built-in entry with the same words.
    #[serde(default)]
    allow: bool,
    /// Forms of the words that are fine and not to be flagged ("assistive" for "assist").
    #[serde(default)]
    except: Vec<String>,
}

/// A word or phrase to flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The phrase as written in the list.
    pub phrase: String,
    /// Its words, lowercased.
    pub words: Vec<String>,
    /// What to write instead.
    pub instead: String,
    /// How serious it is.
    pub severity: Severity,
    /// The forms each word may take in the text, lowercased: see [`forms`].
    pub forms: Vec<HashSet<String>>,
}

/// A list of phrases, indexed by the forms of their first word for quick matching.
#[derive(Debug, Clone, Default)]
pub struct PhraseList {
    /// The entries.
    pub entries: Vec<Entry>,
    by_first_word: HashMap<String, Vec<usize>>,
}

impl PhraseList {
    fn build(entries: Vec<Entry>) -> PhraseList {
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, entry) in entries.iter().enumerate() {
            if let Some(first) = entry.forms.first() {
                for form in first {
                    by_first_word.entry(form.clone()).or_default().push(index);
                }
            }
        }
        PhraseList { entries, by_first_word }
    }

    /// The entries that match the lowercased `words` starting at `start`, with how many words each covers.
    pub fn matches_at<'a>(&'a self, words: &'a [String], start: usize) -> impl Iterator<Item = (&'a Entry, usize)> + 'a {
        let candidates = words.get(start).and_then(|w| self.by_first_word.get(w.as_str()));
        candidates.into_iter().flatten().filter_map(move |&index| {
            let entry = &self.entries[index];
            let n = entry.words.len();
            let rest_matches = words.len() >= start + n
                && entry.forms[1..]
                    .iter()
                    .zip(&words[start + 1..start + n])
                    .all(|(forms, word)| forms.contains(word.as_str()));
            rest_matches.then_some((entry, n))
        })
    }
}

/// Endings that make the other forms of a word: "collaborate" gives "collaborates",
/// "collaborated", "collaborating", "collaboration", "collaborative", "collaboratively"; "deliver"
/// gives "delivery", "deliveries", "deliverable"; "robust" gives "robustly", "robustness".
const ENDINGS: &[&str] = &[
    "s", "es", "d", "ed", "ing", "ion", "ions", "ive", "ives", "ively", "ment", "ments", "er", "ers", "or", "ors", "y", "ies", "ied",
    "able", "ables", "ation", "ations", "ational", "ative", "ness", "ly", "ally", "ity", "ities",
];

/// The word and the forms made from it with [`ENDINGS`], with a final "e" dropped ("innovate",
/// "innovation"), a final "y" made "i" ("economy", "economies") or a final consonant doubled
/// ("embed", "embedded").
pub fn forms(word: &str) -> HashSet<String> {
    let mut all = HashSet::from([word.to_string()]);
    let mut stems = vec![word.to_string()];
    if let Some(stem) = word.strip_suffix('e') {
        stems.push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix('y') {
        stems.push(format!("{stem}i"));
    }
    for stem in &stems {
        for ending in ENDINGS {
            all.insert(format!("{stem}{ending}"));
        }
    }
    let bytes = word.as_bytes();
    if let [.., a, b, c] = bytes
        && !is_vowel(*a)
        && is_vowel(*b)
        && !is_vowel(*c)
        && !matches!(c, b'w' | b'x' | b'y')
    {
        for ending in ["ed", "ing", "er", "ers"] {
            all.insert(format!("{word}{}{ending}", *c as char));
        }
    }
    all
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every list the rules use.
#[derive(Debug, Clone, Default)]
pub struct WordLists {
    /// Words to avoid, with plainer alternatives.
    pub avoid: PhraseList,
    /// Offensive or outdated words about disability.
    pub disability: PhraseList,
}

/// Lowercased words of a phrase, cut the same way as the text is.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    super::extract::word_ranges(phrase)
        .into_iter()
        .map(|range| phrase[range].to_lowercase().replace('’', "'"))
        .collect()
}

fn entries(text: &str, file: &str, problems: &mut Vec<Diagnostic>) -> Vec<EntryFile> {
    match crate::yaml::parse::<Vec<EntryFile>>(text) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(Diagnostic::error(file, error.line, error.column, error.rule, error.message).with_suggestion(error.suggestion));
            Vec::new()
        }
    }
}

/// The built-in entries with the site's file laid over them, then the severities the site sets in
/// `site.toml` (`[plain_language.words_to_avoid]`), which may also add words.
fn merge(defaults: Vec<EntryFile>, site: Vec<EntryFile>, severities: &BTreeMap<String, Level>) -> PhraseList {
    let mut merged: Vec<EntryFile> = defaults;
    for entry in site {
        let key = phrase_words(&entry.words);
        merged.retain(|existing| phrase_words(&existing.words) != key);
        merged.push(entry);
    }
    for (words, level) in severities {
        let key = phrase_words(words);
        match merged.iter_mut().find(|existing| phrase_words(&existing.words) == key) {
            Some(existing) => {
                existing.severity = Some(*level);
                existing.allow = false;
            }
            None => merged.push(EntryFile {
                words: words.clone(),
                instead: String::new(),
                severity: Some(*level),
                allow: false,
                except: Vec::new(),
            }),
        }
    }
    let mut entries = Vec::new();
    for e in merged.into_iter().filter(|e| !e.allow && e.severity != Some(Level::Off)) {
        let except: HashSet<String> = e.except.iter().flat_map(|x| phrase_words(x)).collect();
        let severity = if e.severity == Some(Level::Error) {
            Severity::Error
        } else {
            Severity::Warning
        };
        let joined = phrase_words(&e.words);
        // "wheelchair-bound" is also found written as "wheelchair bound".
        let apart: Vec<String> = joined
            .iter()
            .flat_map(|w| w.split(['-', '/']))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let variants = if apart.len() > joined.len() {
            vec![joined, apart]
        } else {
            vec![joined]
        };
        for words in variants.into_iter().filter(|w| !w.is_empty()) {
            let forms = words
                .iter()
                .map(|word| forms(word).into_iter().filter(|form| !except.contains(form)).collect())
                .collect();
            entries.push(Entry {
                words,
                forms,
                severity,
                phrase: e.words.clone(),
                instead: e.instead.clone(),
            });
        }
    }
    PhraseList::build(entries)
}

impl WordLists {
    /// The built-in lists, plus the site's files in `plain-language/` as the loader kept them
    /// (none: built-in lists only). Problems in the site's files come back as diagnostics.
    /// `severities` are the site's `[plain_language.words_to_avoid]` settings from `site.toml`.
    pub fn load(
        sources: Option<&SourceTexts>,
        default_words_to_avoid: bool,
        severities: &BTreeMap<String, Level>,
    ) -> (WordLists, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut site_file = |name: &str| -> Vec<EntryFile> {
            let display = format!("{SITE_FOLDER}/{name}");
            match sources.and_then(|sources| sources.get(&display)) {
                Some(text) => entries(text, &display, &mut problems),
                None => Vec::new(),
            }
        };
        let site_avoid = site_file(WORDS_TO_AVOID_FILE);
        let site_disability = site_file(DISABILITY_FILE);
        let mut builtin_problems = Vec::new();
        let default_avoid = if default_words_to_avoid {
            entries(DEFAULT_WORDS_TO_AVOID, "words-to-avoid.yaml", &mut builtin_problems)
        } else {
            Vec::new()
        };
        let default_disability = entries(DEFAULT_DISABILITY, "disability-language.yaml", &mut builtin_problems);
        let lists = WordLists {
            avoid: merge(default_avoid, site_avoid, severities),
            disability: merge(default_disability, site_disability, &BTreeMap::new()),
        };
        (lists, problems)
    }
}

fn lines(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Link texts that do not say where a link goes.
pub static VAGUE_LINKS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lines(VAGUE_LINK_TEXT));
/// Irregular past participles.
pub static IRREGULAR_PARTICIPLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lines(PARTICIPLES));
/// Words ending in -ed that are usually adjectives.
pub static NOT_PASSIVE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| lines(NOT_PASSIVE));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lists_parse() {
        let mut problems = Vec::new();
        assert!(entries(DEFAULT_WORDS_TO_AVOID, "a", &mut problems).len() > 40);
        assert!(entries(DEFAULT_DISABILITY, "b", &mut problems).len() > 20);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(VAGUE_LINKS.contains("click here"));
        assert!(IRREGULAR_PARTICIPLES.contains("given"));
        assert!(NOT_PASSIVE_WORDS.contains("disabled"));
    }

    #[test]
    fn phrases_match_with_word_forms() {
        let (lists, _) = WordLists::load(None, true, &BTreeMap::new());
        let words = phrase_words("We facilitated it in order to help");
        let found: Vec<_> = (0..words.len())
            .flat_map(|i| {
                lists
                    .avoid
                    .matches_at(&words, i)
                    .map(|(e, n)| (e.phrase.clone(), n))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(found, vec![("facilitate".to_string(), 1), ("in order to".to_string(), 3)]);
    }

    #[test]
    fn joined_phrases_are_found_written_apart_too() {
        let (lists, _) = WordLists::load(None, true, &BTreeMap::new());
        for text in ["He is wheelchair-bound", "He is wheelchair bound"] {
            let words = phrase_words(text);
            let found = (0..words.len()).any(|i| lists.disability.matches_at(&words, i).any(|(e, _)| e.phrase == "wheelchair-bound"));
            assert!(found, "{text}");
        }
    }

    /// Texts as the loader keeps them, with `text` as the site's list `name`.
    fn kept(name: &str, text: &str) -> SourceTexts {
        let mut sources = SourceTexts::new("");
        sources.insert(&format!("{SITE_FOLDER}/{name}"), std::sync::Arc::from(text));
        sources
    }

    #[test]
    fn a_site_can_add_and_switch_off_words() {
        let sources = kept(
            WORDS_TO_AVOID_FILE,
            "- words: ensure\n  allow: true\n- words: signposting\n  instead: pointing people to\n  severity: error\n",
        );
        let (lists, problems) = WordLists::load(Some(&sources), true, &BTreeMap::new());
        assert!(problems.is_empty());
        assert!(!lists.avoid.entries.iter().any(|e| e.phrase == "ensure"));
        let added = lists.avoid.entries.iter().find(|e| e.phrase == "signposting").unwrap();
        assert_eq!(added.severity, Severity::Error);
    }

    #[test]
    fn a_broken_site_list_is_reported() {
        let sources = kept(DISABILITY_FILE, "- word: oops\n");
        let (_, problems) = WordLists::load(Some(&sources), true, &BTreeMap::new());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "plain-language/disability-language.yaml");
    }
}
