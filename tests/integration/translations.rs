//! Translated pages (`x.pl.md`): their addresses, `lang` and `dir`, the language list and
//! `hreflang` alternates, marked passages, and the checks that know the language.

use crate::common::{read, signpost};
use serde_json::Value;
use std::path::{Path, PathBuf};

const LANGUAGES: &str = "\n[[languages]]\ntag = \"pl\"\nname = \"Polski\"\n\n[[languages]]\ntag = \"ur\"\nname = \"اردو\"\n";

/// Front matter of a translation made on `translated`.
fn translation(title: &str, translated: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\nsummary: Krótko.\nlast_reviewed: 2026-11-01\nowner: Local Offer team\ntranslated: {translated}\ntranslator: Example translator\n---\n{body}"
    )
}

/// A starter site listing Polish and Urdu, with the Polish and Urdu translations of
/// `advice/getting-help.md` and the Polish translation of the home page.
fn site() -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("site");
    assert!(signpost().arg("init").arg(&root).output().unwrap().status.success());
    // The starter is dated today; the tests build on a fixed day before it.
    for entry in walkdir::WalkDir::new(root.join("content")).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let dated = dated_before_the_test_day(&text);
            std::fs::write(entry.path(), dated).unwrap();
        }
    }
    let config = root.join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}{LANGUAGES}")).unwrap();
    write(
        &root,
        "content/advice/getting-help.pl.md",
        &translation(
            "Pomoc w szkole",
            "2026-11-10",
            "## Porozmawiaj ze szkołą\n\nZapytaj nauczyciela. To jest <span lang=\"en\">Local Offer</span>.\n",
        ),
    );
    write(
        &root,
        "content/advice/getting-help.ur.md",
        &translation(
            "اسکول میں مدد",
            "2026-11-10",
            "## اسکول سے بات کریں\n\nاپنے بچے کے استاد سے ملیں۔\n",
        ),
    );
    write(
        &root,
        "content/index.pl.md",
        &translation("Nasza oferta lokalna", "2026-11-10", "Informacje po polsku.\n"),
    );
    (parent, root)
}

/// Moves every date in the starter from its day of creation to 1 November 2026.
fn dated_before_the_test_day(text: &str) -> String {
    text.lines()
        .map(|line| match line.split_once(": ") {
            Some((key, value)) if value.len() == 10 && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-' => {
                format!("{key}: 2026-11-01")
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Builds `root` (with extra arguments) into a temporary folder, which must succeed.
fn build(root: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = signpost()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&public)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (out, public)
}

/// Exit code and every finding of `signpost check --format json`.
fn check(root: &Path) -> (i32, Vec<Value>) {
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    (
        output.status.code().unwrap_or(-1),
        report["diagnostics"].as_array().unwrap().clone(),
    )
}

fn with_rule<'a>(found: &'a [Value], rule: &str) -> Vec<&'a Value> {
    found.iter().filter(|d| d["rule"] == rule).collect()
}

/// The `<html …>` start tag of a page.
fn html_tag(page: &str) -> &str {
    let start = page.find("<html").unwrap();
    &page[start..start + page[start..].find('>').unwrap() + 1]
}

#[test]
fn translations_are_paired_with_their_page_and_published_under_their_language() {
    let (_parent, root) = site();
    let (code, found) = check(&root);
    assert_eq!(code, 0, "{found:#?}");
    assert!(found.is_empty(), "{found:#?}");
    let (_out, public) = build(&root, &[]);
    for page in [
        "pl/advice/getting-help/index.html",
        "ur/advice/getting-help/index.html",
        "pl/index.html",
    ] {
        assert!(public.join(page).is_file(), "{page}");
    }
    assert!(!public.join("ur/index.html").exists(), "the home page has no Urdu translation");
    let urdu = read(&public, "ur/advice/getting-help/index.html");
    assert_eq!(html_tag(&urdu), "<html lang=\"ur\" dir=\"rtl\" data-base=\"/\">");
    let polish = read(&public, "pl/advice/getting-help/index.html");
    assert!(html_tag(&polish).contains("lang=\"pl\" dir=\"ltr\""), "{}", html_tag(&polish));
    let english = read(&public, "advice/getting-help/index.html");
    assert!(html_tag(&english).contains("lang=\"en-GB\" dir=\"ltr\""), "{}", html_tag(&english));
    // The Polish home page is not listed as a section of the English home page.
    let home = read(&public, "index.html");
    assert!(!home.contains("Nasza oferta lokalna"), "the translation is not a child page");
}

