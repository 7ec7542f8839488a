//! Measures per section: a section is the text under a level-2 heading, up to the next one. Text
//! before the first level-2 heading is the introduction. Each section is counted and scored with
//! the same functions as the whole page ([`Counts::of_blocks`] and [`Scores::of`]).

use super::extract::{Block, BlockKind, Extract};
use super::measures::{Counts, Scores};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Serialize;

/// The measures of one section of a page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionReadability {
    /// The heading's text; `None` for the introduction (the text before the first level-2 heading).
    pub heading: Option<String>,
    /// Word, sentence and syllable counts of the text under the heading (the heading left out).
    pub counts: Counts,
    /// Scores, when the section has enough words.
    pub scores: Option<Scores>,
}

/// A level-2 heading: its byte offset in the Markdown and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHeading {
    /// Byte range of the heading in the Markdown.
    pub range: std::ops::Range<usize>,
    /// The heading's text, spaces tidied.
    pub text: String,
}

/// The level-2 headings of a Markdown document, in order.
pub fn h2_headings(markdown: &str) -> Vec<SectionHeading> {
    let mut found = Vec::new();
    let mut open: Option<SectionHeading> = None;
    for (event, range) in Parser::new_ext(markdown, crate::content::markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2, ..
            }) => {
                open = Some(SectionHeading {
                    range,
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some(mut heading) = open.take() {
                    heading.text = heading.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    found.push(heading);
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = open.as_mut() {
                    heading.text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(heading) = open.as_mut() {
                    heading.text.push(' ');
                }
            }
            _ => {}
        }
    }
    found
}

/// The blocks of each section, in order: the introduction (heading `None`, present only when it
/// has text) and then one entry per level-2 heading. The level-2 heading blocks themselves are
/// left out; lower headings stay in their section.
pub fn split<'a>(markdown: &str, extract: &'a Extract) -> Vec<(Option<String>, Vec<&'a Block>)> {
    let headings = h2_headings(markdown);
    let mut sections: Vec<(Option<String>, Vec<&'a Block>)> = vec![(None, Vec::new())];
    sections.extend(headings.iter().map(|h| (Some(h.text.clone()), Vec::new())));
    for block in &extract.blocks {
        let start = block.source_offset(0);
        // How many level-2 headings start at or before this block: 0 is the introduction.
        let index = headings.partition_point(|h| h.range.start <= start);
        if block.kind == BlockKind::Heading && index > 0 && headings[index - 1].range.contains(&start) {
            continue;
        }
        sections[index].1.push(block);
    }
    if sections[0].1.is_empty() {
        sections.remove(0);
    }
    sections
}

/// The measures of each section with at least `min_words` words (the page scores' minimum).
pub fn measure(markdown: &str, extract: &Extract, min_words: usize) -> Vec<SectionReadability> {
    split(markdown, extract)
        .into_iter()
        .filter_map(|(heading, blocks)| {
            let counts = Counts::of_blocks(blocks);
            let scores = Scores::of(&counts, min_words)?;
            Some(SectionReadability {
                heading,
                counts,
                scores: Some(scores),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::plain_language::extract::from_markdown;

    const PAGE: &str = "Some words before any heading. They are the introduction.\n\n\
        ## Who can ask?\n\nYou can ask. So can your child's school.\n\n### A smaller heading\n\nIt stays in this section.\n\n\
        ## What happens `next`\n\nWe reply within six weeks. We will send you a letter about what we decided.\n";

    fn texts(sections: &[(Option<String>, Vec<&Block>)]) -> Vec<(Option<String>, Vec<String>)> {
        sections
            .iter()
            .map(|(h, blocks)| (h.clone(), blocks.iter().map(|b| b.text.trim().to_string()).collect()))
            .collect()
    }

    #[test]
    fn sections_split_at_level_two_headings_with_an_introduction() {
        let extract = from_markdown(PAGE);
        let sections = split(PAGE, &extract);
        assert_eq!(
            texts(&sections),
            vec![
                (None, vec!["Some words before any heading. They are the introduction.".to_string()]),
                (
                    Some("Who can ask?".to_string()),
                    vec![
                        "You can ask. So can your child's school.".to_string(),
                        "A smaller heading".to_string(),
                        "It stays in this section.".to_string(),
                    ]
                ),
                (
                    Some("What happens next".to_string()),
                    vec!["We reply within six weeks. We will send you a letter about what we decided.".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn no_introduction_when_the_page_starts_with_a_heading() {
        let md = "## First\n\nOne two three.\n\nSecond heading\n--------------\n\nFour five.\n";
        let extract = from_markdown(md);
        let headings: Vec<Option<String>> = split(md, &extract).into_iter().map(|s| s.0).collect();
        assert_eq!(headings, vec![Some("First".to_string()), Some("Second heading".to_string())]);
    }

    #[test]
    fn a_page_without_level_two_headings_is_one_introduction() {
        let md = "# Title\n\nOne two three.\n\n### Small\n\nFour.\n";
        let extract = from_markdown(md);
        let sections = split(md, &extract);
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].0, None);
        assert_eq!(sections[0].1.len(), 4);
    }

    #[test]
    fn measures_match_the_page_functions_on_the_section_text() {
        let extract = from_markdown(PAGE);
        let measured = measure(PAGE, &extract, 1);
        assert_eq!(measured.len(), 3);
        let bodies = [
            "Some words before any heading. They are the introduction.\n",
            "You can ask. So can your child's school.\n\n### A smaller heading\n\nIt stays in this section.\n",
            "We reply within six weeks. We will send you a letter about what we decided.\n",
        ];
        for (section, body) in measured.iter().zip(bodies) {
            let counts = Counts::of_blocks(&from_markdown(body).blocks);
            assert_eq!(section.counts, counts, "{body}");
            assert_eq!(section.scores, Scores::of(&counts, 1), "{body}");
        }
        assert_eq!(measured[1].counts.words, 16);
        assert_eq!(measured[1].counts.sentences, 4);
    }

    #[test]
    fn sections_need_enough_words_for_scores() {
        let extract = from_markdown(PAGE);
        // The introduction has 9 words, "Who can ask?" 16 and "What happens next" 15.
        let headings: Vec<Option<String>> = measure(PAGE, &extract, 13).into_iter().map(|s| s.heading).collect();
        assert_eq!(
            headings,
            vec![Some("Who can ask?".to_string()), Some("What happens next".to_string())]
        );
        assert!(measure(PAGE, &extract, 100).is_empty());
    }
}
