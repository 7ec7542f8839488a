//! What an incremental build keeps between runs so that the next run can skip work whose inputs
//! did not change: parsed content files, rendered pages, and the search files.
//!
//! What changed is decided by the content hash of each file the loader read
//! ([`crate::content::SourceTexts::fingerprint`]); the pipeline itself ([`crate::build_incremental`])
//! is the same as `signpost build`'s, so an incremental build equals a clean build byte for byte.

use super::checks::FileChecks;
use super::{Cancel, Reuse, listed};
use crate::Sink;
use crate::content::{self, Date, LoadCache, Site};
use crate::diagnostic::Diagnostic;
use crate::render::{JobRef, PageRecord, RenderedPage, Renderer};
use crate::search::SearchIndex;
use crate::search::synonyms::Synonyms;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

/// Search files by path and the index they came from.
pub(crate) type SearchFiles = (Vec<(String, Vec<u8>)>, Arc<SearchIndex>);

/// How many pages are rendered between two looks at the cancellation flag.
const PAGES_PER_LOOK: usize = 512;

/// Memory carried from one build to the next: the loader's cache of parsed files and the last
/// build without errors. Cheap to share with a build running on another thread ([`Memory::begin`]).
#[derive(Default)]
pub struct Memory {
    cache: Arc<Mutex<LoadCache>>,
    base: Option<Arc<Base>>,
}

/// The last build without errors: what it was made from and what it made.
pub(crate) struct Base {
    pub(crate) site: Site,
    pub(crate) prints: Fingerprints,
    pages: BTreeMap<String, RenderedPage>,
    search: Option<KeptSearch>,
    /// The findings of the checks that depend on one file only, by file.
    pub(super) checks: FileChecks,
}

/// Search files kept from a build, with what they were made from.
pub(crate) struct KeptSearch {
    /// The hash of every search document and the search settings ([`search_key`]).
    key: blake3::Hash,
    synonyms: Synonyms,
    files: SearchFiles,
}

/// The hash of what the search files are made from: every page's and service's search document
/// (its searchable text and facts, exactly as indexed), the search settings and the languages.
fn search_key(site: &Site, synonyms: &Synonyms) -> blake3::Hash {
    let docs = crate::search::documents::collect(site, synonyms);
    let mut hasher = blake3::Hasher::new();
    let _ = write!(
        listed::HashWriter(&mut hasher),
        "{docs:?}\0{:?}\0{:?}",
        site.config.search,
        site.config.languages
    );
    hasher.finalize()
}

/// One build's use of the [`Memory`]: what it may reuse, what it must render again, the flag that
/// stops it, and what it leaves for [`Memory::commit`].
pub struct Incremental {
    cache: Arc<Mutex<LoadCache>>,
    pub(super) base: Option<Arc<Base>>,
    rewrite: BTreeSet<String>,
    cancel: Cancel,
    pending_pages: Option<BTreeMap<String, RenderedPage>>,
    pending_search: Option<KeptSearch>,
    pending_prints: Option<Fingerprints>,
    pub(super) pending_checks: Option<FileChecks>,
    finished: Option<Base>,
    /// What this build made again and what it kept.
    pub(crate) reuse: Reuse,
}

/// Content hashes that decide what a build may reuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprints {
    /// What every page depends on besides its own file: `site.toml` and the options applied to it,
    /// every content file that is neither a page nor a file of services (contact blocks, the
    /// glossary, "you said, we did"), today's date and the asset addresses.
    pub(crate) shared: blake3::Hash,
    /// Each content file's hash, by site path.
    pub(crate) files: BTreeMap<String, blake3::Hash>,
    /// Every page file's hash and address: what Markdown pages and listings show of each other.
    pages: blake3::Hash,
    /// Every page's address, language and kind: what the directory's listing pages show of pages.
    page_addresses: blake3::Hash,
    /// What listing pages may show of the services in each file (see [`super::listed`]).
    listings: BTreeMap<String, blake3::Hash>,
}

