//! Words that mean the same to families: the lay terms built into Signpost
//! (`src/search/lay_terms.toml`), the site's own `content/search-synonyms.yaml`, and every
//! glossary acronym with what it stands for.
//!
//! The site's file is a list; each item is either a group of words or phrases that mean the same,
//! or a `remove:` list of built-in words the site does not want:
//!
//! ```yaml
//! - [respite, short breaks]
//! - [speech therapy, speech and language therapy, SALT]
//! - remove: [statement]
//! ```
//!
//! The built-in terms also say which lay words each need of the SEND Code of Practice is indexed
//! with, so a service tagged with a need is found by the words families use for it.

use super::analysis;
use crate::content::{Need, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use crate::yaml::{self, Spanned};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The synonyms file, relative to the site folder.
pub const SYNONYMS_FILE: &str = "content/search-synonyms.yaml";

/// The lay terms built into Signpost, as shipped.
pub const BUILT_IN_TERMS: &str = include_str!("lay_terms.toml");

/// A phrase after analysis: its stems in order (one stem for a single word).
pub type Phrase = Vec<String>;

/// Groups of phrases that mean the same, after analysis, sorted and without duplicates, and the
/// lay words each need is indexed with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms {
    /// Each group holds two or more distinct phrases.
    pub groups: Vec<Vec<Phrase>>,
    /// Lay words for each need id, as written (only used when indexing services).
    pub need_terms: BTreeMap<String, Vec<String>>,
}

/// The built-in terms file: synonym groups and the lay words of each need.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuiltInTerms {
    /// Groups of words or phrases that mean the same.
    pub groups: Vec<Vec<String>>,
    /// Need id to the words families use for it.
    pub needs: BTreeMap<String, Vec<String>>,
}

impl BuiltInTerms {
    /// The terms shipped with Signpost (empty if the shipped file could not be read, which a test
    /// rules out).
    pub fn shipped() -> BuiltInTerms {
        toml::from_str(BUILT_IN_TERMS).unwrap_or_default()
    }

    /// Takes out every phrase whose words are one of `removed` (phrases after analysis).
    fn without(mut self, removed: &BTreeSet<Phrase>) -> BuiltInTerms {
        let kept = |p: &String| !removed.contains(&analysis::stems(p));
        for group in &mut self.groups {
            group.retain(kept);
        }
        for words in self.needs.values_mut() {
            words.retain(kept);
        }
        self
    }

    /// True when a phrase with these stems is among the built-in words.
    fn contains(&self, stems: &Phrase) -> bool {
        self.groups
            .iter()
            .chain(self.needs.values())
            .flatten()
            .any(|p| &analysis::stems(p) == stems)
    }
}

impl Synonyms {
    /// Builds the groups from phrases as written, dropping phrases with no searchable words.
    pub fn from_written(groups: &[Vec<String>]) -> Synonyms {
        let mut analysed: BTreeSet<Vec<Phrase>> = BTreeSet::new();
        for group in groups {
            let phrases: BTreeSet<Phrase> = group
                .iter()
                .map(|p| analysis::stems(p))
                .filter(|p: &Phrase| !p.is_empty())
                .collect();
            if phrases.len() >= 2 {
                analysed.insert(phrases.into_iter().collect());
            }
        }
        Synonyms {
            groups: analysed.into_iter().collect(),
            need_terms: BTreeMap::new(),
        }
    }

    /// The phrases that mean the same as `phrase` (not including itself), sorted.
    pub fn alternatives(&self, phrase: &[String]) -> Vec<&Phrase> {
        let mut out: BTreeSet<&Phrase> = BTreeSet::new();
        for group in &self.groups {
            if group.iter().any(|p| p.as_slice() == phrase) {
                out.extend(group.iter().filter(|p| p.as_slice() != phrase));
            }
        }
        out.into_iter().collect()
    }

    /// The longest phrase length in any group (how far the planner looks ahead).
    pub fn longest(&self) -> usize {
        self.groups.iter().flatten().map(Vec::len).max().unwrap_or(0)
    }

