//! News: `content/news/*.md` items, the listing and its pages, the item pages, the latest news on
//! the home page, the Atom feeds, and the checks on dates and attachments.

use crate::common::*;
use std::path::Path;

/// A news item's file text.
fn item(title: &str, date: &str, extra: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\nsummary: A short note about the news.\nowner: Testshire Healthcare NHS Trust\ntopics: [health]\n{extra}---\nWe have some news for families. You can read it here.\n"
    )
}

/// The valid fixture with `count` news items dated 1, 2, … January 2026 (`news-1`, `news-2`, …),
/// then `change` applied.
fn site_with_news(count: usize, change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let news = site.path().join("content/news");
    std::fs::create_dir_all(&news).unwrap();
    for n in 1..=count {
        let text = item(&format!("News number {n}"), &format!("2026-01-{n:02}"), "");
        std::fs::write(news.join(format!("news-{n}.md")), text).unwrap();
    }
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

/// The positions of `needles` in `haystack`, panicking when one is missing.
fn positions(haystack: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| haystack.find(n).unwrap_or_else(|| panic!("{n} not found")))
        .collect()
}

#[test]
fn the_listing_is_newest_first_ten_a_page_with_accessible_pagination() {
    let site = site_with_news(12, |_| {});
    let (_out, public) = build_site(site.path());
    let first = read(&public, "news/index.html");
    let order = positions(&first, &[">News number 12<", ">News number 11<", ">News number 3<"]);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first: {order:?}");
    assert!(!first.contains(">News number 2<"), "only ten on the first page");
    assert!(first.contains("<nav class=\"pagination\" aria-label=\"News pages\">"), "{first}");
    assert!(first.contains("<a href=\"/news/\" aria-current=\"page\">Page 1</a>"), "{first}");
    assert!(first.contains("<a href=\"/news/page/2/\" rel=\"next\">"), "{first}");
    assert!(first.contains("<time datetime=\"2026-01-12\">12 January 2026</time>"), "{first}");

    let second = read(&public, "news/page/2/index.html");
    let order = positions(&second, &[">News number 2<", ">News number 1<"]);
    assert!(order[0] < order[1]);
    assert!(!second.contains(">News number 3<"));
    assert!(
        second.contains("<a href=\"/news/page/2/\" aria-current=\"page\">Page 2</a>"),
        "{second}"
    );
    assert!(second.contains("<a href=\"/news/\" rel=\"prev\">"), "{second}");
    assert!(
        second.contains("<title>News: page 2 of 2 - Testshire Local Offer</title>"),
        "{second}"
    );
    assert!(!public.join("news/page/3").exists());
    assert!(!public.join("news/page/1").exists(), "page 1 is /news/");
}

#[test]
fn an_item_page_shows_its_date_owner_topics_attachment_type_and_size() {
    let site = site_with_news(0, |root| {
        std::fs::create_dir_all(root.join("assets/newsletters")).unwrap();
        std::fs::write(root.join("assets/newsletters/autumn.pdf"), vec![b'%'; 240 * 1024]).unwrap();
        let extra =
            "attachments:\n  - file: /assets/newsletters/autumn.pdf\n    title: Autumn newsletter\n    html_version: /accessibility/\n";
        std::fs::write(root.join("content/news/autumn.md"), item("Autumn newsletter", "2026-11-01", extra)).unwrap();
    });
    let (_out, public) = build_site(site.path());
    let page = read(&public, "news/autumn/index.html");
    assert!(page.contains("<time datetime=\"2026-11-01\">1 November 2026</time>"), "{page}");
    assert!(page.contains("<dd>Testshire Healthcare NHS Trust</dd>"), "{page}");
    assert!(page.contains("<dd>Health</dd>"), "{page}");
    assert!(
        page.contains(">Autumn newsletter</a> <span class=\"attachment__about\">(PDF, 240 KB)</span>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"/assets/newsletters/autumn."),
        "the attachment is linked: {page}"
    );
    assert!(
        page.contains("<a href=\"/accessibility/\">Read it as a web page: Autumn newsletter</a>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"/news/\">Back to all news</a>"), "{page}");
    assert!(
        page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/news/feed.xml\""),
        "{page}"
    );
    let attachment = files_under(&public)
        .into_iter()
        .find(|f| f.starts_with("assets/newsletters/autumn.") && f.ends_with(".pdf"))
        .expect("the attachment is published");
    assert_eq!(std::fs::metadata(public.join(attachment)).unwrap().len(), 240 * 1024);
}

