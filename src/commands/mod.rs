//! One file per `signpost` command: each takes its parsed arguments and returns the exit code
//! (0 fine, 1 content problems, 2 a usage or system problem).

pub mod build;
pub mod import;
pub mod init;
pub mod report;
pub mod search;
pub mod serve;
pub mod strings;

use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments every command that works on a site shares.
#[derive(Args)]
pub struct SiteArgs {
    /// The site folder (holding site.toml). Default: this folder or the nearest one above it.
    #[arg(short, long)]
    pub root: Option<PathBuf>,
}

impl SiteArgs {
    /// The site folder: `--root` if given, otherwise this folder or the nearest one above it that
    /// holds `site.toml`. Without one, the plain message is printed and the command exits 2 like
    /// every other usage problem.
    pub fn folder(self) -> Result<PathBuf, ExitCode> {
        signpost::config::locate::find_site_root(self.root.as_deref(), std::path::Path::new(".")).map_err(|message| {
            eprintln!("error: {message}");
            ExitCode::from(2)
        })
    }
}

/// What every command is told about how to speak.
#[derive(Clone, Copy)]
pub struct Voice {
    /// How to print problems.
    pub format: signpost::diagnostic::Format,
    /// Fail on warnings too.
    pub deny_warnings: bool,
    /// Print only problems.
    pub quiet: bool,
}

impl Voice {
    /// True when the output should be JSON.
    pub fn json(self) -> bool {
        matches!(self.format, signpost::diagnostic::Format::Json)
    }
}

/// A progress line only for people at a terminal, never in CI or with `--quiet`.
pub fn show_progress(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Colours only for people at a terminal, and never when `NO_COLOR` is set (https://no-color.org).
pub fn use_colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints a system problem and gives exit code 2.
pub fn system_problem(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
