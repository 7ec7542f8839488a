//! `signpost search`: queries the site's index from the command line and prints the results.

use super::query::{Filters, Hit, SearchIndex};
use crate::config::{SearchConfig, SiteConfig};
use std::fmt::Write;
use std::path::Path;

/// How to print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One result a line: score, title, address.
    Human,
    /// A JSON document: `{"query": …, "results": [{url, title, summary, category, easy_read, score}]}`.
    Json,
}

/// Searches the index of the site in `root`; returns the text to print, or a message for an error.
pub fn run(root: &Path, query: &str, filters: &Filters, limit: usize, output: Output) -> Result<String, String> {
    run_in(root, query, None, filters, limit, output)
}

/// [`run`], searching the pages in `language` (a `[[languages]]` tag) first, then the rest.
pub fn run_in(root: &Path, query: &str, language: Option<&str>, filters: &Filters, limit: usize, output: Output) -> Result<String, String> {
    let index_dir = SiteConfig::load(root)
        .map(|config| config.search.index_dir)
        .unwrap_or_else(|_| SearchConfig::default().index_dir);
    let folder = root.join(index_dir);
    if !folder.join("meta.json").is_file() {
        return Err(format!(
            "There is no search index in {}. Build the site first with: signpost build --root {}",
            folder.display(),
            root.display()
        ));
    }
    let index = SearchIndex::open(&folder)?;
    let hits = match language {
        None => answer(&index, query, filters, limit)?,
        Some(tag) => {
            let own_folder = folder.join(super::LANGUAGES_DIR).join(tag);
            if !own_folder.join("meta.json").is_file() {
                return Err(format!(
                    "There is no search index for the language `{tag}` in {}. List it under [[languages]] in site.toml and build the site.",
                    own_folder.display()
                ));
            }
            answer_in_language(&SearchIndex::open(&own_folder)?, &index, query, filters, limit)?
        }
    };
    Ok(match output {
        Output::Json => json(query, &hits),
        Output::Human => human(&hits),
    })
}

/// The best `limit` results for `query` in an open index, as `signpost search` finds them (a query
/// not ending in a space is taken as still being typed, so its last word may be a prefix).
pub fn answer(index: &SearchIndex, query: &str, filters: &Filters, limit: usize) -> Result<Vec<Hit>, String> {
    let typing = !query.ends_with(char::is_whitespace);
    index
        .search(query, filters, typing, limit)
        .map_err(|e| format!("The search failed: {e}"))
}

/// The best results for `query` in a language's own index first, then the main index's, at most
/// `limit` in all (as the search page in that language shows them).
pub fn answer_in_language(own: &SearchIndex, main: &SearchIndex, query: &str, filters: &Filters, limit: usize) -> Result<Vec<Hit>, String> {
    let mut hits = answer(own, query, filters, limit)?;
    let rest = limit.saturating_sub(hits.len());
    hits.extend(answer(main, query, filters, rest)?);
    Ok(hits)
}

/// The JSON document of `--format json`: `{"query": …, "results": [{url, title, summary, category, easy_read, score}]}`.
pub fn json_value(query: &str, hits: &[Hit]) -> serde_json::Value {
    serde_json::json!({ "query": query, "results": hits })
}

fn json(query: &str, hits: &[Hit]) -> String {
    format!("{}\n", serde_json::to_string_pretty(&json_value(query, hits)).unwrap_or_default())
}

fn human(hits: &[Hit]) -> String {
    if hits.is_empty() {
        return "No results.\n".to_string();
    }
    let mut out = String::new();
    for hit in hits {
        let tags: Vec<&str> = hit
            .category
            .as_deref()
            .into_iter()
            .chain(hit.easy_read.then_some("easy read"))
            .collect();
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" ({})", tags.join(", "))
        };
        let _ = writeln!(out, "{:>8.3}  {}{tags}\n          {}", hit.score, hit.title, hit.url);
    }
    out
}
