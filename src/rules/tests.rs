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

/// The arguments of the call whose `(` ends at `start`, as written (split at top-level commas).
fn arguments(code: &str, start: usize) -> Vec<String> {
    let (mut depth, mut in_string, mut escaped) = (1, false, false);
    let (mut args, mut current) = (Vec::new(), String::new());
    for c in code[start..].chars() {
        if in_string {
            current.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                args.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    args.push(current.trim().to_string());
    args
}

fn literal(text: &str) -> Option<&str> {
    text.strip_prefix('"')?.strip_suffix('"').filter(|inner| !inner.contains('"'))
}

/// Rule ids written where the code names a rule: the rule argument of `Diagnostic::error` and
/// `Diagnostic::warning` (a literal or a `const`), and `rule: "…"` fields.
fn rules_named_in_code() -> BTreeSet<(String, String)> {
    let sources = sources();
    let mut consts = BTreeMap::new();
    for (_, code) in &sources {
        for line in code.lines() {
            let line = line.trim_start().trim_start_matches("pub ");
            if let Some(rest) = line.strip_prefix("const ")
                && let Some((name, value)) = rest.split_once(": &str = ")
                && let Some(value) = literal(value.trim_end_matches(';'))
            {
                consts.insert(name.to_string(), value.to_string());
            }
        }
    }
    let mut found = BTreeSet::new();
    for (file, code) in &sources {
        for call in ["Diagnostic::error(", "Diagnostic::warning("] {
            for (at, _) in code.match_indices(call) {
                let args = arguments(code, at + call.len());
                let Some(rule) = args.get(3) else { continue };
                let name = rule.rsplit("::").next().unwrap_or(rule);
                if let Some(id) = literal(rule) {
                    found.insert((id.to_string(), file.clone()));
                } else if let Some(id) = consts.get(name) {
                    found.insert((id.clone(), file.clone()));
                }
            }
        }
        for (at, _) in code.match_indices("rule: \"") {
            let rest = &code[at + "rule: \"".len()..];
            if let Some(end) = rest.find('"') {
                found.insert((rest[..end].to_string(), file.clone()));
            }
        }
    }
    found
}

#[test]
fn the_registry_is_sorted_without_repeats() {
    for pair in ALL.windows(2) {
        assert!(pair[0].id < pair[1].id, "{} must come before {}", pair[0].id, pair[1].id);
    }
    assert!(ALL.len() > 100);
    assert_eq!(find("passive-voice").map(|r| r.usual), Some(Usual::Warning));
    assert!(find("passive_voice").is_none());
}

#[test]
fn every_rule_the_code_names_is_in_the_registry() {
    let named = rules_named_in_code();
    assert!(named.len() > 100, "the scan found the rules ({})", named.len());
    let missing: Vec<_> = named.iter().filter(|(id, _)| find(id).is_none()).collect();
    assert!(missing.is_empty(), "add these to src/rules/list.rs: {missing:?}");
}

#[test]
fn every_rule_in_the_registry_is_used() {
    let code: String = sources().into_iter().map(|(_, code)| code).collect();
    let unused: Vec<_> = ALL
        .iter()
        .filter(|rule| !code.contains(&format!("\"{}\"", rule.id)))
        .map(|r| r.id)
        .collect();
    assert!(unused.is_empty(), "no code names these rules: {unused:?}");
}

#[test]
fn every_rule_has_a_summary_and_a_docs_page_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let anchors: BTreeSet<String> = readme
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
        .collect();
    for rule in ALL {
        assert!(!rule.summary.is_empty() && !rule.summary.contains('\n'), "{}", rule.id);
        let (file, anchor) = rule.docs.split_once('#').unwrap_or((rule.docs, ""));
        assert!(root.join(file).is_file(), "{}: {file} does not exist", rule.id);
        if file == "README.md" {
            assert!(anchors.contains(anchor), "{}: README has no section #{anchor}", rule.id);
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
    let registry: BTreeSet<String> = ALL.iter().map(|r| r.id.to_string()).collect();
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
        Diagnostic::warning("content/a.md", 3, 1, "passive-voice", "a letter will be sent"),
        Diagnostic::warning("content/a.md", 4, 1, "capitals", "SHOUTING"),
        Diagnostic::warning("content/a.md", 5, 1, "vague-link-text", "click here"),
    ]);
    let overrides: Overrides = [("passive-voice".to_string(), Level::Off), ("capitals".to_string(), Level::Error)].into();
    apply(&overrides, &mut found);
    let left: Vec<_> = found.as_mut_slice().iter().map(|d| (d.rule, d.severity)).collect();
    assert_eq!(left, vec![("capitals", Severity::Error), ("vague-link-text", Severity::Warning)]);
}

#[test]
fn the_listing_names_every_rule_once() {
    let text = listing();
    assert_eq!(text.lines().count(), ALL.len());
    assert!(text.contains("passive-voice"));
    let json: serde_json::Value = serde_json::from_str(&listing_json()).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(ALL.len()));
    assert_eq!(json[0]["id"], ALL[0].id);
}
