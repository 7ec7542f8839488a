//! The richer service record: each validation rule with its diagnostic and position, the new
//! fields on the service page, and the browsing pages (needs, localities, ages, A to Z).

use crate::common::*;
use std::path::Path;

/// Copies the valid fixture, lets `change` edit it, and runs `signpost check`: (exit code, stderr).
fn check_changed(change: impl FnOnce(&Path)) -> (i32, String) {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    change(site.path());
    let output = signpost().args(["check", "--root"]).arg(site.path()).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const HEALTH: &str = "content/services/health.yaml";

#[test]
fn a_phone_number_that_is_not_a_uk_number_is_an_error_at_the_service() {
    let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "\"0121 496 0001\"", "\"0121 496 00\""));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/services/health.yaml:10:12: Speech therapy: `0121 496 00` is not a UK phone number [phone]"),
        "{stderr}"
    );
    assert!(stderr.contains("how to fix: Write the whole number with its area code"), "{stderr}");
}

#[test]
fn international_and_mobile_forms_are_accepted() {
    for phone in ["+44 121 496 0001", "+44 (0)121 496 0001", "07700 900123", "0800 123 4567"] {
        let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "\"0121 496 0001\"", &format!("\"{phone}\"")));
        assert_eq!(code, 0, "{phone}: {stderr}");
    }
}

#[test]
fn a_bad_email_address_is_an_error_at_the_service() {
    let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "splash@testshire.example", "splash at testshire"));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/services/health.yaml:41:12: Splash Club swimming: `splash at testshire` does not look like an email address [email]"),
        "{stderr}"
    );
}

#[test]
fn a_web_address_without_https_or_a_domain_is_an_error() {
    let (code, stderr) = check_changed(|root| {
        replace_in(
            root,
            HEALTH,
            "https://nhs.testshire.example/speech/",
            "nhs.testshire.example/speech",
        )
    });
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/services/health.yaml:5:21: Speech therapy: the provider_website `nhs.testshire.example/speech` is not a full web address [url]"),
        "{stderr}"
    );
}

#[test]
fn a_service_with_no_way_to_get_in_touch_is_an_error() {
    let (code, stderr) =
        check_changed(|root| replace_in(root, HEALTH, "  contact:\n    email: splash@testshire.example\n", "  contact: {}\n"));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/services/health.yaml:40:12: Splash Club swimming: it has no way to get in touch [contact]"),
        "{stderr}"
    );
}

#[test]
fn ages_beyond_25_are_an_error() {
    let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "ages: { from: 5, to: 25 }", "ages: { from: 5, to: 26 }"));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/services/health.yaml:37:24: Splash Club swimming: `ages` needs two whole numbers from 0 to 25, like `ages: {from: 5, to: 11}`; 26 is more than 25 [ages]"),
        "{stderr}"
    );
}

#[test]
fn a_session_that_ends_before_it_starts_is_an_error() {
    let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "closes_at: \"16:30\"", "closes_at: \"8:30\""));
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "error: content/services/health.yaml:22:18: Speech therapy: schedule 1: `8:30` is not a time in the form HH:MM [schedule]"
        ),
        "{stderr}"
    );
}

#[test]
fn an_unknown_need_gets_a_did_you_mean() {
    let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "needs: [physical, all]", "needs: [phyiscal, all]"));
    assert_eq!(code, 1);
    assert!(stderr.contains("content/services/health.yaml:"), "{stderr}");
    assert!(stderr.contains("physical"), "{stderr}");
}

#[test]
fn free_with_a_price_is_an_error() {
    let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "  cost_options:\n", "  free: true\n  cost_options:\n"));
    assert_eq!(code, 1);
    assert!(
        stderr
            .contains("error: content/services/health.yaml:50:9: Splash Club swimming: it says `free: true` but also lists a price [cost]"),
        "{stderr}"
    );
}

