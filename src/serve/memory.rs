//! What `signpost serve` keeps between builds so that the next build can skip work whose inputs
//! did not change: parsed content files, rendered pages, and the search files.
//!
//! The build pipeline itself ([`crate::build_with_memory`]) is the same as `signpost build`'s; this
//! only decides what may be reused, so a rebuilt site equals a clean build byte for byte.

use crate::content::{Date, LoadCache, Service, Site};
use crate::diagnostic::Diagnostic;
use crate::render::{JobRef, PageRecord, RenderedPage, Renderer};
use crate::search::SearchIndex;
use crate::search::synonyms::Synonyms;
use crate::{Sink, content};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Search files by path, with a fingerprint of what they were made from and the index they came from.
type SearchFiles = (String, Vec<(String, Vec<u8>)>, Arc<SearchIndex>);

/// Memory carried from one build to the next.
#[derive(Default)]
pub struct BuildMemory {
    /// Parsed content files.
    pub(crate) cache: LoadCache,
    previous: Option<Remembered>,
    pending: Option<BTreeMap<String, RenderedPage>>,
    pending_search: Option<SearchFiles>,
}

/// The last build without errors.
struct Remembered {
    site: Site,
    key: String,
    pages: BTreeMap<String, RenderedPage>,
    search: Option<SearchFiles>,
}

impl BuildMemory {
    /// Empty memory: the next build does everything.
    pub fn new() -> BuildMemory {
        BuildMemory::default()
    }

    /// Forgets rendered pages (the theme or templates changed), keeping parsed content files.
    pub fn forget_pages(&mut self) {
        self.previous = None;
    }

    /// What every page depends on besides its own content: the configuration, contact blocks,
    /// glossary, asset addresses and today's date.
    fn key(site: &Site, today: Date, assets: &BTreeMap<String, String>) -> String {
        format!("{:?}|{:?}|{:?}|{today:?}|{assets:?}", site.config, site.contacts, site.glossary)
    }

