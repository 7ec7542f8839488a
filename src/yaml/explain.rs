//! Plain words for every way reading YAML can fail, chosen by the kind of error the parser
//! reports and by what is written at its position, never by the wording of its message.

use super::context::{At, lines, nesting_at};
use crate::rules::Rule;
use crate::suggest::closest;
use serde_saphyr::Error as E;
use serde_saphyr::budget::BudgetBreach;

/// Nesting deeper than this is never meant in a content file.
pub(crate) const MAX_NESTING: usize = 40;

/// A problem in plain words: where, what, which rule, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Explained {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// Stable rule name.
    pub rule: Rule,
    /// How to fix it.
    pub suggestion: String,
}

/// The error inside the wrappers that only add snippets or alias locations.
fn innermost(mut error: &E) -> &E {
    loop {
        match error {
            E::WithSnippet { error: inner, .. } | E::AliasError { error: inner, .. } => error = inner,
            other => return other,
        }
    }
}

/// Explains `error`, met while reading `text`.
pub(crate) fn explain(text: &str, error: &E) -> Explained {
    let (line, column) = error.location().map(|l| (l.line() as usize, l.column() as usize)).unwrap_or((0, 0));
    let column = if line > 0 { column.max(1) } else { column };
    let at = At::new(text, line, column);
    let error = innermost(error);
    let mut explained = match error {
        E::Budget {
            breach: BudgetBreach::Depth { .. },
            ..
        } => too_deep(&at, nesting_at(text, line)),
        _ if nesting_at(text, line) > MAX_NESTING => too_deep(&at, nesting_at(text, line)),
        E::Unexpected { .. }
        | E::UnexpectedMappingEnd { .. }
        | E::UnexpectedSequenceEnd { .. }
        | E::Eof { .. }
        | E::ExternalMessage { .. }
            if leading_tab(text, line).is_some() =>
        {
            tab(leading_tab(text, line).unwrap_or((line, 1)))
        }
        E::InvalidScalar { ty, .. } => wrong_scalar(&at, ty),
        E::NullIntoString { .. } | E::InvalidCharNull { .. } => null_value(&at),
        E::Unexpected { expected, .. } => wrong_shape(&at, expected),
        E::SerdeMissingField { field, .. } => field_missing(&at, field),
        E::SerdeUnknownField { field, expected, .. } => unknown_field(&at, field, expected),
        E::SerdeUnknownVariant { variant, expected, .. } => unknown_value(&at, variant, expected),
        E::DuplicateMappingKey { key, .. } => duplicate(&at, key.as_deref()),
        E::Message { msg, .. } => own_message(&at, msg),
        E::SerdeInvalidType { expected, .. } | E::SerdeInvalidValue { expected, .. } => match scalar_expected(expected) {
            Some(ty) => wrong_scalar(&at, ty),
            None => wrong_value(&at),
        },
        E::SerdeInvalidLength { .. } => wrong_value(&at),
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } | E::UnexpectedValueForUnitEnumVariant { .. } => one_word(&at),
        E::InvalidBinaryBase64 { .. } | E::BinaryNotUtf8 { .. } | E::TaggedScalarCannotDeserializeIntoString { .. } => wrong_value(&at),
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::RecursiveReferencesRequireWeakTypes { .. } => too_complex(&at),
        E::UnknownAnchor { .. } => plain(
            &at,
            "This `*name` refers to something that is not defined above it",
            Rule::YAML_SYNTAX,
            "Write the value in full instead of using `*` (in text that starts with `*`, put the text in double quotes).",
        ),
        E::MultipleDocuments { .. } => plain(
            &at,
            "There is a second `---` in this YAML, which starts another document",
            Rule::YAML_SYNTAX,
            "Remove the extra `---` line (a file holds one list; front matter ends at the first `---`).",
        ),
        other => syntax(text, &at, other),
    };
    if explained.line == 0 {
        explained.column = 0;
    }
    explained
}

fn plain(at: &At, message: impl Into<String>, rule: Rule, suggestion: impl Into<String>) -> Explained {
    Explained {
        line: at.line,
        column: at.column,
        message: message.into(),
        rule,
        suggestion: suggestion.into(),
    }
}

