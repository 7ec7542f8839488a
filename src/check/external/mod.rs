//! `signpost check --external`: asks other websites whether the site's links to them still work
//! (providers' and contacts' websites, links in pages), and reports by owner the links that are
//! dead, redirected, refused or slow. Never part of a normal build or check: partner sites go
//! down, and a build must not fail because of them.
//!
//! [`collect`] finds the links, [`pool`] and [`fetch`] check them, [`cache`] remembers results
//! between runs and [`report`] writes what was found.

pub mod cache;
pub mod collect;
pub mod fetch;
pub mod pool;
pub mod report;

use crate::diagnostic::{Diagnostic, Format};
use collect::Owner;
use fetch::Answer;
use serde::Serialize;
use std::path::Path;

/// What a link's check means for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// No working page: not found, a server error or no answer after every retry.
    Dead,
    /// The website refused the checker (401, 403, 429): check it by hand.
    Blocked,
    /// It works, but only through a permanent redirect: the link should be updated.
    Redirected,
    /// It works, but took longer than `slow_seconds`.
    Slow,
    /// It works.
    Ok,
}

impl Verdict {
    /// What an answer means, with `slow_ms` the time beyond which a website is slow.
    pub fn of(answer: &Answer, slow_ms: u64) -> Verdict {
        match (answer.error.is_some(), answer.status) {
            (false, Some(200..=299)) if answer.redirects.iter().any(fetch::Hop::permanent) => Verdict::Redirected,
            (false, Some(200..=299)) if answer.millis > slow_ms => Verdict::Slow,
            (false, Some(200..=299)) => Verdict::Ok,
            (false, Some(401 | 403 | 429)) => Verdict::Blocked,
            _ => Verdict::Dead,
        }
    }

    /// The lowercase name used in the reports.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Dead => "dead",
            Verdict::Blocked => "blocked",
            Verdict::Redirected => "redirected",
            Verdict::Slow => "slow",
            Verdict::Ok => "ok",
        }
    }
}

/// One external address and what its check found.
#[derive(Debug, Clone, Serialize)]
pub struct LinkResult {
    /// The address as linked (without a `#fragment`).
    pub url: String,
    /// What it means.
    pub verdict: Verdict,
    /// What the website answered.
    #[serde(flatten)]
    pub answer: Answer,
    /// When it was checked, in seconds since 1970 (UTC).
    pub checked_at: u64,
    /// True when the result came from the cache instead of a request.
    pub from_cache: bool,
    /// Everywhere it is linked from.
    pub owners: Vec<Owner>,
}

impl LinkResult {
    /// The address it ends at after redirects, when it is redirected.
    pub fn final_url(&self) -> Option<&str> {
        self.answer.redirects.last().map(|hop| hop.to.as_str())
    }
}

/// Everything one run found.
#[derive(Debug, Default)]
pub struct ExternalReport {
    /// The site's name, for the HTML report.
    pub site_name: String,
    /// Every external link, by address.
    pub results: Vec<LinkResult>,
    /// Links asked about in this run (the rest came from the cache).
    pub requested: usize,
}

impl ExternalReport {
    /// How many links have this verdict.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.results.iter().filter(|r| r.verdict == verdict).count()
    }
}

/// Checks every external link of the site in `root`, asking only about links the cache does not
/// hold a fresh success for, and updates the cache. `Err` holds the problems that stopped the
/// site loading.
pub fn check_site(root: &Path, drafts: bool) -> Result<ExternalReport, Vec<Diagnostic>> {
    let (site, problems) = crate::content::load_site(root, drafts);
    let Some(site) = site else { return Err(problems) };
    let mut capture = collect::HtmlCapture::default();
    let options = crate::BuildOptions {
        root: root.to_path_buf(),
        output: None,
        drafts,
        write: false,
        progress: false,
        ..Default::default()
    };
    let outcome = crate::build_into(&options, Some(&mut capture));
    let html = capture.pages.into_inner().unwrap_or_default();
    let links = collect::collect(root, &site, &outcome.records, &html);
    let config = &site.config.external_links;

    let cache_file = cache::cache_path(root);
    let old = cache::Cache::load(&cache_file);
    let now = cache::now();
    let due: Vec<String> = links
        .keys()
        .filter(|url| old.fresh(url, now, config.fresh_days).is_none())
        .cloned()
        .collect();
    let prober = fetch::Prober::new(config, &site.config.base_url);
    let answers = pool::run_all(&due, config.concurrency, config.per_host, |url| prober.check(url));
    let mut fresh: std::collections::BTreeMap<String, Answer> = due.into_iter().zip(answers).collect();

    let slow_ms = (config.slow_seconds.max(0.0) * 1000.0) as u64;
    let mut new_cache = cache::Cache {
        version: 1,
        ..cache::Cache::default()
    };
    let mut report = ExternalReport {
        site_name: site.config.name.clone(),
        requested: fresh.len(),
        ..ExternalReport::default()
    };
    for (url, owners) in links {
        let (entry, from_cache) = match fresh.remove(&url) {
            Some(answer) => (cache::Entry { checked_at: now, answer }, false),
            None => match old.links.get(&url) {
                Some(entry) => (entry.clone(), true),
                None => continue,
            },
        };
        report.results.push(LinkResult {
            url: url.clone(),
            verdict: Verdict::of(&entry.answer, slow_ms),
            answer: entry.answer.clone(),
            checked_at: entry.checked_at,
            from_cache,
            owners,
        });
        new_cache.links.insert(url, entry);
    }
    // A cache that cannot be written only means the next run asks again.
    if let Err(message) = new_cache.save(&cache_file) {
        eprintln!("warning: {message}");
    }
    Ok(report)
}