    /// The lay words a service tagged with `needs` is indexed with: each need's own words and,
    /// for a broad area of need, the words of every need inside it. One phrase a line.
    pub fn need_text(&self, needs: &[String]) -> String {
        let mut wanted: BTreeSet<&str> = BTreeSet::new();
        for id in needs {
            wanted.insert(id);
            if let Some(need) = Need::from_id(id).filter(|n| n.is_broad_area()) {
                wanted.extend(Need::ALL.iter().filter(|n| n.broad_area() == Some(need)).map(|n| n.id()));
            }
        }
        let words: Vec<&str> = wanted
            .into_iter()
            .filter_map(|id| self.need_terms.get(id))
            .flatten()
            .map(String::as_str)
            .collect();
        words.join("\n")
    }
}

/// One item of the site's synonyms file.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    /// Words that mean the same.
    Group(Vec<String>),
    /// Built-in words to take out.
    Remove(Vec<String>),
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Entry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of words that mean the same, like [respite, short breaks], or remove: [a built-in word]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
                let mut words = Vec::new();
                while let Some(word) = seq.next_element::<String>()? {
                    words.push(word);
                }
                Ok(Entry::Group(words))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
                let mut removed = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key != "remove" {
                        return Err(crate::yaml::explain::own_error(
                            crate::yaml::explain::OwnError::Value,
                            format_args!(
                                "`{key}` is not something this file understands: write a group like [respite, short breaks] or remove: [word]"
                            ),
                        ));
                    }
                    removed.extend(map.next_value::<Vec<String>>()?);
                }
                Ok(Entry::Remove(removed))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Reads the site's synonyms file (if the loader kept one), adds the built-in terms (unless
/// `[search] built_in_terms = false`) and the glossary's acronyms. Problems in the file come back
/// as diagnostics; the groups that could be read are still used.
pub fn load(site: &Site) -> (Synonyms, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let entries = read_site_file(site, &mut problems);
    let built_in = if site.config.search.built_in_terms {
        BuiltInTerms::shipped()
    } else {
        BuiltInTerms::default()
    };
    let mut removed: BTreeSet<Phrase> = BTreeSet::new();
    let mut written: Vec<Vec<String>> = Vec::new();
    for entry in entries {
        let position = yaml::position_of(&entry);
        match entry.value {
            Entry::Group(words) => written.push(words),
            Entry::Remove(words) => {
                for word in words {
                    let stems = analysis::stems(&word);
                    if !built_in.contains(&stems) {
                        problems.push(
                            Diagnostic::warning(
                                SYNONYMS_FILE,
                                position.line,
                                position.column,
                                Rule::SYNONYM_REMOVE,
                                format!("`{word}` is not one of Signpost's built-in search words, so there is nothing to remove"),
                            )
                            .with_suggestion(
                                "Check the spelling against src/search/lay_terms.toml, or delete this word from the `remove:` list.",
                            ),
                        );
                    }
                    removed.insert(stems);
                }
            }
        }
    }
    let built_in = built_in.without(&removed);
    let mut groups = built_in.groups;
    groups.extend(written);
    for term in &site.glossary {
        if let Some(stands_for) = &term.stands_for {
            // "Occupational therapy or occupational therapist": each is a meaning of its own
            let mut group = vec![term.term.clone()];
            group.extend(stands_for.split(" or ").map(|s| s.trim().to_string()));
            groups.push(group);
        }
    }
    let mut synonyms = Synonyms::from_written(&groups);
    synonyms.need_terms = built_in.needs;
    (synonyms, problems)
}

