//! The search page, `/search/`: a form that works without JavaScript (it lists the ways to browse),
//! and that `search.js` turns into live search over the static bundle.

use super::Renderer;
use super::views::{CategoryView, PageView};
use crate::content::{Need, SourceRef};
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
    /// Fills `context` for the search page at `url`, in `language` (`None`: the main language,
    /// else a `[[languages]]` tag: that language's pages are searched first, then the rest);
    /// returns its template and source.
    pub(super) fn render_search(&self, language: Option<&str>, url: &str, context: &mut Context) -> (&'static str, SourceRef) {
        let config = &self.site.config;
        let categories: Vec<CategoryView<'_>> = config.categories.iter().map(|c| self.category_summary(c)).collect();
        let strings = language
            .and_then(|tag| self.language_strings.get(tag))
            .unwrap_or(&self.theme.strings);
        let string = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
        context.insert(
            "page",
            &PageView::generated("search", string("search_title"), Some(string("search_summary")), url, config),
        );
        context.insert("categories", &categories);
        context.insert("search_needs", &search_needs(strings));
        context.insert("search_localities", &self.search_localities());
        context.insert("breadcrumbs", &self.breadcrumbs(url));
        context.insert("search_language", &language);
        (
            "search.html",
            SourceRef {
                file: "templates/search.html".to_string(),
                line: 0,
                column: 0,
            },
        )
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

/// The needs to filter by, named by the `need_<id>` strings, without `all`.
fn search_needs(strings: &BTreeMap<String, String>) -> Vec<NeedOption> {
    Need::ALL
        .iter()
        .filter(|need| **need != Need::All)
        .map(|need| NeedOption {
            id: need.id(),
            name: strings.get(&format!("need_{}", need.id())).cloned().unwrap_or_default(),
        })
        .filter(|option| !option.name.is_empty())
        .collect()
}