impl Fingerprints {
    /// The fingerprints of `site` as loaded, for pages made on `today` with `assets`.
    pub(crate) fn of(site: &Site, today: Date, assets: &BTreeMap<String, String>) -> Fingerprints {
        Fingerprints::after(site, today, assets, None)
    }

    /// [`Fingerprints::of`], taking the listing hashes of files unchanged since `before` from it.
    pub(crate) fn after(site: &Site, today: Date, assets: &BTreeMap<String, String>, before: Option<&Fingerprints>) -> Fingerprints {
        let files = file_hashes(site);
        let own: BTreeSet<&str> = (site.pages.iter().map(|p| p.source.file.as_str()))
            .chain(site.services.iter().map(|s| s.source.file.as_str()))
            .collect();
        let mut shared = blake3::Hasher::new();
        settings(site, &mut shared);
        for (file, hash) in files.iter().filter(|(file, _)| !own.contains(file.as_str())) {
            shared.update(file.as_bytes()).update(&[0]).update(hash.as_bytes());
        }
        shared.update(today.to_string().as_bytes()).update(&[0]);
        for (url, hashed) in assets {
            shared.update(url.as_bytes()).update(&[0]).update(hashed.as_bytes()).update(&[0]);
        }
        let shared = shared.finalize();
        let reuse = before
            .filter(|before| before.shared == shared)
            .map(|before| (&before.files, &before.listings));
        Fingerprints {
            shared,
            pages: listed::pages_hash(site, &files),
            page_addresses: listed::page_addresses_hash(site),
            listings: listed::listing_hashes(site, &files, reuse),
            files,
        }
    }

    /// True when every page that lists or names other pages and services (every page but a
    /// service's own) would be the same as in the build `before` was taken of.
    pub(crate) fn same_listings(&self, before: &Fingerprints) -> bool {
        self.shared == before.shared && self.pages == before.pages && self.listings == before.listings
    }

    /// True when every listing page of the directory (under `/services/`, not a Markdown page)
    /// would be the same as in the build `before` was taken of.
    pub(crate) fn same_directory(&self, before: &Fingerprints) -> bool {
        self.shared == before.shared && self.page_addresses == before.page_addresses && self.listings == before.listings
    }

    /// The files whose hash differs from `before`'s, or that are new or gone.
    pub(crate) fn changed_files<'a>(&'a self, before: &'a Fingerprints) -> BTreeSet<&'a str> {
        let mut changed: BTreeSet<&str> = (self.files.iter())
            .filter(|(file, hash)| before.files.get(*file) != Some(*hash))
            .map(|(file, _)| file.as_str())
            .collect();
        changed.extend(
            before
                .files
                .keys()
                .filter(|file| !self.files.contains_key(*file))
                .map(String::as_str),
        );
        changed
    }
}

/// Each content file's hash, by site path.
fn file_hashes(site: &Site) -> BTreeMap<String, blake3::Hash> {
    let sources = &site.sources;
    (sources.files())
        .filter_map(|file| Some((file.to_string(), sources.fingerprint(file)?)))
        .collect()
}

/// Hashes `site.toml` and the options applied to it into `hasher`.
pub(super) fn settings(site: &Site, hasher: &mut blake3::Hasher) {
    hasher.update(blake3::hash(site.sources.config().as_bytes()).as_bytes());
    hasher.update(site.config.base_url.as_bytes());
    hasher.update(&[u8::from(site.config.served_at_root), 0]);
}

/// The addresses of services and pages whose own file changed since `base` and that differ from
/// what `base` had at the same address (or are new there).
pub(crate) fn changed_addresses(base: &Base, site: &Site, prints: &Fingerprints) -> BTreeSet<String> {
    let files = prints.changed_files(&base.prints);
    let mut changed = BTreeSet::new();
    let services: BTreeMap<&str, &content::Service> = (base.site.services.iter())
        .filter(|s| files.contains(s.source.file.as_str()))
        .map(|s| (s.url.as_str(), s))
        .collect();
    for service in site.services.iter().filter(|s| files.contains(s.source.file.as_str())) {
        if services.get(service.url.as_str()) != Some(&service) {
            changed.insert(service.url.clone());
        }
    }
    let pages: BTreeMap<&str, &content::Page> = (base.site.pages.iter())
        .filter(|p| files.contains(p.source.file.as_str()))
        .map(|p| (p.url.as_str(), p))
        .collect();
    for page in site.pages.iter().filter(|p| files.contains(p.source.file.as_str())) {
        if pages.get(page.url.as_str()) != Some(&page) {
            changed.insert(page.url.clone());
        }
    }
    changed
}

