//! Root causes first. When a file cannot be loaded, the links to its pages break and the topics it
//! covered go uncovered; those knock-on findings are grouped under the error that caused them
//! (with advice to fix that first) instead of being listed as separate errors with wrong "did you
//! mean" advice.
//!
//! The pass works from what the checks know, never from their wording: each knock-on finding
//! names what is missing ([`Subject::Missing`]: an address, `topic:ID`, `contact:ID`), and each
//! file with an error is read leniently (line by line, so a broken file can still be read) for
//! what it would have made. A file in `assets/` that cannot be published (too large, unreadable)
//! is the cause of the links to it.

use crate::content::{CONTENT_DIR, SourceTexts, slugify};
use crate::diagnostic::{Cause, Diagnostic, Diagnostics, Severity, Subject, topic_key};
use crate::rules::Rule;
use std::collections::BTreeMap;
use std::path::Path;

/// Files in the assets folder are published at `/assets/…`.
const ASSETS: &str = "assets/";

/// Something a file would have made, and the lines it was written on (the whole file: `None`).
#[derive(Debug, PartialEq, Eq)]
struct Made {
    key: String,
    lines: Option<(usize, usize)>,
}

/// Marks every finding that follows from a root cause with [`Diagnostic::set_caused_by`] and replaces
/// its advice with "fix that first". `sources` are the texts the loader kept, where the files
/// with errors are read (a file the loader could not read is judged by its name alone).
pub fn group_root_causes(sources: &SourceTexts, diagnostics: &mut Diagnostics) {
    let items = diagnostics.as_mut_slice();
    if !items.iter().any(|d| matches!(d.subject(), Some(Subject::Missing(_)))) {
        return;
    }
    let is_root =
        |d: &Diagnostic| d.severity == Severity::Error && d.caused_by().is_none() && !matches!(d.subject(), Some(Subject::Missing(_)));
    let mut errors_by_file: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, d) in items.iter().enumerate() {
        if is_root(d) && (d.file.starts_with(&format!("{CONTENT_DIR}/")) || d.file.starts_with(ASSETS)) {
            errors_by_file.entry(d.file.clone()).or_default().push(index);
        }
    }
    let mut makers: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, d) in items.iter().enumerate() {
        if let (true, Some(Subject::Stops(key))) = (is_root(d), d.subject()) {
            makers.entry(key.clone()).or_default().push(index);
        }
    }
    for (file, indices) in &errors_by_file {
        for made in would_make(sources, file) {
            let in_lines = |i: &usize| made.lines.is_none_or(|(from, to)| (from..=to).contains(&items[*i].line));
            // The first error inside the service that would have made it, else the file's first.
            let first = |only_inside: bool| {
                indices
                    .iter()
                    .copied()
                    .filter(|i| !only_inside || in_lines(i))
                    .min_by_key(|i| (items[*i].line, items[*i].column))
            };
            if let Some(cause) = first(true).or_else(|| first(false)) {
                makers.entry(made.key).or_default().push(cause);
            }
        }
    }
    let links: Vec<(usize, Cause)> = items
        .iter()
        .enumerate()
        .filter_map(|(index, d)| {
            let Some(Subject::Missing(key)) = d.subject() else { return None };
            let &cause = makers.get(key)?.first()?;
            Some((index, cause_of(&items[cause])))
        })
        .collect();
    for (index, cause) in links {
        let d = &mut items[index];
        d.suggestion = Some(format!(
            "Fix the problem at {} first: {}, and this follows from it.",
            place(&cause),
            cause.because
        ));
        d.set_caused_by(cause);
    }
}

fn place(cause: &Cause) -> String {
    match (cause.line, cause.column) {
        (0, _) => cause.file.clone(),
        (line, 0) => format!("{}:{line}", cause.file),
        (line, column) => format!("{}:{line}:{column}", cause.file),
    }
}

/// The root cause as a knock-on finding names it.
fn cause_of(d: &Diagnostic) -> Cause {
    let because = match d.rule {
        Rule::SERVICES_OUTSIDE_FOLDER => format!("{} is not in the services folder", d.file),
        Rule::TOPIC_UNKNOWN => format!("{} misspells a topic", d.file),
        _ if d.file.starts_with(ASSETS) => format!("{} could not be published", d.file),
        _ => format!("{} could not be read", d.file),
    };
    Cause {
        file: d.file.clone(),
        line: d.line,
        column: d.column,
        rule: d.rule,
        because,
    }
}

