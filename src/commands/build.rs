//! `signpost build` and `signpost check`.

use super::{SiteArgs, Voice, show_progress, use_colour};
use clap::Args;
use signpost::diagnostic::{Format, render_github, render_human_with_source, render_json};
use signpost::{BuildOptions, BuildOutcome};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `signpost build`.
#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site (default: public/ in the site folder).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Include pages and services with `status: draft`.
    #[arg(long)]
    drafts: bool,
    /// Replace the output or index folder even though Signpost did not make it (deleting
    /// everything in it). Never the site, its sources, a parent of the site, home or /.
    #[arg(long)]
    force: bool,
    /// The address the site will be published at, instead of base_url in site.toml
    /// (for example a preview at another address, or a sub-path such as /localoffer/).
    #[arg(long, short = 'u', value_name = "URL", value_parser = signpost::parse_base_url)]
    base_url: Option<String>,
}

/// Arguments of `signpost check`.
#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Include pages and services with `status: draft`.
    #[arg(long)]
    drafts: bool,
    /// Check only the links to other websites (providers, contacts, links in pages), writing
    /// report/external-links.html and .csv; exit 1 when a link is dead. Uses the network.
    #[arg(long)]
    external: bool,
    /// The address the site will be published at, instead of base_url in site.toml
    /// (for example a preview at another address, or a sub-path such as /localoffer/).
    #[arg(long, short = 'u', value_name = "URL", value_parser = signpost::parse_base_url)]
    base_url: Option<String>,
}

/// Runs `signpost build`.
pub fn build(args: BuildArgs, voice: Voice) -> ExitCode {
    let root = match args.site.folder() {
        Ok(root) => root,
        Err(code) => return code,
    };
    let options = BuildOptions {
        root,
        output: args.output,
        drafts: args.drafts,
        write: true,
        progress: show_progress(voice.quiet),
        base_url: args.base_url,
        at_root: false,
    };
    run(options, args.force, voice)
}

/// Runs `signpost check` (or, with `--external`, the check of links to other websites).
pub fn check(args: CheckArgs, voice: Voice) -> ExitCode {
    let root = match args.site.folder() {
        Ok(root) => root,
        Err(code) => return code,
    };
    if args.external {
        return ExitCode::from(signpost::check::external::run_cli(
            &root,
            args.drafts,
            voice.format,
            voice.deny_warnings,
        ));
    }
    let options = BuildOptions {
        root,
        output: None,
        drafts: args.drafts,
        write: false,
        progress: show_progress(voice.quiet),
        base_url: args.base_url,
        at_root: false,
    };
    run(options, false, voice)
}

/// Runs the build (writing or only checking) and turns the outcome into an exit code: 2 for a
/// system problem, 1 for content errors.
fn run(options: BuildOptions, force: bool, voice: Voice) -> ExitCode {
    let started = Instant::now();
    let writing = options.write;
    let outcome = signpost::build_with_force(&options, force);
    if !voice.quiet {
        for note in &outcome.notes {
            eprintln!("{note}");
        }
    }
    let diagnostics = outcome.diagnostics.sorted();
    match voice.format {
        Format::Human => eprint!(
            "{}",
            render_human_with_source(&diagnostics, &options.root, &outcome.sources, use_colour())
        ),
        Format::Json => print!("{}", render_json(&diagnostics)),
        Format::Github => print!("{}", render_github(&diagnostics)),
    }
    if let Some(message) = &outcome.internal_error {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let failed = outcome.diagnostics.has_errors() || (voice.deny_warnings && outcome.diagnostics.warning_count() > 0);
    if !voice.quiet {
        summarise(&outcome, writing, failed, started.elapsed().as_secs_f64());
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// The last line of a build: what was written, or why nothing was.
fn summarise(outcome: &BuildOutcome, writing: bool, failed: bool, seconds: f64) {
    let errors = outcome.diagnostics.error_count();
    let warnings = outcome.diagnostics.warning_count();
    let follow = match outcome.diagnostics.follow_on_count() {
        0 => String::new(),
        1 => " (1 of them follows from another and goes once that is fixed)".to_string(),
        n => format!(" ({n} of them follow from others and go once those are fixed)"),
    };
    let counts = format!(
        "{errors} error{}{follow}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    if failed {
        let kept = if writing {
            " Nothing was written: the previous site, if any, is unchanged."
        } else {
            ""
        };
        eprintln!("Failed: {counts}.{kept}");
    } else if let Some(folder) = &outcome.written_to {
        eprintln!(
            "Built {} pages and {} files into {} in {seconds:.2} s ({counts}).",
            outcome.pages,
            outcome.assets,
            folder.display()
        );
    } else {
        eprintln!("Checked {} pages in {seconds:.2} s ({counts}).", outcome.pages);
    }
}
