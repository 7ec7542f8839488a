//! The `signpost` command: parses arguments, runs the library, prints diagnostics, sets the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use signpost::diagnostic::{Format, render_github, render_human, render_json};
use signpost::{BuildOptions, BuildOutcome};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Builds accessible, plain-English SEND Local Offer websites from Markdown and YAML.
#[derive(Parser)]
#[command(name = "signpost", version, about)]
struct Cli {
    /// How to print problems: human (default), json, or github (GitHub Actions annotations).
    #[arg(long, value_enum, default_value_t = FormatArg::Human, global = true)]
    format: FormatArg,
    /// Fail when there are warnings, not only errors.
    #[arg(long, global = true)]
    deny_warnings: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Github,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        /// The site folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Include pages and services with `status: draft`.
        #[arg(long)]
        drafts: bool,
    },
    /// Run every check without writing the site.
    Check {
        /// The site folder (holding site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include pages and services with `status: draft`.
        #[arg(long)]
        drafts: bool,
    },
    /// Write a new, working site to start from.
    Init {
        /// The new site's folder (must be empty or not exist).
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match cli.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
    };
    match cli.command {
        Command::Init { dir } => match signpost::init::init_site(&dir, signpost::content::Date::today()) {
            Ok(count) => {
                eprintln!(
                    "Created a new site in {} ({count} files). Build it with: signpost build --root {}",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
        Command::Build { root, output, drafts } => run(
            BuildOptions {
                root,
                output,
                drafts,
                write: true,
                progress: show_progress(),
            },
            format,
            cli.deny_warnings,
        ),
        Command::Check { root, drafts } => run(
            BuildOptions {
                root,
                output: None,
                drafts,
                write: false,
                progress: show_progress(),
            },
            format,
            cli.deny_warnings,
        ),
    }
}

/// A progress line only for people at a terminal, never in CI.
fn show_progress() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

fn run(options: BuildOptions, format: Format, deny_warnings: bool) -> ExitCode {
    let started = Instant::now();
    let writing = options.write;
    let outcome = signpost::build(&options);
    let diagnostics = outcome.diagnostics.sorted();
    match format {
        Format::Human => eprint!("{}", render_human(&diagnostics)),
        Format::Json => print!("{}", render_json(&diagnostics)),
        Format::Github => print!("{}", render_github(&diagnostics)),
    }
    if let Some(message) = &outcome.internal_error {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let failed = outcome.diagnostics.has_errors() || (deny_warnings && outcome.diagnostics.warning_count() > 0);
    summarise(&outcome, writing, failed, started.elapsed().as_secs_f64());
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn summarise(outcome: &BuildOutcome, writing: bool, failed: bool, seconds: f64) {
    let errors = outcome.diagnostics.error_count();
    let warnings = outcome.diagnostics.warning_count();
    let counts = format!(
        "{errors} error{}, {warnings} warning{}",
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
