//! Listing pages that read well at any size: need pages list specialist services before those
//! open to all needs; need, locality and age pages are split into numbered pages; the A to Z is
//! a compact list with a page per letter when the site is big. The fixture is the valid one with
//! 60 more services and small `[listings]` sizes, so every kind of split happens.

use crate::common::*;
use std::fmt::Write as _;
use std::path::Path;

/// `[listings]` small enough that the fixture's 63 services split everywhere.
const SIZES: &str = "\n[listings]\nper_page = 10\na_to_z_one_page = 20\na_to_z_per_page = 8\n";

/// 60 short breaks: 12 for autism, 30 open to all needs, 18 naming no need; names start with A,
/// B or C (20 each), venues in Northtown or Southtown.
fn sixty_services() -> String {
    let mut yaml = String::new();
    for i in 0..60 {
        let name = format!("{} club {i:02}", ["Art", "Bike", "Cook"][i % 3]);
        let needs = match i % 5 {
            0 => "[autism]",
            1 | 2 => "[all]",
            3 if i % 2 == 0 => "[all]",
            _ => "[]",
        };
        let town = if i % 2 == 0 { "Northtown" } else { "Southtown" };
        write!(
            yaml,
            r#"
- id: club-{i:02}
  name: {name}
  category: short-breaks
  summary: A friendly club for children. Come and try it.
  provider: Testshire Clubs
  ages: {{ from: 5, to: 11 }}
  access: [drop-in]
  cost: Free
  needs: {needs}
  contact:
    phone: "0121 496 {phone:04}"
  where:
    address: Hall, High Street
    locality: {town}
  last_reviewed: 2026-09-01
"#,
            phone = 2000 + i
        )
        .unwrap();
    }
    yaml
}

/// The valid fixture with 60 more services and small listing sizes.
fn big_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::write(site.path().join("content/services/clubs.yaml"), sixty_services()).unwrap();
    let config = site.path().join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text + SIZES).unwrap();
    site
}

