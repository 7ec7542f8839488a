//! The rule registry end to end: `signpost rules` lists every rule, and `[rules]` in `site.toml`
//! turns a rule off, makes a warning an error, and refuses unknown names and safety rules.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// A new site from `signpost init` with one page that has a passive sentence, and `rules` (the
/// lines of a `[rules]` table) at the end of its site.toml.
fn site_with_rules(rules: &str) -> tempfile::TempDir {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    assert!(signpost().arg("init").arg(&site).output().unwrap().status.success());
    std::fs::write(
        site.join("content/letters.md"),
        "---\ntitle: Letters about your plan\nsummary: What we send you and when.\nlast_reviewed: 2026-11-01\nowner: Local Offer team\n---\n\nA letter will be sent to you after the meeting.\n",
    )
    .unwrap();
    if !rules.is_empty() {
        let config = site.join("site.toml");
        let text = std::fs::read_to_string(&config).unwrap();
        std::fs::write(&config, format!("{text}\n[rules]\n{rules}")).unwrap();
    }
    parent
}

/// Exit code and JSON report of `signpost check` on the site in `parent`.
fn check(parent: &Path) -> (i32, Value) {
    let output = signpost()
        .args(["check", "--format", "json", "--root"])
        .arg(parent.join("site"))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    (output.status.code().unwrap_or(-1), report)
}

/// (rule, severity, file, line) of each finding.
fn findings(report: &Value) -> Vec<(String, String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or("").to_string();
            (text("rule"), text("severity"), text("file"), d["line"].as_u64().unwrap_or(0))
        })
        .collect()
}

fn passive(report: &Value) -> Vec<(String, String, String, u64)> {
    findings(report).into_iter().filter(|f| f.0 == "passive-voice").collect()
}

#[test]
fn rules_lists_every_rule_with_its_severity_and_docs() {
    let output = signpost().arg("rules").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), signpost::rules::ALL.len());
    let line = text
        .lines()
        .find(|l| l.starts_with("passive-voice "))
        .expect("passive-voice is listed");
    assert!(line.contains("warning") && line.contains("README.md#plain-language"), "{line}");
    let line = text.lines().find(|l| l.starts_with("unsafe-link ")).expect("unsafe-link is listed");
    assert!(line.contains("cannot be turned down"), "{line}");
}

#[test]
fn rules_as_json_gives_each_rule_its_fields() {
    let output = signpost().args(["rules", "--format", "json"]).output().unwrap();
    assert!(output.status.success());
    let rules: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), signpost::rules::ALL.len());
    let passive = rules.iter().find(|r| r["id"] == "passive-voice").unwrap();
    assert_eq!(passive["severity"], "warning");
    assert_eq!(passive["guard"], "switchable");
    assert_eq!(passive["docs"], "README.md#plain-language");
    assert!(passive["summary"].as_str().unwrap().contains("who does something"));
    assert_eq!(rules.iter().find(|r| r["id"] == "outside-site").unwrap()["guard"], "safety");
}

#[test]
fn without_rules_the_passive_sentence_is_a_warning() {
    let parent = site_with_rules("");
    let (code, report) = check(parent.path());
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        passive(&report),
        vec![("passive-voice".into(), "warning".into(), "content/letters.md".into(), 8)]
    );
}

#[test]
fn a_rule_set_off_is_not_reported() {
    let parent = site_with_rules("passive-voice = \"off\"\n");
    let (code, report) = check(parent.path());
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(passive(&report), vec![]);
    assert_eq!(report["warnings"], 0, "{report:#}");
    // And the site is still built and written.
    let (_dir, public) = build_site(&parent.path().join("site"));
    assert!(public.join("letters/index.html").is_file());
}

#[test]
fn a_warning_set_to_error_fails_the_build() {
    let parent = site_with_rules("passive-voice = \"error\"\n");
    let (code, report) = check(parent.path());
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        passive(&report),
        vec![("passive-voice".into(), "error".into(), "content/letters.md".into(), 8)]
    );
    let out = tempfile::tempdir().unwrap();
    let status = signpost()
        .args(["build", "--quiet", "--root"])
        .arg(parent.path().join("site"))
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(1));
    assert!(!out.path().join("public/index.html").exists(), "nothing is published");
}

/// The line of site.toml holding `needle`.
fn line_of(parent: &Path, needle: &str) -> u64 {
    let text = std::fs::read_to_string(parent.join("site/site.toml")).unwrap();
    text.lines().position(|l| l.starts_with(needle)).unwrap() as u64 + 1
}

#[test]
fn an_unknown_rule_name_is_an_error_at_its_line_with_a_suggestion() {
    let parent = site_with_rules("capitals = \"error\"\npasive-voice = \"off\"\n");
    let (code, report) = check(parent.path());
    assert_eq!(code, 1, "{report:#}");
    let problem = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unknown-rule")
        .expect("reported");
    assert_eq!(problem["file"], "site.toml");
    assert_eq!(problem["line"].as_u64(), Some(line_of(parent.path(), "pasive-voice")));
    assert_eq!(problem["column"], 1);
    assert!(problem["message"].as_str().unwrap().contains("`pasive-voice`"), "{problem}");
    assert!(
        problem["suggestion"].as_str().unwrap().contains("Did you mean `passive-voice`?"),
        "{problem}"
    );
}

#[test]
fn a_safety_rule_cannot_be_turned_off() {
    let parent = site_with_rules("unsafe-link = \"off\"\n");
    let (code, report) = check(parent.path());
    assert_eq!(code, 1, "{report:#}");
    let problem = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "site.toml")
        .expect("refused");
    assert_eq!(problem["rule"], "config-value");
    assert_eq!(problem["line"].as_u64(), Some(line_of(parent.path(), "unsafe-link")));
    let message = problem["message"].as_str().unwrap();
    assert!(
        message.contains("cannot turn `unsafe-link` down") && message.contains("safe"),
        "{message}"
    );
}

#[test]
fn a_syntax_rule_cannot_be_made_a_warning_but_any_rule_can_be_raised() {
    let parent = site_with_rules("yaml-syntax = \"warning\"\n");
    let (code, report) = check(parent.path());
    assert_eq!(code, 1, "{report:#}");
    let message = report["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("cannot turn `yaml-syntax` down to \"warning\""), "{message}");

    let parent = site_with_rules("unsafe-link = \"error\"\n");
    assert_eq!(check(parent.path()).0, 0);
}

#[test]
fn an_unknown_level_is_refused() {
    let parent = site_with_rules("passive-voice = \"quiet\"\n");
    let (code, report) = check(parent.path());
    assert_eq!(code, 1, "{report:#}");
    let message = report["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("\"off\", \"warning\" or \"error\""), "{message}");
}

#[test]
fn an_error_set_off_no_longer_stops_the_site_being_written() {
    let parent = site_with_rules("second-h1 = \"off\"\n");
    let page = parent.path().join("site/content/letters.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\n# Another main heading\n\nWe write to you.\n")).unwrap();
    let (code, report) = check(parent.path());
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).iter().all(|f| f.0 != "second-h1"), "{report:#}");
    let (_dir, public) = build_site(&parent.path().join("site"));
    assert!(public.join("letters/index.html").is_file());

    // Without the override the same page fails the build.
    let config = parent.path().join("site/site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("second-h1 = \"off\"\n", "")).unwrap();
    let (code, report) = check(parent.path());
    assert_eq!(code, 1);
    assert!(findings(&report).iter().any(|f| f.0 == "second-h1" && f.1 == "error"), "{report:#}");
}