    /// Renders what changed since the last build without errors and takes the rest from it.
    /// Returns every page's record and the render findings, in the order of a full render.
    pub(crate) fn render<S>(
        &mut self,
        renderer: &Renderer<'_>,
        site: &Site,
        today: Date,
        assets: &BTreeMap<String, String>,
        page_sink: S,
        sink: Option<&dyn Sink>,
    ) -> (Vec<PageRecord>, Vec<Diagnostic>)
    where
        S: Fn(&str, &str) -> Result<(), String> + Sync,
    {
        let key = BuildMemory::key(site, today, assets);
        let base = self.previous.as_ref().filter(|p| p.key == key);
        let changed: BTreeSet<&str> = match base {
            Some(base) => {
                let before: BTreeMap<&str, &Service> = base.site.services.iter().map(|s| (s.url.as_str(), s)).collect();
                site.services
                    .iter()
                    .filter(|s| before.get(s.url.as_str()) != Some(s))
                    .map(|s| s.url.as_str())
                    .collect()
            }
            None => BTreeSet::new(),
        };
        let select = |job: &JobRef<'_>| match base {
            None => true,
            Some(base) => !job.service || changed.contains(job.url) || base.pages.get(job.url).is_none_or(|p| p.record.is_none()),
        };
        let fresh = renderer.render_selected(select, page_sink, |_, _| {});
        let mut fresh: BTreeMap<String, RenderedPage> = fresh.into_iter().map(|page| (page.url.clone(), page)).collect();
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
        self.pending = Some(pages);
        (records, diagnostics)
    }

    /// The fast path before a full rebuild: when only services' own details changed (no service
    /// added, removed or moved, no errors while loading, nothing else changed), renders just those
    /// services' pages and returns them as (path, html). `None`: take the full rebuild only.
    /// The full rebuild that follows renders the same bytes again and everything else.
    pub fn quick_service_pages(&mut self, options: &crate::BuildOptions) -> Option<Vec<(String, String)>> {
        let base = self.previous.as_ref()?;
        let (site, found) = content::load_site_cached(&options.root, options.drafts, Some(&mut self.cache));
        let mut site = site?;
        options.apply_to(&mut site.config);
        if found.iter().any(|d| d.severity == crate::diagnostic::Severity::Error)
            || site.pages != base.site.pages
            || site.services.len() != base.site.services.len()
        {
            return None;
        }
        let mut changed = BTreeSet::new();
        for (now, before) in site.services.iter().zip(&base.site.services) {
            if now.url != before.url || now.record.category != before.record.category {
                return None;
            }
            if now != before {
                changed.insert(now.url.as_str());
            }
        }
        if changed.is_empty() {
            return None;
        }
        let today = Date::today();
        let theme = crate::render::Theme::load(&options.root, &site.config).ok()?;
        let limit = site.config.checks.max_asset_kb.saturating_mul(1024);
        let (mut assets, _) = crate::output::collect_assets(&options.root, &theme.static_files, limit);
        crate::output::finish_stylesheets(&mut assets, &crate::render::address::Addresses::for_config(&site.config));
        let asset_map: BTreeMap<String, String> = assets.iter().map(|a| (a.url.clone(), a.hashed_url.clone())).collect();
        if BuildMemory::key(&site, today, &asset_map) != base.key {
            return None;
        }
        let renderer = Renderer::new(&site, &theme, &asset_map, today)
            .with_captions(crate::render::video::caption_files(assets.iter().map(|a| (&a.url, &a.bytes))));
        let pages = std::sync::Mutex::new(Vec::new());
        let rendered = renderer.render_selected(
            |job| job.service && changed.contains(job.url),
            |path, html| {
                pages.lock().map_err(|e| e.to_string())?.push((path.to_string(), html.to_string()));
                Ok(())
            },
            |_, _| {},
        );
        if rendered
            .iter()
            .any(|page| page.record.is_none() || page.diagnostics.iter().any(|d| d.severity == crate::diagnostic::Severity::Error))
        {
            return None;
        }
        pages.into_inner().ok()
    }

    /// The search files and index of the last build, if the content and synonyms they came from are the same.
    #[allow(clippy::type_complexity)]
    pub(crate) fn search_files(&mut self, site: &Site, synonyms: &Synonyms) -> Option<(Vec<(String, Vec<u8>)>, Arc<SearchIndex>)> {
        let key = search_key(site, synonyms);
        let previous = self.previous.as_ref().and_then(|p| p.search.as_ref()).filter(|(k, _, _)| *k == key);
        let found = previous.map(|(_, files, index)| (files.clone(), index.clone()));
        self.pending_search = found.clone().map(|(files, index)| (key, files, index));
        found
    }

    /// Keeps freshly built search files, and their index, for the next build.
    pub(crate) fn built_search(&mut self, site: &Site, synonyms: &Synonyms, files: &[(String, Vec<u8>)], index: &Arc<SearchIndex>) {
        self.pending_search = Some((search_key(site, synonyms), files.to_vec(), index.clone()));
    }

    /// Called when a build ended without errors: it becomes the base of the next one.
    pub(crate) fn remember(&mut self, site: Site, today: Date, assets: &BTreeMap<String, String>) {
        let key = BuildMemory::key(&site, today, assets);
        match self.pending.take() {
            Some(pages) => {
                self.previous = Some(Remembered {
                    site,
                    key,
                    pages,
                    search: self.pending_search.take(),
                })
            }
            None => self.previous = None,
        }
    }
}

/// A fingerprint of everything the search files are made from.
fn search_key(site: &Site, synonyms: &Synonyms) -> String {
    let text = format!(
        "{:?}|{:?}|{:?}|{:?}|{synonyms:?}",
        site.config, site.pages, site.services, site.glossary
    );
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// Loads the site through the memory's cache of parsed files.
pub(crate) fn load(root: &std::path::Path, drafts: bool, memory: Option<&mut BuildMemory>) -> (Option<Site>, Vec<Diagnostic>) {
    content::load_site_cached(root, drafts, memory.map(|m| &mut m.cache))
}

/// Hands memory freed by a rebuild back to the system. Each rebuild allocates and frees hundreds
/// of megabytes on several threads (rendering, the search index); glibc keeps what those threads
/// freed in its per-thread arenas, so without this the preview's memory grows edit after edit
/// although nothing is kept. Elsewhere the allocator's own behaviour is left alone.
pub(crate) fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages to the system; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
