//! Checks on the fields of each loaded record, done once at load time with the file's text at
//! hand so each finding points at the field's own line:
//!
//! - plain-text fields with markup in them (`markup-in-text`, a warning) are replaced by their
//!   plain text ([`super::plain_text`]);
//! - address fields (websites) whose scheme is not allowed (`unsafe-link`, an error) are taken
//!   out, so they can never be published.

use super::model::{ContactBlock, GlossaryTerm, PageMeta, Place, ServiceRecord};
use super::{YouSaidWeDid, plain_text};
use crate::diagnostic::Diagnostic;
use crate::render::url_safety::check_url;
use crate::rules::Rule;

/// One step of a path to a field in YAML: a key, or the n-th (0-based) item of a list.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key<'k> {
    /// `name:`.
    Name(&'k str),
    /// The n-th `- ` item.
    Item(usize),
}

/// Finds the line and column of a field inside one record's lines of a YAML file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldLocator<'a> {
    /// The lines of the text (see [`crate::yaml::context::lines`]), split once for the whole file.
    lines: &'a [&'a str],
    /// 1-based line where the record starts.
    from_line: usize,
    /// 1-based line where the record ends (exclusive).
    to_line: usize,
    /// Added to every line found (for front matter parsed on its own).
    line_offset: usize,
}

/// Which lines the next step of a path is looked for in.
#[derive(Clone, Copy)]
enum Scope {
    /// The record's own keys, at this column.
    Top(usize),
    /// Below a key whose content starts at this column.
    Key(usize),
    /// Inside a list item whose `-` is at this column.
    Item(usize),
}

/// One line of YAML, measured.
struct YamlLine<'a> {
    /// Leading spaces.
    indent: usize,
    /// Where the content starts after leading spaces and `- ` markers.
    content_at: usize,
    /// The content after leading spaces and `- ` markers.
    content: &'a str,
    /// True when it starts with `- `.
    item: bool,
}

fn measure(line: &str) -> YamlLine<'_> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut content = &line[indent..];
    let mut item = false;
    while let Some(rest) = content.strip_prefix("- ").or_else(|| (content == "-").then_some("")) {
        item = true;
        content = rest.trim_start_matches(' ');
    }
    YamlLine {
        indent,
        content_at: line.len() - content.len(),
        content,
        item,
    }
}

impl<'a> FieldLocator<'a> {
    /// The record in `lines` (a file split with [`crate::yaml::context::lines`]) from 1-based
    /// `from_line` up to (not including) `to_line`.
    pub(crate) fn new(lines: &'a [&'a str], from_line: usize, to_line: usize) -> Self {
        FieldLocator {
            lines,
            from_line: from_line.max(1),
            to_line,
            line_offset: 0,
        }
    }

    /// Front matter or another piece of YAML parsed on its own, starting at 1-based line `first_line` of the file.
    /// `lines` is the piece split with [`crate::yaml::context::lines`].
    pub(crate) fn whole(lines: &'a [&'a str], first_line: usize) -> Self {
        FieldLocator {
            lines,
            from_line: 1,
            to_line: usize::MAX,
            line_offset: first_line.saturating_sub(1),
        }
    }

    /// 1-based line and column of the value of the field at `path` (of its key, when the value is
    /// on the lines below). Falls back to the deepest part of the path found, then the record.
    pub(crate) fn find(&self, path: &[Key<'_>]) -> (usize, usize) {
        let end = self.to_line.saturating_sub(1).min(self.lines.len());
        let lines = &self.lines[(self.from_line - 1).min(end)..end];
        let mut found = (self.from_line, 1);
        let mut start = 0;
        // The scope of the current step: every line at the top of the record (its first key's
        // column), or the lines below a key or a list item.
        let top = lines
            .iter()
            .map(|raw| measure(raw))
            .find(|line| !line.content.trim().is_empty() && !line.content.starts_with('#'))
            .map(|line| line.content_at)
            .unwrap_or(0);
        let mut scope = Scope::Top(top);
        for key in path {
            let in_scope = |index: usize, line: &YamlLine<'_>| match scope {
                Scope::Top(column) => matches!(key, Key::Item(_)) || line.content_at == column,
                Scope::Key(depth) => index == start || line.indent > depth || (line.item && line.indent == depth),
                Scope::Item(depth) => index == start || line.indent > depth,
            };
            let mut hit = None;
            let mut items_seen = 0;
            let mut item_indent = None;
            for (index, raw) in lines.iter().enumerate().skip(start) {
                let line = measure(raw);
                if line.content.trim().is_empty() || line.content.starts_with('#') {
                    continue;
                }
                let top_level = matches!(scope, Scope::Top(_));
                if !in_scope(index, &line) {
                    if top_level {
                        continue;
                    }
                    break;
                }
                match key {
                    Key::Name(name) => {
                        if let Some(value) = line.content.strip_prefix(name).and_then(|rest| rest.strip_prefix(':')) {
                            let value_at = line.content_at + name.len() + 1 + (value.len() - value.trim_start().len());
                            let column = if value.trim().is_empty() || value.trim_start().starts_with(['|', '>']) {
                                line.content_at
                            } else {
                                value_at
                            };
                            hit = Some((index, raw[..column].chars().count() + 1, Scope::Key(line.content_at)));
                            break;
                        }
                    }
                    Key::Item(n) => {
                        if line.item && index > start && item_indent.is_none_or(|i| i == line.indent) {
                            item_indent = Some(line.indent);
                            if items_seen == *n {
                                hit = Some((index, line.content_at + 1, Scope::Item(line.indent)));
                                break;
                            }
                            items_seen += 1;
                        }
                    }
                }
            }
            let Some((index, column, next)) = hit else {
                // `ages: {from: 5, to: 11}`: a field inside a mapping written on one line.
                if let Key::Name(name) = key
                    && let Some(line) = found.0.checked_sub(self.from_line).and_then(|i| lines.get(i))
                    && let Some(inner) = flow_field(line, found.1, name)
                {
                    found.1 = inner;
                }
                break;
            };
            found = (self.from_line + index, column);
            start = index;
            scope = next;
        }
        (found.0 + self.line_offset, found.1)
    }
}

