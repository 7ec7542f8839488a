//! `[search]` in `site.toml`: where the search index goes and how the browser bundle is cut up.

use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
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
    /// Use the lay, outdated and misspelt SEND words built into Signpost (default: true). The
    /// site's `content/search-synonyms.yaml` is used either way.
    #[serde(default = "default_enabled")]
    pub built_in_terms: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            enabled: default_enabled(),
            index_dir: default_index_dir(),
            shard_kb: default_shard_kb(),
            docs_per_file: default_docs_per_file(),
            built_in_terms: default_enabled(),
        }
    }
}

impl SearchConfig {
    /// Checks `index_dir`: the folder is deleted and replaced on every build, so it must be a
    /// plain folder inside the site folder and none of the site's own.
    pub(super) fn validate(&self, text: &str) -> Vec<Diagnostic> {
        let Some(problem) = index_dir_problem(&self.index_dir) else {
            return Vec::new();
        };
        let (line, column) = super::find_key(text, "index_dir");
        vec![
            Diagnostic::error(
                super::CONFIG_FILE,
                line,
                column,
                Rule::CONFIG_VALUE,
                format!("[search] index_dir `{}` {problem}", self.index_dir),
            )
            .with_suggestion(
                "Signpost deletes and rewrites this folder on every build. Use a folder of its own inside the site folder, such as index_dir = \"search-index\".",
            ),
        ]
    }
}

/// Why `index_dir` cannot hold the search index, if it cannot.
pub(super) fn index_dir_problem(index_dir: &str) -> Option<String> {
    let value = index_dir.trim().replace('\\', "/");
    if value.is_empty() {
        return Some("is empty, which would be the site folder itself".to_string());
    }
    let path = std::path::Path::new(&value);
    if path.has_root() || path.is_absolute() || value.as_bytes().get(1) == Some(&b':') {
        return Some("is not inside the site folder: write a folder name relative to it".to_string());
    }
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            std::path::Component::Normal(part) => parts.push(part.to_string_lossy().to_lowercase()),
            std::path::Component::CurDir => {}
            _ => return Some("climbs out of the site folder with `..`".to_string()),
        }
    }
    let Some(first) = parts.first() else {
        return Some("is the site folder itself".to_string());
    };
    let own = crate::output::guard::SOURCE_FOLDERS
        .iter()
        .chain(&["public", "report", super::CONFIG_FILE, crate::serve::PREVIEW_FOLDER])
        .find(|name| first == *name);
    own.map(|name| format!("is the site's own `{name}`, which Signpost must not replace"))
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

#[cfg(test)]
mod tests {
    use super::index_dir_problem;

    #[test]
    fn index_dir_must_be_a_plain_folder_inside_the_site() {
        for good in ["search-index", "build/index", "./idx"] {
            assert_eq!(index_dir_problem(good), None, "{good}");
        }
        for (bad, expected) in [
            ("", "empty"),
            ("  ", "empty"),
            (".", "site folder itself"),
            ("/abs", "not inside"),
            ("C:\\index", "not inside"),
            ("../other", "climbs out"),
            ("idx/../../x", "climbs out"),
            ("content", "`content`"),
            ("Content/advice", "`content`"),
            ("assets", "`assets`"),
            ("public", "`public`"),
            ("themes\\default", "`themes`"),
            ("site.toml", "`site.toml`"),
        ] {
            let problem = index_dir_problem(bad).unwrap_or_default();
            assert!(problem.contains(expected), "{bad:?}: {problem:?}");
        }
    }
}
