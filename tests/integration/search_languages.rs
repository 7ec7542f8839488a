//! Search per language: a translated page is indexed in its language's own index (words as
//! written: no English stemming, stop words or synonyms), its language's search page searches it
//! first and the rest after, and the English bundle does not change.

use crate::common::{copy_tree, fixture};
use signpost::content::{Page, Site};
use signpost::search::{Filters, SearchIndex, cli::answer, cli::answer_in_language};
use std::path::{Path, PathBuf};

fn site_copy(languages: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    copy_tree(&fixture("search"), &root);
    if languages {
        let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
        std::fs::write(
            root.join("site.toml"),
            format!("{config}\n[[languages]]\ntag = \"pl\"\nname = \"Polski\"\n\n[[languages]]\ntag = \"ur\"\nname = \"اردو\"\n"),
        )
        .unwrap();
    }
    (dir, root)
}

fn load(root: &Path) -> Site {
    let (site, found) = signpost::content::load_site(root, false);
    site.unwrap_or_else(|| panic!("{found:?}"))
}

/// A Polish page made in memory from the home page (until `x.pl.md` files are loaded as
/// translations, this is what the loader will give).
fn polish_page(site: &Site, url: &str, title: &str, body: &str) -> Page {
    let mut page = site.pages.iter().find(|p| p.url == "/").expect("a home page").clone();
    page.url = url.to_string();
    page.language = Some("pl".to_string());
    page.meta.title = title.to_string();
    page.meta.summary = String::new();
    page.body = body.to_string();
    page
}

fn urls(hits: &[signpost::search::Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.url.as_str()).collect()
}

#[test]
fn a_polish_query_finds_the_polish_page_by_its_own_words_not_by_english_stemming() {
    let (_dir, root) = site_copy(true);
    let mut site = load(&root);
    // The English stemmer would make both "sprawy" (matters) and "sprawi" (will cause) "sprawi".
    assert_eq!(signpost::search::analysis::stems("sprawy sprawi"), vec!["sprawi", "sprawi"]);
    site.pages.push(polish_page(
        &site,
        "/pl/sprawy/",
        "Ważne sprawy",
        "Tu są ważne sprawy dla rodzin, na przykład short breaks.",
    ));
    site.pages
        .push(polish_page(&site, "/pl/szkola/", "Co to sprawi", "Dobra szkoła sprawi radość."));
    let (synonyms, _) = signpost::search::synonyms::load(&site);
    let built = signpost::search::build(&root, &site, &synonyms).expect("search builds");
    let polish = SearchIndex::open(&built.written.staged.folder().join("languages").join("pl")).expect("the Polish index");
    let english = &built.written.index;
    let filters = Filters::default();

    assert_eq!(urls(&answer(&polish, "sprawy ", &filters, 10).unwrap()), vec!["/pl/sprawy/"]);
    assert_eq!(urls(&answer(&polish, "sprawi ", &filters, 10).unwrap()), vec!["/pl/szkola/"]);
    // "to" is Polish for "this", and an English stop word: only found when not taken as English.
    assert_eq!(urls(&answer(&polish, "to ", &filters, 10).unwrap()), vec!["/pl/szkola/"]);
    assert!(answer(english, "to ", &filters, 10).unwrap().is_empty());
    // Polish letters can be typed without their accents (as English words can).
    assert_eq!(urls(&answer(&polish, "wazne ", &filters, 10).unwrap()), vec!["/pl/sprawy/"]);
    // The English index holds no Polish page, and the Polish index no English one.
    assert!(answer(english, "sprawy ", &filters, 10).unwrap().is_empty());
    assert!(answer(&polish, "swimming ", &filters, 10).unwrap().is_empty());
    // No English synonyms in Polish: "respite" means short breaks only in English.
    assert!(answer(&polish, "respite ", &filters, 10).unwrap().is_empty());

    // Searching in Polish: the Polish page first, then English results.
    let both = answer_in_language(&polish, english, "short breaks ", &filters, 10).unwrap();
    assert_eq!(both[0].url, "/pl/sprawy/");
    assert!(
        both.len() > 1 && both[1..].iter().all(|h| !h.url.starts_with("/pl/")),
        "{:?}",
        urls(&both)
    );
    assert_eq!(built.written.documents, english.doc_count() as usize + 2);

    // The Polish shard of the bundle: its own files, words as written.
    let file = |path: &str| {
        built
            .files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_else(|| panic!("no {path}"))
    };
    let meta: serde_json::Value = serde_json::from_str(&file("search/lang/pl/meta.json")).unwrap();
    assert_eq!(meta["stem"], false);
    assert_eq!(meta["docs"], 2);
    assert_eq!(meta["stopWords"], serde_json::json!([]));
    assert!(file("search/lang/pl/dict/s.json").contains("\"sprawy\""));
    assert!(!file("search/dict/s.json").contains("spraw"), "no Polish in the English dictionary");
    let urdu: serde_json::Value = serde_json::from_str(&file("search/lang/ur/meta.json")).unwrap();
    assert_eq!(urdu["docs"], 0, "a listed language has a shard before any page is translated");
}

