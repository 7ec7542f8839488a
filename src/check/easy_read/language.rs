//! The easy-read rules for sentences and words: short sentences, no short forms in capitals,
//! numbers as digits, dates in full, no idioms, no italics, and a glossary entry for every hard
//! word. Each finding points at the sentence or the word.

use super::text::{Sentence, Text};
use super::words::{IDIOMS, KNOWN_LONG_WORDS, NUMBER_WORDS, SECOND_PERSON};
use crate::check::Finding;
use crate::check::plain_language::syllables;
use crate::config::easy_read::EasyReadConfig;
use crate::content::GlossaryTerm;
use crate::diagnostic::Severity;
use crate::rules::Rule;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// What the rules need to know about the site.
pub struct Rules {
    max_sentence_words: usize,
    hard_word_syllables: usize,
    allowed_acronyms: BTreeSet<String>,
    idioms: Vec<String>,
    /// Lowercase words of glossary terms, and known long words.
    explained: BTreeSet<String>,
    /// Acronym -> what it stands for, from the glossary.
    stands_for: BTreeMap<String, String>,
}

static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\b").expect("the date pattern is valid"));

impl Rules {
    /// The rules for a site with this configuration and glossary.
    pub fn new(config: &EasyReadConfig, glossary: &[GlossaryTerm]) -> Self {
        let mut explained: BTreeSet<String> = KNOWN_LONG_WORDS.iter().map(|w| w.to_string()).collect();
        explained.extend(config.known_words.iter().map(|w| w.to_lowercase()));
        let mut stands_for = BTreeMap::new();
        for term in glossary {
            explained.extend(
                term.term
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase),
            );
            if let Some(full) = &term.stands_for {
                stands_for.insert(term.term.clone(), full.clone());
            }
        }
        let mut idioms: Vec<String> = IDIOMS.iter().map(|i| i.to_string()).collect();
        idioms.extend(config.idioms.iter().map(|i| i.to_lowercase()));
        Rules {
            max_sentence_words: config.max_sentence_words,
            hard_word_syllables: config.hard_word_syllables,
            allowed_acronyms: config.allowed_acronyms.iter().cloned().collect(),
            idioms,
            explained,
            stands_for,
        }
    }

    /// Checks every sentence of a piece of text.
    pub fn check(&self, text: &Text) -> Vec<Finding> {
        let mut findings = Vec::new();
        for sentence in &text.sentences {
            self.sentence_length(sentence, &mut findings);
            self.words(sentence, &mut findings);
            self.dates(sentence, &mut findings);
            self.idioms(sentence, &mut findings);
        }
        for &offset in &text.italics {
            findings.push(Finding {
                offset,
                severity: Severity::Error,
                rule: Rule::EASY_READ_ITALICS,
                message: "Italic text is hard to read".to_string(),
                suggestion: "Remove the `*` or `_` around the words. Use **bold** for the few words that matter most.".to_string(),
            });
        }
        findings
    }

    fn sentence_length(&self, sentence: &Sentence, findings: &mut Vec<Finding>) {
        let count = sentence.words.len();
        if count > self.max_sentence_words {
            findings.push(Finding {
                offset: sentence.offset,
                severity: Severity::Error,
                rule: Rule::EASY_READ_SENTENCE,
                message: format!(
                    "This sentence has {count} words. Easy read needs {} words or fewer",
                    self.max_sentence_words
                ),
                suggestion: "Split it into shorter sentences, with one idea in each. Put each sentence on its own line.".to_string(),
            });
        }
    }

    fn words(&self, sentence: &Sentence, findings: &mut Vec<Finding>) {
        for (index, word) in sentence.words.iter().enumerate() {
            if word.address {
                continue;
            }
            for part in word.text.split(['-', '\'', '’']).filter(|p| !p.is_empty()) {
                let offset = word.offset + word.text.find(part).unwrap_or(0);
                if is_acronym(part) && !self.allowed_acronyms.contains(part) {
                    let full = self
                        .stands_for
                        .get(part)
                        .map(|f| format!("Write the full words instead, for example \"{f}\"."))
                        .unwrap_or_else(|| "Write the full words instead.".to_string());
                    findings.push(Finding {
                        offset,
                        severity: Severity::Error,
                        rule: Rule::EASY_READ_ACRONYM,
                        message: format!("`{part}` is a short form in capital letters. Easy read uses full words"),
                        suggestion: full,
                    });
                    continue;
                }
                let lower = part.to_lowercase();
                if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
                    findings.push(Finding {
                        offset,
                        severity: Severity::Warning,
                        rule: Rule::EASY_READ_NUMBER,
                        message: format!("`{part}` is a number written as a word"),
                        suggestion: format!("Write numbers as digits: {digits}, not {lower}."),
                    });
                    continue;
                }
                let name = index > 0 && part.chars().next().is_some_and(char::is_uppercase);
                if !name && part.chars().all(char::is_alphabetic) && !self.is_explained(&lower) {
                    let count = syllables::count(&lower);
                    if count >= self.hard_word_syllables {
                        findings.push(Finding {
                            offset,
                            severity: Severity::Warning,
                            rule: Rule::EASY_READ_HARD_WORD,
                            message: format!("`{part}` is a hard word ({count} syllables) and is not in the glossary"),
                            suggestion: "Use a shorter, everyday word. If you need this word, add it to content/glossary.yaml, or to known_words under [easy_read] in site.toml if most readers know it.".to_string(),
                        });
                    }
                }
            }
        }
    }

    fn is_explained(&self, lower: &str) -> bool {
        let plural_y = lower.strip_suffix("ies").map(|stem| format!("{stem}y"));
        [
            Some(lower.to_string()),
            lower.strip_suffix('s').map(str::to_string),
            lower.strip_suffix("es").map(str::to_string),
            plural_y,
        ]
        .iter()
        .flatten()
        .any(|candidate| self.explained.contains(candidate))
    }

    fn dates(&self, sentence: &Sentence, findings: &mut Vec<Finding>) {
        for found in NUMERIC_DATE.find_iter(&sentence.text) {
            findings.push(Finding {
                offset: sentence.source_offset(found.start()),
                severity: Severity::Error,
                rule: Rule::EASY_READ_DATE,
                message: format!("`{}` is a date in numbers, which is easy to misread", found.as_str()),
                suggestion: "Write the date in full, for example Monday 3 March 2026.".to_string(),
            });
        }
    }

    fn idioms(&self, sentence: &Sentence, findings: &mut Vec<Finding>) {
        let lower = sentence.text.to_lowercase();
        for idiom in &self.idioms {
            for (at, _) in lower.match_indices(idiom.as_str()) {
                let before = lower[..at].chars().next_back();
                let after = lower[at + idiom.len()..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                findings.push(Finding {
                    offset: sentence.source_offset(at),
                    severity: Severity::Warning,
                    rule: Rule::EASY_READ_IDIOM,
                    message: format!("\"{idiom}\" is an idiom: some readers will take it word for word"),
                    suggestion: "Say what you mean in plain words.".to_string(),
                });
            }
        }
    }
}

