//! The plain-language rules. Each has a stable name, a severity, a message in plain words and a
//! suggestion, and points at a byte offset in the source (turned into line and column later).

use super::extract::{Block, BlockKind, Extract, Sentence};
use super::words::{IRREGULAR_PARTICIPLES, NOT_PASSIVE_WORDS, PhraseList, VAGUE_LINKS, WordLists};
use crate::check::Finding;
use crate::config::plain_language::{Level, Limits};
use crate::diagnostic::Severity;
use crate::rules::Rule;
use std::collections::HashSet;

/// A sentence longer than the profile allows.
pub const SENTENCE_TOO_LONG: Rule = Rule::SENTENCE_TOO_LONG;
/// A paragraph with too many sentences.
pub const PARAGRAPH_TOO_LONG: Rule = Rule::PARAGRAPH_TOO_LONG;
/// A word or phrase with a plainer alternative.
pub const WORD_TO_AVOID: Rule = Rule::WORD_TO_AVOID;
/// An acronym that is not in the glossary and not explained where it is first used.
pub const UNEXPLAINED_ACRONYM: Rule = Rule::UNEXPLAINED_ACRONYM;
/// A sentence in the passive voice.
pub const PASSIVE_VOICE: Rule = Rule::PASSIVE_VOICE;
/// A link whose words do not say where it goes.
pub const VAGUE_LINK_TEXT: Rule = Rule::VAGUE_LINK_TEXT;
/// Whole words in capital letters.
pub const CAPITALS: Rule = Rule::CAPITALS;
/// "&" written for "and".
pub const AMPERSAND: Rule = Rule::AMPERSAND;
/// Offensive or outdated words about disability.
pub const DISABILITY_LANGUAGE: Rule = Rule::DISABILITY_LANGUAGE;
/// A page whose reading age is above the profile's limit.
pub const READING_AGE: Rule = Rule::READING_AGE;

/// Every rule an allow comment may name.
pub const RULES: &[Rule] = &[
    SENTENCE_TOO_LONG,
    PARAGRAPH_TOO_LONG,
    WORD_TO_AVOID,
    UNEXPLAINED_ACRONYM,
    PASSIVE_VOICE,
    VAGUE_LINK_TEXT,
    CAPITALS,
    AMPERSAND,
    DISABILITY_LANGUAGE,
    READING_AGE,
];

/// What the rules need to know besides the text.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The limits of the profile that applies.
    pub limits: Limits,
    /// The word lists.
    pub lists: &'a WordLists,
    /// Acronyms that need no explanation: the glossary's and the site's known ones.
    pub known_acronyms: &'a HashSet<String>,
}

/// One finding, with the block of the text it is in (for allow comments).
#[derive(Debug, Clone, PartialEq)]
pub struct BlockFinding {
    /// The block it is in; `None` for the whole text.
    pub block: Option<usize>,
    /// What was found, and where in the source.
    pub finding: Finding,
}

fn level_severity(level: Level) -> Option<Severity> {
    match level {
        Level::Off => None,
        Level::Warning => Some(Severity::Warning),
        Level::Error => Some(Severity::Error),
    }
}

