//! Where one sentence ends and the next begins.
//!
//! Two ways of reading, on purpose (see [`Sentences`]): prose wraps across lines and has
//! abbreviations, so only a full stop before a new sentence counts; an easy-read page puts each
//! sentence on a line of its own and is strict, so every line and every full stop counts.

use std::ops::Range;

/// How a text is cut into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sentences {
    /// Prose, for the plain-language checks and reports: a sentence ends after `.`, `!` or `?`
    /// (with any closing quotes or brackets) followed by a space and a capital letter, a digit,
    /// an opening quote or bracket, or by the end of the text. A line break does not end one (a
    /// paragraph wraps), "e.g. this", "Dr. Patel" and "7.5" do not end one either, so the counts
    /// match what a reader takes to be a sentence.
    Prose,
    /// Easy read, one sentence a line: a new line always ends a sentence, and so does `.`, `!`
    /// or `?` followed by a space or the end, whatever comes next. Easy read writes short
    /// sentences on lines of their own, so a full stop followed by a small letter is still two
    /// sentences to check, not one long one.
    LineByLine,
}

/// Short words that end with a full stop without ending a sentence of prose.
const ABBREVIATIONS: &[&str] = &["dr", "mr", "mrs", "ms", "st", "no", "vs", "approx", "etc", "eg", "ie"];

/// Cuts `text` into sentences read the `style` way: the byte ranges of the sentences, trimmed
/// of spaces, in order. Pieces that are only spaces are left out; pieces with no words (a lone
/// "–") are kept, for the caller to drop by its own idea of a word.
pub(crate) fn sentences(text: &str, style: Sentences) -> Vec<Range<usize>> {
    let mut ends = match style {
        Sentences::Prose => prose_ends(text),
        Sentences::LineByLine => line_ends(text),
    };
    if ends.last() != Some(&text.len()) {
        ends.push(text.len());
    }
    let mut found = Vec::new();
    let mut start = 0;
    for end in ends {
        let piece = &text[start..end];
        let leading = piece.len() - piece.trim_start().len();
        let trimmed = start + leading..start + piece.trim_end().len();
        if !trimmed.is_empty() {
            found.push(trimmed);
        }
        start = end;
    }
    found
}

/// Byte offsets where sentences of prose end (see [`Sentences::Prose`]).
fn prose_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                end += 1;
            }
            // Closing curly quotes (three bytes each).
            while text[end..].starts_with('’') || text[end..].starts_with('”') {
                end += 3;
            }
            let rest = &text[end..];
            let after = rest.trim_start();
            let spaced = after.len() < rest.len();
            let next = after.chars().next();
            let starts_new = next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '\''));
            let word_before = text[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let abbreviation = b == b'.' && ABBREVIATIONS.contains(&word_before.to_ascii_lowercase().as_str());
            if (spaced || next.is_none()) && starts_new && !abbreviation {
                ends.push(end);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    ends
}

/// Byte offsets where easy-read sentences end (see [`Sentences::LineByLine`]): before each new
/// line, and after each `.`, `!` or `?` followed by a space or the end.
fn line_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '\n' => ends.push(at),
            '.' | '!' | '?' if next.is_none_or(char::is_whitespace) => ends.push(at + 1),
            _ => {}
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, style: Sentences) -> Vec<&str> {
        sentences(text, style).into_iter().map(|range| &text[range]).collect()
    }

    fn prose(text: &str) -> Vec<&str> {
        cut(text, Sentences::Prose)
    }

    fn lines(text: &str) -> Vec<&str> {
        cut(text, Sentences::LineByLine)
    }

    #[test]
    fn prose_sentences_end_at_full_stops_before_capitals_and_digits() {
        assert_eq!(prose("One two. Three? Four! 5 go."), vec!["One two.", "Three?", "Four!", "5 go."]);
        assert_eq!(prose("We open at 9. then close"), vec!["We open at 9. then close"]);
        assert_eq!(prose("Ends here.Then no space"), vec!["Ends here.Then no space"]);
    }

    #[test]
    fn prose_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            prose("Bring toys, e.g. a ball. See Dr. Patel."),
            vec!["Bring toys, e.g. a ball.", "See Dr. Patel."]
        );
        assert_eq!(
            prose("Meet Mrs. Khan at St. Mary's. No. 5 is open."),
            vec!["Meet Mrs. Khan at St. Mary's.", "No. 5 is open."]
        );
    }

    #[test]
    fn numbers_with_a_point_are_one_sentence() {
        assert_eq!(
            prose("Version 7.5 is out. It costs £2.50 a week."),
            vec!["Version 7.5 is out.", "It costs £2.50 a week."]
        );
        assert_eq!(
            lines("It takes 7.5 hours. Bring a coat."),
            vec!["It takes 7.5 hours.", "Bring a coat."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(prose("He said \"Stop.\" Then left"), vec!["He said \"Stop.\"", "Then left"]);
        assert_eq!(
            prose("She said ‘Go.’ (Then we went.) After"),
            vec!["She said ‘Go.’", "(Then we went.)", "After"]
        );
    }

    #[test]
    fn prose_wraps_across_lines() {
        assert_eq!(
            prose("A sentence that\nwraps. Next one"),
            vec!["A sentence that\nwraps.", "Next one"]
        );
    }

    #[test]
    fn bullet_items_are_sentences_of_their_own_when_read_line_by_line() {
        let text = "You can phone us. we help.\nRing our team today!\n- a bullet item\n\n";
        assert_eq!(
            lines(text),
            vec!["You can phone us.", "we help.", "Ring our team today!", "- a bullet item"]
        );
        // Prose reads the same bullets as one paragraph: items are cut apart before splitting.
        assert_eq!(prose("- first item\n- second item"), vec!["- first item\n- second item"]);
    }

    #[test]
    fn spaces_and_empty_text_give_no_sentences() {
        assert!(prose("").is_empty());
        assert!(lines(" \n \n").is_empty());
        assert_eq!(prose("  Trimmed.  "), vec!["Trimmed."]);
    }
}