impl Memory {
    /// Empty memory: the next build does everything.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// Forgets the last build (the preview folder was lost), keeping parsed content files.
    pub fn forget_pages(&mut self) {
        self.base = None;
    }

    /// True once a build without errors was committed.
    pub fn has_base(&self) -> bool {
        self.base.is_some()
    }

    /// Starts a build that may run on another thread. `everything`: reuse no rendered page (the
    /// theme or templates changed). `rewrite`: addresses to render again even if their inputs look
    /// unchanged (pages the fast path wrote since the last committed build). The build stops early
    /// when `cancel` is set.
    pub fn begin(&self, everything: bool, rewrite: BTreeSet<String>, cancel: Cancel) -> Incremental {
        Incremental {
            cache: self.cache.clone(),
            base: self.base.clone().filter(|_| !everything),
            rewrite,
            cancel,
            pending_pages: None,
            pending_search: None,
            pending_prints: None,
            pending_checks: None,
            finished: None,
            reuse: Reuse::default(),
        }
    }

    /// Keeps what a finished build without errors made, as the base of the next one. A build that
    /// was cancelled or had errors leaves the memory as it was (its parsed files stay cached).
    pub fn commit(&mut self, build: Incremental) {
        if let Some(finished) = build.finished {
            self.base = Some(Arc::new(finished));
        }
    }

    /// The loader's cache, shared with the builds in flight.
    pub(crate) fn cache(&self) -> &Mutex<LoadCache> {
        &self.cache
    }

    /// The last committed build.
    pub(crate) fn base(&self) -> Option<&Base> {
        self.base.as_deref()
    }
}

impl Incremental {
    /// True once the build was asked to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// The flag that stops this build.
    pub(crate) fn cancel_flag(&self) -> Cancel {
        self.cancel.clone()
    }

    /// True when this build ended without errors and left a base for the next one.
    pub fn finished(&self) -> bool {
        self.finished.is_some()
    }

    /// Loads the site through the shared cache of parsed files.
    pub(crate) fn load(&self, root: &std::path::Path, drafts: bool) -> (Option<Site>, Vec<Diagnostic>) {
        match self.cache.lock() {
            Ok(mut cache) => content::load_site_cached(root, drafts, Some(&mut cache)),
            Err(_) => content::load_site(root, drafts),
        }
    }

