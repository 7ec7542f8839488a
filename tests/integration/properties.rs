//! Property tests for the loader (front matter, services YAML, glossary, contact blocks, "You
//! said, we did", `site.toml`) and the Markdown renderer: for arbitrary and structure-aware inputs
//! they never panic, and every diagnostic names its file, a line inside the input and a message.
//!
//! Each property runs a bounded number of cases so the suite takes about a minute in a debug
//! build; `PROPTEST_CASES=5000 cargo test --test integration properties::` runs longer. A failing
//! case is shrunk and printed; see docs/fuzzing.md for turning it into a regression test.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use signpost::config::ContentConfig;
use signpost::config::SiteConfig;
use signpost::content::load_file_from_str;
use signpost::diagnostic::{Diagnostic, Severity};
use signpost::render::markdown::{Abbreviations, SourceSpan, render_with};
use signpost::rules::Rule;
use std::path::Path;

const SITE_TOML: &str = include_str!("../fixtures/valid/site.toml");
const SERVICES_YAML: &str = include_str!("../fixtures/valid/content/services/health.yaml");
const SERVICE_MD: &str = include_str!("../fixtures/valid/content/services/play-scheme.md");
const PAGE_MD: &str = include_str!("../fixtures/valid/content/advice/assessment.md");
const GLOSSARY_YAML: &str = include_str!("../fixtures/valid/content/glossary.yaml");
const CONTACT_YAML: &str = include_str!("../fixtures/valid/content/contacts/sendiass.yaml");
const FEEDBACK_YAML: &str = include_str!("../fixtures/valid/content/you-said-we-did.yaml");

/// Cases per property when `PROPTEST_CASES` is not set.
const DEFAULT_CASES: u32 = 3000;

/// The seed of the random inputs when `PROPTEST_RNG_SEED` is not set, so every CI run checks
/// the same cases and a failure can be run again; set `PROPTEST_RNG_SEED=<number>` to explore
/// other inputs (and commit any failure it finds to `tests/proptest-regressions/`).
const DEFAULT_SEED: u64 = 20261201;

/// The case count: `PROPTEST_CASES` when set, otherwise `default` (sized so the whole property
/// suite takes about a minute in a debug build on a two-core machine).
fn cases(default: u32) -> Config {
    let rng_seed = match std::env::var("PROPTEST_RNG_SEED").ok().and_then(|value| value.parse().ok()) {
        Some(seed) => proptest::test_runner::RngSeed::Fixed(seed),
        None => proptest::test_runner::RngSeed::Fixed(DEFAULT_SEED),
    };
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        // Shrinking a large input can take long; stop after a few thousand steps.
        max_shrink_iters: 4096,
        rng_seed,
        ..Config::default()
    }
}

fn site() -> SiteConfig {
    SiteConfig::from_text(SITE_TOML).expect("the fixture site.toml is valid")
}

