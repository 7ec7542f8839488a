//! Signpost builds accessible, plain-English SEND Local Offer websites.
//!
//! The pipeline, one module per stage: [`content`] loads `site.toml` ([`config`]) and `content/`,
//! [`check`] checks it, [`render`] turns it into pages, [`search`] indexes them, and [`output`]
//! writes the site atomically. Every stage reports problems as [`diagnostic::Diagnostic`]s.
//! [`build`] keeps what one build made for the next (the preview's incremental rebuilds); [`serve`]
//! only watches, serves and reloads.
#![warn(missing_docs)]
#![warn(unreachable_pub)]

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod import;
pub mod init;
pub(crate) mod location;
pub mod output;
pub mod render;
pub mod report;
pub mod rules;
pub mod search;
pub mod serve;
pub(crate) mod suggest;
pub(crate) mod text;
mod timings;
pub mod yaml;

use content::Date;
use diagnostic::Diagnostics;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// Where to write the site (default: `public/` in the site folder).
    pub output: Option<PathBuf>,
    /// Include drafts.
    pub drafts: bool,
    /// Write the site (false: only check).
    pub write: bool,
    /// Show a progress line.
    pub progress: bool,
    /// The address the site will be published at, instead of `base_url` in `site.toml`
    /// (`--base-url`).
    pub base_url: Option<String>,
    /// Make the pages for the root of the host whatever the path of the base URL (the preview).
    pub at_root: bool,
}

impl BuildOptions {
    /// Applies `--base-url` and [`BuildOptions::at_root`] to the loaded configuration.
    pub fn apply_to(&self, config: &mut config::SiteConfig) {
        if let Some(url) = &self.base_url {
            config.base_url = url.clone();
            if !config.base_url.ends_with('/') {
                config.base_url.push('/');
            }
        }
        config.served_at_root = self.at_root;
    }
}

