//! Keeping every read inside the site folder.
//!
//! Each file Signpost reads from a site (content, assets, the theme, `site.toml`, word lists…) is
//! resolved first, following every symbolic link, and is read only when the real file lies inside
//! the site folder. A link that leads outside is an `outside-site` error naming the link and where
//! it points; it is never followed, read or walked into. Links that stay inside the site work.

use crate::diagnostic::{Diagnostic, display_path};
use crate::rules::Rule;
use std::io;
use std::path::{Path, PathBuf};

/// A symbolic link that leads out of the site folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideSite {
    /// The link, as reached from the site folder.
    pub link: PathBuf,
    /// Where the link points, as written in it.
    pub target: PathBuf,
}

/// Why a site file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The path leads out of the site through a link.
    Outside(OutsideSite),
    /// The file system refused (missing file, no permission…).
    Io(io::Error),
}

impl ReadError {
    /// True when there is no such file (a dangling link counts as none).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(error) if error.kind() == io::ErrorKind::NotFound)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Outside(outside) => write!(
                f,
                "{} is a link to {}, outside the site folder",
                outside.link.display(),
                outside.target.display()
            ),
            ReadError::Io(error) => error.fmt(f),
        }
    }
}

/// One file found by [`SiteFolder::walk`].
#[derive(Debug, Clone)]
pub struct WalkedFile {
    /// The path as reached from the walked folder (links not resolved), for names and messages.
    pub path: PathBuf,
    /// The real path, inside the site: read this one.
    pub real: PathBuf,
}

/// The site folder, resolved once, that every read must stay inside.
#[derive(Debug, Clone)]
pub struct SiteFolder {
    shown: PathBuf,
    real: PathBuf,
}

impl SiteFolder {
    /// Resolves the site folder `root` (which must exist).
    pub fn new(root: &Path) -> io::Result<SiteFolder> {
        Ok(SiteFolder {
            shown: root.to_path_buf(),
            real: std::fs::canonicalize(root)?,
        })
    }

    /// The real path of `path` (a path under the site folder as given) when it lies inside the site.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, ReadError> {
        let real = std::fs::canonicalize(path).map_err(ReadError::Io)?;
        if real.starts_with(&self.real) {
            Ok(real)
        } else {
            Err(ReadError::Outside(self.leaving_link(path, real)))
        }
    }

    /// Reads a file of the site, refusing one that is reached through a link out of the site.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let real = self.resolve(path)?;
        std::fs::read(real).map_err(ReadError::Io)
    }

    /// Like [`SiteFolder::read`], for a text file.
    pub fn read_to_string(&self, path: &Path) -> Result<String, ReadError> {
        let real = self.resolve(path)?;
        std::fs::read_to_string(real).map_err(ReadError::Io)
    }

    /// The diagnostic for a link out of the site, at the link.
    pub fn outside_diagnostic(&self, outside: &OutsideSite) -> Diagnostic {
        let is_link = std::fs::symlink_metadata(&outside.link).is_ok_and(|m| m.file_type().is_symlink());
        let (what, fix) = if is_link {
            (
                "This is a link to",
                "Copy the file or folder into the site folder instead of linking to it, or remove the link.",
            )
        } else {
            ("This leads to", "Use a file or folder inside the site folder.")
        };
        Diagnostic::error(
            display_path(&self.shown, &outside.link),
            0,
            0,
            Rule::OUTSIDE_SITE,
            format!(
                "{what} {}, which is outside the site folder, so Signpost will not read it",
                outside.target.display()
            ),
        )
        .with_suggestion(fix)
    }

    /// Every regular file under `folder` (a folder under the site folder), in name order, with
    /// the problems met: links out of the site (never followed), folder links that go round in a
    /// loop, links to nothing, folders that cannot be read. `skip` is asked about each entry's path
    /// relative to `folder` before anything else is done with it; skipped folders are not entered.
    pub fn walk(&self, folder: &Path, skip: &dyn Fn(&Path) -> bool) -> (Vec<WalkedFile>, Vec<Diagnostic>) {
        let mut walk = Walk {
            site: self,
            top: folder,
            skip,
            files: Vec::new(),
            problems: Vec::new(),
            open: Vec::new(),
        };
        match self.resolve(folder) {
            Ok(real) => walk.folder(folder, real),
            Err(error) => walk.refuse(folder, error),
        }
        (walk.files, walk.problems)
    }

    /// Finds the link in `path` through which it leaves the site, for the message.
    fn leaving_link(&self, path: &Path, real: PathBuf) -> OutsideSite {
        if let Ok(relative) = path.strip_prefix(&self.shown) {
            let mut prefix = self.shown.clone();
            for component in relative.components() {
                prefix.push(component);
                let is_link = std::fs::symlink_metadata(&prefix).is_ok_and(|m| m.file_type().is_symlink());
                let leaves = !std::fs::canonicalize(&prefix).is_ok_and(|p| p.starts_with(&self.real));
                if is_link && leaves {
                    let target = std::fs::read_link(&prefix).unwrap_or(real);
                    return OutsideSite { link: prefix, target };
                }
            }
        }
        OutsideSite {
            link: path.to_path_buf(),
            target: real,
        }
    }
}

