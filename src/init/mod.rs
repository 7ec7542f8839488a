//! `signpost init DIR`: writes a small, working site to start from.

use include_dir::{Dir, include_dir};
use std::path::Path;

/// The starter site, built into the binary.
static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/init/starter");

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
        let text = String::from_utf8_lossy(file.contents()).replace("{{today}}", today);
        std::fs::write(&path, text).map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
        *written += 1;
    }
    for sub in source.dirs() {
        write_dir(sub, target, today, written)?;
    }
    Ok(())
}
