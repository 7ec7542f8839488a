//! Root causes first: when a file cannot be loaded, the broken links, uncovered topics and
//! missing contact blocks that follow from it are grouped under it, in every format.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

fn copy_of(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["site.toml", "content", "assets"] {
        let source = from.join(name);
        if source.is_dir() {
            copy_tree(&source, &dir.path().join(name));
        } else if source.is_file() {
            std::fs::copy(&source, dir.path().join(name)).unwrap();
        }
    }
    dir
}

/// Runs `signpost check` in `format`; returns the exit code, stdout and stderr.
fn check(root: &Path, format: &str) -> (i32, String, String) {
    let output = signpost().args(["check", "--format", format, "--root"]).arg(root).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn json(root: &Path) -> Vec<Value> {
    let (code, stdout, _) = check(root, "json");
    assert_eq!(code, 1, "{stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

/// The bundled example with one unquoted colon in the first service of short-breaks.yaml.
fn example_with_bad_colon() -> tempfile::TempDir {
    let dir = copy_of(Path::new(env!("CARGO_MANIFEST_DIR")));
    replace_in(
        dir.path(),
        "content/services/short-breaks.yaml",
        "name: Short breaks holiday activities",
        "name: Short breaks: holiday activities",
    );
    dir
}

#[test]
fn one_bad_colon_puts_the_yaml_error_first_with_the_broken_links_under_it() {
    let dir = example_with_bad_colon();
    let all = json(dir.path());
    let errors: Vec<&Value> = all.iter().filter(|d| d["severity"] == "error").collect();
    let cause = errors[0];
    assert_eq!(cause["file"], "content/services/short-breaks.yaml", "{all:#?}");
    assert_eq!(cause["line"], 6);
    let dead: Vec<&Value> = all.iter().filter(|d| d["rule"] == "dead-link").collect();
    // The other services of the file are still read (recovery at the next item), so only the
    // links to the broken service break.
    assert!(dead.len() >= 2, "links to the lost service break: {dead:#?}");
    assert_eq!(cause["follow_on"].as_u64(), Some(dead.len() as u64), "{cause:#}");
    for (index, d) in dead.iter().enumerate() {
        // Right after the cause, in order, each naming it.
        assert_eq!(&all[index + 1], *d, "the dead links come straight after their cause");
        let by = &d["caused_by"];
        assert_eq!(by["file"], "content/services/short-breaks.yaml");
        assert_eq!(by["line"], cause["line"]);
        assert_eq!(by["column"], cause["column"]);
        assert_eq!(by["rule"], cause["rule"]);
        assert_eq!(by["because"], "content/services/short-breaks.yaml could not be read");
        let fix = d["suggestion"].as_str().unwrap();
        assert!(!fix.contains("Did you mean"), "no wrong advice: {fix}");
        assert!(fix.starts_with("Fix the problem at content/services/short-breaks.yaml:6"), "{fix}");
    }
    assert!(cause.get("caused_by").is_none());
}

#[test]
fn people_see_how_many_links_broke_because_of_the_file() {
    let dir = example_with_bad_colon();
    let (code, _, stderr) = check(dir.path(), "human");
    assert_eq!(code, 1);
    let first_error = stderr.lines().find(|l| l.starts_with("error:")).unwrap();
    assert!(
        first_error.starts_with("error: content/services/short-breaks.yaml:6:"),
        "{first_error}"
    );
    let summary = stderr
        .lines()
        .find(|l| l.contains("broke because"))
        .unwrap_or_else(|| panic!("no summary in {stderr}"));
    let count: usize = summary.trim().split(' ').next().unwrap().parse().unwrap();
    assert!(
        summary
            .trim()
            .ends_with("links broke because content/services/short-breaks.yaml could not be read. They go once that is fixed:"),
        "{summary}"
    );
    let listed = stderr
        .lines()
        .filter(|l| l.starts_with("    error: ") && l.ends_with("[dead-link]"))
        .count();
    assert_eq!(listed, count, "{stderr}");
    assert!(
        !stderr.lines().any(|l| l.starts_with("error: ") && l.ends_with("[dead-link]")),
        "no dead link stands alone: {stderr}"
    );
    let last = stderr.lines().last().unwrap();
    assert!(
        last.contains(&format!("({count} of them follow from others and go once those are fixed)")),
        "{last}"
    );
}

#[test]
fn github_annotations_put_the_cause_first_and_the_broken_links_as_notices() {
    let dir = example_with_bad_colon();
    let (code, stdout, _) = check(dir.path(), "github");
    assert_eq!(code, 1);
    let first_error = stdout.lines().find(|l| l.starts_with("::error ")).unwrap();
    assert!(
        first_error.starts_with("::error file=content/services/short-breaks.yaml,line=6,"),
        "{first_error}"
    );
    assert!(
        first_error.contains("links broke because content/services/short-breaks.yaml could not be read: content/advice/"),
        "{first_error}"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with("::notice ") && l.contains("title=dead-link")),
        "{stdout}"
    );
    assert!(
        !stdout.lines().any(|l| l.starts_with("::error ") && l.contains("title=dead-link")),
        "{stdout}"
    );
}

#[test]
fn a_page_that_cannot_be_read_takes_its_links_and_topics_with_it() {
    let dir = copy_of(&fixture("valid"));
    replace_in(
        dir.path(),
        "content/advice/assessment.md",
        "owner: SEND team",
        "owner: SEND team\ncolour: blue",
    );
    let all = json(dir.path());
    assert_eq!(
        (all[0]["file"].as_str(), all[0]["rule"].as_str()),
        (Some("content/advice/assessment.md"), Some("unknown-field"))
    );
    let follow: Vec<&Value> = all.iter().filter(|d| d.get("caused_by").is_some()).collect();
    let found: Vec<(&str, &str)> = follow
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["rule"].as_str().unwrap()))
        .collect();
    assert!(found.contains(&("site.toml", "topic-missing")), "the topic it covered: {found:?}");
    assert!(found.contains(&("content/index.md", "dead-link")), "links to it: {found:?}");
    assert_eq!(all[0]["follow_on"].as_u64(), Some(follow.len() as u64));
    for d in &follow {
        assert_eq!(d["caused_by"]["because"], "content/advice/assessment.md could not be read");
    }
    let (_, _, stderr) = check(dir.path(), "human");
    assert!(
        stderr.contains("links broke and 1 required topic is not covered because content/advice/assessment.md could not be read"),
        "{stderr}"
    );
}

