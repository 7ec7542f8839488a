//! Plain words for every way a content file can fail to read, each at the line and column where
//! the fix goes, and every mistake of a file in one run.

use crate::common::*;
use signpost::config::SiteConfig;
use signpost::content::{LoadedFile, load_file_from_str};
use signpost::diagnostic::Diagnostic;
use signpost::rules::Rule;
use std::path::Path;

const SITE_TOML: &str = include_str!("../fixtures/valid/site.toml");

fn config() -> SiteConfig {
    SiteConfig::from_text(SITE_TOML).expect("the fixture site.toml is valid")
}

fn load(relative: &str, text: &str) -> LoadedFile {
    load_file_from_str(&config(), Path::new(relative), text, false)
}

/// A service with every required field, with `ages:` written as given.
fn service_with_ages(ages: &str) -> String {
    format!(
        "- name: Swim club\n  category: health\n  summary: Swimming.\n  provider: Testshire Leisure\n  ages: {ages}\n  access: [drop-in]\n  cost: Free\n  contact:\n    phone: 0121 496 0000\n  where:\n    online: true\n  last_reviewed: 2026-09-01\n"
    )
}

fn only(loaded: &LoadedFile) -> &Diagnostic {
    assert_eq!(loaded.diagnostics.len(), 1, "{:#?}", loaded.diagnostics);
    &loaded.diagnostics[0]
}

// ---------------------------------------------------------------- the Word-pasted services

/// A copy of the valid site with the Word-pasted services added.
fn word_pasted_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::copy(
        fixture("word-pasted/services.yaml"),
        site.path().join("content/services/word-pasted.yaml"),
    )
    .unwrap();
    site
}

