//! Rebuilding the preview: only what a change affects is rendered again, and only files whose
//! bytes changed are written. The folder always holds the last build without errors, and equals
//! what `signpost build` would write for the same content, once the rebuild after the last change
//! has finished.
//!
//! The building itself belongs to the pipeline ([`crate::build_incremental`], [`crate::build`]);
//! this file decides when to publish what a build made. A rebuild can run on its own thread
//! ([`Preview::start`]) so that a newer change can cancel it and have its pages written at once
//! ([`Preview::quick`]) instead of waiting behind it.

use crate::build::{Cancel, Incremental, Memory};
use crate::check::plain_language::measures::{Counts, Scores};
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::PageRecord;
use crate::search::SearchIndex;
use crate::{BuildOptions, BuildOutcome, Sink, build_incremental};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The hashes of the files in the preview folder, by path inside it.
type FolderFiles = Arc<BTreeMap<String, blake3::Hash>>;

/// The preview site: its folder, what the last builds left in memory, and what is on disk.
pub struct Preview {
    options: BuildOptions,
    folder: PathBuf,
    memory: Memory,
    /// The files in the folder, with their hashes (`None` before the first good build).
    files: Option<FolderFiles>,
    /// The search index of the site in the folder (`None`: no good build yet, or search is off).
    search: Option<Arc<SearchIndex>>,
    /// Addresses the fast path wrote since the last published build: the next build renders them
    /// again, since their files may no longer match the pages it would otherwise reuse.
    rewritten: BTreeSet<String>,
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
    /// The text of every file the build read, for the lines the overlay shows under findings.
    pub sources: crate::content::SourceTexts,
    /// What the build made again and what it took from the last one.
    pub reuse: crate::build::Reuse,
}

impl RebuildReport {
    /// True when the last build found at least one error.
    pub fn has_errors(&self) -> bool {
        self.internal_error.is_some() || self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Collects the files of a build: only those whose bytes differ from the folder's are kept in memory.
struct PreviewSink {
    old: Option<FolderFiles>,
    hashes: Mutex<BTreeMap<String, blake3::Hash>>,
    pending: Mutex<Vec<(String, Vec<u8>)>>,
}

impl Sink for PreviewSink {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let hash = blake3::hash(bytes);
        if self.old.as_ref().and_then(|files| files.get(path)) != Some(&hash) {
            self.pending
                .lock()
                .map_err(|e| e.to_string())?
                .push((path.to_string(), bytes.to_vec()));
        }
        self.hashes.lock().map_err(|e| e.to_string())?.insert(path.to_string(), hash);
        Ok(())
    }

    fn unchanged(&self, path: &str) {
        if let Some(hash) = self.old.as_ref().and_then(|files| files.get(path))
            && let Ok(mut hashes) = self.hashes.lock()
        {
            hashes.insert(path.to_string(), *hash);
        }
    }
}

/// A rebuild running on its own thread, started by [`Preview::start`].
pub struct Running {
    cancel: Cancel,
    everything: bool,
    thread: std::thread::JoinHandle<Built>,
}

impl Running {
    /// Asks the rebuild to stop at its next look at the flag; [`Preview::finish`] then publishes nothing.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// True once the rebuild's thread has ended (finished or stopped).
    pub fn is_finished(&self) -> bool {
        self.thread.is_finished()
    }

