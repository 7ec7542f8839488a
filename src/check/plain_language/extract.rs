//! The text a reader sees, taken from the Markdown event stream: headings, paragraphs, list items
//! and table cells, cut into sentences and words. Code, web and email addresses, phone numbers and
//! postcodes are left out. Every piece keeps its byte offset in the source, so findings can point
//! at the author's file, front matter included.

use crate::text::{Sentences, Words};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What kind of block a piece of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading.
    Heading,
    /// A paragraph (or plain text such as a service summary).
    Paragraph,
    /// One item of a list: always at least one sentence of its own.
    ListItem,
    /// One cell of a table: always at least one sentence of its own.
    TableCell,
}

/// One sentence: its byte range in the block text and the ranges of its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in [`Block::text`].
    pub range: Range<usize>,
    /// Byte ranges of the words in [`Block::text`].
    pub words: Vec<Range<usize>>,
}

/// A heading, paragraph, list item or table cell as the reader sees it.
#[derive(Debug, Clone)]
pub struct Block {
    /// What kind of block it is.
    pub kind: BlockKind,
    /// The visible text, with left-out parts (addresses, phone numbers…) blanked with spaces.
    pub text: String,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Pieces of the text: (offset in `text`, offset in the source, whether the piece is copied
    /// exactly so offsets inside it can be mapped one to one).
    pieces: Vec<(usize, usize, bool)>,
}

impl Block {
    /// The source byte offset of a byte offset in [`Block::text`].
    pub fn source_offset(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.0 <= offset).saturating_sub(1);
        match self.pieces.get(index) {
            Some(&(start, source, true)) => source + (offset - start),
            Some(&(_, source, false)) => source,
            None => 0,
        }
    }

    /// The words of a sentence as text.
    pub fn words<'b>(&'b self, sentence: &'b Sentence) -> impl Iterator<Item = &'b str> + 'b {
        sentence.words.iter().map(|range| &self.text[range.clone()])
    }
}

/// The visible text of a link, for the vague-link check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkText {
    /// What the reader sees.
    pub text: String,
    /// Byte offset of the link in the source.
    pub offset: usize,
}

/// A `<!-- signpost-allow rule: reason -->` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowComment {
    /// The rules it names.
    pub rules: Vec<String>,
    /// Why (may be empty, which is itself a finding).
    pub reason: String,
    /// Byte offset of the comment in the source.
    pub offset: usize,
    /// The block it applies to (the next one, or the one it sits in).
    pub block: Option<usize>,
}

/// Everything the checks read from one piece of text.
#[derive(Debug, Clone, Default)]
pub struct Extract {
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Link texts.
    pub links: Vec<LinkText>,
    /// Allow comments.
    pub allows: Vec<AllowComment>,
}

