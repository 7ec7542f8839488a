//! Plain words for a `site.toml` that cannot be read, with TOML (not YAML) advice.
//!
//! The `toml` crate reports where it stopped but not what kind of problem it met, so the kind is
//! worked out from the text: whether the file is valid TOML at all, and which rewrite of the value
//! at the reported place (without its quotes, in quotes, in a list) makes the problem go away.
//! When a rewrite does, the fix is certain and the message says exactly what to write.

use super::{CONFIG_FILE, SiteConfig};
use crate::diagnostic::Diagnostic;
use crate::location::line_column;
use crate::rules::Rule;

/// A diagnostic for `error`, met while reading `text` as `site.toml`.
pub(super) fn explain(text: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let (line, column) = if error.span().is_some() {
        line_column(text, span.start)
    } else {
        (0, 0)
    };
    let at = |rule: Rule, message: String, fix: String| Diagnostic::error(CONFIG_FILE, line, column, rule, message).with_suggestion(fix);
    if text.parse::<toml::Table>().is_err() {
        return syntax(text, line, column, error);
    }
    let Some(entry) = entry_at(text, &span) else {
        return fallback(line, column, error);
    };
    let key = entry.key.as_str();
    let value = entry.value.as_str();
    let same_error = |candidate: &str| {
        let changed = format!("{}{candidate}{}", &text[..entry.value_range.start], &text[entry.value_range.end..]);
        match toml::from_str::<SiteConfig>(&changed) {
            Ok(_) => false,
            Err(other) => other.span().map(|s| s.start) == error.span().map(|s| s.start),
        }
    };
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        let kind = if inner.parse::<i64>().is_ok() {
            Some("a whole number")
        } else if inner.parse::<f64>().is_ok() {
            Some("a number")
        } else if inner == "true" || inner == "false" {
            Some("`true` or `false`")
        } else {
            None
        };
        if let Some(kind) = kind
            && !same_error(inner)
        {
            return at(
                Rule::CONFIG_TYPE,
                format!("`{key}` needs {kind}, but `{value}` is text because of the quotes"),
                format!("Take out the quotes: write `{key} = {inner}`."),
            );
        }
    }
    if !value.starts_with(['"', '[', '{', '\'']) {
        let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
        if !same_error(&quoted) {
            return at(
                Rule::CONFIG_TYPE,
                format!("`{key}` needs text in double quotes, but `{value}` is not text"),
                format!("Write `{key} = {quoted}`."),
            );
        }
        let listed = format!("[{value}]");
        if !same_error(&listed) {
            return at(
                Rule::CONFIG_TYPE,
                format!("`{key}` needs a list in square brackets, even of one item"),
                format!("Write `{key} = {listed}`."),
            );
        }
    }
    if value.starts_with('"') {
        let listed = format!("[{value}]");
        if !same_error(&listed) {
            return at(
                Rule::CONFIG_TYPE,
                format!("`{key}` needs a list in square brackets, even of one item"),
                format!("Write `{key} = {listed}`."),
            );
        }
    }
    fallback(line, column, error)
}

/// A `key = value` line of the TOML text.
struct Entry {
    key: String,
    value: String,
    /// Byte range of the value in the whole text.
    value_range: std::ops::Range<usize>,
}

/// The `key = value` entry on the line where `span` starts (an inline value's own line).
fn entry_at(text: &str, span: &std::ops::Range<usize>) -> Option<Entry> {
    let start = span.start.min(text.len());
    if !text.is_char_boundary(start) {
        return None;
    }
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[start..].find('\n').map(|i| start + i).unwrap_or(text.len());
    let line = &text[line_start..line_end];
    let (key, rest) = line.split_once('=')?;
    let key = key.trim().trim_matches('"').to_string();
    if key.is_empty() || key.starts_with('[') || key.starts_with('#') {
        return None;
    }
    let after_equals = line_start + line.len() - rest.len();
    let value_start = after_equals + (rest.len() - rest.trim_start().len());
    let mut value = rest.trim();
    // A comment after a simple value.
    if !value.starts_with(['"', '[', '{', '\''])
        && let Some(hash) = value.find('#')
    {
        value = value[..hash].trim_end();
    } else if value.starts_with('"')
        && let Some(close) = value[1..].find('"')
    {
        value = &value[..close + 2];
    }
    Some(Entry {
        key,
        value: value.to_string(),
        value_range: value_start..value_start + value.len(),
    })
}

