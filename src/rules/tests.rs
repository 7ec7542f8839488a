use super::*;
use crate::diagnostic::Diagnostic;
use std::collections::BTreeSet;
use std::path::Path;

/// Every `.rs` file under `src/` except the registry itself, with its unit tests cut off.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                if !path.ends_with("rules") {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("").to_string();
                out.push((path.display().to_string(), code));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(out.len() > 50, "the scan found the sources");
    out
}

#[test]
fn the_registry_is_sorted_without_repeats() {
    for pair in list::DECLARED.windows(2) {
        assert!(pair[0].id < pair[1].id, "{} must come before {}", pair[0].id, pair[1].id);
    }
    assert!(ALL.len() > 100);
    assert_eq!(ALL.len(), list::DECLARED.len());
    assert_eq!(find("passive-voice"), Some(Rule::PASSIVE_VOICE));
    assert_eq!(Rule::PASSIVE_VOICE.usual(), Usual::Warning);
    assert!(find("passive_voice").is_none());
}

#[test]
fn each_rule_has_a_distinct_id_and_is_its_constant() {
    let ids: BTreeSet<&str> = ALL.iter().map(|rule| rule.id()).collect();
    assert_eq!(ids.len(), ALL.len(), "two rules share an id");
    for (at, rule) in ALL.iter().enumerate() {
        let declared = rule.declaration();
        assert_eq!(declared, &list::DECLARED[at]);
        assert_eq!(
            declared.name.to_lowercase().replace('_', "-"),
            declared.id,
            "name the constant after its id"
        );
        assert_eq!(find(rule.id()), Some(*rule));
    }
    // Rules order as their ids do, so diagnostics sort as they did when rules were strings.
    assert!(Rule::DEAD_LINK < Rule::PASSIVE_VOICE && Rule::ACCESS < Rule::YAML_TOO_DEEP);
}

#[test]
fn a_rule_prints_and_serialises_as_its_id() {
    assert_eq!(Rule::PASSIVE_VOICE.to_string(), "passive-voice");
    assert_eq!(format!("{:?}", Rule::DEAD_LINK), "\"dead-link\"");
    assert_eq!(serde_json::to_string(&Rule::YAML_TAB).unwrap(), "\"yaml-tab\"");
    let json = serde_json::to_value(Diagnostic::error("a.md", 1, 2, Rule::IMAGE_ALT, "x")).unwrap();
    assert_eq!(json["rule"], "image-alt");
}

#[test]
fn every_rule_in_the_registry_is_used() {
    let code: String = sources().into_iter().map(|(_, code)| code).collect();
    let names = |name: &str| {
        code.match_indices(&format!("::{name}"))
            .any(|(at, found)| !code[at + found.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
    };
    let unused: Vec<_> = list::DECLARED.iter().filter(|rule| !names(rule.name)).map(|r| r.id).collect();
    assert!(unused.is_empty(), "no code names these rules: {unused:?}");
}

#[test]
fn every_rule_has_a_summary_and_a_docs_anchor_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let anchors = |file: &str| -> BTreeSet<String> {
        std::fs::read_to_string(root.join(file))
            .unwrap()
            .lines()
            .filter(|line| line.starts_with('#'))
            .map(|line| {
                line.trim_start_matches('#')
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
                    .map(|c| if c == ' ' { '-' } else { c })
                    .collect()
            })
            .collect()
    };
    for rule in ALL {
        assert!(!rule.summary().is_empty() && !rule.summary().contains('\n'), "{rule}");
        let (file, anchor) = rule.docs().split_once('#').unwrap_or((rule.docs(), ""));
        assert!(root.join(file).is_file(), "{rule}: {file} does not exist");
        if !anchor.is_empty() {
            assert!(anchors(file).contains(anchor), "{rule}: {file} has no section #{anchor}");
        }
    }
}

/// The ids in the first column of the README's table of rules (in "Diagnostics").
fn readme_table() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("What is checked now:").expect("the README lists the rules");
    let table = &readme[start..];
    let table = &table[..table.find("\n## ").unwrap_or(table.len())];
    let mut ids = BTreeSet::new();
    for row in table.lines().filter(|line| line.starts_with("| `")) {
        let first = row.split('|').nth(1).unwrap_or("");
        for (index, part) in first.split('`').enumerate() {
            if index % 2 == 1 {
                ids.insert(part.to_string());
            }
        }
    }
    ids
}

#[test]
fn the_readme_table_lists_every_rule_and_no_other() {
    let table = readme_table();
    let registry: BTreeSet<String> = ALL.iter().map(|r| r.id().to_string()).collect();
    let not_in_readme: Vec<_> = registry.difference(&table).collect();
    let not_a_rule: Vec<_> = table.difference(&registry).collect();
    assert!(not_in_readme.is_empty(), "add to the README's table of rules: {not_in_readme:?}");
    assert!(
        not_a_rule.is_empty(),
        "the README's table names rules that do not exist: {not_a_rule:?}"
    );
}

#[test]
fn off_drops_and_a_level_replaces_the_severity() {
    let mut found = Diagnostics::default();
    found.extend([
        Diagnostic::warning("content/a.md", 3, 1, Rule::PASSIVE_VOICE, "a letter will be sent"),
        Diagnostic::warning("content/a.md", 4, 1, Rule::CAPITALS, "SHOUTING"),
        Diagnostic::warning("content/a.md", 5, 1, Rule::VAGUE_LINK_TEXT, "click here"),
    ]);
    let overrides: Overrides = [(Rule::PASSIVE_VOICE, Level::Off), (Rule::CAPITALS, Level::Error)].into();
    apply(&overrides, &mut found);
    let left: Vec<_> = found.as_mut_slice().iter().map(|d| (d.rule, d.severity)).collect();
    assert_eq!(
        left,
        vec![(Rule::CAPITALS, Severity::Error), (Rule::VAGUE_LINK_TEXT, Severity::Warning)]
    );
}

#[test]
fn the_listing_names_every_rule_once() {
    let text = listing();
    assert_eq!(text.lines().count(), ALL.len());
    assert!(text.contains("passive-voice"));
    let json: serde_json::Value = serde_json::from_str(&listing_json()).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(ALL.len()));
    assert_eq!(json[0]["id"], ALL[0].id());
}