/// Runs every rule on the text.
pub fn check(extract: &Extract, cx: &Context<'_>) -> Vec<BlockFinding> {
    let mut findings = Vec::new();
    let mut seen_acronyms = HashSet::new();
    for (index, block) in extract.blocks.iter().enumerate() {
        let mut push = |offset_in_block: usize, rule, severity, message: String, suggestion: String| {
            findings.push(BlockFinding {
                block: Some(index),
                finding: Finding {
                    offset: block.source_offset(offset_in_block),
                    rule,
                    severity,
                    message,
                    suggestion,
                },
            });
        };
        if block.kind == BlockKind::Paragraph && block.sentences.len() > cx.limits.paragraph_warn_sentences {
            push(
                block.sentences[0].range.start,
                PARAGRAPH_TOO_LONG,
                Severity::Warning,
                format!(
                    "This paragraph has {} sentences; the limit here is {}",
                    block.sentences.len(),
                    cx.limits.paragraph_warn_sentences
                ),
                "Split it into shorter paragraphs, one topic each, or turn a list of things into bullet points.".to_string(),
            );
        }
        for sentence in &block.sentences {
            let lower: Vec<String> = block.words(sentence).map(lowercase).collect();
            sentence_length(block, sentence, cx, &mut push);
            phrases(block, sentence, &lower, &cx.lists.avoid, WORD_TO_AVOID, &mut push);
            phrases(block, sentence, &lower, &cx.lists.disability, DISABILITY_LANGUAGE, &mut push);
            capitals_and_acronyms(block, sentence, cx, &mut seen_acronyms, &mut push);
            if let Some(severity) = level_severity(cx.limits.passive_voice) {
                passive(block, sentence, &lower, severity, &mut push);
            }
        }
        ampersands(block, &mut push);
    }
    for link in &extract.links {
        let words = link
            .text
            .trim()
            .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
            .to_lowercase();
        if VAGUE_LINKS.contains(words.as_str()) {
            findings.push(BlockFinding {
                block: extract.blocks.iter().rposition(|b| b.source_offset(0) <= link.offset),
                finding: Finding {
                    offset: link.offset,
                    rule: VAGUE_LINK_TEXT,
                    severity: Severity::Warning,
                    message: format!("The link text \"{}\" does not say where the link goes", link.text.trim()),
                    suggestion: "Use the words of what people will find, for example [how to ask for an EHC needs assessment](/advice/ehc-needs-assessment/). People using screen readers often hear links on their own.".to_string(),
                },
            });
        }
    }
    findings
}

/// A word in lower case, with curly apostrophes made straight.
fn lowercase(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.contains('’') { lower.replace('’', "'") } else { lower }
}

/// The first few words of a sentence, to help the author find it.
fn opening(block: &Block, sentence: &Sentence) -> String {
    let words: Vec<&str> = block.words(sentence).take(6).collect();
    let more = if sentence.words.len() > 6 { "…" } else { "" };
    format!("\"{}{more}\"", words.join(" "))
}

type Push<'p> = dyn FnMut(usize, Rule, Severity, String, String) + 'p;

fn sentence_length(block: &Block, sentence: &Sentence, cx: &Context<'_>, push: &mut Push<'_>) {
    let count = sentence.words.len();
    let severity = if count > cx.limits.sentence_error_words {
        Severity::Error
    } else if count > cx.limits.sentence_warn_words {
        Severity::Warning
    } else {
        return;
    };
    let limit = if severity == Severity::Error {
        cx.limits.sentence_error_words
    } else {
        cx.limits.sentence_warn_words
    };
    push(
        sentence.range.start,
        SENTENCE_TOO_LONG,
        severity,
        format!("This sentence has {count} words, more than {limit}: {}", opening(block, sentence)),
        format!(
            "Split it into shorter sentences with one idea each. Aim for {} words or fewer.",
            cx.limits.sentence_warn_words
        ),
    );
}

fn phrases(block: &Block, sentence: &Sentence, lower: &[String], list: &PhraseList, rule: Rule, push: &mut Push<'_>) {
    let mut start = 0;
    while start < lower.len() {
        let mut advanced = false;
        if let Some((entry, n)) = list.matches_at(lower, start).max_by_key(|(_, n)| *n) {
            let from = sentence.words[start].start;
            let to = sentence.words[start + n - 1].end;
            let written = &block.text[from..to];
            let message = if rule == DISABILITY_LANGUAGE {
                format!("\"{written}\" is an outdated or hurtful way to talk about disabled people")
            } else {
                format!("\"{written}\" is a word to avoid; there is a plainer way to say it")
            };
            let suggestion = if entry.instead.is_empty() {
                "Say it in everyday words.".to_string()
            } else {
                format!("Instead, write: {}.", entry.instead.trim_end_matches('.'))
            };
            push(from, rule, entry.severity, message, suggestion);
            start += n;
            advanced = true;
        }
        if !advanced {
            start += 1;
        }
    }
}

