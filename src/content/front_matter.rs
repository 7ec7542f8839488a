//! Splitting a Markdown file into its YAML front matter and its body.

use crate::rules::Rule;

/// The two parts of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// 1-based line of the file where the YAML starts (2, unless the opening fence ends in a lone `\r`).
    pub yaml_first_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_first_line: usize,
}

/// Splits `text` at its `---` fences. `None` when the file has no front matter.
pub(crate) fn split(text: &str) -> Option<Split<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = first_line_end + 1;
    let mut offset = yaml_start;
    for raw_line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = raw_line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = (offset + raw_line.len()).min(text.len());
            return Some(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: line_breaks(&text[..yaml_start]) + 1,
                body: &text[body_start..],
                body_first_line: line_breaks(&text[..body_start]) + 1,
            });
        }
        offset += raw_line.len();
    }
    None
}

/// True when `text` opens front matter with a `---` line but never closes it (so [`split`] gives
/// `None` for a reason the author can fix with one line).
pub(crate) fn opened_but_not_closed(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.split(['\n', '\r']).next().unwrap_or("");
    first.trim_end() == "---" && split(text).is_none()
}

/// The diagnostic for front matter that is opened on line 1 but never closed.
pub(crate) fn unclosed_diagnostic(file: &str, text: &str) -> crate::diagnostic::Diagnostic {
    // The last field line, where the closing `---` should go after.
    let last_field = text
        .lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim().is_empty() || line.starts_with([' ', '-']) || line.contains(':'))
        .filter(|(_, line)| !line.trim().is_empty())
        .last()
        .map(|(index, _)| index + 1)
        .unwrap_or(1);
    crate::diagnostic::Diagnostic::error(
        file,
        1,
        1,
        Rule::FRONT_MATTER_UNCLOSED,
        "The front matter starts on line 1 but has no closing `---`",
    )
    .with_suggestion(format!(
        "Add a line with just `---` after the last field (line {last_field}), before the text of the page."
    ))
}

/// The number of line ends in `text`: `\n`, `\r\n`, and a lone `\r` (which YAML and CommonMark
/// also read as the end of a line).
fn line_breaks(text: &str) -> usize {
    text.matches('\n').count()
        + text.as_bytes().windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count()
        + usize::from(text.ends_with('\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body_with_line_numbers() {
        let parts = split("---\ntitle: A\nsummary: B\n---\n\n# Body\n").unwrap();
        assert_eq!(parts.yaml, "title: A\nsummary: B\n");
        assert_eq!(parts.body, "\n# Body\n");
        assert_eq!(parts.body_first_line, 5);
    }

    #[test]
    fn no_front_matter_or_no_closing_fence() {
        assert!(split("# Just markdown\n").is_none());
        assert!(split("---\ntitle: A\n").is_none());
        assert!(opened_but_not_closed("---\ntitle: A\n\n# Heading\n"));
        assert!(!opened_but_not_closed("# Just markdown\n"));
        assert!(!opened_but_not_closed("---\ntitle: A\n---\n"));
        let found = unclosed_diagnostic("a.md", "---\ntitle: A\nsummary: B\n\nSome text.\n");
        assert_eq!(
            found.suggestion.as_deref(),
            Some("Add a line with just `---` after the last field (line 3), before the text of the page.")
        );
    }

    #[test]
    fn a_lone_carriage_return_in_the_yaml_ends_a_line() {
        let parts = split("---\ntitle: A\rsummary: B\n---\nBody").unwrap();
        assert_eq!(parts.body_first_line, 5);
    }

    #[test]
    fn a_lone_carriage_return_after_the_opening_fence_ends_a_line() {
        let parts = split("---\r\r\ntitle: A\n---\nBody").unwrap();
        assert_eq!((parts.yaml_first_line, parts.body_first_line), (3, 5));
    }

    #[test]
    fn windows_line_endings() {
        let parts = split("---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(parts.body, "Body");
    }
}
