//! `signpost init DIR`: writes a small, working site to start from.

use include_dir::{Dir, include_dir};
use std::path::Path;

/// The starter site, built into the binary.
static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/init/starter");

/// The Signpost release the starter's CI files download (this program's own version).
pub const SIGNPOST_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The GitHub repository (`owner/name`) whose releases the starter's CI files download, from
/// `repository` in Cargo.toml (the release workflow refuses to publish when the two differ).
pub fn signpost_repository() -> &'static str {
    env!("CARGO_PKG_REPOSITORY")
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/')
}

/// Fills in the starter's placeholders: `{{today}}` (review dates), and the Signpost version and
/// repository its CI files download. Anything else in double braces, such as GitHub Actions'
/// `${{ github.ref }}`, is left alone.
pub fn fill_placeholders(text: &str, today: &str) -> String {
    text.replace("{{today}}", today)
        .replace("{{signpost_version}}", SIGNPOST_VERSION)
        .replace("{{signpost_repository}}", signpost_repository())
}

/// Writes the starter site into `dir`, which must not exist or be empty. Review dates are set to `today`.
pub fn init_site(dir: &Path, today: crate::content::Date) -> Result<usize, String> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| format!("Cannot open {}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty. Choose a new folder name so nothing is overwritten.",
                dir.display()
            ));
        }
    }
    let mut written = 0;
    write_dir(&STARTER, dir, &today.iso(), &mut written)?;
    Ok(written)
}

fn write_dir(source: &Dir<'_>, target: &Path, today: &str, written: &mut usize) -> Result<(), String> {
    for file in source.files() {
        let path = target.join(file.path());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("Cannot create {}: {e}", parent.display()))?;
        }
        let contents = match std::str::from_utf8(file.contents()) {
            Ok(text) => fill_placeholders(text, today).into_bytes(),
            Err(_) => file.contents().to_vec(),
        };
        std::fs::write(&path, contents).map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
        *written += 1;
    }
    for sub in source.dirs() {
        write_dir(sub, target, today, written)?;
    }
    Ok(())
}