/// The items of the site's synonyms file, or none when there is no file (or the loader could not
/// read it, which the loader reports).
fn read_site_file(site: &Site, problems: &mut Vec<Diagnostic>) -> Vec<Spanned<Entry>> {
    let Some(text) = site.sources.get(SYNONYMS_FILE) else {
        return Vec::new();
    };
    match yaml::parse::<Option<Vec<Spanned<Entry>>>>(text) {
        Ok(entries) => entries.unwrap_or_default(),
        Err(error) => {
            problems.push(
                Diagnostic::error(SYNONYMS_FILE, error.line, error.column, error.rule, error.message).with_suggestion(
                    "Write a list, one item a line: a group of words that mean the same, `- [respite, short breaks]`, or built-in words to take out, `- remove: [statement]`.",
                ),
            );
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_analysed_and_symmetric() {
        let synonyms = Synonyms::from_written(&[vec!["Respite".into(), "short breaks".into()], vec!["the".into(), "and".into()]]);
        assert_eq!(synonyms.groups.len(), 1);
        assert_eq!(
            synonyms.alternatives(&["respit".to_string()]),
            vec![&vec!["short".to_string(), "break".to_string()]]
        );
        assert_eq!(
            synonyms.alternatives(&["short".to_string(), "break".to_string()]),
            vec![&vec!["respit".to_string()]]
        );
        assert_eq!(synonyms.longest(), 2);
    }

    fn built_in() -> Synonyms {
        let terms = BuiltInTerms::shipped();
        let mut synonyms = Synonyms::from_written(&terms.groups);
        synonyms.need_terms = terms.needs;
        synonyms
    }

    fn alternatives_of(synonyms: &Synonyms, word: &str) -> Vec<String> {
        synonyms
            .alternatives(&analysis::stems(word))
            .into_iter()
            .map(|p| p.join(" "))
            .collect()
    }

    #[test]
    fn the_shipped_terms_read_and_name_every_need() {
        let terms: BuiltInTerms = toml::from_str(BUILT_IN_TERMS).unwrap();
        assert!(terms.groups.len() > 30);
        for need in Need::ALL {
            assert!(terms.needs.contains_key(need.id()), "{}", need.id());
        }
        for id in terms.needs.keys() {
            assert!(Need::from_id(id).is_some(), "{id} is not a need id");
        }
        for group in &terms.groups {
            assert!(group.len() >= 2, "{group:?}");
        }
    }

    #[test]
    fn lay_outdated_and_misspelt_words_expand() {
        let synonyms = built_in();
        for (typed, means) in [
            ("aspergers", "autism"),
            ("Asperger's", "autism"),
            ("ASD", "autism"),
            ("dyslexia", "cognit learn"),
            ("dislexia", "dyslexia"),
            ("dyspraxia", "cognit learn"),
            ("dyscalculia", "cognit learn"),
            ("ADHD", "attent deficit"),
            ("physio", "physiotherapi"),
            ("respite", "short break"),
            ("SALT", "speech languag therapi"),
            ("SLT", "speech languag therapi"),
            ("CAMHS", "children mental health"),
            ("EHCP", "educ health care plan"),
            ("statement", "ehcp"),
            ("SENCO", "special educ need coordin"),
        ] {
            let found = alternatives_of(&synonyms, typed);
            assert!(found.contains(&means.to_string()), "{typed}: {found:?}");
        }
    }

    #[test]
    fn a_broad_area_is_indexed_with_the_words_of_every_need_inside_it() {
        let synonyms = built_in();
        let broad = synonyms.need_text(&["cognition-and-learning".to_string()]);
        for word in [
            "dyslexia",
            "dyspraxia",
            "dyscalculia",
            "learning disability",
            "cognition and learning",
        ] {
            assert!(broad.contains(word), "{word}: {broad}");
        }
        let narrow = synonyms.need_text(&["autism".to_string()]);
        assert!(narrow.contains("Asperger"), "{narrow}");
        assert!(!narrow.contains("dyslexia"), "{narrow}");
        assert_eq!(synonyms.need_text(&["all".to_string()]), "");
    }

    #[test]
    fn the_site_file_reads_groups_and_removals() {
        let entries: Option<Vec<Spanned<Entry>>> = yaml::parse("- [respite, short breaks]\n- remove: [statement, ADD]\n").unwrap();
        let entries: Vec<Entry> = entries.unwrap().into_iter().map(|e| e.value).collect();
        assert_eq!(
            entries,
            vec![
                Entry::Group(vec!["respite".into(), "short breaks".into()]),
                Entry::Remove(vec!["statement".into(), "ADD".into()])
            ]
        );
        let wrong = yaml::parse::<Option<Vec<Spanned<Entry>>>>("- delete: [statement]\n").unwrap_err();
        assert!(wrong.message.contains("`delete`"), "{}", wrong.message);
    }

    #[test]
    fn removed_words_leave_the_groups_and_the_need_words() {
        let removed: BTreeSet<Phrase> = [analysis::stems("statement"), analysis::stems("anxiety")].into();
        let terms = BuiltInTerms::shipped().without(&removed);
        let synonyms = Synonyms::from_written(&terms.groups);
        assert!(!alternatives_of(&synonyms, "EHCP").contains(&"statement".to_string()));
        assert!(alternatives_of(&synonyms, "statement").is_empty());
        assert!(!terms.needs["mental-health"].contains(&"anxiety".to_string()));
    }
}
