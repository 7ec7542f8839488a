//! One file per kind of page: each fills a page's template context from the model and returns
//! it with its template, where it was written, its links, its last-reviewed date and what it
//! found ([`Filled`]). [`Renderer::finish_page`] then makes every page the same way.
//!
//! The kinds that had a file of their own already keep it: listings in `browse.rs`, news in
//! `news.rs`, search in `search_page.rs`, the shortlist in `shortlist.rs`, "You said, we did" in
//! `feedback.rs` and easy read in `easy_read.rs`.

mod category;
mod content_page;
mod glossary;
mod not_found;
mod service;
mod services;

use super::markdown::LinkRef;
use super::routes::PageKind;
use super::views::{PageView, SiteView};
use super::{Renderer, template_source};
use crate::content::{Date, SourceRef};
use crate::diagnostic::Diagnostic;
use tera::Context;

/// A page ready to be finished: its template and filled context, and what its record needs.
pub(super) struct Filled {
    /// The theme template that makes the page (`page.html`).
    pub template: &'static str,
    /// The template's context.
    pub context: Context,
    /// Where the page's content was written (its file, or the template for a generated page).
    pub source: SourceRef,
    /// Links written in the page's Markdown, with their positions.
    pub links: Vec<LinkRef>,
    /// When the page was last reviewed, for the sitemap.
    pub last_reviewed: Option<Date>,
    /// What filling the page found (in its Markdown, for example).
    pub diagnostics: Vec<Diagnostic>,
}

impl Filled {
    /// A generated page made by `template`, with nothing of its own to report.
    pub(super) fn generated(template: &'static str, context: Context) -> Self {
        Filled::from_template(template, context, template_source(template))
    }

    /// A page made by `template` whose content was written at `source`.
    pub(super) fn from_template(template: &'static str, context: Context, source: SourceRef) -> Self {
        Filled {
            template,
            context,
            source,
            links: Vec::new(),
            last_reviewed: None,
            diagnostics: Vec::new(),
        }
    }
}

impl<'a> Renderer<'a> {
    /// The view of a generated page titled and summed up by the theme strings `{strings}_title`
    /// and `{strings}_summary`.
    pub(in crate::render) fn theme_page(&self, kind: &'static str, strings: &str, url: &'a str) -> PageView<'_> {
        PageView::generated(
            kind,
            self.theme.string(&format!("{strings}_title")),
            Some(self.theme.string(&format!("{strings}_summary"))),
            url,
            &self.site.config,
        )
    }

    /// Fills the page at `url` that `kind` makes, through that kind's own file.
    pub(super) fn fill(&self, kind: &PageKind<'a>, url: &str) -> Filled {
        let mut context = Context::new();
        context.insert("site", &SiteView::new(&self.site.config, url));
        match kind {
            PageKind::Content(page) if page.is_easy_read() => {
                let parts = self.easy_read_page(page, &mut context);
                Filled {
                    links: parts.links,
                    last_reviewed: parts.last_reviewed,
                    diagnostics: parts.diagnostics,
                    ..Filled::from_template("easy-read.html", context, page.source.clone())
                }
            }
            PageKind::EasyReadIndex => {
                let source = self.easy_read_index_page(&mut context);
                Filled::from_template("easy-read.html", context, source)
            }
            PageKind::Content(page) if let Some(news) = &page.meta.news => {
                let mut links = Vec::new();
                let (template, source, diagnostics) = self.render_news_item(page, news, &mut context, &mut links);
                Filled {
                    links,
                    last_reviewed: Some(news.date),
                    diagnostics,
                    ..Filled::from_template(template, context, source)
                }
            }
            PageKind::Content(page) => self.content_page(page, context),
            PageKind::Service(service, category) => self.service_page(service, category, context),
            PageKind::Category(category) => self.category_page(category, url, context),
            PageKind::Services => self.services_page(context),
            PageKind::Glossary => self.glossary_page(context),
            PageKind::NotFound => self.not_found_page(context),
            PageKind::Search(language) => {
                let (template, source) = self.render_search(*language, url, &mut context);
                Filled::from_template(template, context, source)
            }
            PageKind::Listing(page) => {
                let (template, source) = self.render_browse(page, url, &mut context);
                Filled::from_template(template, context, source)
            }
            PageKind::YouSaidWeDid(data) => {
                let (template, source) = self.render_you_said_we_did(data, &mut context);
                Filled::from_template(template, context, source)
            }
            PageKind::Shortlist => {
                let (template, source) = self.render_shortlist(&mut context);
                Filled::from_template(template, context, source)
            }
            PageKind::NewsList(number) => {
                let (template, source) = self.render_news_list(*number, url, &mut context);
                Filled::from_template(template, context, source)
            }
        }
    }
}
