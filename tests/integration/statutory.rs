//! Statutory content the build enforces: required Local Offer topics, review dates (including the
//! "may be out of date" option), the Short Breaks Services Statement, and "You said, we did".

use crate::common::*;
use std::path::Path;

/// Copies the valid fixture into a temporary folder and lets `change` edit it.
fn site_with(change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    change(site.path());
    site
}

fn check(site: &Path) -> (i32, String) {
    let output = signpost().args(["check", "--root"]).arg(site).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_missing_topic_fails_the_build_naming_it_at_site_toml() {
    let site = site_with(|root| {
        replace_in(
            root,
            "content/advice/assessment.md",
            "topics: [ehc-plans, assessment]",
            "topics: [ehc-plans]",
        )
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: site.toml:27:1: No page covers the required Local Offer topic `assessment`: identifying needs and how to ask for an EHC needs assessment [topic-missing]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Add `assessment` to the `topics:` of the page that covers it"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("[topic-missing]").count(), 1, "{stderr}");
}

#[test]
fn every_schedule_2_topic_is_required_by_default() {
    let site = site_with(|root| {
        let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
        let kept: String = config
            .lines()
            .filter(|l| !l.starts_with("required_topics"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(root.join("site.toml"), kept).unwrap();
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    assert_eq!(stderr.matches("[topic-missing]").count(), 19, "24 topics, 5 covered: {stderr}");
    assert!(
        stderr.contains("error: site.toml:26:1: No page covers the required Local Offer topic `travel`"),
        "{stderr}"
    );
}

#[test]
fn the_short_breaks_statement_must_be_marked_as_one() {
    let site = site_with(|root| {
        replace_in(
            root,
            "content/short-breaks-statement.md",
            "type: short-breaks-statement\n",
            "topics: [short-breaks-statement]\n",
        );
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/short-breaks-statement.md:2:1: The page \"Short Breaks Services Statement\" says it is the Short Breaks Services Statement, but is not marked as one [short-breaks-statement]"),
        "{stderr}"
    );
    assert!(stderr.contains("topic `short-breaks-statement`"), "{stderr}");
}

#[test]
fn an_overdue_short_breaks_statement_is_an_error_at_once() {
    let site = site_with(|root| {
        replace_in(
            root,
            "content/short-breaks-statement.md",
            "last_reviewed: 2026-06-01",
            "last_reviewed: 2025-11-01",
        );
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/short-breaks-statement.md:2:1: The Short Breaks Services Statement was due for review on 1 November 2026 [statement-overdue]"),
        "{stderr}"
    );
}

const HEALTH: &str = "content/services/health.yaml";

#[test]
fn an_overdue_service_fails_by_default() {
    let site = site_with(|root| replace_in(root, HEALTH, "last_reviewed: 2026-09-01", "last_reviewed: 2025-01-01"));
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/services/health.yaml:1:3: The service \"Speech therapy\" was due for review on 1 January 2026, more than 90 days ago [review-overdue]"),
        "{stderr}"
    );
}

#[test]
fn an_overdue_service_can_be_shown_as_maybe_out_of_date_instead() {
    let site = site_with(|root| {
        replace_in(root, HEALTH, "last_reviewed: 2026-09-01", "last_reviewed: 2025-01-01");
        replace_in(
            root,
            "site.toml",
            "[statutory]\n",
            "[statutory]\nservices_out_of_date = \"notice\"\n",
        );
    });
    let public = site.path().join("out");
    let output = signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: content/services/health.yaml:1:3: The service \"Speech therapy\" was due for review on 1 January 2026, more than 90 days ago; it is shown as \"may be out of date\" [review-overdue]"),
        "{stderr}"
    );
    let page = read(&public, "services/speech-therapy/index.html");
    assert!(page.contains("Some of this information may be out of date."), "{page}");
}

#[test]
fn you_said_we_did_is_published_grouped_by_theme() {
    let (_out, public) = build_site(&fixture("valid"));
    let page = read(&public, "you-said-we-did/index.html");
    let gaps = page.find(r#"<h2 id="theme-quality-or-gaps">"#).expect("quality theme");
    let access = page.find(r#"<h2 id="theme-accessibility">"#).expect("accessibility theme");
    assert!(gaps < access, "themes in a fixed order");
    assert!(page.contains("There are not enough holiday clubs for older teenagers."));
    assert!(
        page.contains("We will add two new holiday clubs for ages 14 to 19 by 1 April 2027."),
        "{page}"
    );
    assert!(page.contains("48 people answered."));
}

#[test]
fn you_said_we_did_older_than_a_year_fails() {
    let site = site_with(|root| {
        replace_in(root, "content/you-said-we-did.yaml", "date: 2026-09-10", "date: 2025-09-10");
        replace_in(root, "content/you-said-we-did.yaml", "date: 2026-08-02", "date: 2025-08-02");
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/you-said-we-did.yaml:2:1: The newest \"You said, we did\" entry is from 10 September 2025, more than 12 months ago [feedback-stale]"),
        "{stderr}"
    );
}

#[test]
fn comments_with_an_email_a_phone_number_or_a_blocked_name_are_rejected() {
    let site = site_with(|root| {
        let file = "content/you-said-we-did.yaml";
        replace_in(
            root,
            file,
            "comment: The service pages are hard to read on a phone.",
            "comment: Email me on jo.bloggs@example.org or ring 07700 900123.",
        );
        replace_in(
            root,
            file,
            "comment: There are not enough holiday clubs",
            "comment: My son at Oakfield School says there are not enough holiday clubs",
        );
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    for expected in [
        "error: content/you-said-we-did.yaml:5:14: This comment contains an email address, so it could identify someone [feedback-personal]",
        "error: content/you-said-we-did.yaml:5:14: This comment contains a phone number, so it could identify someone [feedback-personal]",
        "error: content/you-said-we-did.yaml:10:14: This comment contains the name \"Oakfield School\", so it could identify someone [feedback-personal]",
    ] {
        assert!(stderr.contains(expected), "missing {expected} in {stderr}");
    }
    assert!(stderr.contains("Comments must be anonymous (reg 56(3))"), "{stderr}");
}

#[test]
fn the_you_said_we_did_address_is_reserved() {
    let site = site_with(|root| {
        std::fs::write(
            root.join("content/you-said-we-did.md"),
            "---\ntitle: Clash\nsummary: Clash.\nlast_reviewed: 2026-10-01\nowner: Team\n---\n\nText.\n",
        )
        .unwrap();
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("content/you-said-we-did.md:1:1: This page would have the address /you-said-we-did/"),
        "{stderr}"
    );
}
