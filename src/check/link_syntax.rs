//! Links that Markdown does not see as links. `[the form](/assets/Request Form.pdf)` has a space in
//! its address, so it is published as the bracketed text itself, with no link and no picture.

use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use pulldown_cmark::{Event, Parser, Tag};
use regex::Regex;
use std::sync::LazyLock;

/// `[text](address with a space)` or `![alt](…)`, as written in the source.
static SPACED_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(!?)\[[^\]\n]*\]\(([^()<>\s]+(?: [^()<>\s]+)+)\)").unwrap_or_else(|_| unreachable!("the pattern is valid"))
});

/// Reports every link or picture in a page whose address has a space, at the `[` or `!`.
pub fn check_link_syntax(site: &Site) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for page in &site.pages {
        problems.extend(check_body(&page.source.file, &page.body, page.body_first_line));
    }
    problems
}

/// The links with spaces in `body` (Markdown that starts at line `first_line` of `file`).
pub(super) fn check_body(file: &str, body: &str, first_line: usize) -> Vec<Diagnostic> {
    let options = crate::content::markdown_options();
    let mut code = Vec::new();
    let mut blocks = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => code.push(range),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => code.push(range),
            Event::Start(Tag::CodeBlock(_)) => code.push(range),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell) => blocks.push(range),
            _ => {}
        }
    }
    let mut problems = Vec::new();
    for block in blocks {
        for found in SPACED_LINK.captures_iter(&body[block.clone()]) {
            let (Some(whole), Some(address)) = (found.get(0), found.get(2)) else {
                continue;
            };
            let at = block.start + whole.start();
            if code.iter().any(|r| r.contains(&at)) {
                continue;
            }
            let (line, column) = crate::location::line_column(body, at);
            let line = first_line + line - 1;
            let picture = found.get(1).is_some_and(|m| !m.as_str().is_empty());
            let what = if picture { "picture" } else { "link" };
            let address = address.as_str();
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::LINK_SYNTAX,
                    format!("This {what} would not work: its address `{address}` has a space, so the page would show the brackets and the address as text"),
                )
                .with_suggestion(format!(
                    "Put the address in angle brackets, `{}(<{address}>)`, or write %20 for each space, or rename the file without spaces.",
                    if picture { "![…]" } else { "[…]" }
                )),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_a_space_is_reported_where_it_starts() {
        let problems = check_body("a.md", "Intro.\n\nSee ![A child](/assets/Portage Photo.JPG) here.\n", 6);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (8, 5));
        assert!(problems[0].message.contains("picture"));
        assert!(
            problems[0]
                .suggestion
                .as_deref()
                .unwrap()
                .contains("`![…](</assets/Portage Photo.JPG>)`"),
            "{:?}",
            problems[0].suggestion
        );
    }

    #[test]
    fn working_links_and_code_are_left_alone() {
        let body =
            "[A](</assets/Portage Photo.JPG>) [B](/assets/a%20b.pdf) [C](/x/ \"title words\")\n\n`[D](/a b)`\n\n```\n[E](/a b)\n```\n";
        assert!(check_body("a.md", body, 1).is_empty(), "{:?}", check_body("a.md", body, 1));
    }
}
