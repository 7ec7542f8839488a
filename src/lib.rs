//! Signpost builds accessible, plain-English SEND Local Offer websites.
//!
//! The pipeline, one module per stage: [`content`] loads `site.toml` ([`config`]) and `content/`,
//! [`check`] checks it, [`render`] turns it into pages, and [`output`] writes the site atomically.
//! Every stage reports problems as [`diagnostic::Diagnostic`]s.
#![warn(missing_docs)]

pub mod check;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod init;
pub mod output;
pub mod render;
pub mod suggest;
pub mod yaml;

use content::Date;
use diagnostic::Diagnostics;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What to build and how.
#[derive(Debug, Clone)]
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
}

/// Runs the whole pipeline: load, check, render, check the result, write.
pub fn build(options: &BuildOptions) -> BuildOutcome {
    let mut outcome = BuildOutcome::default();
    let root = &options.root;
    let output = options.output.clone().unwrap_or_else(|| root.join("public"));
    if options.write
        && let Err(message) = check_output_folder(root, &output)
    {
        outcome.internal_error = Some(message);
        return outcome;
    }
    let today = Date::today();

    let (site, found) = content::load_site(root, options.drafts);
    outcome.diagnostics.extend(found);
    let Some(site) = site else { return outcome };
    outcome.diagnostics.extend(check::check_services(&site));
    outcome.diagnostics.extend(check::check_review_dates(&site, today));

    let theme = match render::Theme::load(root, &site.config) {
        Ok(theme) => theme,
        Err(problems) => {
            outcome.diagnostics.extend(problems);
            return outcome;
        }
    };
    let (assets, found) = output::collect_assets(root, &theme.static_files, site.config.checks.max_asset_kb.saturating_mul(1024));
    outcome.diagnostics.extend(found);
    let asset_map: BTreeMap<String, String> = assets.iter().map(|a| (a.url.clone(), a.hashed_url.clone())).collect();

    let staging = if options.write && !outcome.diagnostics.has_errors() {
        match output::Staging::new(&output) {
            Ok(staging) => Some(staging),
            Err(error) => {
                outcome.internal_error = Some(format!("Cannot create a temporary folder beside {}: {error}", output.display()));
                return outcome;
            }
        }
    } else {
        None
    };
    let renderer = render::Renderer::new(&site, &theme, &asset_map, today);
    let sink = |path: &str, html: &str| -> Result<(), String> {
        match &staging {
            Some(staging) => staging.write(path, html.as_bytes()).map_err(|e| e.to_string()),
            None => Ok(()),
        }
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
    let (pages, found) = renderer.render_all(sink, progress);
    outcome.diagnostics.extend(found);
    outcome.pages = pages.len();

    let site_host = render::postprocess::host_of(&site.config.base_url).unwrap_or("").to_string();
    let targets = check::LinkTargets::new(&pages, asset_map.keys().cloned());
    outcome.diagnostics.extend(check::check_links(&pages, &targets, &site_host));
    let config_text = std::fs::read_to_string(root.join(config::CONFIG_FILE)).unwrap_or_default();
    outcome
        .diagnostics
        .extend(check::check_config_links(&site.config, &config_text, &targets));
    outcome.diagnostics.extend(check::check_help_on_every_page(&site, &pages));

    let Some(staging) = staging else { return outcome };
    if outcome.diagnostics.has_errors() {
        return outcome;
    }
    let extra = [
        ("sitemap.xml", output::sitemap_xml(&site.config.base_url, &pages).into_bytes()),
        ("robots.txt", output::robots_txt(&site.config.base_url).into_bytes()),
    ];
    let written = assets
        .iter()
        .map(|asset| staging.write(asset.hashed_url.trim_start_matches('/'), &asset.bytes))
        .chain(extra.iter().map(|(name, bytes)| staging.write(name, bytes)))
        .collect::<Result<Vec<()>, _>>()
        .and_then(|_| staging.commit());
    match written {
        Ok(()) => {
            outcome.assets = assets.len();
            outcome.written_to = Some(output);
        }
        Err(error) => outcome.internal_error = Some(format!("Cannot write the site to {}: {error}", output.display())),
    }
    outcome
}

/// Refuses output folders that would destroy the site's own files.
fn check_output_folder(root: &Path, output: &Path) -> Result<(), String> {
    let root_full = std::fs::canonicalize(root).map_err(|e| format!("Cannot open the site folder {}: {e}", root.display()))?;
    let output_full = if output.exists() {
        std::fs::canonicalize(output).map_err(|e| format!("Cannot open the output folder {}: {e}", output.display()))?
    } else {
        return Ok(());
    };
    if root_full.starts_with(&output_full) {
        return Err(format!(
            "The output folder {} contains the site itself; choose another folder, such as public",
            output.display()
        ));
    }
    if output_full.join(config::CONFIG_FILE).exists() || output_full.join(content_dir()).is_dir() {
        return Err(format!(
            "The output folder {} looks like a site folder (it has site.toml or content/); Signpost will not replace it",
            output.display()
        ));
    }
    if !output_full.is_dir() {
        return Err(format!("The output path {} is a file, not a folder", output.display()));
    }
    Ok(())
}

fn content_dir() -> &'static str {
    "content"
}
