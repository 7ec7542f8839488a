//! Turning what someone typed into what to look up: the same rules in the command line search
//! (over the tantivy index) and in the browser script (over the static bundle).
//!
//! A query is analysed into stems. Runs of stems that form a phrase of a synonym group become one
//! *unit*; every other stem is a unit of its own. Each unit has *expansions*, each a list of stems
//! that must all be in a document, with a weight: the unit itself (1.0), its synonyms
//! ([`SYNONYM_WEIGHT`]), completions of the last word while typing ([`PREFIX_WEIGHT`]), and, when
//! a word of 5+ letters is not in the index, the indexed words one edit away ([`FUZZY_WEIGHT`]),
//! and, for a phrase, its words one by one ([`PART_WEIGHT`]: any of them may match, so a query
//! equal to a glossary expansion also finds text that uses some of its words).
//! A document's score for a unit is its best expansion's weight times the sum of the expansion's
//! stem scores (the stems it holds, for the parts); its score for the query is the sum over units
//! (any unit may match), plus [`NAME_BONUS`] when the whole query is one of its names (its title,
//! or the acronym the glossary gives for it), which ranks it first.

use super::analysis::{self, FUZZY_MIN_CHARS};
use super::synonyms::{Phrase, Synonyms};

/// Weight of a synonym's matches.
pub const SYNONYM_WEIGHT: f32 = 0.9;
/// Weight of a completion of the word being typed.
pub const PREFIX_WEIGHT: f32 = 0.7;
/// Weight of a word one edit away from a word that is not in the index.
pub const FUZZY_WEIGHT: f32 = 0.6;
/// Weight of the single words of a phrase, when a document does not hold the whole phrase.
pub const PART_WEIGHT: f32 = 0.5;
/// Added to the score of a document whose name is the whole query: more than any text match.
pub const NAME_BONUS: f32 = 1000.0;
/// At most this many completions of the word being typed, the most common first.
pub const PREFIX_MAX: usize = 5;
/// At most this many words one edit away, the most common first.
pub const FUZZY_MAX: usize = 5;
/// Only the first this many words of a query are used.
pub const MAX_WORDS: usize = 32;

/// The indexed words, with how many documents hold each.
pub trait Vocabulary {
    /// How many documents hold `stem` (`None`: not indexed).
    fn doc_freq(&self, stem: &str) -> Option<u64>;
    /// Every indexed stem starting with the character `first`, with its document count.
    fn starting_with(&self, first: char) -> Vec<(String, u64)>;
}

/// One way a unit can match: these stems together, with this weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// Stems to look for.
    pub stems: Phrase,
    /// How much its matches count.
    pub weight: f32,
    /// True: every stem must be in the document. False (the parts of a phrase): any may be, and
    /// those there count.
    pub all: bool,
}

impl Expansion {
    fn all(stems: Phrase, weight: f32) -> Expansion {
        Expansion { stems, weight, all: true }
    }
}

/// One part of a query: a word or a known phrase, and the ways it can match.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The stems as typed.
    pub stems: Phrase,
    /// Ways to match it, best first.
    pub expansions: Vec<Expansion>,
}

/// A planned query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// Its units, in the order typed.
    pub units: Vec<Unit>,
    /// The whole query after analysis, stems joined by spaces: a document with this name ranks
    /// first.
    pub name: String,
}