    /// Renders what changed since the base and takes the rest from it, looking at the
    /// cancellation flag between groups of pages. Returns every page's record and the render
    /// findings, in the order of a full render; `None` when the build was cancelled.
    pub(crate) fn render<S>(
        &mut self,
        renderer: &Renderer<'_>,
        site: &Site,
        today: Date,
        assets: &BTreeMap<String, String>,
        page_sink: S,
        sink: Option<&dyn Sink>,
    ) -> Option<(Vec<PageRecord>, Vec<Diagnostic>)>
    where
        S: Fn(&str, &str) -> Result<(), String> + Sync,
    {
        let prints = Fingerprints::after(site, today, assets, self.base.as_deref().map(|b| &b.prints));
        let base = self.base.as_deref().filter(|b| b.prints.shared == prints.shared);
        let changed = base.map(|base| changed_addresses(base, site, &prints)).unwrap_or_default();
        // Pages other than services' own list or name other pages and services: they are kept
        // only when nothing they may show changed.
        let listings_kept = base.is_some_and(|base| prints.same_listings(&base.prints));
        let directory_kept = base.is_some_and(|base| prints.same_directory(&base.prints));
        let page_urls: BTreeSet<&str> = site.pages.iter().map(|p| p.url.as_str()).collect();
        let in_directory = |url: &str| url.starts_with(content::SERVICES_URL) && !page_urls.contains(url);
        let wanted = |job: &JobRef<'_>| match base {
            None => true,
            Some(base) => {
                let kept = match (job.service, in_directory(job.url)) {
                    (true, _) => !changed.contains(job.url),
                    (false, true) => directory_kept,
                    (false, false) => listings_kept,
                };
                !kept || self.rewrite.contains(job.url) || base.pages.get(job.url).is_none_or(|p| p.record.is_none())
            }
        };
        let selected = Mutex::new(Vec::new());
        renderer.render_selected(
            |job| {
                if wanted(job)
                    && let Ok(mut selected) = selected.lock()
                {
                    selected.push(job.url.to_string());
                }
                false
            },
            |_, _| Ok(()),
            |_, _| {},
        );
        let selected = selected.into_inner().unwrap_or_default();
        self.reuse.pages_rendered = selected.len();
        let mut fresh = BTreeMap::new();
        for group in selected.chunks(PAGES_PER_LOOK) {
            if self.cancelled() {
                return None;
            }
            let group: BTreeSet<&str> = group.iter().map(String::as_str).collect();
            let rendered = renderer.render_selected(|job| group.contains(job.url), &page_sink, |_, _| {});
            fresh.extend(rendered.into_iter().map(|page| (page.url.clone(), page)));
        }
        let mut pages = BTreeMap::new();
        let mut records = Vec::new();
        let mut diagnostics = Vec::new();
        for url in renderer.known_urls() {
            let page = match fresh.remove(&url) {
                Some(page) => page,
                None => match base.and_then(|b| b.pages.get(&url)) {
                    Some(page) => {
                        if let (Some(record), Some(sink)) = (&page.record, sink) {
                            sink.unchanged(&record.output_path);
                        }
                        page.clone()
                    }
                    None => continue,
                },
            };
            diagnostics.extend(page.diagnostics.iter().cloned());
            records.extend(page.record.clone());
            pages.insert(url, page);
        }
        self.reuse.pages_kept = pages.len() - self.reuse.pages_rendered;
        self.pending_pages = Some(pages);
        self.pending_prints = Some(prints);
        Some((records, diagnostics))
    }

    /// The search files and index of the base, if the searchable text of every page and service,
    /// the search settings and the synonyms they came from are the same. Returns them (or `None`:
    /// build them again) and the key to keep them by.
    pub(crate) fn search_files(&mut self, site: &Site, synonyms: &Synonyms) -> (Option<SearchFiles>, blake3::Hash) {
        let key = search_key(site, synonyms);
        let kept = (self.base.as_deref())
            .and_then(|base| base.search.as_ref())
            .filter(|kept| kept.key == key && &kept.synonyms == synonyms)
            .map(|kept| kept.files.clone());
        if let Some(files) = &kept {
            self.reuse.search_kept = true;
            self.pending_search = Some(KeptSearch {
                key,
                synonyms: synonyms.clone(),
                files: files.clone(),
            });
        }
        (kept, key)
    }

    /// Keeps freshly built search files, and their index, for the next build.
    pub(crate) fn built_search(&mut self, key: blake3::Hash, synonyms: &Synonyms, files: &[(String, Vec<u8>)], index: &Arc<SearchIndex>) {
        self.pending_search = Some(KeptSearch {
            key,
            synonyms: synonyms.clone(),
            files: (files.to_vec(), index.clone()),
        });
    }

    /// Called when the build ended without errors: it becomes the base of the next one once
    /// [`Memory::commit`]ted.
    pub(crate) fn remember(&mut self, site: Site, today: Date, assets: &BTreeMap<String, String>) {
        if self.cancelled() {
            return;
        }
        let prints = match self.pending_prints.take() {
            Some(prints) => prints,
            None => Fingerprints::of(&site, today, assets),
        };
        self.finished = self.pending_pages.take().map(|pages| Base {
            site,
            prints,
            pages,
            search: self.pending_search.take(),
            checks: self.pending_checks.take().unwrap_or_default(),
        });
    }
}

