//! Splitting a Markdown file into its YAML front matter and its body.

/// The two parts of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// 1-based line of the file where the YAML starts.
    pub yaml_first_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_first_line: usize,
}

/// Splits `text` at its `---` fences. `None` when the file has no front matter.
pub fn split(text: &str) -> Option<Split<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = first_line_end + 1;
    let mut offset = yaml_start;
    for (line, raw_line) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        let trimmed = raw_line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = offset + raw_line.len();
            return Some(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body: &text[body_start.min(text.len())..],
                body_first_line: line + 1,
            });
        }
        offset += raw_line.len();
    }
    None
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
    }

    #[test]
    fn windows_line_endings() {
        let parts = split("---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(parts.body, "Body");
    }
}