/// `field` in backticks, or "This value" when the field is not known.
fn named(at: &At) -> String {
    at.field().map(|f| format!("`{f}`")).unwrap_or_else(|| "This value".to_string())
}

fn too_deep(at: &At, depth: usize) -> Explained {
    plain(
        at,
        format!("This line is nested {depth} levels deep (lists inside lists), far more than any Signpost file needs"),
        Rule::YAML_TOO_DEEP,
        "Check for a long run of `-`, `[` or `{` pasted by mistake. A service needs at most a few levels: a list of services, their fields, and lists such as `access:`.",
    )
}

fn too_complex(at: &At) -> Explained {
    plain(
        at,
        "This YAML has too many repeated references (`&name` and `*name`) to read safely",
        Rule::YAML_TOO_COMPLEX,
        "Write each value out in full instead of using `&name` and `*name`, or split the file into smaller files.",
    )
}

/// The number a word such as `ten` stands for, for ages written in words.
fn number_word(word: &str) -> Option<u8> {
    const WORDS: [&str; 26] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "twenty-one",
        "twenty-two",
        "twenty-three",
        "twenty-four",
        "twenty-five",
    ];
    let word = word.trim().to_lowercase();
    WORDS.iter().position(|w| *w == word).and_then(|n| u8::try_from(n).ok())
}

/// A value that is not the number, or true/false, the field needs.
fn wrong_scalar(at: &At, ty: &str) -> Explained {
    let field = at.field().unwrap_or("value");
    let value = at.value.trim_matches(['"', '\'']).to_string();
    let is_integer = ty.starts_with('u') || ty.starts_with('i');
    if at.parent() == Some("ages") || field == "ages" {
        let lead = "`ages` needs two whole numbers from 0 to 25, like `ages: {from: 5, to: 11}`";
        let (what, fix) = if at.value_is_null() {
            (
                format!("`{field}` is empty"),
                format!("Write the age after `{field}: `, for example `{field}: 5`."),
            )
        } else if let Ok(number) = value.parse::<i64>() {
            let side = if number < 0 { "below 0" } else { "more than 25" };
            (
                format!("{number} is {side}"),
                "The Local Offer covers ages 0 to 25: use whole years between 0 and 25.".to_string(),
            )
        } else if let Some(number) = number_word(&value) {
            (
                format!("`{value}` is not a number"),
                format!("Write the age in figures: `{field}: {number}`."),
            )
        } else if value.parse::<f64>().is_ok() {
            (
                format!("`{value}` is not a whole number"),
                "Use whole years, for example `from: 5`.".to_string(),
            )
        } else {
            (
                format!("`{value}` is not a number"),
                format!("Write the age in figures, for example `{field}: 5`."),
            )
        };
        return plain(at, format!("{lead}; {what}"), Rule::WRONG_TYPE, fix);
    }
    if ty == "bool" || ty == "boolean" {
        let fix = match value.to_lowercase().as_str() {
            "yes" | "y" | "on" | "ja" => format!("Write `{field}: true`."),
            "no" | "n" | "off" => format!("Write `{field}: false`."),
            _ => format!("Write `{field}: true` or `{field}: false`."),
        };
        let what = if at.value_is_null() {
            "it is empty".to_string()
        } else {
            format!("`{value}` is neither")
        };
        return plain(at, format!("`{field}` needs `true` or `false`; {what}"), Rule::WRONG_TYPE, fix);
    }
    if ty.starts_with('f') {
        let money = value.trim_start_matches('£').replace(',', "");
        if value.starts_with('£') && money.parse::<f64>().is_ok() {
            return plain(
                at,
                format!("`{field}` needs a number of pounds without the £ sign; `{value}` has one"),
                Rule::WRONG_TYPE,
                format!("Write `{field}: {money}`."),
            );
        }
        let what = if at.value_is_null() {
            "it is empty".to_string()
        } else {
            format!("`{value}` is not a number")
        };
        return plain(
            at,
            format!("`{field}` needs a number, like `{field}: 2.50`; {what}"),
            Rule::WRONG_TYPE,
            format!("Write the number in figures, for example `{field}: 2.50`."),
        );
    }
    if is_integer {
        let what = if at.value_is_null() {
            "it is empty".to_string()
        } else if value.parse::<i128>().is_ok() {
            format!("{value} is too large or below 0")
        } else {
            format!("`{value}` is not a whole number")
        };
        let fix = match number_word(&value) {
            Some(number) => format!("Write it in figures: `{field}: {number}`."),
            None => format!("Write a whole number in figures, for example `{field}: 12`."),
        };
        return plain(at, format!("`{field}` needs a whole number; {what}"), Rule::WRONG_TYPE, fix);
    }
    wrong_value(at)
}

