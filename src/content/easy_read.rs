//! Easy-read versions of pages: how they are named, where they are published, and how their
//! Markdown is read as a series of points, each a picture and a few short sentences.
//!
//! `content/advice/short-breaks.easy.md` is the easy-read version of
//! `content/advice/short-breaks.md` and is published at `/advice/short-breaks/easy-read/`;
//! `content/advice/index.easy.md` is published at `/advice/easy-read/`. The easy-read index, which
//! lists every easy-read page, is at `/easy-read/` (and `content/index.easy.md`, if written, gives
//! its opening points).
//!
//! An easy-read page is a list; each item starts with a picture:
//!
//! ```markdown
//! ## Who we are
//!
//! - ![A parent talking on the phone](/assets/easy-read/phone.svg) You can phone us.
//!   We will help you.
//! ```

use super::Page;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// The end of an easy-read file's name before `.md`: `short-breaks.easy.md`.
pub const EASY_READ_STEM_SUFFIX: &str = ".easy";
/// The last part of an easy-read page's address: `/advice/short-breaks/easy-read/`.
pub const EASY_READ_SEGMENT: &str = "easy-read";
/// The address of the page that lists every easy-read page.
pub const EASY_READ_INDEX_URL: &str = "/easy-read/";
/// The picture library: which picture stands for which idea, in `content/`.
pub const PICTURE_LIBRARY_FILE: &str = "easy-read-pictures.yaml";

/// The address of the easy-read version of the page at `full_url`: `/a/` -> `/a/easy-read/`.
pub fn easy_read_url(full_url: &str) -> String {
    format!("{full_url}{EASY_READ_SEGMENT}/")
}

impl Page {
    /// True for an easy-read version (`*.easy.md`).
    pub fn is_easy_read(&self) -> bool {
        self.source.file.ends_with(&format!("{EASY_READ_STEM_SUFFIX}.md"))
    }

    /// For an easy-read version, the address of its full version: `/a/easy-read/` -> `/a/`.
    pub fn full_version_url(&self) -> Option<String> {
        if !self.is_easy_read() {
            return None;
        }
        self.url.strip_suffix(&format!("{EASY_READ_SEGMENT}/")).map(str::to_string)
    }
}

/// A picture at the start of a point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The image address as written, e.g. `/assets/easy-read/phone.svg`.
    pub src: String,
    /// The alt text (may be empty, which the checks report).
    pub alt: String,
    /// Byte range of `![alt](src)` in the Markdown.
    pub range: Range<usize>,
}

/// One point: a picture and a few short sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The picture, when the point starts with one.
    pub picture: Option<Picture>,
    /// Byte range of the words (the Markdown after the picture).
    pub words: Range<usize>,
    /// Byte range of the whole point.
    pub range: Range<usize>,
}

/// A heading between groups of points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EasyHeading {
    /// 2–6.
    pub level: u8,
    /// Its text.
    pub text: String,
    /// Byte range in the Markdown.
    pub range: Range<usize>,
}

/// A part of an easy-read page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EasyBlock {
    /// A heading.
    Heading(EasyHeading),
    /// A point (a list item, or a paragraph written outside a list, which has no picture).
    Point(Point),
}

/// An easy-read page's Markdown, read as headings and points.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EasyReadDocument {
    /// Headings and points in order.
    pub blocks: Vec<EasyBlock>,
}

impl EasyReadDocument {
    /// The points, in order.
    pub fn points(&self) -> impl Iterator<Item = &Point> {
        self.blocks.iter().filter_map(|b| match b {
            EasyBlock::Point(p) => Some(p),
            EasyBlock::Heading(_) => None,
        })
    }
}

