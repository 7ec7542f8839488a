//! Publishing a build: its folders (the site and the search index) are written beside their
//! places, then swapped in together. A journal in the site folder, written before the first swap
//! and removed after the last, lets the next build finish or undo a publication that was killed
//! half-way, so the folders are always the previous build's or the new one's, never a mix.
//!
//! On Linux each swap is one `renameat2(RENAME_EXCHANGE)`, so the folder never goes missing;
//! elsewhere (or where the file system cannot exchange) it is two renames.
//!
//! Test hooks, read only here and in `system.rs`: `SIGNPOST_TEST_ABORT_AT=<step>` aborts the
//! process at that step (see [`STEPS`]), and `SIGNPOST_TEST_NO_EXCHANGE=1` uses the two-rename
//! swap on Linux too.

use super::guard::{self, Purpose};
use super::system::{SiteLock, exchange, identity_of, is_running, same_device, sync_folder, writable};
use serde::{Deserialize, Serialize};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The journal of a publication under way, in the site folder.
pub const JOURNAL_FILE: &str = ".signpost-publishing";

/// The test hook that aborts the process at a named step of publishing.
pub const ABORT_HOOK: &str = "SIGNPOST_TEST_ABORT_AT";

/// The test hook that turns off the one-step exchange, to test the two-rename swap.
pub const NO_EXCHANGE_HOOK: &str = "SIGNPOST_TEST_NO_EXCHANGE";

/// The steps [`ABORT_HOOK`] can name, in the order they happen (`*-moved-aside` only in the
/// two-rename swap, between its renames).
pub const STEPS: &[&str] = &[
    "journal-written",
    "index-moved-aside",
    "index-swapped",
    "site-moved-aside",
    "site-swapped",
    "journal-removed",
];

/// A folder being written beside its final place (`.public.signpost-new-PID-N`), holding the
/// marker from the start. [`publish`] swaps it in; dropping it unpublished removes it.
#[derive(Debug)]
pub struct StagedFolder {
    target: PathBuf,
    folder: PathBuf,
    serial: usize,
    purpose: Purpose,
    published: bool,
    /// Folders inside it already made, so that each is made (and looked for) once.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl StagedFolder {
    /// Creates a new, empty staging folder beside `target` (on the same file system, so the swap
    /// is a rename) and writes the marker into it.
    pub fn new(target: &Path, purpose: Purpose) -> std::io::Result<StagedFolder> {
        static SERIAL: AtomicUsize = AtomicUsize::new(0);
        let target = std::path::absolute(target)?;
        let parent = target.parent().unwrap_or(Path::new("/"));
        std::fs::create_dir_all(parent)?;
        let serial = SERIAL.fetch_add(1, Ordering::Relaxed);
        let folder = parent.join(hidden_name(&target, "new", serial));
        if std::fs::symlink_metadata(&folder).is_ok() {
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir(&folder)?;
        let staged = StagedFolder {
            target,
            folder,
            serial,
            purpose,
            published: false,
            made: Default::default(),
        };
        std::fs::write(staged.folder.join(guard::MARKER_FILE), guard::MARKER_TEXT)?;
        Ok(staged)
    }

    /// Where the new copy is being written.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Where it goes.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes one file, given its path inside the folder (`advice/index.html`).
    pub fn write(&self, relative: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.folder.join(relative);
        if let Some(parent) = path.parent() {
            let known = self.made.lock().is_ok_and(|made| made.contains(parent));
            if !known {
                std::fs::create_dir_all(parent)?;
                if let Ok(mut made) = self.made.lock() {
                    made.insert(parent.to_path_buf());
                }
            }
        }
        std::fs::write(path, bytes)
    }
}

impl Drop for StagedFolder {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.folder);
        }
    }
}

/// `.NAME.signpost-KIND-PID-SERIAL`, beside the target.
fn hidden_name(target: &Path, kind: &str, serial: usize) -> String {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(".{name}.signpost-{kind}-{}-{serial}", std::process::id())
}

/// The journal: what is being swapped, so that a later build can tell where each copy is.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    pid: u32,
    swaps: Vec<Swap>,
}