/// The letters of an acronym-like word without a plural or possessive ending, e.g. `EHCPs` -> `EHCP`.
fn acronym(word: &str) -> Option<&str> {
    let bytes = word.as_bytes();
    if bytes.len() < 2 || !bytes[0].is_ascii_uppercase() || !bytes[1].is_ascii_uppercase() {
        return None;
    }
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    let base = match word.strip_suffix('s') {
        Some(base) if base.len() >= 2 && base.bytes().all(|b| b.is_ascii_uppercase()) => base,
        _ => word,
    };
    (base.len() >= 2 && base.bytes().all(|b| b.is_ascii_uppercase())).then_some(base)
}

/// True when the character before or after the word (spaces skipped) is an opening bracket:
/// "Education, Health and Care plan (EHCP)" or "EHCP (Education, Health and Care plan)".
fn explained_in_brackets(block: &Block, word: &std::ops::Range<usize>) -> bool {
    let before = block.text[..word.start].trim_end().ends_with('(');
    let after = block.text[word.end..].trim_start().starts_with('(');
    before || after
}

fn is_dictionary_word(word: &str) -> bool {
    word.len() >= 4 && syllarust::try_count_syllables(&word.to_lowercase()).is_some()
}

/// The parts of each word joined by a hyphen or slash ("EHCP/SEN" is two acronyms).
fn word_parts(block: &Block, sentence: &Sentence) -> Sentence {
    let mut words = Vec::new();
    for range in &sentence.words {
        let mut start = range.start;
        for (offset, c) in block.text[range.clone()].char_indices() {
            if matches!(c, '-' | '/') {
                words.push(start..range.start + offset);
                start = range.start + offset + 1;
            }
        }
        words.push(start..range.end);
    }
    words.retain(|r| block.text[r.clone()].chars().any(char::is_alphanumeric));
    Sentence {
        range: sentence.range.clone(),
        words,
    }
}

fn capitals_and_acronyms(block: &Block, sentence: &Sentence, cx: &Context<'_>, seen: &mut HashSet<String>, push: &mut Push<'_>) {
    let parts = word_parts(block, sentence);
    let sentence = &parts;
    let words: Vec<&str> = block.words(sentence).collect();
    let mut index = 0;
    while index < words.len() {
        let Some(base) = acronym(words[index]) else {
            index += 1;
            continue;
        };
        // A run of two or more words in capitals that are ordinary words is shouting, not acronyms.
        let run = words[index..].iter().take_while(|w| acronym(w).is_some()).count();
        let ordinary = words[index..index + run]
            .iter()
            .filter(|w| !cx.known_acronyms.contains(**w) && is_dictionary_word(w))
            .count();
        let range = &sentence.words[index];
        if run >= 2 && ordinary >= 2 {
            if let Some(severity) = level_severity(cx.limits.capitals) {
                let written = &block.text[range.start..sentence.words[index + run - 1].end];
                push(
                    range.start,
                    CAPITALS,
                    severity,
                    format!("\"{written}\" is written in capitals, which is harder to read and can feel like shouting"),
                    "Write it in lower case; use bold for a few important words. If it is an acronym, add it to content/glossary.yaml."
                        .to_string(),
                );
            }
            index += run;
            continue;
        }
        if !cx.known_acronyms.contains(base)
            && seen.insert(base.to_string())
            && !explained_in_brackets(block, range)
            && let Some(severity) = level_severity(cx.limits.unexplained_acronym)
        {
            push(
                range.start,
                UNEXPLAINED_ACRONYM,
                severity,
                format!("\"{base}\" is not explained where it is first used, and it is not in the glossary"),
                format!(
                    "Write it in full the first time, with the short form in brackets, for example \"education, health and care plan (EHCP)\", or add {base} to content/glossary.yaml. If it is an ordinary word in capitals, write it in lower case."
                ),
            );
        }
        index += 1;
    }
}