/// Reads the visible text of a Markdown document.
pub fn from_markdown(markdown: &str) -> Extract {
    let mut out = Extract::default();
    let mut open: Option<Building> = None;
    let mut pending_allows: Vec<AllowComment> = Vec::new();
    let mut item_depth = 0usize;
    let mut skip_depth = 0usize;
    let mut link: Option<LinkText> = None;
    // An inline element marked as another language (`<span lang="pl">`) and how deeply elements
    // of its name are nested inside it: its words are not English, so they are not read.
    let mut foreign: Option<(String, usize)> = None;

    for (event, range) in Parser::new_ext(markdown, crate::content::markdown_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Heading { .. } => Some(BlockKind::Heading),
                    Tag::Paragraph if item_depth > 0 => Some(BlockKind::ListItem),
                    Tag::Paragraph => Some(BlockKind::Paragraph),
                    Tag::Item => {
                        item_depth += 1;
                        Some(BlockKind::ListItem)
                    }
                    Tag::TableCell => Some(BlockKind::TableCell),
                    Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                        skip_depth += 1;
                        None
                    }
                    Tag::Link { .. } => {
                        link = Some(LinkText {
                            text: String::new(),
                            offset: range.start,
                        });
                        None
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    finish(&mut open, &mut out, &mut pending_allows);
                    open = Some(Building::new(kind, range.start));
                }
            }
            Event::End(end) => match end {
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::TableCell => {
                    foreign = None;
                    finish(&mut open, &mut out, &mut pending_allows)
                }
                TagEnd::Item => {
                    item_depth = item_depth.saturating_sub(1);
                    finish(&mut open, &mut out, &mut pending_allows);
                }
                TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    skip_depth = skip_depth.saturating_sub(1);
                }
                TagEnd::Link => {
                    if let Some(done) = link.take() {
                        out.links.push(done);
                    }
                }
                _ => {}
            },
            Event::Text(_) if foreign.is_some() => {
                if let Some(block) = open.as_mut() {
                    block.push(" ", range.start, false);
                }
            }
            Event::Text(text) if skip_depth == 0 => {
                if let Some(link) = link.as_mut() {
                    link.text.push_str(&text);
                }
                let exact = markdown.get(range.clone()) == Some(&*text);
                let kind = if item_depth > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                open.get_or_insert_with(|| Building::new(kind, range.start))
                    .push(&text, range.start, exact);
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                if let Some(block) = open.as_mut() {
                    block.push(" ", range.start, false);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = open.as_mut() {
                    block.push(" ", range.start, false);
                }
            }
            Event::Html(raw) => {
                if let Some(allow) = parse_allow(&raw, range.start) {
                    pending_allows.push(allow);
                }
            }
            Event::InlineHtml(raw) => {
                track_foreign(&raw, &mut foreign);
                if let Some(mut allow) = parse_allow(&raw, range.start) {
                    if open.is_some() {
                        allow.block = Some(out.blocks.len());
                        out.allows.push(allow);
                    } else {
                        pending_allows.push(allow);
                    }
                }
            }
            _ => {}
        }
    }
    finish(&mut open, &mut out, &mut pending_allows);
    // Allow comments at the very end apply to nothing; keep them so they can be reported.
    out.allows.append(&mut pending_allows);
    out
}

/// Follows one inline tag: an opening tag with a `lang` that is not English starts a passage in
/// another language, and the closing tag of the same element ends it.
pub(crate) fn track_foreign(raw: &str, foreign: &mut Option<(String, usize)>) {
    static OPEN: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?is)^<([a-z][a-z0-9]*)\b[^>]*>$").ok());
    static CLOSE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)^</([a-z][a-z0-9]*)\s*>$").ok());
    static LANG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r#"(?i)\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#).ok());
    let (Some(open_tag), Some(close_tag), Some(lang)) = (OPEN.as_ref(), CLOSE.as_ref(), LANG.as_ref()) else {
        return;
    };
    let raw = raw.trim();
    if let Some(close) = close_tag.captures(raw) {
        if let Some((name, depth)) = foreign.as_mut()
            && close[1].eq_ignore_ascii_case(name)
        {
            if *depth == 0 {
                *foreign = None;
            } else {
                *depth -= 1;
            }
        }
        return;
    }
    let Some(open) = open_tag.captures(raw) else { return };
    let name = open[1].to_ascii_lowercase();
    if raw.ends_with("/>") {
        return;
    }
    match foreign.as_mut() {
        Some((inside, depth)) if *inside == name => *depth += 1,
        Some(_) => {}
        None => {
            let tag = lang.captures(raw).and_then(|found| {
                found
                    .get(1)
                    .or_else(|| found.get(2))
                    .or_else(|| found.get(3))
                    .map(|m| m.as_str().to_string())
            });
            if let Some(tag) = tag
                && !crate::content::translations::is_english(tag.trim())
            {
                *foreign = Some((name, 0));
            }
        }
    }
}

/// Reads plain text (such as a service summary) as one paragraph starting at source offset 0.
pub fn from_plain_text(text: &str) -> Extract {
    let mut building = Building::new(BlockKind::Paragraph, 0);
    building.push(text, 0, true);
    let mut out = Extract::default();
    let mut no_allows = Vec::new();
    finish(&mut Some(building), &mut out, &mut no_allows);
    out
}

