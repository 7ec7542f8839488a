//! The glossary, `/glossary/`: `glossary.html`.

use super::Filled;
use crate::content::{GLOSSARY_URL, slugify};
use crate::render::Renderer;
use crate::render::views::GlossaryView;
use tera::Context;

impl Renderer<'_> {
    /// Fills the glossary's page: every term, with its anchor, long form and meaning.
    pub(super) fn glossary_page(&self, mut context: Context) -> Filled {
        let terms: Vec<GlossaryView<'_>> = (self.site.glossary.iter())
            .map(|t| GlossaryView {
                id: slugify(&t.term),
                term: &t.term,
                stands_for: t.stands_for.as_deref(),
                meaning: &t.meaning,
            })
            .collect();
        context.insert("page", &self.theme_page("glossary", "glossary", GLOSSARY_URL));
        context.insert("glossary", &terms);
        context.insert("breadcrumbs", &self.breadcrumbs(GLOSSARY_URL));
        Filled::generated("glossary.html", context)
    }
}