/// Checks a `--base-url` value: a full `http(s)` address. Returns it ending with `/`.
pub fn parse_base_url(value: &str) -> Result<String, String> {
    // Written out in full (the `url` crate would also read `https:/host` or `https:///host`),
    // with a host the `url` crate accepts, and no query, fragment or space.
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    let host = url::Url::parse(value)
        .ok()
        .and_then(|address| address.host_str().map(str::to_string));
    match (rest, host) {
        (Some(rest), Some(host)) if !host.is_empty() && !rest.starts_with('/') && !value.contains(['?', '#', ' ']) => {
            Ok(if value.ends_with('/') {
                value.to_string()
            } else {
                format!("{value}/")
            })
        }
        _ => Err(format!(
            "`{value}` is not a full web address; write the address the site will be published at, for example https://example.github.io/localoffer/"
        )),
    }
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildOutcome {
    /// Every finding.
    pub diagnostics: Diagnostics,
    /// Pages rendered.
    pub pages: usize,
    /// Static files published.
    pub assets: usize,
    /// The output folder, when the site was written.
    pub written_to: Option<PathBuf>,
    /// A problem that is not the content's fault (disk full, bad output folder…).
    pub internal_error: Option<String>,
    /// Plain lines about what the build tidied up (such as a publication an interrupted build
    /// left), for stderr.
    pub notes: Vec<String>,
    /// What rendering knew about each page (empty when the content could not be loaded).
    pub records: Vec<render::PageRecord>,
    /// The new search index, staged beside its folder until the site is written.
    pub search_index: Option<search::StagedIndex>,
    /// The search index of this build, open in memory (when search is on and the build handed its
    /// files over without errors), to answer searches in `signpost serve`.
    pub searchable: Option<std::sync::Arc<search::SearchIndex>>,
    /// The text of every file the loader read (for printing the lines findings point at).
    pub sources: content::SourceTexts,
    /// The counts and scores of each page and service with enough words to score, by site address.
    pub readability: BTreeMap<String, (check::plain_language::measures::Counts, check::plain_language::measures::Scores)>,
    /// True when the build was stopped by its [`build::Cancel`] flag before it finished: nothing
    /// it made may be published.
    pub cancelled: bool,
    /// What an incremental build ([`build_incremental`]) made again and what it kept.
    pub reuse: build::Reuse,
}

/// Where a build's finished files go: the output folder (through [`output::StagedFolder`]) for
/// `signpost build`, or memory for `signpost serve`.
pub trait Sink: Sync {
    /// Called once, when the content loaded and checked without errors, before the first file is
    /// handed over. An `Err` stops the build with that message as an internal error.
    fn open(&mut self) -> Result<(), String> {
        Ok(())
    }
    /// One finished file, by its path inside the site (`advice/index.html`).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String>;
    /// A file that an incremental build ([`build_incremental`]) did not make again because it
    /// would be the same as last time.
    fn unchanged(&self, _path: &str) {}
}

/// Writes into a staging folder, swapped in by [`build`] when the build succeeded.
struct StagingSink {
    output: PathBuf,
    staging: Option<output::StagedFolder>,
}

impl Sink for StagingSink {
    fn open(&mut self) -> Result<(), String> {
        let staging = output::StagedFolder::new(&self.output, output::guard::Purpose::Site)
            .map_err(|error| format!("Cannot create a temporary folder beside {}: {error}", self.output.display()))?;
        self.staging = Some(staging);
        Ok(())
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        match &self.staging {
            Some(staging) => staging.write(path, bytes).map_err(|e| format!("{path}: {e}")),
            None => Ok(()),
        }
    }
}

/// Runs the whole pipeline: load, check, render, check the result, write. Replaces only output
/// and index folders Signpost made (see [`build_with_force`]).
pub fn build(options: &BuildOptions) -> BuildOutcome {
    build_with_force(options, false)
}

/// [`build`]; with `force`, also replaces an output or index folder Signpost did not make
/// (never a forbidden one: see [`output::guard`]).
pub fn build_with_force(options: &BuildOptions, force: bool) -> BuildOutcome {
    timings::start();
    let outcome = build_and_publish(options, force);
    timings::finish();
    outcome
}

/// [`build_with_force`] without the stage timings around it.
fn build_and_publish(options: &BuildOptions, force: bool) -> BuildOutcome {
    if !options.write {
        return build_into(options, None);
    }
    let root = &options.root;
    let site = options.output.clone().unwrap_or_else(|| root.join("public"));
    let index = config::SiteConfig::load(root)
        .ok()
        .filter(|config| config.search.enabled)
        .map(|config| root.join(config.search.index_dir));
    let notes = match prepare_folders(root, &site, index.as_deref(), force) {
        Ok(notes) => notes,
        Err(message) => {
            return BuildOutcome {
                internal_error: Some(message),
                ..BuildOutcome::default()
            };
        }
    };
    let mut sink = StagingSink {
        output: site.clone(),
        staging: None,
    };
    let mut outcome = build_into(options, Some(&mut sink));
    outcome.notes = notes;
    let Some(staging) = sink.staging else { return outcome };
    if outcome.diagnostics.has_errors() || outcome.internal_error.is_some() {
        return outcome;
    }
    let folders = outcome.search_index.take().into_iter().chain([staging]).collect();
    match output::publish(root, folders, force) {
        Ok(notes) => {
            outcome.notes.extend(notes);
            outcome.written_to = Some(site);
        }
        Err(message) => outcome.internal_error = Some(message),
    }
    timings::mark("write");
    outcome
}

/// Before building: checks that the site and index folders may be replaced and are not one
/// inside the other, then finishes or undoes what interrupted builds left (see [`output::tidy`]).
fn prepare_folders(root: &Path, site: &Path, index: Option<&Path>, force: bool) -> Result<Vec<String>, String> {
    output::guard::check(root, site, output::guard::Purpose::Site, force)?;
    if let Some(index) = index {
        output::guard::check(root, index, output::guard::Purpose::Index, force)?;
        if output::guard::overlap(site, index) {
            return Err(format!(
                "The output folder {} and the search index folder {} would be one inside the other; choose another --output",
                site.display(),
                index.display()
            ));
        }
    }
    let targets: Vec<&Path> = std::iter::once(site).chain(index).collect();
    output::tidy(root, &targets)
}

/// Runs the pipeline, handing every finished file to `sink` (none: only check). Files are handed
/// over only while the build has no errors; the caller publishes them only if it ends with none.
/// `options.output` and `options.write` are not used here.
pub fn build_into(options: &BuildOptions, sink: Option<&mut dyn Sink>) -> BuildOutcome {
    build_incremental(options, sink, None)
}

/// [`build_into`], reusing what `incremental` may take from the last build without errors (parsed
/// files, pages whose inputs are unchanged, search files) and leaving this build's for
/// [`build::Memory::commit`]. Stops early, with [`BuildOutcome::cancelled`], once its cancellation
/// flag is set. The files handed to `sink` (and reported to [`Sink::unchanged`]) are the same as a
/// clean build's.
pub fn build_incremental(
    options: &BuildOptions,
    sink: Option<&mut dyn Sink>,
    incremental: Option<&mut build::Incremental>,
) -> BuildOutcome {
    let mut incremental = incremental;
    let mut outcome = build_stages(options, sink, incremental.as_deref_mut());
    if let Some(incremental) = incremental {
        outcome.reuse = incremental.reuse;
    }
    if !outcome.cancelled {
        check::group_root_causes(&outcome.sources, &mut outcome.diagnostics);
    }
    timings::mark("check");
    outcome
}

/// True (and the outcome marked) when the build was asked to stop: checked between stages.
fn stop_here(cancel: &build::Cancel, outcome: &mut BuildOutcome) -> bool {
    outcome.cancelled |= cancel.is_cancelled();
    outcome.cancelled
}

/// The stages of [`build_incremental`], before knock-on findings are grouped under their causes.
fn build_stages(options: &BuildOptions, mut sink: Option<&mut dyn Sink>, mut memory: Option<&mut build::Incremental>) -> BuildOutcome {
    let mut outcome = BuildOutcome::default();
    let root = &options.root;
    let today = Date::today();
    let cancel = memory.as_ref().map(|m| m.cancel_flag()).unwrap_or_default();

    let (site, found) = match memory.as_deref() {
        Some(memory) => memory.load(root, options.drafts),
        None => content::load_site(root, options.drafts),
    };
    outcome.diagnostics.extend(found);
    timings::mark("load");
    let Some(mut site) = site else { return outcome };
    outcome.sources = site.sources.clone();
    if stop_here(&cancel, &mut outcome) {
        return outcome;
    }
    options.apply_to(&mut site.config);
    outcome
        .diagnostics
        .extend(build::checks::service_fields(&site, memory.as_deref_mut()));
    outcome.diagnostics.extend(check::check_places(&site, &site.places));
    outcome.diagnostics.extend(check::check_review_dates(&site, today));
    outcome.diagnostics.extend(check::check_past_schedules(&site, today));
    outcome.diagnostics.extend(check::check_statutory(&site, today));
    outcome.diagnostics.extend(check::check_topic_names(&site));
    outcome.diagnostics.extend(check::check_headings(&site));
    outcome.diagnostics.extend(check::check_link_syntax(&site));
    outcome.diagnostics.extend(check::check_translations(&site));
    if stop_here(&cancel, &mut outcome) {
        return outcome;
    }
    let (events, found) = content::events::load_events(&site, options.drafts);
    outcome.diagnostics.extend(found);
    outcome.diagnostics.extend(content::events::check_past_events(&events, today));
    let (synonyms, found) = search::synonyms::load(&site);
    outcome.diagnostics.extend(found);
    let (found, readability) = build::checks::plain_language(&mut site, memory.as_deref_mut());
    outcome.diagnostics.extend(found);
    outcome.readability = readability;
    if stop_here(&cancel, &mut outcome) {
        return outcome;
    }
    outcome.diagnostics.extend(check::easy_read::check_site(&site, root));
    timings::mark("check");
    if stop_here(&cancel, &mut outcome) {
        return outcome;
    }

    let theme = match render::Theme::load(root, &site.config) {
        Ok(theme) => theme,
        Err(problems) => {
            outcome.diagnostics.extend(problems);
            return outcome;
        }
    };
    outcome.diagnostics.extend(render::strings::check(
        &site.config,
        site.sources.config(),
        &theme.strings,
        &theme.languages,
    ));
    let (mut assets, found) = output::collect_assets(root, &theme.static_files, site.config.checks.max_asset_kb.saturating_mul(1024));
    outcome.diagnostics.extend(found);
    output::finish_stylesheets(&mut assets, &render::address::Addresses::for_config(&site.config));
    let (static_files, found) = output::static_files::collect_static(root);
    outcome.diagnostics.extend(found);
    outcome.diagnostics.extend(output::static_files::misplaced(root));
    let asset_map: BTreeMap<String, String> = assets.iter().map(|a| (a.url.clone(), a.hashed_url.clone())).collect();
    timings::mark("load");

    let renderer = render::Renderer::new(&site, &theme, &asset_map, today)
        .with_captions(render::video::caption_files(assets.iter().map(|a| (&a.url, &a.bytes))))
        .with_terms(&events.terms);
    // Every address is taken once: read from the route table the renderer renders from.
    outcome.diagnostics.extend(renderer.clashes(&events));
    timings::mark("check");

    // The site's `[rules]` severities, applied where each check stage ends, before its findings
    // decide whether anything is written.
    let overrides = site.config.rules.overrides();
    rules::apply(&overrides, &mut outcome.diagnostics);
    if outcome.diagnostics.has_errors() {
        sink = None;
    }
    if let Some(sink) = sink.as_deref_mut()
        && let Err(message) = sink.open()
    {
        outcome.internal_error = Some(message);
        return outcome;
    }
    let recorder = sink.map(|s| output::site_root::RecordingSink::new(&*s));
    let sink = recorder.as_ref().map(|s| s as &dyn Sink);
    // A page that cannot be written is the system's problem, not the content's: the first
    // failure stops the writing and becomes the build's internal error (exit 2).
    let write_failure = std::sync::OnceLock::<String>::new();
    let page_sink = |path: &str, html: &str| -> Result<(), String> {
        if let Some(sink) = sink
            && write_failure.get().is_none()
            && let Err(error) = sink.write(path, html.as_bytes())
        {
            let _ = write_failure.set(error);
        }
        Ok(())
    };
    let show_progress = options.progress;
    let progress = |done: usize, total: usize| {
        if show_progress && (done.is_multiple_of(500) || done == total) {
            eprint!("\rRendering pages: {done} of {total}");
            if done == total {
                eprintln!();
            }
        }
    };
    let (mut pages, found) = match memory.as_deref_mut() {
        Some(memory) => match memory.render(&renderer, &site, today, &asset_map, page_sink, sink) {
            Some(rendered) => rendered,
            None => {
                outcome.cancelled = true;
                return outcome;
            }
        },
        None => renderer.render_all(page_sink, progress),
    };
    outcome.diagnostics.extend(found);
    let (event_pages, found) = renderer.render_events(&events, page_sink);
    pages.extend(event_pages);
    outcome.diagnostics.extend(found);
    renderer.forget_cards();
    outcome.pages = pages.len();
    timings::mark("render");
    if let Some(error) = write_failure.into_inner() {
        outcome.internal_error = Some(format!("Cannot write the site: {error}. Nothing was replaced."));
        return outcome;
    }

    let site_host = render::postprocess::host_of(&site.config.base_url).unwrap_or("").to_string();
    let calendar_urls = content::events::calendar_urls(&events);
    let mut targets = check::LinkTargets::new(&pages, asset_map.keys().cloned().chain(calendar_urls));
    // A link to a file of static/ (`/.well-known/security.txt`) leads somewhere too.
    targets
        .pages
        .extend(static_files.iter().map(|file| (format!("/{}", file.path), Default::default())));
    outcome
        .diagnostics
        .extend(check::check_links(&pages, &targets, &site.config.base_url));
    outcome
        .diagnostics
        .extend(check::check_config_links(&site.config, site.sources.config(), &targets));
    outcome.diagnostics.extend(check::check_help_on_every_page(&site, &pages));
    let (redirects, found) = output::redirects::collect(&site);
    outcome.diagnostics.extend(found);
    outcome.diagnostics.extend(output::redirects::check(&redirects, &targets));
    outcome
        .diagnostics
        .extend(output::site_root::check_before_writing(&static_files, &pages, &redirects));
    outcome.records = pages;
    let admin = output::cms::admin_files(&site);
    outcome.diagnostics.extend(admin.diagnostics);
    rules::apply(&overrides, &mut outcome.diagnostics);
    timings::mark("check");

    let Some(sink) = sink else { return outcome };
    if outcome.diagnostics.has_errors() || stop_here(&cancel, &mut outcome) {
        return outcome;
    }
    let addresses = render::address::Addresses::for_config(&site.config);
    let headers_file = if site.config.cms.enabled {
        let routes = (outcome.records.iter().map(|r| r.url.as_str()))
            .chain(assets.iter().map(|a| a.hashed_url.as_str()))
            .chain(redirects.iter().map(|r| r.from.as_str()))
            .chain(static_files.iter().map(|f| f.path.as_str()));
        let top_level = top_level_names(routes);
        output::headers::headers_file_with_admin(&site.config.cms, &top_level, &site.config.slots.policy_sources(), &addresses)
    } else {
        output::headers::headers_file(&addresses, &site.config.slots.policy_sources())
    };
    let mut extra = vec![
        (
            "sitemap.xml".to_string(),
            output::sitemap_xml(&site.config.base_url, &outcome.records).into_bytes(),
        ),
        ("robots.txt".to_string(), output::robots_txt(&site.config.base_url).into_bytes()),
        (output::headers::HEADERS_FILE.to_string(), headers_file.into_bytes()),
    ];
    extra.extend(admin.files);
    extra.extend(output::places::files(&site));
    let news_title = format!("{}: {}", site.config.name, theme.string("news_title"));
    let topic_name = |id: &str| match theme.string(&format!("topic_{id}")) {
        "" => id.replace('-', " "),
        name => name.to_string(),
    };
    let feeds = output::atom::news_feeds(&site, &news_title, &topic_name);
    let type_name = |kind: content::events::EventType| theme.string(&format!("event_types_{}", kind.id())).to_string();
    let calendar_name = theme.string("whats_on_calendar_name");
    let calendars = output::ics::calendar_files(&site.config, &events, &site_host, today, calendar_name, &type_name);
    let need_name = |id: &str| theme.string(&format!("need_{id}")).to_string();
    // The search index does not depend on the pages, so it is built while the feed and the
    // assets are written.
    let want_search = site.config.search.enabled && !stop_here(&cancel, &mut outcome);
    let (kept, key) = match memory.as_deref_mut() {
        Some(memory) if want_search => {
            let (kept, key) = memory.search_files(&site, &synonyms);
            (kept, Some(key))
        }
        _ => (None, None),
    };
    let build_search = want_search && kept.is_none();
    let (written, built) = rayon::join(
        || {
            assets
                .iter()
                .map(|asset| sink.write(asset.hashed_url.trim_start_matches('/'), &asset.bytes))
                .chain(extra.iter().map(|(name, bytes)| sink.write(name, bytes)))
                .chain(feeds.iter().map(|(name, xml)| sink.write(name, xml.as_bytes())))
                .chain(calendars.iter().map(|(name, text)| sink.write(name, text.as_bytes())))
                .collect::<Result<Vec<()>, _>>()
                .and_then(|_| renderer.write_shortlist_files(&|name, bytes| sink.write(name, bytes)))
                .and_then(|_| output::openreferral::write_feed(&site, &need_name, &|name, bytes| sink.write(name, bytes)))
        },
        // The preview keeps the bundle's files for its next build; a plain build writes each
        // as soon as it is made.
        || match (build_search, memory.is_some()) {
            (false, _) => None,
            (true, true) => Some(search::build(root, &site, &synonyms).map(Searched::Kept)),
            (true, false) => Some(search::write(root, &site, &synonyms, &|name, bytes| sink.write(name, bytes)).map(Searched::Written)),
        },
    );
    match written {
        Ok(_) => outcome.assets = assets.len(),
        Err(error) => outcome.internal_error = Some(format!("Cannot write the site: {error}")),
    }
    timings::mark("write");
    if want_search && outcome.internal_error.is_none() {
        match (kept, built) {
            (Some((files, index)), _) => {
                if let Err(error) = files.iter().try_for_each(|(path, bytes)| sink.write(path, bytes)) {
                    outcome.internal_error = Some(format!("Cannot write the search files: {error}"));
                } else {
                    outcome.searchable = Some(index);
                }
            }
            (None, Some(Ok(Searched::Written(written)))) => {
                outcome.searchable = Some(written.index);
                outcome.search_index = Some(written.staged);
            }
            (None, Some(Ok(Searched::Kept(built)))) => match built.files.iter().try_for_each(|(path, bytes)| sink.write(path, bytes)) {
                Ok(()) => {
                    if let (Some(memory), Some(key)) = (memory.as_deref_mut(), key) {
                        memory.built_search(key, &synonyms, &built.files, &built.written.index);
                    }
                    outcome.searchable = Some(built.written.index);
                    outcome.search_index = Some(built.written.staged);
                }
                Err(error) => outcome.internal_error = Some(format!("Cannot write the search files: {error}")),
            },
            (None, Some(Err(message))) => outcome.internal_error = Some(message),
            (None, None) => {}
        }
    }
    timings::mark("index");
    if let Some(recorder) = &recorder
        && outcome.internal_error.is_none()
        && !stop_here(&cancel, &mut outcome)
    {
        match output::site_root::write(&renderer, &redirects, &static_files, recorder) {
            Ok(found) => outcome.diagnostics.extend(found),
            Err(error) => outcome.internal_error = Some(format!("Cannot write the site: {error}")),
        }
    }
    timings::mark("write");
    if let Some(memory) = memory
        && outcome.internal_error.is_none()
        && !outcome.diagnostics.has_errors()
        && !stop_here(&cancel, &mut outcome)
    {
        drop(renderer);
        memory.remember(site, today, &asset_map);
    }
    outcome
}

/// The search files of a build: kept for the preview's next build, or already written.
enum Searched {
    Kept(search::SearchBuild),
    Written(search::SearchWritten),
}

/// The first part of every address the site can have (`services`, `sitemap.xml`), for the
/// headers file's rules when the admin page needs a policy of its own: the fixed ones and those
/// of `routes` (pages, assets, redirect pages, static files).
fn top_level_names<'r>(routes: impl Iterator<Item = &'r str>) -> Vec<String> {
    let fixed = [
        "sitemap.xml",
        "robots.txt",
        output::openreferral::FEED_DIR,
        search::bundle::BUNDLE_DIR,
        output::places::PLACES_DIR,
        "news",
        "whats-on",
    ];
    let mut names: std::collections::BTreeSet<String> = fixed.iter().map(|n| n.to_string()).collect();
    let first = |url: &str| url.trim_start_matches('/').split('/').next().unwrap_or("").to_string();
    names.extend(routes.map(first));
    names.remove("");
    names.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_full_web_addresses() {
        assert_eq!(
            parse_base_url("https://example.github.io/localoffer").as_deref(),
            Ok("https://example.github.io/localoffer/")
        );
        assert_eq!(parse_base_url("http://localhost:8080/").as_deref(), Ok("http://localhost:8080/"));
        for bad in [
            "example.org",
            "https://",
            "https:///x",
            "https:/example.org/",
            "https://:80/",
            "https://exa mple.org/",
            "https://example.org/?page=1",
            "https://example.org/#top",
            "https://[::1/",
            "ftp://example.org/",
        ] {
            assert!(parse_base_url(bad).is_err(), "{bad}");
        }
    }
}