#[test]
fn hreflang_alternates_and_the_language_list_link_both_ways() {
    let (_parent, root) = site();
    let (_out, public) = build(&root, &[]);
    let base = "https://localoffer.example.org";
    let english = read(&public, "advice/getting-help/index.html");
    let polish = read(&public, "pl/advice/getting-help/index.html");
    let urdu = read(&public, "ur/advice/getting-help/index.html");
    for page in [&english, &polish, &urdu] {
        for (tag, path) in [
            ("en-GB", "/advice/getting-help/"),
            ("pl", "/pl/advice/getting-help/"),
            ("ur", "/ur/advice/getting-help/"),
            ("x-default", "/advice/getting-help/"),
        ] {
            let link = format!("<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{base}{path}\">");
            assert!(page.contains(&link), "missing {link}");
        }
    }
    assert!(
        english.contains(
            "<a class=\"language-list__link\" href=\"/pl/advice/getting-help/\" lang=\"pl\" hreflang=\"pl\" dir=\"ltr\">Polski</a>"
        )
    );
    assert!(polish.contains(
        "<a class=\"language-list__link\" href=\"/advice/getting-help/\" lang=\"en-GB\" hreflang=\"en-GB\" dir=\"ltr\">English</a>"
    ));
    assert!(
        urdu.contains("hreflang=\"ur\" dir=\"rtl\" aria-current=\"page\">اردو</a>"),
        "the current language is marked"
    );
    assert!(english.contains("dir=\"ltr\" aria-current=\"page\">English</a>"));
}

#[test]
fn the_language_list_shows_only_the_languages_a_page_exists_in() {
    let (_parent, root) = site();
    let (_out, public) = build(&root, &[]);
    let home = read(&public, "index.html");
    assert!(home.contains(">Polski</a>"));
    assert!(!home.contains(">اردو</a>"), "the home page has no Urdu translation");
    assert!(!home.contains("hreflang=\"ur\""));
    let advice = read(&public, "advice/index.html");
    assert!(!advice.contains("class=\"language-list\""), "a page in one language has no list");
    assert!(!advice.contains("hreflang="));
}

#[test]
fn addresses_of_translations_take_the_base_path() {
    let (_parent, root) = site();
    let (_out, public) = build(&root, &["--base-url", "https://example.github.io/localoffer/"]);
    let english = read(&public, "advice/getting-help/index.html");
    assert!(
        english.contains("href=\"/localoffer/pl/advice/getting-help/\" lang=\"pl\""),
        "language list under the base path"
    );
    assert!(english.contains("hreflang=\"pl\" href=\"https://example.github.io/localoffer/pl/advice/getting-help/\""));
    let polish = read(&public, "pl/advice/getting-help/index.html");
    assert!(polish.contains("href=\"/localoffer/advice/getting-help/\" lang=\"en-GB\""));
    // The breadcrumbs lead to the Polish home page.
    assert!(
        polish.contains("class=\"breadcrumbs__link\" href=\"/localoffer/pl/\""),
        "breadcrumbs"
    );
}

#[test]
fn an_inline_passage_keeps_its_language_and_a_wrong_tag_is_an_error_with_the_tag_meant() {
    let (_parent, root) = site();
    let (_out, public) = build(&root, &[]);
    let polish = read(&public, "pl/advice/getting-help/index.html");
    assert!(
        polish.contains("<span lang=\"en\" dir=\"ltr\">Local Offer</span>"),
        "the sanitiser keeps lang and adds dir"
    );
    crate::common::replace_in(
        &root,
        "content/advice/getting-help.md",
        "## Talk to the school first\n",
        "## Talk to the school first\n\nSay <span lang=\"polish\">dzień dobry</span> and <span lang=\"ur\">شکریہ</span>.\n",
    );
    let (code, found) = check(&root);
    assert_eq!(code, 1);
    let wrong = with_rule(&found, "language-tag");
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert_eq!(wrong[0]["file"], "content/advice/getting-help.md");
    let text = std::fs::read_to_string(root.join("content/advice/getting-help.md")).unwrap();
    let line = text.lines().position(|l| l.contains("lang=\"polish\"")).unwrap() + 1;
    assert_eq!(wrong[0]["line"].as_u64(), Some(line as u64));
    assert_eq!(wrong[0]["column"].as_u64(), Some(5));
    assert!(
        wrong[0]["suggestion"].as_str().unwrap().contains("Did you mean `pl`?"),
        "{}",
        wrong[0]
    );
}

