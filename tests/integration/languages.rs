//! `language` and `[[languages]]` in `site.toml` are real language tags, with the tag meant.

use crate::common::signpost;
use serde_json::Value;
use std::path::Path;

/// A starter site whose `site.toml` has `edit` applied.
fn site_with(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    assert!(signpost().arg("init").arg(&site).output().unwrap().status.success());
    let config = site.join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, edit(&text)).unwrap();
    parent
}

/// Exit code and the `language-tag` findings of `signpost check`.
fn language_findings(parent: &Path) -> (i32, Vec<Value>) {
    let output = signpost()
        .args(["check", "--format", "json", "--root"])
        .arg(parent.join("site"))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "language-tag")
        .cloned()
        .collect();
    (output.status.code().unwrap_or(-1), found)
}

fn line_of(parent: &Path, needle: &str) -> u64 {
    let text = std::fs::read_to_string(parent.join("site/site.toml")).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1
}

#[test]
fn a_language_name_instead_of_a_tag_is_an_error_with_the_tag_meant() {
    let parent = site_with(|text| text.replace("language = \"en-GB\"", "language = \"english\""));
    let (code, found) = language_findings(parent.path());
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["file"], "site.toml");
    assert_eq!(found[0]["line"].as_u64(), Some(line_of(parent.path(), "language = \"english\"")));
    assert!(
        found[0]["suggestion"].as_str().unwrap().contains("Did you mean `en-GB`?"),
        "{}",
        found[0]
    );
}

#[test]
fn a_translation_language_is_checked_at_its_own_line() {
    let parent = site_with(|text| {
        format!("{text}\n[[languages]]\ntag = \"pl\"\nname = \"Polski\"\n\n[[languages]]\ntag = \"en_GB\"\nname = \"English\"\n")
    });
    let (code, found) = language_findings(parent.path());
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "pl is a real tag; only en_GB is wrong: {found:?}");
    assert_eq!(found[0]["line"].as_u64(), Some(line_of(parent.path(), "tag = \"en_GB\"")));
    assert!(found[0]["suggestion"].as_str().unwrap().contains("`en-GB`"), "{}", found[0]);
}

#[test]
fn real_tags_pass() {
    let parent = site_with(|text| {
        format!("{text}\n[[languages]]\ntag = \"pl\"\nname = \"Polski\"\n\n[[languages]]\ntag = \"ur\"\nname = \"اردو\"\n")
    });
    let (_, found) = language_findings(parent.path());
    assert!(found.is_empty(), "{found:?}");
}
