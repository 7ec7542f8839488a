//! Headings people can navigate by (WCAG 1.3.1 and 2.4.6): every page and service has a heading,
//! a page has one top-level heading (its title), and no heading level is skipped. Screen-reader
//! users jump between headings; a skipped level or a second `<h1>` breaks that map, and no theme
//! can repair it.

use crate::content::{Page, Service, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use pulldown_cmark::{Event, Parser, Tag};

/// Checks the titles of pages and the names of services, and the heading levels in pages.
/// The loaded text of each file points at the `title:` line of a page's front matter.
pub fn check_headings(site: &Site) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for page in &site.pages {
        if page.meta.title.trim().is_empty() {
            problems.push(empty_title(page, site));
        }
        problems.extend(check_levels(&page.source.file, &page.body, (page.body_first_line, 0), PAGE_TITLE));
    }
    for service in &site.services {
        if service.record.name.trim().is_empty() {
            problems.push(empty_name(service, site));
        }
        if let Some(description) = &service.record.description {
            let start = match service.description_start {
                (0, _) => (service.description_first_line, 0),
                start => start,
            };
            problems.extend(check_levels(&service.source.file, description, start, ABOUT_SERVICE));
        }
    }
    problems
}

fn empty_title(page: &Page, site: &Site) -> Diagnostic {
    let text = site.sources.get(&page.source.file).unwrap_or_default();
    let (line, column) = key_in(text, 1, "title").unwrap_or((1, 1));
    Diagnostic::error(
        &page.source.file,
        line,
        column,
        Rule::TITLE_EMPTY,
        "The page's title is empty, so the page would have an empty main heading and no name in search results or the browser tab",
    )
    .with_suggestion("Write what the page is about after `title:`, for example `title: Short breaks for disabled children`.")
}

fn empty_name(service: &Service, site: &Site) -> Diagnostic {
    let text = site.sources.get(&service.source.file).unwrap_or_default();
    let (line, column) = key_in(text, service.source.line.max(1), "name").unwrap_or((service.source.line, service.source.column));
    Diagnostic::error(
        &service.source.file,
        line,
        column,
        Rule::NAME_EMPTY,
        "The service's name is empty, so its page would have an empty main heading and families could not find it in lists",
    )
    .with_suggestion("Write the name families know the service by after `name:`, for example `name: Splash swimming club`.")
}

/// Line and column of the value of `key:` at or after line `from` (or of the key when the value is
/// empty), 1-based.
fn key_in(text: &str, from: usize, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().skip(from.saturating_sub(1)).find_map(|(index, line)| {
        let trimmed = line.trim_start_matches([' ', '-']);
        let rest = trimmed.strip_prefix(key)?.strip_prefix(':')?;
        let key_column = line.len() - trimmed.len() + 1;
        let value = rest.trim_start();
        let column = if value.is_empty() {
            key_column
        } else {
            key_column + key.len() + 1 + (rest.len() - value.len())
        };
        Some((index + 1, column))
    })
}

/// What a piece of Markdown comes under: the level of the heading above it and how to name it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Above {
    level: u8,
    name: &'static str,
}

/// A page's body comes under its title, the page's `<h1>`.
const PAGE_TITLE: Above = Above {
    level: 1,
    name: "the page title",
};

/// A service's description comes under the service page's "About this service" `<h2>`.
const ABOUT_SERVICE: Above = Above {
    level: 2,
    name: "the heading the service page puts above the description",
};

