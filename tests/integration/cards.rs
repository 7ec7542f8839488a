//! Service cards are made once per service and put into each listing page: the card a page gets
//! is finished like the rest of the page, and a listing template that includes the card partial
//! itself gives the same page.

use crate::common::{build_site, copy_tree, fixture, read};

const CATEGORY_PAGE: &str = "services/health/index.html";

fn site_with(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_tree(&fixture("valid"), dir.path());
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("folder");
        std::fs::write(path, text).expect("template written");
    }
    dir
}

fn theme_template(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates")
            .join(name),
    )
    .expect("the default theme's template")
}

#[test]
fn a_card_is_finished_like_its_page_and_its_ids_reach_the_page() {
    let card = "<li id=\"card-{{ s.url | replace(from='/', to='') }}\"><a href=\"{{ s.url }}\">{{ s.name }}</a> <a href=\"https://nhs.example.org/\">NHS</a></li>\n";
    let site = site_with(&[("templates/partials/service_card.html", card.to_string())]);
    // A link to a card's id is checked against the ids the card brought to its page: the build
    // fails on a dead anchor, so it succeeds only if the card's facts were added to the page's.
    let index = site.path().join("content/index.md");
    let text = std::fs::read_to_string(&index).expect("home page")
        + "\n[Speech therapy on the list](/services/health/#card-servicesspeech-therapy)\n";
    std::fs::write(&index, text).expect("home page written");
    let (_out, public) = build_site(site.path());
    let html = read(&public, CATEGORY_PAGE);
    assert!(!html.contains("<!--signpost-card"), "a marker was left in the page");
    assert!(
        html.contains("<a href=\"https://nhs.example.org/\" class=\"external\">NHS <span class=\"visually-hidden\">"),
        "the card's link to another website was not marked:\n{html}"
    );
    assert!(html.contains("id=\"card-servicesspeech-therapy\""), "{html}");
}

#[test]
fn a_category_template_that_includes_the_card_itself_gives_the_same_page() {
    let (_plain_out, plain) = build_site(site_with(&[]).path());
    let marked = theme_template("category.html");
    assert!(marked.contains("{{- s.card | safe }}"), "the default template marks its cards");
    let included = marked.replace("{{- s.card | safe }}", "{%- include \"partials/service_card.html\" %}");
    let site = site_with(&[("templates/category.html", included)]);
    let (_out, public) = build_site(site.path());
    assert_eq!(read(&public, CATEGORY_PAGE), read(&plain, CATEGORY_PAGE));
}
