//! Rebuilding the preview: only what a change affects is rendered again, and only files whose
//! bytes changed are written. The folder always holds the last build without errors, and equals
//! what `signpost build` would write for the same content.

use super::BuildMemory;
use crate::check::plain_language::measures::{Counts, Scores};
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::PageRecord;
use crate::search::SearchIndex;
use crate::{BuildOptions, Sink, build_with_memory};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The preview site: its folder, what the last builds left in memory, and what is on disk.
pub struct Preview {
    options: BuildOptions,
    folder: PathBuf,
    memory: BuildMemory,
    /// The files in the folder, with their hashes (`None` before the first good build).
    files: Option<BTreeMap<String, blake3::Hash>>,
    /// The search index of the site in the folder (`None`: no good build yet, or search is off).
    search: Option<Arc<SearchIndex>>,
}

/// What one rebuild did.
#[derive(Debug, Default, Clone)]
pub struct RebuildReport {
    /// Every finding, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Every page of this build (also when it had errors).
    pub records: Vec<PageRecord>,
    /// Files written to the preview folder (the others were unchanged).
    pub written: usize,
    /// Files deleted from the preview folder.
    pub deleted: usize,
    /// Files this build made again or kept.
    pub files: usize,
    /// True when the preview folder now holds this build (false: it had errors, the last good site stays).
    pub published: bool,
    /// A problem that is not the content's fault.
    pub internal_error: Option<String>,
    /// How long the rebuild took.
    pub elapsed: Duration,
    /// Word counts and scores of this build's pages and services with enough words to score, by address.
    pub readability: BTreeMap<String, (Counts, Scores)>,
    /// The search index of the site the preview folder holds (the last build without errors).
    pub search: Option<Arc<SearchIndex>>,
}

impl RebuildReport {
    /// True when the last build found at least one error.
    pub fn has_errors(&self) -> bool {
        self.internal_error.is_some() || self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Collects the files of a build: only those whose bytes differ from the folder's are kept in memory.
struct PreviewSink<'a> {
    old: Option<&'a BTreeMap<String, blake3::Hash>>,
    hashes: Mutex<BTreeMap<String, blake3::Hash>>,
    pending: Mutex<Vec<(String, Vec<u8>)>>,
}

impl Sink for PreviewSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let hash = blake3::hash(bytes);
        if self.old.and_then(|files| files.get(path)) != Some(&hash) {
            self.pending
                .lock()
                .map_err(|e| e.to_string())?
                .push((path.to_string(), bytes.to_vec()));
        }
        self.hashes.lock().map_err(|e| e.to_string())?.insert(path.to_string(), hash);
        Ok(())
    }

    fn unchanged(&self, path: &str) {
        if let Some(hash) = self.old.and_then(|files| files.get(path))
            && let Ok(mut hashes) = self.hashes.lock()
        {
            hashes.insert(path.to_string(), *hash);
        }
    }
}

impl Preview {
    /// A preview of the site in `root`, built into `folder` (emptied on the first build).
    pub fn new(root: &Path, drafts: bool, folder: &Path) -> Preview {
        Preview {
            options: BuildOptions {
                root: root.to_path_buf(),
                output: Some(folder.to_path_buf()),
                drafts,
                write: true,
                progress: false,
                base_url: None,
                // The preview server serves the site at `/` whatever the base URL's path.
                at_root: true,
            },
            folder: folder.to_path_buf(),
            memory: BuildMemory::new(),
            files: None,
            search: None,
        }
    }

    /// Uses `base_url` (`--base-url`) instead of `site.toml`'s for the absolute addresses
    /// (canonical links, sitemap, feeds); the preview's pages are still made for `/`.
    pub fn with_base_url(mut self, base_url: Option<String>) -> Preview {
        self.options.base_url = base_url;
        self
    }

