//! Plain-language checks end to end: a passage written the way council strategies often are gets
//! the expected findings in JSON, and its plain rewrite passes.

use crate::common::*;
use serde_json::Value;

/// A new site from `signpost init` (its glossary has SEND but not EHCP) with one extra page
/// taken from tests/fixtures/plain-language/.
fn site_with_page(page: &str) -> tempfile::TempDir {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    let status = signpost().arg("init").arg(&site).output().unwrap().status;
    assert!(status.success());
    std::fs::copy(fixture("plain-language").join(page), site.join("content/strategy.md")).unwrap();
    parent
}

fn check_with_page(page: &str) -> (i32, Value) {
    let parent = site_with_page(page);
    let site = parent.path().join("site");
    let output = signpost()
        .args(["check", "--format", "json", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    (output.status.code().unwrap_or(-1), report)
}

/// (rule, severity, line, column) of the findings in the strategy page.
fn findings(report: &Value) -> Vec<(String, String, u64, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "content/strategy.md")
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["severity"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn a_council_strategy_passage_gets_pointed_findings() {
    let (code, report) = check_with_page("strategy.md");
    assert_eq!(code, 1, "a 53-word sentence is an error: {report}");
    // Lines and columns checked by hand against tests/fixtures/plain-language/strategy.md.
    let expected: Vec<(String, String, u64, u64)> = [
        ("sentence-too-long", "error", 10, 1),
        // Strategy-speak is an error, found in its derived forms ("collaboratively").
        ("word-to-avoid", "error", 10, 38),
        ("word-to-avoid", "error", 10, 63),
        ("word-to-avoid", "warning", 10, 76),
        ("word-to-avoid", "error", 10, 88),
        ("word-to-avoid", "error", 10, 101),
        ("word-to-avoid", "error", 10, 123),
        ("word-to-avoid", "warning", 10, 187),
        ("unexplained-acronym", "warning", 10, 246),
        ("passive-voice", "warning", 10, 329),
        ("ampersand", "warning", 12, 9),
        ("passive-voice", "warning", 12, 23),
        ("word-to-avoid", "error", 12, 89),
    ]
    .iter()
    .map(|(r, s, l, c)| (r.to_string(), s.to_string(), *l, *c))
    .collect();
    let mut got = findings(&report);
    got.sort_by_key(|f| (f.2, f.3));
    assert_eq!(got, expected, "{report}");
    let items = report["diagnostics"].as_array().unwrap();
    let acronym = items.iter().find(|d| d["rule"] == "unexplained-acronym").unwrap();
    assert!(acronym["message"].as_str().unwrap().contains("\"EHCP\""), "{acronym}");
    assert!(acronym["suggestion"].as_str().unwrap().contains("glossary"), "{acronym}");
    let robust = items
        .iter()
        .find(|d| d["message"].as_str().unwrap_or("").contains("\"robust\""))
        .unwrap();
    assert!(robust["suggestion"].as_str().unwrap().starts_with("Instead, write:"), "{robust}");
}

#[test]
fn its_plain_rewrite_passes() {
    let (code, report) = check_with_page("plain.md");
    assert_eq!(findings(&report), Vec::new(), "{report}");
    assert_eq!(code, 0, "{report}");
}

#[test]
fn github_format_carries_plain_language_findings() {
    let parent = site_with_page("strategy.md");
    let output = signpost()
        .args(["check", "--format", "github", "--root"])
        .arg(parent.path().join("site"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("::error file=content/strategy.md,line=10,col=1,title=sentence-too-long::"),
        "{text}"
    );
}