/// The addresses of the services listed on a page, in order.
fn listed(html: &str) -> Vec<String> {
    html.split("class=\"card__title\"><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn need_pages_list_specialist_services_first_with_counts_across_their_pages() {
    let site = big_site();
    let (_out, public) = build_site(site.path());
    // 12 clubs and Speech therapy are for autism; 30 clubs (24 with i % 5 of 1 or 2, 6 more with
    // i % 5 == 3 and i even) and Splash Club (physical, all) are open to all needs: 44, 10 a page.
    let first = read(&public, "services/needs/autism/index.html");
    assert!(
        first.contains(r#"<h2 id="specialist-heading">Specialist services: Autism</h2>"#),
        "{first}"
    );
    assert!(
        first.contains(r#"<p class="result-count" id="specialist-count">13 services</p>"#),
        "{first}"
    );
    assert!(first.contains("<title>Autism: services (page 1 of 5)"), "{first}");
    assert!(
        first.contains(
            r##"<a href="/services/needs/autism/page/2/#all-needs-heading">Also open to all needs</a>: 31 services (from page 2)"##
        ),
        "the outline links to where the all-needs services start: {first}"
    );
    let mut order = Vec::new();
    for number in 1..=5 {
        let path = if number == 1 {
            "services/needs/autism/index.html".to_string()
        } else {
            format!("services/needs/autism/page/{number}/index.html")
        };
        let html = read(&public, &path);
        if number == 2 {
            let specialist = html
                .find("id=\"specialist-heading\"")
                .expect("specialist services continue on page 2");
            let all = html.find("id=\"all-needs-heading\"").expect("all-needs services start on page 2");
            assert!(specialist < all, "{html}");
            assert!(
                html.contains("Specialist services: Autism <span class=\"listing-continued\">(continued)</span>"),
                "{html}"
            );
            assert!(html.contains(r#"id="all-needs-count">31 services</p>"#), "{html}");
        }
        order.extend(listed(&html));
    }
    assert!(!public.join("services/needs/autism/page/6/index.html").exists());
    assert_eq!(order.len(), 44, "every service once: {order:?}");
    let specialist: Vec<&String> = order.iter().take(13).collect();
    assert!(specialist.contains(&&"/services/speech-therapy/".to_string()), "{order:?}");
    for (index, club) in order.iter().enumerate().skip(13) {
        assert!(!specialist.contains(&club), "{club} listed twice");
        let id: usize = club
            .trim_start_matches("/services/club-")
            .trim_end_matches('/')
            .parse()
            .unwrap_or(99);
        assert!(
            id == 99 || !id.is_multiple_of(5),
            "autism club {club} after the specialist services at {index}"
        );
    }
    assert!(order.iter().skip(13).any(|u| u == "/services/splash-club/"), "{order:?}");
    assert!(
        !order.iter().any(|u| u == "/services/saturday-play-scheme/"),
        "no needs given: not listed"
    );
}

#[test]
fn locality_and_age_pages_split_into_numbered_pages_with_page_links() {
    let site = big_site();
    let (_out, public) = build_site(site.path());
    // Ages 5 to 10: the 60 clubs and the fixture's services for those ages, 10 a page.
    let age = read(&public, "services/ages/5-10/page/2/index.html");
    assert!(age.contains(r#"<nav class="pagination" aria-label="Pages of this list">"#), "{age}");
    assert!(
        age.contains(r#"<a href="/services/ages/5-10/page/2/" aria-current="page"><span class="visually-hidden">Page </span>2</a>"#),
        "{age}"
    );
    assert!(
        age.contains(r#"<a href="/services/ages/5-10/" rel="prev">Previous page</a>"#),
        "{age}"
    );
    assert_eq!(listed(&age).len(), 10);
    let north = read(&public, "services/localities/northtown/index.html");
    assert!(north.contains("With a venue in Northtown"), "{north}");
    assert!(north.contains(r#"href="/services/localities/northtown/page/2/""#), "{north}");
    assert_eq!(listed(&north).len(), 10);
}

#[test]
fn the_a_to_z_is_compact_with_a_page_per_letter_and_letter_navigation() {
    let site = big_site();
    let (_out, public) = build_site(site.path());
    let index = read(&public, "services/a-z/index.html");
    assert!(!index.contains("card--service"), "no full cards: {index}");
    assert!(
        index.contains(r#"<li><a href="/services/a-z/a/">A</a> <span class="a-z-index__count">20 services</span></li>"#),
        "{index}"
    );
    assert!(
        index.contains(r#"<li><a href="/services/a-z/s/">S</a> <span class="a-z-index__count">3 services</span></li>"#),
        "{index}"
    );
    let a = read(&public, "services/a-z/a/index.html");
    assert!(a.contains("<title>Services A to Z: A (page 1 of 3)"), "{a}");
    assert!(a.contains(r#"<nav class="letter-nav" aria-label="Letters">"#), "{a}");
    assert!(
        a.contains(r#"<li><a href="/services/a-z/a/" aria-current="page">A</a></li>"#),
        "{a}"
    );
    assert!(a.contains(r#"<li><a href="/services/a-z/b/">B</a></li>"#), "{a}");
    assert!(a.contains(r#"<li><span class="letter-nav__unused">D</span></li>"#), "{a}");
    assert!(
        a.contains(r#"<a href="/services/club-00/">Art club 00</a> <span class="a-z-list__summary">A friendly club for children.</span>"#),
        "one line of summary: {a}"
    );
    assert_eq!(a.matches("<li><a href=\"/services/club-").count(), 8, "8 names a page");
    let a3 = read(&public, "services/a-z/a/page/3/index.html");
    assert!(a3.contains(r#"<a href="/services/a-z/a/page/3/" aria-current="page">"#), "{a3}");
    assert!(a3.contains(r#"<a href="/services/a-z/a/page/2/" rel="prev">"#), "{a3}");
    assert_eq!(a3.matches("<li><a href=\"/services/club-").count(), 4);
    let s = read(&public, "services/a-z/s/index.html");
    let (saturday, speech, splash) = (
        s.find("Saturday play scheme"),
        s.find("Speech therapy"),
        s.find("Splash Club swimming"),
    );
    assert!(saturday < speech && speech < splash && saturday.is_some(), "sorted by name: {s}");
    assert!(!s.contains("class=\"pagination\""), "one page: no page links");
}

#[test]
fn page_addresses_get_the_base_path_and_are_in_the_sitemap() {
    let site = big_site();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .args(["--base-url", "https://example.github.io/localoffer/"])
        .assert()
        .success();
    let page = read(&public, "services/needs/autism/page/2/index.html");
    assert!(
        page.contains(r#"<a href="/localoffer/services/needs/autism/page/3/" rel="next">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="/localoffer/services/needs/autism/" rel="prev">"#),
        "{page}"
    );
    assert!(!page.contains("href=\"/services/"), "every route has the base path: {page}");
    let letter = read(&public, "services/a-z/b/index.html");
    assert!(letter.contains(r#"<a href="/localoffer/services/a-z/c/">C</a>"#), "{letter}");
    let sitemap = read(&public, "sitemap.xml");
    for url in [
        "https://example.github.io/localoffer/services/needs/autism/page/5/",
        "https://example.github.io/localoffer/services/ages/5-10/page/2/",
        "https://example.github.io/localoffer/services/a-z/a/page/3/",
        "https://example.github.io/localoffer/services/a-z/c/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url} not in {sitemap}");
    }
}

/// Builds `root`, expecting it to fail; returns what it printed.
fn failing_build(root: &Path) -> String {
    let out = tempfile::tempdir().unwrap();
    let output = signpost()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "a content error");
    String::from_utf8_lossy(&output.stderr).into_owned() + &String::from_utf8_lossy(&output.stdout)
}

#[test]
fn a_file_or_redirect_at_a_page_address_clashes_instead_of_replacing_it() {
    let site = big_site();
    let file = site.path().join("static/services/needs/autism/page/2/index.html");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "<p>Our own page</p>").unwrap();
    std::fs::write(site.path().join("content/redirects.yaml"), "/services/a-z/a/page/2/: /services/\n").unwrap();
    let printed = failing_build(site.path());
    assert!(
        printed.contains("static/services/needs/autism/page/2/index.html: Signpost makes /services/needs/autism/page/2/index.html itself, so this file cannot be published there [static-clash]"),
        "{printed}"
    );
    assert!(
        printed.contains("content/redirects.yaml:1:1: The old address /services/a-z/a/page/2/ is the address of a page of this site, so it cannot also be a redirect [redirect-clash]"),
        "{printed}"
    );
}

#[test]
fn a_page_size_of_zero_is_an_error_at_its_line() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let config = site.path().join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let line = text.lines().count() + 3;
    std::fs::write(&config, format!("{text}\n[listings]\nper_page = 0\n")).unwrap();
    let printed = failing_build(site.path());
    assert!(
        printed.contains(&format!(
            "site.toml:{line}:1: [listings] per_page is 0, so no service would fit on a page [config-value]"
        )),
        "{printed}"
    );
}
