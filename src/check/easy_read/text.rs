//! The words a reader sees in one part of an easy-read page, cut into sentences. Each sentence
//! and word keeps its byte offset in the page's Markdown, so findings point at the author's text.
//! A new line always ends a sentence: easy read puts each sentence on a line of its own.

use crate::content::markdown_options;
use crate::text::{Sentences, Words};
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

/// Cuts text into sentences read line by line ([`Sentences::LineByLine`]): at a line break, or
/// after `.`, `!` or `?` followed by a space. Pieces with no letter or digit are dropped.
fn split(text: &str, map: &[usize]) -> Vec<Sentence> {
    crate::text::sentences(text, Sentences::LineByLine)
        .into_iter()
        .filter(|range| text[range.clone()].chars().any(char::is_alphanumeric))
        .map(|range| sentence(text, map, range))
        .collect()
}

/// The sentence at `text[range]` with its words ([`Words::Spaced`]), at their Markdown offsets.
fn sentence(text: &str, map: &[usize], range: Range<usize>) -> Sentence {
    let trimmed = &text[range.clone()];
    let sentence_map: Vec<usize> = map.get(range).map(<[usize]>::to_vec).unwrap_or_default();
    let words = crate::text::words(trimmed, Words::Spaced)
        .into_iter()
        .map(|word| {
            let written = &trimmed[word.written.clone()];
            Word {
                text: trimmed[word.range.clone()].to_string(),
                offset: sentence_map.get(word.range.start).copied().unwrap_or(0),
                address: written.contains('@') || written.contains("://") || written.starts_with("www.") || written.contains('/'),
            }
        })
        .collect();
    Sentence {
        text: trimmed.to_string(),
        offset: sentence_map.first().copied().unwrap_or(0),
        map: sentence_map,
        words,
    }
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
