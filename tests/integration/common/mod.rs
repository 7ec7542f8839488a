//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The fixed "today" every test builds with, so review-date checks are repeatable.
pub const TODAY: &str = "2026-11-23";

/// Path of a fixture site.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The signpost binary with a fixed date and no CI progress line.
pub fn signpost() -> Command {
    let mut command = Command::cargo_bin("signpost").expect("binary is built by cargo test");
    command.env("SIGNPOST_TODAY", TODAY).env("CI", "true");
    command
}

/// Copies a folder tree (for tests that change a fixture).
pub fn copy_tree(from: &Path, to: &Path) {
    // Generated folders (a search index or site another test may be writing) are not part of the fixture.
    // Hidden names cover the temporary folders a build stages beside its outputs.
    let generated = |entry: &walkdir::DirEntry| {
        entry.depth() > 0
            && matches!(entry.file_name().to_str(), Some(name) if name == "search-index" || name == "public" || name.starts_with('.'))
    };
    for entry in walkdir::WalkDir::new(from).into_iter().filter_entry(|e| !generated(e)) {
        let entry = entry.expect("fixture is readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside the fixture"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Every file under `dir`, as sorted relative paths.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).expect("inside").to_string_lossy().replace('\\', "/"))
        .collect();
    files.sort();
    files
}

/// Reads a built page.
pub fn read(dir: &Path, relative: &str) -> String {
    std::fs::read_to_string(dir.join(relative)).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

/// Builds the site at `root` into a new temporary folder; returns the folder (keep it alive) and
/// the path of the built site inside it.
pub fn build_site(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("temporary folder");
    let public = out.path().join("public");
    signpost()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    (out, public)
}

/// Replaces the first `from` with `to` in a file of the site at `root` (the text must be there).
pub fn replace_in(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("file is readable");
    assert!(text.contains(from), "{from} not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("file is writable");
}
