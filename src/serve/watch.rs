//! Watching the site folder with notify (native events, or polling with `--poll`), debounced, and
//! deciding which changes matter: editors' temporary files and the output folders are ignored.

use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, NoCache, RecommendedCache, new_debouncer_opt};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long the folder must be quiet before a change is acted on.
pub const DEBOUNCE: Duration = Duration::from_millis(40);
/// How often `--poll` looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);
/// The folders in the site folder whose files make the site.
pub const SOURCE_FOLDERS: &[&str] = &["content", "templates", "themes", "assets", "strings"];

/// A change that needs a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Only content files changed: pages, services, contact blocks, the glossary.
    Content,
    /// The configuration, a template, the theme or an asset changed: render every page.
    Everything,
}

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    /// The debouncer (native or polling), kept only so that it keeps watching.
    _inner: Box<dyn std::any::Any + Send>,
}

/// Starts watching `root`, sending one [`Change`] per quiet period in which something relevant changed.
pub fn watch(root: &Path, poll: bool, changes: Sender<Change>) -> Result<Watcher, String> {
    let root = root.to_path_buf();
    let filter_root = root.clone();
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let change = events
            .iter()
            .filter(|event| changes_files(&event.kind))
            .flat_map(|event| event.paths.iter())
            .filter_map(|path| classify(&filter_root, path))
            .max_by_key(|change| *change == Change::Everything);
        if let Some(change) = change {
            let _ = changes.send(change);
        }
    };
    let failed = |error: notify::Error| format!("Cannot watch {} for changes: {error}", root.display());
    let inner: Box<dyn std::any::Any + Send> = if poll {
        let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
        let mut debouncer = new_debouncer_opt::<_, PollWatcher, NoCache>(DEBOUNCE, None, handler, NoCache, config).map_err(failed)?;
        for (path, mode) in watched_paths(&root) {
            debouncer.watch(&path, mode).map_err(failed)?;
        }
        Box::new(debouncer)
    } else {
        let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher, RecommendedCache>(
            DEBOUNCE,
            Some(DEBOUNCE / 4),
            handler,
            RecommendedCache::new(),
            notify::Config::default(),
        )
        .map_err(failed)?;
        for (path, mode) in watched_paths(&root) {
            debouncer.watch(&path, mode).map_err(failed)?;
        }
        Box::new(debouncer)
    };
    Ok(Watcher { _inner: inner })
}

/// True for events that can change what a file holds (not reads, which rebuilding itself makes).
fn changes_files(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// The site folder itself (for `site.toml`) and each source folder that exists, recursively.
fn watched_paths(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut paths = vec![(root.to_path_buf(), RecursiveMode::NonRecursive)];
    for folder in SOURCE_FOLDERS {
        let path = root.join(folder);
        if path.is_dir() {
            paths.push((path, RecursiveMode::Recursive));
        }
    }
    paths
}

/// What a changed path means for the site, or `None` when it does not matter.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.iter().any(|part| is_ignored_name(part)) {
        return None;
    }
    match parts.first().map(String::as_str) {
        Some("content") => Some(Change::Content),
        Some("templates" | "themes" | "assets" | "strings") => Some(Change::Everything),
        Some(crate::config::CONFIG_FILE) if parts.len() == 1 => Some(Change::Everything),
        Some(folder) if parts.len() == 1 && SOURCE_FOLDERS.contains(&folder) => Some(Change::Everything),
        _ => None,
    }
}

/// Editors' temporary and backup files, and hidden files and folders.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".signpost-part"]
            .iter()
            .any(|end| name.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_and_output_are_ignored() {
        let root = Path::new("/site");
        assert_eq!(classify(root, Path::new("/site/content/a.md")), Some(Change::Content));
        assert_eq!(classify(root, Path::new("/site/site.toml")), Some(Change::Everything));
        assert_eq!(classify(root, Path::new("/site/templates/page.html")), Some(Change::Everything));
        assert_eq!(classify(root, Path::new("/site/strings/pl.toml")), Some(Change::Everything));
        for ignored in [
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/content/.#a.md",
            "/site/content/4913",
            "/site/content/a.tmp",
            "/site/.signpost-preview/index.html",
            "/site/public/index.html",
            "/site/notes.txt",
            "/elsewhere/content/a.md",
        ] {
            assert_eq!(classify(root, Path::new(ignored)), None, "{ignored}");
        }
    }
}