/// One folder of a publication.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Swap {
    /// `site` or `index`.
    role: String,
    /// The folder's place, absolute.
    target: String,
    /// The staging folder's name, beside the target.
    staged: String,
    /// The name the previous copy is moved to (two-rename swap), beside the target.
    old: String,
    /// Whether the target existed when the journal was written.
    existed: bool,
    /// The new copy's device and inode number, to recognise it wherever it is (Unix).
    identity: Option<(u64, u64)>,
}

impl Swap {
    fn target(&self) -> PathBuf {
        PathBuf::from(&self.target)
    }
    fn beside(&self, name: &str) -> PathBuf {
        self.target().parent().unwrap_or(Path::new("/")).join(name)
    }
    fn staged(&self) -> PathBuf {
        self.beside(&self.staged)
    }
    fn old(&self) -> PathBuf {
        self.beside(&self.old)
    }
    fn label(&self) -> String {
        self.target().display().to_string()
    }
    /// True when `path` holds the new copy (which always carries the marker, so a journal that
    /// was not written by a build can never make a folder Signpost did not make look new).
    fn is_new(&self, path: &Path) -> bool {
        if !guard::is_marked(path) {
            return false;
        }
        match self.identity {
            Some(identity) => identity_of(path) == Some(identity),
            // Without inode numbers only the two-rename swap is used: the staging folder is gone
            // once the new copy is in place.
            None => path == self.target() && path.exists() && !self.staged().exists(),
        }
    }
}

/// Swaps the staged folders in together, after checking everything that could stop the swap
/// (the folder rules, permissions, the file system). On an error nothing public has changed.
/// Returns notes for the user (such as an old copy that could not be removed).
pub fn publish(root: &Path, folders: Vec<StagedFolder>, force: bool) -> Result<Vec<String>, String> {
    let lock = SiteLock::take(root)?;
    let mut notes = recover_locked(root);
    for folder in &folders {
        guard::check(root, &folder.target, folder.purpose, force)?;
        preflight(folder)?;
    }
    let swaps = folders.iter().map(plan).collect::<Result<Vec<Swap>, String>>()?;
    let journal = Journal {
        pid: std::process::id(),
        swaps,
    };
    write_journal(root, &journal)?;
    let mut folders = folders;
    for folder in &mut folders {
        // From here on the staging folders belong to the journal, not to their destructors.
        folder.published = true;
    }
    abort_at("journal-written");
    for (done, swap) in journal.swaps.iter().enumerate() {
        if let Err(error) = swap_in(swap) {
            let undone = journal.swaps[..done].iter().rev().map(roll_back).collect::<Vec<_>>();
            let _ = std::fs::remove_file(root.join(JOURNAL_FILE));
            for swap in &journal.swaps {
                remove_leftovers(swap);
            }
            let undone = undone.into_iter().flatten().collect::<Vec<_>>().join("; ");
            let undone = if undone.is_empty() { String::new() } else { format!(" ({undone})") };
            return Err(format!(
                "Cannot put the new {} in place at {}: {error}. The previous folders were kept{undone}.",
                swap.role,
                swap.label()
            ));
        }
        abort_at(&format!("{}-swapped", swap.role));
    }
    if let Err(error) = std::fs::remove_file(root.join(JOURNAL_FILE)) {
        notes.push(format!(
            "Could not remove {JOURNAL_FILE} in the site folder ({error}); the next build will finish tidying up."
        ));
    }
    abort_at("journal-removed");
    drop(lock);
    for swap in &journal.swaps {
        notes.extend(remove_leftovers(swap));
    }
    Ok(notes)
}

/// Before a build: finishes or undoes a publication an interrupted build left, and removes the
/// hidden folders that builds which are no longer running left beside `targets`. Returns one
/// plain note per thing done.
pub fn tidy(root: &Path, targets: &[&Path]) -> Result<Vec<String>, String> {
    let _lock = SiteLock::take(root)?;
    let mut notes = recover_locked(root);
    for target in targets {
        notes.extend(remove_dead_staging(target));
    }
    Ok(notes)
}

