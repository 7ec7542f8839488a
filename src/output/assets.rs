//! Static files (theme CSS and JavaScript, the site's `assets/`) with content-hashed names, so
//! browsers can cache them for a long time and never see a stale copy.

use crate::content::inside::SiteFolder;
use crate::diagnostic::{Diagnostic, display_path};
use crate::rules::Rule;
use std::collections::BTreeMap;
use std::path::Path;

/// One static file to publish.
#[derive(Debug, Clone)]
pub struct AssetFile {
    /// The address authors and templates use, e.g. `/assets/site.css`.
    pub url: String,
    /// The address it is published at, e.g. `/assets/site.3f2a1b0c9d.css`.
    pub hashed_url: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// `name.ext` -> `name.<hash>.ext`.
fn hashed_name(url: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    let short = &hash.as_str()[..10];
    let (folder, file) = url.rsplit_once('/').unwrap_or(("", url));
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{folder}/{stem}.{short}.{ext}"),
        _ => format!("{folder}/{file}.{short}"),
    }
}

/// Collects the theme's static files and the site's `assets/` folder (the site's own files win
/// when both have the same name).
pub fn collect_assets(root: &Path, theme_static: &BTreeMap<String, Vec<u8>>, max_bytes: u64) -> (Vec<AssetFile>, Vec<Diagnostic>) {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (name, bytes) in theme_static {
        files.insert(format!("/assets/{name}"), bytes.clone());
    }
    let folder = root.join("assets");
    if folder.is_dir() {
        let site = match SiteFolder::new(root) {
            Ok(site) => site,
            Err(error) => {
                problems.push(Diagnostic::error(
                    "assets",
                    0,
                    0,
                    Rule::READ_ERROR,
                    format!("Cannot open the site folder: {error}"),
                ));
                return (Vec::new(), problems);
            }
        };
        // CNAME, _redirects and _headers at the top are reported by static_files::misplaced.
        let hidden = |relative: &Path| {
            relative.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.'))
                || (relative.components().count() == 1
                    && relative
                        .file_name()
                        .is_some_and(|name| matches!(name.to_string_lossy().as_ref(), "CNAME" | "_redirects" | "_headers")))
        };
        let (found, walk_problems) = site.walk(&folder, &hidden);
        problems.extend(walk_problems);
        for walked in found {
            let name = display_path(&folder, &walked.path);
            let file = display_path(root, &walked.path);
            let size = std::fs::metadata(&walked.real).map(|m| m.len()).unwrap_or(0);
            if size > max_bytes {
                problems.push(
                    Diagnostic::error(
                        &file,
                        0,
                        0,
                        Rule::FILE_TOO_LARGE,
                        format!(
                            "This file is {} KB; families on mobile data would wait a long time for it",
                            size / 1024
                        ),
                    )
                    .with_suggestion("Make it smaller (resize pictures, compress PDFs), or raise [checks] max_asset_kb in site.toml."),
                );
                continue;
            }
            match std::fs::read(&walked.real) {
                Ok(bytes) => {
                    files.insert(format!("/assets/{name}"), bytes);
                }
                Err(error) => problems.push(Diagnostic::error(
                    &file,
                    0,
                    0,
                    Rule::READ_ERROR,
                    format!("Cannot read this file: {error}"),
                )),
            }
        }
    }
    let assets = files
        .into_iter()
        .map(|(url, bytes)| AssetFile {
            hashed_url: hashed_name(&url, &bytes),
            url,
            bytes,
        })
        .collect();
    (assets, problems)
}

/// Points every `url(…)` in the stylesheets at the published names of the other assets, under
/// the site's base path, and renames each changed stylesheet by its new content (so a changed
/// picture never leaves a cached stylesheet pointing at an old name).
pub fn finish_stylesheets(assets: &mut [AssetFile], addresses: &crate::render::address::Addresses) {
    let names: BTreeMap<String, String> = assets
        .iter()
        .filter(|a| !a.url.ends_with(".css"))
        .map(|a| (a.url.clone(), a.hashed_url.clone()))
        .collect();
    let rename = |route: &str| {
        let end = route.find(['?', '#']).unwrap_or(route.len());
        names.get(&route[..end]).map(|name| format!("{name}{}", &route[end..]))
    };
    for asset in assets.iter_mut().filter(|a| a.url.ends_with(".css")) {
        let Ok(text) = std::str::from_utf8(&asset.bytes) else { continue };
        let finished = addresses.css(text, rename);
        if finished != text {
            asset.bytes = finished.into_bytes();
            asset.hashed_url = hashed_name(&asset.url, &asset.bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::hashed_name;

    #[test]
    fn stylesheets_point_at_published_names_under_the_base_path() {
        let picture = super::AssetFile {
            url: "/assets/bg.png".into(),
            hashed_url: "/assets/bg.0123456789.png".into(),
            bytes: vec![1],
        };
        let css = b"a{background:url('/assets/bg.png')}".to_vec();
        let sheet = super::AssetFile {
            url: "/assets/own.css".into(),
            hashed_url: hashed_name("/assets/own.css", &css),
            bytes: css,
        };
        let before = sheet.hashed_url.clone();
        let mut assets = vec![picture, sheet];
        super::finish_stylesheets(&mut assets, &crate::render::address::Addresses::new("https://a.example/lo/"));
        assert_eq!(assets[1].bytes, b"a{background:url('/lo/assets/bg.0123456789.png')}");
        assert_ne!(assets[1].hashed_url, before, "a changed stylesheet gets a new name");
    }

    #[test]
    fn hash_goes_before_the_extension() {
        let name = hashed_name("/assets/img/bus.svg", b"<svg/>");
        assert!(
            name.starts_with("/assets/img/bus.") && name.ends_with(".svg") && name.len() == "/assets/img/bus..svg".len() + 10,
            "{name}"
        );
        assert_eq!(name, hashed_name("/assets/img/bus.svg", b"<svg/>"));
        assert_ne!(name, hashed_name("/assets/img/bus.svg", b"<svg />"));
    }
}
