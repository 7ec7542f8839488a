//! The one way a byte offset in a file's text becomes a 1-based line and column.
//!
//! Columns count characters, not bytes. Lines end at `\n` (so also at `\r\n`), as TOML counts
//! them; the Markdown renderer also ends a line at a lone `\r`, as CommonMark does
//! ([`Lines::ending_at_lone_cr`]).

/// The line starts of one text, for turning many offsets into lines and columns quickly.
#[derive(Debug, Clone)]
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes the lines of `text`, which end at `\n`.
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// Indexes the lines of `text`, which end at `\n`, `\r\n` or a lone `\r` (CommonMark).
    pub(crate) fn ending_at_lone_cr(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            (0..bytes.len())
                .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .map(|i| i + 1),
        );
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of byte `offset`; an offset past the end is
    /// taken as the end, and one inside a character as that character's start.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text` (see [`Lines::position`];
/// use [`Lines`] for many offsets in one text).
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).position(offset)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        assert_eq!(line_column("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_column("ab\ncdé f", 6), (2, 3), "inside `é`: its start");
        assert_eq!(line_column("", 0), (1, 1));
        assert_eq!(line_column("a\n", 99), (2, 1), "past the end: the end");
    }

    #[test]
    fn a_lone_cr_ends_a_line_only_for_commonmark() {
        let text = "a\r\nb\rc\nd";
        assert_eq!(line_column(text, text.find('c').unwrap()), (2, 3), "TOML: `\\r` is not a line end");
        assert_eq!(line_column(text, text.find('d').unwrap()), (3, 1));
        let lines = Lines::ending_at_lone_cr(text);
        assert_eq!(lines.position(text.find('b').unwrap()), (2, 1));
        assert_eq!(lines.position(text.find('c').unwrap()), (3, 1));
        assert_eq!(lines.position(text.find('d').unwrap()), (4, 1));
        assert_eq!(lines.position(1), (1, 2), "the `\\r` of `\\r\\n` is still on its line");
    }
}