/// Everything that could make a swap fail, checked before the journal is written.
fn preflight(folder: &StagedFolder) -> Result<(), String> {
    let target = &folder.target;
    let parent = target.parent().unwrap_or(Path::new("/"));
    let cannot = |why: String| format!("Cannot replace {}: {why}. Nothing was replaced.", target.display());
    if !folder.folder.is_dir() {
        return Err(cannot(format!("its new copy {} has gone", folder.folder.display())));
    }
    writable(parent).map_err(|e| cannot(format!("its folder {} cannot be changed ({e})", parent.display())))?;
    let Ok(metadata) = std::fs::symlink_metadata(target) else {
        return Ok(());
    };
    if metadata.is_dir() && !same_device(target, parent) {
        return Err(cannot(
            "it is a mount point, so it cannot be swapped; choose a folder inside it instead".to_string(),
        ));
    }
    if metadata.is_dir() {
        for entry in walkdir::WalkDir::new(target).follow_links(false) {
            let entry = entry.map_err(|e| cannot(format!("the previous copy cannot be read ({e})")))?;
            if entry.file_type().is_dir() {
                writable(entry.path()).map_err(|e| {
                    cannot(format!(
                        "the previous copy cannot be removed: {} cannot be changed ({e})",
                        entry.path().display()
                    ))
                })?;
            }
        }
    }
    Ok(())
}

/// What the journal records for one folder.
fn plan(folder: &StagedFolder) -> Result<Swap, String> {
    let text = |path: &Path| {
        path.to_str()
            .map(str::to_string)
            .ok_or_else(|| format!("Cannot publish to {}: its name is not valid Unicode", path.display()))
    };
    let name = |path: &Path| text(Path::new(path.file_name().unwrap_or_default()));
    let staged = name(&folder.folder)?;
    let old = hidden_name(&folder.target, "old", folder.serial);
    let identity = if cfg!(unix) {
        Some(identity_of(&folder.folder).ok_or_else(|| format!("Cannot read {}", folder.folder.display()))?)
    } else {
        None
    };
    Ok(Swap {
        role: match folder.purpose {
            Purpose::Index => "index",
            _ => "site",
        }
        .to_string(),
        target: text(&folder.target)?,
        staged,
        old,
        existed: std::fs::symlink_metadata(&folder.target).is_ok(),
        identity,
    })
}

/// Puts one new copy in place.
fn swap_in(swap: &Swap) -> std::io::Result<()> {
    let (target, staged, old) = (swap.target(), swap.staged(), swap.old());
    if !swap.existed {
        return std::fs::rename(&staged, &target);
    }
    match exchange(&staged, &target) {
        Ok(()) => return Ok(()),
        Err(error) if error.kind() != std::io::ErrorKind::Unsupported => return Err(error),
        Err(_) => {}
    }
    std::fs::rename(&target, &old)?;
    abort_at(&format!("{}-moved-aside", swap.role));
    if let Err(error) = std::fs::rename(&staged, &target) {
        let _ = std::fs::rename(&old, &target);
        return Err(error);
    }
    Ok(())
}

/// Puts the previous copy back in place of the new one, wherever the swap stopped. Says what it
/// could not do.
fn roll_back(swap: &Swap) -> Option<String> {
    let (target, staged, old) = (swap.target(), swap.staged(), swap.old());
    let previous = [&old, &staged]
        .into_iter()
        .find(|path| path.exists() && !swap.is_new(path))
        .cloned();
    let result = if swap.is_new(&target) {
        match &previous {
            Some(previous) if *previous == staged => exchange(&staged, &target).or_else(|_| rename_pair(&target, &old, &staged, &target)),
            Some(previous) => rename_pair(&target, &staged, previous, &target),
            None if !swap.existed => std::fs::rename(&target, &staged),
            None => return Some(format!("no previous copy of {} was left, so the new one stays", swap.label())),
        }
    } else if !target.exists() && swap.existed {
        match &previous {
            Some(previous) => std::fs::rename(previous, &target),
            None => return Some(format!("no copy of {} was left to put back", swap.label())),
        }
    } else {
        Ok(())
    };
    result.err().map(|error| format!("could not put back {}: {error}", swap.label()))
}

