//! A category of the service directory: `category.html`.

use super::Filled;
use crate::config::CategoryConfig;
use crate::content::SERVICES_URL;
use crate::render::views::{Crumb, PageView};
use crate::render::{Renderer, open_now};
use tera::Context;

impl<'a> Renderer<'a> {
    /// Fills the page of `category` at `url`: its services, the filters and the school terms.
    pub(super) fn category_page(&self, category: &'a CategoryConfig, url: &str, mut context: Context) -> Filled {
        let view = self.category_view(category);
        context.insert(
            "page",
            &PageView::generated("category", &category.name, Some(&category.description), url, &self.site.config),
        );
        context.insert("category", &view);
        context.insert("filter_options", &self.filter_options(&category.id));
        context.insert("school_terms", &open_now::terms_text(&self.terms));
        let mut crumbs = self.breadcrumbs(SERVICES_URL);
        crumbs.push(Crumb {
            title: self.theme.string("services_title").to_string(),
            url: SERVICES_URL.to_string(),
        });
        context.insert("breadcrumbs", &crumbs);
        Filled::generated("category.html", context)
    }
}