/// True for a word of two or more capital letters, such as `EHCP`.
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(char::is_ascii_uppercase).count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// True when any sentence speaks to the reader ("you", "your"…).
pub fn speaks_to_reader<'a>(sentences: impl IntoIterator<Item = &'a Sentence>) -> bool {
    sentences
        .into_iter()
        .flat_map(|s| s.words.iter())
        .any(|w| SECOND_PERSON.contains(&w.text.to_lowercase().replace('’', "'").as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::easy_read::text;

    fn rules() -> Rules {
        let config = EasyReadConfig {
            allowed_acronyms: vec!["NHS".to_string()],
            ..EasyReadConfig::default()
        };
        let glossary = vec![GlossaryTerm {
            term: "Mediation".to_string(),
            stands_for: None,
            meaning: "A meeting.".to_string(),
        }];
        Rules::new(&config, &glossary)
    }

    fn fired(markdown: &str) -> Vec<(Rule, usize)> {
        rules()
            .check(&text::read(markdown, 0..markdown.len()))
            .into_iter()
            .map(|f| (f.rule, f.offset))
            .collect()
    }

    #[test]
    fn plain_easy_read_passes() {
        let good = "You can phone us on 0121 496 0000.\nWe meet on Monday 3 March 2026.\nAsk for mediation.\nThe NHS can help.\nThe one you want is here.\nWe have information and activities.";
        assert_eq!(fired(good), vec![]);
    }

    #[test]
    fn each_rule_points_at_its_word_or_sentence() {
        assert_eq!(fired("It takes two weeks."), vec![(Rule::EASY_READ_NUMBER, 9)]);
        assert_eq!(fired("Ask the SENCO."), vec![(Rule::EASY_READ_ACRONYM, 8)]);
        assert_eq!(fired("Come on 3/3/26."), vec![(Rule::EASY_READ_DATE, 8)]);
        assert_eq!(fired("Come on 2026-03-03."), vec![(Rule::EASY_READ_DATE, 8)]);
        assert_eq!(fired("We will touch base."), vec![(Rule::EASY_READ_IDIOM, 8)]);
        assert_eq!(fired("It is *nice*."), vec![(Rule::EASY_READ_ITALICS, 6)]);
        assert_eq!(fired("It is a consideration."), vec![(Rule::EASY_READ_HARD_WORD, 8)]);
        assert_eq!(
            fired("Hi. One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.").first(),
            Some(&(Rule::EASY_READ_SENTENCE, 4))
        );
    }

    #[test]
    fn names_and_addresses_are_not_hard_words() {
        assert_eq!(fired("Email Walsallsendiassteam at help@walsallsendiassteam.org.uk today."), vec![]);
        assert!(speaks_to_reader(&text::read("Your plan.", 0..10).sentences));
        assert!(!speaks_to_reader(&text::read("Our plan.", 0..9).sentences));
    }
}
