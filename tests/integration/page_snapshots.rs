//! Snapshots of each kind of page the build makes, of the Open Referral feed and of the JSON
//! diagnostics, so a change to any of them shows up as a reviewable difference. Asset hashes are
//! redacted; the build's date is fixed with `SIGNPOST_TODAY`.

use crate::common::{copy_tree, fixture, read, signpost};

/// One page of each kind the valid fixture has, by output path.
const PAGE_KINDS: &[(&str, &str)] = &[
    ("home", "index.html"),
    ("section", "advice/index.html"),
    ("page", "advice/assessment/index.html"),
    ("glossary", "glossary/index.html"),
    ("not_found", "404.html"),
    ("search", "search/index.html"),
    ("directory", "services/index.html"),
    ("category", "services/health/index.html"),
    ("a_to_z", "services/a-z/index.html"),
    ("age", "services/ages/5-10/index.html"),
    ("locality", "services/localities/northtown/index.html"),
    ("need", "services/needs/autism/index.html"),
    ("service", "services/splash-club/index.html"),
    ("shortlist", "shortlist/index.html"),
    ("whats_on", "whats-on/index.html"),
    ("you_said_we_did", "you-said-we-did/index.html"),
    ("sitemap", "sitemap.xml"),
    ("openreferral_index", "openreferral/index.json"),
];

/// `text` with the content hashes in asset names (`site.38eb17af6b.css`) replaced by `HASH`.
fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(dot) = rest.find('.') {
        let (before, after) = rest.split_at(dot + 1);
        out.push_str(before);
        let hex = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex == 10 && after[hex..].starts_with('.') {
            out.push_str("HASH");
            rest = &after[hex..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Builds a copy of the fixture `name` (so nothing is written beside it) on a fixed date.
fn build(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    copy_tree(&fixture(name), &root);
    let public = outer.path().join("public");
    let output = signpost()
        .env("SIGNPOST_TODAY", "2026-12-01")
        .args(["build", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (outer, public)
}

#[test]
fn each_page_kind_matches_its_snapshot() {
    let (_outer, public) = build("valid");
    for (kind, path) in PAGE_KINDS {
        assert!(public.join(path).is_file(), "the build makes no {path}");
        insta::assert_snapshot!(format!("page_{kind}"), redact(&read(&public, path)));
    }
}

#[test]
fn an_easy_read_page_matches_its_snapshot() {
    let (_outer, public) = build("easy-read/site");
    let easy = crate::common::files_under(&public)
        .into_iter()
        .find(|f| f.ends_with("easy-read/index.html"))
        .expect("the easy-read fixture makes an easy-read page");
    insta::assert_snapshot!("page_easy_read", redact(&read(&public, &easy)));
}

#[test]
fn the_json_diagnostics_of_a_broken_site_match_their_snapshot() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    copy_tree(&fixture("broken"), &root);
    let output = signpost()
        .env("SIGNPOST_TODAY", "2026-12-01")
        .args(["check", "--format", "json", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("broken_site_json", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn redaction_replaces_only_asset_hashes() {
    assert_eq!(redact("/assets/site.38eb17af6b.css and v1.2.3"), "/assets/site.HASH.css and v1.2.3");
    assert_eq!(redact("a.0123456789a.b"), "a.0123456789a.b");
}
