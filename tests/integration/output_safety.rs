//! Folders Signpost may replace, and no others: every test runs on a sacrificial copy of a
//! fixture in a temporary folder, and checks that what must survive is still there, byte for byte.

use crate::common::*;
use std::path::{Path, PathBuf};

/// A copy of the valid fixture in `<temp>/site`, with a `themes/` and an `assets/` folder of its own.
fn site_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_tree(&fixture("valid"), &root);
    for folder in ["assets", "themes/custom"] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
    }
    std::fs::write(root.join("assets/notes.txt"), "keep me").unwrap();
    std::fs::write(root.join("themes/custom/readme.txt"), "keep me").unwrap();
    (dir, root)
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .map(|file| {
            let bytes = std::fs::read(dir.join(&file)).unwrap();
            (file, bytes)
        })
        .collect()
}

/// Hidden names in `dir` (staging folders, journals).
fn hidden(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `signpost build --root ROOT` with extra arguments; returns its output.
fn build(root: &Path, args: &[&std::ffi::OsStr]) -> std::process::Output {
    signpost().args(["build", "--root"]).arg(root).args(args).output().unwrap()
}

#[test]
fn an_output_folder_signpost_did_not_make_is_refused_and_kept() {
    let (dir, root) = site_copy();
    let mine = dir.path().join("mine");
    std::fs::create_dir_all(mine.join("photos")).unwrap();
    std::fs::write(mine.join("notes.txt"), "my notes").unwrap();
    std::fs::write(mine.join("photos/cat.jpg"), "meow").unwrap();
    let before = snapshot(dir.path());
    let output = build(&root, &["--output".as_ref(), mine.as_os_str()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("is not a folder Signpost made; choose another --output, or empty it first"),
        "{message}"
    );
    assert!(message.contains(&mine.display().to_string()), "names the folder: {message}");
    assert_eq!(snapshot(dir.path()), before, "nothing was deleted or written");

    let output = build(&root, &["--output".as_ref(), mine.as_os_str(), "--force".as_ref()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!mine.join("notes.txt").exists(), "--force replaces the folder");
    assert!(mine.join("index.html").is_file() && mine.join(".signpost-output").is_file());
}

#[test]
fn sources_the_site_its_parent_and_home_are_refused_even_with_force() {
    let (dir, root) = site_copy();
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".ssh")).unwrap();
    std::fs::write(home.join(".ssh/id_ed25519"), "secret").unwrap();
    let link = dir.path().join("innocent-name");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("content"), &link).unwrap();
    let before = snapshot(dir.path());
    let mut targets = vec![
        root.join("content"),
        root.join("content/advice"),
        root.join("assets"),
        root.join("themes"),
        root.clone(),
        dir.path().to_path_buf(),
        home.clone(),
    ];
    if cfg!(unix) {
        targets.push(link);
    }
    for target in &targets {
        for force in [false, true] {
            let mut command = signpost();
            command
                .env("HOME", &home)
                .env("USERPROFILE", &home)
                .args(["build", "--root"])
                .arg(&root)
                .arg("--output")
                .arg(target);
            if force {
                command.arg("--force");
            }
            let output = command.output().unwrap();
            let message = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{} (force {force}): {message}", target.display());
            assert!(message.contains("Signpost will not write the site into"), "{message}");
            assert_eq!(snapshot(dir.path()), before, "{} (force {force}): files changed", target.display());
        }
    }
}

