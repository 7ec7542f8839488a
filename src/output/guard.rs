//! Which folders Signpost may replace: only folders it made itself (they carry [`MARKER_FILE`]),
//! empty ones and missing ones, and never the site, its sources, a parent of the site, the home
//! folder or `/`, whatever `--force` says.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

/// The file Signpost writes in every folder it makes and may later replace.
pub const MARKER_FILE: &str = ".signpost-output";

/// What the marker file says to a person who opens it.
pub const MARKER_TEXT: &str = "This folder was made by Signpost. The next `signpost build` (or `signpost report`)\n\
deletes it and writes it again, so do not keep your own files here.\n\
Signpost only ever replaces folders that hold this file, empty folders and missing ones.\n";

/// The site's source folders: nothing may be written inside them.
pub const SOURCE_FOLDERS: &[&str] = &["content", "assets", "themes", "templates", "static", "strings", ".git"];

/// What a folder is for, to name it and the setting that chose it in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The built site (`--output`, `public/` by default).
    Site,
    /// The search index (`[search] index_dir`).
    Index,
    /// The reports of `signpost report --output`.
    Report,
    /// The preview's own folder.
    Preview,
}

impl Purpose {
    fn what(self) -> &'static str {
        match self {
            Purpose::Site => "the site",
            Purpose::Index => "the search index",
            Purpose::Report => "the reports",
            Purpose::Preview => "the preview",
        }
    }

    fn setting(self) -> &'static str {
        match self {
            Purpose::Site | Purpose::Report => "--output",
            Purpose::Index => "[search] index_dir in site.toml",
            Purpose::Preview => "site folder",
        }
    }
}

/// Checks that `folder` may be emptied and replaced by a build of the site in `root`. `force`
/// allows a folder Signpost did not make, but never a forbidden one. The error is a plain message.
pub fn check(root: &Path, folder: &Path, purpose: Purpose, force: bool) -> Result<(), String> {
    let site = std::fs::canonicalize(root).map_err(|e| format!("Cannot open the site folder {}: {e}", root.display()))?;
    let full = resolve(folder).map_err(|e| format!("Cannot open the folder {}: {e}", folder.display()))?;
    let outside = matches!(purpose, Purpose::Index | Purpose::Preview) && !full.starts_with(&site);
    let reason = if outside {
        Some("it is outside the site folder".to_string())
    } else {
        forbidden(&site, &full, home().as_deref())
    };
    if let Some(reason) = reason {
        return Err(format!(
            "Signpost will not write {} into {}: {reason}. Choose another {}; --force does not change this.",
            purpose.what(),
            folder.display(),
            purpose.setting()
        ));
    }
    replaceable(folder, purpose, force)
}

/// Why `full` (resolved) may never be replaced by a build of the site at `site` (resolved), if
/// it may not; `home` is the user's home folder, resolved.
pub fn forbidden(site: &Path, full: &Path, home: Option<&Path>) -> Option<String> {
    if full.parent().is_none() {
        return Some("it is the top of the file system".to_string());
    }
    if let Some(home) = home {
        if full == home {
            return Some("it is your home folder".to_string());
        }
        if home.starts_with(full) {
            return Some("it holds your home folder".to_string());
        }
    }
    if full == site {
        return Some("it is the site folder itself".to_string());
    }
    if site.starts_with(full) {
        return Some("it contains the site itself".to_string());
    }
    if full.join(crate::config::CONFIG_FILE).exists() {
        return Some(format!("it holds a {} (it is a site folder)", crate::config::CONFIG_FILE));
    }
    let sites = std::iter::once(site.to_path_buf()).chain(
        full.ancestors()
            .skip(1)
            .filter(|folder| folder.join(crate::config::CONFIG_FILE).is_file())
            .map(Path::to_path_buf),
    );
    for site in sites {
        for source in SOURCE_FOLDERS {
            let lexical = site.join(source);
            let real = resolve(&lexical).unwrap_or_else(|_| lexical.clone());
            if full.starts_with(&lexical) || full.starts_with(&real) {
                return Some(format!("it is inside the site's {source}/ folder"));
            }
        }
    }
    None
}

/// True when `folder` carries Signpost's marker file.
pub fn is_marked(folder: &Path) -> bool {
    std::fs::symlink_metadata(folder.join(MARKER_FILE)).is_ok_and(|m| m.is_file())
}