#[test]
fn the_english_bundle_is_the_same_with_languages_and_translated_pages() {
    let (_plain_dir, plain_root) = site_copy(false);
    let plain_site = load(&plain_root);
    let (synonyms, _) = signpost::search::synonyms::load(&plain_site);
    let plain = signpost::search::build(&plain_root, &plain_site, &synonyms).expect("search builds");

    let (_dir, root) = site_copy(true);
    let mut site = load(&root);
    site.pages
        .push(polish_page(&site, "/pl/sprawy/", "Ważne sprawy", "Tu są ważne sprawy dla rodzin."));
    let (synonyms, _) = signpost::search::synonyms::load(&site);
    let with = signpost::search::build(&root, &site, &synonyms).expect("search builds");

    let english = |files: &[(String, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
        files.iter().filter(|(p, _)| !p.starts_with("search/lang/")).cloned().collect()
    };
    let size = |files: &[(String, Vec<u8>)]| files.iter().map(|(_, b)| b.len()).sum::<usize>();
    assert_eq!(size(&english(&with.files)), size(&plain.files), "the English bundle's size");
    assert_eq!(english(&with.files), plain.files, "the English bundle's bytes");
    assert!(with.files.iter().any(|(p, _)| p == "search/lang/pl/meta.json"));
}

#[test]
fn the_browser_reads_polish_and_urdu_words_as_the_index_does() {
    let texts = [
        "Ważne sprawy dla rodzin: przerwy wytchnieniowe, ŁÓDŹ, żółć",
        "کیا آپ کو اپنی زبان میں مدد چاہیے؟ آٹزم کے لیے خدمات",
        "Co to sprawi? 2,5 km",
    ];
    let Some(browser) = crate::search::browser_engine(Path::new("."), &serde_json::json!({ "plain": texts })) else {
        return;
    };
    for (text, words) in texts.iter().zip(browser["plain"].as_array().expect("plain")) {
        let rust = signpost::search::analysis::stems_with(text, signpost::search::analysis::Analysis::Plain);
        let js: Vec<&str> = words.as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
        assert_eq!(js, rust, "{text}");
    }
}

#[test]
fn signpost_search_in_a_language_searches_its_index_then_the_rest() {
    let (_dir, root) = site_copy(true);
    crate::common::signpost().args(["build", "--root"]).arg(&root).assert().success();
    assert!(
        root.join("search-index/languages/pl/meta.json").is_file(),
        "the Polish index is written"
    );
    let run = |args: &[&str]| {
        crate::common::signpost()
            .args(["--format", "json", "search", "--root"])
            .arg(&root)
            .args(args)
            .output()
            .unwrap()
    };
    let english = run(&["swimming "]);
    let polish = run(&["--language", "pl", "swimming "]);
    assert!(polish.status.success(), "{}", String::from_utf8_lossy(&polish.stderr));
    let results = |out: &std::process::Output| serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["results"].clone();
    // No page is translated yet, so the Polish search gives the English results.
    assert_eq!(results(&polish), results(&english));
    assert!(!results(&english).as_array().unwrap().is_empty());
    let unknown = run(&["--language", "de", "swimming "]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("`de`"));
}

#[test]
fn a_build_writing_search_files_as_it_goes_writes_the_files_the_preview_keeps() {
    let (_dir, root) = site_copy(true);
    // `signpost build` writes each search file as soon as it is made (search::write)...
    let (_out, public) = crate::common::build_site(&root);
    let written: Vec<(String, Vec<u8>)> = crate::common::files_under(&public.join("search"))
        .into_iter()
        .filter(|path| path.ends_with(".json"))
        .map(|path| {
            let bytes = std::fs::read(public.join("search").join(&path)).expect("a search file");
            (format!("search/{path}"), bytes)
        })
        .collect();
    // ...and the preview keeps them in memory (search::build): the same files, byte for byte.
    let site = load(&root);
    let (synonyms, _) = signpost::search::synonyms::load(&site);
    let kept = signpost::search::build(&root, &site, &synonyms).expect("search builds");
    assert!(kept.files.len() > 10, "{}", kept.files.len());
    assert!(kept.files.iter().any(|(p, _)| p == "search/meta.json") && kept.files.iter().any(|(p, _)| p == "search/lang/pl/meta.json"));
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&written), names(&kept.files), "the same files");
    assert!(written == kept.files, "the same bytes");

    // A write that fails stops the search build and says why.
    let failing = |path: &str, _: &[u8]| Err(format!("{path}: the disk is full"));
    let error = signpost::search::write(&root, &site, &synonyms, &failing).unwrap_err();
    assert!(
        error.starts_with("Cannot write the search files: search/") && error.ends_with("the disk is full"),
        "{error}"
    );
}
