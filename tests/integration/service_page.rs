//! A service page that leads with what families do next, and a shortlist that scales: the contact
//! strip under the name (call, email, website, directions, shortlist, print, in that order), the
//! opening times said once, several ways in joined with "or", each venue's full address with
//! OpenStreetMap directions to its postcode (marked as another website), and a shortlist page
//! that embeds no services but fetches one data file per saved service under the site's path.

use crate::common::*;
use std::path::{Path, PathBuf};

/// A youth club whose `when` and weekly schedule say the same thing, with two ways in, an email,
/// a website and a venue with a postcode written untidily; and a club with only a schedule.
const CLUBS: &str = r#"
- id: monday-club
  name: Monday club
  category: health
  summary: A youth club on Monday evenings.
  provider: Testshire Youth Service
  ages: { from: 11, to: 24 }
  access: [self-referral, professional-referral]
  cost: Free
  contact:
    phone: "0121 496 0670"
    email: club@testshire.example
    website: https://club.testshire.example/
  where:
    name: The Youth Centre
    address: 1 High Street
    locality: Northtown
    postcode: " nt1 2ab "
  when: Mondays, 6:30pm to 9pm
  schedules:
    - days: [monday]
      opens_at: "18:30"
      closes_at: "21:00"
  last_reviewed: 2026-09-01
- id: saturday-swim
  name: Saturday swim
  category: health
  summary: Swimming on Saturday mornings.
  provider: Testshire Leisure
  ages: { from: 5, to: 16 }
  access: [drop-in]
  cost: £2.50 a session
  contact:
    phone: "0121 496 0671"
  where:
    address: Pool, Low Road
    locality: Southtown
  schedules:
    - days: [saturday]
      opens_at: "10:00"
      closes_at: "11:00"
  last_reviewed: 2026-09-01
"#;

/// The valid fixture with the two clubs, built (at `base_url` when given).
fn build_clubs(base_url: Option<&str>) -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let _ = std::fs::remove_dir_all(site.path().join("search-index"));
    std::fs::write(site.path().join("content/services/clubs.yaml"), CLUBS).unwrap();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let mut command = signpost();
    command
        .env("SIGNPOST_TODAY", "2026-10-01")
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public);
    if let Some(base_url) = base_url {
        command.args(["--base-url", base_url]);
    }
    command.assert().success();
    (site, out, public)
}

/// Where `needle` first is in `html`, or a failure naming it.
fn at(html: &str, needle: &str) -> usize {
    html.find(needle).unwrap_or_else(|| panic!("{needle} is not in the page:\n{html}"))
}

/// The part of `html` from `start` to the first `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = at(html, start);
    let to = from + html[from..].find(end).unwrap_or(html.len() - from);
    &html[from..to]
}

