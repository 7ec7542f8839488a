//! Each rule firing and not firing, with line and column; allow comments; profiles.

use super::*;
use crate::config::SiteConfig;
use crate::content::{GlossaryTerm, PageMeta, SourceRef};
use crate::rules::Rule;

const CONFIG: &str = r#"
name = "Test"
area = "Testshire"
council = "Testshire Council"
base_url = "https://example.org/"
accessibility_statement = "/accessibility/"

[[categories]]
id = "health"
name = "Health"
description = "Health services."
"#;

/// The body starts on line 8 of the file, after seven lines of front matter.
const FIRST_LINE: usize = 8;

fn site_with(extra_front_matter: &str, body: &str, extra_config: &str) -> Site {
    let front = format!("title: Test page\nsummary: A test.\nlast_reviewed: 2026-10-01\nowner: Team\n{extra_front_matter}");
    let meta: PageMeta = crate::yaml::parse(&front).expect("test front matter");
    let config = SiteConfig::parse(&format!("{CONFIG}\n{extra_config}")).expect("test config");
    Site {
        config,
        pages: vec![Page {
            source: SourceRef {
                file: "content/test.md".into(),
                line: 1,
                column: 1,
            },
            url: "/test/".into(),
            meta,
            body: body.to_string(),
            body_first_line: FIRST_LINE,
            language: None,
        }],
        services: Vec::new(),
        places: Default::default(),
        contacts: Default::default(),
        you_said_we_did: None,
        sources: Default::default(),
        glossary: vec![GlossaryTerm {
            term: "EHC plan".into(),
            stands_for: Some("Education, health and care plan".into()),
            meaning: "A plan.".into(),
        }],
    }
}

fn analyse(body: &str) -> PageReadability {
    analyse_with("", body, "")
}

fn analyse_with(front: &str, body: &str, config: &str) -> PageReadability {
    let site = site_with(front, body, config);
    analyse_site(&site, super::SiteFiles::BuiltInOnly, true).pages.remove(0)
}

/// (rule, severity, line, column) of every finding.
fn found(page: &PageReadability) -> Vec<(Rule, Severity, usize, usize)> {
    let mut all: Vec<_> = page.findings.iter().map(|d| (d.rule, d.severity, d.line, d.column)).collect();
    all.sort_by_key(|f| (f.2, f.3));
    all
}

fn words(n: usize) -> String {
    let mut text = vec!["word"; n].join(" ");
    text.replace_range(..1, "W");
    text.push('.');
    text
}

#[test]
fn sentence_too_long_warns_then_errors() {
    let page = analyse(&format!("Intro.\n\nOk then. {}\n\n{}\n\n{}\n", words(26), words(36), words(25)));
    assert_eq!(
        found(&page),
        vec![
            (rules::SENTENCE_TOO_LONG, Severity::Warning, FIRST_LINE + 2, 10),
            (rules::SENTENCE_TOO_LONG, Severity::Error, FIRST_LINE + 4, 1),
        ]
    );
    assert!(page.findings[1].message.contains("36 words"), "{:?}", page.findings[1]);
}

#[test]
fn paragraph_too_long_counts_sentences() {
    let six = "One. Two. Three. Four. Five. Six.";
    let five = "One. Two. Three. Four. Five.";
    let page = analyse(&format!("{five}\n\n{six}\n"));
    assert_eq!(
        found(&page),
        vec![(rules::PARAGRAPH_TOO_LONG, Severity::Warning, FIRST_LINE + 2, 1)]
    );
}

#[test]
fn words_to_avoid_are_found_with_their_forms() {
    let page = analyse("We run groups.\n\nWe will facilitate groups and we utilised a hall. Whilst there.\n");
    assert_eq!(
        found(&page),
        vec![
            (rules::WORD_TO_AVOID, Severity::Error, FIRST_LINE + 2, 9),
            (rules::WORD_TO_AVOID, Severity::Error, FIRST_LINE + 2, 34),
            (rules::WORD_TO_AVOID, Severity::Warning, FIRST_LINE + 2, 51),
        ]
    );
    assert_eq!(page.findings[1].suggestion.as_deref(), Some("Instead, write: use."));
}