fn check_word_pasted(format: &str) -> (i32, String, String) {
    let site = word_pasted_site();
    let output = signpost()
        .args(["check", "--format", format, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let redact = |text: &[u8]| String::from_utf8_lossy(text).replace(&site.path().display().to_string(), "[SITE]");
    (output.status.code().unwrap_or(-1), redact(&output.stdout), redact(&output.stderr))
}

/// Every mistake of the pasted services, as (line, column, rule): all in one run, each at its field.
const WORD_PASTED_MISTAKES: [(u64, u64, &str); 11] = [
    (3, 13, "unknown-category"),
    (4, 12, "yaml-syntax"),
    (6, 9, "wrong-type"),
    (7, 12, "unknown-value"),
    (10, 12, "phone"),
    (17, 12, "yaml-syntax"),
    (23, 15, "wrong-type"),
    (26, 1, "yaml-tab"),
    (27, 18, "bad-date"),
    (29, 3, "missing-field"),
    (34, 12, "unknown-value"),
];

/// The (line, column, rule) of each finding about the pasted services in a JSON report.
fn pasted_findings(report: &serde_json::Value) -> Vec<(u64, u64, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "content/services/word-pasted.yaml")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn word_pasted_services_give_every_mistake_in_one_run_at_its_field() {
    let (code, stdout, _) = check_word_pasted("json");
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let found = pasted_findings(&report);
    let expected: Vec<(u64, u64, String)> = WORD_PASTED_MISTAKES.iter().map(|(l, c, r)| (*l, *c, r.to_string())).collect();
    assert_eq!(found, expected);
    // Nothing else in the site is affected, and no message is in the parser's words.
    assert_eq!(report["errors"], 11, "{stdout}");
    for d in report["diagnostics"].as_array().unwrap() {
        let message = d["message"].as_str().unwrap();
        assert!(!message.contains("parser says"), "{message}");
        assert!(!message.contains("invalid"), "{message}");
    }
}

#[test]
fn word_pasted_services_for_people() {
    let (code, _, stderr) = check_word_pasted("human");
    assert_eq!(code, 1);
    assert!(!stderr.contains('\x1b'), "no colours when not at a terminal");
    insta::assert_snapshot!("word_pasted_human", stderr);
}

#[test]
fn word_pasted_services_as_json() {
    let (_, stdout, _) = check_word_pasted("json");
    insta::assert_snapshot!("word_pasted_json", stdout);
}

#[test]
fn word_pasted_services_as_github_annotations() {
    let (_, stdout, _) = check_word_pasted("github");
    insta::assert_snapshot!("word_pasted_github", stdout);
}

// ---------------------------------------------------------------- messages, one kind each

#[test]
fn an_age_in_words_is_named_with_the_figure_to_write() {
    let loaded = load("services/x.yaml", &service_with_ages("{from: ten, to: 11}"));
    let found = only(&loaded);
    assert_eq!((found.line, found.column, found.rule), (5, 16, Rule::WRONG_TYPE));
    assert_eq!(
        found.message,
        "`ages` needs two whole numbers from 0 to 25, like `ages: {from: 5, to: 11}`; `ten` is not a number"
    );
    assert_eq!(found.suggestion.as_deref(), Some("Write the age in figures: `from: 10`."));
}

#[test]
fn ages_out_of_range_say_which_end_is_wrong() {
    for (ages, column, says) in [
        ("{from: 300, to: 11}", 16, "300 is more than 25"),
        ("{from: -1, to: 11}", 16, "-1 is below 0"),
        ("{from: 5, to: 1000}", 23, "1000 is more than 25"),
    ] {
        let loaded = load("services/x.yaml", &service_with_ages(ages));
        let found = only(&loaded);
        assert_eq!((found.line, found.column), (5, column), "{ages}: {found:?}");
        assert!(
            found.message.starts_with("`ages` needs two whole numbers from 0 to 25"),
            "{found:?}"
        );
        assert!(found.message.ends_with(says), "{ages}: {found:?}");
        assert!(!found.message.contains("u8"), "{found:?}");
    }
}

#[test]
fn an_age_of_26_is_the_same_message_from_the_check() {
    let loaded = load("services/x.yaml", &service_with_ages("{from: 5, to: 26}"));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let service = &loaded.services[0];
    let problems = signpost::check::check_service(service, &config());
    let ages: Vec<_> = problems.iter().filter(|d| d.rule == Rule::AGES).collect();
    assert_eq!(ages.len(), 1, "{problems:?}");
    assert_eq!((ages[0].line, ages[0].column), (5, 23));
    assert!(
        ages[0]
            .message
            .ends_with("`ages` needs two whole numbers from 0 to 25, like `ages: {from: 5, to: 11}`; 26 is more than 25")
    );
}

#[test]
fn an_empty_age_is_named() {
    let loaded = load("services/x.yaml", &service_with_ages("{from: ~, to: 11}"));
    let found = only(&loaded);
    assert!(found.message.ends_with("`from` is empty"), "{found:?}");
}

#[test]
fn a_range_written_as_text_gets_the_exact_fix() {
    for written in ["5-11", "5 to 11", "[5, 11]"] {
        let loaded = load("services/x.yaml", &service_with_ages(written));
        let found = only(&loaded);
        assert_eq!((found.line, found.column, found.rule), (5, 9, Rule::WRONG_TYPE), "{written}");
        assert!(found.message.contains(&format!("`ages` is written as `{written}`")), "{found:?}");
        assert_eq!(found.suggestion.as_deref(), Some("Write `ages: {from: 5, to: 11}`."), "{written}");
    }
}

#[test]
fn a_null_title_says_it_is_empty() {
    let loaded = load(
        "advice/x.md",
        "---\ntitle: ~\nsummary: S\nlast_reviewed: 2026-09-01\nowner: Team\n---\n\nText.\n",
    );
    let found = only(&loaded);
    assert_eq!((found.line, found.column, found.rule), (2, 8, Rule::EMPTY_VALUE));
    assert!(found.message.starts_with("`title` is empty"), "{found:?}");
    assert!(!found.message.contains("null is not allowed"), "{found:?}");
    assert_eq!(
        found.suggestion.as_deref(),
        Some("Write the text after `title: `, for example `title: Short breaks`.")
    );
}

#[test]
fn front_matter_that_is_never_closed_says_so() {
    let loaded = load(
        "advice/x.md",
        "---\ntitle: T\nsummary: S\nlast_reviewed: 2026-09-01\nowner: Team\n\n# Heading\n\nText.\n",
    );
    let found = only(&loaded);
    assert_eq!((found.line, found.column, found.rule), (1, 1, Rule::FRONT_MATTER_UNCLOSED));
    assert_eq!(found.message, "The front matter starts on line 1 but has no closing `---`");
    assert_eq!(
        found.suggestion.as_deref(),
        Some("Add a line with just `---` after the last field (line 5), before the text of the page.")
    );
}

#[test]
fn a_very_deep_list_is_called_too_deep() {
    for text in [
        format!("{}x\n", "- ".repeat(10_000)),
        format!("{}1{}\n", "[".repeat(10_000), "]".repeat(10_000)),
    ] {
        let loaded = load("services/x.yaml", &text);
        let found = only(&loaded);
        assert_eq!((found.line, found.rule), (1, Rule::YAML_TOO_DEEP), "{found:?}");
        assert!(!found.message.contains("enum"), "{found:?}");
        assert!(found.message.contains("levels deep"), "{found:?}");
    }
}

#[test]
fn a_number_in_quotes_in_site_toml_gets_toml_advice() {
    let text = SITE_TOML.replacen("\n[", "\nreview_cycle_months = \"12\"\n\n[", 1);
    let problems = SiteConfig::from_text(&text).unwrap_err();
    let found = &problems[0];
    assert_eq!(found.rule, Rule::CONFIG_TYPE);
    assert!(found.message.contains("`review_cycle_months` needs a whole number"), "{found:?}");
    assert_eq!(
        found.suggestion.as_deref(),
        Some("Take out the quotes: write `review_cycle_months = 12`.")
    );
    assert!(!found.suggestion.as_deref().unwrap_or("").contains("YAML"));
    let line = text.lines().position(|l| l.starts_with("review_cycle_months")).unwrap() + 1;
    assert_eq!((found.line, found.column), (line, 23));
}

#[test]
fn a_tab_is_reported_on_its_own_line() {
    let mut lines: Vec<String> = service_with_ages("{from: 5, to: 11}").lines().map(str::to_string).collect();
    // Line 12 of the file is `last_reviewed`, indented with a tab instead of two spaces.
    let text = {
        lines[11] = format!("\t{}", lines[11].trim_start());
        lines.join("\n") + "\n"
    };
    let loaded = load("services/x.yaml", &text);
    let tab = loaded.diagnostics.iter().find(|d| d.rule == Rule::YAML_TAB).expect("a tab finding");
    assert_eq!((tab.line, tab.column), (12, 1), "{:?}", loaded.diagnostics);
}

#[test]
fn an_unknown_access_route_gets_the_right_spelling() {
    let text = service_with_ages("{from: 5, to: 11}").replace("[drop-in]", "[self-referal]");
    let found = only(&load("services/x.yaml", &text)).clone();
    assert_eq!((found.line, found.column, found.rule), (6, 12, Rule::UNKNOWN_VALUE));
    assert!(
        found
            .suggestion
            .unwrap()
            .starts_with("Did you mean `self-referral`? Write `self-referral`.")
    );
}

// ---------------------------------------------------------------- all the problems in one run

#[test]
fn a_syntax_error_does_not_stop_the_other_services_being_read() {
    let good = service_with_ages("{from: 5, to: 11}");
    let text = format!(
        "{}{}{}",
        good.replace("summary: Swimming.", "summary: Swimming: all ages"),
        good.replace("Swim club", "Second club"),
        good.replace("Swim club", "Third club")
    );
    let loaded = load("services/x.yaml", &text);
    assert_eq!(loaded.services.len(), 2, "{:?}", loaded.diagnostics);
    let found = only(&loaded);
    assert_eq!((found.line, found.column, found.rule), (3, 12, Rule::YAML_SYNTAX));
    assert_eq!(
        found.suggestion.as_deref(),
        Some("Put the text in double quotes: write `summary: \"Swimming: all ages\"`.")
    );
}

#[test]
fn a_syntax_error_later_in_a_file_is_not_hidden_by_an_earlier_field_error() {
    let good = service_with_ages("{from: 5, to: 11}");
    let text = format!(
        "{}{}",
        good.replace("cost: Free", "coast: Free"),
        good.replace("Swim club", "Second club")
            .replace("summary: Swimming.", "summary: [never closed")
    );
    let loaded = load("services/x.yaml", &text);
    let found: Vec<_> = loaded.diagnostics.iter().map(|d| (d.line, d.rule)).collect();
    assert_eq!(
        found,
        vec![(7, Rule::UNKNOWN_FIELD), (15, Rule::YAML_SYNTAX)],
        "{:?}",
        loaded.diagnostics
    );
}

#[test]
fn several_mistakes_in_one_service_are_all_reported() {
    let text = service_with_ages("5-11")
        .replace("[drop-in]", "[drop in]")
        .replace("last_reviewed: 2026-09-01", "last_reviewed: 1/9/2026");
    let loaded = load("services/x.yaml", &text);
    let found: Vec<_> = loaded.diagnostics.iter().map(|d| (d.line, d.rule)).collect();
    assert_eq!(
        found,
        vec![(5, Rule::WRONG_TYPE), (6, Rule::UNKNOWN_VALUE), (12, Rule::BAD_DATE)],
        "{:?}",
        loaded.diagnostics
    );
    assert!(loaded.services.is_empty(), "a service with mistakes is not published");
    assert_eq!(
        loaded.diagnostics[2].suggestion.as_deref(),
        Some("If you mean 1 September 2026, write `2026-09-01` (year-month-day).")
    );
}

#[test]
fn colour_only_at_a_terminal_and_never_with_no_color() {
    // Test output is never a terminal, so it is always plain, with NO_COLOR or without.
    let site = word_pasted_site();
    for no_color in [None, Some("1")] {
        let mut command = signpost();
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        let output = command.args(["check", "--root"]).arg(site.path()).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains('\x1b'), "{stderr}");
        assert!(stderr.contains("6 |   ages: 5-11\n  |         ^^^^\n"), "{stderr}");
    }
}

/// The same services written under `services:` (the form the browser editor writes), each line
/// indented by two spaces: every mistake is still found in one run, one line lower and two
/// columns further right.
#[test]
fn word_pasted_services_under_a_services_key_give_the_same_mistakes() {
    let site = word_pasted_site();
    let pasted = std::fs::read_to_string(fixture("word-pasted/services.yaml")).unwrap();
    let wrapped: String = std::iter::once("services:\n".to_string())
        .chain(pasted.lines().map(|line| match line.is_empty() {
            true => "\n".to_string(),
            false => format!("  {line}\n"),
        }))
        .collect();
    std::fs::write(site.path().join("content/services/word-pasted.yaml"), wrapped).unwrap();
    let output = signpost()
        .args(["check", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = pasted_findings(&report);
    let expected: Vec<(u64, u64, String)> = WORD_PASTED_MISTAKES.iter().map(|(l, c, r)| (l + 1, c + 2, r.to_string())).collect();
    assert_eq!(found, expected);
}
