//! The route table: every generated address is taken once, and content written at a reserved
//! address (search, glossary, feeds) or a second service with one id is reported once, at its
//! own file.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// Front matter and text for a valid page.
const PAGE: &str = "---\ntitle: Clash\nsummary: A page at a reserved address.\nlast_reviewed: 2026-10-01\nowner: Team\n---\n\nText.\n";

/// Checks a copy of the valid fixture after `change`; returns the exit code and the findings.
fn check_changed(change: impl FnOnce(&Path)) -> (i32, Vec<Value>) {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    change(site.path());
    check(site.path())
}

/// Checks the site at `root` with JSON output; returns the exit code and the findings.
fn check(root: &Path) -> (i32, Vec<Value>) {
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let diagnostics = report["diagnostics"].as_array().cloned().unwrap_or_default();
    (output.status.code().unwrap_or(-1), diagnostics)
}

/// The findings of the address clash rule.
fn clashes(diagnostics: &[Value]) -> Vec<&Value> {
    diagnostics.iter().filter(|d| d["rule"] == "duplicate-url").collect()
}

#[test]
fn a_content_page_at_the_search_address_is_reported_at_its_own_file() {
    let (code, found) = check_changed(|root| std::fs::write(root.join("content/search.md"), PAGE).unwrap());
    assert_eq!(code, 1, "{found:#?}");
    let clash = clashes(&found);
    assert_eq!(clash.len(), 1, "{clash:#?}");
    assert_eq!(clash[0]["file"], "content/search.md");
    assert_eq!(clash[0]["line"], 1);
    assert_eq!(
        clash[0]["message"],
        "This page would have the address /search/, which is already used by the search page"
    );
    assert!(clash[0]["suggestion"].as_str().unwrap().contains("Rename the file"));
}

#[test]
fn a_content_page_at_the_glossary_address_is_reported_at_its_own_file() {
    let (code, found) = check_changed(|root| std::fs::write(root.join("content/glossary.md"), PAGE).unwrap());
    assert_eq!(code, 1, "{found:#?}");
    let clash = clashes(&found);
    assert_eq!(clash.len(), 1, "{clash:#?}");
    assert_eq!(clash[0]["file"], "content/glossary.md");
    assert_eq!(
        clash[0]["message"],
        "This page would have the address /glossary/, which is already used by the glossary page"
    );
}

#[test]
fn a_content_page_inside_the_open_referral_feed_folder_is_reported() {
    let (code, found) = check_changed(|root| {
        std::fs::create_dir_all(root.join("content/openreferral")).unwrap();
        std::fs::write(root.join("content/openreferral/services.md"), PAGE).unwrap();
    });
    assert_eq!(code, 1, "{found:#?}");
    let clash = clashes(&found);
    assert_eq!(clash.len(), 1, "{clash:#?}");
    assert_eq!(clash[0]["file"], "content/openreferral/services.md");
    assert_eq!(
        clash[0]["message"],
        "This page would have the address /openreferral/services/, which is already used by the Open Referral feed"
    );
}

#[test]
fn a_duplicate_service_id_gives_exactly_one_diagnostic() {
    let (code, found) = check_changed(|root| {
        replace_in(root, "content/services/health.yaml", "- id: splash-club", "- id: speech-therapy");
    });
    assert_eq!(code, 1, "{found:#?}");
    let about_the_id: Vec<&Value> = (found.iter())
        .filter(|d| d["message"].as_str().is_some_and(|m| m.contains("speech-therapy")))
        .collect();
    assert_eq!(about_the_id.len(), 1, "{about_the_id:#?}");
    let clash = about_the_id[0];
    assert_eq!(clash["rule"], "duplicate-url");
    assert_eq!(clash["file"], "content/services/health.yaml");
    assert_eq!(clash["line"], 32);
    let message = clash["message"].as_str().unwrap();
    assert!(
        message.starts_with("The service `Splash Club swimming` would have the address /services/speech-therapy/, which is already used by the service `Speech therapy` (content/services/health.yaml, line 1)"),
        "{message}"
    );
}

#[test]
fn a_normal_site_has_no_clash() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let (code, found) = check(site.path());
    assert_eq!(code, 0, "{found:#?}");
    assert_eq!(clashes(&found), Vec::<&Value>::new());
    // The example site (with news, events, translations, easy read and places) too.
    let (code, found) = check(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert_eq!(code, 0, "{:#?}", clashes(&found));
    assert_eq!(clashes(&found), Vec::<&Value>::new());
}

#[test]
fn a_clash_stops_the_build_writing_anything() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::write(site.path().join("content/search.md"), PAGE).unwrap();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: content/search.md:1:1: This page would have the address /search/, which is already used by the search page [duplicate-url]"),
        "{stderr}"
    );
    assert!(!public.exists(), "nothing is published");
}

#[test]
fn a_service_at_a_listing_page_is_reported_with_the_listing_named() {
    let (code, found) = check_changed(|root| {
        replace_in(root, "content/services/health.yaml", "- id: splash-club", "- id: a-z");
    });
    assert_eq!(code, 1, "{found:#?}");
    let clash = clashes(&found);
    assert_eq!(clash.len(), 1, "{clash:#?}");
    assert_eq!(
        clash[0]["message"],
        "The service `Splash Club swimming` would have the address /services/a-z/, which is already used by the A to Z of services"
    );
}

#[test]
fn a_content_page_at_the_whats_on_address_is_reported() {
    let (code, found) = check_changed(|root| std::fs::write(root.join("content/whats-on.md"), PAGE).unwrap());
    assert_eq!(code, 1, "{found:#?}");
    let clash = clashes(&found);
    assert_eq!(clash.len(), 1, "{clash:#?}");
    assert_eq!(clash[0]["file"], "content/whats-on.md");
    assert_eq!(
        clash[0]["message"],
        "This page would have the address /whats-on/, which is already used by the What's on page"
    );
}
