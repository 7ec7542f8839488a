//! "Area means available to us": a service that covers the whole area (it names a service area,
//! comes to the family's home, or is online) matches every locality on the locality pages, in the
//! category filters and in search, and its card says so.

use crate::common::*;

/// Four short breaks beside the valid fixture's: one only at a venue in Northtown, one that names
/// a service area, one that comes to your home ("Home visits", no locality), one online.
const MORE: &str = r#"
- id: northtown-club
  name: Northtown club
  category: short-breaks
  summary: A club in Northtown only.
  provider: Northtown Trust
  ages: { from: 5, to: 11 }
  access: [drop-in]
  cost: Free
  contact:
    phone: "0121 496 0101"
  where:
    address: Hall, High Street
    locality: Northtown
  last_reviewed: 2026-09-01
- id: borough-sitting
  name: Borough home sitting
  category: short-breaks
  summary: Sitters anywhere in Testshire.
  provider: Testshire Council
  ages: { from: 0, to: 18 }
  access: [self-referral]
  cost: Free
  contact:
    phone: "0121 496 0102"
  where:
    address: Offices, Town Hall
    locality: Southtown
  service_area: All of Testshire
  last_reviewed: 2026-09-01
- id: home-helpers
  name: Home helpers
  category: short-breaks
  summary: Helpers who visit you.
  provider: Helping Hands
  ages: { from: 0, to: 18 }
  access: [self-referral]
  cost: Free
  contact:
    phone: "0121 496 0103"
  where:
    address: Home visits
  last_reviewed: 2026-09-01
- id: chat-line
  name: Chat line
  category: short-breaks
  summary: Talk to someone by phone or online.
  provider: Helping Hands
  ages: { from: 11, to: 25 }
  access: [self-referral]
  cost: Free
  contact:
    phone: "0121 496 0104"
  where:
    online: true
  last_reviewed: 2026-09-01
"#;

fn site_with_more() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let _ = std::fs::remove_dir_all(site.path().join("search-index"));
    std::fs::write(site.path().join("content/services/more-short-breaks.yaml"), MORE).unwrap();
    site
}

/// The card of the service linked at `url` in `html` (from its `<li` to its `</li>`).
fn card<'a>(html: &'a str, url: &str) -> &'a str {
    let link = html
        .find(&format!("href=\"{url}\""))
        .unwrap_or_else(|| panic!("{url} is not listed"));
    let start = html[..link].rfind("<li").unwrap();
    let end = link + html[link..].find("</li>").unwrap();
    &html[start..end]
}

fn section<'a>(html: &'a str, from: &str, to: Option<&str>) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("{from} is not on the page"));
    let end = to.and_then(|t| html[start..].find(t).map(|i| start + i)).unwrap_or(html.len());
    &html[start..end]
}

#[test]
fn a_locality_page_lists_its_venues_then_the_services_available_across_the_area() {
    let site = site_with_more();
    let (_out, public) = build_site(site.path());
    let html = read(&public, "services/localities/northtown/index.html");
    let there = section(&html, "With a venue in Northtown", Some("Also available across Testshire"));
    let across = section(&html, "Also available across Testshire", None);
    assert!(there.contains("/services/northtown-club/"), "{there}");
    assert!(!there.contains("/services/home-helpers/"), "{there}");
    for id in ["borough-sitting", "home-helpers", "chat-line"] {
        assert!(across.contains(&format!("/services/{id}/")), "{id} missing from: {across}");
    }
    assert!(
        !across.contains("/services/northtown-club/"),
        "a venue-only service is not across the area"
    );
    assert!(!across.contains("/services/splash-club/"), "Splash Club is only in Southtown");
    // Each list has its own count.
    assert!(across.contains("id=\"also-available-count\">3 services"), "{across}");

    // The Southtown page lists the service-area service under its venue, not twice.
    let south = read(&public, "services/localities/southtown/index.html");
    assert_eq!(south.matches("href=\"/services/borough-sitting/\"").count(), 1);
    assert!(section(&south, "With a venue in Southtown", Some("Also available")).contains("/services/borough-sitting/"));
}