/// What `file` (a path such as `content/services/short-breaks.yaml`) would have made had it loaded:
/// its pages' addresses, the topics its front matter names, its contact block.
fn would_make(sources: &SourceTexts, file: &str) -> Vec<Made> {
    if file.starts_with(ASSETS) {
        return vec![Made {
            key: format!("/{file}"),
            lines: None,
        }];
    }
    let Some(relative) = file.strip_prefix(CONTENT_DIR).and_then(|r| r.strip_prefix('/')) else {
        return Vec::new();
    };
    let text = sources.get(file).unwrap_or_default();
    let whole = |key: String| Made { key, lines: None };
    let yaml = relative.ends_with(".yaml") || relative.ends_with(".yml");
    let stem = relative.rsplit('/').next().unwrap_or(relative).split('.').next().unwrap_or("");
    let mut made = Vec::new();
    if let Some(id) = relative.strip_prefix("contacts/").filter(|_| yaml) {
        made.push(whole(format!("contact:{}", id.split('.').next().unwrap_or(id))));
    } else if relative == crate::content::YOU_SAID_WE_DID_FILE {
        made.push(whole(topic_key("you-said-we-did")));
        made.push(whole("/you-said-we-did/".to_string()));
    } else if yaml && (relative.starts_with("services/") || crate::content::looks_like_services(text)) {
        made.extend(service_items(text).into_iter().map(|(id, from, to)| Made {
            key: format!("/services/{id}/"),
            lines: Some((from, to)),
        }));
    } else if relative.ends_with(".md") && relative.starts_with("services/") {
        let front = front_lines(text);
        let id = value_of(&front, "id").or_else(|| value_of(&front, "name").map(|n| slugify(&n)));
        made.push(whole(format!("/services/{}/", id.unwrap_or_else(|| stem.to_string()))));
    } else if relative.ends_with(".md") {
        if let Ok(url) = crate::content::page_url(Path::new(relative)) {
            made.push(whole(url));
        }
        let front = front_lines(text);
        made.extend(topics_of(&front).into_iter().map(|t| whole(topic_key(&t))));
        if value_of(&front, "type").as_deref() == Some("short-breaks-statement") {
            made.push(whole(topic_key("short-breaks-statement")));
        }
    }
    made
}

/// The lines of the front matter (between the first two `---` lines), or none.
fn front_lines(text: &str) -> Vec<&str> {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    lines.take_while(|line| line.trim_end() != "---").collect()
}

