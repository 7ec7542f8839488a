//! What is written at a position of a YAML text: the value there and the field it belongs to.
//!
//! The parser says where it stopped and what kind of problem it met, but not which field it was
//! reading. That is worked out here from the text itself, so messages can name the field
//! (`ages`, `from`) and quote the value (`ten`) in the content's own terms.

/// The lines of a YAML text, ending at `\n`, `\r\n` or a lone `\r`, as YAML counts them.
pub fn lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .collect()
}

/// The place a problem was found, with what is written there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct At {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column, in characters (0 when unknown).
    pub column: usize,
    /// The value written at the position (without a trailing comment), possibly empty.
    pub value: String,
    /// The fields leading to the position, outermost first: `["ages", "from"]`.
    pub path: Vec<String>,
}

impl At {
    /// Reads what is at 1-based `line` and `column` of `text`.
    pub fn new(text: &str, line: usize, column: usize) -> At {
        let all = lines(text);
        let Some(line_text) = line.checked_sub(1).and_then(|i| all.get(i)) else {
            return At {
                line,
                column,
                ..At::default()
            };
        };
        let chars: Vec<char> = line_text.chars().collect();
        let start = column.saturating_sub(1).min(chars.len());
        let prefix: String = chars[..start].iter().collect();
        let in_flow = flow_depth(&prefix) > 0;
        let value = value_from(&chars[start..], in_flow);
        let mut path = block_parents(&all, line - 1);
        path.extend(line_keys(&prefix));
        At { line, column, value, path }
    }

    /// The innermost field name, if any.
    pub fn field(&self) -> Option<&str> {
        self.path.last().map(String::as_str)
    }

    /// The field that holds the innermost one (`ages` for `ages.from`).
    pub fn parent(&self) -> Option<&str> {
        self.path.len().checked_sub(2).map(|i| self.path[i].as_str())
    }

    /// True when the value is YAML's "nothing": empty, `~` or `null`.
    pub fn value_is_null(&self) -> bool {
        matches!(self.value.as_str(), "" | "~" | "null" | "Null" | "NULL")
    }
}

/// How many flow brackets (`[`, `{`) are open at the end of `prefix`, outside quotes.
fn flow_depth(prefix: &str) -> usize {
    let mut depth = 0usize;
    let mut quote = None;
    for c in prefix.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '#') => break,
            _ => {}
        }
    }
    depth
}