#[test]
fn cards_say_how_a_whole_area_service_reaches_families() {
    let site = site_with_more();
    let (_out, public) = build_site(site.path());
    let html = read(&public, "services/short-breaks/index.html");
    let borough = card(&html, "/services/borough-sitting/");
    assert!(borough.contains("data-whole-area=\"true\""), "{borough}");
    assert!(borough.contains("Covers all of Testshire (venue in Southtown)"), "{borough}");
    assert!(card(&html, "/services/home-helpers/").contains("Comes to your home"));
    assert!(card(&html, "/services/chat-line/").contains("Online or by phone"));
    let club = card(&html, "/services/northtown-club/");
    assert!(!club.contains("data-whole-area"), "{club}");
    assert!(!club.contains("card__reach"), "{club}");
}

#[test]
fn the_area_filter_offers_every_locality_the_site_knows() {
    let site = site_with_more();
    // Health's only venue is in Northtown; the filter still offers Southtown.
    let (_out, public) = build_site(site.path());
    let html = read(&public, "services/health/index.html");
    if html.contains("id=\"filter-locality\"") {
        assert!(html.contains("<option value=\"Southtown\">"), "{html}");
        assert!(html.contains("<option value=\"Northtown\">"), "{html}");
    }
    let breaks = read(&public, "services/short-breaks/index.html");
    let select = section(&breaks, "id=\"filter-locality\"", Some("</select>"));
    assert!(select.contains("Northtown") && select.contains("Southtown"), "{select}");
}

#[test]
fn search_keeps_whole_area_services_under_an_area_filter() {
    let site = site_with_more();
    let (_out, public) = build_site(site.path());
    let facets: serde_json::Value = serde_json::from_str(&read(&public, "search/facets.json")).unwrap();
    let localities: Vec<&str> = facets["localities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let northtown = localities.iter().position(|l| *l == "northtown").unwrap() as i64;
    let meta: serde_json::Value = serde_json::from_str(&read(&public, "search/meta.json")).unwrap();
    let per_file = meta["docsPerFile"].as_u64().unwrap() as usize;
    let mut in_northtown = Vec::new();
    for (n, row) in facets["docs"].as_array().unwrap().iter().enumerate() {
        let places: Vec<i64> = row[3].as_array().unwrap().iter().map(|p| p.as_i64().unwrap()).collect();
        if places.contains(&northtown) {
            let file: serde_json::Value = serde_json::from_str(&read(&public, &format!("search/docs/{}.json", n / per_file))).unwrap();
            in_northtown.push(file[n % per_file][0].as_str().unwrap().to_string());
        }
    }
    for id in ["northtown-club", "borough-sitting", "home-helpers", "chat-line"] {
        assert!(
            in_northtown.contains(&format!("/services/{id}/")),
            "{id} not found in Northtown: {in_northtown:?}"
        );
    }
    assert!(!in_northtown.contains(&"/services/splash-club/".to_string()), "{in_northtown:?}");

    // The result details carry ages, cost, locality and reach, as the cards show them.
    let all: Vec<serde_json::Value> = (0..)
        .map_while(|n| std::fs::read_to_string(public.join(format!("search/docs/{n}.json"))).ok())
        .flat_map(|text| serde_json::from_str::<Vec<serde_json::Value>>(&text).unwrap())
        .collect();
    let borough = all.iter().find(|d| d[0] == "/services/borough-sitting/").unwrap();
    assert_eq!(borough[5], "0 to 18");
    assert_eq!(borough[6], "Free");
    assert_eq!(borough[7], "Southtown");
    assert_eq!(borough[8], "area");
    let home = all.iter().find(|d| d[0] == "/services/home-helpers/").unwrap();
    assert_eq!(home[8], "home");

    // The tantivy index agrees: `signpost search --locality` keeps them too.
    let output = signpost()
        .args(["--format", "json", "search", "club", "--locality", "Northtown", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let found = String::from_utf8_lossy(&output.stdout);
    assert!(found.contains("/services/northtown-club/"), "{found}");
}

#[test]
fn search_and_directory_pages_offer_a_search_box_and_the_search_page_says_it_needs_javascript() {
    let site = site_with_more();
    let (_out, public) = build_site(site.path());
    for page in ["index.html", "services/index.html", "404.html"] {
        let html = read(&public, page);
        assert!(html.contains("class=\"search-box\" action=\"/search/\""), "no search box on {page}");
    }
    let search = read(&public, "search/index.html");
    assert!(search.contains("Search needs JavaScript"), "{search}");
    assert!(search.contains("data-search-form hidden"), "the form must start hidden");
    assert!(search.contains("data-search-more"), "{search}");
}
