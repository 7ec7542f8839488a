//! The one place that parses YAML.
//!
//! serde_yaml is deprecated and unmaintained, so Signpost uses serde-saphyr: pure Rust, no unsafe
//! code, designed not to panic, with error locations and limits against "billion laughs" alias
//! bombs. Everything else in Signpost calls [`parse`], so switching to another parser (for example
//! serde_norway, which has serde_yaml's API) means changing this file only.

use serde::de::DeserializeOwned;
use serde_saphyr::{MessageFormatter, UserMessageFormatter};

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
    pub rule: &'static str,
    /// How to fix it.
    pub suggestion: String,
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

/// Parses one YAML document into `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str::<T>(text).map_err(|error| {
        let (line, column) = error.location().map(|l| (l.line() as usize, l.column() as usize)).unwrap_or((0, 0));
        let raw = UserMessageFormatter.format_message(error.without_snippet()).into_owned();
        let (message, rule, suggestion) = crate::suggest::explain(&raw);
        YamlError {
            line,
            column,
            message,
            rule,
            suggestion,
        }
    })
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
    fn missing_field_names_the_field() {
        let error = parse::<Example>("name: Swim club\n").unwrap_err();
        assert_eq!(error.rule, "missing-field");
        assert!(error.message.contains("`cost`"), "{error:?}");
        assert_eq!(error.line, 1);
    }

    #[test]
    fn unknown_field_suggests_the_closest_name() {
        let error = parse::<Example>("name: Swim club\ncots: Free\n").unwrap_err();
        assert_eq!(error.rule, "unknown-field");
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