#[test]
fn a_long_description_beside_a_provider_website_is_a_warning() {
    let long = format!("  description: |\n    {}\n", "We swim here. ".repeat(100).trim_end());
    let (code, stderr) = check_changed(|root| {
        replace_in(
            root,
            HEALTH,
            "  service_status: active\n",
            &format!("  service_status: active\n{long}"),
        )
    });
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: content/services/health.yaml:1:3: Speech therapy: the description is 300 words long, but the provider's website has the details (the limit is 250) [long-description]"),
        "{stderr}"
    );
}

#[test]
fn browsing_addresses_are_reserved() {
    let (code, stderr) = check_changed(|root| replace_in(root, HEALTH, "- id: splash-club", "- id: needs"));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("content/services/health.yaml:32:3: The service `Splash Club swimming` would have the address /services/needs/, which is already used by the pages for browsing services [duplicate-url]"),
        "{stderr}"
    );
}

/// The valid fixture built on 1 December 2026, so its dated sessions are still to come.
fn build_valid() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    signpost()
        .env("SIGNPOST_TODAY", "2026-12-01")
        .args(["build", "--root"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    (out, public)
}

#[test]
fn the_service_page_shows_the_new_fields() {
    let (_out, public) = build_valid();
    let page = read(&public, "services/speech-therapy/index.html");
    for expected in [
        "<dt>Needs it is for</dt>",
        r#"<a href="/services/needs/autism/">Autism</a>"#,
        // Its own `when` words, once, and the dated session its regular schedule does not say.
        "<li>Weekdays</li>",
        "<li>5 December 2026, 10am to 12pm (open morning for families)</li>",
        "Ask your GP or health visitor, or phone us yourself.",
        "Area covered: All of Testshire",
        "<dd>Punjabi, Urdu</dd>",
    ] {
        assert!(page.contains(expected), "missing {expected} in {page}");
    }
    assert!(!page.contains("checker@testshire.example"), "the assurer is never published");
    let splash = read(&public, "services/splash-club/index.html");
    for expected in [
        "£2 per session: Carers go free",
        "Changing Places toilet",
        "Hearing loop",
        "There is a hoist at the pool side.",
    ] {
        assert!(splash.contains(expected), "missing {expected} in {splash}");
    }
}

#[test]
fn a_closed_service_says_so() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    replace_in(site.path(), HEALTH, "service_status: active", "service_status: temporarily-closed");
    let public = site.path().join("out");
    signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    let page = read(&public, "services/speech-therapy/index.html");
    assert!(page.contains("This service is closed for now."), "{page}");
    let category = read(&public, "services/health/index.html");
    assert!(category.contains(r#"<p class="card__status">Closed for now</p>"#), "{category}");
}

#[test]
fn needs_localities_and_ages_have_their_own_pages() {
    let (_out, public) = build_valid();
    let autism = read(&public, "services/needs/autism/index.html");
    assert!(autism.contains("<h1>Autism: services</h1>"), "{autism}");
    assert!(autism.contains("Speech therapy"), "tagged autism");
    assert!(autism.contains("Splash Club swimming"), "open to all needs");
    assert!(!autism.contains("Saturday play scheme"), "no needs given");
    let broad = read(&public, "services/needs/communication-and-interaction/index.html");
    assert!(broad.contains("Speech therapy"), "a broad area lists its specific needs' services");
    let southtown = read(&public, "services/localities/southtown/index.html");
    assert!(southtown.contains("Splash Club swimming") && southtown.contains("Saturday play scheme"));
    // Speech therapy's venue is in Northtown, but it covers all of Testshire: it comes after
    // Southtown's own venues, under "Also available across Testshire".
    let also = southtown.find("Also available across Testshire").expect("an also-available list");
    assert!(southtown[also..].contains("Speech therapy"), "{southtown}");
    assert!(!southtown[..also].contains("Speech therapy"), "{southtown}");
    let young = read(&public, "services/ages/0-4/index.html");
    assert!(
        young.contains("Speech therapy") && !young.contains("Splash Club swimming"),
        "{young}"
    );
    let older = read(&public, "services/ages/20-25/index.html");
    assert!(older.contains("Splash Club swimming") && !older.contains("Speech therapy"));
    let directory = read(&public, "services/index.html");
    for link in [
        r#"href="/services/needs/autism/""#,
        r#"href="/services/localities/northtown/""#,
        r#"href="/services/ages/11-15/""#,
        r#"href="/services/a-z/""#,
    ] {
        assert!(directory.contains(link), "missing {link}");
    }
}

#[test]
fn the_a_to_z_has_letter_headings_and_a_letter_navigation() {
    let (_out, public) = build_valid();
    let page = read(&public, "services/a-z/index.html");
    assert!(page.contains(r#"<nav class="letter-nav" aria-label="Letters">"#), "{page}");
    assert!(page.contains(r##"<li><a href="#letter-s">S</a></li>"##), "{page}");
    assert!(page.contains(r#"<li><span class="letter-nav__unused">A</span></li>"#), "{page}");
    assert!(page.contains(r#"<h2 id="letter-s">S</h2>"#), "{page}");
    let saturday = page.find("Saturday play scheme").unwrap();
    let speech = page.find("Speech therapy").unwrap();
    let splash = page.find("Splash Club swimming").unwrap();
    assert!(saturday < speech && speech < splash, "sorted by name");
}

#[test]
fn category_pages_carry_filters_behind_a_filter_button_and_a_live_region_for_the_script() {
    let (_out, public) = build_valid();
    let page = read(&public, "services/short-breaks/index.html");
    // A GET form (it works without JavaScript) in a disclosure that opens with the Filter button.
    assert!(
        page.contains(r#"<summary class="filter-panel__toggle" data-filter-toggle"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<form class="filters" data-filters method="get" aria-labelledby="filters-heading""#),
        "{page}"
    );
    assert!(
        page.contains(r#"<option value="physical">- Physical disability</option>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"role="status" data-filter-status data-template="Showing {shown} of {total} services""#),
        "{page}"
    );
    let health = read(&public, "services/health/index.html");
    assert!(
        health.contains(r#"data-ages="0-18" data-needs="communication-and-interaction autism speech-language-and-communication""#),
        "{health}"
    );
    assert!(page.contains(r#"<script src="/assets/directory."#), "{page}");
}

#[test]
fn the_shortlist_page_fetches_each_saved_service_from_its_own_file() {
    let (_out, public) = build_valid();
    let page = read(&public, "shortlist/index.html");
    assert!(!page.contains("Saturday play scheme"), "{page}");
    assert!(page.contains(r#"data-source="/shortlist/data/""#), "{page}");
    assert!(read(&public, "shortlist/data/saturday-play-scheme.json").contains(r#""name":"Saturday play scheme""#));
    assert!(page.contains("The shortlist needs JavaScript"), "{page}");
    let service = read(&public, "services/splash-club/index.html");
    assert!(service.contains(r#"data-shortlist-save data-id="splash-club""#), "{service}");
    let (code, stderr) = check_changed(|root| {
        std::fs::write(
            root.join("content/shortlist.md"),
            "---\ntitle: Clash\nsummary: Clash.\nlast_reviewed: 2026-10-01\nowner: Team\n---\n\nText.\n",
        )
        .unwrap();
    });
    assert_eq!(code, 1);
    assert!(stderr.contains("which is already used by the shortlist page"), "{stderr}");
}

#[test]
fn a_dated_session_that_is_over_is_not_shown_and_warns() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let before = signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert!(before.status.success());
    assert!(read(&public, "services/speech-therapy/index.html").contains("open morning for families"));

    let after = signpost()
        .env("SIGNPOST_TODAY", "2026-12-06")
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&after.stderr);
    assert!(after.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: content/services/health.yaml:24:13: Speech therapy: schedule 2 ended on 5 December 2026, so it is no longer shown to families [schedule-over]"),
        "{stderr}"
    );
    let page = read(&public, "services/speech-therapy/index.html");
    assert!(!page.contains("open morning for families"), "the session that is over is left out");
    assert!(
        page.contains("<p>Weekdays</p>"),
        "the service's own words for its regular sessions stay"
    );
}