/// The value starting at the front of `rest`: a quoted string with its quotes, or plain text up
/// to a comment (and, inside `[…]` or `{…}`, up to the next `,`, `]` or `}`).
fn value_from(rest: &[char], in_flow: bool) -> String {
    if let Some(&quote) = rest.first().filter(|c| matches!(c, '"' | '\'')) {
        let end = rest[1..].iter().position(|&c| c == quote).map(|i| i + 2).unwrap_or(rest.len());
        return rest[..end].iter().collect();
    }
    let mut out = String::new();
    for (index, &c) in rest.iter().enumerate() {
        if in_flow && matches!(c, ',' | ']' | '}') {
            break;
        }
        if c == '#' && (index == 0 || rest[index - 1].is_whitespace()) {
            break;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// The keys written on one line before a position: `  ages: {from: ` gives `ages`, `from`.
fn line_keys(prefix: &str) -> Vec<String> {
    let chars: Vec<char> = prefix.chars().collect();
    let mut levels: Vec<Option<String>> = vec![None];
    let mut segment = 0;
    let mut quote = None;
    for (index, &c) in chars.iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => {
                levels.push(None);
                segment = index + 1;
            }
            (None, ']' | '}') => {
                if levels.len() > 1 {
                    levels.pop();
                }
                segment = index + 1;
            }
            (None, ',') => {
                if let Some(last) = levels.last_mut() {
                    *last = None;
                }
                segment = index + 1;
            }
            (None, ':') if chars.get(index + 1).is_none_or(|n| n.is_whitespace()) || levels.len() > 1 => {
                let key: String = chars[segment..index].iter().collect();
                let key = key
                    .trim()
                    .trim_start_matches(['-', ' '])
                    .trim()
                    .trim_matches(['"', '\''])
                    .to_string();
                if let Some(last) = levels.last_mut() {
                    *last = (!key.is_empty()).then_some(key);
                }
                segment = index + 1;
            }
            _ => {}
        }
    }
    levels.into_iter().flatten().collect()
}

/// Where a line's content starts, after its indentation and any `- ` list markers, and that content.
fn content_of(line: &str) -> (usize, &str) {
    let mut content = line.trim_start_matches(' ');
    while let Some(rest) = content.strip_prefix("- ").or_else(|| (content == "-").then_some("")) {
        content = rest.trim_start_matches(' ');
    }
    (line.len() - content.len(), content)
}

/// The keys of the block mappings that hold line `index` (0-based), outermost first: the lines
/// above it, less indented, that are a key with nothing after its `:`.
fn block_parents(all: &[&str], index: usize) -> Vec<String> {
    let Some(line) = all.get(index) else { return Vec::new() };
    let (mut indent, _) = content_of(line);
    let mut parents = Vec::new();
    for above in all[..index].iter().rev().take(500) {
        if indent == 0 {
            break;
        }
        let (at, content) = content_of(above);
        if content.trim().is_empty() || content.starts_with('#') || at >= indent {
            continue;
        }
        let trimmed = content.trim_end();
        let key = trimmed
            .strip_suffix(':')
            .or_else(|| trimmed.strip_suffix(": |").or_else(|| trimmed.strip_suffix(": >")));
        match key {
            Some(key) if !key.contains(": ") => parents.push(key.trim().trim_matches(['"', '\'']).to_string()),
            // A less indented line with a value of its own is a sibling's item line (`- name: x`).
            _ => {}
        }
        indent = at;
    }
    parents.reverse();
    parents
}

/// How deeply line `line` (1-based) is nested: its list markers and open brackets, and its
/// indentation in steps of two spaces.
pub fn nesting_at(text: &str, line: usize) -> usize {
    let all = lines(text);
    let Some(line_text) = line.checked_sub(1).and_then(|i| all.get(i)) else {
        return 0;
    };
    let markers = line_text.split("- ").take_while(|part| part.trim().is_empty()).count();
    let brackets = line_text.chars().filter(|c| matches!(c, '[' | '{')).count();
    let indent = line_text.len() - line_text.trim_start().len();
    markers + brackets + indent / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_in_a_flow_mapping_names_both_keys() {
        let at = At::new("- name: A\n  ages: {from: ten, to: 11}\n", 2, 16);
        assert_eq!(at.value, "ten");
        assert_eq!(at.path, vec!["ages", "from"]);
        assert_eq!((at.parent(), at.field()), (Some("ages"), Some("from")));
    }

    #[test]
    fn block_parents_are_found_above() {
        let text = "- name: A\n  contact:\n    phone: 0121\n  schedules:\n    - days: [monday]\n      opens_at: 9am\n";
        assert_eq!(At::new(text, 3, 12).path, vec!["contact", "phone"]);
        let at = At::new(text, 6, 17);
        assert_eq!(at.path, vec!["schedules", "opens_at"]);
        assert_eq!(at.value, "9am");
    }

    #[test]
    fn quoted_values_keep_their_quotes_and_comments_are_dropped() {
        assert_eq!(At::new("title: \"a # b\" # c\n", 1, 8).value, "\"a # b\"");
        assert_eq!(At::new("title: ~ # none\n", 1, 8).value, "~");
        assert!(At::new("title: ~\n", 1, 8).value_is_null());
    }

    #[test]
    fn positions_outside_the_text_are_empty() {
        assert_eq!(At::new("a: b\n", 9, 3).path, Vec::<String>::new());
        assert_eq!(At::new("a: é\n", 1, 40).value, "");
    }

    #[test]
    fn nesting_counts_markers_and_brackets() {
        assert_eq!(nesting_at(&format!("{}x\n", "- ".repeat(100)), 1), 100);
        assert!(nesting_at(&"[".repeat(300), 1) >= 300);
        assert_eq!(nesting_at("- name: x\n", 1), 1);
    }
}
