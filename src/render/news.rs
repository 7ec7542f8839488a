//! The news pages: each news item (`news-item.html`), the listing `/news/` with its numbered
//! pages (`news.html`), and the latest items on the home page.

use super::views::{Crumb, PageView};
use super::{Renderer, markdown};
use crate::content::news::{NEWS_FEED_URL, NEWS_PER_PAGE, NEWS_URL, NewsInfo, news_page_url};
use crate::content::{Page, SourceRef};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use markdown::{LinkRef, SourceSpan};
use serde::Serialize;
use tera::Context;

/// A news item in a list: the listing, or the home page.
#[derive(Serialize)]
pub struct NewsCard<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its address.
    pub url: &'a str,
    /// Its summary.
    pub summary: &'a str,
    /// Its date in words: `1 December 2026`.
    pub date: String,
    /// Its date as `2026-12-01`, for `<time datetime>`.
    pub date_iso: String,
    /// Who wrote it.
    pub owner: &'a str,
}

/// `news`: what a news item's page shows besides its text.
#[derive(Serialize)]
pub struct NewsItemView<'a> {
    /// Its date in words.
    pub date: String,
    /// Its date as `YYYY-MM-DD`.
    pub date_iso: String,
    /// Who wrote it (an author or partner).
    pub owner: &'a str,
    /// The topics it is about, as names.
    pub topics: Vec<String>,
    /// Its attachments.
    pub attachments: Vec<AttachmentView<'a>>,
    /// The address of the listing.
    pub listing_url: &'static str,
    /// The address of the feed.
    pub feed_url: &'static str,
}

/// An attachment as the page lists it.
#[derive(Serialize)]
pub struct AttachmentView<'a> {
    /// What it is.
    pub title: &'a str,
    /// Its address.
    pub url: &'a str,
    /// Its type and size: `PDF, 240 KB`.
    pub about: String,
    /// The address of its HTML version.
    pub html_version: Option<&'a str>,
    /// How to get it in an accessible format.
    pub accessible_format: Option<&'a str>,
}

/// `listing`: one page of the news listing.
#[derive(Serialize)]
pub struct NewsListView<'a> {
    /// The items on this page, newest first.
    pub items: Vec<NewsCard<'a>>,
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages there are.
    pub total: usize,
    /// Every page of the listing, for the pagination links.
    pub pages: Vec<PageLink>,
    /// The address of the page before, if any.
    pub previous: Option<String>,
    /// The address of the page after, if any.
    pub next: Option<String>,
    /// The address of the feed.
    pub feed_url: &'static str,
}

/// A link to one page of the news listing.
#[derive(Serialize)]
pub struct PageLink {
    /// Its number, from 1.
    pub number: usize,
    /// Its address.
    pub url: String,
    /// True for the page being shown.
    pub current: bool,
}

/// The number of pages the news listing has (0 when there is no news).
pub fn listing_pages(items: usize) -> usize {
    items.div_ceil(NEWS_PER_PAGE)
}

impl<'a> Renderer<'a> {
    /// The news items, newest first (then by title, so the order is fixed).
    pub(super) fn news_items(&self) -> Vec<(&'a Page, &'a NewsInfo)> {
        let mut items: Vec<(&Page, &NewsInfo)> = self
            .site
            .pages
            .iter()
            .filter_map(|page| page.meta.news.as_ref().map(|news| (page, news)))
            .collect();
        items.sort_by(|a, b| b.1.date.cmp(&a.1.date).then_with(|| a.0.meta.title.cmp(&b.0.meta.title)));
        items
    }

