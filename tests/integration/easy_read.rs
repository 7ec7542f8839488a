//! Easy-read versions of pages: pairing and links, required and out-of-date versions, the picture
//! library, every easy-read rule (firing and not firing, with line and column), and the layout.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The good easy-read fixture site.
fn site() -> PathBuf {
    fixture("easy-read/site")
}

/// A copy of the good site with the broken pages laid over it.
fn broken_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&site(), dir.path());
    copy_tree(&fixture("easy-read/broken"), dir.path());
    dir
}

/// Runs `signpost check --format json` and returns every finding as (rule, file, line, column, severity).
fn findings(root: &Path) -> Vec<(String, String, u64, u64, String)> {
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    report["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn has(found: &[(String, String, u64, u64, String)], rule: &str, file: &str, line: u64, column: u64) -> bool {
    found
        .iter()
        .any(|(r, f, l, c, _)| r == rule && f == file && *l == line && *c == column)
}

fn rules_in(found: &[(String, String, u64, u64, String)], file: &str) -> Vec<String> {
    found.iter().filter(|f| f.1 == file).map(|f| f.0.clone()).collect()
}

fn build_good() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let assert = signpost()
        .args(["build", "--root"])
        .arg(site())
        .arg("--output")
        .arg(out.path().join("public"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("0 errors, 0 warnings"), "{stderr}");
    out
}

#[test]
fn a_good_easy_read_page_passes_every_rule() {
    let found = findings(&site());
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn both_versions_are_published_and_link_to_each_other_in_the_same_place() {
    let out = build_good();
    let public = out.path().join("public");
    let full = read(&public, "advice/travel/index.html");
    let easy = read(&public, "advice/travel/easy-read/index.html");
    assert!(
        full.contains(r#"<link rel="alternate" href="/advice/travel/easy-read/" title="Easy read version">"#),
        "{full}"
    );
    assert!(
        easy.contains(r#"<link rel="alternate" href="/advice/travel/" title="Full version">"#),
        "{easy}"
    );
    let full_link =
        r#"<p class="alternate-version alternate-version--easy-read"><a href="/advice/travel/easy-read/">Easy read version</a></p>"#;
    let easy_link = r#"<p class="alternate-version"><a href="/advice/travel/">Full version</a></p>"#;
    assert!(full.contains(full_link), "{full}");
    assert!(easy.contains(easy_link), "{easy}");
    // The same place: the first thing in <main>, before the heading.
    for (html, link) in [(&full, full_link), (&easy, easy_link)] {
        let main = html.find("<main").unwrap();
        let link_at = html.find(link).unwrap();
        let h1 = html.find("<h1>").unwrap();
        assert!(main < link_at && link_at < h1);
    }
    // The easy-read version is not listed as a page of its own in the section.
    assert!(!read(&public, "advice/index.html").contains("/advice/travel/easy-read/"));
}

#[test]
fn the_easy_read_index_lists_every_easy_read_page_and_the_home_page_links_to_it() {
    let out = build_good();
    let public = out.path().join("public");
    let index = read(&public, "easy-read/index.html");
    assert!(
        index.contains(r#"<a href="/advice/travel/easy-read/">Getting to school</a>"#),
        "{index}"
    );
    assert!(index.contains(r#"<a href="/">Full version</a>"#));
    assert!(read(&public, "index.html").contains(r#"<a href="/easy-read/">Easy read version</a>"#));
}

#[test]
fn each_point_has_its_picture_before_its_words() {
    let out = build_good();
    let easy = read(&out.path().join("public"), "advice/travel/easy-read/index.html");
    let point = easy.find(r#"<li class="easy-read__point">"#).expect("a point");
    let picture = easy[point..]
        .find(r#"class="easy-read__picture"><img src="/assets/easy-read/house."#)
        .expect("picture")
        + point;
    let words = easy[point..]
        .find(r#"class="easy-read__words"><p>You may get free travel"#)
        .expect("words")
        + point;
    assert!(picture < words, "the picture comes first in the HTML");
    assert!(easy.contains(r#"alt="A house""#));
    // Each line of a point is a line of its own.
    assert!(easy.contains("to school.<br />\nAsk us about it."), "{easy}");
    // The stylesheet for easy read is linked, with its hashed name.
    assert!(easy.contains(r#"<link rel="stylesheet" href="/assets/easy-read."#));
}

#[test]
fn easy_read_pages_have_a_glossary_and_the_easy_read_help_block() {
    let out = build_good();
    let public = out.path().join("public");
    let easy = read(&public, "advice/travel/easy-read/index.html");
    assert!(easy.contains(r#"<dt id="easy-read-word-mediation">Mediation</dt>"#), "{easy}");
    assert!(!easy.contains("easy-read-word-ehcp"), "only words used on the page");
    assert!(easy.contains("Free help and advice for you and your family."));
    let full = read(&public, "advice/travel/index.html");
    assert!(full.contains("Free, impartial advice about special educational needs."));
    assert!(!full.contains("Free help and advice for you and your family."));
}

#[test]
fn every_easy_read_rule_fires_at_its_sentence() {
    let dir = broken_site();
    let found = findings(dir.path());
    let bad = "content/bad.easy.md";
    let expected = [
        ("easy-read-you", 7, 1),
        ("easy-read-sentence", 7, 43),
        ("easy-read-same-picture", 8, 3),
        ("easy-read-acronym", 8, 51),
        ("image-alt", 9, 3),
        ("easy-read-number", 9, 44),
        ("easy-read-unknown-picture", 10, 3),
        ("easy-read-date", 10, 59),
        ("easy-read-picture", 11, 1),
        ("easy-read-too-long", 11, 1),
        ("easy-read-idiom", 12, 51),
        ("easy-read-same-picture", 13, 3),
        ("easy-read-italics", 13, 59),
        ("easy-read-hard-word", 13, 68),
    ];
    for (rule, line, column) in expected {
        assert!(
            has(&found, rule, bad, line, column),
            "{rule} at {line}:{column} in {:?}",
            rules_in(&found, bad)
        );
    }
    // Nothing fires on the good page beside it.
    assert!(rules_in(&found, "content/advice/travel.easy.md").is_empty(), "{found:?}");
}

#[test]
fn one_idea_keeps_one_picture_across_the_site() {
    let dir = broken_site();
    let output = signpost().args(["check", "--root"]).arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("\"A friendly helper\" has the picture /assets/easy-read/house.svg here, but /assets/easy-read/help.svg in content/advice/travel.easy.md (line 11)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the picture library has /assets/easy-read/phone.svg for `phone`"),
        "{stderr}"
    );
}

#[test]
fn the_picture_library_keeps_one_picture_for_each_idea() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&site(), dir.path());
    let library = dir.path().join("content/easy-read-pictures.yaml");
    let mut text = std::fs::read_to_string(&library).unwrap();
    text.push_str("- concept: phone\n  picture: /assets/easy-read/question.svg\n- concept: home\n  picture: /assets/easy-read/house.svg\n");
    std::fs::write(&library, text).unwrap();
    let found = findings(dir.path());
    let file = "content/easy-read-pictures.yaml";
    assert!(has(&found, "easy-read-picture-library", file, 12, 3), "{found:?}");
    assert!(has(&found, "easy-read-picture-library", file, 14, 3), "{found:?}");

    std::fs::remove_file(&library).unwrap();
    let found = findings(dir.path());
    assert!(has(&found, "easy-read-picture-library", file, 0, 0), "{found:?}");
}

#[test]
fn missing_orphaned_and_out_of_date_versions_are_reported() {
    let dir = broken_site();
    let found = findings(dir.path());
    let severity = |rule: &str| found.iter().find(|f| f.0 == rule).map(|f| f.4.clone()).unwrap_or_default();
    assert!(has(&found, "easy-read-missing", "content/advice/parking.md", 1, 1), "{found:?}");
    assert_eq!(severity("easy-read-missing"), "error", "site.toml says missing = \"error\"");
    assert!(
        has(&found, "easy-read-out-of-date", "content/advice/money.easy.md", 4, 1),
        "{found:?}"
    );
    assert_eq!(severity("easy-read-out-of-date"), "warning");
    assert!(has(&found, "easy-read-orphan", "content/lonely.easy.md", 1, 1), "{found:?}");
    // Pages with an up-to-date easy-read version, or not required to have one, are not reported.
    assert!(
        !found
            .iter()
            .any(|f| f.0 == "easy-read-missing" && f.1 != "content/advice/parking.md")
    );
    assert!(
        !found
            .iter()
            .any(|f| f.0 == "easy-read-out-of-date" && f.1 != "content/advice/money.easy.md")
    );
}

#[test]
fn a_missing_version_can_be_a_warning_or_off() {
    let dir = broken_site();
    let config = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("missing = \"error\"", "missing = \"warning\"")).unwrap();
    let found = findings(dir.path());
    assert!(found.iter().any(|f| f.0 == "easy-read-missing" && f.4 == "warning"), "{found:?}");
    std::fs::write(&config, text.replace("missing = \"error\"", "missing = \"off\"")).unwrap();
    assert!(!findings(dir.path()).iter().any(|f| f.0 == "easy-read-missing"));
}

#[test]
fn a_service_can_have_an_easy_read_summary_which_is_checked() {
    let out = build_good();
    let service = read(&out.path().join("public"), "services/speech-therapy/index.html");
    assert!(
        service.contains("<h2 id=\"easy-read-summary-heading\">In easy read</h2>"),
        "{service}"
    );
    assert!(service.contains("<p>We help children who find it hard to talk. You can phone us.</p>"));

    let dir = tempfile::tempdir().unwrap();
    copy_tree(&site(), dir.path());
    let file = dir.path().join("content/services/health.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("You can phone us.", "Ask your GP.")).unwrap();
    let found = findings(dir.path());
    assert!(has(&found, "easy-read-acronym", "content/services/health.yaml", 5, 3), "{found:?}");
}