#[test]
fn a_translation_older_than_its_page_warns_naming_both_files() {
    let (_parent, root) = site();
    crate::common::replace_in(
        &root,
        "content/advice/getting-help.ur.md",
        "translated: 2026-11-10",
        "translated: 2026-10-01",
    );
    let (code, found) = check(&root);
    assert_eq!(code, 0, "a warning does not fail the build");
    let old = with_rule(&found, "translation-out-of-date");
    assert_eq!(old.len(), 1, "{found:#?}");
    assert_eq!(old[0]["severity"], "warning");
    assert_eq!(old[0]["file"], "content/advice/getting-help.ur.md");
    assert_eq!(old[0]["line"].as_u64(), Some(6), "points at translated:");
    let message = old[0]["message"].as_str().unwrap();
    assert!(message.contains("content/advice/getting-help.md"), "{message}");
    assert!(
        message.contains("1 November 2026") && message.contains("1 October 2026"),
        "{message}"
    );
    assert!(old[0]["suggestion"].as_str().unwrap().contains("content/advice/getting-help.ur.md"));
    // The same day is not out of date.
    crate::common::replace_in(
        &root,
        "content/advice/getting-help.ur.md",
        "translated: 2026-10-01",
        "translated: 2026-11-01",
    );
    assert!(with_rule(&check(&root).1, "translation-out-of-date").is_empty());
}

#[test]
fn a_translation_whose_page_is_gone_is_an_error() {
    let (_parent, root) = site();
    write(&root, "content/advice/gone.pl.md", &translation("Nie ma", "2026-11-10", "Tekst.\n"));
    let (code, found) = check(&root);
    assert_eq!(code, 1);
    let orphan = with_rule(&found, "translation-orphan");
    assert_eq!(orphan.len(), 1, "{found:#?}");
    assert_eq!(orphan[0]["file"], "content/advice/gone.pl.md");
    assert!(orphan[0]["message"].as_str().unwrap().contains("content/advice/gone.md"));
}

#[test]
fn a_file_in_a_language_the_site_does_not_list_is_reported() {
    let (_parent, root) = site();
    write(
        &root,
        "content/advice/getting-help.de.md",
        &translation("Hilfe", "2026-11-10", "Text.\n"),
    );
    let (code, found) = check(&root);
    assert_eq!(code, 1);
    let unlisted = with_rule(&found, "language-unlisted");
    assert_eq!(unlisted.len(), 1, "{found:#?}");
    assert_eq!(unlisted[0]["file"], "content/advice/getting-help.de.md");
    assert!(unlisted[0]["message"].as_str().unwrap().contains("`pl`, `ur`"));
    assert!(
        unlisted[0]["suggestion"]
            .as_str()
            .unwrap()
            .contains("Did you list the language in site.toml?")
    );
}

#[test]
fn translations_say_when_and_by_whom_and_lang_in_front_matter_points_at_file_names() {
    let (_parent, root) = site();
    crate::common::replace_in(&root, "content/advice/getting-help.pl.md", "translator: Example translator\n", "");
    crate::common::replace_in(
        &root,
        "content/advice/getting-help.md",
        "owner: Local Offer team\n",
        "owner: Local Offer team\nlang: pl\n",
    );
    let (code, found) = check(&root);
    assert_eq!(code, 1);
    let problems = with_rule(&found, "translation-front-matter");
    assert_eq!(problems.len(), 2, "{found:#?}");
    let who = problems.iter().find(|d| d["file"] == "content/advice/getting-help.pl.md").unwrap();
    assert!(who["message"].as_str().unwrap().contains("who translated it"));
    let lang = problems.iter().find(|d| d["file"] == "content/advice/getting-help.md").unwrap();
    assert_eq!(lang["line"].as_u64(), Some(6));
    assert!(lang["suggestion"].as_str().unwrap().contains("getting-help") || lang["suggestion"].as_str().unwrap().contains(".pl.md"));
    assert!(
        with_rule(&found, "unknown-field").is_empty(),
        "one finding for lang:, not two: {found:#?}"
    );
}

#[test]
fn translated_pages_carry_the_sendiass_help_block() {
    let (_parent, root) = site();
    let (_out, public) = build(&root, &[]);
    for page in [
        "pl/advice/getting-help/index.html",
        "ur/advice/getting-help/index.html",
        "pl/index.html",
    ] {
        let html = read(&public, page);
        assert!(html.contains("Our SENDIASS"), "{page}");
        assert!(html.contains("href=\"tel:01214960000\""), "{page}: the real phone number");
    }
}

