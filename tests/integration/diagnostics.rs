//! The deliberately broken fixture: every mistake is reported with file, line and column, in
//! plain words with a fix, in all three formats, and nothing panics.

use crate::common::*;

fn check_broken(format: &str) -> (i32, String, String) {
    let output = signpost()
        .args(["check", "--format", format, "--root"])
        .arg(fixture("broken"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn broken_site_lists_every_problem_for_people() {
    let (code, _, stderr) = check_broken("human");
    assert_eq!(code, 1);
    insta::assert_snapshot!("broken_site_human", stderr);
}

#[test]
fn broken_site_problems_point_at_the_right_place() {
    let (_, _, stderr) = check_broken("human");
    for expected in [
        "error: content/advice/bad-date.md:4:16: `2026-02-30` is not a real date [bad-date]",
        "error: content/advice/index.md:6:1: `colour` is not a field Signpost knows here [unknown-field]",
        "error: content/advice/overdue.md:2:1: The page \"Old page\" was due for review on 1 January 2025, more than 90 days ago [review-overdue]",
        "warning: content/advice/due.md:2:1: The page \"Nearly due page\" was due for review on 1 November 2026 [review-due]",
        "error: content/dup.md:1:1: This page would have the address /dup/",
        "error: content/index.md:10:3: The link to /no-such-page/ leads nowhere",
        "error: content/index.md:10:37: The link to /accessibility/#nowhere leads nowhere: the page /accessibility/ has no part called #nowhere [dead-anchor]",
        "error: content/index.md:12:1: This HTML is not allowed: a <script> element [unsafe-html]",
        "error: content/index.md:14:1: This image has no alt text",
        "error: content/services/mixed.yaml:14:3: The required field `cost` is missing [missing-field]",
        "error: content/services/mixed.yaml:32:3: `coast` is not a field Signpost knows here [unknown-field]",
        "how to fix: Did you mean `cost`?",
        "error: content/services/mixed.yaml:40:13: Wrong category and ages: `helth` is not one of the site's categories [unknown-category]",
        "how to fix: Did you mean `health`?",
        "error: content/services/mixed.yaml:43:25: Wrong category and ages: `ages` needs two whole numbers from 0 to 25, like `ages: {from: 5, to: 11}`; 30 is more than 25 [ages]",
        "error: content/services/mixed.yaml:46:12: Wrong category and ages: it has no way to get in touch [contact]",
        "error: content/services/mixed.yaml:59:12: Bad phone and times: `0121 496 00` is not a UK phone number [phone]",
        "error: content/services/mixed.yaml:65:18: Bad phone and times: schedule 1 closes before it opens [schedule]",
        "error: site.toml:27:1: No page covers the required Local Offer topic `sendiass`",
    ] {
        assert!(stderr.contains(expected), "missing:\n{expected}\nin:\n{stderr}");
    }
    assert!(stderr.contains("content/advice/syntax.md:3:"), "{stderr}");
}

#[test]
fn good_services_in_a_broken_file_are_still_loaded() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("broken"), site.path());
    std::fs::write(
        site.path().join("content/index.md"),
        "---\ntitle: Home\nsummary: Home.\nlast_reviewed: 2026-10-01\nowner: Team\n---\n\n[Good](/services/good-service/)\n",
    )
    .unwrap();
    let output = signpost().args(["check", "--root"]).arg(site.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("/services/good-service/ leads nowhere"), "{stderr}");
}

#[test]
fn json_format_carries_every_finding() {
    let (code, stdout, _) = check_broken("json");
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(report["errors"], 19);
    assert_eq!(report["warnings"], 1);
    let items = report["diagnostics"].as_array().unwrap();
    let coast = items
        .iter()
        .find(|d| d["rule"] == "unknown-field" && d["file"] == "content/services/mixed.yaml")
        .expect("coast finding");
    assert_eq!(coast["line"], 32);
    assert_eq!(coast["column"], 3);
    assert_eq!(coast["severity"], "error");
    assert!(coast["suggestion"].as_str().unwrap().contains("`cost`"));
}

#[test]
fn github_format_writes_annotations() {
    let (code, stdout, _) = check_broken("github");
    assert_eq!(code, 1);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("::error file=content/services/mixed.yaml,line=32,col=3,title=unknown-field::`coast` is not a field")),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("::warning file=content/advice/due.md,line=2,col=1,title=review-due::")),
        "{stdout}"
    );
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::write(
        site.path().join("content/old.md"),
        "---\ntitle: Old\nsummary: Old.\nlast_reviewed: 2025-11-01\nowner: Team\n---\n\nText.\n",
    )
    .unwrap();
    signpost().args(["check", "--root"]).arg(site.path()).assert().success();
    signpost()
        .args(["check", "--deny-warnings", "--root"])
        .arg(site.path())
        .assert()
        .code(1);
}

#[test]
fn unknown_config_key_suggests_the_right_one() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let config = std::fs::read_to_string(site.path().join("site.toml"))
        .unwrap()
        .replace("base_url =", "base_ulr =");
    std::fs::write(site.path().join("site.toml"), config).unwrap();
    let output = signpost().args(["check", "--root"]).arg(site.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: site.toml:4:1: `base_ulr` is not a setting Signpost knows here [unknown-field]"),
        "{stderr}"
    );
    assert!(stderr.contains("Did you mean `base_url`?"), "{stderr}");
}

#[test]
fn binary_huge_and_looping_files_are_refused_without_a_panic() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::write(site.path().join("content/photo.md"), [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13]).unwrap();
    std::fs::write(site.path().join("content/huge.md"), "a".repeat(2 * 1024 * 1024)).unwrap();
    std::fs::write(site.path().join("content/latin1.md"), b"---\ntitle: Caf\xe9\n---\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path().join("content"), site.path().join("content/advice/loop")).unwrap();
    let output = signpost().args(["build", "--root"]).arg(site.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("content/photo.md: This is not a text file"), "{stderr}");
    assert!(
        stderr.contains("content/huge.md: This file is 2048 KB, more than the limit of 1024 KB [file-too-large]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/latin1.md:2:11: This file has characters that are not saved as UTF-8 [not-utf8]"),
        "{stderr}"
    );
    #[cfg(unix)]
    assert!(
        stderr.contains("content/advice/loop: This folder link points back to a folder that contains it"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert!(
        !site.path().join("public").exists(),
        "nothing is written when the content has errors"
    );
}

#[test]
fn a_missing_site_toml_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let output = signpost().args(["check", "--root"]).arg(dir.path()).output().unwrap();
    // A usage problem, like the other ones: exit 2, in plain words.
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("There is no site.toml in"));
}

#[test]
fn navigation_and_footer_addresses_must_exist() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::remove_file(site.path().join("content/accessibility.md")).unwrap();
    let output = signpost().args(["check", "--root"]).arg(site.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: site.toml:5:27: The accessibility_statement address /accessibility/ leads nowhere"),
        "{stderr}"
    );
}
