//! `signpost report`.

use super::{SiteArgs, Voice, system_problem};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `signpost report`.
#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    site: SiteArgs,
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
}

/// Writes the content audit and the readability report.
pub fn report(args: ReportArgs, voice: Voice) -> ExitCode {
    let root = match args.site.folder() {
        Ok(root) => root,
        Err(code) => return code,
    };
    let output = args.output.unwrap_or_else(|| root.join("report"));
    match signpost::report::write_reports(&root, &output, args.drafts, args.force, signpost::content::Date::today()) {
        Ok(_) if voice.quiet => ExitCode::SUCCESS,
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
        Err(message) => system_problem(&message),
    }
}