    /// The latest `count` news items, for the home page.
    pub(super) fn latest_news(&self, count: usize) -> Vec<NewsCard<'a>> {
        self.news_items()
            .into_iter()
            .take(count)
            .map(|(page, news)| card(page, news))
            .collect()
    }

    /// Fills `context` for a news item's page; returns the template and diagnostics of its text.
    pub(super) fn render_news_item(
        &self,
        page: &'a Page,
        news: &'a NewsInfo,
        context: &mut Context,
        links: &mut Vec<LinkRef>,
    ) -> (&'static str, SourceRef, Vec<Diagnostic>) {
        let config = &self.site.config;
        let rendered = markdown::render_with(
            &page.body,
            SourceSpan::new(&page.source.file, page.body_first_line),
            &self.abbreviations,
            &config.content,
        );
        let mut diagnostics = rendered.diagnostics;
        *links = rendered.links;
        let mut view = PageView::generated("news-item", &page.meta.title, Some(&page.meta.summary), &page.url, config);
        view.content = rendered.html;
        view.draft = page.meta.status == crate::content::Status::Draft;
        context.insert("page", &view);
        let attachments = news
            .attachments
            .iter()
            .map(|a| {
                if let Some(html) = a.html_version.as_deref()
                    && !self.pages_by_url.contains_key(html)
                {
                    diagnostics.push(
                        Diagnostic::error(
                            &page.source.file,
                            a.line,
                            a.column,
                            Rule::ATTACHMENT_HTML_VERSION,
                            format!(
                                "The HTML version `{html}` of the attachment \"{}\" is not a page of this site",
                                a.title
                            ),
                        )
                        .with_suggestion(
                            "Write `html_version:` as the address of a page in `content`, for example `/newsletters/autumn-2026/`.",
                        ),
                    );
                }
                let size = a.size_text();
                AttachmentView {
                    title: &a.title,
                    url: &a.file,
                    about: if size.is_empty() {
                        a.kind()
                    } else {
                        format!("{}, {size}", a.kind())
                    },
                    html_version: a.html_version.as_deref(),
                    accessible_format: a.accessible_format.as_deref(),
                }
            })
            .collect();
        let topics = page.meta.topics.iter().map(|id| self.topic_name(id)).collect();
        context.insert(
            "news",
            &NewsItemView {
                date: self.date_words(page.language.as_deref()).long(news.date),
                date_iso: news.date.iso(),
                owner: &page.meta.owner,
                topics,
                attachments,
                listing_url: NEWS_URL,
                feed_url: NEWS_FEED_URL,
            },
        );
        context.insert("breadcrumbs", &self.news_crumbs());
        ("news-item.html", page.source.clone(), diagnostics)
    }

    /// Fills `context` for page `number` (from 1) of the news listing.
    pub(super) fn render_news_list(&self, number: usize, url: &str, context: &mut Context) -> (&'static str, SourceRef) {
        let items = self.news_items();
        let total = listing_pages(items.len()).max(1);
        let cards = items
            .into_iter()
            .skip((number - 1) * NEWS_PER_PAGE)
            .take(NEWS_PER_PAGE)
            .map(|(page, news)| card(page, news))
            .collect();
        let title = match number {
            1 => self.theme.string("news_title").to_string(),
            _ => self
                .theme
                .string("news_page_title")
                .replace("{number}", &number.to_string())
                .replace("{total}", &total.to_string()),
        };
        let view = PageView::generated("news", &title, Some(self.theme.string("news_summary")), url, &self.site.config);
        context.insert("page", &view);
        context.insert(
            "listing",
            &NewsListView {
                items: cards,
                number,
                total,
                pages: (1..=total)
                    .map(|n| PageLink {
                        number: n,
                        url: news_page_url(n),
                        current: n == number,
                    })
                    .collect(),
                previous: (number > 1).then(|| news_page_url(number - 1)),
                next: (number < total).then(|| news_page_url(number + 1)),
                feed_url: NEWS_FEED_URL,
            },
        );
        let crumbs = if number > 1 {
            self.news_crumbs()
        } else {
            self.breadcrumbs(NEWS_URL)
        };
        context.insert("breadcrumbs", &crumbs);
        (
            "news.html",
            SourceRef {
                file: "templates/news.html".to_string(),
                line: 0,
                column: 0,
            },
        )
    }

    /// Home, then News.
    fn news_crumbs(&self) -> Vec<Crumb> {
        let mut crumbs = self.breadcrumbs(NEWS_URL);
        crumbs.push(Crumb {
            title: self.theme.string("news_title").to_string(),
            url: NEWS_URL.to_string(),
        });
        crumbs
    }

    /// A topic's name: the theme's `topic_<id>` string, or the id in words.
    fn topic_name(&self, id: &str) -> String {
        let named = self.theme.string(&format!("topic_{id}"));
        if !named.is_empty() {
            return named.to_string();
        }
        let words = id.replace('-', " ");
        let mut chars = words.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

fn card<'a>(page: &'a Page, news: &NewsInfo) -> NewsCard<'a> {
    NewsCard {
        title: &page.meta.title,
        url: &page.url,
        summary: &page.meta.summary,
        date: news.date.long(),
        date_iso: news.date.iso(),
        owner: &page.meta.owner,
    }
}