/// TOML that is not TOML: what is written at the line gives the likely cause.
fn syntax(text: &str, line: usize, column: usize, error: &toml::de::Error) -> Diagnostic {
    let line_text = line.checked_sub(1).and_then(|i| text.lines().nth(i)).unwrap_or("");
    if let Some((key, value)) = line_text.split_once('=') {
        let key = key.trim();
        let value = value.trim();
        let is_word = |v: &str| v.parse::<f64>().is_err() && v != "true" && v != "false";
        if !key.is_empty() && !value.is_empty() && !value.starts_with(['"', '\'', '[', '{']) && is_word(value) {
            let value_column = line_text.find(value).map(|i| line_text[..i].chars().count() + 1).unwrap_or(column);
            return Diagnostic::error(
                CONFIG_FILE,
                line,
                value_column,
                Rule::CONFIG_SYNTAX,
                format!("The text for `{key}` needs double quotes around it in TOML"),
            )
            .with_suggestion(format!("Write `{key} = \"{}\"`.", value.replace('"', "\\\"")));
        }
        if value.starts_with('"') && !value[1..].contains('"') {
            return Diagnostic::error(
                CONFIG_FILE,
                line,
                column,
                Rule::CONFIG_SYNTAX,
                format!("The text for `{key}` starts with `\"` but is not closed on this line"),
            )
            .with_suggestion("Add the closing `\"` at the end of the text.");
        }
    }
    Diagnostic::error(
        CONFIG_FILE,
        line,
        column,
        Rule::CONFIG_SYNTAX,
        format!("{CONFIG_FILE} cannot be read here (the TOML reader says: {})", error.message().trim().trim_end_matches('.')),
    )
    .with_suggestion("Check the TOML syntax: `key = \"text\"`, numbers and true/false without quotes, lists in `[ ]`, and [section] headings on their own lines.")
}

/// A problem the text does not explain on its own: an unknown or missing setting, or a value the
/// settings do not allow. The reader's message names the setting; the advice is about TOML.
fn fallback(line: usize, column: usize, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim().trim_end_matches('.');
    let quoted = |prefix: &str| {
        let from = message.find(prefix)? + prefix.len();
        let length = message[from..].find('`')?;
        Some(message[from..from + length].to_string())
    };
    if let Some(field) = quoted("unknown field `") {
        let names: Vec<&str> = message
            .split_once("expected")
            .map(|(_, rest)| rest)
            .unwrap_or("")
            .split(|c: char| c == ',' || c.is_whitespace())
            .map(|w| w.trim_matches('`'))
            .filter(|w| !w.is_empty() && !matches!(*w, "one" | "of" | "or"))
            .collect();
        let suggestion = match crate::suggest::closest(&field, names.iter().copied()) {
            Some(best) => format!("Did you mean `{best}`? Check the spelling, or remove the line."),
            None => format!(
                "Remove `{field}`, or check the spelling. The settings here are: {}.",
                names.join(", ")
            ),
        };
        return Diagnostic::error(
            CONFIG_FILE,
            line,
            column,
            Rule::UNKNOWN_FIELD,
            format!("`{field}` is not a setting Signpost knows here"),
        )
        .with_suggestion(suggestion);
    }
    if let Some(field) = quoted("missing field `") {
        return Diagnostic::error(
            CONFIG_FILE,
            line,
            column,
            Rule::MISSING_FIELD,
            format!("The required setting `{field}` is missing"),
        )
        .with_suggestion(format!("Add a line `{field} = \"...\"` (see the example site.toml in the README)."));
    }
    if let Some(value) = quoted("unknown variant `") {
        return Diagnostic::error(
            CONFIG_FILE,
            line,
            column,
            Rule::UNKNOWN_VALUE,
            format!("`{value}` is not one of the allowed values"),
        )
        .with_suggestion("Check the allowed values for this setting in the README.");
    }
    Diagnostic::error(CONFIG_FILE, line, column, Rule::CONFIG_VALUE, format!("This setting has a value Signpost cannot use ({message})"))
        .with_suggestion("Check the value against the example site.toml in the README: text in double quotes, numbers and true/false without quotes, lists in `[ ]`.")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str =
        "name = \"T\"\narea = \"T\"\ncouncil = \"T\"\nbase_url = \"https://t.example/\"\naccessibility_statement = \"/a/\"\n";

    #[test]
    fn a_number_in_quotes_is_named_with_the_exact_fix() {
        let text = format!("{SITE}review_cycle_months = \"12\"\n");
        let problems = SiteConfig::from_text(&text).unwrap_err();
        let found = &problems[0];
        assert_eq!((found.rule, found.line, found.column), (Rule::CONFIG_TYPE, 6, 23), "{found:?}");
        assert!(found.message.contains("`review_cycle_months` needs a whole number"), "{found:?}");
        assert_eq!(
            found.suggestion.as_deref(),
            Some("Take out the quotes: write `review_cycle_months = 12`.")
        );
    }

    #[test]
    fn unquoted_text_is_a_syntax_error_with_the_quotes_to_add() {
        let problems = SiteConfig::from_text("name = Walsall Local Offer\n").unwrap_err();
        assert_eq!(problems[0].rule, Rule::CONFIG_SYNTAX);
        assert_eq!(problems[0].suggestion.as_deref(), Some("Write `name = \"Walsall Local Offer\"`."));
        assert!(!problems[0].suggestion.as_deref().unwrap_or("").contains("YAML"));
    }
}