/// The heading levels in Markdown `body`, which starts at `(line, indent)` of `file` (`indent`:
/// the columns in front of every line, for a `description: |` block) and comes under `above`.
/// A `#` heading is always a second main heading; no level may be skipped.
pub(super) fn check_levels(file: &str, body: &str, (first_line, indent): (usize, usize), above: Above) -> Vec<Diagnostic> {
    let options = crate::content::markdown_options();
    let mut problems = Vec::new();
    let mut previous = above.level;
    let mut first = true;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let Event::Start(Tag::Heading { level, .. }) = event else {
            continue;
        };
        let level = level as u8;
        let (line, column) = crate::location::line_column(body, range.start);
        let (line, column) = (first_line + line - 1, indent + column);
        let marks = "#".repeat(level as usize);
        if level == 1 {
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::SECOND_H1,
                    "This `#` heading is a second main heading: the page's title is already its main heading",
                )
                .with_suggestion("Start the headings inside a page at `##`, and use `###` for the parts under those."),
            );
        } else if level > previous + 1 {
            let expected = "#".repeat(previous as usize + 1);
            let after = if first {
                above.name.to_string()
            } else {
                format!("a `{}` heading", "#".repeat(previous as usize))
            };
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::HEADING_SKIPPED,
                    format!(
                        "This `{marks}` heading skips a level: it comes after {after}, so people who find their way by headings would think a part is missing"
                    ),
                )
                .with_suggestion(format!("Make it a `{expected}` heading, or add the `{expected}` heading it belongs under.")),
            );
        }
        previous = level;
        first = false;
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_go_down_one_at_a_time() {
        assert!(check_levels("a.md", "## A\n\n### B\n\n## C\n\n### D\n\n#### E\n\n## F\n", (5, 0), PAGE_TITLE).is_empty());
    }

    #[test]
    fn a_skipped_level_is_reported_at_its_heading() {
        let problems = check_levels("a.md", "Intro.\n\n## A\n\nText.\n\n#### B\n", (8, 0), PAGE_TITLE);
        assert_eq!(problems.len(), 1);
        let d = &problems[0];
        assert_eq!((d.rule, d.line, d.column), (Rule::HEADING_SKIPPED, 14, 1));
        assert!(d.suggestion.as_deref().unwrap_or("").contains("`###`"), "{:?}", d.suggestion);
    }

    #[test]
    fn a_first_heading_below_the_title_must_be_level_two() {
        let problems = check_levels("a.md", "### A\n", (1, 0), PAGE_TITLE);
        assert_eq!(problems[0].rule, Rule::HEADING_SKIPPED);
        assert!(problems[0].message.contains("the page title"));
    }

    #[test]
    fn a_hash_heading_in_the_body_is_a_second_main_heading() {
        let problems = check_levels("a.md", "# Again\n\n## A\n\nSee\nTitle\n=====\n", (3, 0), PAGE_TITLE);
        let found: Vec<(Rule, usize)> = problems.iter().map(|d| (d.rule, d.line)).collect();
        assert_eq!(found, vec![(Rule::SECOND_H1, 3), (Rule::SECOND_H1, 7)]);
    }

    #[test]
    fn headings_in_code_are_not_headings() {
        assert!(check_levels("a.md", "```\n# not a heading\n```\n", (1, 0), PAGE_TITLE).is_empty());
    }

    #[test]
    fn a_service_description_comes_under_a_level_two_heading() {
        assert!(check_levels("s.yaml", "## What to bring\n\n### Towels\n", (20, 4), ABOUT_SERVICE).is_empty());
        assert!(check_levels("s.yaml", "### Towels\n", (20, 4), ABOUT_SERVICE).is_empty());
        let problems = check_levels("s.yaml", "Text.\n\n#### Towels\n", (20, 4), ABOUT_SERVICE);
        assert_eq!(
            (problems[0].rule, problems[0].line, problems[0].column),
            (Rule::HEADING_SKIPPED, 22, 5)
        );
        assert!(
            problems[0].message.contains("after the heading the service page puts above"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn the_title_value_is_found_in_front_matter() {
        let text = "---\ntitle: \"\"\nsummary: x\n---\n";
        assert_eq!(key_in(text, 1, "title"), Some((2, 8)));
        assert_eq!(key_in("- name:\n", 1, "name"), Some((1, 3)));
    }
}
