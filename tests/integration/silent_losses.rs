//! No silent losses: content that would vanish or publish broken is a diagnostic at the right
//! place. Each test copies the valid fixture into a temporary site and makes one mistake in it.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// A copy of the valid fixture to change.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    dir
}

/// Runs `signpost check --format json`; returns the exit code and the report.
fn check_json(root: &Path) -> (i32, Value) {
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let report =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)));
    (output.status.code().unwrap_or(-1), report)
}

/// The diagnostics with `rule`.
fn with_rule<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

/// `(file, line, column, severity)` of a diagnostic.
fn place(d: &Value) -> (&str, u64, u64, &str) {
    (
        d["file"].as_str().unwrap(),
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
        d["severity"].as_str().unwrap(),
    )
}

#[test]
fn a_services_file_outside_the_services_folder_is_an_error_naming_its_place() {
    let dir = site();
    let content = dir.path().join("content");
    std::fs::rename(content.join("services/health.yaml"), content.join("advice/health.yaml")).unwrap();
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1, "{report:#}");
    let found = with_rule(&report, "services-outside-folder");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/advice/health.yaml", 1, 1, "error"));
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("it should be content/services/health.yaml"), "{message}");
    assert!(
        found[0]["suggestion"]
            .as_str()
            .unwrap()
            .starts_with("Move it to content/services/health.yaml")
    );
    assert!(with_rule(&report, "unused-file").is_empty(), "no longer only a warning: {report:#}");
}

#[test]
fn other_yaml_outside_the_services_folder_stays_a_warning() {
    let dir = site();
    std::fs::write(dir.path().join("content/advice/notes.yaml"), "- a note\n- another\n").unwrap();
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        place(with_rule(&report, "unused-file")[0]),
        ("content/advice/notes.yaml", 0, 0, "warning")
    );
}

/// The valid site with `assets/Portage Photo.JPG` and `markdown` added at the end of the
/// assessment page (line 24).
fn site_with_photo(markdown: &str) -> tempfile::TempDir {
    let dir = site();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/Portage Photo.JPG"), b"\xff\xd8\xff\xe0 not really a photo").unwrap();
    let page = dir.path().join("content/advice/assessment.md");
    let mut text = std::fs::read_to_string(&page).unwrap();
    assert_eq!(text.lines().count(), 22, "the fixture page changed: update the line numbers below");
    text.push_str(&format!("\n{markdown}\n"));
    std::fs::write(&page, text).unwrap();
    dir
}

#[test]
fn an_asset_whose_name_needs_encoding_is_published_as_a_working_image() {
    let dir = site_with_photo("![A child at Portage](</assets/Portage Photo.JPG>) and [the photo](/assets/Portage%20Photo.JPG).");
    let (_keep, public) = build_site(dir.path());
    let html = read(&public, "advice/assessment/index.html");
    let src = html
        .split("src=\"")
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .find(|src| src.contains("Portage"))
        .unwrap_or_else(|| panic!("no picture in {html}"));
    assert!(
        src.starts_with("/assets/Portage%20Photo.") && src.ends_with(".JPG") && src != "/assets/Portage%20Photo.JPG",
        "{src}"
    );
    let published = public.join(src.trim_start_matches('/').replace("%20", " "));
    assert!(
        published.is_file(),
        "{src} is not a published file: {:?}",
        files_under(&public.join("assets"))
    );
    assert!(html.contains(&format!("href=\"{src}\"")), "the link goes to the same file: {html}");
}

#[test]
fn an_asset_written_with_the_wrong_capitals_is_an_error_naming_the_real_file() {
    let dir = site_with_photo("![A child at Portage](</assets/portage photo.jpg>)");
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = with_rule(&report, "dead-link");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/advice/assessment.md", 24, 1, "error"));
    let fix = found[0]["suggestion"].as_str().unwrap();
    assert!(
        fix.contains("The file is called /assets/Portage Photo.JPG: capital letters count"),
        "{fix}"
    );
    assert!(fix.contains("</assets/Portage Photo.JPG>"), "{fix}");
}

#[test]
fn a_picture_address_with_a_bare_space_is_an_error_not_text_on_the_page() {
    let dir = site_with_photo("See ![A child at Portage](/assets/Portage Photo.JPG) here.");
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1, "{report:#}");
    let found = with_rule(&report, "link-syntax");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/advice/assessment.md", 24, 5, "error"));
    assert!(found[0]["message"].as_str().unwrap().contains("has a space"));
    assert!(
        found[0]["suggestion"]
            .as_str()
            .unwrap()
            .contains("`![…](</assets/Portage Photo.JPG>)`")
    );
}

#[test]
fn an_empty_title_is_an_error_at_its_line() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/advice/assessment.md",
        "title: Asking for an assessment",
        "title: \"\"",
    );
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = with_rule(&report, "title-empty");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/advice/assessment.md", 2, 8, "error"));
    assert!(found[0]["suggestion"].as_str().unwrap().contains("after `title:`"));
}

#[test]
fn an_empty_service_name_is_an_error_at_its_line() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/services/health.yaml",
        "name: Splash Club swimming",
        "name: \" \"",
    );
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = with_rule(&report, "name-empty");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/services/health.yaml", 33, 9, "error"));
}

#[test]
fn a_misspelt_topic_is_an_error_with_did_you_mean() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/advice/assessment.md",
        "topics: [ehc-plans, assessment]",
        "topics: [ehc-plans, assesment]",
    );
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = with_rule(&report, "topic-unknown");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/advice/assessment.md", 7, 21, "error"));
    assert!(
        found[0]["message"].as_str().unwrap().contains("did you mean `assessment`"),
        "{report:#}"
    );
    // The site's own topics (`ehc-plans`) are not reported.
    assert!(!found[0]["message"].as_str().unwrap().contains("ehc-plans"));
}

#[test]
fn a_skipped_heading_level_is_an_error_at_the_heading() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/advice/assessment.md",
        "## What happens next",
        "#### What happens next",
    );
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = with_rule(&report, "heading-skipped");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/advice/assessment.md", 14, 1, "error"));
    assert!(found[0]["message"].as_str().unwrap().contains("after a `##` heading"));
    assert!(found[0]["suggestion"].as_str().unwrap().starts_with("Make it a `###` heading"));
}

#[test]
fn a_skipped_heading_level_in_a_service_description_is_an_error_at_the_heading() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/services/health.yaml",
        "    ## What to bring",
        "    #### What to bring",
    );
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = with_rule(&report, "heading-skipped");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/services/health.yaml", 55, 5, "error"));
}

#[test]
fn a_second_top_level_heading_is_an_error_at_the_heading() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/advice/assessment.md",
        "## Who can ask?",
        "# Assessments\n\n## Who can ask?",
    );
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = with_rule(&report, "second-h1");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(place(found[0]), ("content/advice/assessment.md", 10, 1, "error"));
    assert!(found[0]["message"].as_str().unwrap().contains("second main heading"));
}

#[test]
fn the_bundled_example_passes_the_new_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_, report) = check_json(root);
    for rule in [
        "services-outside-folder",
        "title-empty",
        "name-empty",
        "topic-unknown",
        "heading-skipped",
        "second-h1",
        "link-syntax",
    ] {
        assert!(
            with_rule(&report, rule).is_empty(),
            "{rule} in the example: {:#?}",
            with_rule(&report, rule)
        );
    }
}