#[test]
fn the_home_page_shows_the_latest_three() {
    let site = site_with_news(5, |_| {});
    let (_out, public) = build_site(site.path());
    let home = read(&public, "index.html");
    let order = positions(&home, &[">News number 5<", ">News number 4<", ">News number 3<"]);
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    assert!(!home.contains(">News number 2<"), "{home}");
    assert!(home.contains("<a href=\"/news/\">See all news</a>"));
}

#[test]
fn the_atom_feed_is_xml_with_the_required_elements_and_absolute_addresses() {
    let site = site_with_news(2, |root| {
        let text = item("Fish &amp; chips for \"everyone\"", "2026-03-01", "").replace(
            "title: Fish &amp; chips for \"everyone\"",
            "title: 'Fish & chips for \"everyone\" under 5 < 6'",
        );
        std::fs::write(root.join("content/news/fish.md"), text).unwrap();
    });
    let (_out, public) = build_site(site.path());
    let xml = read(&public, "news/feed.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let feed = doc.root_element();
    let atom = "http://www.w3.org/2005/Atom";
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(atom));
    let base = "https://localoffer.testshire.example";
    assert_eq!(child(feed, "id").text(), Some(&*format!("{base}/news/feed.xml")));
    assert_eq!(child(feed, "title").text(), Some("Testshire Local Offer: News"));
    assert_eq!(
        child(feed, "updated").text(),
        Some("2026-03-01T00:00:00Z"),
        "the newest item's date, not now"
    );
    let links: Vec<(Option<&str>, Option<&str>)> = feed
        .children()
        .filter(|c| c.has_tag_name((atom, "link")))
        .map(|l| (l.attribute("rel"), l.attribute("href")))
        .collect();
    assert!(
        links.contains(&(Some("self"), Some(&*format!("{base}/news/feed.xml")))),
        "{links:?}"
    );
    assert!(links.contains(&(Some("alternate"), Some(&*format!("{base}/news/")))), "{links:?}");

    let entries: Vec<_> = feed.children().filter(|c| c.has_tag_name((atom, "entry"))).collect();
    assert_eq!(entries.len(), 3);
    let first = entries[0];
    assert_eq!(
        child(first, "title").text(),
        Some("Fish & chips for \"everyone\" under 5 < 6"),
        "escaped and read back"
    );
    assert_eq!(child(first, "id").text(), Some(&*format!("{base}/news/fish/")));
    assert_eq!(child(first, "updated").text(), Some("2026-03-01T00:00:00Z"));
    assert_eq!(child(first, "link").attribute("href"), Some(&*format!("{base}/news/fish/")));
    assert_eq!(child(first, "summary").text(), Some("A short note about the news."));
    assert_eq!(child(child(first, "author"), "name").text(), Some("Testshire Healthcare NHS Trust"));
    for entry in &entries {
        for name in ["id", "title", "updated", "link", "summary", "author"] {
            child(*entry, name);
        }
    }
    let topic = read(&public, "news/topics/health.xml");
    roxmltree::Document::parse(&topic).expect("the topic feed is well-formed XML");

    let (_again, public_again) = build_site(site.path());
    assert_eq!(read(&public_again, "news/feed.xml"), xml, "the same content gives the same feed");
}

/// The Atom child element `name` of `node`.
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)))
        .unwrap_or_else(|| panic!("no <{name}>"))
}

