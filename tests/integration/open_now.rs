//! "Open now": the build writes each service's opening times as compact weekly rules on its card
//! (sessions past midnight included), the `schedule` check lets a session close after midnight
//! in the small hours but not later, and the school terms are checked at their line and column.

use crate::common::*;
use std::path::Path;

const HEALTH: &str = "content/services/health.yaml";

fn check(root: &Path) -> (i32, String) {
    let output = signpost().args(["check", "--root"]).arg(root).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn valid_copy() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    site
}

#[test]
fn a_session_past_midnight_builds_and_its_card_carries_the_wrapped_times() {
    let site = valid_copy();
    replace_in(
        site.path(),
        HEALTH,
        "opens_at: \"09:00\"\n      closes_at: \"16:30\"",
        "opens_at: \"22:00\"\n      closes_at: \"02:00\"",
    );
    let (code, stderr) = check(site.path());
    assert_eq!(code, 0, "{stderr}");
    let (_out, public) = build_site(site.path());
    let page = read(&public, "services/health/index.html");
    // Monday and Wednesday, 22:00 to 02:00 the next day, in term time only.
    let rules = "[{&quot;s&quot;:&quot;term&quot;,&quot;w&quot;:[[1320,1560],[4200,4440]]}";
    assert!(page.contains(rules), "{page}");
    // The dated open morning (Saturday 5 December 2026, 10:00 to 12:00) is its own rule.
    assert!(page.contains("{&quot;s&quot;:&quot;all&quot;,&quot;f&quot;:&quot;2026-12-05&quot;,&quot;t&quot;:&quot;2026-12-05&quot;,&quot;w&quot;:[[7800,7920]]}"), "{page}");
}

#[test]
fn closing_after_six_in_the_morning_is_still_closing_before_opening() {
    let site = valid_copy();
    replace_in(site.path(), HEALTH, "closes_at: \"16:30\"", "closes_at: \"08:30\"");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("Speech therapy: schedule 1 closes before it opens [schedule]"),
        "{stderr}"
    );
}

#[test]
fn the_category_page_carries_the_school_terms_for_open_now() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &site.path().join("content"));
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets"), &site.path().join("assets"));
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("site.toml"),
        site.path().join("site.toml"),
    )
    .unwrap();
    let (_out, public) = build_site(site.path());
    let page = read(&public, "services/short-breaks/index.html");
    assert!(
        page.contains("data-terms=\"2026-09-02/2026-10-23 2026-11-02/2026-12-18"),
        "no terms on the page"
    );
    assert!(page.contains("id=\"filter-open\""), "no Open now box");
}

#[test]
fn a_term_that_ends_before_it_starts_is_an_error_at_its_date() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &site.path().join("content"));
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets"), &site.path().join("assets"));
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("site.toml"),
        site.path().join("site.toml"),
    )
    .unwrap();
    replace_in(
        site.path(),
        "content/events/terms.yaml",
        "{ from: 2026-11-02, to: 2026-12-18 }",
        "{ from: 2026-11-02, to: 2026-10-18 }",
    );
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "error: content/events/terms.yaml:4:27: This term ends (18 October 2026) before it starts (2 November 2026) [term-dates]"
        ),
        "{stderr}"
    );
}
