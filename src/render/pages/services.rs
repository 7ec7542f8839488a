//! The service directory, `/services/`: `services.html`.

use super::Filled;
use crate::content::SERVICES_URL;
use crate::render::Renderer;
use crate::render::views::{CategoryView, PageView};
use tera::Context;

impl Renderer<'_> {
    /// Fills the directory's page: every category and the ways to browse.
    pub(super) fn services_page(&self, mut context: Context) -> Filled {
        let config = &self.site.config;
        let categories: Vec<CategoryView<'_>> = config.categories.iter().map(|c| self.category_summary(c)).collect();
        context.insert(
            "page",
            &PageView::generated(
                "services",
                self.theme.string("services_title"),
                Some(self.theme.string("services_summary")),
                SERVICES_URL,
                config,
            ),
        );
        context.insert("categories", &categories);
        context.insert("browse_links", &self.browse_links());
        context.insert("breadcrumbs", &self.breadcrumbs(SERVICES_URL));
        Filled::generated("services.html", context)
    }
}
