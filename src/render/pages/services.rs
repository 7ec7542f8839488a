//! The service directory, `/services/`: `services.html`.

use super::Filled;
use crate::content::SERVICES_URL;
use crate::render::Renderer;
use crate::render::views::CategoryView;
use tera::Context;

impl Renderer<'_> {
    /// Fills the directory's page: every category and the ways to browse.
    pub(super) fn services_page(&self, mut context: Context) -> Filled {
        let config = &self.site.config;
        let categories: Vec<CategoryView<'_>> = config.categories.iter().map(|c| self.category_summary(c)).collect();
        context.insert("page", &self.theme_page("services", "services", SERVICES_URL));
        context.insert("categories", &categories);
        context.insert("browse_links", &self.browse_links());
        context.insert("breadcrumbs", &self.breadcrumbs(SERVICES_URL));
        Filled::generated("services.html", context)
    }
}
