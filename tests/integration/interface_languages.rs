//! The interface in each language: strings files with English as the fallback, the
//! `strings-missing` check and `signpost strings`, dates in each language's words, the help line
//! on every page and the phone number in the footer.

use crate::common::{TODAY, copy_tree, files_under, fixture, read, signpost};
use signpost::content::{Date, Site};
use signpost::render::{Renderer, Theme};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const LANGUAGES: &str = r#"
[[languages]]
tag = "pl"
name = "Polski"
help = "Potrzebujesz pomocy w swoim języku? Zadzwoń pod numer {phone} i poproś o tłumacza."

[[languages]]
tag = "ur"
name = "اردو"
help = "کیا آپ کو اپنی زبان میں مدد چاہیے؟ {phone} پر فون کریں اور ترجمان کے لیے کہیں۔"

[[languages]]
tag = "ro"
name = "Română"

[[languages]]
tag = "pa-Guru"
name = "ਪੰਜਾਬੀ"

[interpreting]
phone = "01632 960 123"
page = "/other-formats/"
"#;

/// The search fixture with Polish, Urdu and Romanian listed, in a temporary folder.
fn site_with_languages() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    copy_tree(&fixture("search"), &root);
    let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(root.join("site.toml"), format!("{config}\n{LANGUAGES}")).unwrap();
    (dir, root)
}

fn json_findings(root: &Path) -> (bool, Vec<serde_json::Value>) {
    let output = signpost().args(["--format", "json", "check", "--root"]).arg(root).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let list = value["diagnostics"].as_array().cloned().unwrap_or_default();
    (output.status.success(), list)
}

#[test]
fn a_language_lacking_strings_is_listed_and_signpost_strings_prints_them_for_translators() {
    let (_dir, root) = site_with_languages();
    // The site's own strings/ro.toml has two Romanian strings; Punjabi has none anywhere.
    std::fs::create_dir_all(root.join("strings")).unwrap();
    std::fs::write(
        root.join("strings/ro.toml"),
        "[strings]\nsearch_button = \"Caută\"\nnews_title = \"Știri\"\n",
    )
    .unwrap();
    let (ok, findings) = json_findings(&root);
    assert!(ok, "a missing string is a warning, not an error: {findings:?}");
    let missing: Vec<&serde_json::Value> = findings.iter().filter(|d| d["rule"] == "strings-missing").collect();
    // The example Polish and Urdu are complete.
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing.iter().all(|d| d["severity"] == "warning"));
    let romanian = missing
        .iter()
        .find(|d| d["file"] == "strings/ro.toml")
        .expect("Romanian at its strings file");
    let theme_keys = toml::from_str::<toml::Table>(include_str!("../../themes/default/theme.toml")).unwrap()["strings"]
        .as_table()
        .unwrap()
        .len();
    let message = romanian["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("Română (ro) has no translation of {} of the {theme_keys}", theme_keys - 2)),
        "{message}"
    );
    let punjabi = missing
        .iter()
        .find(|d| d["file"] == "site.toml")
        .expect("Punjabi at its tag in site.toml");
    let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let line = config.lines().position(|l| l.contains("\"pa-Guru\"")).unwrap() + 1;
    assert_eq!(punjabi["line"], line);
    assert!(punjabi["message"].as_str().unwrap().contains("ਪੰਜਾਬੀ"), "{punjabi}");

    let output = signpost().args(["strings", "ro", "--root"]).arg(&root).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("# Interface strings still to translate into Română (ro):"),
        "{text}"
    );
    let parsed: toml::Table = toml::from_str(&text).expect("the file is TOML");
    let strings = parsed["strings"].as_table().unwrap();
    assert_eq!(
        strings["a_to_z_title"].as_str(),
        Some("Services A to Z"),
        "the English text to translate"
    );
    assert_eq!(strings["topic_ehc-plans"].as_str(), Some("EHC plans"));
    assert!(!strings.contains_key("search_button"), "the site's own Romanian has it");
    assert!(!strings.contains_key("news_title"));
    assert_eq!(strings.len(), theme_keys - 2);

    for complete in ["pl", "ur"] {
        let output = signpost().args(["strings", complete, "--root"]).arg(&root).output().unwrap();
        let parsed: toml::Table = toml::from_str(&String::from_utf8(output.stdout).unwrap()).unwrap();
        assert!(
            parsed["strings"].as_table().unwrap().is_empty(),
            "the example {complete} has every string"
        );
    }

    let wrong = signpost().args(["strings", "polish", "--root"]).arg(&root).output().unwrap();
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("`pl`"));
}