/// Runs `signpost check --external` for the command line: checks, writes the HTML and CSV
/// reports into `report/` in the site folder, prints the findings in `format` (the whole report
/// as JSON with [`Format::Json`]) and returns the exit code: 0 when no link is dead, 1 when one
/// is (or, with `deny_warnings`, when one is redirected, refused or slow, or the site does not
/// load), 2 when the reports cannot be written.
pub fn run_cli(root: &Path, drafts: bool, format: Format, deny_warnings: bool) -> u8 {
    let report = match check_site(root, drafts) {
        Ok(report) => report,
        Err(problems) => {
            match format {
                Format::Json => print!("{}", crate::diagnostic::render_json(&problems)),
                Format::Github => print!("{}", crate::diagnostic::render_github(&problems)),
                Format::Human => eprint!("{}", crate::diagnostic::render_human(&problems)),
            }
            eprintln!("Failed: the site could not be loaded, so its links were not checked.");
            return 1;
        }
    };
    let folder = root.join("report");
    let written = match report::write_files(root, &folder, &report) {
        Ok(written) => written,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    let diagnostics = report::diagnostics(&report);
    match format {
        Format::Json => print!("{}", report::to_json(&report)),
        Format::Github => print!("{}", crate::diagnostic::render_github(&diagnostics)),
        Format::Human => eprint!("{}", crate::diagnostic::render_human(&diagnostics)),
    }
    for path in written {
        eprintln!("Wrote {}", path.display());
    }
    eprintln!("{}", report::summary(&report));
    let dead = report.count(Verdict::Dead) > 0;
    let warned = report.results.iter().any(|r| r.verdict != Verdict::Ok);
    u8::from(dead || (deny_warnings && warned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: Option<u16>, hops: &[u16], millis: u64, error: Option<&str>) -> Answer {
        serde_json::from_value(serde_json::json!({
            "status": status,
            "redirects": hops.iter().map(|s| serde_json::json!({"status": s, "to": "https://new.example/"})).collect::<Vec<_>>(),
            "error": error, "attempts": 1, "millis": millis, "method": "HEAD"
        }))
        .unwrap()
    }

    #[test]
    fn verdicts_follow_the_answer() {
        assert_eq!(Verdict::of(&answer(Some(200), &[], 10, None), 5000), Verdict::Ok);
        assert_eq!(Verdict::of(&answer(Some(200), &[301], 10, None), 5000), Verdict::Redirected);
        assert_eq!(
            Verdict::of(&answer(Some(200), &[302], 10, None), 5000),
            Verdict::Ok,
            "temporary redirects are normal"
        );
        assert_eq!(Verdict::of(&answer(Some(200), &[], 6000, None), 5000), Verdict::Slow);
        assert_eq!(Verdict::of(&answer(Some(403), &[], 10, None), 5000), Verdict::Blocked);
        assert_eq!(Verdict::of(&answer(Some(404), &[], 10, None), 5000), Verdict::Dead);
        assert_eq!(Verdict::of(&answer(Some(503), &[], 10, None), 5000), Verdict::Dead);
        assert_eq!(
            Verdict::of(&answer(None, &[], 10, Some("It did not answer in time")), 5000),
            Verdict::Dead
        );
    }
}