fn is_be(word: &str) -> bool {
    matches!(
        word,
        "am" | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "isn't" | "aren't" | "wasn't" | "weren't"
    )
}

/// Words that may stand between "be" and the participle: "is not needed", "are usually seen".
fn may_come_between(word: &str) -> bool {
    word.ends_with("ly")
        || matches!(
            word,
            "not" | "also" | "often" | "always" | "never" | "sometimes" | "then" | "now" | "still" | "already" | "just" | "being" | "all"
        )
}

fn is_participle(word: &str) -> bool {
    if NOT_PASSIVE_WORDS.contains(word) {
        return false;
    }
    // "well-known", "family-led", "child-centred" describe; "co-produced", "re-assessed" and
    // "pre-booked" are the participle of a verb with a prefix.
    if let Some((before, after)) = word.rsplit_once('-') {
        return matches!(
            before,
            "co" | "re" | "pre" | "de" | "un" | "mis" | "over" | "under" | "out" | "self"
        ) && is_participle(after);
    }
    if IRREGULAR_PARTICIPLES.contains(word) {
        return true;
    }
    word.len() >= 5 && word.ends_with("ed") && (!word.ends_with("eed") || matches!(word, "agreed" | "freed" | "guaranteed"))
}

/// Past participles spelt like the verb itself ("run", "set"), which are passive only with "by".
const SAME_AS_VERB: [&str; 10] = ["run", "put", "set", "cut", "shut", "hit", "hurt", "let", "read", "spread"];

fn passive(block: &Block, sentence: &Sentence, lower: &[String], severity: Severity, push: &mut Push<'_>) {
    for (index, word) in lower.iter().enumerate() {
        if !is_be(word) {
            continue;
        }
        let mut next = index + 1;
        while next < lower.len() && next <= index + 2 && may_come_between(&lower[next]) {
            next += 1;
        }
        // A word that tells a state ("are not registered", "is closed") is passive only when it
        // says who did it: "is closed by the council".
        let after = lower.get(next + 1).map(String::as_str);
        let state = |word: &str| NOT_PASSIVE_WORDS.contains(word) && after != Some("by");
        // "is made up of", "are made up": what a thing is, not something done to it.
        if lower.get(next).is_some_and(|w| w == "made") && after == Some("up") {
            continue;
        }
        // "is run by", "are set by": a participle that looks like the verb, known by the "by".
        let same_as_verb = |word: &str| SAME_AS_VERB.contains(&word) && after == Some("by");
        if let Some(participle) = lower.get(next)
            && (is_participle(participle)
                || (NOT_PASSIVE_WORDS.contains(participle.as_str()) && !state(participle))
                || same_as_verb(participle))
        {
            let from = sentence.words[index].start;
            let to = sentence.words[next].end;
            push(
                from,
                PASSIVE_VOICE,
                severity,
                format!("\"{}\" may be passive voice, which hides who does what", &block.text[from..to]),
                "Say who does it: \"we will send you a letter\", not \"a letter will be sent\".".to_string(),
            );
            return;
        }
    }
}

fn ampersands(block: &Block, push: &mut Push<'_>) {
    for (offset, _) in block.text.match_indices('&') {
        let before = block.text[..offset].chars().next_back().is_none_or(char::is_whitespace);
        let after = block.text[offset + 1..].chars().next().is_none_or(char::is_whitespace);
        if before && after {
            push(
                offset,
                AMPERSAND,
                Severity::Warning,
                "\"&\" is used for \"and\"".to_string(),
                "Write \"and\". Some people find symbols harder to read, and screen readers say them differently.".to_string(),
            );
        }
    }
}
