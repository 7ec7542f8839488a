//! After loading, the checks work from what the loader kept: a site loaded into memory and then
//! taken away from the disk gives the same findings, at the same lines and columns.

use crate::common::{copy_tree, replace_in};
use signpost::content::{Date, Site, load_site};
use signpost::diagnostic::Diagnostic;
use std::path::Path;

/// Every check that runs on the loaded model before rendering, and the parts of the pipeline that
/// read the files the loader kept (events, search words, redirects). `assets` is the folder whose
/// `assets/` the easy-read check looks in for the library's pictures.
fn model_checks(site: &Site, assets: &Path, today: Date) -> Vec<String> {
    let mut found: Vec<Diagnostic> = Vec::new();
    found.extend(signpost::check::check_services(site));
    found.extend(signpost::check::check_review_dates(site, today));
    found.extend(signpost::check::check_past_schedules(site, today));
    found.extend(signpost::check::check_statutory(site, today));
    found.extend(signpost::check::check_topic_names(site));
    found.extend(signpost::check::check_headings(site));
    found.extend(signpost::check::check_link_syntax(site));
    found.extend(signpost::check::plain_language::check_site_readability(site).diagnostics());
    found.extend(signpost::check::easy_read::check_site(site, assets));
    found.extend(signpost::content::events::load_events(site, false).1);
    found.extend(signpost::search::synonyms::load(site).1);
    found.extend(signpost::output::redirects::collect(site).1);
    found
        .iter()
        .map(|d| format!("{}:{}:{} {} {}", d.file, d.line, d.column, d.rule, d.message))
        .collect()
}

/// The example site, with a misspelt topic and an empty service name, whose positions are
/// found in the files' text.
fn example_with_mistakes(root: &Path) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(example.join("site.toml"), root.join("site.toml")).unwrap();
    copy_tree(&example.join("content"), &root.join("content"));
    replace_in(
        root,
        "content/accessibility.md",
        "topics: [accessibility]",
        "topics: [accessibility, assesment]",
    );
    let health = std::fs::read_to_string(root.join("content/services/health.yaml")).unwrap();
    let first_name = health.lines().find(|l| l.trim_start().starts_with("name:")).unwrap().to_string();
    let emptied = format!("{}name: \"\"", &first_name[..first_name.find("name:").unwrap()]);
    std::fs::write(root.join("content/services/health.yaml"), health.replacen(&first_name, &emptied, 1)).unwrap();
    copy_tree(&example.join("assets"), &root.join("assets"));
    // A mistake in each file that another part of the pipeline reads from what the loader kept.
    let append = |file: &str, text: &str| {
        let path = root.join(file);
        let before = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("{before}{text}")).unwrap();
    };
    append("plain-language/words-to-avoid.yaml", "- word: oops\n");
    append("content/search-synonyms.yaml", "- remove: [notabuiltinword]\n");
    append("content/redirects.yaml", "\"/old page/\": /services/\n");
    append(
        "content/easy-read-pictures.yaml",
        "- concept: person\n  picture: /assets/easy-read/phone.svg\n  alt: A phone\n",
    );
    append("content/events/drop-ins.yaml", "\n  - not: an event\n");
}

/// The files the side-file mistakes above are reported in.
const KEPT_FILES: [&str; 5] = [
    "plain-language/words-to-avoid.yaml",
    "content/search-synonyms.yaml",
    "content/redirects.yaml",
    "content/easy-read-pictures.yaml",
    "content/events/drop-ins.yaml",
];

#[test]
fn checks_give_the_same_findings_after_the_site_folder_is_gone() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    example_with_mistakes(&root);
    let today = Date::parse("2026-12-01").unwrap();
    let (site, _) = load_site(&root, false);
    let site = site.expect("the example loads");
    let on_disk = model_checks(&site, &root, today);
    for (rule, file) in [
        ("topic-unknown", "content/accessibility.md"),
        ("name-empty", "content/services/health.yaml"),
        ("topic-missing", "site.toml"),
    ] {
        let line = on_disk.iter().find(|d| d.contains(&format!(" {rule} "))).cloned();
        match line {
            Some(line) => {
                assert!(line.starts_with(file), "{line}");
                assert!(!line.starts_with(&format!("{file}:0:0")) && !line.contains(":1:1 "), "{line}");
            }
            // The example covers every required topic; the others must be there.
            None => assert_eq!(rule, "topic-missing", "no {rule} in {on_disk:#?}"),
        }
    }

    for file in KEPT_FILES {
        assert!(
            on_disk.iter().any(|d| d.starts_with(&format!("{file}:"))),
            "no finding in {file}: {on_disk:#?}"
        );
    }

    let moved = outer.path().join("moved");
    std::fs::rename(&root, &moved).unwrap();
    assert!(!root.exists());
    // Only the pictures come back: the easy-read check looks for them in the assets folder.
    let only_assets = outer.path().join("only-assets");
    std::fs::create_dir_all(&only_assets).unwrap();
    std::fs::rename(moved.join("assets"), only_assets.join("assets")).unwrap();
    std::fs::remove_dir_all(&moved).unwrap();
    let from_memory = model_checks(&site, &only_assets, today);
    assert_eq!(from_memory, on_disk);
}