fn null_value(at: &At) -> Explained {
    let field = at.field().unwrap_or("this field");
    plain(
        at,
        format!(
            "`{field}` is empty: `{}` means \"nothing\" in YAML, and `{field}` needs text",
            if at.value.is_empty() { "~" } else { &at.value }
        ),
        Rule::EMPTY_VALUE,
        format!("Write the text after `{field}: `, for example `{field}: {}`.", example_text(field)),
    )
}

/// An example value for a text field, for suggestions.
fn example_text(field: &str) -> &'static str {
    match field {
        "title" => "Short breaks",
        "name" => "Saturday swim club",
        "summary" => "A weekly swim session for disabled children.",
        "provider" => "Walsall Council",
        "cost" => "Free",
        "owner" => "SEND team",
        _ => "...",
    }
}

/// A field that needs a group of fields, a list or one value, given something else.
fn wrong_shape(at: &At, expected: &str) -> Explained {
    let field = at.field();
    let value = at.value.clone();
    match (expected, field) {
        ("mapping start", Some("ages")) => {
            let fix = range_in(&value).map(|(from, to)| format!("Write `ages: {{from: {from}, to: {to}}}`."));
            plain(
                at,
                if value.is_empty() {
                    "`ages` needs the youngest and oldest age, like `ages: {from: 5, to: 11}`".to_string()
                } else {
                    format!(
                        "`ages` is written as `{value}`, but it needs the youngest and oldest age as two numbers, like `ages: {{from: 5, to: 11}}`"
                    )
                },
                Rule::WRONG_TYPE,
                fix.unwrap_or_else(|| "Write `ages: {from: 5, to: 11}` with the youngest and oldest age.".to_string()),
            )
        }
        ("mapping start", Some(name)) => {
            let fields = match name {
                "contact" => "`phone:`, `email:` or `website:`",
                "where" => "`address:`, `postcode:`, `locality:` or `online: true`",
                "cost_options" | "schedules" | "locations" => "the fields of each entry",
                _ => "`name: value` lines",
            };
            plain(
                at,
                format!("`{name}` needs fields of its own ({fields}) on the lines below it, not `{value}`"),
                Rule::WRONG_TYPE,
                format!(
                    "Put each field on its own line below `{name}:`, indented by two more spaces, for example\n  {name}:\n    {}",
                    first_field(name)
                ),
            )
        }
        ("mapping start", None) => plain(
            at,
            if value.is_empty() {
                "Each entry needs `name: value` lines, but this one is empty".to_string()
            } else {
                format!("Each entry needs `name: value` lines, but this is `{value}`")
            },
            Rule::WRONG_TYPE,
            "Start each entry with `- ` and write its fields below it, for example `- name: Saturday swim club`.",
        ),
        ("sequence start", None) => plain(
            at,
            "This file must be a list, with each entry starting with `- `",
            Rule::NOT_A_LIST,
            "Start each entry with `- ` at the beginning of a line, for example `- name: Saturday swim club`.",
        ),
        ("sequence start", Some(name)) => {
            let items: Vec<&str> = value.split(',').map(str::trim).filter(|v| !v.is_empty()).collect();
            let fix = if items.is_empty() || value.starts_with('{') {
                format!("Write the items in square brackets, for example `{name}: [monday, wednesday]`.")
            } else {
                format!("Write `{name}: [{}]`.", items.join(", "))
            };
            plain(
                at,
                format!("`{name}` needs a list, even of one item; it is `{value}`"),
                Rule::WRONG_TYPE,
                fix,
            )
        }
        (_, Some(_)) if unclosed_bracket(&value).is_some() => {
            let (open, close) = unclosed_bracket(&value).unwrap_or(('[', ']'));
            plain(
                at,
                format!("The `{open}` that starts this value is not closed with `{close}`, so YAML reads the lines below as part of it"),
                Rule::YAML_SYNTAX,
                format!("Add `{close}` at the end of the line, or put the text in double quotes if the `{open}` is meant as text."),
            )
        }
        (_, Some(name)) => plain(
            at,
            format!("`{name}` needs a single value here, not a list or group of fields"),
            Rule::WRONG_TYPE,
            format!("Write one value after `{name}: `, in quotes if it contains `: ` or starts with `[` or `{{`."),
        ),
        (_, None) => wrong_value(at),
    }
}

