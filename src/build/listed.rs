//! What the pages that list other pages and services depend on, as hashes: the listing pages
//! (categories, needs, localities, age bands, A to Z, the services index), the home page, the
//! glossary, search and shortlist pages and every Markdown page (breadcrumbs, lists of child
//! pages, latest news). When these hashes and the shared inputs are the same as the last build's,
//! none of those pages can have changed, and they are taken from the last build.
//!
//! The directory's own listing pages (under `/services/`) show no page's text, only which pages
//! exist, so an edit to a page's text keeps them; the other generated pages and every Markdown
//! page are rendered again after any page edit.
//!
//! A service's entry is every field of it except its description (and where its fields are
//! written), which only its own page and search show. A page's entry is its file's hash: any
//! edit to a page renders every listing page again, as its title or place may have changed.

use crate::content::{Service, Site};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Feeds text written with `write!` into a hash, without building the string.
pub(crate) struct HashWriter<'h>(pub(crate) &'h mut blake3::Hasher);

impl std::fmt::Write for HashWriter<'_> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.0.update(text.as_bytes());
        Ok(())
    }
}

/// A hash for each file, by its path inside the site.
pub(crate) type FileHashes = BTreeMap<String, blake3::Hash>;

/// The hash of everything about the services in one file that pages other than their own may
/// show, by file. `reuse`: the hash of a file whose content hash is the same as last time is
/// taken from there without hashing its services again.
pub(crate) fn listing_hashes<'s>(site: &'s Site, files: &FileHashes, reuse: Option<(&FileHashes, &FileHashes)>) -> FileHashes {
    let mut by_file: BTreeMap<&'s str, Vec<&'s Service>> = BTreeMap::new();
    for service in &site.services {
        by_file.entry(service.source.file.as_str()).or_default().push(service);
    }
    by_file
        .into_iter()
        .map(|(file, services)| {
            let kept = reuse.and_then(|(before_files, before_listings)| {
                (before_files.get(file).is_some() && before_files.get(file) == files.get(file))
                    .then(|| before_listings.get(file).copied())
                    .flatten()
            });
            (file.to_string(), kept.unwrap_or_else(|| hash_services(&services)))
        })
        .collect()
}

/// The hash of what listings may show of `services`, in their order.
fn hash_services(services: &[&Service]) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    for service in services {
        let mut record = service.record.clone();
        record.description = None;
        let _ = write!(HashWriter(&mut hasher), "{}\0{}\0{record:?}\0", service.id, service.url);
    }
    hasher.finalize()
}

/// The hash of every page file's content hash (pages list and name each other).
pub(crate) fn pages_hash(site: &Site, files: &BTreeMap<String, blake3::Hash>) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    for page in &site.pages {
        hasher.update(page.source.file.as_bytes()).update(&[0]);
        if let Some(hash) = files.get(&page.source.file) {
            hasher.update(hash.as_bytes());
        }
        hasher.update(page.url.as_bytes()).update(&[0]);
    }
    hasher.finalize()
}

/// The hash of every page's address, language and kind: all that the pages of the directory
/// (under `/services/`: categories, needs, localities, age bands, A to Z) use of pages, through
/// breadcrumbs and links to pages that exist.
pub(crate) fn page_addresses_hash(site: &Site) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    for page in &site.pages {
        let _ = write!(
            HashWriter(&mut hasher),
            "{}\0{:?}\0{}\0",
            page.url,
            page.language,
            page.is_easy_read()
        );
    }
    hasher.finalize()
}
