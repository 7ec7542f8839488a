//! The offending line under a diagnostic, with a marker under the place, for the terminal.
//!
//! ```text
//!    |
//! 12 |   ages: 5-11
//!    |         ^^^^
//! ```

use crate::content::SourceTexts;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The terminal colour code for errors.
pub(crate) const RED: &str = "1;31";
/// The terminal colour code for warnings.
pub(crate) const YELLOW: &str = "1;33";
const BLUE: &str = "1;34";

/// Files bigger than this are not read for snippets.
const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;

/// The lines of the site's files: the texts the loader kept, else (when the build never loaded
/// the file, as with `site.toml` that does not parse) read once, only from inside the site folder.
pub(crate) struct Sources<'a> {
    root: Option<PathBuf>,
    kept: Option<&'a SourceTexts>,
    files: BTreeMap<String, Option<Vec<String>>>,
}

impl<'a> Sources<'a> {
    /// Files under `root`, read from the disk.
    pub(crate) fn new(root: &Path) -> Self {
        Sources {
            root: root.canonicalize().ok(),
            kept: None,
            files: BTreeMap::new(),
        }
    }

    /// Files as the loader kept them (`kept`), and only the others from under `root`.
    pub(crate) fn with_kept(root: &Path, kept: &'a SourceTexts) -> Self {
        Sources {
            kept: Some(kept),
            ..Sources::new(root)
        }
    }

    /// Line `line` (1-based) of `file` (relative to the root, `/`-separated), if it can be read.
    pub(crate) fn line(&mut self, file: &str, line: usize) -> Option<String> {
        let index = line.checked_sub(1)?;
        let kept = self.kept.and_then(|kept| {
            if file == crate::config::CONFIG_FILE {
                Some(kept.config())
            } else {
                kept.get(file)
            }
        });
        let root = self.root.clone();
        let lines = self.files.entry(file.to_string()).or_insert_with(|| match kept {
            Some(text) => Some(split(text)),
            None => read_lines(root.as_deref()?, file),
        });
        lines.as_ref()?.get(index).cloned()
    }
}

fn read_lines(root: &Path, file: &str) -> Option<Vec<String>> {
    let path = root.join(file).canonicalize().ok()?;
    if !path.starts_with(root) || std::fs::metadata(&path).ok()?.len() > MAX_SOURCE_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    Some(split(&text))
}

fn split(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::yaml::context::lines(text).into_iter().map(str::to_string).collect()
}

/// How many columns a character takes on screen here (tabs are shown as four spaces).
fn width(c: char) -> usize {
    if c == '\t' { 4 } else { 1 }
}

/// How many characters the marker covers from 0-based character `start`: the value there, up
/// to the end of the line (or of the item in a `[…]` or `{…}`), and at least one.
fn marker_length(chars: &[char], start: usize) -> usize {
    let prefix_depth: i32 = chars[..start.min(chars.len())]
        .iter()
        .map(|c| match c {
            '[' | '{' => 1,
            ']' | '}' => -1,
            _ => 0,
        })
        .sum();
    // A Markdown link or picture, `[words](/address/)`: up to its closing `)`.
    let rest: String = chars[start.min(chars.len())..].iter().collect();
    if (rest.starts_with('[') || rest.starts_with("!["))
        && let Some(target) = rest.find("](")
        && let Some(close) = rest[target..].find(')')
    {
        return rest[..target + close + 1].chars().map(width).sum();
    }
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        if prefix_depth > 0 && matches!(c, ',' | ']' | '}') {
            break;
        }
        if c == '#' && end > start && chars[end - 1].is_whitespace() {
            break;
        }
        end += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    chars[start.min(chars.len())..end].iter().map(|&c| width(c)).sum::<usize>().max(1)
}

/// The snippet for 1-based `line` and `column` (0 for none) of `text`, ending in a newline.
pub(crate) fn snippet(line: usize, column: usize, text: &str, paint: &str, colour: bool) -> String {
    let style = |code: &str, s: &str| if colour { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let chars: Vec<char> = text.chars().collect();
    let shown: String = chars
        .iter()
        .map(|&c| if c == '\t' { "    ".to_string() } else { c.to_string() })
        .collect();
    let mut out = format!(
        "{gutter} {}\n{} {}\n",
        style(BLUE, "|"),
        style(BLUE, &format!("{number} |")),
        shown.trim_end()
    );
    if column > 0 {
        let start = (column - 1).min(chars.len());
        let before: usize = chars[..start].iter().map(|&c| width(c)).sum();
        let marker = "^".repeat(marker_length(&chars, start));
        out.push_str(&format!(
            "{gutter} {} {}{}\n",
            style(BLUE, "|"),
            " ".repeat(before),
            style(paint, &marker)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_under_the_value() {
        let text = snippet(12, 9, "  ages: 5-11", RED, false);
        assert_eq!(text, "   |\n12 |   ages: 5-11\n   |         ^^^^\n");
    }

    #[test]
    fn inside_braces_the_marker_stops_at_the_item() {
        let text = snippet(3, 16, "  ages: {from: ten, to: 11}", RED, false);
        assert!(text.ends_with("  |                ^^^\n"), "{text}");
    }

    #[test]
    fn a_markdown_link_is_marked_to_its_closing_bracket() {
        let text = snippet(10, 3, "A [dead link](/no-such-page/) and more.", RED, false);
        assert!(text.ends_with("   |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"), "{text}");
    }

    #[test]
    fn tabs_are_shown_as_spaces_and_the_marker_follows() {
        let text = snippet(2, 1, "\tcost: Free", RED, false);
        assert_eq!(text, "  |\n2 |     cost: Free\n  | ^^^^^^^^^^^^^^\n");
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(!snippet(1, 1, "x", RED, false).contains('\x1b'));
        assert!(snippet(1, 1, "x", RED, true).contains("\x1b[1;31m^"));
    }
}