/// Two renames: `a` to `b`, then `c` to `d`.
fn rename_pair(a: &Path, b: &Path, c: &Path, d: &Path) -> std::io::Result<()> {
    std::fs::rename(a, b)?;
    std::fs::rename(c, d)
}

/// Finishes or undoes a publication whose journal is still there. The caller holds the lock, so
/// the build that wrote the journal is no longer running.
fn recover_locked(root: &Path) -> Vec<String> {
    let path = root.join(JOURNAL_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let journal = match serde_json::from_str::<Journal>(&text) {
        Ok(journal) if journal_is_sound(root, &journal) => journal,
        Ok(_) => {
            let _ = std::fs::remove_file(&path);
            return vec![format!(
                "Removed {JOURNAL_FILE} from the site folder: it did not describe folders Signpost made, so nothing was changed."
            )];
        }
        Err(_) => {
            // The journal is complete before the first swap, so a torn one means nothing was swapped.
            let _ = std::fs::remove_file(&path);
            return vec!["An earlier build was stopped before publishing; nothing had been replaced.".to_string()];
        }
    };
    let labels = journal.swaps.iter().map(Swap::label).collect::<Vec<_>>().join(" and ");
    let finished = journal.swaps.iter().all(|swap| swap.is_new(&swap.target()));
    let mut problems = Vec::new();
    if !finished {
        problems.extend(journal.swaps.iter().rev().filter_map(roll_back));
    }
    if let Err(error) = std::fs::remove_file(&path) {
        problems.push(format!("could not remove {JOURNAL_FILE}: {error}"));
    }
    let mut notes = vec![if finished {
        format!(
            "An earlier build was stopped while publishing, after every folder was in place; finished it ({labels} are from that build)."
        )
    } else {
        format!("An earlier build was stopped while publishing; put the previous {labels} back.")
    }];
    if !problems.is_empty() {
        notes.push(format!("While doing so: {}.", problems.join("; ")));
    }
    for swap in &journal.swaps {
        notes.extend(remove_leftovers(swap));
    }
    notes
}

/// A journal read from disk is only acted on when it names folders a build may replace and
/// staging names of its own build beside them.
fn journal_is_sound(root: &Path, journal: &Journal) -> bool {
    let Ok(site) = std::fs::canonicalize(root) else { return false };
    let home = guard::home();
    journal.swaps.iter().all(|swap| {
        let target = swap.target();
        let (Some(name), true) = (target.file_name(), target.is_absolute()) else {
            return false;
        };
        let own = |hidden: &str| guard::staging_pid(name, OsStr::new(hidden)) == Some(journal.pid) && !hidden.contains(['/', '\\']);
        own(&swap.staged)
            && own(&swap.old)
            && guard::resolve(&target).is_ok_and(|full| guard::forbidden(&site, &full, home.as_deref()).is_none())
    })
}

/// Removes the staging and previous-copy folders of one swap, if still there.
fn remove_leftovers(swap: &Swap) -> Option<String> {
    let mut failed = Vec::new();
    for path in [swap.staged(), swap.old()] {
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir())
            && let Err(error) = std::fs::remove_dir_all(&path)
        {
            failed.push(format!("{} ({error})", path.display()));
        }
    }
    (!failed.is_empty()).then(|| {
        format!(
            "Could not remove the previous copy in {}; the next build will try again.",
            failed.join(", ")
        )
    })
}

/// Removes hidden staging folders beside `target` whose build is no longer running.
fn remove_dead_staging(target: &Path) -> Vec<String> {
    let Ok(target) = std::path::absolute(target) else {
        return Vec::new();
    };
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    let mut failed = Vec::new();
    for entry in entries.flatten() {
        let Some(pid) = guard::staging_pid(name, &entry.file_name()) else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || is_running(pid, &entry.path()) {
            continue;
        }
        match std::fs::remove_dir_all(entry.path()) {
            Ok(()) => removed.push(entry.file_name().to_string_lossy().into_owned()),
            Err(error) => failed.push(format!("{} ({error})", entry.path().display())),
        }
    }
    removed.sort();
    let mut notes = Vec::new();
    if !removed.is_empty() {
        notes.push(format!(
            "Removed {} hidden folder{} that interrupted builds left in {}: {}.",
            removed.len(),
            if removed.len() == 1 { "" } else { "s" },
            parent.display(),
            removed.join(", ")
        ));
    }
    if !failed.is_empty() {
        notes.push(format!("Could not remove folders interrupted builds left: {}.", failed.join(", ")));
    }
    notes
}