    /// True when the rebuild renders every page again (the theme or templates changed): a rebuild
    /// that replaces a cancelled one must do the same.
    pub fn everything(&self) -> bool {
        self.everything
    }
}

/// What a rebuild made, before it is published.
struct Built {
    outcome: BuildOutcome,
    incremental: Incremental,
    sink: PreviewSink,
    rewritten: BTreeSet<String>,
    started: Instant,
}

/// Runs one build: what [`Preview::start`] runs on its own thread.
fn run_build(options: &BuildOptions, mut incremental: Incremental, old: Option<FolderFiles>, rewritten: BTreeSet<String>) -> Built {
    let started = Instant::now();
    let mut sink = PreviewSink {
        old,
        hashes: Mutex::new(BTreeMap::new()),
        pending: Mutex::new(Vec::new()),
    };
    let outcome = build_incremental(options, Some(&mut sink), Some(&mut incremental));
    Built {
        outcome,
        incremental,
        sink,
        rewritten,
        started,
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
            memory: Memory::new(),
            files: None,
            search: None,
            rewritten: BTreeSet::new(),
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

    /// The fast path for an edit to pages' or services' own files: writes just their pages at
    /// once (see [`Memory::fast_pages`]) and returns how many files changed; 0 when it does not
    /// apply. A full [`Preview::rebuild`] must follow.
    pub fn quick(&mut self) -> usize {
        let Some(files) = self.files.as_mut() else { return 0 };
        let Some(fast) = self.memory.fast_pages(&self.options, &self.rewritten) else {
            return 0;
        };
        let files = Arc::make_mut(files);
        let mut written = 0;
        for (path, html) in fast.files {
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
        self.rewritten.extend(fast.addresses);
        written
    }

    /// Builds again and publishes the result, on this thread. `everything`: render every page
    /// again (the theme or templates changed); otherwise pages whose inputs did not change since
    /// the last good build are reused.
    pub fn rebuild(&mut self, everything: bool) -> RebuildReport {
        let built = run_build(
            &self.options,
            self.begin(everything, Cancel::new()),
            self.files.clone(),
            self.rewritten.clone(),
        );
        self.publish_built(built).unwrap_or_default()
    }

    /// Starts a rebuild on its own thread; [`Preview::finish`] publishes it. No other rebuild may
    /// be running, and [`Preview::quick`] must not be called until it is finished or cancelled.
    pub fn start(&self, everything: bool) -> std::io::Result<Running> {
        let cancel = Cancel::new();
        let incremental = self.begin(everything, cancel.clone());
        let options = self.options.clone();
        let old = self.files.clone();
        let rewritten = self.rewritten.clone();
        let thread = std::thread::Builder::new()
            .name("signpost-build".to_string())
            .spawn(move || run_build(&options, incremental, old, rewritten))?;
        Ok(Running {
            cancel,
            everything,
            thread,
        })
    }

    /// Waits for a rebuild started by [`Preview::start`] and publishes it. `None` when it was
    /// cancelled (nothing is published) or its thread failed.
    pub fn finish(&mut self, running: Running) -> Option<RebuildReport> {
        let built = running.thread.join().ok()?;
        self.publish_built(built)
    }

    fn begin(&self, everything: bool, cancel: Cancel) -> Incremental {
        self.memory.begin(everything, self.rewritten.clone(), cancel)
    }

    /// Publishes what a build made, unless it was cancelled.
    fn publish_built(&mut self, built: Built) -> Option<RebuildReport> {
        let Built {
            outcome,
            incremental,
            sink,
            rewritten,
            started,
        } = built;
        if outcome.cancelled {
            return None;
        }
        let mut report = RebuildReport {
            diagnostics: outcome.diagnostics.sorted(),
            records: outcome.records,
            internal_error: outcome.internal_error,
            readability: outcome.readability,
            sources: outcome.sources,
            reuse: outcome.reuse,
            ..RebuildReport::default()
        };
        if !report.has_errors() {
            let files = sink.hashes.into_inner().unwrap_or_default();
            let pending = sink.pending.into_inner().unwrap_or_default();
            let first = self.files.is_none();
            match self.publish(first, &pending, self.files.as_deref(), &files) {
                Ok(deleted) => {
                    report.written = pending.len();
                    report.deleted = deleted;
                    report.files = files.len();
                    report.published = true;
                    self.files = Some(Arc::new(files));
                    self.search = outcome.searchable;
                    self.memory.commit(incremental);
                    self.rewritten.retain(|address| !rewritten.contains(address));
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
        Some(report)
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