#[test]
fn a_bad_date_is_an_error_at_its_line() {
    let site = site_with_news(0, |root| {
        std::fs::write(root.join("content/news/bad.md"), item("Bad date", "2026-02-30", "")).unwrap();
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/news/bad.md:3:"), "{stderr}");
    assert!(stderr.contains("[bad-date]"), "{stderr}");
    assert!(stderr.contains("not a real date"), "{stderr}");
}

#[test]
fn attachments_without_an_accessible_version_warn_and_missing_files_fail_at_their_lines() {
    let site = site_with_news(0, |root| {
        std::fs::create_dir_all(root.join("assets")).unwrap();
        std::fs::write(root.join("assets/plan.docx"), b"words").unwrap();
        let extra = "attachments:\n  - file: /assets/plan.docx\n    title: Our plan\n  - file: /assets/gone.pdf\n    title: Gone\n    accessible_format: Ask us for large print.\n";
        std::fs::write(root.join("content/news/plan.md"), item("Our plan", "2026-05-01", extra)).unwrap();
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("warning: content/news/plan.md:8:5: The attachment \"Our plan\" has no HTML version"),
        "{stderr}"
    );
    assert!(stderr.contains("Public Sector Bodies Accessibility Regulations 2018"), "{stderr}");
    assert!(stderr.contains("[attachment-not-accessible]"), "{stderr}");
    assert!(
        stderr.contains("error: content/news/plan.md:10:5: The attachment `/assets/gone.pdf` does not exist [attachment-missing]"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("[attachment-not-accessible]").count(),
        1,
        "the note counts: {stderr}"
    );
}

#[test]
fn draft_news_is_left_out_of_the_listing_the_feed_and_the_home_page() {
    let site = site_with_news(1, |root| {
        std::fs::write(
            root.join("content/news/secret.md"),
            item("Secret plans", "2026-06-01", "status: draft\n"),
        )
        .unwrap();
    });
    let (_out, public) = build_site(site.path());
    assert!(!public.join("news/secret").exists());
    for file in ["news/index.html", "news/feed.xml", "index.html"] {
        let text = read(&public, file);
        assert!(!text.contains("Secret plans"), "{file}");
        assert!(text.contains("News number 1"), "{file}");
    }
}

#[test]
fn a_site_without_news_has_no_news_pages_or_feed() {
    let site = site_with_news(0, |_| {});
    let (_out, public) = build_site(site.path());
    assert!(!public.join("news").exists());
    assert!(!read(&public, "index.html").contains("Latest news"));
}

#[test]
fn news_items_are_found_by_search_by_their_words_and_their_owner() {
    let site = site_with_news(0, |root| {
        let text =
            item("Swimming sessions on Saturdays", "2026-04-01", "").replace("Testshire Healthcare NHS Trust", "Riverside Leisure Trust");
        std::fs::write(root.join("content/news/swimming.md"), text).unwrap();
    });
    signpost().args(["build", "--root"]).arg(site.path()).assert().success();
    for query in ["swimming", "riverside"] {
        let output = signpost()
            .args(["--format", "json", "search", "--root"])
            .arg(site.path())
            .arg(query)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let urls: Vec<&str> = value["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|hit| hit["url"].as_str())
            .collect();
        assert!(urls.contains(&"/news/swimming/"), "{query}: {urls:?}");
    }
}

#[test]
fn a_news_index_page_is_an_error_because_signpost_makes_the_listing() {
    let site = site_with_news(1, |root| {
        std::fs::write(root.join("content/news/index.md"), item("All our news", "2026-01-05", "")).unwrap();
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: content/news/index.md: The news listing at /news/ is made by Signpost"),
        "{stderr}"
    );
    assert!(stderr.contains("[news-index]"), "{stderr}");
}

#[test]
fn news_does_not_count_as_covering_a_required_topic() {
    let site = site_with_news(0, |root| {
        replace_in(
            root,
            "content/advice/assessment.md",
            "topics: [ehc-plans, assessment]",
            "topics: [ehc-plans]",
        );
        let text = item("Assessment news", "2026-02-01", "").replace("topics: [health]", "topics: [assessment]");
        std::fs::write(root.join("content/news/assessment.md"), text).unwrap();
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("No page covers the required Local Offer topic `assessment`"),
        "{stderr}"
    );
}

#[test]
fn an_html_version_that_is_not_a_page_is_an_error_at_the_attachment() {
    let site = site_with_news(0, |root| {
        std::fs::create_dir_all(root.join("assets")).unwrap();
        std::fs::write(root.join("assets/plan.pdf"), b"%PDF-1.4").unwrap();
        let extra = "attachments:\n  - file: /assets/plan.pdf\n    title: Our plan\n    html_version: /no-such-page/\n";
        std::fs::write(root.join("content/news/plan.md"), item("Our plan", "2026-05-01", extra)).unwrap();
    });
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: content/news/plan.md:8:5: The HTML version `/no-such-page/` of the attachment \"Our plan\" is not a page of this site [attachment-html-version]"),
        "{stderr}"
    );
}
