//! Site search: the tantivy index through `signpost search`, and the static browser bundle (run in
//! Node through tests/browser/search-engine.mjs) agreeing with it.

use crate::common::{copy_tree, fixture, signpost};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Builds the search fixture into a temporary folder; returns (the folder guard, the site root).
fn built_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    copy_tree(&fixture("search"), &root);
    signpost().args(["build", "--root"]).arg(&root).assert().success();
    (dir, root)
}

/// The result addresses of `signpost search` (JSON), best first.
fn search(root: &Path, args: &[&str]) -> Vec<String> {
    let output = signpost()
        .args(["--format", "json", "search", "--root"])
        .arg(root)
        .args(args)
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
fn stemming_synonyms_typos_and_prefixes_find_what_families_mean() {
    let (_dir, root) = built_site();
    // stemming: "swims" and "swimming" share the stem "swim"
    assert_eq!(search(&root, &["swims "])[0], "/services/splash-club/");
    // lay terms: respite means short breaks; autism finds a service that only says ASC
    assert!(search(&root, &["respite "]).contains(&"/services/oak-house-short-breaks/".to_string()));
    assert_eq!(search(&root, &["autism "])[0], "/services/asc-parent-group/");
    // one typo in a word of 5+ letters, including swapped letters
    assert_eq!(search(&root, &["swiming "])[0], "/services/splash-club/");
    assert_eq!(search(&root, &["gadren "])[0], "/services/garden-club/");
    // but short words are taken as written
    assert!(search(&root, &["swm "]).is_empty());
    // prefix matching while typing (no space after the last word)
    assert_eq!(search(&root, &["gard"])[0], "/services/garden-club/");
    assert!(search(&root, &["gard "]).is_empty());
}

#[test]
fn title_matches_rank_above_body_matches() {
    let (_dir, root) = built_site();
    let hits = search(&root, &["garden "]);
    assert_eq!(hits, vec!["/services/garden-club/", "/services/saturday-art-sessions/"]);
}

#[test]
fn filters_narrow_by_category_age_locality_and_need() {
    let (_dir, root) = built_site();
    let all = search(&root, &["children "]);
    assert!(all.len() >= 3, "{all:?}");
    for url in search(&root, &["children ", "--category", "health"]) {
        assert!(
            ["/services/speech-therapy/", "/services/asc-parent-group/"].contains(&url.as_str()),
            "{url}"
        );
    }
    assert_eq!(
        search(&root, &["saturday ", "--age", "19"]),
        vec!["/services/saturday-art-sessions/"]
    );
    for url in search(&root, &["free ", "--locality", "northtown"]) {
        assert!(
            [
                "/services/speech-therapy/",
                "/services/oak-house-short-breaks/",
                "/services/saturday-art-sessions/"
            ]
            .contains(&url.as_str()),
            "{url}"
        );
    }
    // a need filter keeps services for that need, its broad area, or all needs
    let autism = search(&root, &["parents ", "--need", "autism"]);
    assert!(autism.contains(&"/services/asc-parent-group/".to_string()), "{autism:?}");
    assert!(search(&root, &["overnight ", "--need", "autism"]).is_empty());
}

#[test]
fn odd_queries_do_not_break_anything() {
    let (_dir, root) = built_site();
    assert!(search(&root, &[""]).is_empty());
    assert!(search(&root, &["?!.,;:'\"()[]{}<>/\\|@#~"]).is_empty());
    let long = "speech therapy ".repeat(70);
    assert!(!search(&root, &[&long[..1000]]).is_empty());
    signpost().args(["search", "respite", "--root"]).arg(&root).assert().success();
}

#[test]
fn search_without_an_index_says_how_to_make_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    copy_tree(&fixture("search"), &root);
    let output = signpost().args(["search", "x", "--root"]).arg(&root).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("signpost build"));
}

#[test]
fn the_static_bundle_is_byte_identical_across_builds() {
    let (_dir, root) = built_site();
    let first = crate::common::files_under(&root.join("public/search"));
    let bytes: Vec<Vec<u8>> = first
        .iter()
        .map(|f| std::fs::read(root.join("public/search").join(f)).expect("read"))
        .collect();
    signpost().args(["build", "--root"]).arg(&root).assert().success();
    let again: Vec<Vec<u8>> = first
        .iter()
        .map(|f| std::fs::read(root.join("public/search").join(f)).expect("read"))
        .collect();
    assert_eq!(bytes, again);
    assert!(
        first.contains(&"meta.json".to_string()) && first.contains(&"index.html".to_string()),
        "{first:?}"
    );
    assert!(root.join("search-index/meta.json").is_file());
    assert!(
        !std::fs::read_dir(&root)
            .expect("list")
            .any(|e| e.map(|e| e.file_name().to_string_lossy().starts_with(".tmp-")).unwrap_or(false))
    );
}

