//! The page for addresses that do not exist, `/404.html`: `404.html`.

use super::Filled;
use crate::render::Renderer;
use crate::render::routes::NOT_FOUND_URL;
use crate::render::views::{Crumb, PageView};
use tera::Context;

impl Renderer<'_> {
    /// Fills the "page not found" page (it has no trail).
    pub(super) fn not_found_page(&self, mut context: Context) -> Filled {
        context.insert(
            "page",
            &PageView::generated(
                "not-found",
                self.theme.string("not_found_title"),
                Some(self.theme.string("not_found_summary")),
                NOT_FOUND_URL,
                &self.site.config,
            ),
        );
        context.insert("breadcrumbs", &Vec::<Crumb>::new());
        Filled::generated("404.html", context)
    }
}
