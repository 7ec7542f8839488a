//! The words a reader sees in one part of an easy-read page, cut into sentences. Each sentence
//! and word keeps its byte offset in the page's Markdown, so findings point at the author's text.
//! A new line always ends a sentence: easy read puts each sentence on a line of its own.

use crate::content::easy_read::markdown_options;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// A word as written (outer punctuation removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word.
    pub text: String,
    /// Byte offset in the Markdown.
    pub offset: usize,
    /// True for part of a web or email address, which the word rules leave alone.
    pub address: bool,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence as the reader sees it.
    pub text: String,
    /// Byte offset of its start in the Markdown.
    pub offset: usize,
    /// Source offset of each byte of `text`.
    map: Vec<usize>,
    /// Its words, in order.
    pub words: Vec<Word>,
}

impl Sentence {
    /// The Markdown offset of a byte offset in [`Sentence::text`].
    pub fn source_offset(&self, offset: usize) -> usize {
        self.map.get(offset).copied().unwrap_or(self.offset)
    }
}

/// What the reader sees in `markdown[range]`.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Markdown offsets of italic (`*emphasis*`) text.
    pub italics: Vec<usize>,
}

/// Reads the sentences of `markdown[range]`, leaving out picture alt text and code.
pub fn read(markdown: &str, range: Range<usize>) -> Text {
    let slice = markdown.get(range.clone()).unwrap_or("");
    let base = range.start;
    let mut visible = String::new();
    let mut map: Vec<usize> = Vec::new();
    let mut italics = Vec::new();
    let mut in_image = 0usize;
    // Words inside `<span lang="pl">…</span>` are not English, so the rules do not read them.
    let mut foreign = None;
    for (event, at) in Parser::new_ext(slice, markdown_options()).into_offset_iter() {
        match event {
            Event::InlineHtml(raw) => crate::check::plain_language::extract::track_foreign(&raw, &mut foreign),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italics.push(base + at.start),
            Event::Text(text) | Event::Code(text) if in_image == 0 && foreign.is_none() => {
                let exact = at.len() == text.len() && slice.get(at.clone()) == Some(&*text);
                for (i, _) in text.char_indices() {
                    let next = text[i..].chars().next().map(char::len_utf8).unwrap_or(1);
                    let source = if exact { base + at.start + i } else { base + at.start };
                    map.extend(std::iter::repeat_n(source, next));
                }
                visible.push_str(&text);
            }
            Event::Start(Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) | Event::Start(_) if !visible.ends_with('\n') => {
                visible.push('\n');
                map.push(base + at.start);
            }
            _ => {}
        }
    }
    Text {
        sentences: split(&visible, &map),
        italics,
    }
}

/// Cuts text into sentences: at a line break, or after `.`, `!` or `?` followed by a space.
fn split(text: &str, map: &[usize]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (index, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(index + 1).map(|&(_, n)| n);
        let end = match c {
            '\n' => Some(at),
            '.' | '!' | '?' if next.is_none_or(char::is_whitespace) => Some(at + 1),
            _ => None,
        };
        if let Some(end) = end {
            push_sentence(text, map, start..end, &mut sentences);
            start = end;
        }
    }
    push_sentence(text, map, start..text.len(), &mut sentences);
    sentences
}

fn push_sentence(text: &str, map: &[usize], range: Range<usize>, out: &mut Vec<Sentence>) {
    let piece = &text[range.clone()];
    let trimmed_start = range.start + (piece.len() - piece.trim_start().len());
    let trimmed = piece.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let sentence_map: Vec<usize> = map
        .get(trimmed_start..trimmed_start + trimmed.len())
        .map(<[usize]>::to_vec)
        .unwrap_or_default();
    let mut words = Vec::new();
    let mut position = 0;
    for token in trimmed.split_whitespace() {
        let token_at = trimmed[position..].find(token).map(|i| i + position).unwrap_or(position);
        position = token_at + token.len();
        let lead = token.len() - token.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        let address = token.contains('@') || token.contains("://") || token.starts_with("www.") || token.contains('/');
        words.push(Word {
            text: word.to_string(),
            offset: sentence_map.get(token_at + lead).copied().unwrap_or(0),
            address,
        });
    }
    out.push(Sentence {
        text: trimmed.to_string(),
        offset: sentence_map.first().copied().unwrap_or(0),
        map: sentence_map,
        words,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_full_stops_end_sentences() {
        let md = "- ![A phone](/p.svg) You can phone us. We help.\n  Ring [our team](/x/) today!\n";
        let text = read(md, 0..md.len());
        let got: Vec<(&str, usize)> = text.sentences.iter().map(|s| (s.text.as_str(), s.offset)).collect();
        assert_eq!(got, vec![("You can phone us.", 21), ("We help.", 39), ("Ring our team today!", 50)]);
        assert_eq!(text.sentences[2].words[2].text, "team");
        assert_eq!(text.sentences[2].words[2].offset, 60);
    }

    #[test]
    fn addresses_are_marked() {
        let md = "Email help@example.org or go to www.example.org.";
        let text = read(md, 0..md.len());
        let words = &text.sentences[0].words;
        assert!(words[1].address && words[5].address && !words[0].address);
    }
}