/// Writes the journal in full and flushes it to disk before anything is swapped.
fn write_journal(root: &Path, journal: &Journal) -> Result<(), String> {
    use std::io::Write as _;
    let path = root.join(JOURNAL_FILE);
    let failed = |e: std::io::Error| format!("Cannot write {} (nothing was replaced): {e}", path.display());
    let text = serde_json::to_vec_pretty(journal).map_err(|e| failed(std::io::Error::other(e)))?;
    let mut file = std::fs::File::create(&path).map_err(failed)?;
    file.write_all(&text).and_then(|()| file.sync_all()).map_err(failed)?;
    sync_folder(root);
    Ok(())
}

/// Aborts the process when the test hook names `step`.
fn abort_at(step: &str) {
    if std::env::var_os(ABORT_HOOK).is_some_and(|wanted| wanted == step) {
        eprintln!("{ABORT_HOOK}: aborting at {step}");
        std::process::abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join("site.toml"), "").unwrap();
        (dir, root)
    }

    fn staged(target: &Path, purpose: Purpose, text: &str) -> StagedFolder {
        let folder = StagedFolder::new(target, purpose).unwrap();
        folder.write("index.html", text.as_bytes()).unwrap();
        folder
    }

    fn hidden(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn publishing_swaps_both_folders_in_and_leaves_nothing_behind() {
        let (_dir, root) = site();
        let (public, index) = (root.join("public"), root.join("search-index"));
        for text in ["one", "two"] {
            let folders = vec![staged(&index, Purpose::Index, text), staged(&public, Purpose::Site, text)];
            publish(&root, folders, false).unwrap();
            assert_eq!(std::fs::read_to_string(public.join("index.html")).unwrap(), text);
            assert_eq!(std::fs::read_to_string(index.join("index.html")).unwrap(), text);
            assert!(guard::is_marked(&public) && guard::is_marked(&index));
            assert_eq!(hidden(&root), Vec::<String>::new(), "after {text}");
        }
    }

    #[test]
    fn a_dropped_staging_folder_is_removed_and_the_target_kept() {
        let (_dir, root) = site();
        let public = root.join("public");
        publish(&root, vec![staged(&public, Purpose::Site, "kept")], false).unwrap();
        drop(staged(&public, Purpose::Site, "half"));
        assert_eq!(std::fs::read_to_string(public.join("index.html")).unwrap(), "kept");
        assert_eq!(hidden(&root), Vec::<String>::new());
    }

    #[test]
    fn an_unmarked_folder_is_refused_at_publication_too() {
        let (_dir, root) = site();
        let public = root.join("public");
        std::fs::create_dir_all(&public).unwrap();
        std::fs::write(public.join("mine.txt"), "mine").unwrap();
        let error = publish(&root, vec![staged(&public, Purpose::Site, "new")], false).unwrap_err();
        assert!(error.contains("not a folder Signpost made"), "{error}");
        assert!(public.join("mine.txt").exists());
        assert_eq!(hidden(&root), Vec::<String>::new());
    }

    #[test]
    fn a_journal_left_half_way_is_rolled_back_whatever_the_swap() {
        for exchange in [true, false] {
            let (_dir, root) = site();
            let (public, index) = (root.join("public"), root.join("search-index"));
            publish(
                &root,
                vec![staged(&index, Purpose::Index, "old"), staged(&public, Purpose::Site, "old")],
                false,
            )
            .unwrap();
            let folders = [staged(&index, Purpose::Index, "new"), staged(&public, Purpose::Site, "new")];
            let swaps: Vec<Swap> = folders.iter().map(|f| plan(f).unwrap()).collect();
            let journal = Journal { pid: 4_000_000, swaps };
            let journal = Journal {
                swaps: journal
                    .swaps
                    .into_iter()
                    .map(|s| Swap {
                        staged: s.staged.replace(&format!("-{}-", std::process::id()), "-4000000-"),
                        old: s.old.replace(&format!("-{}-", std::process::id()), "-4000000-"),
                        ..s
                    })
                    .collect(),
                ..journal
            };
            for (folder, swap) in folders.iter().zip(&journal.swaps) {
                std::fs::rename(folder.folder(), swap.staged()).unwrap();
            }
            write_journal(&root, &journal).unwrap();
            // The index is swapped in, the site only moved aside: the worst moment of the two-rename swap.
            if exchange && cfg!(target_os = "linux") {
                exchange_for_test(&journal.swaps[0]);
            } else {
                std::fs::rename(&index, journal.swaps[0].old()).unwrap();
                std::fs::rename(journal.swaps[0].staged(), &index).unwrap();
            }
            std::fs::rename(&public, journal.swaps[1].old()).unwrap();
            let notes = tidy(&root, &[&public, &index]).unwrap();
            assert!(notes[0].contains("put the previous"), "{notes:?}");
            assert_eq!(std::fs::read_to_string(public.join("index.html")).unwrap(), "old");
            assert_eq!(std::fs::read_to_string(index.join("index.html")).unwrap(), "old");
            assert_eq!(hidden(&root), Vec::<String>::new());
        }
    }

    fn exchange_for_test(swap: &Swap) {
        exchange(&swap.staged(), &swap.target()).unwrap();
    }

    #[test]
    fn a_journal_naming_other_folders_is_ignored() {
        let (dir, root) = site();
        let victim = dir.path().join("victim");
        std::fs::create_dir_all(&victim).unwrap();
        std::fs::write(victim.join("precious.txt"), "keep").unwrap();
        let journal = format!(
            r#"{{"pid": 1, "swaps": [{{"role": "site", "target": "{}", "staged": "../victim", "old": ".x", "existed": true, "identity": null}}]}}"#,
            root.join("content").display()
        );
        std::fs::write(root.join(JOURNAL_FILE), journal).unwrap();
        let notes = tidy(&root, &[]).unwrap();
        assert!(notes[0].contains("did not describe folders Signpost made"), "{notes:?}");
        assert!(victim.join("precious.txt").exists() && root.join("content").exists());
        assert!(!root.join(JOURNAL_FILE).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_forged_journal_cannot_make_a_users_folder_look_new() {
        let (dir, root) = site();
        let documents = dir.path().join("Documents");
        std::fs::create_dir_all(&documents).unwrap();
        std::fs::write(documents.join("letter.txt"), "keep").unwrap();
        let journal = Journal {
            pid: 7,
            swaps: vec![
                Swap {
                    role: "site".to_string(),
                    target: documents.display().to_string(),
                    staged: ".Documents.signpost-new-7-0".to_string(),
                    old: ".Documents.signpost-old-7-0".to_string(),
                    existed: false,
                    identity: identity_of(&documents),
                },
                Swap {
                    role: "index".to_string(),
                    target: dir.path().join("gone").display().to_string(),
                    staged: ".gone.signpost-new-7-1".to_string(),
                    old: ".gone.signpost-old-7-1".to_string(),
                    existed: true,
                    identity: Some((0, 0)),
                },
            ],
        };
        write_journal(&root, &journal).unwrap();
        tidy(&root, &[]).unwrap();
        assert_eq!(std::fs::read_to_string(documents.join("letter.txt")).unwrap(), "keep");
        assert!(!root.join(JOURNAL_FILE).exists());
    }

    #[test]
    fn staging_folders_of_dead_builds_are_removed_and_live_ones_kept() {
        let (_dir, root) = site();
        let dead = root.join(".public.signpost-new-4200000000-0");
        let legacy = root.join(".tmp-search-index-4200000001-2.old");
        let live = root.join(format!(".public.signpost-old-{}-9", std::process::id()));
        for folder in [&dead, &legacy, &live] {
            std::fs::create_dir_all(folder.join("a")).unwrap();
        }
        let notes = tidy(&root, &[&root.join("public"), &root.join("search-index")]).unwrap();
        assert!(!dead.exists() && !legacy.exists() && live.exists(), "{notes:?}");
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("Removed 1 hidden folder"), "{notes:?}");
    }
}