/// The 1-based column of the value of `name` inside a `{…}` mapping that starts at 1-based
/// `column` of `line`.
fn flow_field(line: &str, column: usize, name: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    let start = column.checked_sub(1)?;
    if chars.get(start) != Some(&'{') {
        return None;
    }
    let rest: String = chars[start..].iter().collect();
    let mut searched = 0;
    while let Some(found) = rest[searched..].find(name) {
        let at = searched + found;
        let before = rest[..at].trim_end().chars().last();
        let after = &rest[at + name.len()..];
        if matches!(before, Some('{' | ',')) && after.starts_with(':') {
            let value = &after[1..];
            let offset = at + name.len() + 1 + (value.len() - value.trim_start().len());
            return Some(column + rest[..offset].chars().count());
        }
        searched = at + name.len();
    }
    None
}

/// Cleans the fields of one record, reporting at their lines.
pub(crate) struct FieldCleaner<'a> {
    file: &'a str,
    locator: FieldLocator<'a>,
    schemes: &'a [String],
    /// What was found.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> FieldCleaner<'a> {
    /// A cleaner for a record of `file`, found with `locator`, with the site's allowed link schemes.
    pub(crate) fn new(file: &'a str, locator: FieldLocator<'a>, schemes: &'a [String]) -> Self {
        FieldCleaner {
            file,
            locator,
            schemes,
            diagnostics: Vec::new(),
        }
    }

    /// A plain-text field: markup is a warning and is taken out.
    pub(crate) fn text(&mut self, path: &[Key<'_>], value: &mut String) {
        let Some(cleaned) = plain_text::clean(value) else { return };
        let (line, column) = self.locator.find(path);
        let field = field_name(path);
        self.diagnostics.push(
            Diagnostic::warning(
                self.file,
                line,
                column,
                Rule::MARKUP_IN_TEXT,
                format!(
                    "`{field}` has HTML in it ({}), but it is plain text: it is published as \"{}\"",
                    cleaned.found.join(", "),
                    preview(&cleaned.text)
                ),
            )
            .with_suggestion(
                "Write plain words, without HTML tags such as <p> or codes such as &nbsp; (text pasted from a web page or a Word document often brings them). The site does the formatting.",
            ),
        );
        *value = cleaned.text;
    }

    /// An optional plain-text field.
    pub(crate) fn optional(&mut self, path: &[Key<'_>], value: &mut Option<String>) {
        if let Some(text) = value.as_mut() {
            self.text(path, text);
        }
    }

    /// An address field: a scheme that is not allowed is an error, and the address is taken out.
    pub(crate) fn url(&mut self, path: &[Key<'_>], value: &mut Option<String>) {
        let Some(url) = value.as_deref() else { return };
        let Err(problem) = check_url(url, self.schemes) else { return };
        let (line, column) = self.locator.find(path);
        self.diagnostics.push(
            Diagnostic::error(
                self.file,
                line,
                column,
                Rule::UNSAFE_LINK,
                format!("`{}` cannot be published: {}", field_name(path), problem.explain(self.schemes)),
            )
            .with_suggestion(problem.fix()),
        );
        *value = None;
    }

    /// Every plain-text and address field of a service.
    pub(crate) fn service(&mut self, record: &mut ServiceRecord) {
        use Key::{Item, Name};
        self.text(&[Name("name")], &mut record.name);
        self.text(&[Name("summary")], &mut record.summary);
        self.text(&[Name("provider")], &mut record.provider);
        self.url(&[Name("provider_website")], &mut record.provider_website);
        self.optional(&[Name("eligibility")], &mut record.eligibility);
        self.text(&[Name("cost")], &mut record.cost);
        self.optional(&[Name("when")], &mut record.when);
        self.optional(&[Name("application_process")], &mut record.application_process);
        self.optional(&[Name("service_area")], &mut record.service_area);
        self.optional(&[Name("easy_read_summary")], &mut record.easy_read_summary);
        for (tag, translation) in record.translations.iter_mut() {
            self.text(&[Name("translations"), Name(tag), Name("summary")], &mut translation.summary);
        }
        for (index, language) in record.languages.iter_mut().enumerate() {
            self.text(&[Name("languages"), Item(index)], language);
        }
        self.optional(&[Name("contact"), Name("phone")], &mut record.contact.phone);
        self.optional(&[Name("contact"), Name("email")], &mut record.contact.email);
        self.url(&[Name("contact"), Name("website")], &mut record.contact.website);
        self.place(&[Name("where")], &mut record.place);
        for (index, place) in record.locations.iter_mut().enumerate() {
            self.place(&[Name("locations"), Item(index)], place);
        }
        for (index, option) in record.cost_options.iter_mut().enumerate() {
            self.optional(&[Name("cost_options"), Item(index), Name("per")], &mut option.per);
            self.optional(&[Name("cost_options"), Item(index), Name("description")], &mut option.description);
        }
        for (index, schedule) in record.schedules.iter_mut().enumerate() {
            self.optional(&[Name("schedules"), Item(index), Name("description")], &mut schedule.description);
        }
    }

    fn place(&mut self, at: &[Key<'_>], place: &mut Place) {
        let with = |name| {
            let mut path = at.to_vec();
            path.push(Key::Name(name));
            path
        };
        self.optional(&with("name"), &mut place.name);
        self.optional(&with("address"), &mut place.address);
        self.optional(&with("postcode"), &mut place.postcode);
        self.optional(&with("locality"), &mut place.locality);
        self.optional(&with("accessibility_notes"), &mut place.accessibility_notes);
    }

    /// The plain-text fields of a page's front matter.
    pub(crate) fn page(&mut self, meta: &mut PageMeta) {
        self.text(&[Key::Name("title")], &mut meta.title);
        self.text(&[Key::Name("summary")], &mut meta.summary);
    }

    /// The plain-text and address fields of a contact block.
    pub(crate) fn contact(&mut self, block: &mut ContactBlock) {
        use Key::Name;
        self.text(&[Name("name")], &mut block.name);
        self.optional(&[Name("heading")], &mut block.heading);
        self.optional(&[Name("operator")], &mut block.operator);
        self.text(&[Name("summary")], &mut block.summary);
        self.optional(&[Name("phone")], &mut block.phone);
        self.optional(&[Name("email")], &mut block.email);
        self.url(&[Name("website")], &mut block.website);
        self.optional(&[Name("address")], &mut block.address);
        self.optional(&[Name("hours")], &mut block.hours);
        self.optional(&[Name("easy_read_summary")], &mut block.easy_read_summary);
    }

    /// The fields of a glossary term.
    pub(crate) fn glossary_term(&mut self, term: &mut GlossaryTerm) {
        use Key::Name;
        self.text(&[Name("term")], &mut term.term);
        self.optional(&[Name("stands_for")], &mut term.stands_for);
        self.text(&[Name("meaning")], &mut term.meaning);
    }

    /// The fields of "You said, we did".
    pub(crate) fn you_said_we_did(&mut self, data: &mut YouSaidWeDid) {
        use Key::{Item, Name};
        self.optional(&[Name("how_we_asked")], &mut data.how_we_asked);
        for (index, entry) in data.entries.iter_mut().enumerate() {
            self.text(&[Name("entries"), Item(index), Name("comment")], &mut entry.comment);
            self.text(&[Name("entries"), Item(index), Name("response")], &mut entry.response);
            self.text(&[Name("entries"), Item(index), Name("action")], &mut entry.action);
        }
    }
}

/// A path as authors write it: `contact.website`, `locations[2].address`.
fn field_name(path: &[Key<'_>]) -> String {
    let mut name = String::new();
    for key in path {
        match key {
            Key::Name(key) => {
                if !name.is_empty() {
                    name.push('.');
                }
                name.push_str(key);
            }
            Key::Item(index) => name.push_str(&format!("[{}]", index + 1)),
        }
    }
    name
}

fn preview(text: &str) -> String {
    let mut shown: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        shown.push('…');
    }
    shown
}

/// Where the Markdown of a `description:` starts in a record's YAML: the 1-based line and the
/// indentation of a `description: |` block, or the line and column of a value written on the
/// key's own line; `(0, 0)` when there is no description.
pub(crate) fn description_start(locator: &FieldLocator<'_>) -> (usize, usize) {
    let lines = locator.lines;
    let (line, column) = locator.find(&[Key::Name("description")]);
    let Some(key_line) = lines.get(line.saturating_sub(1 + locator.line_offset)) else {
        return (0, 0);
    };
    let measured = measure(key_line);
    let Some(value) = measured.content.strip_prefix("description:") else {
        return (0, 0);
    };
    if value.trim_start().starts_with(['|', '>']) || value.trim().is_empty() {
        let below = lines
            .iter()
            .enumerate()
            .skip(line - locator.line_offset)
            .find(|(_, l)| !l.trim().is_empty());
        return match below {
            Some((index, first)) => (index + 1 + locator.line_offset, first.len() - first.trim_start().len()),
            None => (0, 0),
        };
    }
    let quote = usize::from(value.trim_start().starts_with(['"', '\'']));
    (line, column - 1 + quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "- name: Swim club\n  summary: <p>Fun</p>\n  contact:\n    phone: 0121 496 0000\n    website: javascript:alert(1)\n  where:\n    name: <b>Pool</b>\n  locations:\n    - name: First\n      address: 1 Road\n    - name: Second\n      address: <i>2 Road</i>\n  description: |\n    Hello [x](javascript:y)\n- name: Other\n  summary: Plain\n";

    #[test]
    fn fields_are_found_at_their_own_lines() {
        let lines = crate::yaml::context::lines(YAML);
        let locator = FieldLocator::new(&lines, 1, 15);
        assert_eq!(locator.find(&[Key::Name("name")]), (1, 9));
        assert_eq!(locator.find(&[Key::Name("summary")]), (2, 12));
        assert_eq!(locator.find(&[Key::Name("contact"), Key::Name("website")]), (5, 14));
        assert_eq!(locator.find(&[Key::Name("where"), Key::Name("name")]), (7, 11));
        assert_eq!(
            locator.find(&[Key::Name("locations"), Key::Item(1), Key::Name("address")]),
            (12, 16)
        );
        assert_eq!(locator.find(&[Key::Name("locations"), Key::Item(0), Key::Name("name")]), (9, 13));
        assert_eq!(description_start(&locator), (14, 4));
        let second = FieldLocator::new(&lines, 15, usize::MAX);
        assert_eq!(second.find(&[Key::Name("summary")]), (16, 12));
        assert_eq!(description_start(&second), (0, 0));
    }

    #[test]
    fn markup_is_a_warning_and_unsafe_websites_an_error() {
        let mut record: ServiceRecord = crate::yaml::parse(
            "name: Swim club\ncategory: x\nsummary: \"<p>Fun&nbsp;for <strong>all</strong></p>\"\nprovider: P\nages: {from: 0, to: 5}\naccess: [drop-in]\ncost: Free\ncontact:\n  website: \"jav&#x09;ascript:alert(1)\"\nwhere: {online: true}\nlast_reviewed: 2026-01-01\n",
        )
        .unwrap();
        let text = "name: Swim club\ncategory: x\nsummary: \"<p>Fun&nbsp;for <strong>all</strong></p>\"\nprovider: P\nages: {from: 0, to: 5}\naccess: [drop-in]\ncost: Free\ncontact:\n  website: \"jav&#x09;ascript:alert(1)\"\n";
        let schemes: Vec<String> = vec!["https".into()];
        let lines = crate::yaml::context::lines(text);
        let mut cleaner = FieldCleaner::new("content/services/x.md", FieldLocator::whole(&lines, 2), &schemes);
        cleaner.service(&mut record);
        assert_eq!(record.summary, "Fun for all");
        assert_eq!(record.contact.website, None);
        let found: Vec<(Rule, usize, usize)> = cleaner.diagnostics.iter().map(|d| (d.rule, d.line, d.column)).collect();
        assert_eq!(found, vec![(Rule::MARKUP_IN_TEXT, 4, 10), (Rule::UNSAFE_LINK, 10, 12)]);
    }
}