/// The bracket pair when `value` opens a `[` or `{` it does not close.
fn unclosed_bracket(value: &str) -> Option<(char, char)> {
    let open = value.chars().next().filter(|c| matches!(c, '[' | '{'))?;
    let opens = value.matches(['[', '{']).count();
    let closes = value.matches([']', '}']).count();
    (opens > closes).then_some(if open == '[' { ('[', ']') } else { ('{', '}') })
}

/// The first field to show in an example of a group of fields.
fn first_field(name: &str) -> &'static str {
    match name {
        "contact" => "phone: 0121 496 0000",
        "where" => "postcode: WS1 1AA",
        "ages" => "from: 5",
        _ => "name: value",
    }
}

/// `5-11`, `5 to 11`, `5–11` or `[5, 11]`, read as an age range.
pub(crate) fn range_in(text: &str) -> Option<(u8, u8)> {
    let text = text.trim().trim_matches(['[', ']', '"', '\'']);
    let cleaned = text.replace(" to ", "-").replace(['–', '—', ','], "-");
    let (from, to) = cleaned.split_once('-')?;
    let number = |s: &str| {
        let s = s.trim();
        let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
        let words_after = rest.trim().is_empty() || ["years", "yrs", "y"].contains(&rest.trim());
        (words_after && rest.len() < s.len())
            .then(|| s[..s.len() - rest.len()].parse::<u8>().ok())
            .flatten()
    };
    Some((number(from)?, number(to)?))
}

/// What each required field of a service, page or entry can be, for "missing field" advice.
fn example_line(field: &str) -> String {
    match field {
        "contact" => "Add `contact:` with at least one of `phone:`, `email:` or `website:` on the lines below it, for example\n  contact:\n    phone: 0121 496 0000".to_string(),
        "where" => "Add `where:` with `address:`, `postcode:`, `locality:` or `online: true` below it, for example\n  where:\n    postcode: WS1 1AA".to_string(),
        "ages" => "Add `ages: {from: 0, to: 25}` with the youngest and oldest age.".to_string(),
        "access" => "Add `access:` with one or more of self-referral, professional-referral, ehcp, drop-in, for example `access: [self-referral]`.".to_string(),
        "last_reviewed" => "Add `last_reviewed: 2026-01-31` with the date the entry was last checked.".to_string(),
        "category" => "Add `category:` with one of the category ids set in site.toml.".to_string(),
        other => format!("Add a line `{other}: {}`.", example_text(other)),
    }
}

fn field_missing(at: &At, field: &str) -> Explained {
    plain(
        at,
        format!("The required field `{field}` is missing"),
        Rule::MISSING_FIELD,
        example_line(field),
    )
}

fn unknown_field(at: &At, field: &str, expected: &[&str]) -> Explained {
    let suggestion = match closest(field, expected.iter().copied()) {
        Some(best) => format!("Did you mean `{best}`? Write `{best}:`, or remove the line."),
        None => format!(
            "Remove `{field}`, or check the spelling. The fields here are: {}.",
            expected.join(", ")
        ),
    };
    plain(
        at,
        format!("`{field}` is not a field Signpost knows here"),
        Rule::UNKNOWN_FIELD,
        suggestion,
    )
}

