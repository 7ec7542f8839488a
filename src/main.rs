//! The `signpost` command: parses arguments and hands each command to its file in `commands/`.

mod commands;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use commands::Voice;
use signpost::diagnostic::Format;
use std::path::PathBuf;
use std::process::ExitCode;

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
    Build(commands::build::BuildArgs),
    /// Run every check without writing the site.
    Check(commands::build::CheckArgs),
    /// Preview the site: build it, serve it on this computer, and rebuild and reload on every change.
    Serve(commands::serve::ServeArgs),
    /// Search the site's index (made by `build`) and print the best matches.
    Search(commands::search::SearchArgs),
    /// List every rule Signpost checks, with its severity, what it finds and where it is explained.
    Rules,
    /// Print the interface strings a language lacks, with their English text, as a TOML file to
    /// send to translators (save the translations as strings/<tag>.toml in the site folder).
    Strings(commands::strings::StringsArgs),
    /// Write reports for the Local Offer team: a content audit (CSV and HTML) of every page and service.
    Report(commands::report::ReportArgs),
    /// Turn another directory's export into service files.
    Import {
        #[command(subcommand)]
        source: commands::import::ImportSource,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let voice = Voice {
        format: match cli.format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        },
        deny_warnings: cli.deny_warnings,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Build(args) => commands::build::build(args, voice),
        Command::Check(args) => commands::build::check(args, voice),
        Command::Serve(args) => commands::serve::serve(args, voice),
        Command::Search(args) => commands::search::search(args, voice),
        Command::Report(args) => commands::report::report(args, voice),
        Command::Import { source } => commands::import::import(source, voice),
        Command::Init { dir } => commands::init::init(&dir, voice),
        Command::Strings(args) => commands::strings::strings(args),
        Command::Rules => {
            if voice.json() {
                println!("{}", signpost::rules::listing_json());
            } else {
                print!("{}", signpost::rules::listing());
            }
            ExitCode::SUCCESS
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "signpost", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}