/// The text after `key:` on a line of its own, without quotes.
fn value_of(lines: &[&str], key: &str) -> Option<String> {
    lines.iter().find_map(|line| {
        let rest = line.trim_start_matches([' ', '-']).strip_prefix(key)?.strip_prefix(':')?;
        let value = rest.trim().trim_matches(['"', '\'']).trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// The topics in `topics: [a, b]` or a `topics:` list of `- a` lines.
fn topics_of(lines: &[&str]) -> Vec<String> {
    let mut topics = Vec::new();
    let mut in_block = false;
    for line in lines {
        if let Some(rest) = line.strip_prefix("topics:") {
            let rest = rest.trim();
            in_block = rest.is_empty();
            topics.extend(
                rest.trim_start_matches('[')
                    .trim_end_matches(']')
                    .split(',')
                    .map(|t| t.trim().trim_matches(['"', '\'']).to_string())
                    .filter(|t| !t.is_empty()),
            );
        } else if in_block && let Some(item) = line.trim_start().strip_prefix("- ") {
            topics.push(item.trim().trim_matches(['"', '\'']).to_string());
        } else if !line.starts_with(' ') {
            in_block = false;
        }
    }
    topics
}

/// The services in a YAML list, read line by line: each top-level item's id (its `id:`, or made
/// from its `name:`) with its first and last lines.
fn service_items(text: &str) -> Vec<(String, usize, usize)> {
    struct Item {
        first: usize,
        last: usize,
        /// Where the item's own keys start (`- name:` at 0: 2).
        key_indent: usize,
        id: Option<String>,
        name: Option<String>,
    }
    let mut items: Vec<Item> = Vec::new();
    let mut list_indent = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let number = index + 1;
        let starts_item = (trimmed.starts_with("- ") || trimmed == "-") && list_indent.is_none_or(|at| at == indent);
        if starts_item {
            list_indent = Some(indent);
            items.push(Item {
                first: number,
                last: number,
                key_indent: indent + trimmed.len() - trimmed[1..].trim_start().len(),
                id: None,
                name: None,
            });
        } else if list_indent.is_some_and(|at| indent <= at) {
            list_indent = None;
            continue;
        }
        let Some(item) = items.last_mut() else { continue };
        item.last = number;
        let key_text = if starts_item { trimmed[1..].trim_start() } else { trimmed };
        if !starts_item && indent != item.key_indent {
            continue;
        }
        if item.id.is_none() {
            item.id = value_of(&[key_text], "id");
        }
        if item.name.is_none() {
            item.name = value_of(&[key_text], "name");
        }
    }
    items
        .into_iter()
        .filter_map(|item| {
            let id = item.id.or_else(|| item.name.map(|n| slugify(&n)))?;
            Some((id, item.first, item.last))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_are_found_in_a_broken_list() {
        let text = "# Clubs\n\n- contact:\n    name: Jo\n  id: splash\n  name: Splash\n  cost: Free: always\n-   name: Sensory Saturdays\n    summary: x\n";
        assert_eq!(
            service_items(text),
            vec![("splash".to_string(), 3, 7), ("sensory-saturdays".to_string(), 8, 9)]
        );
    }

    #[test]
    fn topics_are_read_from_flow_and_block_lists() {
        assert_eq!(topics_of(&["title: A", "topics: [health, \"schools\"]"]), vec!["health", "schools"]);
        assert_eq!(
            topics_of(&["topics:", "  - health", "  - schools", "owner: x"]),
            vec!["health", "schools"]
        );
    }

    /// Texts as the loader keeps them, with one file.
    fn kept(file: &str, text: &str) -> SourceTexts {
        let mut sources = SourceTexts::new("");
        sources.insert(file, std::sync::Arc::from(text));
        sources
    }

    #[test]
    fn a_broken_page_would_have_made_its_address_and_topics() {
        let sources = kept(
            "content/advice/index.md",
            "---\ntitle: Advice: all of it\ntopics: [assessment]\n---\nBody\n",
        );
        let keys: Vec<String> = would_make(&sources, "content/advice/index.md").into_iter().map(|m| m.key).collect();
        assert_eq!(keys, vec!["/advice/", "topic:assessment"]);
        assert_eq!(would_make(&sources, "content/contacts/sendiass.yaml")[0].key, "contact:sendiass");
        assert_eq!(
            would_make(&sources, "assets/forms/Big Form.pdf")[0].key,
            "/assets/forms/Big Form.pdf"
        );
    }

    #[test]
    fn a_dead_link_to_a_service_in_a_broken_file_follows_from_its_error() {
        let sources = kept(
            "content/services/clubs.yaml",
            "- name: Splash\n  cost: Free: always\n- name: Other\n  cost: Free\n",
        );
        let mut all = Diagnostics::default();
        all.push(Diagnostic::error("content/services/clubs.yaml", 2, 13, Rule::YAML_SYNTAX, "bad"));
        all.push(
            Diagnostic::error("content/index.md", 9, 3, Rule::DEAD_LINK, "The link leads nowhere")
                .with_suggestion("Did you mean /services/spa/?")
                .with_subject(Subject::Missing("/services/splash/".into())),
        );
        all.push(
            Diagnostic::error("content/index.md", 10, 3, Rule::DEAD_LINK, "The link leads nowhere")
                .with_subject(Subject::Missing("/services/nowhere/".into())),
        );
        group_root_causes(&sources, &mut all);
        let sorted = all.sorted();
        assert_eq!(sorted[0].rule, Rule::YAML_SYNTAX);
        let cause = sorted[1].caused_by().expect("grouped");
        assert_eq!((cause.file.as_str(), cause.line), ("content/services/clubs.yaml", 2));
        assert_eq!(cause.because, "content/services/clubs.yaml could not be read");
        assert!(
            sorted[1]
                .suggestion
                .as_deref()
                .unwrap()
                .starts_with("Fix the problem at content/services/clubs.yaml:2:13 first")
        );
        assert!(sorted[2].caused_by().is_none());
    }
}
