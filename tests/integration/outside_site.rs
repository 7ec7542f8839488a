//! Symbolic links out of the site folder are errors and nothing behind them is published;
//! links that stay inside the site still work. Every test builds a copy of a fixture in a
//! temporary folder and links to a "secret" in another temporary folder.
#![cfg(unix)]

use crate::common::*;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

/// Text that must never appear in any file Signpost writes.
const SECRET: &str = "TOP-SECRET-6f1d0c: root:x:0:0";

/// A copy of the valid fixture, a folder outside it holding secrets, and where to build to.
struct Sandbox {
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    site: PathBuf,
    outside: PathBuf,
    output: PathBuf,
}

fn sandbox() -> Sandbox {
    let work = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let site = work.path().join("site");
    copy_tree(&fixture("valid"), &site);
    std::fs::create_dir_all(site.join("assets")).unwrap();
    std::fs::write(outside.path().join("passwd"), format!("{SECRET}\n")).unwrap();
    std::fs::write(
        outside.path().join("page.md"),
        format!("---\ntitle: Leaked page\n---\n\n{SECRET}\n"),
    )
    .unwrap();
    std::fs::create_dir_all(outside.path().join("etc")).unwrap();
    std::fs::write(outside.path().join("etc/hosts.md"), format!("# Hosts\n\n{SECRET}\n")).unwrap();
    std::fs::write(outside.path().join("etc/group"), format!("{SECRET}\n")).unwrap();
    Sandbox {
        output: work.path().join("public"),
        site,
        outside: outside.path().to_path_buf(),
        _dirs: (work, outside),
    }
}

/// Runs `signpost build`; returns the exit code and everything it printed.
fn build(sandbox: &Sandbox) -> (i32, String) {
    let output = signpost()
        .args(["build", "--root"])
        .arg(&sandbox.site)
        .arg("--output")
        .arg(&sandbox.output)
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code().unwrap_or(-1), printed)
}

/// Every regular file under `dir` that holds the secret (links are not followed).
fn files_with_secret(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| std::fs::read(e.path()).is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(SECRET)))
        .map(|e| e.path().to_path_buf())
        .collect()
}

/// The build fails with exit 1, names the link with the `outside-site` rule, and neither the
/// output, the site folder (search index included) nor the messages hold the secret.
fn assert_refused(sandbox: &Sandbox, link: &str) -> String {
    let (code, printed) = build(sandbox);
    assert_eq!(code, 1, "{printed}");
    assert!(
        printed.lines().any(|line| line.contains(link) && line.contains("[outside-site]")),
        "no outside-site error naming {link}:\n{printed}"
    );
    assert!(!printed.contains(SECRET), "{printed}");
    assert_eq!(files_with_secret(&sandbox.output), Vec::<PathBuf>::new());
    assert_eq!(files_with_secret(&sandbox.site), Vec::<PathBuf>::new());
    printed
}

#[test]
fn an_asset_linked_to_a_file_outside_is_an_error_and_never_published() {
    let sandbox = sandbox();
    assert_eq!(build(&sandbox).0, 0, "the site builds before the link is added");
    symlink(sandbox.outside.join("passwd"), sandbox.site.join("assets/passwd.txt")).unwrap();
    let printed = assert_refused(&sandbox, "assets/passwd.txt");
    assert!(
        printed.contains(&sandbox.outside.join("passwd").display().to_string()),
        "the target is named: {printed}"
    );
    assert!(sandbox.output.join("index.html").is_file(), "the previous site is kept");
}

#[test]
fn a_page_linked_from_outside_the_site_is_an_error_and_never_published() {
    let sandbox = sandbox();
    symlink(sandbox.outside.join("page.md"), sandbox.site.join("content/leaked.md")).unwrap();
    assert_refused(&sandbox, "content/leaked.md");
}

#[test]
fn a_folder_linked_outside_is_an_error_and_is_not_walked() {
    let sandbox = sandbox();
    symlink(sandbox.outside.join("etc"), sandbox.site.join("content/etc-outside")).unwrap();
    let printed = assert_refused(&sandbox, "content/etc-outside");
    assert!(
        !printed.contains("etc-outside/"),
        "nothing inside the linked folder is looked at:\n{printed}"
    );
}

#[test]
fn an_assets_folder_that_is_a_link_out_is_an_error() {
    let sandbox = sandbox();
    std::fs::remove_dir_all(sandbox.site.join("assets")).unwrap();
    symlink(sandbox.outside.join("etc"), sandbox.site.join("assets")).unwrap();
    assert_refused(&sandbox, "assets");
}

#[test]
fn a_link_into_an_outside_folder_from_the_theme_or_config_files_is_an_error() {
    for (link, target) in [
        ("templates/page.html", "passwd"),
        ("plain-language/words-to-avoid.yaml", "passwd"),
        ("content/search-synonyms.yaml", "passwd"),
        ("content/easy-read-pictures.yaml", "passwd"),
        ("themes/default", "etc"),
    ] {
        let sandbox = sandbox();
        let path = sandbox.site.join(link);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(sandbox.outside.join(target), &path).unwrap();
        assert_refused(&sandbox, link);
    }
}

#[test]
fn site_toml_linked_from_outside_is_an_error() {
    let sandbox = sandbox();
    let config = sandbox.outside.join("site.toml");
    std::fs::rename(sandbox.site.join("site.toml"), &config).unwrap();
    symlink(&config, sandbox.site.join("site.toml")).unwrap();
    let (code, printed) = build(&sandbox);
    assert_eq!(code, 1, "{printed}");
    assert!(printed.contains("site.toml") && printed.contains("[outside-site]"), "{printed}");
    assert!(!sandbox.output.exists());
}

#[test]
fn links_that_stay_inside_the_site_still_work() {
    let sandbox = sandbox();
    let site = &sandbox.site;
    std::fs::create_dir_all(site.join("assets/documents")).unwrap();
    std::fs::write(site.join("assets/documents/leaflet.txt"), "Leaflet inside the site\n").unwrap();
    symlink("documents/leaflet.txt", site.join("assets/leaflet.txt")).unwrap();
    symlink("documents", site.join("assets/papers")).unwrap();
    std::fs::create_dir_all(site.join("shared")).unwrap();
    std::fs::write(site.join("shared/opening-times.md"), "---\ntitle: Opening times\nsummary: When the office is open.\nlast_reviewed: 2026-10-01\nowner: Local Offer team\n---\n\nThe office is open on weekdays.\n").unwrap();
    symlink("../shared/opening-times.md", site.join("content/opening-times.md")).unwrap();

    let (code, printed) = build(&sandbox);
    assert_eq!(code, 0, "{printed}");
    let files = files_under(&sandbox.output);
    for prefix in [
        "assets/leaflet.",
        "assets/papers/leaflet.",
        "assets/documents/leaflet.",
        "opening-times/index.html",
    ] {
        assert!(files.iter().any(|f| f.starts_with(prefix)), "missing {prefix} in {files:?}");
    }
    assert!(read(&sandbox.output, "opening-times/index.html").contains("The office is open on weekdays."));
}