fn unknown_value(at: &At, variant: &str, expected: &[&str]) -> Explained {
    let unquoted = variant.trim_matches(['“', '”', '‘', '’', '"', '\'']);
    let of = at.field().map(|f| format!(" for `{f}`")).unwrap_or_default();
    let suggestion = if unquoted != variant && expected.contains(&unquoted) {
        format!("Take out the curly quotes copied from a word processor: write `{unquoted}`.")
    } else {
        match closest(unquoted, expected.iter().copied()) {
            Some(best) => format!("Did you mean `{best}`? Write `{best}`. The choices are: {}.", expected.join(", ")),
            None => format!("Use one of: {}.", expected.join(", ")),
        }
    };
    plain(
        at,
        format!("`{variant}` is not one of the allowed values{of}"),
        Rule::UNKNOWN_VALUE,
        suggestion,
    )
}

fn duplicate(at: &At, key: Option<&str>) -> Explained {
    let what = key.map(|k| format!("`{k}`")).unwrap_or_else(|| "A field".to_string());
    plain(
        at,
        format!("{what} is written twice in the same entry"),
        Rule::DUPLICATE_FIELD,
        "Keep one of the two lines and delete the other.",
    )
}

/// The scalar type serde wanted, from its description of it in an invalid-type error: serde
/// passes only the text of its `Expected` (`a boolean`, `u8`, `f64`), so this is the one place
/// that reads it. `serde_describes_scalars_so` pins the descriptions: a serde release that words
/// them otherwise fails that test instead of quietly giving another message.
fn scalar_expected(expected: &str) -> Option<&str> {
    match expected {
        "a boolean" => Some("bool"),
        "f32" | "f64" => Some(expected),
        integer if integer.len() <= 5 && (integer.starts_with('u') || integer.starts_with('i')) => Some(integer),
        _ => None,
    }
}

/// What kind of problem one of Signpost's own types met while being read. serde carries a
/// custom error as text only, so the kind travels as a tag before the message ([`own_error`]
/// writes it, [`own_message`] reads it, both from [`OwnError::tag`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OwnError {
    /// A date that cannot be read (`bad-date`).
    Date,
    /// A value that is not one the field allows, with the message saying why (`bad-value`).
    Value,
}

impl OwnError {
    const ALL: [OwnError; 2] = [OwnError::Date, OwnError::Value];

    fn tag(self) -> &'static str {
        match self {
            OwnError::Date => "DATE:",
            OwnError::Value => "VALUE:",
        }
    }
}

/// The serde error one of Signpost's own types gives: `message` in plain words, of kind `kind`.
pub(crate) fn own_error<Error: serde::de::Error>(kind: OwnError, message: impl std::fmt::Display) -> Error {
    Error::custom(format!("{} {message}", kind.tag()))
}

/// Messages Signpost's own types give while being read (dates, checked values).
fn own_message(at: &At, message: &str) -> Explained {
    let Some((kind, text)) = OwnError::ALL
        .into_iter()
        .find_map(|kind| Some((kind, message.strip_prefix(kind.tag())?)))
    else {
        return wrong_value(at);
    };
    if kind == OwnError::Date {
        let suggestion = match uk_date(&at.value) {
            Some((long, iso)) => format!("If you mean {long}, write `{iso}` (year-month-day)."),
            None => "Write dates as year-month-day with hyphens, for example 2026-03-14.".to_string(),
        };
        return plain(at, text.trim().to_string(), Rule::BAD_DATE, suggestion);
    }
    plain(
        at,
        text.trim().to_string(),
        Rule::BAD_VALUE,
        "Correct the value as the message says.",
    )
}

/// The field a missing-field error names, from the error itself.
pub(crate) fn missing_field(error: &E) -> Option<&'static str> {
    match innermost(error) {
        E::SerdeMissingField { field, .. } => Some(field),
        _ => None,
    }
}

/// A date written the British way, `1/9/2026` or `01.09.26`, as its long form and ISO form.
pub(crate) fn uk_date(text: &str) -> Option<(String, String)> {
    let text = text.trim().trim_matches(['"', '\'']);
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let [day, month, year] = parts.as_slice() else { return None };
    let day: u8 = day.parse().ok()?;
    let month: usize = month.parse().ok()?;
    let year: i32 = match year.parse::<i32>().ok()? {
        short @ 0..=99 => 2000 + short,
        long => long,
    };
    let date = crate::content::Date::from_ymd(year, u8::try_from(month).ok()?, day)?;
    let name = crate::content::MONTH_NAMES.get(month.checked_sub(1)?)?;
    Some((format!("{day} {name} {year}"), date.to_string()))
}