/// A block being filled in.
struct Building {
    kind: BlockKind,
    text: String,
    pieces: Vec<(usize, usize, bool)>,
}

impl Building {
    fn new(kind: BlockKind, source: usize) -> Self {
        Building {
            kind,
            text: String::new(),
            pieces: vec![(0, source, false)],
        }
    }

    fn push(&mut self, text: &str, source: usize, exact: bool) {
        self.pieces.push((self.text.len(), source, exact));
        self.text.push_str(text);
    }
}

/// Closes the open block (if it has words), attaching waiting allow comments to it.
fn finish(open: &mut Option<Building>, out: &mut Extract, pending_allows: &mut Vec<AllowComment>) {
    let Some(building) = open.take() else { return };
    let text = blank_out_unread(&building.text);
    let sentences = sentences(&text);
    if sentences.is_empty() {
        return;
    }
    let index = out.blocks.len();
    for mut allow in pending_allows.drain(..) {
        allow.block = Some(index);
        out.allows.push(allow);
    }
    out.blocks.push(Block {
        kind: building.kind,
        text,
        sentences,
        pieces: building.pieces,
    });
}

/// A cheap test that text may hold a pattern.
type Quick = fn(&str) -> bool;

/// Web addresses, email addresses, UK phone numbers and postcodes: not read as words. Each
/// pattern has a cheap test that must pass before the pattern is run.
static UNREAD: LazyLock<Vec<(Quick, Regex)>> = LazyLock::new(|| {
    let patterns: [(Quick, &str); 5] = [
        (
            |t| t.contains("://") || t.contains("www.") || t.contains("mailto:"),
            r"(?i)\b(?:https?://|mailto:|www\.)[^\s<>()]+",
        ),
        (|t| t.contains('@'), r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
        (
            has_domain_ending,
            r"(?i)\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|info|io)\b(?:/[^\s<>()]*)?",
        ),
        (
            |t| t.bytes().filter(u8::is_ascii_digit).count() >= 10,
            r"(?:\+44\s?(?:\(0\)\s?)?|\b0)\d(?:[\s-]?\d){8,9}\b",
        ),
        (
            |t| t.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_digit()),
            r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b",
        ),
    ];
    patterns
        .into_iter()
        .filter_map(|(test, pattern)| Regex::new(pattern).ok().map(|r| (test, r)))
        .collect()
});

/// True when the text may hold a domain name such as `walsall.gov.uk`.
fn has_domain_ending(text: &str) -> bool {
    let lower = text.as_bytes();
    lower
        .windows(3)
        .any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic() && w[2].is_ascii_alphabetic())
        && [".uk", ".com", ".org", ".net", ".info", ".io"]
            .iter()
            .any(|ending| text.to_ascii_lowercase().contains(ending))
}