#[test]
fn derived_forms_of_strategy_speak_are_errors() {
    let page = analyse(
        "Our collaboration is collaborative. The delivery of deliverables. An innovative workstream, embedded in best practices.\n",
    );
    let written: Vec<String> = page
        .findings
        .iter()
        .map(|d| {
            assert_eq!(d.severity, Severity::Error, "{d:?}");
            d.message.split('"').nth(1).unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(
        written,
        [
            "collaboration",
            "collaborative",
            "delivery",
            "deliverables",
            "innovative",
            "workstream",
            "embedded",
            "best practices"
        ]
    );
}

#[test]
fn allowed_forms_and_plain_words_are_not_flagged() {
    let page = analyse("Ask about assistive technology. We liver the inner room.\n");
    assert_eq!(found(&page), vec![]);
}

#[test]
fn site_toml_sets_the_severity_of_words() {
    let config = "[plain_language.words_to_avoid]\ndeliver = \"warning\"\nwhilst = \"off\"\nsignposting = \"error\"\n";
    let page = analyse_with("", "We deliver signposting whilst open.\n", config);
    assert_eq!(
        found(&page),
        vec![
            (rules::WORD_TO_AVOID, Severity::Warning, FIRST_LINE, 4),
            (rules::WORD_TO_AVOID, Severity::Error, FIRST_LINE, 12),
        ]
    );
}

#[test]
fn passive_voice_tells_states_from_actions() {
    for (text, passive) in [
        ("Providers that are not registered cannot take the money.", false),
        ("The office is closed on Sundays.", false),
        ("Our staff are trained in first aid.", false),
        ("The office is closed by the council in August.", true),
        ("Your plan is reviewed every year.", true),
        ("A well-known group is well-organised.", false),
        ("The team is made up of nurses.", false),
        ("Sessions are run by volunteers.", true),
        ("Sessions are run on Fridays.", false),
        ("The plan was made by the school.", true),
        ("This strategy has been co-produced with families.", true),
    ] {
        let page = analyse(&format!("{text}\n"));
        let fired = page.findings.iter().any(|d| d.rule == rules::PASSIVE_VOICE);
        assert_eq!(fired, passive, "{text}: {:?}", page.findings);
    }
}

#[test]
fn joined_words_count_once_and_their_acronyms_are_checked() {
    // 25 words, one of them "cost-effective": no warning at 25.
    let text = "A cost-effective plan for post-16 learners in 2024/25 helps young people and/or their parents find a good college course near home with help each week.";
    let page = analyse(&format!("{text}\n"));
    assert_eq!(page.counts.words, 25, "{:?}", page.findings);
    assert_eq!(found(&page), vec![]);
    let page = analyse("Ask about EHCP/SEN help.\n");
    let acronyms: Vec<&str> = page
        .findings
        .iter()
        .filter(|d| d.rule == rules::UNEXPLAINED_ACRONYM)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(acronyms.len(), 2, "{acronyms:?}");
}

#[test]
fn unexplained_acronyms_are_found_once() {
    let page = analyse("Ask for an EHCP today.\n\nYour EHCP is reviewed each year by us.\n");
    assert_eq!(found(&page)[0], (rules::UNEXPLAINED_ACRONYM, Severity::Warning, FIRST_LINE, 12));
    assert_eq!(found(&page).iter().filter(|f| f.0 == rules::UNEXPLAINED_ACRONYM).count(), 1);
}

#[test]
fn acronyms_in_brackets_the_glossary_or_the_known_list_are_fine() {
    let page = analyse("An education, health and care plan (EHCP) helps. Your EHC plan is yours. Ask the NHS.\n");
    assert!(found(&page).is_empty(), "{:?}", page.findings);
    let page = analyse("The SENCO (special educational needs coordinator) helps.\n");
    assert!(found(&page).is_empty(), "{:?}", page.findings);
}

#[test]
fn passive_voice_is_a_warning() {
    let page = analyse("Letters are sent by the council.\n\nWe send letters. Your child is disabled. We are based in town.\n");
    assert_eq!(found(&page), vec![(rules::PASSIVE_VOICE, Severity::Warning, FIRST_LINE, 9)]);
}

#[test]
fn vague_link_text_is_found() {
    let page = analyse("For help, [click here](/help/).\n\nRead about [short breaks](/short-breaks/).\n");
    assert_eq!(found(&page), vec![(rules::VAGUE_LINK_TEXT, Severity::Warning, FIRST_LINE, 11)]);
}

#[test]
fn whole_words_in_capitals_are_found() {
    let page = analyse("Hello. PLEASE NOTE the time.\n\nGo to A&E or call the NHS.\n");
    assert_eq!(found(&page), vec![(rules::CAPITALS, Severity::Warning, FIRST_LINE, 8)]);
}

#[test]
fn ampersand_for_and_is_found() {
    let page = analyse("Parents & carers are welcome.\n\nGo to A&E if it is urgent.\n");
    assert_eq!(found(&page), vec![(rules::AMPERSAND, Severity::Warning, FIRST_LINE, 9)]);
}

#[test]
fn outdated_disability_words_are_errors() {
    let page = analyse("We help a wheelchair-bound child.\n\nWe help wheelchair users.\n");
    assert_eq!(found(&page), vec![(rules::DISABILITY_LANGUAGE, Severity::Error, FIRST_LINE, 11)]);
    assert!(page.findings[0].suggestion.as_deref().unwrap_or("").contains("wheelchair user"));
}

#[test]
fn list_items_and_table_cells_are_sentences_of_their_own() {
    let item = vec!["word"; 20].join(" ");
    let page = analyse(&format!("- {item}\n- {item}\n\n| A |\n|---|\n| {item} |\n"));
    assert!(found(&page).is_empty(), "{:?}", page.findings);
    assert_eq!(page.counts.sentences, 4);
}

#[test]
fn code_addresses_and_phone_numbers_are_not_checked() {
    let page = analyse("Call 01922 650000 or see https://www.example.org/A-VERY-LONG-ADDRESS today.\n\n```\nTHIS IS CODE & MORE\n```\n");
    assert!(found(&page).is_empty(), "{:?}", page.findings);
}

#[test]
fn an_allow_comment_with_a_reason_sets_a_finding_aside() {
    let body = format!(
        "Intro.\n\n<!-- signpost-allow sentence-too-long: the name of the law -->\n{}\n",
        words(40)
    );
    let page = analyse(&body);
    assert!(found(&page).is_empty(), "{:?}", page.findings);
    assert_eq!(page.allowed.len(), 1);
    assert_eq!(page.allowed[0].reason, "the name of the law");
    assert_eq!(page.allowed[0].diagnostic.line, FIRST_LINE + 3);
}

#[test]
fn an_allow_comment_needs_a_reason_and_a_real_rule() {
    let body = format!(
        "<!-- signpost-allow sentence-too-long -->\n{}\n\n<!-- signpost-allow sentence-too-lng: why -->\nShort.\n",
        words(40)
    );
    let page = analyse(&body);
    assert_eq!(
        found(&page),
        vec![
            (Rule::ALLOW_NEEDS_REASON, Severity::Error, FIRST_LINE, 1),
            (rules::SENTENCE_TOO_LONG, Severity::Error, FIRST_LINE + 1, 1),
            (Rule::ALLOW_UNKNOWN_RULE, Severity::Error, FIRST_LINE + 3, 1),
        ]
    );
    let unknown = page
        .findings
        .iter()
        .find(|d| d.rule == Rule::ALLOW_UNKNOWN_RULE)
        .expect("unknown rule");
    assert!(unknown.suggestion.as_deref().unwrap_or("").contains("sentence-too-long"));
}

#[test]
fn an_allow_comment_that_allows_nothing_is_a_warning() {
    let page = analyse("<!-- signpost-allow passive-voice: quoted -->\nWe send letters.\n");
    assert_eq!(found(&page), vec![(Rule::ALLOW_UNUSED, Severity::Warning, FIRST_LINE, 1)]);
}

#[test]
fn pages_for_young_people_have_lower_limits() {
    let body = format!("{}\n", words(22));
    assert!(found(&analyse(&body)).is_empty());
    let page = analyse_with("audience: [young-people]\n", &body, "");
    assert_eq!(page.profile, Profile::YoungPeople);
    assert_eq!(found(&page), vec![(rules::SENTENCE_TOO_LONG, Severity::Warning, FIRST_LINE, 1)]);
}

#[test]
fn easy_read_pages_are_strict() {
    let page = analyse_with(
        "plain_language:\n  profile: easy-read\n",
        &format!("{}\n\nLetters are sent. Ask about an EHCP.\n", words(16)),
        "",
    );
    assert_eq!(page.profile, Profile::EasyRead);
    assert_eq!(
        found(&page),
        vec![
            (rules::SENTENCE_TOO_LONG, Severity::Error, FIRST_LINE, 1),
            (rules::PASSIVE_VOICE, Severity::Error, FIRST_LINE + 2, 9),
            (rules::UNEXPLAINED_ACRONYM, Severity::Error, FIRST_LINE + 2, 32),
        ]
    );
}

#[test]
fn front_matter_raises_limits_only_with_a_reason() {
    let body = format!("{}\n", words(40));
    let with_reason = analyse_with("plain_language:\n  max_sentence_words: 45\n  reason: quotes the law\n", &body, "");
    assert!(found(&with_reason).is_empty(), "{:?}", with_reason.findings);
    let without = analyse_with("plain_language:\n  max_sentence_words: 45\n", &body, "");
    assert_eq!(
        found(&without),
        vec![
            (Rule::LIMITS_NEED_REASON, Severity::Error, 1, 1),
            (rules::SENTENCE_TOO_LONG, Severity::Error, FIRST_LINE, 1),
        ]
    );
}

#[test]
fn site_toml_changes_the_limits() {
    let body = format!("{}\n", words(40));
    let page = analyse_with(
        "",
        &body,
        "[plain_language.standard]\nsentence_error_words = 50\nsentence_warn_words = 45\n",
    );
    assert!(found(&page).is_empty(), "{:?}", page.findings);
    let page = analyse_with("", "Ask about an EHCP.\n", "[plain_language]\nknown_acronyms = [\"EHCP\"]\n");
    assert!(found(&page).is_empty(), "{:?}", page.findings);
}

#[test]
fn scores_only_for_pages_with_enough_words() {
    let short = analyse("The cat sat on the mat.\n");
    assert!(short.scores.is_none());
    let long = analyse(&"The cat sat on the mat. ".repeat(20));
    let scores = long.scores.expect("120 words are enough");
    // 6 words and 6 syllables a sentence: FK = 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45, so age 5.
    assert!((scores.flesch_kincaid_grade + 1.45).abs() <= 0.051, "{scores:?}");
    assert_eq!(scores.reading_age, 5.0);
    assert_eq!(long.longest.len(), 3);
}