/// Missing, empty or marked folders may be replaced; others only with `force`; files never.
fn replaceable(folder: &Path, purpose: Purpose, force: bool) -> Result<(), String> {
    let metadata = match std::fs::metadata(folder) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(format!("Cannot open the folder {}: {error}", folder.display())),
    };
    if !metadata.is_dir() {
        return Err(format!(
            "{} is a file, not a folder; choose another {} for {}",
            folder.display(),
            purpose.setting(),
            purpose.what()
        ));
    }
    let mut entries = std::fs::read_dir(folder).map_err(|e| format!("Cannot open the folder {}: {e}", folder.display()))?;
    if force || entries.next().is_none() || is_marked(folder) {
        return Ok(());
    }
    let advice = match purpose {
        Purpose::Site | Purpose::Report => {
            format!(
                "choose another {}, or empty it first (or pass --force to delete everything in it)",
                purpose.setting()
            )
        }
        Purpose::Index => format!(
            "choose another {}, or empty it first (or pass --force to signpost build to delete everything in it)",
            purpose.setting()
        ),
        Purpose::Preview => "move away what you keep in it and delete it, then start the preview again".to_string(),
    };
    Err(format!("{} is not a folder Signpost made; {advice}", folder.display()))
}

/// Where two folders must not be one inside the other (the site and its search index).
pub fn overlap(first: &Path, second: &Path) -> bool {
    match (resolve(first), resolve(second)) {
        (Ok(a), Ok(b)) => a.starts_with(&b) || b.starts_with(&a),
        _ => false,
    }
}

/// The user's home folder, resolved (`$HOME`, or `%USERPROFILE%` on Windows).
pub fn home() -> Option<PathBuf> {
    let variable = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    let home = std::env::var_os(variable).filter(|h| !h.is_empty()).map(PathBuf::from)?;
    resolve(&home).ok()
}

/// The absolute, link-free form of `path`, even when it does not exist yet: its nearest existing
/// ancestor is resolved by the file system and the rest is added without following anything.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let components: Vec<Component> = absolute.components().collect();
    for existing in (1..=components.len()).rev() {
        let prefix: PathBuf = components[..existing].iter().collect();
        if let Ok(mut resolved) = std::fs::canonicalize(&prefix) {
            for component in &components[existing..] {
                match component {
                    Component::ParentDir => {
                        resolved.pop();
                    }
                    Component::Normal(name) => resolved.push(name),
                    Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
                }
            }
            return Ok(resolved);
        }
    }
    Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no part of this path exists"))
}

