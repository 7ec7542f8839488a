//! The files at the top of the published site that do not come from a page: the redirect pages
//! and `_redirects` ([`super::redirects`]) and the site's `static/` folder
//! ([`super::static_files`]), written last so a static file can be checked against every file
//! the build made.

use super::redirects::{NETLIFY_FILE, Redirect, netlify_file};
use super::static_files::{StaticFile, clashes};
use crate::Sink;
use crate::diagnostic::Diagnostic;
use crate::render::{PageRecord, Renderer};
use std::collections::BTreeSet;
use std::sync::Mutex;

/// A sink that remembers the path of every file handed to it (or reported unchanged).
pub(crate) struct RecordingSink<'s> {
    inner: &'s dyn Sink,
    paths: Mutex<BTreeSet<String>>,
}

impl<'s> RecordingSink<'s> {
    /// Records what goes to `inner`.
    pub(crate) fn new(inner: &'s dyn Sink) -> Self {
        RecordingSink {
            inner,
            paths: Mutex::new(BTreeSet::new()),
        }
    }

    fn record(&self, path: &str) {
        if let Ok(mut paths) = self.paths.lock() {
            paths.insert(path.to_string());
        }
    }

    /// Every path handed over so far.
    pub(crate) fn paths(&self) -> BTreeSet<String> {
        self.paths.lock().map(|paths| paths.clone()).unwrap_or_default()
    }
}

impl Sink for RecordingSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.record(path);
        self.inner.write(path, bytes)
    }

    fn unchanged(&self, path: &str) {
        self.record(path);
        self.inner.unchanged(path);
    }
}

/// The files the build always makes at the top, besides pages, assets and feeds.
const MADE_AT_THE_TOP: &[&str] = &["sitemap.xml", "robots.txt", super::headers::HEADERS_FILE];

/// What can be known before writing: static files named like a page, a redirect page or a file
/// the build always makes. (`_redirects` is Signpost's only when the site has redirects; without
/// any, a site's own `static/_redirects` is published.)
pub(crate) fn check_before_writing(files: &[StaticFile], pages: &[PageRecord], redirects: &[Redirect]) -> Vec<Diagnostic> {
    let mut made: BTreeSet<String> = pages.iter().map(|page| page.output_path.clone()).collect();
    made.extend(MADE_AT_THE_TOP.iter().map(|name| name.to_string()));
    made.extend(redirects.iter().filter_map(Redirect::output_path));
    if !redirects.is_empty() {
        made.insert(NETLIFY_FILE.to_string());
    }
    clashes(files, &made)
}

/// Writes the redirect pages, `_redirects` and then the static files (refusing any whose path
/// was already written). `Err`: a file could not be written (the system's problem).
pub(crate) fn write(
    renderer: &Renderer<'_>,
    redirects: &[Redirect],
    files: &[StaticFile],
    sink: &RecordingSink<'_>,
) -> Result<Vec<Diagnostic>, String> {
    let mut found = Vec::new();
    for redirect in redirects {
        let Some(path) = redirect.output_path() else { continue };
        match renderer.render_redirect(redirect) {
            Ok((html, problems)) => {
                found.extend(problems);
                sink.write(&path, html.as_bytes())?;
            }
            Err(problem) => found.push(problem),
        }
    }
    if !redirects.is_empty() {
        sink.write(NETLIFY_FILE, netlify_file(redirects, renderer.addresses()).as_bytes())?;
    }
    let made = sink.paths();
    let refused = clashes(files, &made);
    for file in files.iter().filter(|file| !made.contains(&file.path)) {
        sink.write(&file.path, &file.bytes)?;
    }
    found.extend(refused);
    Ok(found)
}
