//! A Markdown page of `content/` (not easy read, not news): `page.html`, or `home.html` for `/`.

use super::Filled;
use crate::content::Page;
use crate::render::Renderer;
use crate::render::markdown::{self, SourceSpan};
use crate::render::video;
use crate::render::views::{ChildView, PageView};
use tera::Context;

impl<'a> Renderer<'a> {
    /// Fills a content page: its Markdown, its languages, its trail, the pages below it and, on
    /// the home page, the latest news.
    pub(super) fn content_page(&self, page: &'a Page, mut context: Context) -> Filled {
        let config = &self.site.config;
        let mut rendered = markdown::render_with(
            &page.body,
            SourceSpan::new(&page.source.file, page.body_first_line),
            &self.abbreviations,
            &config.content,
        );
        video::fill(&mut rendered, &page.source.file, &self.tera, &self.captions);
        let mut view = PageView::from_page(page, rendered.html, config, self.today);
        view.write_dates(self.date_words(page.language.as_deref()));
        view.alternate = self.alternate_for(&page.url, false);
        (view.languages, view.hreflang) = self.language_versions(page);
        context.insert("page", &view);
        let crumbs = match &page.language {
            Some(tag) => self.translated_breadcrumbs(page, tag),
            None => self.breadcrumbs(&page.url),
        };
        context.insert("breadcrumbs", &crumbs);
        let children: Vec<ChildView<'_>> = (self.children.get(&page.url))
            .map(|list| {
                list.iter()
                    .map(|p| ChildView {
                        title: &p.meta.title,
                        summary: &p.meta.summary,
                        url: &p.url,
                    })
                    .collect()
            })
            .unwrap_or_default();
        context.insert("children", &children);
        let home = page.url == "/";
        if home {
            context.insert("latest_news", &self.latest_news(3));
        }
        Filled {
            links: rendered.links,
            last_reviewed: Some(page.meta.last_reviewed),
            diagnostics: rendered.diagnostics,
            ..Filled::from_template(if home { "home.html" } else { "page.html" }, context, page.source.clone())
        }
    }
}