/// The lines of `text` as YAML, CommonMark and editors count them: `\n`, `\r\n` and a lone `\r`
/// each end a line, and a last line without an ending still counts.
fn lines_of(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

fn line_count(text: &str) -> usize {
    lines_of(text).len()
}

/// Findings about the whole file rather than a place in it, which may use line 0.
const WHOLE_FILE_RULES: &[Rule] = &[Rule::EMPTY_FILE, Rule::FILE_NAME];

/// Every diagnostic names `file`, has a message, and points at a line (and column) inside `text`.
fn assert_sound(diagnostics: &[Diagnostic], file: &str, text: &str) -> Result<(), TestCaseError> {
    assert_sound_in(diagnostics, file, lines_of(text))
}

/// [`assert_sound`] for a text already split into lines (TOML ends lines with `\n` only).
fn assert_sound_in(diagnostics: &[Diagnostic], file: &str, all_lines: Vec<&str>) -> Result<(), TestCaseError> {
    let lines = all_lines.len();
    for d in diagnostics {
        prop_assert_eq!(&d.file, file, "wrong file in {:?}", d);
        prop_assert!(!d.message.trim().is_empty(), "empty message in {:?}", d);
        prop_assert!(!d.rule.id().is_empty(), "empty rule in {:?}", d);
        if let Some(suggestion) = &d.suggestion {
            prop_assert!(!suggestion.trim().is_empty(), "empty suggestion in {:?}", d);
        }
        if WHOLE_FILE_RULES.contains(&d.rule) {
            continue;
        }
        prop_assert!(d.line >= 1, "no line in {:?}", d);
        prop_assert!(d.line <= lines + 1, "line {} past the end ({} lines) in {:?}", d.line, lines, d);
        prop_assert!(d.column >= 1, "no column in {:?}", d);
        let width = all_lines.get(d.line - 1).map(|l| l.chars().count()).unwrap_or(0);
        prop_assert!(
            d.column <= width + 2,
            "column {} past the end of line {} ({} characters) in {:?}",
            d.column,
            d.line,
            width,
            d
        );
    }
    Ok(())
}

// ---------------------------------------------------------------- building blocks

/// Keys of the real schemas (services, pages, glossary, contacts, feedback) and a few mistakes.
fn yaml_key() -> BoxedStrategy<String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "id", "name", "category", "summary", "provider", "provider_website", "ages", "from", "to",
            "eligibility", "access", "cost", "contact", "phone", "email", "website", "where", "address",
            "postcode", "locality", "online", "accessibility", "accessibility_notes", "when",
            "last_reviewed", "next_review", "owner", "status", "description", "service_status", "needs",
            "application_process", "free", "cost_options", "amount", "per", "schedules", "days",
            "opens_at", "closes_at", "date", "locations", "service_area", "languages", "assurer",
            "easy_read_summary", "title", "audience", "topics", "order", "page_type", "plain_language",
            "term", "stands_for", "meaning", "heading", "operator", "hours", "how_we_asked", "entries",
            "theme", "comment", "response", "action", "action_by", "<<", "? complex",
        ])
        .prop_map(str::to_string),
        1 => "[a-z_]{1,12}",
        1 => "\\PC{1,8}",
    ]
    .boxed()
}

/// Values: plain, quoted, dates, numbers, flow collections, anchors, aliases, tags, block scalars,
/// broken syntax, unicode and long text.
fn yaml_value() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[A-Za-z0-9 .,'-]{0,30}",
        4 => prop::sample::select(vec![
            "\"quoted: text\"", "'it''s'", "\"esc \\u00e9 \\t \\\"\"", "\"bad \\q escape\"", "2026-09-01",
            "2026-02-30", "2026-13-01", "12:30", "\"09:00\"", "0", "-1", "255", "256", "99999999999999999999",
            "1e9", ".nan", "~", "null", "true", "no", "[]", "{}", "[a, b, c]", "[self-referral, drop-in]",
            "{ from: 0, to: 18 }", "{ from: 18, to: 0 }", "[", "]", "{", "}", "[a, [b, [c]]]", "&a x",
            "&a", "*a", "*missing", "!!str 12", "!!int x", "!!binary AAAA", "!custom x", "|", "|-", ">",
            ">+2", "\"unterminated", "'unterminated", "- item", "a: b: c", "# comment", "@reserved",
            "`backtick", "%YAML 1.2", "---", "...", "\t", "é £ 😀 \u{200b} \u{202e}", "\u{feff}x",
            "javascript:alert(1)", "<script>alert(1)</script>", "https://example.org/", "0121 496 0001",
            "a@b.example", "monday", "[monday, sunday]", "published", "draft", "active", "all",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,40}",
        1 => (200usize..3000).prop_map(|n| "long ".repeat(n / 5)),
    ]
    .boxed()
}

