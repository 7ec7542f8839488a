//! `SIGNPOST_TIMINGS=1` makes `signpost build` print each stage's time and the peak memory.

use crate::common::*;

fn build_stderr(timings: Option<&str>) -> String {
    let out = tempfile::tempdir().unwrap();
    let mut command = signpost();
    command.env_remove("SIGNPOST_TIMINGS");
    if let Some(value) = timings {
        command.env("SIGNPOST_TIMINGS", value);
    }
    let assert = command
        .args(["build", "--root"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(out.path().join("public"))
        .assert()
        .success();
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn timings_name_every_stage_in_order_when_asked_for() {
    let stderr = build_stderr(Some("1"));
    let stages: Vec<&str> = stderr
        .lines()
        .filter_map(|line| line.strip_prefix("timings: "))
        .filter_map(|rest| rest.split_whitespace().next())
        .collect();
    assert_eq!(stages, ["load", "check", "render", "write", "index", "total", "peak"], "{stderr}");
    assert!(stderr.contains(" s wall ") && stderr.contains(" s cpu"), "{stderr}");
}

#[test]
fn no_timings_without_the_variable_or_with_zero() {
    for value in [None, Some("0")] {
        let stderr = build_stderr(value);
        assert!(!stderr.contains("timings:"), "{value:?}: {stderr}");
    }
}