/// True when `name` is one of the hidden folders a build stages beside `target_name`: the new
/// copy (`.public.signpost-new-PID-N`), the previous one moved aside (`-old-`), or the index
/// staging folders older versions made (`.tmp-search-index-PID-N`, `.old`). Gives the PID.
pub fn staging_pid(target_name: &OsStr, name: &OsStr) -> Option<u32> {
    let (target_name, name) = (target_name.to_str()?, name.to_str()?);
    let rest = name
        .strip_prefix(&format!(".{target_name}.signpost-new-"))
        .or_else(|| name.strip_prefix(&format!(".{target_name}.signpost-old-")))
        .or_else(|| {
            name.strip_prefix(&format!(".tmp-{target_name}-"))
                .map(|rest| rest.strip_suffix(".old").unwrap_or(rest))
        })?;
    let mut parts = rest.split('-');
    let pid = parts.next()?.parse::<u32>().ok()?;
    match (parts.next(), parts.next()) {
        (None, _) => Some(pid),
        (Some(serial), None) if !serial.is_empty() && serial.bytes().all(|b| b.is_ascii_digit()) => Some(pid),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("home/council/site");
        for folder in ["content/advice", "assets", "themes", "public"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        std::fs::write(root.join("site.toml"), "name = \"x\"").unwrap();
        let root = std::fs::canonicalize(root).unwrap();
        (dir, root)
    }

    fn reason(site: &Path, folder: &Path, home: Option<&Path>) -> Option<String> {
        forbidden(site, &resolve(folder).unwrap(), home)
    }

    #[test]
    fn sources_the_site_its_parents_home_and_the_top_are_forbidden() {
        let (_dir, root) = site();
        let home = root.parent().unwrap().parent().unwrap().to_path_buf();
        for (folder, expected) in [
            (root.clone(), "site folder itself"),
            (root.parent().unwrap().to_path_buf(), "contains the site"),
            (root.join("content"), "content/"),
            (root.join("content/advice/new"), "content/"),
            (root.join("assets"), "assets/"),
            (root.join("themes/default"), "themes/"),
            (root.join("templates"), "templates/"),
            (root.join("static/x"), "static/"),
            (root.join("public/../content"), "content/"),
            (home.clone(), "home folder"),
            (PathBuf::from("/"), "top of the file system"),
        ] {
            let found = reason(&root, &folder, Some(&home)).unwrap_or_default();
            assert!(found.contains(expected), "{}: {found:?}", folder.display());
        }
        assert_eq!(reason(&root, &root.join("public"), Some(&home)), None);
        assert_eq!(reason(&root, &root.join("search-index"), Some(&home)), None);
        assert_eq!(reason(&root, &home.join("other/out"), Some(&home)), None);
    }

    #[test]
    fn a_parent_of_home_is_forbidden() {
        let (_dir, root) = site();
        let home = root.join("public/user");
        std::fs::create_dir_all(&home).unwrap();
        let found = reason(&root, &root.join("public"), Some(&home)).unwrap_or_default();
        assert!(found.contains("holds your home"), "{found}");
    }

    #[test]
    fn another_site_and_its_sources_are_forbidden() {
        let (dir, root) = site();
        let other = dir.path().join("other");
        std::fs::create_dir_all(other.join("content")).unwrap();
        std::fs::write(other.join("site.toml"), "").unwrap();
        assert!(reason(&root, &other, None).unwrap_or_default().contains("site.toml"));
        assert!(
            reason(&root, &other.join("content/x"), None)
                .unwrap_or_default()
                .contains("content/")
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_cannot_sneak_around_the_rules() {
        let (dir, root) = site();
        let link = dir.path().join("innocent");
        std::os::unix::fs::symlink(root.join("content"), &link).unwrap();
        assert!(reason(&root, &link, None).unwrap_or_default().contains("content/"));
        assert!(
            reason(&root, &link.join("not-yet/there"), None)
                .unwrap_or_default()
                .contains("content/")
        );
        let to_site = dir.path().join("to-site");
        std::os::unix::fs::symlink(&root, &to_site).unwrap();
        assert!(reason(&root, &to_site.join("content"), None).is_some());
    }

    #[test]
    fn resolve_handles_paths_that_do_not_exist_yet() {
        let (_dir, root) = site();
        assert_eq!(resolve(&root.join("a/b/../c")).unwrap(), root.join("a/c"));
        assert_eq!(resolve(&root.join("public/./x")).unwrap(), root.join("public/x"));
    }

    #[test]
    fn only_missing_empty_and_marked_folders_may_be_replaced() {
        let (_dir, root) = site();
        let public = root.join("public");
        assert!(check(&root, &root.join("missing"), Purpose::Site, false).is_ok());
        assert!(check(&root, &public, Purpose::Site, false).is_ok(), "empty");
        std::fs::write(public.join("notes.txt"), "mine").unwrap();
        let refused = check(&root, &public, Purpose::Site, false).unwrap_err();
        assert!(
            refused.contains("is not a folder Signpost made; choose another --output, or empty it first"),
            "{refused}"
        );
        assert!(check(&root, &public, Purpose::Site, true).is_ok(), "--force");
        std::fs::write(public.join(MARKER_FILE), MARKER_TEXT).unwrap();
        assert!(check(&root, &public, Purpose::Site, false).is_ok(), "marked");
        let content = check(&root, &root.join("content"), Purpose::Site, true).unwrap_err();
        assert!(content.contains("--force does not change this"), "{content}");
        let file = root.join("site.toml");
        assert!(check(&root, &file, Purpose::Index, true).unwrap_err().contains("is a file"));
        let outside = root.parent().unwrap().join("elsewhere");
        assert!(
            check(&root, &outside, Purpose::Index, true)
                .unwrap_err()
                .contains("outside the site folder")
        );
        assert!(check(&root, &outside, Purpose::Site, false).is_ok());
    }

    #[test]
    fn staging_names_are_recognised_with_their_pid() {
        let name = OsStr::new("public");
        assert_eq!(staging_pid(name, OsStr::new(".public.signpost-new-42-3")), Some(42));
        assert_eq!(staging_pid(name, OsStr::new(".public.signpost-old-42")), Some(42));
        assert_eq!(
            staging_pid(OsStr::new("search-index"), OsStr::new(".tmp-search-index-7-0.old")),
            Some(7)
        );
        for other in [
            ".public.signpost-new-",
            ".public.signpost-new-x",
            ".other.signpost-new-1",
            "public",
            ".public.signpost-new-1-2-3",
        ] {
            assert_eq!(staging_pid(name, OsStr::new(other)), None, "{other}");
        }
    }
}
