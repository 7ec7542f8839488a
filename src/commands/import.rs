//! `signpost import`.

use super::{SiteArgs, Voice};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// Where `signpost import` takes services from.
#[derive(Subcommand)]
pub enum ImportSource {
    /// An Open Referral UK export (v1 or v3 JSON), written to content/services/imported/, one file per
    /// service; run again with a newer export to update them.
    Openreferral {
        /// The exported JSON file.
        file: PathBuf,
        #[command(flatten)]
        site: SiteArgs,
    },
}

/// Runs `signpost import openreferral`: writes the service files and prints the report (as JSON
/// on standard output with `--format json`). Exit 1 when the file is not an Open Referral export.
pub fn import(source: ImportSource, voice: Voice) -> ExitCode {
    let ImportSource::Openreferral { file, site } = source;
    let root = match site.folder() {
        Ok(root) => root,
        Err(code) => return code,
    };
    match signpost::import::import_openreferral(&root, &file, signpost::content::Date::today()) {
        Ok(report) => {
            if voice.json() {
                print!("{}", report.json());
            } else if !voice.quiet {
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