#[test]
fn the_contact_strip_comes_first_in_order() {
    let (_site, _out, public) = build_clubs(None);
    let page = read(&public, "services/monday-club/index.html");
    let strip = between(&page, r#"<section class="contact-strip""#, "</section>");
    let order = [
        r#"href="tel:01214960670">Call 0121 496 0670</a>"#,
        r#"href="mailto:club@testshire.example">Email club@testshire.example</a>"#,
        r#"href="https://club.testshire.example/">Visit their website"#,
        r#"href="https://www.openstreetmap.org/directions?to=NT1%202AB">Get directions"#,
        r#"data-shortlist-save data-id="monday-club""#,
        r#"data-print-button data-label="Print this page""#,
    ];
    let places: Vec<usize> = order.iter().map(|needle| at(strip, needle)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "out of order: {places:?}\n{strip}");
    // Under the name and summary, before every other detail.
    assert!(at(&page, "<h1>Monday club</h1>") < at(&page, "contact-strip"));
    assert!(at(&page, "contact-strip") < at(&page, r#"<dl class="summary-list">"#));
    // The call link is the big button; the contact details are not repeated lower down.
    assert!(
        strip.contains(r#"<a class="button contact-strip__phone" href="tel:01214960670">"#),
        "{strip}"
    );
    assert_eq!(page.matches("href=\"tel:01214960670\"").count(), 1, "{page}");
}

#[test]
fn opening_times_are_shown_once() {
    let (_site, _out, public) = build_clubs(None);
    let page = read(&public, "services/monday-club/index.html");
    assert_eq!(page.matches("Mondays, 6:30pm to 9pm").count(), 1, "{page}");
    assert_eq!(page.matches("6:30pm").count(), 1, "{page}");
    // Without `when`, the schedule says it, once.
    let swim = read(&public, "services/saturday-swim/index.html");
    assert_eq!(swim.matches("Saturdays, 10am to 11am").count(), 1, "{swim}");
}

#[test]
fn several_ways_in_are_joined_with_or() {
    let (_site, _out, public) = build_clubs(None);
    let page = read(&public, "services/monday-club/index.html");
    assert!(
        page.contains("<p>Contact them yourself, or ask a professional such as a GP, teacher or social worker to refer you</p>"),
        "{page}"
    );
    assert!(!page.contains("needs to refer you"), "{page}");
    // One way in keeps its own sentence.
    let swim = read(&public, "services/saturday-swim/index.html");
    assert!(swim.contains("<p>Drop in, no appointment needed</p>"), "{swim}");
}

#[test]
fn each_venue_has_its_full_address_and_directions_to_its_postcode() {
    let (_site, _out, public) = build_clubs(None);
    let page = read(&public, "services/monday-club/index.html");
    assert!(
        page.contains(r#"<p class="venue-address">The Youth Centre<br>1 High Street<br>Northtown<br>NT1 2AB</p>"#),
        "{page}"
    );
    let directions = between(&page, r#"<p class="venue-directions">"#, "</p>");
    assert!(
        directions.contains(r#"<a href="https://www.openstreetmap.org/directions?to=NT1%202AB" class="external">Get directions"#),
        "{directions}"
    );
    assert!(directions.contains("to The Youth Centre"), "{directions}");
    assert!(
        directions.contains(r#"<span class="visually-hidden">(opens another website)</span>"#),
        "{directions}"
    );
    // A venue without a postcode has no directions (nothing to aim at).
    let swim = read(&public, "services/saturday-swim/index.html");
    assert!(!swim.contains("openstreetmap"), "{swim}");
}

/// The shortlist data file of `id` in the built site at `public`.
fn data(public: &Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&read(public, &format!("shortlist/data/{id}.json"))).unwrap()
}

#[test]
fn the_shortlist_embeds_no_services_and_each_has_a_data_file_under_the_base_path() {
    let (_site, _out, public) = build_clubs(Some("https://example.github.io/localoffer/"));
    let page = read(&public, "shortlist/index.html");
    for name in ["Monday club", "Saturday swim", "Speech therapy"] {
        assert!(!page.contains(name), "the shortlist page embeds {name}");
    }
    assert!(!page.contains("application/json"), "{page}");
    assert!(page.contains(r#"data-source="/localoffer/shortlist/data/""#), "{page}");
    assert!(page.contains(r#"<script src="/localoffer/assets/shortlist."#), "{page}");
    // Without JavaScript it says so and offers the directory.
    assert!(page.contains("The shortlist needs JavaScript"), "{page}");
    assert!(
        page.contains(r#"<a href="/localoffer/services/">Find services in the directory</a>"#),
        "{page}"
    );

    let services = files_under(&public.join("services"))
        .into_iter()
        .filter(|f| f.ends_with("/index.html"))
        .count();
    let files = files_under(&public.join("shortlist/data"));
    assert!(
        files.len() >= 4 && files.iter().all(|f| f.ends_with(".json")),
        "{files:?} ({services} service pages)"
    );

    let club = data(&public, "monday-club");
    assert_eq!(club["url"], "/services/monday-club/");
    assert_eq!(club["call"]["href"], "tel:01214960670");
    assert_eq!(club["times"], serde_json::json!(["Mondays, 6:30pm to 9pm"]));
    assert_eq!(club["ages"], "11 to 24");
    assert_eq!(club["cost"], "Free");
    assert_eq!(
        club["venues"][0]["lines"],
        serde_json::json!(["The Youth Centre", "1 High Street", "Northtown", "NT1 2AB"])
    );
    assert_eq!(
        club["venues"][0]["directions"],
        "https://www.openstreetmap.org/directions?to=NT1%202AB"
    );
    let swim = data(&public, "saturday-swim");
    assert_eq!(swim["times"], serde_json::json!(["Saturdays, 10am to 11am"]));
    // Small enough to fetch one by one.
    assert!(read(&public, "shortlist/data/monday-club.json").len() < 2_000);
}
