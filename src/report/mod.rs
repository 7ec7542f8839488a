//! `signpost report`: reports for the people who run the Local Offer, written beside the site
//! rather than into it. Each report is its own module; [`write_reports`] writes them all.

pub mod audit;
pub mod csv;
mod events;
mod owners;
pub mod readability;

use crate::content::Date;
use std::path::{Path, PathBuf};

/// What `signpost report` wrote.
#[derive(Debug, Default)]
pub struct ReportOutcome {
    /// The files written, in order.
    pub written: Vec<PathBuf>,
    /// Rows in the content audit.
    pub audit_rows: usize,
    /// Audit rows with errors.
    pub audit_errors: usize,
    /// The site-wide average reading age (pages and services with enough words).
    pub average_reading_age: Option<f64>,
}

/// Runs every check on the site in `root` and writes the reports into `output`
/// (`content-audit.csv`, `content-audit.html`, `readability.csv` and `readability.html`).
/// `output` must be missing, empty or a folder Signpost made, unless `force` (and never a
/// forbidden folder: see [`crate::output::guard`]).
pub fn write_reports(root: &Path, output: &Path, drafts: bool, force: bool, today: Date) -> Result<ReportOutcome, String> {
    crate::output::guard::check(root, output, crate::output::guard::Purpose::Report, force)?;
    let outcome = crate::build(&crate::BuildOptions {
        root: root.to_path_buf(),
        output: None,
        drafts,
        write: false,
        progress: false,
        ..Default::default()
    });
    if let Some(message) = outcome.internal_error {
        return Err(message);
    }
    let (site, _) = crate::content::load_site(root, drafts);
    let Some(site) = site else {
        return Err(format!(
            "Cannot read the site settings in {}: run `signpost check` to see why",
            root.display()
        ));
    };
    let diagnostics = outcome.diagnostics.sorted();
    let mut rows = audit::audit_rows(&site, &diagnostics, today);
    let (event_list, _) = crate::content::events::load_events(&site, drafts);
    rows.extend(events::event_rows(&event_list, &diagnostics, today));
    let ours = !output.exists() || crate::output::guard::is_marked(output) || is_empty_folder(output);
    std::fs::create_dir_all(output).map_err(|e| format!("Cannot create {}: {e}", output.display()))?;
    if ours {
        // Only a folder wholly the reports' is marked: a folder --force wrote into stays the user's.
        let marker = output.join(crate::output::guard::MARKER_FILE);
        std::fs::write(&marker, crate::output::guard::MARKER_TEXT).map_err(|e| format!("Cannot write {}: {e}", marker.display()))?;
    }
    let plain = crate::check::plain_language::analyse_site(&site, crate::check::plain_language::SiteFiles::Use, true);
    let readability_html = readability::to_html(&site.config.name, site.config.plain_language.min_words_for_scores, &plain)?;
    let files = [
        (output.join("content-audit.csv"), audit::to_csv(&rows)),
        (output.join("content-audit.html"), audit::to_html(&site.config.name, &rows, today)),
        (output.join("readability.csv"), readability::to_csv(&plain)),
        (output.join("readability.html"), readability_html),
    ];
    let mut report = ReportOutcome {
        audit_rows: rows.len(),
        audit_errors: rows.iter().filter(|r| r.errors > 0).count(),
        average_reading_age: plain.average_reading_age(),
        ..ReportOutcome::default()
    };
    for (path, text) in files {
        std::fs::write(&path, text).map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
        report.written.push(path);
    }
    Ok(report)
}

/// True for an existing folder with nothing in it.
fn is_empty_folder(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_none())
}