    /// The folder the preview is written to.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The fast path for an edit to services' details: writes just their pages at once (see
    /// [`BuildMemory::quick_service_pages`]) and returns how many; 0 when it does not apply. A full
    /// [`Preview::rebuild`] must follow.
    pub fn quick(&mut self) -> usize {
        let Some(files) = self.files.as_mut() else { return 0 };
        let Some(pages) = self.memory.quick_service_pages(&self.options) else {
            return 0;
        };
        let mut written = 0;
        for (path, html) in pages {
            let hash = blake3::hash(html.as_bytes());
            if files.get(&path) == Some(&hash) {
                continue;
            }
            if write_atomically(&self.folder.join(&path), html.as_bytes()).is_err() {
                files.remove(&path);
                continue;
            }
            files.insert(path, hash);
            written += 1;
        }
        written
    }

    /// Builds again. `everything`: render every page again (the theme or templates changed);
    /// otherwise pages whose inputs did not change since the last good build are reused.
    pub fn rebuild(&mut self, everything: bool) -> RebuildReport {
        let started = Instant::now();
        if everything {
            self.memory.forget_pages();
        }
        let mut sink = PreviewSink {
            old: self.files.as_ref(),
            hashes: Mutex::new(BTreeMap::new()),
            pending: Mutex::new(Vec::new()),
        };
        let outcome = build_with_memory(&self.options, Some(&mut sink), Some(&mut self.memory));
        let mut report = RebuildReport {
            diagnostics: outcome.diagnostics.sorted(),
            records: outcome.records,
            internal_error: outcome.internal_error,
            readability: outcome.readability,
            ..RebuildReport::default()
        };
        if !report.has_errors() {
            let files = sink.hashes.into_inner().unwrap_or_default();
            let pending = sink.pending.into_inner().unwrap_or_default();
            let first = self.files.is_none();
            match self.publish(first, &pending, self.files.as_ref(), &files) {
                Ok(deleted) => {
                    report.written = pending.len();
                    report.deleted = deleted;
                    report.files = files.len();
                    report.published = true;
                    self.files = Some(files);
                    self.search = outcome.searchable;
                }
                Err(error) => {
                    report.internal_error = Some(format!("Cannot write the preview to {}: {error}", self.folder.display()));
                    self.files = None;
                    self.memory.forget_pages();
                }
            }
        }
        report.search = self.search.clone();
        report.elapsed = started.elapsed();
        report
    }

    /// Writes the changed files and deletes the ones that are gone. Returns how many were deleted.
    fn publish(
        &self,
        first: bool,
        pending: &[(String, Vec<u8>)],
        old: Option<&BTreeMap<String, blake3::Hash>>,
        new: &BTreeMap<String, blake3::Hash>,
    ) -> std::io::Result<usize> {
        if first && self.folder.exists() {
            let purpose = crate::output::guard::Purpose::Preview;
            crate::output::guard::check(&self.options.root, &self.folder, purpose, false).map_err(std::io::Error::other)?;
            std::fs::remove_dir_all(&self.folder)?;
        }
        std::fs::create_dir_all(&self.folder)?;
        if first {
            std::fs::write(
                self.folder.join(crate::output::guard::MARKER_FILE),
                crate::output::guard::MARKER_TEXT,
            )?;
        }
        for (path, bytes) in pending {
            write_atomically(&self.folder.join(path), bytes)?;
        }
        let mut deleted = 0;
        for path in old
            .into_iter()
            .flat_map(|files| files.keys())
            .filter(|path| !new.contains_key(*path))
        {
            let full = self.folder.join(path);
            match std::fs::remove_file(&full) {
                Ok(()) => deleted += 1,
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                Err(error) => return Err(error),
            }
            let mut parent = full.parent();
            while let Some(dir) = parent.filter(|dir| *dir != self.folder) {
                if std::fs::remove_dir(dir).is_err() {
                    break;
                }
                parent = dir.parent();
            }
        }
        Ok(deleted)
    }
}

/// Writes a file so that a reader sees either the old or the new bytes, never half of them.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut temporary = path.as_os_str().to_os_string();
    temporary.push(".signpost-part");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path)
}
