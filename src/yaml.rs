//! The one place that parses YAML.
//!
//! serde_yaml is deprecated and unmaintained, so Signpost uses serde-saphyr: pure Rust, no unsafe
//! code, designed not to panic, with error locations and limits against "billion laughs" alias
//! bombs. Everything else in Signpost calls [`parse`], so switching to another parser (for example
//! serde_norway, which has serde_yaml's API) means changing this file only.

use crate::rules::Rule;
use serde::de::DeserializeOwned;

pub mod context;
pub(crate) mod explain;

/// A YAML problem with its 1-based position inside the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line inside the parsed text (0 if unknown).
    pub line: usize,
    /// 1-based column (0 if unknown).
    pub column: usize,
    /// The parser's message, made plainer where we know a better wording.
    pub message: String,
    /// A stable rule name for the kind of problem.
    pub rule: Rule,
    /// How to fix it.
    pub suggestion: String,
    /// The field that must be there and is not, when that is the problem (`missing-field`).
    pub missing_field: Option<&'static str>,
}

/// A location in parsed YAML text (1-based line and column, and the byte offset when known).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Byte offset from the start of the text.
    pub offset: Option<usize>,
}

/// A value together with the place in the YAML text it came from.
pub type Spanned<T> = serde_saphyr::Spanned<T>;

/// Where a [`Spanned`] value was written.
pub fn position_of<T>(value: &Spanned<T>) -> Position {
    let location = value.referenced;
    Position {
        line: location.line() as usize,
        column: location.column() as usize,
        offset: location.span().byte_offset().map(|o| o as usize),
    }
}

/// Parses a file that holds a list: either the list itself at the top, or the list under one
/// key (`services:`, `terms:`), which is the form browser editors such as Decap CMS can edit
/// (they need a group of fields at the top of a file). Positions are in the whole text.
pub fn parse_list<T: DeserializeOwned>(text: &str, key: &str) -> Result<Vec<Spanned<T>>, YamlError> {
    if !starts_with_key(text, key) {
        return parse::<Vec<Spanned<T>>>(text);
    }
    let mut groups = parse::<std::collections::BTreeMap<String, Vec<Spanned<T>>>>(text)?;
    let list = groups.remove(key).unwrap_or_default();
    if let Some(other) = groups.keys().next() {
        let (line, column) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.starts_with(&format!("{other}:")))
            .map(|(n, _)| (n + 1, 1))
            .unwrap_or((0, 0));
        return Err(YamlError {
            line,
            column,
            message: format!("`{other}` is not a field Signpost knows here"),
            rule: Rule::UNKNOWN_FIELD,
            suggestion: format!("This file holds one list under `{key}:`. Move the entries under it, or remove `{other}:`."),
            missing_field: None,
        });
    }
    Ok(list)
}

/// True when the first line with something on it (not a comment or `---`) is `key:`.
fn starts_with_key(text: &str, key: &str) -> bool {
    text.lines()
        .map(str::trim_end)
        .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#') && *line != "---")
        .is_some_and(|line| line.strip_prefix(key).is_some_and(|rest| rest.starts_with(':')))
}

/// Parses one YAML document into `T`. A failure comes back in plain words, chosen by the kind of
/// error and what is written where it happened (see [`explain`]).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str::<T>(text).map_err(|error| {
        let explained = explain::explain(text, &error);
        // A tagged value (`!!binary AAAA`) that cannot be read: name the tag.
        let at = context::At::new(text, explained.line, explained.column);
        let tag = if at.value.starts_with('!') {
            Some((
                explained.line,
                explained.column,
                at.value.split_whitespace().next().unwrap_or("!").to_string(),
            ))
        } else if explained.column == 0 {
            first_tag(text)
        } else {
            None
        };
        if let Some((line, column, tag)) = tag {
            return YamlError {
                line,
                column,
                message: format!("`{tag}` is a YAML tag, which Signpost does not read"),
                rule: Rule::WRONG_TYPE,
                suggestion: format!("Remove `{tag}` and write the value as plain text (put it in quotes if it starts with `!`)."),
                missing_field: None,
            };
        }
        YamlError {
            line: explained.line,
            column: explained.column,
            message: explained.message,
            rule: explained.rule,
            suggestion: explained.suggestion,
            missing_field: explain::missing_field(&error),
        }
    })
}

/// The first YAML tag (`!!binary`, `!custom`) written as a value, with its 1-based line and
/// column. Content files never need tags, so one in a file that fails to parse is the cause.
fn first_tag(text: &str) -> Option<(usize, usize, String)> {
    // Lines end at `\n`, `\r\n` or a lone `\r`, as YAML counts them.
    for (index, line) in text
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .enumerate()
    {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut rest = line;
        let mut offset = 0;
        loop {
            let trimmed = rest.trim_start_matches([' ', '\t', '-']);
            offset += rest.len() - trimmed.len();
            if trimmed.starts_with('!') {
                let tag: String = trimmed.chars().take_while(|c| !c.is_whitespace()).collect();
                return Some((index + 1, line[..offset].chars().count() + 1, tag));
            }
            // A value after `key:` (not inside quotes) may be a tag too.
            match trimmed.find(": ") {
                Some(colon) if !trimmed[..colon].contains(['"', '\'']) => {
                    offset += colon + 2;
                    rest = &trimmed[colon + 2..];
                }
                _ => break,
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Example {
        name: String,
        cost: String,
    }

    #[test]
    fn a_yaml_tag_is_named_at_its_place() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Counted {
            name: String,
            count: u32,
        }
        let error = parse::<Vec<Counted>>("- name: x\n  count: !!binary AAAA\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.column >= 1, "{error:?}");
        let error = parse::<Vec<Spanned<serde::de::IgnoredAny>>>("!!binary AAAA\nterm: ").unwrap_err();
        assert_eq!((error.line, error.column), (1, 1));
        assert!(parse::<Example>("name: \"!fine\"\ncost: x\n").is_ok());
    }

    #[test]
    fn missing_field_names_the_field() {
        let error = parse::<Example>("name: Swim club\n").unwrap_err();
        assert_eq!(error.rule, Rule::MISSING_FIELD);
        assert!(error.message.contains("`cost`"), "{error:?}");
        assert_eq!(error.missing_field, Some("cost"), "the field travels as data, not only in words");
        assert_eq!(error.line, 1);
        assert_eq!(
            parse::<Example>(
                "name: x
cost: y
nope: z
"
            )
            .unwrap_err()
            .missing_field,
            None
        );
    }

    #[test]
    fn unknown_field_suggests_the_closest_name() {
        let error = parse::<Example>("name: Swim club\ncots: Free\n").unwrap_err();
        assert_eq!(error.rule, Rule::UNKNOWN_FIELD);
        assert_eq!((error.line, error.column), (2, 1));
        assert!(error.suggestion.contains("`cost`"), "{error:?}");
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let error = parse::<Example>("name: [unclosed\ncost: Free\n").unwrap_err();
        assert!(error.line >= 1, "{error:?}");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        let mut previous = 'a';
        for name in 'b'..='k' {
            text.push_str(&format!("{name}: &{name} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"));
            previous = name;
        }
        let result = parse::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(&text);
        assert!(result.is_err());
    }
}
