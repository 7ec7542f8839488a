//! The command line: finding site.toml from inside the site, a missing site.toml as a usage
//! problem (exit 2), `-q/--quiet`, the short flags, and shell completions.

use crate::common::*;
use std::path::PathBuf;

/// A new site from `signpost init` in a temporary folder.
fn new_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    signpost().args(["init", "--quiet"]).arg(&site).assert().success();
    (dir, site)
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

#[test]
fn site_toml_is_found_from_a_folder_inside_the_site() {
    let (_dir, site) = new_site();
    let output = signpost().arg("build").current_dir(site.join("content/advice")).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    // The site is built into the site folder's public/, not into content/advice/.
    assert!(site.join("public/index.html").is_file());
    assert!(!site.join("content/advice/public").exists());
}

#[test]
fn a_missing_site_toml_is_a_usage_problem() {
    let dir = tempfile::tempdir().unwrap();
    if dir.path().ancestors().any(|f| f.join("site.toml").exists()) {
        return; // a site.toml above the temporary folder would be found, rightly
    }
    for command in [&["build"][..], &["check"], &["report"], &["search", "respite"]] {
        let output = signpost().args(command).current_dir(dir.path()).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{command:?}: {}", stderr_of(&output));
        let stderr = stderr_of(&output);
        assert!(stderr.contains("There is no site.toml in"), "{stderr}");
        assert!(stderr.contains("signpost init DIR"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_root_without_site_toml_is_a_usage_problem() {
    let (_dir, site) = new_site();
    let output = signpost().args(["check", "--root"]).arg(site.join("content")).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("There is no site.toml in"), "{}", stderr_of(&output));
    let output = signpost().args(["build", "-r"]).arg(site.join("nowhere")).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("does not exist"), "{}", stderr_of(&output));
}

#[test]
fn quiet_prints_only_problems() {
    let (_dir, site) = new_site();
    let output = signpost().args(["build", "-q", "--root"]).arg(&site).output().unwrap();
    assert!(output.status.success());
    assert_eq!(stderr_of(&output), "", "a clean quiet build prints nothing");
    let output = signpost().args(["--quiet", "check", "--root"]).arg(&site).output().unwrap();
    assert!(output.status.success());
    assert_eq!(stderr_of(&output), "");
    // Problems are still printed, and still fail the build.
    std::fs::write(site.join("content/broken.md"), "---\ntitle: Broken\n---\n\n[Nowhere](/nowhere/)\n").unwrap();
    let output = signpost().args(["check", "-q", "--root"]).arg(&site).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("content/broken.md"), "{stderr}");
    assert!(!stderr.contains("Failed:"), "no summary line when quiet: {stderr}");
}

#[test]
fn short_flags_for_root_and_output() {
    let (dir, site) = new_site();
    let out = dir.path().join("elsewhere");
    let output = signpost()
        .args(["build", "-q", "-r"])
        .arg(&site)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(out.join("index.html").is_file());
    let reports = dir.path().join("reports");
    let output = signpost()
        .args(["report", "-q", "-r"])
        .arg(&site)
        .arg("-o")
        .arg(&reports)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(files_under(&reports).iter().any(|f| f.ends_with(".csv")));
    signpost().args(["serve", "-p", "8123", "--help"]).assert().success();
}

#[test]
fn completions_for_each_shell() {
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef signpost"),
        ("fish", "complete -c signpost"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = signpost().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(script.contains(mark), "{shell}: {script}");
        for command in ["build", "check", "serve", "init", "completions"] {
            assert!(script.contains(command), "{shell} completions do not know `{command}`");
        }
    }
    signpost().args(["completions", "tcsh"]).assert().code(2);
}