#[test]
fn a_help_line_with_phone_but_no_number_is_an_error_at_its_line() {
    let (_dir, root) = site_with_languages();
    let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(root.join("site.toml"), config.replace("phone = \"01632 960 123\"\n", "")).unwrap();
    let (ok, findings) = json_findings(&root);
    assert!(!ok);
    let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let errors: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|d| d["severity"] == "error" && d["message"].as_str().unwrap_or("").contains("{phone}"))
        .collect();
    assert_eq!(errors.len(), 2, "the Polish and the Urdu line: {findings:?}");
    let first_help = config.lines().position(|l| l.starts_with("help = ")).unwrap() + 1;
    assert_eq!(errors[0]["file"], "site.toml");
    assert_eq!(errors[0]["line"], first_help);
}

#[test]
fn every_page_has_the_help_lines_in_their_own_languages_and_the_footer_the_number() {
    let (_dir, root) = site_with_languages();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    signpost()
        .args(["build", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    let pages: Vec<String> = files_under(&public)
        .into_iter()
        .filter(|f| f.ends_with(".html") && !f.starts_with("admin/"))
        .collect();
    assert!(pages.len() > 10);
    for file in &pages {
        let html = read(&public, file);
        if html.contains("http-equiv=\"refresh\"") {
            continue; // a redirect page
        }
        assert!(
            html.contains(r#"<li class="language-help__line" lang="pl" dir="ltr">Potrzebujesz pomocy w swoim języku? Zadzwoń pod numer <a href="tel:01632960123" dir="ltr">01632 960 123</a> i poproś o tłumacza. <a href="/other-formats/">"#),
            "{file} has no Polish help line"
        );
        assert!(
            html.contains(r#"lang="ur" dir="rtl">کیا آپ کو اپنی زبان میں مدد چاہیے؟ <a href="tel:01632960123""#),
            "{file}: Urdu"
        );
        assert!(!html.contains(r#"lang="ro""#), "{file}: Romanian has no help line");
        let footer = if file.starts_with("pl/") {
            r#"albo je przeczytamy. Telefon: <a href="tel:01632960123">01632 960 123</a>."#
        } else if file.starts_with("ur/") {
            r#"پڑھ کر سنا سکتے ہیں۔ فون: <a href="tel:01632960123">01632 960 123</a>."#
        } else {
            r#"or read it out to you. Phone: <a href="tel:01632960123">01632 960 123</a>."#
        };
        assert!(html.contains(footer), "{file}: the footer's number");
    }
    // The search page in Polish is made, in Polish, searching Polish first.
    let polish = read(&public, "pl/search/index.html");
    assert!(polish.contains("<h1>Szukaj</h1>"), "{polish}");
    assert!(polish.contains(r#"action="/pl/search/""#));
    assert!(polish.contains(r#"data-search-language="pl""#));
    assert!(polish.contains("Przejdź do treści"), "the Polish skip link");
    let english = read(&public, "search/index.html");
    assert!(!english.contains("data-search-language"));
    assert!(english.contains("Skip to main content"));
}

#[test]
fn a_page_in_another_language_gets_its_strings_and_its_way_of_writing_dates() {
    let (_dir, root) = site_with_languages();
    let (site, found) = signpost::content::load_site(&root, false);
    let mut site: Site = site.unwrap_or_else(|| panic!("{found:?}"));
    // Until translated pages are loaded from x.pl.md files, make one in memory.
    let mut polish = site.pages.iter().find(|p| p.url == "/advice/").expect("the advice page").clone();
    polish.url = "/pl/advice/".to_string();
    polish.language = Some("pl".to_string());
    polish.meta.last_reviewed = Date::from_ymd(2026, 12, 1).unwrap();
    polish.meta.title = "Porady".to_string();
    site.pages.push(polish);
    let theme = Theme::load(&root, &site.config).unwrap();
    let assets = BTreeMap::new();
    let today = Date::parse(TODAY).unwrap();
    let renderer = Renderer::new(&site, &theme, &assets, today);
    let pages: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());
    let (_, problems) = renderer.render_all(
        |path, html| {
            pages.lock().unwrap().insert(path.to_string(), html.to_string());
            Ok(())
        },
        |_, _| {},
    );
    assert!(
        problems.iter().all(|d| d.severity != signpost::diagnostic::Severity::Error),
        "{problems:?}"
    );
    let pages = pages.into_inner().unwrap();
    let polish = &pages["pl/advice/index.html"];
    assert!(polish.contains("Przejdź do treści"), "Polish skip link");
    assert!(polish.contains("Strona ostatnio sprawdzona:"), "Polish review label");
    assert!(polish.contains("1 grudnia 2026"), "the review date in Polish words");
    assert!(polish.contains("Deklaracja dostępności"), "the Polish footer");
    let english = &pages["advice/index.html"];
    assert!(english.contains("Skip to main content"));
    assert!(!english.contains("Przejdź do treści"));
    assert_eq!(renderer.language_of("/pl/advice/"), Some("pl"));
    assert_eq!(renderer.language_of("/pl/search/"), Some("pl"), "a generated page by its address");
    assert_eq!(renderer.language_of("/advice/"), None);
    assert_eq!(renderer.language_of("/plan/"), None);
}