impl Plan {
    /// True when nothing can be looked up (an empty query, only punctuation or stop words).
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Every stem any expansion needs, sorted, once each.
    pub fn stems(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .units
            .iter()
            .flat_map(|u| u.expansions.iter().flat_map(|e| e.stems.iter().cloned()))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Plans `query`. `typing`: the last word may be incomplete (it gets completions), which is the
/// case unless the query ends with a space.
pub fn plan(query: &str, synonyms: &Synonyms, vocabulary: &dyn Vocabulary, typing: bool) -> Plan {
    plan_with(query, analysis::Analysis::English, synonyms, vocabulary, typing)
}

/// [`plan`], with the query analysed by `analysis` (the index's).
pub fn plan_with(query: &str, analysis: analysis::Analysis, synonyms: &Synonyms, vocabulary: &dyn Vocabulary, typing: bool) -> Plan {
    let mut words = analysis::words_with(query, analysis);
    words.truncate(MAX_WORDS);
    let stems: Vec<String> = words.iter().map(|w| w.stem.clone()).collect();
    let longest = synonyms.longest();
    let mut units = Vec::new();
    let mut i = 0;
    while i < stems.len() {
        let mut length = 1;
        for l in (2..=longest.min(stems.len() - i)).rev() {
            if !synonyms.alternatives(&stems[i..i + l]).is_empty() {
                length = l;
                break;
            }
        }
        let unit_stems: Phrase = stems[i..i + length].to_vec();
        let mut expansions = vec![Expansion::all(unit_stems.clone(), 1.0)];
        for alternative in synonyms.alternatives(&unit_stems) {
            expansions.push(Expansion::all(alternative.clone(), SYNONYM_WEIGHT));
        }
        if length > 1 {
            expansions.push(Expansion {
                stems: unit_stems.clone(),
                weight: PART_WEIGHT,
                all: false,
            });
        }
        let last = i + length == stems.len();
        if length == 1 {
            let word = &words[i].word;
            let stem = &stems[i];
            let known = vocabulary.doc_freq(stem).is_some();
            let candidates = || word.chars().next().map(|c| vocabulary.starting_with(c)).unwrap_or_default();
            if last && typing {
                let mut completions: Vec<(String, u64)> = candidates()
                    .into_iter()
                    .filter(|(term, _)| term != stem && (term.starts_with(word.as_str()) || term.starts_with(stem.as_str())))
                    .collect();
                take_most_common(&mut completions, PREFIX_MAX);
                expansions.extend(completions.into_iter().map(|(term, _)| Expansion::all(vec![term], PREFIX_WEIGHT)));
            }
            if !known && word.chars().count() >= FUZZY_MIN_CHARS {
                let mut near: Vec<(String, u64)> = candidates()
                    .into_iter()
                    .filter(|(term, _)| term != stem && analysis::within_one_edit(stem, term))
                    .collect();
                take_most_common(&mut near, FUZZY_MAX);
                expansions.extend(near.into_iter().map(|(term, _)| Expansion::all(vec![term], FUZZY_WEIGHT)));
            }
        }
        dedup_expansions(&mut expansions);
        units.push(Unit {
            stems: unit_stems,
            expansions,
        });
        i += length;
    }
    Plan {
        units,
        name: stems.join(" "),
    }
}

/// Keeps the `limit` most common, ties by the word.
fn take_most_common(terms: &mut Vec<(String, u64)>, limit: usize) {
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(limit);
}

/// Keeps the first (heaviest) of expansions with the same stems and kind.
fn dedup_expansions(expansions: &mut Vec<Expansion>) {
    let mut seen: Vec<(Phrase, bool)> = Vec::new();
    expansions.retain(|e| {
        let key = (e.stems.clone(), e.all);
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    struct Words(BTreeMap<String, u64>);
    impl Vocabulary for Words {
        fn doc_freq(&self, stem: &str) -> Option<u64> {
            self.0.get(stem).copied()
        }
        fn starting_with(&self, first: char) -> Vec<(String, u64)> {
            self.0
                .iter()
                .filter(|(t, _)| t.starts_with(first))
                .map(|(t, d)| (t.clone(), *d))
                .collect()
        }
    }

    fn vocabulary() -> Words {
        Words(
            [
                ("short", 3),
                ("break", 4),
                ("speech", 2),
                ("languag", 2),
                ("therapi", 5),
                ("swim", 2),
                ("swimmer", 1),
            ]
            .into_iter()
            .map(|(t, d)| (t.to_string(), d))
            .collect(),
        )
    }

    #[test]
    fn synonyms_phrases_typos_and_prefixes() {
        let synonyms = Synonyms::from_written(&[
            vec!["respite".into(), "short breaks".into()],
            vec!["speech therapy".into(), "speech and language therapy".into()],
        ]);
        let words = vocabulary();
        let plan = super::plan("Speech therapy", &synonyms, &words, false);
        assert_eq!(plan.units.len(), 1);
        assert_eq!(plan.units[0].expansions[1].stems, vec!["speech", "languag", "therapi"]);
        let plan = super::plan("respite", &synonyms, &words, false);
        assert_eq!(plan.units[0].expansions[1].stems, vec!["short", "break"]);
        let plan = super::plan("theraphy ", &synonyms, &words, false);
        assert_eq!(plan.stems(), vec!["theraphi", "therapi"]);
        let plan = super::plan("swi", &synonyms, &words, true);
        assert_eq!(plan.stems(), vec!["swi", "swim", "swimmer"]);
        assert!(super::plan("?!", &synonyms, &words, true).is_empty());
        assert_eq!(super::plan(&"word ".repeat(500), &synonyms, &words, false).units.len(), MAX_WORDS);
    }

    #[test]
    fn a_phrase_also_matches_its_parts_and_the_whole_query_is_a_name() {
        let synonyms = Synonyms::from_written(&[vec![
            "SENDIASS".into(),
            "Special Educational Needs and Disabilities Information, Advice and Support Service".into(),
        ]]);
        let words = vocabulary();
        let plan = super::plan(
            "special educational needs and disabilities information advice and support service ",
            &synonyms,
            &words,
            false,
        );
        assert_eq!(plan.units.len(), 1);
        let expansions = &plan.units[0].expansions;
        assert_eq!(expansions[0].stems.len(), 8);
        assert!(expansions[0].all);
        assert_eq!(expansions[1].stems, vec!["sendiass"]);
        assert_eq!(expansions[1].weight, SYNONYM_WEIGHT);
        assert_eq!(expansions[2].stems.len(), 8);
        assert!(!expansions[2].all);
        assert_eq!(expansions[2].weight, PART_WEIGHT);
        assert_eq!(plan.name, "special educ need disabl inform advic support servic");
        let plan = super::plan("SENDIASS", &synonyms, &words, false);
        assert_eq!(plan.name, "sendiass");
        assert_eq!(plan.units[0].expansions.len(), 2, "a single word has no parts");
    }
}
