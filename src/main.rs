//! The `signpost` command: parses arguments, runs the library, prints diagnostics, sets the exit code.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use signpost::diagnostic::{Format, render_github, render_human_with_source, render_json};
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
    /// Print only problems: no progress, summary or other messages.
    #[arg(short, long, global = true)]
    quiet: bool,
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
        /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
        #[arg(short, long)]
        root: Option<PathBuf>,
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
    },
    /// Run every check without writing the site.
    Check {
        /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
        #[arg(short, long)]
        root: Option<PathBuf>,
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
    },
    /// Preview the site: build it, serve it on this computer, and rebuild and reload on every change.
    Serve {
        /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
        #[arg(short, long)]
        root: Option<PathBuf>,
        /// The port to listen on.
        #[arg(short, long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on. Anything but 127.0.0.1 lets other computers see the preview.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Include pages and services with `status: draft` (shown with a draft banner).
        #[arg(long)]
        drafts: bool,
        /// Look for changes by polling, for file systems where change events do not arrive.
        #[arg(long)]
        poll: bool,
        /// Also answer requests for this host name (besides localhost and the --bind address),
        /// for example a name other computers use to reach a --bind 0.0.0.0 preview. Repeatable.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_hosts: Vec<String>,
        /// Close a connection that sends no complete request for this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = signpost::serve::IDLE_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..=3600))]
        idle_timeout_secs: u64,
        /// The published address, for canonical links and feeds in the preview (the preview
        /// itself is always served at / on this computer).
        #[arg(long, short = 'u', value_name = "URL", value_parser = signpost::parse_base_url)]
        base_url: Option<String>,
    },
    /// Search the site's index (made by `build`) and print the best matches.
    Search {
        /// What to look for, in any words.
        query: String,
        /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
        #[arg(short, long)]
        root: Option<PathBuf>,
        /// Only services in this category (its id, e.g. short-breaks).
        #[arg(long)]
        category: Option<String>,
        /// Only services for this age.
        #[arg(long)]
        age: Option<u8>,
        /// Only services in this locality, e.g. Bloxwich.
        #[arg(long)]
        locality: Option<String>,
        /// Only services for this need id, e.g. autism.
        #[arg(long)]
        need: Option<String>,
        /// How many results to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Search the pages in this language (a [[languages]] tag, e.g. pl) first, as its search
        /// page does, then the rest of the site.
        #[arg(long, value_name = "TAG")]
        language: Option<String>,
    },
    /// List every rule Signpost checks, with its severity, what it finds and where it is explained.
    Rules,
    /// Print the interface strings a language lacks, with their English text, as a TOML file to
    /// send to translators (save the translations as strings/<tag>.toml in the site folder).
    Strings {
        /// The language tag, e.g. pl or ur.
        tag: String,
        /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
        #[arg(short, long)]
        root: Option<PathBuf>,
    },
    /// Write reports for the Local Offer team: a content audit (CSV and HTML) of every page and service.
    Report {
        /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
        #[arg(short, long)]
        root: Option<PathBuf>,
        /// Where to write the reports (default: report/ in the site folder).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Include pages and services with `status: draft`.
        #[arg(long)]
        drafts: bool,
        /// Write into the output folder even though Signpost did not make it (files with the
        /// reports' names are overwritten).
        #[arg(long)]
        force: bool,
    },
    /// Turn another directory's export into service files.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Write a new, working site to start from.
    Init {
        /// The new site's folder (must be empty or not exist).
        dir: PathBuf,
    },
    /// Print a shell completion script, e.g. `signpost completions bash > ~/.local/share/bash-completion/completions/signpost`.
    Completions {
        /// The shell to write completions for.
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum ImportSource {
    /// An Open Referral UK export (v1 or v3 JSON), written to content/services/imported/, one file per
    /// service; run again with a newer export to update them.
    Openreferral {
        /// The exported JSON file.
        file: PathBuf,
        /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
        #[arg(short, long)]
        root: Option<PathBuf>,
    },
}

/// The site folder for a command: `--root` if given, otherwise this folder or the nearest one
/// above it that holds `site.toml`. Without one, the plain message is printed and the command
/// exits 2 like every other usage problem.
fn site_root(given: Option<PathBuf>) -> Result<PathBuf, ExitCode> {
    signpost::config::locate::find_site_root(given.as_deref(), std::path::Path::new(".")).map_err(|message| {
        eprintln!("error: {message}");
        ExitCode::from(2)
    })
}

/// Runs `signpost import openreferral`: writes the service files and prints the report (as JSON
/// on standard output with `--format json`). Exit 1 when the file is not an Open Referral export.
fn run_import(source: ImportSource, json: bool, quiet: bool) -> ExitCode {
    let ImportSource::Openreferral { file, root } = source;
    let root = match site_root(root) {
        Ok(root) => root,
        Err(code) => return code,
    };
    match signpost::import::import_openreferral(&root, &file, signpost::content::Date::today()) {
        Ok(report) => {
            if json {
                print!("{}", report.json());
            } else if !quiet {
                eprint!("{}", report.human());
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("error: {}", problem.message);
            ExitCode::from(if problem.bad_export { 1 } else { 2 })
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match cli.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
    };
    let quiet = cli.quiet;
    match cli.command {
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "signpost", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Rules => {
            match cli.format {
                FormatArg::Json => println!("{}", signpost::rules::listing_json()),
                FormatArg::Human | FormatArg::Github => print!("{}", signpost::rules::listing()),
            }
            ExitCode::SUCCESS
        }
        Command::Strings { tag, root } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            match signpost::render::strings::missing_for_site(&root, &tag) {
                Ok(text) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Import { source } => run_import(source, matches!(cli.format, FormatArg::Json), quiet),
        Command::Report {
            root,
            output,
            drafts,
            force,
        } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            let output = output.unwrap_or_else(|| root.join("report"));
            match signpost::report::write_reports(&root, &output, drafts, force, signpost::content::Date::today()) {
                Ok(_) if quiet => ExitCode::SUCCESS,
                Ok(report) => {
                    for path in &report.written {
                        eprintln!("Wrote {}", path.display());
                    }
                    eprintln!(
                        "Content audit: {} pages, services and missing topics; {} with errors.",
                        report.audit_rows, report.audit_errors
                    );
                    if let Some(age) = report.average_reading_age {
                        eprintln!("Average reading age: {age:.1}.");
                    }
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Init { dir } => match signpost::init::init_site(&dir, signpost::content::Date::today()) {
            Ok(count) => {
                if !quiet {
                    eprintln!(
                        "Created a new site in {} ({count} files). Build it with: signpost build --root {}",
                        dir.display(),
                        dir.display()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            poll,
            allow_hosts,
            idle_timeout_secs,
            base_url,
        } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            let options = signpost::serve::ServeOptions {
                bind,
                drafts,
                poll,
                log: !quiet,
                allow_hosts,
                idle_timeout: std::time::Duration::from_secs(idle_timeout_secs),
                base_url,
                ..signpost::serve::ServeOptions::new(&root, port)
            };
            match signpost::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Search {
            query,
            root,
            category,
            age,
            locality,
            need,
            limit,
            language,
        } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            let filters = signpost::search::Filters {
                category,
                age,
                locality,
                need,
            };
            let output = match cli.format {
                FormatArg::Json => signpost::search::cli::Output::Json,
                FormatArg::Human | FormatArg::Github => signpost::search::cli::Output::Human,
            };
            match signpost::search::cli::run_in(&root, &query, language.as_deref(), &filters, limit, output) {
                Ok(text) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Build {
            root,
            output,
            drafts,
            force,
            base_url,
        } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            run(
                BuildOptions {
                    root,
                    output,
                    drafts,
                    write: true,
                    progress: show_progress(quiet),
                    base_url,
                    at_root: false,
                },
                force,
                format,
                cli.deny_warnings,
                quiet,
            )
        }
        Command::Check {
            root,
            drafts,
            external,
            base_url,
        } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            if external {
                return ExitCode::from(signpost::check::external::run_cli(&root, drafts, format, cli.deny_warnings));
            }
            run(
                BuildOptions {
                    root,
                    output: None,
                    drafts,
                    write: false,
                    progress: show_progress(quiet),
                    base_url,
                    at_root: false,
                },
                false,
                format,
                cli.deny_warnings,
                quiet,
            )
        }
    }
}

/// A progress line only for people at a terminal, never in CI or with `--quiet`.
fn show_progress(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Colours only for people at a terminal, and never when `NO_COLOR` is set (https://no-color.org).
fn use_colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs `build` (or `check`) and turns the outcome into an exit code: 2 for a system problem,
/// 1 for content errors.
fn run(options: BuildOptions, force: bool, format: Format, deny_warnings: bool, quiet: bool) -> ExitCode {
    let started = Instant::now();
    let writing = options.write;
    let outcome = signpost::build_with_force(&options, force);
    if !quiet {
        for note in &outcome.notes {
            eprintln!("{note}");
        }
    }
    let diagnostics = outcome.diagnostics.sorted();
    match format {
        Format::Human => eprint!("{}", render_human_with_source(&diagnostics, &options.root, use_colour())),
        Format::Json => print!("{}", render_json(&diagnostics)),
        Format::Github => print!("{}", render_github(&diagnostics)),
    }
    if let Some(message) = &outcome.internal_error {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let failed = outcome.diagnostics.has_errors() || (deny_warnings && outcome.diagnostics.warning_count() > 0);
    if !quiet {
        summarise(&outcome, writing, failed, started.elapsed().as_secs_f64());
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

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
