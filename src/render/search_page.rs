//! The search page, `/search/`: a form that works without JavaScript (it lists the ways to browse),
//! and that `search.js` turns into live search over the static bundle.

use super::Renderer;
use super::views::{CategoryView, PageView};
use crate::content::{Need, SourceRef};
use crate::search::SEARCH_URL;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;

/// A need in the search page's need filter.
#[derive(Serialize)]
struct NeedOption {
    /// Its id, the filter's value.
    id: &'static str,
    /// Its name, as shown.
    name: String,
}

impl Renderer<'_> {
    /// Fills `context` for the search page; returns its template and source.
    pub(super) fn render_search(&self, context: &mut Context) -> (&'static str, SourceRef) {
        let config = &self.site.config;
        let categories: Vec<CategoryView<'_>> = config.categories.iter().map(|c| self.category_view(c)).collect();
        let title = self.theme.string("search_title");
        let summary = self.theme.string("search_summary");
        context.insert("page", &PageView::generated("search", title, Some(summary), SEARCH_URL, config));
        context.insert("categories", &categories);
        context.insert("search_needs", &self.search_needs());
        context.insert("search_localities", &self.search_localities());
        context.insert("breadcrumbs", &self.breadcrumbs(SEARCH_URL));
        (
            "search.html",
            SourceRef {
                file: "templates/search.html".to_string(),
                line: 0,
                column: 0,
            },
        )
    }

    /// The needs to filter by, named by the theme's `need_<id>` strings, without `all`.
    fn search_needs(&self) -> Vec<NeedOption> {
        Need::ALL
            .iter()
            .filter(|need| **need != Need::All)
            .map(|need| NeedOption {
                id: need.id(),
                name: self.theme.string(&format!("need_{}", need.id())).to_string(),
            })
            .filter(|option| !option.name.is_empty())
            .collect()
    }

    /// Every locality a service names, as first written, sorted without regard to case.
    fn search_localities(&self) -> Vec<String> {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for service in &self.site.services {
            let places = std::iter::once(&service.record.place).chain(service.record.locations.iter());
            for locality in places
                .filter_map(|p| p.locality.as_deref())
                .map(str::trim)
                .filter(|l| !l.is_empty())
            {
                seen.entry(locality.to_lowercase()).or_insert_with(|| locality.to_string());
            }
        }
        seen.into_values().collect()
    }
}