#[test]
fn empty_and_marked_folders_are_replaced() {
    let (dir, root) = site_copy();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let output = build(&root, &["--output".as_ref(), out.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "empty folder: {}", stderr(&output));
    assert!(out.join(".signpost-output").is_file(), "the new folder is marked");
    std::fs::write(out.join("stray.html"), "left from before").unwrap();
    let output = build(&root, &["--output".as_ref(), out.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "marked folder: {}", stderr(&output));
    assert!(!out.join("stray.html").exists(), "a marked folder is replaced whole");
    assert!(root.join("search-index/.signpost-output").is_file(), "the index folder is marked");
    assert_eq!(hidden(dir.path()), Vec::<String>::new());
    assert_eq!(
        hidden(&root)
            .into_iter()
            .filter(|n| n.contains("signpost-") || n.starts_with(".tmp"))
            .collect::<Vec<_>>(),
        Vec::<String>::new()
    );
}

#[test]
fn an_unmarked_index_folder_is_refused_and_kept() {
    let (_dir, root) = site_copy();
    std::fs::create_dir_all(root.join("search-index")).unwrap();
    std::fs::write(root.join("search-index/mine.txt"), "mine").unwrap();
    let output = build(&root, &[]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.contains("search-index is not a folder Signpost made"), "{message}");
    assert!(root.join("search-index/mine.txt").is_file());
    assert!(!root.join("public").exists(), "nothing was published");
}

#[test]
fn index_dir_outside_the_site_or_on_a_source_folder_is_a_config_error() {
    let (dir, root) = site_copy();
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("precious.txt"), "keep").unwrap();
    let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let line = config.lines().count() + 3;
    for value in ["", "content", "assets", "public", ".", "../other", &other.display().to_string()] {
        let text = format!("{config}\n[search]\nindex_dir = {}\n", toml_string(value));
        std::fs::write(root.join("site.toml"), &text).unwrap();
        let before = snapshot(dir.path());
        let output = build(&root, &[]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{value:?}: {message}");
        assert!(message.contains(&format!("site.toml:{line}:1")), "{value:?}: {message}");
        assert!(message.contains("[search] index_dir"), "{value:?}: {message}");
        assert!(message.contains("[config-value]"), "{value:?}: {message}");
        assert_eq!(snapshot(dir.path()), before, "{value:?}: files changed");
    }
}

fn toml_string(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\"))
}

/// The word only the second version of the site has.
const NEW_WORD: &str = "zebracrossing";

/// Whether `signpost search` finds the new word in the site's index (`None`: no index).
fn index_has_new_word(root: &Path) -> Option<bool> {
    let output = signpost().args(["search", NEW_WORD, "--root"]).arg(root).output().unwrap();
    if output.status.code() != Some(0) {
        return None;
    }
    Some(!String::from_utf8_lossy(&output.stdout).contains("No results."))
}

/// The steps the hook can stop at in one swap mode (the `*-moved-aside` steps exist only in the
/// two-rename swap).
fn steps(exchange: bool) -> Vec<&'static str> {
    signpost::output::publish::STEPS
        .iter()
        .copied()
        .filter(|step| !(exchange && step.ends_with("moved-aside")))
        .collect()
}

#[test]
fn a_kill_at_any_swap_step_leaves_the_previous_or_the_new_site_and_index_whole() {
    let (dir, root) = site_copy();
    let public = root.join("public");
    let output = build(&root, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let old_site = snapshot(&public);
    assert_eq!(index_has_new_word(&root), Some(false));
    replace_in(
        &root,
        "content/index.md",
        "Welcome.",
        &format!("Welcome. Ask about the {NEW_WORD} club."),
    );
    let reference = dir.path().join("reference");
    let output = build(&root, &["--output".as_ref(), reference.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let new_site = snapshot(&reference);
    assert_ne!(old_site, new_site);
    let broken = root.join("content/zz-broken.md");

    // The reference build also replaced the site's search index, so the first case starts with a build.
    let mut published_is_old = false;
    for exchange in [true, false] {
        for step in steps(exchange) {
            let case = format!("{step} (exchange: {exchange})");
            // Start each case from the old site and old index (a rolled-back case leaves them so).
            if !published_is_old {
                replace_in(&root, "content/index.md", &format!(" Ask about the {NEW_WORD} club."), "");
                let output = build(&root, &[]);
                assert_eq!(output.status.code(), Some(0), "{case}: {}", stderr(&output));
                replace_in(
                    &root,
                    "content/index.md",
                    "Welcome.",
                    &format!("Welcome. Ask about the {NEW_WORD} club."),
                );
            }
            assert_eq!(snapshot(&public), old_site, "{case}: setup");

            let mut command = signpost();
            command.env("SIGNPOST_TEST_ABORT_AT", step).args(["build", "--root"]).arg(&root);
            if !exchange {
                command.env("SIGNPOST_TEST_NO_EXCHANGE", "1");
            }
            let output = command.output().unwrap();
            assert_eq!(output.status.code(), None, "{case}: the build was killed: {}", stderr(&output));
            if exchange {
                assert!(public.join("index.html").is_file(), "{case}: the site folder is never missing");
            }

            // The next build tidies up even though its content has an error and it publishes nothing.
            std::fs::write(&broken, "---\ntitle: [unclosed\n---\nBroken.\n").unwrap();
            let output = build(&root, &[]);
            let message = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{case}: {message}");
            let forward = matches!(step, "site-swapped" | "journal-removed");
            let expected = if forward { &new_site } else { &old_site };
            assert!(
                snapshot(&public) == *expected,
                "{case}: the site is not the {} one whole",
                if forward { "new" } else { "old" }
            );
            assert_eq!(
                index_has_new_word(&root),
                Some(forward),
                "{case}: the index does not match the site"
            );
            let said = match step {
                "journal-removed" => "Removed 1 hidden folder that interrupted builds left",
                "site-swapped" => "after every folder was in place; finished it",
                _ => "put the previous",
            };
            assert!(message.contains(said), "{case}: {message}");
            assert_eq!(hidden(&root), Vec::<String>::new(), "{case}: hidden folders left");
            std::fs::remove_file(&broken).unwrap();
            published_is_old = !forward;
        }
    }
    let output = build(&root, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(snapshot(&public), new_site);
}

#[test]
fn staging_folders_of_interrupted_builds_are_removed_by_the_next_build() {
    let (_dir, root) = site_copy();
    // What builds of older versions left when they were killed.
    for name in [
        ".public.signpost-new-4200000000",
        ".public.signpost-old-4200000000",
        ".tmp-search-index-4200000000-0",
    ] {
        std::fs::create_dir_all(root.join(name).join("advice")).unwrap();
        std::fs::write(root.join(name).join("advice/index.html"), "half").unwrap();
    }
    let output = build(&root, &[]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{message}");
    assert!(
        message.contains("Removed 2 hidden folders that interrupted builds left"),
        "{message}"
    );
    assert!(
        message.contains("Removed 1 hidden folder that interrupted builds left"),
        "{message}"
    );
    assert_eq!(hidden(&root), Vec::<String>::new());
}

/// Runs `f` with `folder` made immutable (so that even root cannot change it); `false` when the
/// system cannot do that here.
#[cfg(target_os = "linux")]
fn with_immutable(folder: &Path, f: impl FnOnce()) -> bool {
    let set = |flag: &str| {
        std::process::Command::new("chattr")
            .arg(flag)
            .arg(folder)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !set("+i") {
        return false;
    }
    struct Undo<'a>(&'a dyn Fn(&str) -> bool);
    impl Drop for Undo<'_> {
        fn drop(&mut self) {
            (self.0)("-i");
        }
    }
    let _undo = Undo(&set);
    f();
    true
}

#[cfg(target_os = "linux")]
#[test]
fn a_previous_site_that_cannot_be_removed_stops_the_build_before_anything_is_replaced() {
    let (dir, root) = site_copy();
    let public = root.join("public");
    assert_eq!(build(&root, &[]).status.code(), Some(0));
    let before = snapshot(&public);
    replace_in(&root, "content/index.md", "Welcome.", "Welcome again.");
    let ran = with_immutable(&public.join("advice"), || {
        let output = build(&root, &[]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{message}");
        assert!(message.contains("the previous copy cannot be removed"), "{message}");
        assert!(message.contains("Nothing was replaced"), "{message}");
        assert_eq!(snapshot(&public), before, "the previous site stands");
        assert_eq!(hidden(&root), Vec::<String>::new(), "no staging folder or journal is left");
    });
    if !ran {
        eprintln!("skipped: chattr +i is not available in {}", dir.path().display());
    }
}

/// A small file system mounted for the test and unmounted after it.
#[cfg(target_os = "linux")]
struct SmallDisk(PathBuf);

#[cfg(target_os = "linux")]
impl SmallDisk {
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).ok()?;
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then(|| SmallDisk(at.to_path_buf()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).output();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_while_writing_pages_is_a_system_problem() {
    let (dir, root) = site_copy();
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk"), "24k") else {
        eprintln!("skipped: cannot mount a small file system here");
        return;
    };
    let out = disk.0.join("public");
    let output = build(&root, &["--output".as_ref(), out.as_os_str()]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.contains("Cannot write the site"), "{message}");
    assert!(message.contains("No space left"), "{message}");
    assert!(!message.contains("[write-error]"), "not a content error: {message}");
    assert!(!out.exists(), "nothing was published");
    assert_eq!(hidden(&disk.0), Vec::<String>::new(), "the staging folder is removed");
}

#[test]
fn report_output_follows_the_same_rules() {
    let (dir, root) = site_copy();
    let report = |target: &Path, force: bool| {
        let mut command = signpost();
        command.args(["report", "--root"]).arg(&root).arg("--output").arg(target);
        if force {
            command.arg("--force");
        }
        command.output().unwrap()
    };
    let before = snapshot(dir.path());
    let output = report(&root.join("content"), true);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("inside the site's content/ folder"));
    assert_eq!(snapshot(dir.path()), before);

    let mine = dir.path().join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("content-audit.csv"), "my own audit").unwrap();
    let output = report(&mine, false);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("is not a folder Signpost made"));
    assert_eq!(std::fs::read_to_string(mine.join("content-audit.csv")).unwrap(), "my own audit");
    let output = report(&mine, true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        !mine.join(".signpost-output").exists(),
        "a forced folder is not marked as Signpost's"
    );

    let fresh = dir.path().join("fresh");
    assert_eq!(report(&fresh, false).status.code(), Some(0));
    assert!(fresh.join(".signpost-output").is_file());
    assert_eq!(report(&fresh, false).status.code(), Some(0), "a marked folder is written again");
}

#[test]
fn the_preview_will_not_empty_a_folder_signpost_did_not_make() {
    let (_dir, root) = site_copy();
    let preview = root.join(signpost::serve::PREVIEW_FOLDER);
    std::fs::create_dir_all(&preview).unwrap();
    std::fs::write(preview.join("mine.txt"), "mine").unwrap();
    let mut preview_site = signpost::serve::rebuild::Preview::new(&root, false, &preview);
    let report = preview_site.rebuild(true);
    let error = report.internal_error.unwrap_or_default();
    assert!(error.contains("is not a folder Signpost made"), "{error}");
    assert!(preview.join("mine.txt").is_file());
}

/// `strace` runs here and may trace the binary.
#[cfg(target_os = "linux")]
fn strace_works() -> bool {
    std::process::Command::new("strace")
        .args(["-o", "/dev/null", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(target_os = "linux")]
#[test]
fn a_swap_that_fails_puts_the_folders_already_swapped_back() {
    if !strace_works() {
        eprintln!("skipped: strace cannot trace here");
        return;
    }
    let (_dir, root) = site_copy();
    let public = root.join("public");
    assert_eq!(build(&root, &[]).status.code(), Some(0));
    let old_site = snapshot(&public);
    replace_in(
        &root,
        "content/index.md",
        "Welcome.",
        &format!("Welcome. Ask about the {NEW_WORD} club."),
    );
    // The index swap (the first exchange) succeeds; the site's (the second) fails with EIO.
    let output = std::process::Command::new("strace")
        .args([
            "-f",
            "-o",
            "/dev/null",
            "-e",
            "trace=renameat2",
            "-e",
            "inject=renameat2:error=EIO:when=2",
        ])
        .arg(assert_cmd::cargo::cargo_bin("signpost"))
        .args(["build", "--root"])
        .arg(&root)
        .env("SIGNPOST_TODAY", TODAY)
        .env("CI", "true")
        .output()
        .unwrap();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.contains("The previous folders were kept"), "{message}");
    assert!(snapshot(&public) == old_site, "the previous site stands");
    assert_eq!(index_has_new_word(&root), Some(false), "the index was put back too");
    assert_eq!(hidden(&root), Vec::<String>::new());
}