/// The state of one [`SiteFolder::walk`].
struct Walk<'a> {
    site: &'a SiteFolder,
    top: &'a Path,
    skip: &'a dyn Fn(&Path) -> bool,
    files: Vec<WalkedFile>,
    problems: Vec<Diagnostic>,
    /// The real paths of the folders being walked, outermost first (to notice loops).
    open: Vec<PathBuf>,
}

impl Walk<'_> {
    fn folder(&mut self, shown: &Path, real: PathBuf) {
        let entries = match std::fs::read_dir(&real) {
            Ok(entries) => entries,
            Err(error) => return self.refuse(shown, ReadError::Io(error)),
        };
        let mut entries: Vec<std::fs::DirEntry> = match entries.collect::<io::Result<_>>() {
            Ok(entries) => entries,
            Err(error) => return self.refuse(shown, ReadError::Io(error)),
        };
        entries.sort_by_key(std::fs::DirEntry::file_name);
        self.open.push(real.clone());
        for entry in entries {
            let path = shown.join(entry.file_name());
            if (self.skip)(path.strip_prefix(self.top).unwrap_or(&path)) {
                continue;
            }
            let kind = match entry.file_type() {
                Ok(kind) => kind,
                Err(error) => {
                    self.refuse(&path, ReadError::Io(error));
                    continue;
                }
            };
            if kind.is_symlink() {
                self.link(path);
            } else if kind.is_dir() {
                self.folder(&path, real.join(entry.file_name()));
            } else if kind.is_file() {
                let real = real.join(entry.file_name());
                self.files.push(WalkedFile { path, real });
            }
        }
        self.open.pop();
    }

    fn link(&mut self, path: PathBuf) {
        let real = match self.site.resolve(&path) {
            Ok(real) => real,
            Err(error) => return self.refuse(&path, error),
        };
        match std::fs::metadata(&real) {
            Ok(meta) if meta.is_dir() => {
                if self.open.iter().any(|folder| folder.starts_with(&real)) {
                    self.problems.push(
                        Diagnostic::error(
                            display_path(&self.site.shown, &path),
                            0,
                            0,
                            Rule::SYMLINK_LOOP,
                            "This folder link points back to a folder that contains it, so it would go round for ever",
                        )
                        .with_suggestion("Remove the symbolic link, or point it somewhere outside its own folder."),
                    );
                } else {
                    self.folder(&path, real);
                }
            }
            Ok(meta) if meta.is_file() => self.files.push(WalkedFile { path, real }),
            Ok(_) => {}
            Err(error) => self.refuse(&path, ReadError::Io(error)),
        }
    }

    fn refuse(&mut self, path: &Path, error: ReadError) {
        let file = display_path(&self.site.shown, path);
        let diagnostic = match error {
            ReadError::Outside(outside) => self.site.outside_diagnostic(&outside),
            ReadError::Io(error) if error.kind() == io::ErrorKind::NotFound => {
                let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
                Diagnostic::error(
                    file,
                    0,
                    0,
                    Rule::READ_ERROR,
                    format!("This is a link to {target}, which does not exist"),
                )
                .with_suggestion("Point the link at a file inside the site folder, or remove it.")
            }
            ReadError::Io(error) => Diagnostic::error(file, 0, 0, Rule::READ_ERROR, format!("Cannot read this: {error}"))
                .with_suggestion("Check that the file or folder exists and that you may read it."),
        };
        self.problems.push(diagnostic);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn names(files: &[WalkedFile], root: &Path) -> Vec<String> {
        files.iter().map(|f| display_path(root, &f.path)).collect()
    }

    #[test]
    fn links_out_of_the_site_are_refused_and_links_inside_work() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("content/inner")).unwrap();
        std::fs::write(root.join("content/a.md"), "a").unwrap();
        std::fs::write(root.join("content/inner/b.md"), "b").unwrap();
        symlink(outside.path().join("secret.txt"), root.join("content/leak.md")).unwrap();
        symlink(outside.path(), root.join("content/away")).unwrap();
        symlink("inner/b.md", root.join("content/same.md")).unwrap();
        symlink("inner", root.join("content/linked")).unwrap();
        symlink("..", root.join("content/inner/up")).unwrap();

        let folder = SiteFolder::new(root).unwrap();
        let (files, problems) = folder.walk(&root.join("content"), &|_| false);
        assert_eq!(
            names(&files, root),
            ["content/a.md", "content/inner/b.md", "content/linked/b.md", "content/same.md"]
        );
        let found: Vec<(&str, Rule)> = problems.iter().map(|d| (d.file.as_str(), d.rule)).collect();
        assert_eq!(
            found,
            [
                ("content/away", Rule::OUTSIDE_SITE),
                ("content/inner/up", Rule::SYMLINK_LOOP),
                ("content/leak.md", Rule::OUTSIDE_SITE),
                ("content/linked/up", Rule::SYMLINK_LOOP),
            ]
        );
        assert!(problems[2].message.contains("secret.txt"), "{}", problems[2].message);

        assert!(matches!(folder.read(&root.join("content/leak.md")), Err(ReadError::Outside(_))));
        match folder.read(&root.join("content/away/secret.txt")) {
            Err(ReadError::Outside(outside)) => assert_eq!(outside.link, root.join("content/away")),
            other => panic!("{other:?}"),
        }
        assert_eq!(folder.read_to_string(&root.join("content/same.md")).unwrap(), "b");
        assert!(folder.read(&root.join("content/none.md")).unwrap_err().is_not_found());
    }

    #[test]
    fn a_walked_folder_that_is_itself_a_link_out_is_not_entered() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("x.css"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        symlink(outside.path(), site.path().join("assets")).unwrap();
        let folder = SiteFolder::new(site.path()).unwrap();
        let (files, problems) = folder.walk(&site.path().join("assets"), &|_| false);
        assert!(files.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].file.as_str(), problems[0].rule), ("assets", Rule::OUTSIDE_SITE));
    }

    #[test]
    fn skipped_entries_are_not_looked_at() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("assets/.cache")).unwrap();
        symlink("/", site.path().join("assets/.cache/root")).unwrap();
        symlink("nowhere", site.path().join("assets/.#lock")).unwrap();
        let folder = SiteFolder::new(site.path()).unwrap();
        let hidden = |p: &Path| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let (files, problems) = folder.walk(&site.path().join("assets"), &hidden);
        assert!(files.is_empty() && problems.is_empty(), "{problems:?}");
    }
}
