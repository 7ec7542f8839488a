//! Site search, prebuilt: a tantivy index in `search-index/` (for `signpost search` and
//! `signpost serve`) and, from the same analysis and scores, a static bundle under `/search/` in
//! the output that the theme's `search.js` reads with no server.
//!
//! [`analysis`] is the one text analysis, [`synonyms`] the lay terms, [`plan`] the query rules
//! both sides share, [`index`] the tantivy index, [`query`] searching it, [`bundle`] the static files.

pub mod analysis;
pub mod bundle;
pub mod cli;
pub mod documents;
pub mod index;
pub mod plan;
pub mod query;
pub mod synonyms;

pub use documents::SearchDoc;
pub use index::StagedIndex;
pub use query::{Filters, Hit, SearchIndex};
pub use synonyms::Synonyms;

use crate::content::Site;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The site address of the search page.
pub const SEARCH_URL: &str = "/search/";

/// The folder inside the index folder that holds each other language's index (`languages/pl/`).
pub const LANGUAGES_DIR: &str = "languages";

/// The site address of the search page in the language `tag`: `/pl/search/`.
pub fn search_url_in(tag: &str) -> String {
    format!("/{tag}{SEARCH_URL}")
}

/// What building search made: the index (staged beside its final folder) and the bundle's files.
#[derive(Debug)]
pub struct SearchBuild {
    /// The new index, to be swapped in when the site is written.
    pub staged: StagedIndex,
    /// The browser bundle's files, by path inside the output folder.
    pub files: Vec<(String, Vec<u8>)>,
    /// How many pages and services were indexed.
    pub documents: usize,
    /// The same index, open in memory and ready to answer searches (for `signpost serve`).
    pub index: Arc<SearchIndex>,
}

/// The index folder of the site in `root`.
pub fn index_folder(root: &Path, site: &Site) -> PathBuf {
    root.join(&site.config.search.index_dir)
}

/// Indexes every page and service of `site` into a staging folder beside the index folder and
/// makes the browser bundle from it.
pub fn build(root: &Path, site: &Site, synonyms: &Synonyms) -> Result<SearchBuild, String> {
    let target = index_folder(root, site);
    let staged = StagedIndex::new(&target, crate::output::guard::Purpose::Index)
        .map_err(|e| format!("Cannot make a folder for the search index beside {}: {e}", target.display()))?;
    let all_docs = documents::collect(site, synonyms);
    let (docs, translated): (Vec<SearchDoc>, Vec<SearchDoc>) = all_docs.into_iter().partition(|d| d.language.is_none());
    let failed = |e: tantivy::TantivyError| format!("Cannot build the search index in {}: {e}", staged.folder().display());
    let index = index::write(staged.folder(), &docs).map_err(failed)?;
    let groups = serde_json::to_vec(&synonyms.groups).unwrap_or_default();
    std::fs::write(staged.folder().join(query::SYNONYMS_JSON), groups)
        .map_err(|e| format!("Cannot write the search index in {}: {e}", staged.folder().display()))?;
    let searchable = SearchIndex::from_index(&index, synonyms.clone()).map_err(failed)?;
    let mut files = bundle::files(&searchable, &docs, &site.config.search).map_err(failed)?;
    // Each language the site lists gets its own index and bundle shard, even before any page is
    // translated, so its search page always has something to search.
    for language in &site.config.languages {
        let tag = language.tag();
        let own: Vec<SearchDoc> = translated
            .iter()
            .filter(|d| d.language.as_deref().is_some_and(|l| l.eq_ignore_ascii_case(tag)))
            .cloned()
            .collect();
        let folder = staged.folder().join(LANGUAGES_DIR).join(tag);
        let index = index::write_with(&folder, &own, analysis::Analysis::Plain).map_err(failed)?;
        let searchable = SearchIndex::from_index(&index, Synonyms::default()).map_err(failed)?;
        files.extend(bundle::language_files(tag, &searchable, &own, &site.config.search).map_err(failed)?);
    }
    files.sort();
    Ok(SearchBuild {
        staged,
        files,
        documents: docs.len() + translated.len(),
        index: Arc::new(searchable),
    })
}
