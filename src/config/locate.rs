//! Finding the site folder: the one holding `site.toml`, given with `--root` or found by looking
//! in the current folder and then each folder above it (so Signpost works from `content/`).

use super::CONFIG_FILE;
use std::path::{Path, PathBuf};

/// The site folder to use. With `given` (from `--root`), that folder, which must hold
/// `site.toml`. Without, the nearest of `start` and the folders above it that holds one, written
/// relative to `start` (`.`, `..`, `../..`) so messages keep short paths. The error is a plain
/// message for the person at the keyboard.
pub fn find_site_root(given: Option<&Path>, start: &Path) -> Result<PathBuf, String> {
    if let Some(root) = given {
        return if root.join(CONFIG_FILE).is_file() {
            Ok(root.to_path_buf())
        } else if root.is_dir() {
            Err(format!(
                "There is no {CONFIG_FILE} in {}. Pass --root with the folder that holds your site's \
                 {CONFIG_FILE}, or start a new site with `signpost init DIR`.",
                root.display()
            ))
        } else if root.exists() {
            Err(format!(
                "{} is a file, not a folder. Pass --root with the folder that holds your site's {CONFIG_FILE}.",
                root.display()
            ))
        } else {
            Err(format!(
                "The site folder {} does not exist. Check the path given to --root, or start a new \
                 site with `signpost init DIR`.",
                root.display()
            ))
        };
    }
    let absolute = std::path::absolute(start).map_err(|e| format!("Cannot tell which folder this is: {e}"))?;
    let mut relative = PathBuf::from(".");
    for (levels_up, folder) in absolute.ancestors().enumerate() {
        if folder.join(CONFIG_FILE).is_file() {
            return Ok(match levels_up {
                0 => start.to_path_buf(),
                _ if start == Path::new(".") => relative,
                _ => start.join(relative),
            });
        }
        relative = if levels_up == 0 { PathBuf::from("..") } else { relative.join("..") };
    }
    Err(format!(
        "There is no {CONFIG_FILE} in {} or any folder above it, so this is not a Signpost site. Run \
         Signpost in your site's folder (or any folder inside it), pass --root with the site folder, \
         or start a new site with `signpost init DIR`.",
        absolute.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "name = \"x\"\n").unwrap();
        std::fs::create_dir_all(dir.path().join("content/advice")).unwrap();
        dir
    }

    #[test]
    fn the_current_folder_is_used_when_it_holds_site_toml() {
        let dir = site();
        assert_eq!(find_site_root(None, dir.path()).unwrap(), dir.path());
    }

    #[test]
    fn folders_above_are_searched_and_the_answer_is_relative() {
        let dir = site();
        let deep = dir.path().join("content/advice");
        let found = find_site_root(None, &deep).unwrap();
        assert_eq!(found, deep.join("../.."));
        assert_eq!(found.canonicalize().unwrap(), dir.path().canonicalize().unwrap());
    }

    #[test]
    fn no_site_anywhere_is_a_plain_error() {
        let dir = tempfile::tempdir().unwrap();
        // The temporary folder's parents (such as /tmp) are assumed not to hold a site.toml.
        if dir.path().ancestors().skip(1).any(|f| f.join(CONFIG_FILE).exists()) {
            return;
        }
        let message = find_site_root(None, dir.path()).unwrap_err();
        assert!(message.contains("no site.toml"), "{message}");
        assert!(message.contains("signpost init"), "{message}");
    }

    #[test]
    fn a_given_root_must_hold_site_toml() {
        let dir = site();
        assert_eq!(find_site_root(Some(dir.path()), Path::new("/")).unwrap(), dir.path());
        let content = dir.path().join("content");
        let message = find_site_root(Some(&content), Path::new("/")).unwrap_err();
        assert!(message.contains("There is no site.toml in"), "{message}");
        let message = find_site_root(Some(&dir.path().join("nope")), Path::new("/")).unwrap_err();
        assert!(message.contains("does not exist"), "{message}");
        let message = find_site_root(Some(&dir.path().join(CONFIG_FILE)), Path::new("/")).unwrap_err();
        assert!(message.contains("is a file, not a folder"), "{message}");
    }
}
