//! `signpost init`.

use super::{Voice, system_problem};
use std::path::Path;
use std::process::ExitCode;

/// Writes a new, working site into `dir`.
pub fn init(dir: &Path, voice: Voice) -> ExitCode {
    match signpost::init::init_site(dir, signpost::content::Date::today()) {
        Ok(count) => {
            if !voice.quiet {
                eprintln!(
                    "Created a new site in {} ({count} files). Build it with: signpost build --root {}",
                    dir.display(),
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(message) => system_problem(&message),
    }
}
