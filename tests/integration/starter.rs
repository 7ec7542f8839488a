//! `signpost init` writes a starter that works first time: it builds with no errors and no
//! warnings, keeps generated folders out of git, links to search, finds "respite" through its
//! synonyms, has a working easy-read page, and carries CI files for GitHub, GitLab and Netlify
//! whose `signpost` commands are real. The example repository holds the same CI files.

use crate::common::*;
use std::path::{Path, PathBuf};

/// A new site from `signpost init` in a temporary folder; returns the folder and the site.
fn new_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("our-local-offer");
    signpost().arg("init").arg(&site).assert().success();
    (dir, site)
}

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_starter_builds_with_no_errors_and_no_warnings() {
    let (_dir, site) = new_site();
    let assert = signpost()
        .args(["build", "--deny-warnings", "--root"])
        .arg(&site)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("(0 errors, 0 warnings)"), "{stderr}");
    let public = site.join("public");
    // The easy-read page and its pictures, the security headers Netlify reads, and search.
    let easy = read(&public, "advice/getting-help/easy-read/index.html");
    assert!(easy.contains("school"), "{easy}");
    assert!(public.join("_headers").is_file());
    assert!(public.join("search/index.html").is_file());
    let home = read(&public, "index.html");
    assert!(home.contains("href=\"/search/\""), "no search link in the navigation");
    assert!(files_under(&public).iter().any(|f| f.starts_with("assets/easy-read/school")));
}

#[test]
fn the_starter_keeps_what_signpost_makes_out_of_git() {
    let (_dir, site) = new_site();
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    let lines: Vec<&str> = ignore.lines().map(str::trim).collect();
    for folder in ["public/", "search-index/", ".signpost-preview/", "report/", ".signpost-cache/"] {
        assert!(lines.contains(&folder), "{folder} is not in .gitignore:\n{ignore}");
    }
}

#[test]
fn the_starter_synonyms_find_short_breaks_for_respite() {
    let (_dir, site) = new_site();
    signpost().args(["build", "--root"]).arg(&site).assert().success();
    let assert = signpost().args(["search", "respite", "--root"]).arg(&site).assert().success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(stdout.contains("Saturday play scheme"), "{stdout}");
}

#[test]
fn the_starter_ci_files_name_this_release() {
    let (_dir, site) = new_site();
    for file in [".github/workflows/publish.yml", ".gitlab-ci.yml", "netlify.toml"] {
        let text = std::fs::read_to_string(site.join(file)).unwrap();
        assert!(!text.contains("{{signpost_"), "{file} has a placeholder left");
        assert!(
            text.contains(&format!("\"{}\"", env!("CARGO_PKG_VERSION"))),
            "{file} does not name this version"
        );
        let repository = env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/");
        assert!(text.contains(repository), "{file} does not name {repository}");
    }
    // GitHub Actions' own expressions are left alone.
    let workflow = std::fs::read_to_string(site.join(".github/workflows/publish.yml")).unwrap();
    assert!(workflow.contains("${{ steps.deployment.outputs.page_url }}"));
}