#[test]
fn plain_language_rules_do_not_read_a_polish_page_or_a_polish_passage() {
    let (_parent, root) = site();
    let long_polish = "Niepełnosprawnościami charakteryzujące się najróżnorodniejszymi przeciwwskazaniami \
        dziewięćdziesięciokilkuletni współpracownicy rozpowszechniający nieprawdopodobnie skomplikowane \
        wielopłaszczyznowe przedsięwzięcia administracyjno-organizacyjne, zainteresowanych rodzin, \
        uwzględniające najprzeróżniejsze okoliczności towarzyszące postępowaniom kwalifikacyjnym \
        przeprowadzanym systematycznie przez wyspecjalizowane instytucje samorządowe województwa.";
    write(
        &root,
        "content/advice/getting-help.pl.md",
        &translation("Pomoc w szkole", "2026-11-10", &format!("{long_polish}\n\n{long_polish}\n")),
    );
    crate::common::replace_in(
        &root,
        "content/advice/getting-help.md",
        "## Talk to the school first\n",
        &format!("## Talk to the school first\n\nIn Polish: <span lang=\"pl\">{long_polish}</span>\n"),
    );
    let (_, found) = check(&root);
    let plain: Vec<&Value> = found
        .iter()
        .filter(|d| {
            let rule = d["rule"].as_str().unwrap();
            [
                "sentence-too-long",
                "reading-age",
                "long-word",
                "paragraph-too-long",
                "word-to-avoid",
            ]
            .contains(&rule)
                || rule.starts_with("easy-read")
        })
        .collect();
    assert!(plain.is_empty(), "{plain:#?}");
    // The same words written as English are read, so the rules would have fired.
    write(
        &root,
        "content/advice/long.md",
        &format!("---\ntitle: Long\nsummary: Long.\nlast_reviewed: 2026-11-01\nowner: Team\n---\n{long_polish}\n"),
    );
    let (_, found) = check(&root);
    assert!(
        found
            .iter()
            .any(|d| d["file"] == "content/advice/long.md" && d["rule"] == "sentence-too-long"),
        "{found:#?}"
    );
}

#[test]
fn a_service_summary_in_an_unlisted_language_is_reported_at_its_line() {
    let (_parent, root) = site();
    let file = "content/services/services.yaml";
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let summary_line = text.lines().position(|l| l.trim_start().starts_with("summary:")).unwrap();
    let indent: String = text.lines().nth(summary_line).unwrap().chars().take_while(|c| *c == ' ').collect();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.insert(
        summary_line,
        format!("{indent}translations:\n{indent}  pl:\n{indent}    summary: Po polsku.\n{indent}  de:\n{indent}    summary: Auf Deutsch."),
    );
    std::fs::write(root.join(file), lines.join("\n") + "\n").unwrap();
    let (code, found) = check(&root);
    assert_eq!(code, 1);
    let unlisted = with_rule(&found, "language-unlisted");
    assert_eq!(unlisted.len(), 1, "{found:#?}");
    assert_eq!(unlisted[0]["file"], file);
    assert_eq!(unlisted[0]["line"].as_u64(), Some(summary_line as u64 + 4), "at `de:`");
    // With German listed, both are shown on the service's page with their language.
    let config = root.join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\n[[languages]]\ntag = \"de\"\nname = \"Deutsch\"\n")).unwrap();
    let (_out, public) = build(&root, &[]);
    let service = crate::common::files_under(&public)
        .into_iter()
        .find(|f| f.starts_with("services/") && f.matches('/').count() == 2 && read(&public, f).contains("Po polsku."))
        .expect("a service page shows the Polish summary");
    let html = read(&public, &service);
    assert!(html.contains("lang=\"pl\" dir=\"ltr\">"), "{service}");
    assert!(html.contains("<p>Auf Deutsch.</p>"));
}

#[test]
fn a_folder_named_like_a_listed_language_would_clash_with_its_translations() {
    let (_parent, root) = site();
    write(
        &root,
        "content/pl/notes.md",
        "---\ntitle: Notes\nsummary: Notes.\nlast_reviewed: 2026-11-01\nowner: Team\n---\nSome notes.\n",
    );
    let (code, found) = check(&root);
    assert_eq!(code, 1);
    let clash = with_rule(&found, "duplicate-url");
    assert_eq!(clash.len(), 1, "{found:#?}");
    assert_eq!(clash[0]["file"], "content/pl/notes.md");
    assert!(clash[0]["message"].as_str().unwrap().contains("/pl/"), "{}", clash[0]);
}