/// Reads an easy-read page's Markdown into headings and points.
pub fn parse(markdown: &str) -> EasyReadDocument {
    let mut doc = EasyReadDocument::default();
    // Nesting of block containers (lists, items, quotes, tables, top-level paragraphs).
    let mut depth = 0usize;
    let mut heading: Option<(u8, String, usize)> = None;
    let mut item: Option<OpenItem> = None;
    for (event, range) in Parser::new_ext(markdown, super::markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => heading = Some((level as u8, String::new(), range.start)),
            Event::End(TagEnd::Heading(_)) if depth == 0 => {
                if let Some((level, text, start)) = heading.take() {
                    doc.blocks.push(EasyBlock::Heading(EasyHeading {
                        level,
                        text: text.trim().to_string(),
                        range: start..range.end,
                    }));
                }
            }
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 2 {
                    item = Some(OpenItem::new(range.start));
                }
            }
            Event::End(TagEnd::Item) => {
                if depth == 2
                    && let Some(open) = item.take()
                {
                    doc.blocks.push(EasyBlock::Point(open.finish(markdown, range.end)));
                }
                depth = depth.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph) if depth == 0 => {
                depth += 1;
                item = Some(OpenItem::new(range.start));
            }
            Event::End(TagEnd::Paragraph) if depth == 1 => {
                depth = 0;
                if let Some(open) = item.take() {
                    doc.blocks.push(EasyBlock::Point(open.finish(markdown, range.end)));
                }
            }
            Event::Start(Tag::List(_)) => depth += 1,
            Event::Start(Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_) | Tag::HtmlBlock | Tag::FootnoteDefinition(_)) => {
                if depth == 0 {
                    doc.blocks.push(EasyBlock::Point(Point {
                        picture: None,
                        words: range.clone(),
                        range: range.clone(),
                    }));
                }
                if let Some(open) = item.as_mut() {
                    open.see_content(range.start);
                }
                depth += 1;
            }
            Event::End(
                TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Table
                | TagEnd::HtmlBlock
                | TagEnd::FootnoteDefinition,
            ) => depth = depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading_text, _)) = heading.as_mut() {
                    heading_text.push_str(&text);
                }
                if let Some(open) = item.as_mut() {
                    if open.in_image {
                        if let Some(picture) = open.picture.as_mut() {
                            picture.alt.push_str(&text);
                        }
                    } else {
                        open.see_content(range.start);
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(open) = item.as_mut() {
                    if open.content_start.is_none() && open.picture.is_none() {
                        open.picture = Some(Picture {
                            src: dest_url.to_string(),
                            alt: String::new(),
                            range: range.clone(),
                        });
                        open.in_image = true;
                    } else {
                        open.see_content(range.start);
                    }
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some(open) = item.as_mut() {
                    open.in_image = false;
                }
            }
            Event::Start(Tag::Paragraph) | Event::End(_) => {}
            _ => {
                if let Some(open) = item.as_mut() {
                    open.see_content(range.start);
                }
            }
        }
    }
    doc
}

/// A point being read.
struct OpenItem {
    start: usize,
    /// Where the first words (anything but the leading picture) start.
    content_start: Option<usize>,
    picture: Option<Picture>,
    in_image: bool,
}

impl OpenItem {
    fn new(start: usize) -> Self {
        OpenItem {
            start,
            content_start: None,
            picture: None,
            in_image: false,
        }
    }

    fn see_content(&mut self, offset: usize) {
        if !self.in_image && self.content_start.is_none() {
            self.content_start = Some(offset);
        }
    }

    fn finish(self, markdown: &str, end: usize) -> Point {
        let end = end.min(markdown.len());
        let start = match &self.picture {
            Some(picture) => picture.range.end,
            None => self.content_start.unwrap_or(end),
        }
        .min(end);
        let words = markdown[start..end].trim();
        let words_start = start + (markdown[start..end].len() - markdown[start..end].trim_start().len());
        Point {
            picture: self.picture,
            words: words_start..words_start + words.len(),
            range: self.start..end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_start_with_a_picture() {
        let md = "## Who we are\n\n- ![A phone](/p.svg) You can phone us.\n  We help.\n- No picture here.\n\nA paragraph.\n";
        let doc = parse(md);
        assert_eq!(doc.blocks.len(), 4);
        let points: Vec<&Point> = doc.points().collect();
        let first = points[0].picture.as_ref().unwrap();
        assert_eq!((first.src.as_str(), first.alt.as_str()), ("/p.svg", "A phone"));
        assert_eq!(&md[points[0].words.clone()], "You can phone us.\n  We help.");
        assert!(points[1].picture.is_none());
        assert_eq!(&md[points[1].words.clone()], "No picture here.");
        assert!(points[2].picture.is_none());
        assert_eq!(&md[points[2].words.clone()], "A paragraph.");
    }

    #[test]
    fn a_picture_later_in_the_point_does_not_count() {
        let doc = parse("- You can ![phone](/p.svg) us.\n");
        assert!(doc.points().next().unwrap().picture.is_none());
    }
}