/// The commands a CI file runs: every string in it (YAML values, or TOML values), with shell
/// line continuations joined.
fn scripts_in(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let value: serde_json::Value = if file.extension().is_some_and(|e| e == "toml") {
        let table: toml::Table = toml::from_str(&text).unwrap();
        serde_json::to_value(table).unwrap()
    } else {
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid YAML: {e}", file.display()))
    };
    let mut out = Vec::new();
    collect_strings(&value, &mut out);
    out.into_iter().map(|s| s.replace("\\\n", " ")).collect()
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// The arguments of every `signpost …` command in a script: a word `signpost` (or a path ending
/// in `/signpost`) where a shell command starts, up to the end of that command.
fn signpost_commands(script: &str) -> Vec<Vec<String>> {
    const STARTS: &[&str] = &["&&", "||", ";", "|", "then", "else", "do", "("];
    // A GitHub Actions expression (`${{ steps.pages.outputs.base_url }}`) stands for a value the
    // runner fills in; a sample address takes its place.
    let script = regex::Regex::new(r"\$\{\{[^}]*\}\}")
        .unwrap()
        .replace_all(script, "https://example.github.io/site");
    let mut commands = Vec::new();
    for line in script.lines() {
        let words: Vec<String> = line
            .split_whitespace()
            .map(|w| w.trim_matches(|c| c == '"' || c == '\'').to_string())
            .collect();
        for (i, word) in words.iter().enumerate() {
            let at_start = i == 0 || STARTS.contains(&words[i - 1].as_str());
            if at_start && (word == "signpost" || word.ends_with("/signpost")) {
                let args = words[i + 1..]
                    .iter()
                    .take_while(|w| !STARTS.contains(&w.as_str()) && !w.starts_with('#'))
                    .cloned()
                    .collect();
                commands.push(args);
            }
        }
    }
    commands
}

#[test]
fn the_command_finder_finds_commands_and_only_commands() {
    let script = "cargo install --locked signpost\nsignpost build --format github\nsignpost build -u \"${{ steps.pages.outputs.base_url }}/\"\nif [ -x bin/signpost ]; then\n  cd .. && .signpost-cache/bin/signpost check --root . && echo done\nfi";
    assert_eq!(
        signpost_commands(script),
        vec![
            vec!["build", "--format", "github"],
            vec!["build", "-u", "https://example.github.io/site/"],
            vec!["check", "--root", "."]
        ]
    );
}

/// Every CI file the starter writes and the example repository holds.
fn ci_files(site: &Path) -> Vec<PathBuf> {
    let mut files = vec![
        site.join(".github/workflows/publish.yml"),
        site.join(".gitlab-ci.yml"),
        site.join("netlify.toml"),
        repository().join(".gitlab-ci.yml"),
        repository().join("netlify.toml"),
    ];
    for entry in std::fs::read_dir(repository().join(".github/workflows")).unwrap() {
        files.push(entry.unwrap().path());
    }
    files
}

#[test]
fn every_signpost_command_in_the_ci_files_is_a_real_command_with_real_flags() {
    let (_dir, site) = new_site();
    let mut checked = Vec::new();
    for file in ci_files(&site) {
        for script in scripts_in(&file) {
            for args in signpost_commands(&script) {
                // Clap reads the arguments in order, so an unknown command, flag or value fails
                // (exit 2) before it reaches --help.
                let output = signpost().args(&args).arg("--help").current_dir(&site).output().unwrap();
                assert!(
                    output.status.success(),
                    "{}: `signpost {}` is not a real command: {}",
                    file.display(),
                    args.join(" "),
                    String::from_utf8_lossy(&output.stderr)
                );
                checked.push((file.clone(), args.first().cloned().unwrap_or_default()));
            }
        }
    }
    // Each host builds the site; GitHub and GitLab also check pull and merge requests.
    for file in ci_files(&site) {
        let commands: Vec<&str> = checked.iter().filter(|(f, _)| f == &file).map(|(_, c)| c.as_str()).collect();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if name == "release.yml" {
            continue;
        }
        assert!(commands.contains(&"build"), "{} runs no `signpost build`", file.display());
        if name != "netlify.toml" {
            assert!(commands.contains(&"check"), "{} runs no `signpost check`", file.display());
        }
    }
}

#[test]
fn the_example_repository_holds_the_starter_ci_files() {
    let (_dir, site) = new_site();
    for file in [".gitlab-ci.yml", "netlify.toml"] {
        assert_eq!(
            std::fs::read_to_string(repository().join(file)).unwrap(),
            std::fs::read_to_string(site.join(file)).unwrap(),
            "{file} in the repository is not the one `signpost init` writes (copy it from a new site)"
        );
    }
    // The GitHub workflow is the same apart from how Signpost is installed: here it is built
    // from this checkout.
    let load = |path: PathBuf| -> serde_json::Value { serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap() };
    let mut ours = load(repository().join(".github/workflows/publish.yml"));
    let mut starter = load(site.join(".github/workflows/publish.yml"));
    for workflow in [&mut ours, &mut starter] {
        let object = workflow.as_object_mut().unwrap();
        object.remove("env");
        for job in object["jobs"].as_object_mut().unwrap().values_mut() {
            for step in job["steps"].as_array_mut().unwrap() {
                let name = step["name"].as_str().unwrap_or("").to_string();
                if name == "Install Signpost" || name == "Keep Signpost between runs" {
                    step["run"] = serde_json::Value::Null;
                    step["with"] = serde_json::Value::Null;
                }
            }
        }
    }
    assert_eq!(ours, starter);
}