fn wrong_value(at: &At) -> Explained {
    let value = if at.value.is_empty() {
        String::new()
    } else {
        format!(" (`{}`)", at.value)
    };
    plain(
        at,
        format!("{} has the wrong kind of value{value}", named(at)),
        Rule::WRONG_TYPE,
        "Check this value against the example in the README: text, a number, a list (lines starting with `- `) or a group of `name: value` lines.",
    )
}

fn one_word(at: &At) -> Explained {
    plain(
        at,
        format!("{} needs one of its allowed words, not a list or group of fields", named(at)),
        Rule::WRONG_TYPE,
        format!(
            "Write a single value after `{}: `, for example `status: published`.",
            at.field().unwrap_or("field")
        ),
    )
}

/// A syntax error: worked out from the text at and just after the position.
fn syntax(text: &str, at: &At, error: &E) -> Explained {
    let all = lines(text);
    let line_text = |n: usize| n.checked_sub(1).and_then(|i| all.get(i)).copied();
    // A tab: on the reported line or the one after (the parser often notices it a line late or early).
    if let Some(found) = leading_tab(text, at.line) {
        return tab(found);
    }
    for n in [at.line, at.line + 1, at.line.saturating_sub(1)] {
        if let Some(found) = line_text(n).and_then(|l| l.chars().position(|c| c == '\t')) {
            return tab((n, found + 1));
        }
    }
    if let Some(found) = line_text(at.line).and_then(|l| colon_in_value(at.line, l)) {
        return found;
    }
    if let Some(line) = line_text(at.line) {
        let (field, value, column) = split_field(line);
        let value_at = At {
            line: at.line,
            column,
            ..at.clone()
        };
        if let Some(first) = value.chars().next() {
            if matches!(first, '@' | '`' | '%' | '|' | '>') && !value.starts_with("| ") && value.len() > 1 && field.is_some() {
                return plain(
                    &value_at,
                    format!("`{first}` cannot start a value in YAML"),
                    Rule::YAML_SYNTAX,
                    format!(
                        "Put the text in double quotes: `{}: \"{}\"`.",
                        field.unwrap_or_default(),
                        escape(value)
                    ),
                );
            }
            if matches!(first, '"' | '\'') && !value[1..].contains(first) {
                return plain(
                    &value_at,
                    format!("The quote `{first}` that starts this value is not closed on this line"),
                    Rule::YAML_SYNTAX,
                    format!("Add the closing `{first}` at the end of the text, or take out the opening one."),
                );
            }
            let opens = value.matches(['[', '{']).count();
            let closes = value.matches([']', '}']).count();
            if matches!(first, '[' | '{') && opens > closes {
                let close = if first == '[' { ']' } else { '}' };
                return plain(
                    &value_at,
                    format!("The `{first}` that starts this value is not closed with `{close}`"),
                    Rule::YAML_SYNTAX,
                    format!("Add `{close}` at the end of the line, or put the text in double quotes if the `{first}` is meant as text."),
                );
            }
        }
    }
    let detail = match error {
        E::ExternalMessage { msg, .. } | E::HookError { msg, .. } => format!(" (the parser says: {})", msg.trim().trim_end_matches('.')),
        E::Eof { .. } => " (the file ended in the middle of a value)".to_string(),
        _ => String::new(),
    };
    plain(
        at,
        format!("This line cannot be read as YAML{detail}"),
        Rule::YAML_SYNTAX,
        "Check the indentation (spaces, not tabs), that each `name: value` pair is on its own line, and put text containing `: ` or starting with a special character such as `@`, `*` or `&` in double quotes.",
    )
}

/// A tab among the spaces that start line `line` or the line after it: its line and column.
fn leading_tab(text: &str, line: usize) -> Option<(usize, usize)> {
    let all = lines(text);
    [line, line + 1].into_iter().find_map(|n| {
        let text = n.checked_sub(1).and_then(|i| all.get(i))?;
        let indent: String = text.chars().take_while(|c| c.is_whitespace()).collect();
        indent.chars().position(|c| c == '\t').map(|column| (n, column + 1))
    })
}

