//! The word lists: built in (the files in `words/`), extended by the site's own files in
//! `plain-language/` beside `site.toml`.

use crate::config::plain_language::Level;
use crate::content::inside::{ReadError, SiteFolder};
use crate::diagnostic::{Diagnostic, Severity};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// The folder beside `site.toml` that holds a site's own word lists.
pub const SITE_FOLDER: &str = "plain-language";
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
            if let Some(first) = entry.words.first() {
                for form in forms(first) {
                    by_first_word.entry(form).or_default().push(index);
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
            let rest_matches = words.len() >= start + n && entry.words[1..] == words[start + 1..start + n];
            rest_matches.then_some((entry, n))
        })
    }
}

/// The word and its -s, -es, -d, -ed, -ing (and -ies, -ied) forms.
fn forms(word: &str) -> Vec<String> {
    let mut all = vec![word.to_string()];
    for suffix in ["s", "es", "d", "ed", "ing"] {
        all.push(format!("{word}{suffix}"));
    }
    if let Some(stem) = word.strip_suffix('e') {
        all.push(format!("{stem}ing"));
    }
    if let Some(stem) = word.strip_suffix('y') {
        all.push(format!("{stem}ies"));
        all.push(format!("{stem}ied"));
    }
    all
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
    phrase.unicode_words().map(|w| w.to_lowercase().replace('’', "'")).collect()
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

fn merge(defaults: Vec<EntryFile>, site: Vec<EntryFile>) -> PhraseList {
    let mut merged: Vec<EntryFile> = defaults;
    for entry in site {
        let key = phrase_words(&entry.words);
        merged.retain(|existing| phrase_words(&existing.words) != key);
        merged.push(entry);
    }
    let entries = merged
        .into_iter()
        .filter(|e| !e.allow && e.severity != Some(Level::Off))
        .map(|e| Entry {
            words: phrase_words(&e.words),
            severity: if e.severity == Some(Level::Error) {
                Severity::Error
            } else {
                Severity::Warning
            },
            phrase: e.words,
            instead: e.instead,
        })
        .filter(|e| !e.words.is_empty())
        .collect();
    PhraseList::build(entries)
}

impl WordLists {
    /// The built-in lists, plus the site's files in `plain-language/` under `root` when they exist.
    /// Problems reading the site's files come back as diagnostics.
    pub fn load(root: Option<&Path>, default_words_to_avoid: bool) -> (WordLists, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut site_file = |name: &str| -> Vec<EntryFile> {
            let Some(root) = root else { return Vec::new() };
            let path = root.join(SITE_FOLDER).join(name);
            let display = format!("{SITE_FOLDER}/{name}");
            let read = SiteFolder::new(root)
                .map_err(ReadError::Io)
                .map(|site| (site.read_to_string(&path), site));
            match read {
                Ok((Ok(text), _)) => entries(&text, &display, &mut problems),
                Ok((Err(ReadError::Outside(outside)), site)) => {
                    problems.push(site.outside_diagnostic(&outside));
                    Vec::new()
                }
                Ok((Err(error), _)) | Err(error) if error.is_not_found() => Vec::new(),
                Ok((Err(error), _)) | Err(error) => {
                    problems.push(Diagnostic::error(
                        &display,
                        0,
                        0,
                        "file-unreadable",
                        format!("Cannot read {display}: {error}"),
                    ));
                    Vec::new()
                }
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
            avoid: merge(default_avoid, site_avoid),
            disability: merge(default_disability, site_disability),
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
        let (lists, _) = WordLists::load(None, true);
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
    fn a_site_can_add_and_switch_off_words() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(SITE_FOLDER)).unwrap();
        std::fs::write(
            dir.path().join(SITE_FOLDER).join(WORDS_TO_AVOID_FILE),
            "- words: ensure\n  allow: true\n- words: signposting\n  instead: pointing people to\n  severity: error\n",
        )
        .unwrap();
        let (lists, problems) = WordLists::load(Some(dir.path()), true);
        assert!(problems.is_empty());
        assert!(!lists.avoid.entries.iter().any(|e| e.phrase == "ensure"));
        let added = lists.avoid.entries.iter().find(|e| e.phrase == "signposting").unwrap();
        assert_eq!(added.severity, Severity::Error);
    }

    #[test]
    fn a_broken_site_list_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(SITE_FOLDER)).unwrap();
        std::fs::write(dir.path().join(SITE_FOLDER).join(DISABILITY_FILE), "- word: oops\n").unwrap();
        let (_, problems) = WordLists::load(Some(dir.path()), true);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "plain-language/disability-language.yaml");
    }
}