/// One line of YAML-ish text.
fn yaml_line() -> BoxedStrategy<String> {
    let indent = prop_oneof![4 => (0usize..10).prop_map(|n| " ".repeat(n)), 1 => Just("\t".to_string()), 1 => Just(" \t ".to_string())];
    let dash = prop_oneof![3 => Just(""), 1 => Just("- "), 1 => Just("-  - ")];
    let colon = prop_oneof![6 => Just(": "), 1 => Just(":"), 1 => Just(" : "), 1 => Just(":\t"), 1 => Just(" ")];
    prop_oneof![
        10 => (indent, dash, yaml_key(), colon, yaml_value()).prop_map(|(i, d, k, c, v)| format!("{i}{d}{k}{c}{v}")),
        2 => (0usize..10, yaml_value()).prop_map(|(n, v)| format!("{}{v}", " ".repeat(n))),
        1 => Just(String::new()),
        1 => prop::sample::select(vec!["---", "...", "# comment", "- ", "-", "?", ":", "&a", "*a", "<<: *a", "- {name: A, bad: 1}", "[{name: A}, {name: B, category: health}]"]).prop_map(str::to_string),
        1 => (1usize..300).prop_map(|n| "[".repeat(n)),
        1 => (1usize..120).prop_map(|n| (0..n).map(|d| format!("{}- k{d}:", "  ".repeat(d))).collect::<Vec<_>>().join("\n")),
        1 => (1usize..200).prop_map(|n| format!("{}x", "- ".repeat(n))),
    ]
    .boxed()
}

/// Changes to a text, line by line, to turn a valid file into a nearly valid one.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, String),
    Delete(Index),
    Duplicate(Index),
    Indent(Index, i8),
    ReplaceValue(Index, String),
    InsertText(Index, Index, String),
    Truncate(Index),
}

