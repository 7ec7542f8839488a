//! Where checked text sits in its file, to turn byte offsets into lines and columns.

use crate::content::Service;

/// A source file read once, with its line starts, so each service can look up its own lines quickly.
#[derive(Debug, Clone, Default)]
pub(super) struct SourceFile {
    text: String,
    starts: Vec<usize>,
}

impl SourceFile {
    /// Indexes the lines of `text`.
    pub(super) fn new(text: String) -> SourceFile {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile { text, starts }
    }

    /// Line `index` (0-based), without its line ending; empty past the end.
    pub(super) fn line(&self, index: usize) -> &str {
        let Some(&start) = self.starts.get(index) else { return "" };
        let end = self.starts.get(index + 1).map(|e| e - 1).unwrap_or(self.text.len());
        self.text.get(start..end).unwrap_or("").trim_end_matches('\r')
    }

    /// Number of lines.
    pub(super) fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Where a piece of checked text was written.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place<'a> {
    /// Markdown whose first line is `first_line` of the file.
    Markdown {
        /// The Markdown.
        text: &'a str,
        /// 1-based line of the file where it starts.
        first_line: usize,
        /// Columns of indentation taken off every line (Markdown inside a YAML block value).
        indent: usize,
    },
    /// A YAML value: on one line starting at `column` (`exact`), or spread over lines (every
    /// offset then points at where the value starts).
    Value {
        /// 1-based line.
        line: usize,
        /// 1-based column of the first character of the text.
        column: usize,
        /// The text is written on this one line exactly as read, so columns can be counted.
        exact: Option<&'a str>,
    },
}

impl Place<'_> {
    /// 1-based line and column of a byte offset in the checked text.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        match *self {
            Place::Markdown { text, first_line, indent } => {
                let (line, column) = crate::location::line_column(text, offset);
                (line + first_line - 1, column + indent)
            }
            Place::Value { line, column, exact } => match exact.and_then(|text| text.get(..offset)) {
                Some(before) => (line, column + before.chars().count()),
                None => (line, column),
            },
        }
    }
}

/// Where the service itself starts in its file.
pub(super) fn service_place(service: &Service) -> Place<'static> {
    Place::Value {
        line: service.source.line.max(1),
        column: service.source.column.max(1),
        exact: None,
    }
}

/// Where a service's summary is written, found from the service's own position in its file.
pub(super) fn summary_place<'a>(source: Option<&SourceFile>, service: &'a Service) -> Place<'a> {
    let summary = service.record.summary.as_str();
    let fallback = service_place(service);
    let Some(source) = source else { return fallback };
    let start = service.source.line.saturating_sub(1);
    for index in start..(start + 80).min(source.line_count()) {
        let text = source.line(index);
        let trimmed = text.trim_start().trim_start_matches("- ");
        let Some(value) = trimmed.strip_prefix("summary:") else { continue };
        let value_start = text.len() - value.trim_start().len();
        let value = value.trim();
        if value.is_empty() || value.starts_with('>') || value.starts_with('|') {
            // A block value: the text starts on the next line.
            let next = source.line(index + 1);
            let indent = next.len() - next.trim_start().len();
            return Place::Value {
                line: index + 2,
                column: next[..indent].chars().count() + 1,
                exact: None,
            };
        }
        let (quote, inner) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (1, value.trim_start_matches(q).trim_end_matches(q)),
            _ => (0, value),
        };
        let column = text[..value_start].chars().count() + 1 + quote;
        return Place::Value {
            line: index + 1,
            column,
            exact: (inner == summary).then_some(summary),
        };
    }
    fallback
}

/// Where a service's Markdown description starts: below `description: |` in a YAML file, or the
/// body of a Markdown service file.
pub(super) fn description_place<'a>(source: Option<&SourceFile>, service: &Service, text: &'a str) -> Place<'a> {
    let fallback = Place::Markdown {
        text,
        first_line: service.description_first_line,
        indent: 0,
    };
    let is_yaml = service.source.file.ends_with(".yaml") || service.source.file.ends_with(".yml");
    let Some(source) = source.filter(|_| is_yaml) else {
        return fallback;
    };
    let start = service.source.line.saturating_sub(1);
    for index in start..(start + 200).min(source.line_count()) {
        let line = source.line(index);
        let trimmed = line.trim_start().trim_start_matches("- ");
        let Some(value) = trimmed.strip_prefix("description:") else {
            continue;
        };
        let value = value.trim();
        if !(value.starts_with('|') || value.starts_with('>')) {
            return fallback;
        }
        let Some(first) = (index + 1..source.line_count()).find(|&i| !source.line(i).trim().is_empty()) else {
            return fallback;
        };
        let first_text = source.line(first);
        let indent = first_text.len() - first_text.trim_start().len();
        return Place::Markdown {
            text,
            first_line: index + 2,
            indent,
        };
    }
    fallback
}