#[test]
fn a_misspelt_topic_is_the_cause_of_the_topic_going_uncovered() {
    let dir = copy_of(&fixture("valid"));
    replace_in(
        dir.path(),
        "content/advice/assessment.md",
        "topics: [ehc-plans, assessment]",
        "topics: [ehc-plans, assesment]",
    );
    let all = json(dir.path());
    assert_eq!(all[0]["rule"], "topic-unknown");
    assert_eq!(all[1]["rule"], "topic-missing");
    assert_eq!(all[1]["caused_by"]["rule"], "topic-unknown");
    assert_eq!(all[1]["caused_by"]["because"], "content/advice/assessment.md misspells a topic");
}

#[test]
fn a_broken_contact_file_is_the_cause_of_the_missing_contact_block() {
    let dir = copy_of(&fixture("valid"));
    replace_in(
        dir.path(),
        "content/contacts/sendiass.yaml",
        "heading: Advice and support",
        "heading: [Advice and support",
    );
    let all = json(dir.path());
    assert_eq!(all[0]["file"], "content/contacts/sendiass.yaml");
    let missing = all.iter().find(|d| d["rule"] == "contact-missing").expect("contact-missing");
    assert_eq!(missing["caused_by"]["file"], "content/contacts/sendiass.yaml");
}

#[test]
fn services_in_the_wrong_folder_are_the_cause_of_links_to_them() {
    let dir = copy_of(&fixture("valid"));
    let content = dir.path().join("content");
    std::fs::rename(content.join("services/health.yaml"), content.join("advice/health.yaml")).unwrap();
    let all = json(dir.path());
    assert_eq!(all[0]["rule"], "services-outside-folder");
    let link = all
        .iter()
        .find(|d| d["rule"] == "dead-link" && d["message"].as_str().unwrap().contains("/services/splash-club/"))
        .expect("the link to the lost service");
    assert_eq!(
        link["caused_by"]["because"],
        "content/advice/health.yaml is not in the services folder"
    );
}

#[test]
fn a_dead_link_with_nothing_behind_it_keeps_its_own_advice() {
    let dir = copy_of(&fixture("valid"));
    replace_in(dir.path(), "content/index.md", "[advice](/advice/)", "[advice](/advise/)");
    let all = json(dir.path());
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(all[0].get("caused_by").is_none());
    assert!(
        all[0]["suggestion"].as_str().unwrap().contains("Did you mean /advice/?"),
        "{all:#?}"
    );
}

#[test]
fn an_asset_too_large_to_publish_is_the_cause_of_the_links_to_it() {
    let dir = copy_of(&fixture("valid"));
    let text = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        text.replacen("[statutory]", "[checks]\nmax_asset_kb = 1\n\n[statutory]", 1),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/Big Form.pdf"), vec![b'x'; 4096]).unwrap();
    replace_in(
        dir.path(),
        "content/index.md",
        "Welcome.",
        "Welcome. Fill in [the form](</assets/Big Form.pdf>).",
    );
    let all = json(dir.path());
    assert_eq!(
        (all[0]["file"].as_str(), all[0]["rule"].as_str()),
        (Some("assets/Big Form.pdf"), Some("file-too-large")),
        "{all:#?}"
    );
    assert_eq!(all[1]["rule"], "dead-link");
    assert_eq!(all[1]["caused_by"]["because"], "assets/Big Form.pdf could not be published");
}
