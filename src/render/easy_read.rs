//! Rendering easy-read pages: each point becomes a list item with its picture first and its words
//! after, a glossary of the hard words used goes at the end, and `/easy-read/` lists every
//! easy-read page. Full and easy-read versions link to each other.

use super::markdown::{self, SourceSpan};
use super::url_safety::check_url;
use super::views::{AlternateView, Crumb, GlossaryView, PageView};
use super::{Renderer, markdown::LinkRef};
use crate::content::easy_read::{EASY_READ_INDEX_URL, EasyBlock, EasyReadDocument, easy_read_url, parse};
use crate::content::markdown_options;
use crate::content::{Date, Page, SourceRef, slugify};
use crate::diagnostic::Diagnostic;
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::BTreeSet;
use tera::Context;

/// A point: its picture and its words.
#[derive(Serialize)]
pub struct PointView {
    /// Picture address.
    pub picture: Option<String>,
    /// Picture alt text.
    pub alt: String,
    /// The words, as HTML (each line of the Markdown on a line of its own).
    pub words: String,
}

/// A heading and the points under it.
#[derive(Serialize, Default)]
pub struct SectionView {
    /// Heading text (none for points before the first heading).
    pub heading: Option<String>,
    /// Heading id.
    pub id: String,
    /// Heading level (2–6).
    pub level: u8,
    /// The points.
    pub points: Vec<PointView>,
}

/// An easy-read page in the list on `/easy-read/`.
#[derive(Serialize)]
pub struct IndexEntryView {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Address.
    pub url: String,
    /// The page's first picture.
    pub picture: Option<String>,
    /// Its alt text.
    pub alt: String,
}

/// `easy_read`: everything the easy-read template shows besides `page`.
#[derive(Serialize, Default)]
pub struct EasyReadView<'a> {
    /// The points, grouped under their headings.
    pub sections: Vec<SectionView>,
    /// Glossary terms used on the page.
    pub glossary: Vec<GlossaryView<'a>>,
    /// On `/easy-read/`: every easy-read page.
    pub index: Vec<IndexEntryView>,
}

/// What rendering an easy-read page gave besides its context.
pub struct EasyReadParts {
    /// Links, for the link check.
    pub links: Vec<LinkRef>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
    /// The page's last review.
    pub last_reviewed: Option<Date>,
}

impl<'a> Renderer<'a> {
    /// True when the site has at least one easy-read page.
    pub(super) fn has_easy_read(&self) -> bool {
        self.site.pages.iter().any(Page::is_easy_read)
    }

    /// The link to the other version of the page at `url`, if it has one.
    pub(super) fn alternate_for(&self, url: &str, easy_read: bool) -> Option<AlternateView> {
        if easy_read {
            let full = url.strip_suffix("easy-read/")?;
            return self.pages_by_url.contains_key(full).then(|| AlternateView {
                url: full.to_string(),
                text: self.theme.string("full_version_link").to_string(),
                easy_read: false,
            });
        }
        let easy = if url == "/" {
            EASY_READ_INDEX_URL.to_string()
        } else {
            easy_read_url(url)
        };
        let exists = self.pages_by_url.get(easy.as_str()).is_some_and(|p| p.is_easy_read()) || (url == "/" && self.has_easy_read());
        exists.then(|| AlternateView {
            url: easy,
            text: self.theme.string("easy_read_link").to_string(),
            easy_read: true,
        })
    }

    /// Fills `context` for an easy-read page and returns its links and problems.
    pub(super) fn easy_read_page(&self, page: &'a Page, context: &mut Context) -> EasyReadParts {
        let config = &self.site.config;
        let rendered = markdown::render_with(
            &page.body,
            SourceSpan::new(&page.source.file, page.body_first_line),
            &markdown::Abbreviations::default(),
            &config.content,
        );
        let doc = parse(&page.body);
        let mut view = PageView::from_page(page, String::new(), config, self.today);
        view.kind = "easy-read";
        view.alternate = self.alternate_for(&page.url, true);
        context.insert("page", &view);
        let mut easy = EasyReadView {
            sections: sections(&page.body, &doc, &config.content.link_schemes),
            glossary: self.glossary_used(&page.body, &doc),
            index: Vec::new(),
        };
        if page.url == EASY_READ_INDEX_URL {
            easy.index = self.easy_read_index();
        }
        context.insert("easy_read", &easy);
        context.insert("breadcrumbs", &self.breadcrumbs(&page.url));
        EasyReadParts {
            links: rendered.links,
            diagnostics: rendered.diagnostics,
            last_reviewed: Some(page.meta.last_reviewed),
        }
    }

    /// Fills `context` for `/easy-read/` when no `content/index.easy.md` gives its points.
    pub(super) fn easy_read_index_page(&self, context: &mut Context) -> SourceRef {
        let mut view = PageView::generated(
            "easy-read",
            self.theme.string("easy_read_index_title"),
            Some(self.theme.string("easy_read_index_summary")),
            EASY_READ_INDEX_URL,
            &self.site.config,
        );
        view.alternate = self.pages_by_url.contains_key("/").then(|| AlternateView {
            url: "/".to_string(),
            text: self.theme.string("full_version_link").to_string(),
            easy_read: false,
        });
        context.insert("page", &view);
        let easy = EasyReadView {
            index: self.easy_read_index(),
            ..EasyReadView::default()
        };
        context.insert("easy_read", &easy);
        context.insert(
            "breadcrumbs",
            &vec![Crumb {
                title: self.theme.string("home_title").to_string(),
                url: "/".to_string(),
            }],
        );
        SourceRef {
            file: "templates/easy-read.html".to_string(),
            line: 0,
            column: 0,
        }
    }