fn edit(line: BoxedStrategy<String>) -> BoxedStrategy<Edit> {
    prop_oneof![
        3 => (any::<Index>(), line.clone()).prop_map(|(at, text)| Edit::Insert(at, text)),
        2 => any::<Index>().prop_map(Edit::Delete),
        1 => any::<Index>().prop_map(Edit::Duplicate),
        2 => (any::<Index>(), -4i8..5).prop_map(|(at, by)| Edit::Indent(at, by)),
        3 => (any::<Index>(), yaml_value()).prop_map(|(at, text)| Edit::ReplaceValue(at, text)),
        2 => (any::<Index>(), any::<Index>(), prop_oneof![Just(":".to_string()), Just("\"".to_string()), Just("'".to_string()), Just("\t".to_string()), Just("\n".to_string()), Just("\r".to_string()), Just("#".to_string()), Just("[".to_string()), Just("{".to_string()), Just("&".to_string()), Just("*".to_string()), Just("|".to_string()), "\\PC{1,3}"])
            .prop_map(|(at, pos, text)| Edit::InsertText(at, pos, text)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
    .boxed()
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for edit in edits {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let n = lines.len();
        match edit {
            Edit::Insert(at, line) => lines.insert(at.index(n + 1), line.clone()),
            Edit::Delete(at) => {
                lines.remove(at.index(n));
            }
            Edit::Duplicate(at) => {
                let i = at.index(n);
                let copy = lines[i].clone();
                lines.insert(i, copy);
            }
            Edit::Indent(at, by) => {
                let line = &mut lines[at.index(n)];
                if *by >= 0 {
                    line.insert_str(0, &" ".repeat(*by as usize));
                } else {
                    let strip = line.chars().take(by.unsigned_abs() as usize).take_while(|c| *c == ' ').count();
                    line.drain(..strip);
                }
            }
            Edit::ReplaceValue(at, value) => {
                let line = &mut lines[at.index(n)];
                if let Some(colon) = line.find(':') {
                    line.truncate(colon + 1);
                    line.push(' ');
                    line.push_str(value);
                }
            }
            Edit::InsertText(at, pos, text) => {
                let line = &mut lines[at.index(n)];
                let boundaries: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
                let byte = boundaries[pos.index(boundaries.len())];
                line.insert_str(byte, text);
            }
            Edit::Truncate(at) => lines.truncate(at.index(n).max(1)),
        }
    }
    lines.join("\n")
}

/// A text to try: pure noise, lines built from fragments, or a fixture with edits.
fn yaml_text(fixture: &'static str) -> BoxedStrategy<String> {
    prop_oneof![
        1 => any::<String>(),
        3 => prop::collection::vec(yaml_line(), 0..40).prop_map(|lines| lines.join("\n")),
        6 => prop::collection::vec(edit(yaml_line()), 1..8).prop_map(move |edits| apply(fixture, &edits)),
        1 => (prop::collection::vec(edit(yaml_line()), 0..4), any::<bool>()).prop_map(move |(edits, crlf)| {
            let text = apply(fixture, &edits);
            if crlf { text.replace('\n', "\r\n") } else { text.replace('\n', "\r") }
        }),
    ]
    .boxed()
}

/// Front matter (YAML between `---` fences) around a Markdown body.
fn front_matter_text(fixture: &'static str) -> BoxedStrategy<String> {
    prop_oneof![
        6 => yaml_text(fixture),
        2 => (prop::collection::vec(yaml_line(), 0..20), prop::sample::select(vec!["---", "...", "--- ", "----", ""]), markdown_text())
            .prop_map(|(yaml, fence, body)| format!("---\n{}\n{fence}\n{body}", yaml.join("\n"))),
        1 => markdown_text().prop_map(|body| format!("\u{feff}---\r\ntitle: x\r\n---\r\n{body}")),
    ]
    .boxed()
}

// ---------------------------------------------------------------- Markdown

/// Inline Markdown and raw HTML, including every trick for smuggling script into a page.
fn markdown_inline() -> BoxedStrategy<String> {
    let scheme = prop::sample::select(vec![
        "javascript:",
        "JaVaScRiPt:",
        " javascript:",
        "java\tscript:",
        "java\nscript:",
        "jav&#x09;ascript:",
        "&#106;avascript:",
        "&#x6A;avascript:",
        "javascript&colon;",
        "\u{0}javascript:",
        "vbscript:",
        "VBScript:",
        "data:text/html,",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,AAAA",
        "https://",
        "http://",
        "mailto:",
        "tel:",
        "/",
        "#",
        "./",
        "../",
        "//evil.example/",
        "\\\\evil/",
        "",
        "file:",
    ]);
    let payload = prop::sample::select(vec!["alert(1)", "alert%281%29", "example.org/x", "x", "%0aalert(1)"]);
    prop_oneof![
        4 => "[A-Za-z0-9 ,.!?'-]{1,30}",
        3 => (scheme.clone(), payload.clone(), "[a-z ]{0,8}").prop_map(|(s, p, t)| format!("[{t}]({s}{p})")),
        2 => (scheme.clone(), payload.clone()).prop_map(|(s, p)| format!("<{s}{p}>")),
        1 => (scheme.clone(), payload.clone()).prop_map(|(s, p)| format!("![alt]({s}{p})")),
        1 => (scheme.clone(), payload.clone()).prop_map(|(s, p)| format!("[ref]\n\n[ref]: {s}{p}")),
        1 => (scheme.clone(), payload.clone()).prop_map(|(s, p)| format!("[t]({s}{p} \"title\")")),
        3 => prop::sample::select(vec![
            "<script>alert(1)</script>", "<SCRIPT SRC=//x></SCRIPT>", "<scr<script>ipt>alert(1)</script>",
            "<svg><script>alert(1)</script></svg>", "<svg/onload=alert(1)>", "<img src=x onerror=alert(1)>",
            "<img src=x\x0conerror=alert(1)>", "<img src=x\ronerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "<a href='jav&#x09;ascript:alert(1)'>x</a>", "<a href=javascript:alert(1)>x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>", "<a\nhref=\"vbscript:x\">x</a>",
            "<iframe src=x></iframe>", "<object data=x></object>", "<embed src=x>", "<style>*{}</style>",
            "<form action=javascript:alert(1)><button>x</button></form>", "<base href=//evil/>", "<meta http-equiv=refresh>",
            "<div onmouseover=\"x()\">x</div>", "<div/onclick=x()>x</div>", "<b onclick =x>x</b>", "<details open ontoggle=x()>",
            "<abbr title=\"x\">X</abbr>", "<span lang=\"cy\">Croeso</span>", "<details><summary>s</summary>b</details>",
            "<!-- <script>x</script> -->", "<![CDATA[<script>x</script>]]>", "<?php x ?>", "<!DOCTYPE x>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<p style=\"x:expression(alert(1))\">x</p>",
            "</p>", "<", ">", "&", "&amp;", "&#0;", "&#xFFFFFF;", "&nbsp;", "\\<script>", "`<script>`",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{1,20}",
        1 => prop::sample::select(vec!["**b**", "*i*", "~~s~~", "`code`", "[^1]", "{#id}", "EHCP", "SENCO", "\\", "  \n", "[", "](", "!["]).prop_map(str::to_string),
    ]
    .boxed()
}

/// One block of Markdown.
fn markdown_block() -> BoxedStrategy<String> {
    let inline = prop::collection::vec(markdown_inline(), 1..6).prop_map(|parts| parts.join(" "));
    prop_oneof![
        5 => inline.clone(),
        2 => (1usize..8, inline.clone(), prop::option::of("[a-z-]{0,8}")).prop_map(|(n, text, id)| match id {
            Some(id) => format!("{} {text} {{#{id}}}", "#".repeat(n)),
            None => format!("{} {text}", "#".repeat(n)),
        }),
        1 => inline.clone().prop_map(|text| format!("{text}\n===")),
        1 => inline.clone().prop_map(|text| format!("- {text}\n  - {text}\n1. {text}")),
        1 => inline.clone().prop_map(|text| format!("> {text}\n>> {text}")),
        1 => inline.clone().prop_map(|text| format!("| a | b |\n| --- | --- |\n| {text} | x |")),
        1 => inline.clone().prop_map(|text| format!("```html\n{text}\n```")),
        1 => inline.clone().prop_map(|text| format!("    {text}")),
        1 => inline.clone().prop_map(|text| format!("[^1]: {text}")),
        1 => inline.prop_map(|text| format!("<div>\n{text}\n</div>")),
        1 => prop::sample::select(vec!["---", "***", "", "```", "~~~", "<!--", "-->", "<div>", "</div>", "<pre>", "<table><tr><td>x"]).prop_map(str::to_string),
        1 => (1usize..200).prop_map(|n| ">".repeat(n)),
        1 => (1usize..100).prop_map(|n| "[".repeat(n) + &"]".repeat(n)),
        1 => (1usize..60).prop_map(|n| (0..n).map(|d| format!("{}- x", "  ".repeat(d))).collect::<Vec<_>>().join("\n")),
    ]
    .boxed()
}

/// A Markdown body: noise or blocks separated by blank lines (sometimes none, sometimes CRLF).
fn markdown_text() -> BoxedStrategy<String> {
    prop_oneof![
        1 => any::<String>(),
        6 => (prop::collection::vec(markdown_block(), 0..12), prop::sample::select(vec!["\n\n", "\n", "\r\n\r\n", " "]))
            .prop_map(|(blocks, gap)| blocks.join(gap)),
    ]
    .boxed()
}

// ---------------------------------------------------------------- TOML

fn toml_line() -> BoxedStrategy<String> {
    let key = prop_oneof![
        6 => prop::sample::select(vec![
            "name", "area", "council", "base_url", "language", "theme", "accessibility_statement", "other_formats",
            "review_cycle_months", "every_page", "title", "url", "id", "description", "index_dir", "enabled",
            "max_file_kb", "max_asset_kb", "review_grace_days", "required_topics", "blocked_names", "profile",
            "max_reading_age", "max_sentence_words", "known_acronyms", "require_topics", "categories", "nav",
            "contacts", "search", "checks", "\"quoted key\"", "a.b", "name.first",
        ])
        .prop_map(str::to_string),
        1 => "[a-z_]{1,12}",
    ];
    let value = prop_oneof![
        4 => prop::sample::select(vec![
            "\"text\"", "\"\"", "\"https://example.org\"", "\"example.org\"", "\"/x/\"", "\"x/\"", "'literal'",
            "\"\"\"\nmulti\n\"\"\"", "'''\nmulti\n'''", "\"unterminated", "\"bad \\q\"", "\"\\u00e9\"", "12", "-1",
            "4294967296", "99999999999999999999", "1.5", "inf", "nan", "true", "false", "2026-01-01",
            "2026-01-01T00:00:00Z", "[]", "[\"sendiass\"]", "[\"a\", \"a\"]", "[1, \"x\"]", "[", "{}",
            "{ id = \"x\", name = \"X\", description = \"D\" }", "{ every_page = [] }", "=", "\"Short Breaks\"", "\"short-breaks\"",
            "\"../outside\"", "\"\"", "\"/\"", "\"content\"",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,20}",
    ];
    let eq = prop_oneof![5 => Just(" = "), 1 => Just("="), 1 => Just(" : "), 1 => Just(" ")];
    prop_oneof![
        8 => (0usize..4, key.clone(), eq, value).prop_map(|(n, k, e, v)| format!("{}{k}{e}{v}", " ".repeat(n))),
        2 => prop::sample::select(vec![
            "[contacts]", "[[nav]]", "[[categories]]", "[checks]", "[search]", "[plain_language]", "[statutory]",
            "[easy_read]", "[categories]", "[nav]", "[[contacts]]", "[unknown]", "[", "[[", "]]", "[a.b.c]", "contacts = { every_page = [] }",
        ])
        .prop_map(str::to_string),
        1 => Just(String::new()),
        1 => Just("# comment".to_string()),
    ]
    .boxed()
}

fn toml_text() -> BoxedStrategy<String> {
    prop_oneof![
        1 => any::<String>(),
        2 => prop::collection::vec(toml_line(), 0..30).prop_map(|lines| lines.join("\n")),
        6 => prop::collection::vec(edit(toml_line()), 1..6).prop_map(|edits| apply(SITE_TOML, &edits)),
    ]
    .boxed()
}

// ---------------------------------------------------------------- the properties

fn load(relative: &str, text: &str) -> Result<signpost::content::LoadedFile, TestCaseError> {
    let loaded = load_file_from_str(&site(), Path::new(relative), text, true);
    assert_sound(&loaded.diagnostics, &format!("content/{relative}"), text)?;
    Ok(loaded)
}

proptest! {
    #![proptest_config(cases(DEFAULT_CASES))]

    #[test]
    fn page_front_matter_never_panics_and_points_inside_the_file(text in front_matter_text(PAGE_MD)) {
        load("advice/assessment.md", &text)?;
    }

    #[test]
    fn service_markdown_never_panics_and_points_inside_the_file(text in front_matter_text(SERVICE_MD)) {
        load("services/play-scheme.md", &text)?;
    }

    #[test]
    fn service_lists_never_panic_and_point_inside_the_file(text in yaml_text(SERVICES_YAML)) {
        let loaded = load("services/health.yaml", &text)?;
        // A list that does not read as services is never dropped without an error.
        if !text.trim().is_empty() && signpost::yaml::parse::<Vec<signpost::content::ServiceRecord>>(&text).is_err() {
            prop_assert!(loaded.diagnostics.iter().any(|d| d.severity == Severity::Error), "no error for a list that does not load: {:?}", loaded.diagnostics);
        }
        for service in &loaded.services {
            prop_assert!(service.source.line >= 1 && service.source.line <= line_count(&text) + 1, "{:?}", service.source);
        }
    }

    #[test]
    fn glossaries_never_panic_and_point_inside_the_file(text in yaml_text(GLOSSARY_YAML)) {
        load("glossary.yaml", &text)?;
    }

    #[test]
    fn contact_blocks_never_panic_and_point_inside_the_file(text in yaml_text(CONTACT_YAML)) {
        load("contacts/sendiass.yaml", &text)?;
    }

    #[test]
    fn feedback_files_never_panic_and_point_inside_the_file(text in yaml_text(FEEDBACK_YAML)) {
        load("you-said-we-did.yaml", &text)?;
    }

    #[test]
    fn site_toml_never_panics_and_points_inside_the_file(text in toml_text()) {
        if let Err(problems) = SiteConfig::from_text(&text) {
            prop_assert!(!problems.is_empty());
            assert_sound_in(&problems, "site.toml", text.split('\n').collect())?;
        }
    }

    #[test]
    fn markdown_never_panics_and_points_inside_the_file(body in markdown_text(), first_line in 1usize..50) {
        let glossary = load("glossary.yaml", GLOSSARY_YAML)?.glossary;
        let span = SourceSpan::new("content/x.md", first_line);
        let out = render_with(&body, span, &Abbreviations::from_glossary(&glossary), &ContentConfig::default());
        // The body starts at `first_line` of its file: shift the check by the lines before it.
        let file_text = format!("{}{body}", "\n".repeat(first_line - 1));
        assert_sound(&out.diagnostics, "content/x.md", &file_text)?;
        for link in &out.links {
            prop_assert!(link.line >= first_line && link.line <= line_count(&file_text) + 1 && link.column >= 1, "{:?}", link);
        }
    }
}

// ---------------------------------------------------------------- what the HTML may hold

/// Decodes the character references a browser decodes in an attribute, then drops whitespace and
/// control characters, as a browser does before reading a URL's scheme.
fn browser_url(value: &str) -> String {
    let mut decoded = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|i| i + 1)
            .unwrap_or(rest.len());
        let name = &rest[1..end];
        let character = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = name.strip_prefix('#') {
            dec.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match name.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "amp" => Some('&'),
                _ => None,
            }
        };
        match character {
            Some(c) => {
                decoded.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// What in `html` could run script, if anything: a `<script>` element, an `on…` attribute, or a
/// link or source with a `javascript:`, `vbscript:` or (for links) `data:` address.
fn script_in(html: &str, check_urls: bool) -> Option<String> {
    use lol_html::{RewriteStrSettings, element, rewrite_str};
    if html.to_ascii_lowercase().contains("<script") {
        return Some("a <script> tag".to_string());
    }
    let found = std::cell::RefCell::new(None);
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        if el.tag_name().eq_ignore_ascii_case("script") {
            *found.borrow_mut() = Some("a script element".to_string());
        }
        for attribute in el.attributes() {
            let name = attribute.name().to_ascii_lowercase();
            if name.starts_with("on") {
                *found.borrow_mut() = Some(format!("the event attribute {name}"));
            }
            if check_urls && matches!(name.as_str(), "href" | "src" | "action" | "formaction" | "xlink:href" | "srcdoc") {
                let url = browser_url(&attribute.value());
                let link = name != "src";
                if url.starts_with("javascript:") || url.starts_with("vbscript:") || (link && url.starts_with("data:")) {
                    *found.borrow_mut() = Some(format!("{name}={url}"));
                }
            }
        }
        Ok(())
    }));
    if rewrite_str(html, settings).is_err() {
        return Some("HTML that lol_html cannot read".to_string());
    }
    found.into_inner()
}

#[test]
fn the_script_oracle_sees_what_browsers_would_run() {
    assert!(script_in("<p>a &lt;script&gt; b</p>", true).is_none());
    assert!(script_in("<a href=\"/x/\" class=\"y\">once</a>", true).is_none());
    assert!(script_in("<SCRIPT>x</SCRIPT>", true).is_some());
    assert!(script_in("<img src=x onerror=y>", true).is_some());
    assert!(script_in("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", true).is_some());
    assert!(script_in("<a href=\"javascript&colon;x\">x</a>", true).is_some());
    assert!(script_in("<a href=\" &#106;avascript:x\">x</a>", true).is_some());
    assert!(script_in("<a href=\"data:text/html,x\">x</a>", true).is_some());
    assert!(script_in("<a href=\"https://example.org/javascript:\">x</a>", true).is_none());
}

proptest! {
    #![proptest_config(cases(DEFAULT_CASES))]

    /// No `<script>` and no event attributes, whatever raw HTML the author writes.
    #[test]
    fn markdown_never_emits_script_or_event_attributes(body in markdown_text()) {
        let out = render_with(&body, SourceSpan::new("content/x.md", 1), &Abbreviations::default(), &ContentConfig::default());
        prop_assert!(script_in(&out.html, false).is_none(), "{:?} in {}", script_in(&out.html, false), out.html);
    }

    /// No `javascript:`, `vbscript:` or `data:` link, however it is spelled.
    #[test]
    fn markdown_never_emits_script_addresses(body in markdown_text()) {
        let out = render_with(&body, SourceSpan::new("content/x.md", 1), &Abbreviations::default(), &ContentConfig::default());
        prop_assert!(script_in(&out.html, true).is_none(), "{:?} in {}", script_in(&out.html, true), out.html);
    }
}
