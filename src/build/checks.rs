//! The checks whose findings depend on one file only (and on what every file shares: `site.toml`,
//! the glossary, the word lists), kept by file hash so that a rebuild runs them only on the files
//! that changed: a service's fields ([`crate::check::check_service`]) and plain language and
//! reading ages ([`crate::check::plain_language`]). Site-wide checks (links, clashes, duplicate
//! ids, statutory topics) always run again; they are cheap.
//!
//! The findings come out in the same order as a clean build's: for each page and service in site
//! order, its own, whether they were found now or kept.

use super::Incremental;
use crate::check::plain_language::measures::{Counts, Scores};
use crate::check::plain_language::{SiteFiles, analyse_site};
use crate::content::Site;
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};

/// Each page's and service's counts and scores (when it has enough words), by site address.
pub(crate) type Readability = BTreeMap<String, (Counts, Scores)>;

/// The findings of the per-file checks of one build, by file, with the shared inputs they were
/// made with.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileChecks {
    key: Option<blake3::Hash>,
    files: BTreeMap<String, FileFindings>,
}

/// What the per-file checks found in one file.
#[derive(Debug, Clone, Default)]
struct FileFindings {
    /// The file's content hash when the findings were made.
    hash: Option<blake3::Hash>,
    /// The service-field findings of each service in the file, by address (`None`: not kept).
    fields: Option<BTreeMap<String, Vec<Diagnostic>>>,
    /// The plain-language findings and scores of each page and service in the file that the
    /// checks read (English ones), by address (`None`: not kept).
    plain: Option<BTreeMap<String, PlainFindings>>,
}

/// One page's or service's plain-language findings and, when it has enough words, its scores.
type PlainFindings = (Vec<Diagnostic>, Option<(Counts, Scores)>);

/// The hash of what every file's checks share: `site.toml`, the options applied to it and every
/// content file that is neither a page nor a file of services (glossary, word lists, contacts).
fn shared_key(site: &Site) -> blake3::Hash {
    let own = own_files(site);
    let mut hasher = blake3::Hasher::new();
    super::memory::settings(site, &mut hasher);
    for file in site.sources.files().filter(|file| !own.contains(file)) {
        hasher.update(file.as_bytes()).update(&[0]);
        if let Some(hash) = site.sources.fingerprint(file) {
            hasher.update(hash.as_bytes());
        }
    }
    hasher.finalize()
}

/// The files that hold pages or services.
fn own_files(site: &Site) -> BTreeSet<&str> {
    (site.pages.iter().map(|p| p.source.file.as_str()))
        .chain(site.services.iter().map(|s| s.source.file.as_str()))
        .collect()
}

/// True when two pages or services share an address: then findings cannot be kept by address.
fn addresses_repeat(site: &Site) -> bool {
    let mut seen = BTreeSet::new();
    !(site.pages.iter().map(|p| p.url.as_str()))
        .chain(site.services.iter().map(|s| s.url.as_str()))
        .all(|url| seen.insert(url))
}

/// What the checks of this build may take from the last one, and the files to check again.
struct Plan {
    /// The last build, when its checks were made with the same shared inputs.
    base: Option<std::sync::Arc<super::memory::Base>>,
    /// Files whose findings are not kept (changed, new, or not checked last time).
    fresh: BTreeSet<String>,
}

impl Plan {
    /// What the last build found in `file`, when it may be kept.
    fn kept(&self, file: &str) -> Option<&FileFindings> {
        if self.fresh.contains(file) {
            return None;
        }
        self.base.as_ref().and_then(|base| base.checks.files.get(file))
    }
}

impl FileChecks {
    /// This file's findings, if they were made from the same bytes.
    fn same(&self, file: &str, hash: Option<blake3::Hash>) -> Option<&FileFindings> {
        self.files.get(file).filter(|found| hash.is_some() && found.hash == hash)
    }
}

impl Incremental {
    /// The last build's findings made with the same shared inputs, and the files whose findings
    /// cannot be taken from them (`wanted`: the part of a file's findings that must be there).
    /// Starts this build's [`FileChecks`] and counts the files in [`super::Reuse`].
    fn plan(&mut self, site: &Site, wanted: impl Fn(&FileFindings) -> bool) -> Plan {
        let key = shared_key(site);
        let pending = self.pending_checks.get_or_insert_with(FileChecks::default);
        if pending.key != Some(key) {
            *pending = FileChecks {
                key: Some(key),
                files: BTreeMap::new(),
            };
        }
        let base = self.base.clone().filter(|base| base.checks.key == Some(key));
        let own = own_files(site);
        let fresh: BTreeSet<String> = (own.iter())
            .filter(|file| {
                (base.as_ref())
                    .and_then(|base| base.checks.same(file, site.sources.fingerprint(file)))
                    .is_none_or(|found| !wanted(found))
            })
            .map(|file| file.to_string())
            .collect();
        self.reuse.files_checked = fresh.len();
        self.reuse.files_kept = own.len() - fresh.len();
        Plan { base, fresh }
    }