/// Replaces the parts nobody reads as prose with spaces, keeping every byte offset the same.
fn blank_out_unread(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut changed = false;
    for (may_hold, pattern) in UNREAD.iter() {
        if !may_hold(text) {
            continue;
        }
        for found in pattern.find_iter(text) {
            let mut range = found.range();
            // A trailing full stop ends the sentence; it is not part of the address.
            while range.end > range.start && matches!(bytes[range.end - 1], b'.' | b',') {
                range.end -= 1;
            }
            bytes[range].fill(b' ');
            changed = true;
        }
    }
    if !changed {
        return text.to_string();
    }
    // Only whole matches (made of whole characters) were replaced with ASCII, so this is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// Cuts text into sentences of prose ([`Sentences::Prose`]); sentences without a word are dropped.
pub fn sentences(text: &str) -> Vec<Sentence> {
    crate::text::sentences(text, Sentences::Prose)
        .into_iter()
        .filter_map(|range| {
            let words: Vec<Range<usize>> = word_ranges(&text[range.clone()])
                .into_iter()
                .map(|r| range.start + r.start..range.start + r.end)
                .collect();
            (!words.is_empty()).then_some(Sentence { range, words })
        })
        .collect()
}

/// The byte ranges of the words of `text`, read as [`Words::Reading`]: words joined by a hyphen
/// or a slash with no space ("cost-effective", "2024/25") are one word.
pub fn word_ranges(text: &str) -> Vec<Range<usize>> {
    crate::text::words(text, Words::Reading)
        .into_iter()
        .map(|word| word.range)
        .collect()
}

/// Reads `<!-- signpost-allow rule-a, rule-b: reason -->`.
fn parse_allow(raw: &str, offset: usize) -> Option<AllowComment> {
    let start = raw.find("<!--")?;
    let inner = &raw[start + 4..];
    let inner = inner.split("-->").next().unwrap_or(inner).trim();
    let rest = inner.strip_prefix("signpost-allow")?;
    let (rules, reason) = rest.split_once(':').unwrap_or((rest, ""));
    Some(AllowComment {
        rules: rules
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect(),
        reason: reason.trim().to_string(),
        offset: offset + start,
        block: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(extract: &Extract) -> Vec<(BlockKind, String)> {
        extract.blocks.iter().map(|b| (b.kind, b.text.trim().to_string())).collect()
    }

    #[test]
    fn passages_marked_with_another_language_are_not_read() {
        let md = "Say <span lang=\"pl\">dzień <span>dobry</span> wszystkim</span> and <span lang='en-GB'>hello</span> <em lang=ur>شکریہ</em>.\n\nNext <span lang=\"pl\">unclosed\n\nRead again.\n";
        let extract = from_markdown(md);
        let words: Vec<String> = extract
            .blocks
            .iter()
            .map(|b| b.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(words, vec!["Say and hello .", "Next", "Read again."]);
    }

    #[test]
    fn headings_paragraphs_items_and_cells_are_blocks() {
        let md = "# Title\n\nOne. Two\n\n- first\n- second\n\n| A | B |\n|---|---|\n| c | d |\n\n```\ncode here\n```\n";
        let extract = from_markdown(md);
        let kinds: Vec<_> = texts(&extract);
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, "Title".into()),
                (BlockKind::Paragraph, "One. Two".into()),
                (BlockKind::ListItem, "first".into()),
                (BlockKind::ListItem, "second".into()),
                (BlockKind::TableCell, "A".into()),
                (BlockKind::TableCell, "B".into()),
                (BlockKind::TableCell, "c".into()),
                (BlockKind::TableCell, "d".into()),
            ]
        );
        assert_eq!(extract.blocks[1].sentences.len(), 2);
    }

    #[test]
    fn addresses_phone_numbers_and_postcodes_are_not_words() {
        let extract = from_plain_text("Call 01922 650000 or email help@walsall.gov.uk or see www.walsall.gov.uk/send. We are at WS1 1TP.");
        let block = &extract.blocks[0];
        let words: Vec<&str> = block.sentences.iter().flat_map(|s| block.words(s)).collect();
        assert_eq!(words, vec!["Call", "or", "email", "or", "see", "We", "are", "at"]);
        assert_eq!(block.sentences.len(), 2);
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let md = "Intro line.\n\nSee [the **plan**](/x/) today.\n";
        let extract = from_markdown(md);
        let block = &extract.blocks[1];
        let at = block.text.find("plan").unwrap();
        assert_eq!(&md[block.source_offset(at)..block.source_offset(at) + 4], "plan");
        assert_eq!(extract.links[0].text, "the plan");
        assert_eq!(extract.links[0].offset, md.find('[').unwrap());
    }

    #[test]
    fn allow_comments_attach_to_the_next_block() {
        let md = "First.\n\n<!-- signpost-allow sentence-too-long: quotes the law -->\nSecond.\n";
        let extract = from_markdown(md);
        assert_eq!(extract.allows.len(), 1);
        assert_eq!(extract.allows[0].rules, vec!["sentence-too-long"]);
        assert_eq!(extract.allows[0].reason, "quotes the law");
        assert_eq!(extract.allows[0].block, Some(1));
    }
}
