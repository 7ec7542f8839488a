//! Reading a list of services item by item after an error, and finding where each field of a
//! service is written.

use super::super::model::{FieldPositions, ServiceRecord};
use super::super::text_fields::{FieldLocator, Key};
use crate::config::SiteConfig;

/// One top-level `- ` item of a YAML list, as a range of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ListItem {
    /// Byte offset where its first line starts.
    pub start: usize,
    /// Byte offset just past its last line.
    pub end: usize,
    /// 1-based line of its `- `.
    pub first_line: usize,
    /// 1-based line of its last line.
    pub last_line: usize,
    /// 1-based column where its content starts (after `- `).
    pub column: usize,
}

/// The lines of `text` as (byte offset, text without its line end), ending at `\n`, `\r\n` or a
/// lone `\r`, as YAML counts them.
pub(super) fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\n' => {
                out.push((start, &text[start..index]));
                start = index + 1;
            }
            b'\r' => {
                out.push((start, &text[start..index]));
                if bytes.get(index + 1) == Some(&b'\n') {
                    index += 1;
                }
                start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    out.push((start, &text[start..]));
    out
}

/// The top-level items of a YAML list written in block style: each starts at a line whose `-`
/// is at the list's indentation, either at the top of the file or under one key (`services:`).
/// Empty when the text does not look like such a list.
pub(super) fn list_items(text: &str) -> Vec<ListItem> {
    let lines = lines_with_offsets(text);
    let is_item = |line: &str, indent: usize| {
        line.len() > indent
            && line.as_bytes()[..indent].iter().all(|b| *b == b' ')
            && (line[indent..].starts_with("- ") || &line[indent..] == "-")
    };
    // The list may be under one key at the top (`services:`, the form browser editors write).
    let is_key = |line: &str| !line.starts_with(' ') && line.trim_end().ends_with(':') && !line.starts_with('-');
    let Some(indent) = lines
        .iter()
        .map(|(_, line)| *line)
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#') && line.trim() != "---")
        .enumerate()
        .find(|(n, line)| !(*n == 0 && is_key(line)))
        .map(|(_, line)| line)
        .filter(|line| line.trim_start().starts_with('-'))
        .map(|line| line.len() - line.trim_start_matches(' ').len())
    else {
        return Vec::new();
    };
    let mut items: Vec<ListItem> = Vec::new();
    for (number, (offset, line)) in lines.iter().enumerate() {
        if is_item(line, indent) {
            if let Some(last) = items.last_mut() {
                last.end = *offset;
                last.last_line = number;
            }
            let content = line[indent + 1..].trim_start_matches(' ');
            items.push(ListItem {
                start: *offset,
                end: text.len(),
                first_line: number + 1,
                last_line: lines.len(),
                column: line[..line.len() - content.len()].chars().count() + 1,
            });
        }
    }
    items
}

/// Blanks out the field of `item` that holds 1-based line `line` in `lines` (the item's text,
/// padded so that its lines are the file's), so the item can be read again without it. Returns
/// the field's name and the 0-based index of its first line, or `None` when nothing could be taken out.
pub(super) fn blank_field(lines: &mut [String], item: &ListItem, line: usize) -> Option<(String, usize)> {
    let index = line.checked_sub(1)?;
    let first = item.first_line - 1;
    if index < first || index >= lines.len() {
        return None;
    }
    let column = item.column - 1;
    let indent_of = |text: &str| text.len() - text.trim_start_matches(' ').len();
    let is_field_start =
        |i: usize, text: &str| i == first || (indent_of(text) == column && !text.trim().is_empty() && !text[column..].starts_with('\t'));
    // The field's first line: the reported line, or the nearest field line above it.
    // A line indented with a tab belongs to the field above it, as the author meant.
    let tabbed = |text: &str| text.trim_start_matches(' ').starts_with('\t');
    let mut start = index;
    if indent_of(&lines[index]) > column || lines[index].trim().is_empty() || tabbed(&lines[index]) {
        while start > first && !is_field_start(start, &lines[start]) {
            start -= 1;
        }
    }
    let mut end = start + 1;
    if indent_of(&lines[start]) >= column || start == first {
        while end < lines.len() && (lines[end].trim().is_empty() || indent_of(&lines[end]) > column || tabbed(&lines[end])) {
            end += 1;
        }
    }
    let field_text = if start == first {
        lines[start].chars().skip(column).collect::<String>()
    } else {
        lines[start].trim_start().to_string()
    };
    let name = field_text.split(':').next().unwrap_or("").trim().to_string();
    let mut changed = false;
    for (i, text) in lines.iter_mut().enumerate().take(end).skip(start) {
        let kept = if i == first { "-".to_string() } else { String::new() };
        if *text != kept {
            *text = kept;
            changed = true;
        }
    }
    changed.then_some((name, start))
}

/// A valid stand-in for a required field of a service that has a mistake or is missing, so the
/// service's other fields can still be read and checked. `None` for fields that are optional.
pub(super) fn stand_in(field: &str, config: &SiteConfig) -> Option<String> {
    let value = match field {
        "name" => "This service".to_string(),
        "category" => format!("\"{}\"", config.categories.first().map(|c| c.id.as_str()).unwrap_or("none")),
        "summary" | "provider" | "cost" => "\"-\"".to_string(),
        "ages" => "{from: 0, to: 25}".to_string(),
        "access" => "[drop-in]".to_string(),
        "contact" => "{website: \"https://example.org/\"}".to_string(),
        "where" => "{online: true}".to_string(),
        "last_reviewed" => "2026-01-01".to_string(),
        _ => return None,
    };
    Some(value)
}

/// Where each field of `record` is written, found with `locator`.
pub(super) fn field_positions(record: &ServiceRecord, locator: &FieldLocator<'_>) -> FieldPositions {
    let mut positions = FieldPositions::for_record(record);
    positions.fill(|path| {
        let keys: Vec<Key<'_>> = path
            .split('.')
            .map(|part| part.parse::<usize>().map(Key::Item).unwrap_or(Key::Name(part)))
            .collect();
        locator.find(&keys)
    });
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_cut_at_each_top_level_dash() {
        let text = "# services\n- name: A\n  category: x\n\n- name: B\n  ages: {from: 5, to: 11}\n";
        let items = list_items(text);
        assert_eq!(items.len(), 2);
        assert_eq!((items[0].first_line, items[0].last_line, items[0].column), (2, 4, 3));
        assert_eq!(&text[items[1].start..items[1].end], "- name: B\n  ages: {from: 5, to: 11}\n");
        assert!(list_items("name: A\n").is_empty());
    }

    #[test]
    fn items_under_a_services_key_are_cut_too() {
        let text = "# services\nservices:\n  - name: A\n    category: x\n\n  - name: B\n";
        let items = list_items(text);
        assert_eq!(items.len(), 2);
        assert_eq!((items[0].first_line, items[0].column), (3, 5));
        assert_eq!(&text[items[1].start..items[1].end], "  - name: B\n");
    }

    #[test]
    fn a_field_and_its_lines_below_are_blanked() {
        let text = "- name: A\n  contact:\n    phone: x\n  cost: Free\n";
        let item = &list_items(text)[0];
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        assert_eq!(blank_field(&mut lines, item, 3), Some(("contact".to_string(), 1)));
        assert_eq!(lines.join("\n"), "- name: A\n\n\n  cost: Free\n");
        assert_eq!(blank_field(&mut lines, item, 1), Some(("name".to_string(), 0)));
        assert_eq!(lines[0], "-");
    }
}
