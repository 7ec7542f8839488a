//! The site's `static/` folder: files published as they are at the top of the output (a favicon,
//! `CNAME` for GitHub Pages, `.well-known/`, a search engine's verification file). Links that
//! lead out of the site are refused like everywhere else ([`crate::content::inside`]); a file
//! with the name of one the build makes (a page, `sitemap.xml`, `_headers`, `_redirects`…) is an
//! error, never a silent overwrite either way.

use crate::content::inside::SiteFolder;
use crate::diagnostic::{Diagnostic, display_path};
use crate::rules::Rule;
use std::collections::BTreeSet;
use std::path::Path;

/// The folder, beside `site.toml`.
pub(crate) const STATIC_DIR: &str = "static";

/// One file of `static/`.
#[derive(Debug, Clone)]
pub(crate) struct StaticFile {
    /// Its path in the output, e.g. `.well-known/security.txt`.
    pub path: String,
    /// Where it was found, for messages: `static/.well-known/security.txt`.
    pub file: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Files a folder may hold that are never published: system litter and version control.
fn skipped(relative: &Path) -> bool {
    relative.file_name().is_some_and(|name| {
        matches!(
            name.to_string_lossy().as_ref(),
            ".DS_Store" | "Thumbs.db" | "desktop.ini" | ".git" | ".gitkeep"
        )
    })
}

/// Every file in `static/` (none when there is no such folder), sorted by path.
pub(crate) fn collect_static(root: &Path) -> (Vec<StaticFile>, Vec<Diagnostic>) {
    let folder = root.join(STATIC_DIR);
    if !folder.is_dir() {
        return (Vec::new(), Vec::new());
    }
    let site = match SiteFolder::new(root) {
        Ok(site) => site,
        Err(error) => {
            let problem = Diagnostic::error(STATIC_DIR, 0, 0, Rule::READ_ERROR, format!("Cannot open the site folder: {error}"));
            return (Vec::new(), vec![problem]);
        }
    };
    let (found, mut problems) = site.walk(&folder, &skipped);
    let mut files = Vec::new();
    for walked in found {
        let path = display_path(&folder, &walked.path);
        let file = display_path(root, &walked.path);
        match std::fs::read(&walked.real) {
            Ok(bytes) => files.push(StaticFile { path, file, bytes }),
            Err(error) => problems.push(Diagnostic::error(
                &file,
                0,
                0,
                Rule::READ_ERROR,
                format!("Cannot read this file: {error}"),
            )),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, problems)
}

/// An error for each static file whose path is one the build makes (`made`).
pub(crate) fn clashes(files: &[StaticFile], made: &BTreeSet<String>) -> Vec<Diagnostic> {
    files
        .iter()
        .filter(|file| made.contains(&file.path))
        .map(|file| {
            Diagnostic::error(
                &file.file,
                0,
                0,
                Rule::STATIC_CLASH,
                format!("Signpost makes /{} itself, so this file cannot be published there", file.path),
            )
            .with_suggestion(match file.path.as_str() {
                "_redirects" => "Remove it: write old addresses in a page's front matter (redirects:) or in content/redirects.yaml, and Signpost writes _redirects for you.",
                "_headers" => "Remove it: Signpost writes the security headers in _headers (see docs/hosting.md).",
                _ => "Rename or move the file, or remove the page of the same address.",
            })
        })
        .collect()
}

/// Files that belong in `static/` but were put where Signpost does not publish them as they are:
/// `CNAME`, `_redirects` and `_headers` at the top of `content/` or `assets/`. An error, because a
/// site published without its `CNAME` loses its own domain on GitHub Pages.
pub(crate) fn misplaced(root: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for folder in ["content", "assets"] {
        for name in ["CNAME", "_redirects", "_headers"] {
            let path = root.join(folder).join(name);
            if std::fs::symlink_metadata(&path).is_err() {
                continue;
            }
            let how = match name {
                "CNAME" => format!("Move it to static/{name}: files in static/ are published as they are at the top of the site."),
                "_redirects" => "Remove it: write old addresses in a page's front matter (redirects:) or in content/redirects.yaml, and Signpost writes _redirects for you.".to_string(),
                _ => "Remove it: Signpost writes the security headers in _headers (see docs/hosting.md).".to_string(),
            };
            problems.push(
                Diagnostic::error(
                    format!("{folder}/{name}"),
                    0,
                    0,
                    Rule::MISPLACED_FILE,
                    format!("{name} only works at the top of the published site, and Signpost does not publish {folder}/{name} there"),
                )
                .with_suggestion(&how),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_files_are_collected_with_dot_folders_and_without_litter() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("static/.well-known")).unwrap();
        std::fs::write(site.path().join("static/CNAME"), "localoffer.example.org\n").unwrap();
        std::fs::write(site.path().join("static/.well-known/security.txt"), "Contact: x\n").unwrap();
        std::fs::write(site.path().join("static/.DS_Store"), "x").unwrap();
        let (files, problems) = collect_static(site.path());
        assert!(problems.is_empty(), "{problems:?}");
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, vec![".well-known/security.txt", "CNAME"]);
        let made: BTreeSet<String> = ["CNAME".to_string()].into();
        let found = clashes(&files, &made);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].file.as_str(), found[0].rule), ("static/CNAME", Rule::STATIC_CLASH));
    }

    #[test]
    fn cname_in_content_is_an_error_that_says_where_it_goes() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        std::fs::write(site.path().join("content/CNAME"), "x\n").unwrap();
        let found = misplaced(site.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, "content/CNAME");
        assert!(found[0].suggestion.as_deref().unwrap_or("").contains("static/CNAME"), "{found:?}");
    }
}
