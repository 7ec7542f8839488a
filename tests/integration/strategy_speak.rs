//! Strategy-speak fails the build: every passage of council strategy prose quoted in
//! tests/fixtures/plain-language/strategy-passages.yaml (from the five seed documents), added to a
//! new site as a page, gets at least one error; the plain rewrite of each gets no finding at all.

use crate::common::*;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// One quoted passage and its plain rewrite.
#[derive(Debug, Deserialize)]
struct Passage {
    /// The seed document it is quoted from.
    source: String,
    /// The words as the document has them.
    passage: String,
    /// The same meaning in plain words.
    rewrite: String,
}

fn passages() -> Vec<Passage> {
    let text = std::fs::read_to_string(fixture("plain-language").join("strategy-passages.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\nsummary: What the council plans to do.\nlast_reviewed: 2026-10-01\nowner: SEND team\n---\n\n{body}\n")
}

/// A new site from `signpost init` with each passage as `content/passage-N.md` and each rewrite
/// as `content/rewrite-N.md`, checked with `--format json`.
fn check_passages(all: &[Passage]) -> Value {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    assert!(signpost().arg("init").arg(&site).output().unwrap().status.success());
    for (n, passage) in all.iter().enumerate() {
        std::fs::write(site.join(format!("content/passage-{n}.md")), page("Our plan", &passage.passage)).unwrap();
        std::fs::write(site.join(format!("content/rewrite-{n}.md")), page("Our plan", &passage.rewrite)).unwrap();
    }
    let output = signpost()
        .args(["check", "--format", "json", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the passages must fail the check");
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

fn of_file<'a>(report: &'a Value, file: &str) -> Vec<&'a Value> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == file)
        .collect()
}

#[test]
fn the_passages_come_from_all_five_seed_documents() {
    let all = passages();
    assert!(all.len() >= 10, "at least ten passages, got {}", all.len());
    let documents: BTreeSet<&str> = all.iter().filter_map(|p| p.source.split(':').next()).collect();
    assert_eq!(documents.len(), 5, "{documents:?}");
    for passage in &all {
        assert!(
            !passage.passage.trim().is_empty() && !passage.rewrite.trim().is_empty(),
            "{passage:?}"
        );
    }
}

#[test]
fn every_strategy_passage_gets_an_error_and_no_rewrite_gets_a_finding() {
    let all = passages();
    let report = check_passages(&all);
    let mut problems = Vec::new();
    for (n, passage) in all.iter().enumerate() {
        let found = of_file(&report, &format!("content/passage-{n}.md"));
        if !found.iter().any(|d| d["severity"] == "error") {
            problems.push(format!("passage {n} from {} gets no error: {found:?}", passage.source));
        }
        for finding in of_file(&report, &format!("content/rewrite-{n}.md")) {
            problems.push(format!(
                "the rewrite of passage {n} gets {}: {}",
                finding["rule"], finding["message"]
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
