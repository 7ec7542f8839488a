//! Writing the site: into a temporary folder beside the output, swapped in only when the whole
//! build succeeded, so a failed build never leaves a half-written site.

mod assets;
pub mod headers;
pub mod openreferral;
mod sitemap;

pub use assets::{AssetFile, collect_assets};
pub use sitemap::{robots_txt, sitemap_xml};

use std::path::{Path, PathBuf};

/// A temporary output folder that becomes the real one on [`Staging::commit`], and is deleted
/// if it is dropped without being committed.
pub struct Staging {
    target: PathBuf,
    temporary: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty temporary folder beside `target` (same file system, so the swap is a rename).
    pub fn new(target: &Path) -> std::io::Result<Staging> {
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_string());
        let temporary = parent.join(format!(".{name}.signpost-new-{}", std::process::id()));
        if temporary.exists() {
            std::fs::remove_dir_all(&temporary)?;
        }
        std::fs::create_dir_all(&temporary)?;
        Ok(Staging {
            target: target.to_path_buf(),
            temporary,
            committed: false,
        })
    }

    /// Writes one file, given its path inside the site (`advice/index.html`).
    pub fn write(&self, relative: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.temporary.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)
    }

    /// Replaces the output folder with the finished site.
    pub fn commit(mut self) -> std::io::Result<()> {
        let parent = self.temporary.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let old = parent.join(format!(".{name}.signpost-old-{}", std::process::id()));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(error) = std::fs::rename(&self.temporary, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(error);
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temporary);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_swaps_and_drop_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();

        let failed = Staging::new(&target).unwrap();
        failed.write("index.html", b"half").unwrap();
        drop(failed);
        assert!(target.join("old.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "temporary folder left behind");

        let staging = Staging::new(&target).unwrap();
        staging.write("a/index.html", b"new").unwrap();
        staging.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(std::fs::read_to_string(target.join("a/index.html")).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
