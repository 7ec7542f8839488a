//! The words of a piece of text, with where each one is.
//!
//! Two ways of reading, on purpose (see [`Words`]): the plain-language checks read words as
//! Unicode segments them (so "don't" and "café" are single words and "(SEN)" is "SEN"), while
//! easy read and the reports read what sits between spaces, so an address such as
//! `help@example.org` stays one piece the easy-read rules can recognise and leave alone.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// How a text is cut into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Words {
    /// Words as Unicode segments them (UAX #29), keeping only those with a letter or digit.
    /// Words joined by a hyphen or a slash with no space ("cost-effective", "post-16",
    /// "2024/25", "and/or") are one word, as a reader sees them; "7.5" is one word.
    Reading,
    /// What sits between spaces, with punctuation at either end taken off ("(phone)" is
    /// "phone"); pieces with no letter or digit ("–", "...") are not words.
    Spaced,
}

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte range of the word itself.
    pub range: Range<usize>,
    /// Byte range of what was written around it: for [`Words::Spaced`] the whole piece between
    /// spaces (punctuation included), for [`Words::Reading`] the word itself.
    pub written: Range<usize>,
}

/// The words of `text` read the `style` way, in order.
pub(crate) fn words(text: &str, style: Words) -> Vec<Word> {
    match style {
        Words::Reading => reading(text),
        Words::Spaced => spaced(text),
    }
}

/// How many words `text` has, read the `style` way.
pub(crate) fn count(text: &str, style: Words) -> usize {
    match style {
        Words::Reading => reading(text).len(),
        Words::Spaced => text
            .split_whitespace()
            .filter(|piece| piece.chars().any(char::is_alphanumeric))
            .count(),
    }
}

fn reading(text: &str) -> Vec<Word> {
    let mut found: Vec<Word> = Vec::new();
    for (offset, word) in text.unicode_word_indices() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let range = offset..offset + word.len();
        if let Some(last) = found.last_mut()
            && matches!(&text[last.range.end..range.start], "-" | "/")
        {
            last.range.end = range.end;
            last.written.end = range.end;
            continue;
        }
        found.push(Word {
            range: range.clone(),
            written: range,
        });
    }
    found
}

fn spaced(text: &str) -> Vec<Word> {
    let mut found = Vec::new();
    let mut position = 0;
    for piece in text.split_whitespace() {
        let at = text[position..].find(piece).map(|i| i + position).unwrap_or(position);
        position = at + piece.len();
        let lead = piece.len() - piece.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let word = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        found.push(Word {
            range: at + lead..at + lead + word.len(),
            written: at..at + piece.len(),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, style: Words) -> Vec<&str> {
        words(text, style).into_iter().map(|w| &text[w.range]).collect()
    }

    #[test]
    fn hyphenated_and_slashed_words_are_one_word() {
        let text = "A cost-effective post-16 offer for 2024/25, and/or more - or less.";
        assert_eq!(
            read(text, Words::Reading),
            vec![
                "A",
                "cost-effective",
                "post-16",
                "offer",
                "for",
                "2024/25",
                "and/or",
                "more",
                "or",
                "less"
            ]
        );
        assert_eq!(count(text, Words::Reading), 10);
        assert_eq!(count(text, Words::Spaced), 10);
    }

    #[test]
    fn numbers_with_a_point_are_one_word() {
        assert_eq!(read("It takes 7.5 hours", Words::Reading), vec!["It", "takes", "7.5", "hours"]);
        assert_eq!(read("It takes 7.5 hours.", Words::Spaced), vec!["It", "takes", "7.5", "hours"]);
    }

    #[test]
    fn spaced_words_lose_outer_punctuation_and_keep_what_was_written() {
        let text = "Call (SENDIASS) – email help@example.org… now!";
        let found = words(text, Words::Spaced);
        let got: Vec<(&str, &str)> = found.iter().map(|w| (&text[w.range.clone()], &text[w.written.clone()])).collect();
        assert_eq!(
            got,
            vec![
                ("Call", "Call"),
                ("SENDIASS", "(SENDIASS)"),
                ("email", "email"),
                ("help@example.org", "help@example.org…"),
                ("now", "now!")
            ]
        );
        assert_eq!(count(text, Words::Spaced), 5);
    }

    #[test]
    fn reading_words_split_addresses_and_apostrophes_as_unicode_does() {
        assert_eq!(
            read("don't email help@example.org", Words::Reading),
            vec!["don't", "email", "help", "example.org"]
        );
    }

    #[test]
    fn bullet_markers_and_dashes_are_not_words() {
        assert!(words("- * – ...", Words::Spaced).is_empty());
        assert!(words("- * – ...", Words::Reading).is_empty());
        assert_eq!(read("- first item", Words::Spaced), vec!["first", "item"]);
    }
}
