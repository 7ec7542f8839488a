//! A heading's `{#id}` attribute names the heading's address; it is not words on the page. The
//! search index (through `signpost search`) and the browser bundle's word list must not hold it.

use crate::common::{copy_tree, fixture, signpost};
use std::path::Path;

/// The result addresses of `signpost search` (JSON) for `query`.
fn found(root: &Path, query: &str) -> Vec<String> {
    let output = signpost()
        .args(["--format", "json", "search", "--root"])
        .arg(root)
        .arg(query)
        .output()
        .expect("signpost runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    value["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|hit| hit["url"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn heading_ids_are_not_indexed_as_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    copy_tree(&fixture("search"), &root);
    std::fs::write(
        root.join("content/getting-here.md"),
        "---\ntitle: Finding the centre\nsummary: How to find the Brockhurst centre.\nlast_reviewed: 2026-10-01\nowner: Local Offer team\n---\n\n## Getting there {#travel}\n\nTake the number 7 bus to Brockhurst Hall.\n",
    )
    .expect("write page");
    signpost().args(["build", "--root"]).arg(&root).assert().success();

    // The page is in the index, by its heading and its words.
    assert!(found(&root, "brockhurst").contains(&"/getting-here/".to_string()));
    assert!(found(&root, "getting").contains(&"/getting-here/".to_string()));
    // The id is not: the page is not found by it, and no word of the bundle is "travel".
    let by_id = found(&root, "travel");
    assert!(!by_id.contains(&"/getting-here/".to_string()), "{by_id:?}");
    let dict = std::fs::read_to_string(root.join("public/search/dict/t.json")).expect("the bundle's t words");
    assert!(!dict.contains("\"travel\""), "{dict}");
    let page = std::fs::read_to_string(root.join("public/getting-here/index.html")).expect("the page");
    assert!(page.contains("id=\"travel\""), "the heading keeps its id on the page");
}