fn tab((line, column): (usize, usize)) -> Explained {
    Explained {
        line,
        column,
        message: format!("Line {line} has a tab character, but YAML only allows spaces to line fields up"),
        rule: Rule::YAML_TAB,
        suggestion:
            "Replace the tab with spaces (two spaces for each level), so this line starts in the same column as the fields around it."
                .to_string(),
    }
}

/// The field name, the value and the 1-based column of the value of a `name: value` line.
fn split_field(line: &str) -> (Option<&str>, &str, usize) {
    let content_start = line.len() - line.trim_start_matches([' ', '-']).len();
    let content = &line[content_start..];
    match content.find(": ") {
        Some(colon) if !content[..colon].contains(['"', '\'', '{', '[']) => {
            let value = content[colon + 2..].trim();
            let value_start = line.len() - content[colon + 2..].trim_start().len();
            (Some(content[..colon].trim()), value, line[..value_start].chars().count() + 1)
        }
        _ => (None, content.trim(), line[..content_start].chars().count() + 1),
    }
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A `: ` inside an unquoted value (`summary: Drop in: no`), which YAML reads as another field;
/// also when the value is wrapped in curly quotes, which YAML does not treat as quotes.
fn colon_in_value(line_number: usize, line: &str) -> Option<Explained> {
    let (field, value, column) = split_field(line);
    let field = field?;
    let first = value.chars().next()?;
    if matches!(first, '"' | '\'' | '[' | '{' | '|' | '>') {
        return None;
    }
    if !(value.contains(": ") || value.ends_with(':')) {
        return None;
    }
    let curly = ['“', '”', '‘', '’'];
    let straight = value.trim_matches(curly);
    let at = At {
        line: line_number,
        column,
        ..At::default()
    };
    let quoted = format!("`{field}: \"{}\"`", escape(straight));
    if value.starts_with(curly) {
        return Some(plain(
            &at,
            format!(
                "The text after `{field}:` is in curly quotes (“ ”), which YAML does not read as quotes, so the `: ` inside it starts another field"
            ),
            Rule::YAML_SYNTAX,
            format!("Use straight double quotes instead: write {quoted}."),
        ));
    }
    Some(plain(
        &at,
        format!("The text after `{field}:` has `: ` in it, so YAML reads it as the start of another field"),
        Rule::YAML_SYNTAX,
        format!("Put the text in double quotes: write {quoted}."),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_ranges_written_as_text() {
        assert_eq!(range_in("5-11"), Some((5, 11)));
        assert_eq!(range_in("5 to 11"), Some((5, 11)));
        assert_eq!(range_in("0–25"), Some((0, 25)));
        assert_eq!(range_in("[5, 11]"), Some((5, 11)));
        assert_eq!(range_in("5 - 11 years"), Some((5, 11)));
        assert_eq!(range_in("five"), None);
    }

    #[test]
    fn british_dates_are_read_day_first() {
        assert_eq!(
            uk_date("1/9/2026"),
            Some(("1 September 2026".to_string(), "2026-09-01".to_string()))
        );
        assert_eq!(uk_date("31/02/2026"), None);
        assert_eq!(uk_date("2026-09-01"), None);
    }

    #[test]
    fn number_words_up_to_twenty_five() {
        assert_eq!(number_word("Ten"), Some(10));
        assert_eq!(number_word("twenty-five"), Some(25));
        assert_eq!(number_word("lots"), None);
    }

    #[test]
    fn a_colon_in_a_value_is_quoted_in_the_fix() {
        let found = colon_in_value(4, "  summary: Drop in: no booking \"needed\"").unwrap();
        assert_eq!((found.line, found.column), (4, 12));
        assert!(
            found.suggestion.contains(r#"`summary: "Drop in: no booking \"needed\""`"#),
            "{found:?}"
        );
        let curly = colon_in_value(1, "name: “Fun: for all”").unwrap();
        assert!(curly.message.contains("curly"), "{curly:?}");
        assert!(curly.suggestion.contains("`name: \"Fun: for all\"`"), "{curly:?}");
        assert!(colon_in_value(1, "name: \"a: b\"").is_none());
    }
}

#[cfg(test)]
mod kinds {
    use crate::content::ServiceRecord;
    use crate::rules::Rule;
    use crate::yaml::parse;

    const SERVICE: &str = "- name: A\n  category: health\n  summary: S\n  provider: P\n  ages: {from: 0, to: 5}\n  access: [drop-in]\n  cost: Free\n  contact: {phone: 0121 496 0000}\n  where: {online: true}\n  last_reviewed: 2026-01-01\n";

    fn error_for(from: &str, to: &str) -> super::super::YamlError {
        parse::<Vec<ServiceRecord>>(&SERVICE.replace(from, to)).unwrap_err()
    }

    #[test]
    fn a_word_for_a_true_or_false_field_says_both_choices() {
        let error = error_for("  cost: Free\n", "  cost: Free\n  free: maybe\n");
        assert_eq!((error.line, error.column, error.rule), (8, 9, Rule::WRONG_TYPE), "{error:?}");
        assert_eq!(error.message, "`free` needs `true` or `false`; `maybe` is neither");
        assert_eq!(error.suggestion, "Write `free: true` or `free: false`.");
    }

    #[test]
    fn one_value_where_a_list_is_needed_gets_the_brackets() {
        let error = error_for("access: [drop-in]", "access: drop-in");
        assert_eq!((error.line, error.column), (6, 11), "{error:?}");
        assert_eq!(error.suggestion, "Write `access: [drop-in]`.");
    }

    #[test]
    fn a_value_where_fields_are_needed_names_them() {
        let error = error_for("contact: {phone: 0121 496 0000}", "contact: 0121 496 0000");
        assert!(error.message.contains("`phone:`, `email:` or `website:`"), "{error:?}");
    }

    #[test]
    fn a_duplicate_field_is_named() {
        let error = error_for("  cost: Free\n", "  cost: Free\n  cost: £2\n");
        assert_eq!(error.rule, Rule::DUPLICATE_FIELD, "{error:?}");
    }

    /// serde describes the scalar it wanted in an invalid-type or invalid-value error in words,
    /// and `scalar_expected` reads them: these are the words of the serde this build uses.
    #[test]
    fn serde_describes_scalars_so() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            flag: Option<bool>,
            small: Option<u8>,
            signed: Option<i8>,
            real: Option<f32>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            // Flattened fields are read through serde's own buffer, which words its errors itself.
            #[serde(flatten)]
            inner: Inner,
        }
        for (written, words, scalar) in [
            ("flag: 5", "a boolean", "bool"),
            ("small: 300", "u8", "u8"),
            ("signed: -300", "i8", "i8"),
            ("real: true", "f32", "f32"),
        ] {
            let error = serde_saphyr::from_str::<Outer>(&format!("{written}\n")).unwrap_err();
            let expected = match super::innermost(&error) {
                super::E::SerdeInvalidType { expected, .. } | super::E::SerdeInvalidValue { expected, .. } => expected.clone(),
                other => panic!("{written}: serde-saphyr reports {other:?}, not an invalid type"),
            };
            assert_eq!(
                expected, words,
                "serde words what {written} needed differently now: update scalar_expected"
            );
            assert_eq!(super::scalar_expected(&expected), Some(scalar));
        }
        assert_eq!(super::scalar_expected("a string"), None);
    }

    /// Signpost's own types tag the kind of their errors, and the tag picks the rule.
    #[test]
    fn own_errors_keep_their_kind_through_serde() {
        use super::{OwnError, own_error};
        let date: serde_saphyr::Error = own_error(OwnError::Date, "`31/2` is not a date");
        let value: serde_saphyr::Error = own_error(OwnError::Value, "`x` is not allowed");
        let explained = |error: &serde_saphyr::Error| super::explain("when: 31/2\n", error);
        assert_eq!(
            (explained(&date).rule, explained(&date).message.as_str()),
            (Rule::BAD_DATE, "`31/2` is not a date")
        );
        assert_eq!(
            (explained(&value).rule, explained(&value).message.as_str()),
            (Rule::BAD_VALUE, "`x` is not allowed")
        );
    }
}
