//! `[search]` in `site.toml`: where the search index goes and how the browser bundle is cut up.

use serde::Deserialize;

/// Settings for site search.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Build the search index and the browser search bundle (default: true).
    #[serde(default = "default_enabled")]
    pub enabled: bool,
    /// Folder for the tantivy index, relative to the site folder (default: `search-index`).
    #[serde(default = "default_index_dir")]
    pub index_dir: String,
    /// Largest piece of the browser index, in KiB before compression: smaller pieces mean fewer
    /// bytes per search but more files.
    #[serde(default = "default_shard_kb")]
    pub shard_kb: usize,
    /// How many results' details share one file in the browser bundle.
    #[serde(default = "default_docs_per_file")]
    pub docs_per_file: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            enabled: default_enabled(),
            index_dir: default_index_dir(),
            shard_kb: default_shard_kb(),
            docs_per_file: default_docs_per_file(),
        }
    }
}

fn default_enabled() -> bool {
    true
}
fn default_index_dir() -> String {
    "search-index".to_string()
}
fn default_shard_kb() -> usize {
    12
}
fn default_docs_per_file() -> usize {
    8
}