    fn easy_read_index(&self) -> Vec<IndexEntryView> {
        let mut pages: Vec<&Page> = self
            .site
            .pages
            .iter()
            .filter(|p| p.is_easy_read() && p.url != EASY_READ_INDEX_URL)
            .collect();
        pages.sort_by(|a, b| {
            a.meta
                .title
                .to_lowercase()
                .cmp(&b.meta.title.to_lowercase())
                .then_with(|| a.url.cmp(&b.url))
        });
        pages
            .into_iter()
            .map(|page| {
                let first = parse(&page.body).points().find_map(|p| p.picture.clone());
                IndexEntryView {
                    title: page.meta.title.clone(),
                    summary: page.meta.summary.clone(),
                    url: page.url.clone(),
                    picture: first.as_ref().map(|p| p.src.clone()),
                    alt: first.map(|p| p.alt).unwrap_or_default(),
                }
            })
            .collect()
    }

    /// Glossary terms whose words appear on the page, in glossary order.
    fn glossary_used(&self, body: &str, doc: &EasyReadDocument) -> Vec<GlossaryView<'a>> {
        let mut text = String::from(" ");
        let mut original = String::from(" ");
        for block in &doc.blocks {
            let range = match block {
                EasyBlock::Heading(h) => h.range.clone(),
                EasyBlock::Point(p) => p.words.clone(),
            };
            for sentence in crate::check::easy_read::text::read(body, range).sentences {
                let words: Vec<&str> = sentence.words.iter().map(|w| w.text.as_str()).collect();
                original.push_str(&words.join(" "));
                original.push(' ');
                text.push_str(&words.join(" ").to_lowercase());
                text.push(' ');
            }
        }
        self.site
            .glossary
            .iter()
            .filter(|term| {
                let words: Vec<&str> = term.term.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                let phrase = format!(" {} ", words.join(" "));
                // Short forms in capitals match only in capitals: "SEND" is not "send".
                let found = if crate::check::easy_read::language::is_acronym(words.first().copied().unwrap_or("")) {
                    original.contains(&phrase)
                } else {
                    text.contains(&phrase.to_lowercase())
                };
                !words.is_empty() && found
            })
            .map(|t| GlossaryView {
                id: format!("easy-read-word-{}", slugify(&t.term)),
                term: &t.term,
                stands_for: t.stands_for.as_deref(),
                meaning: &t.meaning,
            })
            .collect()
    }
}

/// The points of a page, grouped under their headings.
fn sections(body: &str, doc: &EasyReadDocument, schemes: &[String]) -> Vec<SectionView> {
    let mut sections = vec![SectionView::default()];
    let mut used_ids = BTreeSet::new();
    for block in &doc.blocks {
        match block {
            EasyBlock::Heading(heading) => {
                let base = slugify(&heading.text);
                let mut id = base.clone();
                let mut n = 1;
                while !used_ids.insert(id.clone()) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                sections.push(SectionView {
                    heading: Some(heading.text.clone()),
                    id,
                    level: heading.level.clamp(2, 6),
                    points: Vec::new(),
                });
            }
            EasyBlock::Point(point) => {
                let words = words_html(body.get(point.words.clone()).unwrap_or(""), schemes);
                if let Some(section) = sections.last_mut() {
                    section.points.push(PointView {
                        picture: point.picture.as_ref().map(|p| p.src.clone()),
                        alt: point.picture.as_ref().map(|p| p.alt.clone()).unwrap_or_default(),
                        words,
                    });
                }
            }
        }
    }
    sections.retain(|s| s.heading.is_some() || !s.points.is_empty());
    sections
}

/// The words of a point as HTML: every line of the Markdown on its own line, raw HTML shown as
/// text, and links and pictures whose scheme is not allowed left out (their words kept; the
/// Markdown check reports them).
fn words_html(markdown: &str, schemes: &[String]) -> String {
    let mut dropped: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, markdown_options()).filter_map(|event| match event {
        Event::SoftBreak => Some(Event::HardBreak),
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(CowStr::from(raw.to_string()))),
        Event::Start(Tag::Link { ref dest_url, .. }) | Event::Start(Tag::Image { ref dest_url, .. }) => {
            let unsafe_url = check_url(dest_url, schemes).is_err();
            dropped.push(unsafe_url);
            (!unsafe_url).then_some(event)
        }
        Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => (dropped.pop() != Some(true)).then_some(event),
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_of_a_point_is_a_line() {
        assert_eq!(
            words_html("You can phone us.\n  We help.", &schemes()),
            "<p>You can phone us.<br />\nWe help.</p>\n"
        );
        assert_eq!(words_html("<b>x</b>", &schemes()), "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
    }

    fn schemes() -> Vec<String> {
        crate::config::ContentConfig::default().link_schemes
    }

    #[test]
    fn script_links_in_points_keep_only_their_words() {
        assert_eq!(
            words_html("[Book](javascript:alert(1)) or [ring](tel:0121)", &schemes()),
            "<p>Book or <a href=\"tel:0121\">ring</a></p>\n"
        );
    }
}