/// Runs the browser engine in Node; `None` when Node is not installed.
pub(crate) fn browser_engine(site: &Path, request: &serde_json::Value) -> Option<serde_json::Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/search-engine.mjs");
    let mut child = match Command::new("node")
        .arg(script)
        .arg(site)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(_) => {
            eprintln!("node is not installed: skipping the browser engine check");
            return None;
        }
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(request.to_string().as_bytes())
        .expect("write request");
    let output = child.wait_with_output().expect("node runs");
    assert!(output.status.success(), "node failed");
    Some(serde_json::from_slice(&output.stdout).expect("JSON from node"))
}

const QUERY_SET: &[&str] = &[
    "respite ",
    "short breaks ",
    "autism ",
    "speech therapy ",
    "speech and language therapy ",
    "swimming ",
    "swiming ",
    "gard",
    "garden ",
    "parents ",
    "ehcp ",
    "assessment ",
    "children ",
    "free ",
    "saturday club ",
    "wheelchair swimming ",
    "sendiass ",
    "help with school ",
    "overnight ",
    "painting ",
];

#[test]
fn the_browser_bundle_agrees_with_tantivy_on_the_top_five() {
    let (_dir, root) = built_site();
    let queries: Vec<serde_json::Value> = QUERY_SET
        .iter()
        .map(|q| serde_json::json!({ "q": q, "limit": 5, "typing": !q.ends_with(' ') }))
        .collect();
    let Some(browser) = browser_engine(&root.join("public"), &serde_json::json!({ "queries": queries })) else {
        return;
    };
    let mut agree = 0;
    for (i, query) in QUERY_SET.iter().enumerate() {
        let tantivy: Vec<String> = search(&root, &[query, "--limit", "5"]);
        let bundle: Vec<String> = browser["results"][i]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["url"].as_str().unwrap_or("").to_string())
            .collect();
        if tantivy == bundle {
            agree += 1;
        } else {
            eprintln!("{query:?}: tantivy {tantivy:?}, browser {bundle:?}");
        }
    }
    assert!(
        agree * 10 >= QUERY_SET.len() * 9,
        "only {agree} of {} queries agree",
        QUERY_SET.len()
    );
}

#[test]
fn the_browser_stemmer_matches_tantivys() {
    let (site, _) = signpost::content::load_site(&fixture("search"), false);
    let site = site.expect("the fixture loads");
    let mut pairs: Vec<(String, String)> = Vec::new();
    let (synonyms, _) = signpost::search::synonyms::load(&site);
    for doc in signpost::search::documents::collect(&site, &synonyms) {
        for text in [&doc.title, &doc.summary, &doc.headings, &doc.body, &doc.details, &doc.need_terms] {
            pairs.extend(signpost::search::analysis::words(text).into_iter().map(|w| (w.word, w.stem)));
        }
    }
    for word in [
        "generously",
        "communication",
        "hopping",
        "university",
        "happily",
        "running",
        "agreed",
        "disabilities",
        "therapies",
        "nationality",
        "organisation",
        "organization",
        "biologist",
        "dying",
        "inning",
        "proceed",
        "cried",
        "fluently",
        "skies",
        "hearing",
    ] {
        pairs.extend(signpost::search::analysis::words(word).into_iter().map(|w| (w.word, w.stem)));
    }
    pairs.sort();
    pairs.dedup();
    let words: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
    let Some(browser) = browser_engine(Path::new("."), &serde_json::json!({ "stems": words })) else {
        return;
    };
    let stems = browser["stems"].as_array().expect("stems");
    let differ: Vec<String> = pairs
        .iter()
        .zip(stems)
        .filter(|((_, rust), js)| js.as_str() != Some(rust.as_str()))
        .map(|((word, rust), js)| format!("{word}: {rust} / {js}"))
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} words stem differently: {differ:?}",
        differ.len(),
        pairs.len()
    );
}