    /// Where this build keeps the findings it made or took for `file`.
    fn keep(&mut self, site: &Site, file: &str) -> &mut FileFindings {
        let pending = self.pending_checks.get_or_insert_with(FileChecks::default);
        let found = pending.files.entry(file.to_string()).or_default();
        found.hash = site.sources.fingerprint(file);
        found
    }
}

/// Runs `check` on `site` with only the pages and services of `files`, then puts the others back.
fn on_files<R>(site: &mut Site, files: &BTreeSet<String>, check: impl FnOnce(&Site) -> R) -> R {
    let pages = std::mem::take(&mut site.pages);
    let services = std::mem::take(&mut site.services);
    site.pages = pages.iter().filter(|p| files.contains(&p.source.file)).cloned().collect();
    site.services = services.iter().filter(|s| files.contains(&s.source.file)).cloned().collect();
    let result = check(site);
    site.pages = pages;
    site.services = services;
    result
}

/// The service-field findings ([`crate::check::check_services`]), taken from the last build for
/// files unchanged since.
pub(crate) fn service_fields(site: &Site, memory: Option<&mut Incremental>) -> Vec<Diagnostic> {
    let Some(memory) = memory else {
        return crate::check::check_services(site);
    };
    if addresses_repeat(site) {
        // A repeated id is reported against the second service: only the whole check knows.
        return crate::check::check_services(site);
    }
    let plan = memory.plan(site, |found| found.fields.is_some());
    let mut made: BTreeMap<String, BTreeMap<String, Vec<Diagnostic>>> = BTreeMap::new();
    let mut all = Vec::new();
    for service in &site.services {
        let file = service.source.file.as_str();
        let kept = (plan.kept(file))
            .and_then(|found| found.fields.as_ref())
            .and_then(|fields| fields.get(&service.url));
        let found = match kept {
            Some(found) => found.clone(),
            None => crate::check::check_service(service, &site.config),
        };
        all.extend(found.iter().cloned());
        made.entry(file.to_string()).or_default().insert(service.url.clone(), found);
    }
    for (file, fields) in made {
        memory.keep(site, &file).fields = Some(fields);
    }
    all
}

/// The plain-language findings and scores of every page and service
/// ([`crate::check::plain_language::check_site_readability`]), taken from the last build for
/// files unchanged since.
pub(crate) fn plain_language(site: &mut Site, memory: Option<&mut Incremental>) -> (Vec<Diagnostic>, Readability) {
    let scored = |pages: Vec<crate::check::plain_language::PageReadability>| -> Readability {
        pages
            .into_iter()
            .filter_map(|page| page.scores.map(|scores| (page.url, (page.counts, scores))))
            .collect()
    };
    if !site.config.plain_language.enabled {
        return (Vec::new(), Readability::new());
    }
    let Some(memory) = memory.filter(|_| !addresses_repeat(site)) else {
        let readability = crate::check::plain_language::check_site_readability(site);
        let diagnostics = readability.diagnostics();
        return (diagnostics, scored(readability.pages));
    };
    let plan = memory.plan(site, |found| found.plain.is_some());
    let fresh = plan.fresh.clone();
    let analysed = on_files(site, &fresh, |subset| analyse_site(subset, SiteFiles::Use, false));
    let mut found_now: BTreeMap<String, PlainFindings> = BTreeMap::new();
    for page in analysed.pages {
        found_now.insert(page.url, (page.findings, page.scores.map(|scores| (page.counts, scores))));
    }
    let mut diagnostics = analysed.problems;
    let mut readability = Readability::new();
    let mut made: BTreeMap<String, BTreeMap<String, PlainFindings>> = BTreeMap::new();
    let items = (site.pages.iter().map(|p| (p.source.file.as_str(), p.url.as_str())))
        .chain(site.services.iter().map(|s| (s.source.file.as_str(), s.url.as_str())));
    for (file, url) in items {
        let entry = made.entry(file.to_string()).or_default();
        let found = match fresh.contains(file) {
            true => found_now.remove(url),
            false => (plan.kept(file))
                .and_then(|found| found.plain.as_ref())
                .and_then(|plain| plain.get(url))
                .cloned(),
        };
        // Pages the checks do not read (translations) have no findings.
        let Some(found) = found else { continue };
        diagnostics.extend(found.0.iter().cloned());
        if let Some(scores) = found.1 {
            readability.insert(url.to_string(), scores);
        }
        entry.insert(url.to_string(), found);
    }
    for (file, plain) in made {
        memory.keep(site, &file).plain = Some(plain);
    }
    (diagnostics, readability)
}
