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
use crate::output::FileWriter;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The site address of the search page.
pub const SEARCH_URL: &str = "/search/";

/// The folder inside the index folder that holds each other language's index (`languages/pl/`).
pub const LANGUAGES_DIR: &str = "languages";

/// The site address of the search page in the language `tag`: `/pl/search/`.
pub fn search_url_in(tag: &str) -> String {
    format!("/{tag}{SEARCH_URL}")
}

/// What [`build`] made: the index and the bundle's files, kept.
#[derive(Debug)]
pub struct SearchBuild {
    /// The index, as [`write`] gives it.
    pub written: SearchWritten,
    /// The browser bundle's files, by path inside the output folder, sorted.
    pub files: Vec<(String, Vec<u8>)>,
}

/// What [`write`] made besides the bundle's files, which it handed over.
#[derive(Debug)]
pub struct SearchWritten {
    /// The new index, to be swapped in when the site is written.
    pub staged: StagedIndex,
    /// How many pages and services were indexed.
    pub documents: usize,
    /// The same index, open in memory and ready to answer searches.
    pub index: Arc<SearchIndex>,
}

/// The index folder of the site in `root`.
pub fn index_folder(root: &Path, site: &Site) -> PathBuf {
    root.join(&site.config.search.index_dir)
}

/// Indexes every page and service of `site` into a staging folder beside the index folder and
/// makes the browser bundle from it, keeping the bundle's files.
pub fn build(root: &Path, site: &Site, synonyms: &Synonyms) -> Result<SearchBuild, String> {
    let files = Mutex::new(Vec::new());
    let keep = |path: &str, bytes: &[u8]| {
        if let Ok(mut files) = files.lock() {
            files.push((path.to_string(), bytes.to_vec()));
        }
        Ok(())
    };
    let written = write(root, site, synonyms, &keep)?;
    let mut files = files.into_inner().unwrap_or_default();
    files.sort();
    Ok(SearchBuild { written, files })
}

/// [`build`], handing each file of the bundle to `out` as soon as it is made instead of keeping
/// them all (so a large site's bundle is never in memory whole). Stops at the first error `out`
/// returns.
pub fn write(root: &Path, site: &Site, synonyms: &Synonyms, out: &FileWriter<'_>) -> Result<SearchWritten, String> {
    let target = index_folder(root, site);
    let staged = StagedIndex::new(&target, crate::output::guard::Purpose::Index)
        .map_err(|e| format!("Cannot make a folder for the search index beside {}: {e}", target.display()))?;
    let failed = |e: tantivy::TantivyError| format!("Cannot build the search index in {}: {e}", staged.folder().display());
    // Each document is indexed as it is made; the bundle keeps only what results show and filters
    // use. Translated pages wait for their own language's index.
    let mut builder = index::IndexBuilder::new(analysis::Analysis::English).map_err(failed)?;
    let (mut docs, mut translated) = (Vec::new(), Vec::new());
    documents::each(site, synonyms, |mut doc| {
        if doc.language.is_some() {
            translated.push(doc);
            return Ok(());
        }
        builder.add(&doc)?;
        doc.keep_shown();
        docs.push(doc);
        Ok(())
    })
    .map_err(failed)?;
    let index = builder.finish(staged.folder()).map_err(failed)?;
    let groups = serde_json::to_vec(&synonyms.groups).unwrap_or_default();
    std::fs::write(staged.folder().join(query::SYNONYMS_JSON), groups)
        .map_err(|e| format!("Cannot write the search index in {}: {e}", staged.folder().display()))?;
    let searchable = SearchIndex::from_index(&index, synonyms.clone()).map_err(failed)?;
    let emit = |path: &str, bytes: &[u8]| out(path, bytes).map_err(|e| format!("Cannot write the search files: {e}"));
    bundle::write_files(bundle::BUNDLE_DIR, None, &searchable, &docs, &site.config.search, &emit)?;
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
        bundle::write_files(&bundle::language_dir(tag), Some(tag), &searchable, &own, &site.config.search, &emit)?;
    }
    Ok(SearchWritten {
        staged,
        documents: docs.len() + translated.len(),
        index: Arc::new(searchable),
    })
}
