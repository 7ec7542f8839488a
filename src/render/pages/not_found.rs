//! The page for addresses that do not exist, `/404.html`: `404.html`.

use super::Filled;
use crate::render::Renderer;
use crate::render::routes::NOT_FOUND_URL;
use crate::render::views::Crumb;
use tera::Context;

impl Renderer<'_> {
    /// Fills the "page not found" page (it has no trail).
    pub(super) fn not_found_page(&self, mut context: Context) -> Filled {
        context.insert("page", &self.theme_page("not-found", "not_found", NOT_FOUND_URL));
        context.insert("breadcrumbs", &Vec::<Crumb>::new());
        Filled::generated("404.html", context)
    }
}
