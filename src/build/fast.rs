//! The fast path of an incremental build: when only pages' and services' own files changed (no
//! address added, removed or moved, no errors while loading, nothing every page depends on
//! changed), renders just the changed pages at once. The consistent build that follows renders
//! the same bytes again and everything the change touches besides (listings, search, checks).

use super::memory::{Fingerprints, Memory, changed_addresses};
use crate::BuildOptions;
use crate::content::{self, Date};
use crate::diagnostic::Severity;
use crate::render::Renderer;
use std::collections::{BTreeMap, BTreeSet};

/// Pages rendered by the fast path, as (path inside the site, html), and their addresses.
#[derive(Debug, Default)]
pub struct FastPages {
    /// The finished pages, by their path inside the site (`services/splash-club/index.html`).
    pub files: Vec<(String, String)>,
    /// The site addresses they were rendered for.
    pub addresses: BTreeSet<String>,
}

impl Memory {
    /// Renders the pages and services whose own files changed since the last committed build,
    /// and the addresses in `rewrite` (pages an earlier fast path wrote, which may now be stale).
    /// `None` when the fast path does not apply: no committed build yet, load errors, an address
    /// added, removed or moved to another category, a change to what every page depends on, or
    /// nothing to render.
    pub fn fast_pages(&self, options: &BuildOptions, rewrite: &BTreeSet<String>) -> Option<FastPages> {
        let base = self.base()?;
        let (site, found) = match self.cache().lock() {
            Ok(mut cache) => content::load_site_cached(&options.root, options.drafts, Some(&mut cache)),
            Err(_) => return None,
        };
        let mut site = site?;
        options.apply_to(&mut site.config);
        if found.iter().any(|d| d.severity == Severity::Error) || !same_addresses(&site, &base.site) {
            return None;
        }
        let today = Date::today();
        let theme = crate::render::Theme::load(&options.root, &site.config).ok()?;
        let limit = site.config.checks.max_asset_kb.saturating_mul(1024);
        let (mut assets, _) = crate::output::collect_assets(&options.root, &theme.static_files, limit);
        crate::output::finish_stylesheets(&mut assets, &crate::render::address::Addresses::for_config(&site.config));
        let asset_map: BTreeMap<String, String> = assets.iter().map(|a| (a.url.clone(), a.hashed_url.clone())).collect();
        // Only the changed files' services are hashed again.
        let prints = Fingerprints::after(&site, today, &asset_map, Some(&base.prints));
        if prints.shared != base.prints.shared {
            return None;
        }
        let mut addresses = changed_addresses(base, &site, &prints);
        addresses.extend(rewrite.iter().cloned());
        if addresses.is_empty() {
            return None;
        }
        let renderer = Renderer::new(&site, &theme, &asset_map, today)
            .with_captions(crate::render::video::caption_files(assets.iter().map(|a| (&a.url, &a.bytes))));
        let files = std::sync::Mutex::new(Vec::new());
        let rendered = renderer.render_selected(
            |job| addresses.contains(job.url),
            |path, html| {
                files.lock().map_err(|e| e.to_string())?.push((path.to_string(), html.to_string()));
                Ok(())
            },
            |_, _| {},
        );
        let failed =
            |page: &crate::render::RenderedPage| page.record.is_none() || page.diagnostics.iter().any(|d| d.severity == Severity::Error);
        if rendered.iter().any(failed) {
            return None;
        }
        Some(FastPages {
            files: files.into_inner().ok()?,
            addresses,
        })
    }
}

/// True when `now` has the same pages and services at the same addresses as `before`, each
/// service in the same category.
fn same_addresses(now: &content::Site, before: &content::Site) -> bool {
    let pages = |site: &content::Site| site.pages.iter().map(|p| p.url.clone()).collect::<Vec<_>>();
    let services = |site: &content::Site| {
        (site.services.iter())
            .map(|s| (s.url.clone(), s.record.category.clone()))
            .collect::<Vec<_>>()
    };
    pages(now) == pages(before) && services(now) == services(before)
}
