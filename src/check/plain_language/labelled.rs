//! The rules measured on labelled sentences (tests/fixtures/plain-language/labelled.yaml): for each
//! rule, its precision (how often it is right when it fires) and recall (how many of the sentences
//! that need it it finds), and the same for "fails the build" against the `hard` label. The figures
//! are recorded in docs/plain-language.md; the minimums below keep them from slipping.

use super::extract;
use super::rules::{self, Context};
use super::words::WordLists;
use crate::config::plain_language::{Limits, Profile};
use crate::diagnostic::Severity;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

const LABELLED: &str = include_str!("../../../tests/fixtures/plain-language/labelled.yaml");

#[derive(Debug, Deserialize)]
struct Labelled {
    text: String,
    label: String,
    rules: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    from: Option<String>,
}

/// True and false positives and false negatives of one rule.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    right: usize,
    wrong: usize,
    missed: usize,
}

impl Tally {
    fn add(&mut self, expected: bool, fired: bool) {
        match (expected, fired) {
            (true, true) => self.right += 1,
            (false, true) => self.wrong += 1,
            (true, false) => self.missed += 1,
            (false, false) => {}
        }
    }

    fn precision(&self) -> f64 {
        ratio(self.right, self.right + self.wrong)
    }

    fn recall(&self) -> f64 {
        ratio(self.right, self.right + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The rules measured, and the build failing (any error) as `fails`.
const MEASURED: [&str; 5] = [
    rules::WORD_TO_AVOID.id(),
    rules::SENTENCE_TOO_LONG.id(),
    rules::PASSIVE_VOICE.id(),
    rules::UNEXPLAINED_ACRONYM.id(),
    "fails",
];

fn measure() -> (BTreeMap<&'static str, Tally>, Vec<String>) {
    let labelled: Vec<Labelled> = crate::yaml::parse(LABELLED).expect("labelled sentences");
    let (lists, problems) = WordLists::load(None, true, &BTreeMap::new());
    assert!(problems.is_empty());
    let known: HashSet<String> = ["NHS", "GP", "UK", "TV", "OK"].iter().map(|s| s.to_string()).collect();
    let cx = Context {
        limits: Limits::defaults(Profile::Standard),
        lists: &lists,
        known_acronyms: &known,
    };
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for sentence in &labelled {
        let findings = rules::check(&extract::from_plain_text(&sentence.text), &cx);
        let fired: BTreeSet<&str> = findings.iter().map(|f| f.finding.rule.id()).collect();
        let fails = findings.iter().any(|f| f.finding.severity == Severity::Error);
        for rule in MEASURED {
            let (expected, got) = if rule == "fails" {
                (sentence.label == "hard", fails)
            } else {
                (sentence.rules.iter().any(|r| r == rule), fired.contains(rule))
            };
            tallies.entry(rule).or_default().add(expected, got);
            if expected != got {
                disagreements.push(format!("{rule} expected {expected}, got {got}: {}", sentence.text));
            }
        }
    }
    (tallies, disagreements)
}

#[test]
fn labels_are_known_rules() {
    let labelled: Vec<Labelled> = crate::yaml::parse(LABELLED).expect("labelled sentences");
    assert!(labelled.len() >= 50);
    for sentence in &labelled {
        assert!(matches!(sentence.label.as_str(), "hard" | "plain"), "{sentence:?}");
        for rule in &sentence.rules {
            assert!(crate::rules::find(rule).is_some_and(|r| rules::RULES.contains(&r)), "{rule}");
        }
    }
}

#[test]
fn each_rule_meets_its_precision_and_recall() {
    let (tallies, disagreements) = measure();
    // Shown with `cargo test labelled -- --nocapture`; copied into docs/plain-language.md.
    for (rule, tally) in &tallies {
        println!(
            "{rule}: precision {:.2} recall {:.2} (right {}, wrong {}, missed {})",
            tally.precision(),
            tally.recall(),
            tally.right,
            tally.wrong,
            tally.missed
        );
    }
    for line in &disagreements {
        println!("  {line}");
    }
    let minimums = [
        (rules::WORD_TO_AVOID.id(), 0.9, 0.95),
        (rules::SENTENCE_TOO_LONG.id(), 1.0, 1.0),
        (rules::PASSIVE_VOICE.id(), 0.85, 0.85),
        (rules::UNEXPLAINED_ACRONYM.id(), 1.0, 1.0),
        ("fails", 0.9, 0.85),
    ];
    for (rule, precision, recall) in minimums {
        let tally = tallies[rule];
        assert!(
            tally.precision() >= precision,
            "{rule} precision {:.2} < {precision}",
            tally.precision()
        );
        assert!(tally.recall() >= recall, "{rule} recall {:.2} < {recall}", tally.recall());
    }
}