/// Hands memory freed by a rebuild back to the system. Each rebuild allocates and frees hundreds
/// of megabytes on several threads (rendering, the search index); glibc keeps what those threads
/// freed in its per-thread arenas, so without this the preview's memory grows edit after edit
/// although nothing is kept. Elsewhere the allocator's own behaviour is left alone.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages to the system; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprints;
    use crate::content::{Date, load_site};
    use std::collections::BTreeMap;
    use std::path::Path;

    /// A copy of the `valid` fixture's site.toml and content, to edit.
    fn site_copy() -> tempfile::TempDir {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(from.join("site.toml"), dir.path().join("site.toml")).unwrap();
        let mut stack = vec![std::path::PathBuf::from("content")];
        while let Some(relative) = stack.pop() {
            std::fs::create_dir_all(dir.path().join(&relative)).unwrap();
            for entry in std::fs::read_dir(from.join(&relative)).unwrap() {
                let entry = entry.unwrap();
                let inner = relative.join(entry.file_name());
                match entry.file_type().unwrap().is_dir() {
                    true => stack.push(inner),
                    false => drop(std::fs::copy(entry.path(), dir.path().join(&inner)).unwrap()),
                }
            }
        }
        dir
    }

    fn prints(root: &Path) -> Fingerprints {
        let site = load_site(root, false).0.unwrap();
        Fingerprints::of(&site, Date::today(), &BTreeMap::new())
    }

    fn edit(path: &Path, from: &str, to: &str) {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{} has no {from}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    #[test]
    fn an_edited_service_file_changes_only_its_own_hash() {
        let site = site_copy();
        let before = prints(site.path());
        edit(&site.path().join("content/services/health.yaml"), "Quiet swimming", "Calm swimming");
        let after = prints(site.path());
        assert_eq!(after.shared, before.shared, "service files are not shared inputs");
        assert_eq!(after.pages, before.pages, "no page changed");
        let changed: Vec<&str> = after.changed_files(&before).into_iter().collect();
        assert_eq!(changed, ["content/services/health.yaml"]);
    }

    #[test]
    fn the_glossary_and_site_toml_are_shared_by_every_page() {
        let site = site_copy();
        let before = prints(site.path());
        edit(
            &site.path().join("content/glossary.yaml"),
            "meaning: The teacher",
            "meaning: The member of staff",
        );
        let glossary = prints(site.path());
        assert_ne!(glossary.shared, before.shared);
        let config = site.path().join("site.toml");
        let text = std::fs::read_to_string(&config).unwrap();
        std::fs::write(&config, format!("{text}\n# a comment\n")).unwrap();
        assert_ne!(prints(site.path()).shared, glossary.shared);
    }

    #[test]
    fn only_fields_listings_show_change_the_listing_fingerprints() {
        let site = site_copy();
        let services = site.path().join("content/services/health.yaml");
        let before = prints(site.path());
        edit(&services, "    A towel. See", "    A big towel. See");
        let description = prints(site.path());
        assert!(description.same_listings(&before), "a description is only on its own page");
        assert!(description.same_directory(&before));
        edit(
            &site.path().join("content/advice/index.md"),
            "title: Advice",
            "title: Advice and guides",
        );
        let title = prints(site.path());
        assert!(!title.same_listings(&description), "pages name each other");
        assert!(title.same_directory(&description), "the directory's listings show no page titles");
        edit(&services, "summary: Quiet swimming with helpers.", "summary: Calm swimming.");
        let summary = prints(site.path());
        assert!(!summary.same_directory(&title), "cards show the summary");
    }

    #[test]
    fn a_deleted_page_is_a_changed_file() {
        let site = site_copy();
        let before = prints(site.path());
        std::fs::remove_file(site.path().join("content/advice/assessment.md")).unwrap();
        let after = prints(site.path());
        assert!(after.changed_files(&before).contains("content/advice/assessment.md"));
    }
}
