//! Plain-words help for mistakes: "did you mean …?" and clearer wording of parser messages.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(&word_lower, &candidate.to_lowercase()), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

/// Turns a parser message into plain words, a rule name and a suggested fix.
pub fn explain(raw: &str) -> (String, &'static str, String) {
    let raw = raw.trim().trim_end_matches('.').to_string();
    if let Some(field) = between(&raw, "missing field `", "`") {
        return (
            format!("The required field `{field}` is missing"),
            "missing-field",
            format!("Add a line `{field}: ...` to this entry."),
        );
    }
    if let Some(field) = between(&raw, "unknown field `", "`") {
        let expected = raw.split_once("expected").map(|(_, rest)| rest.trim().to_string());
        let names: Vec<String> = expected
            .as_deref()
            .unwrap_or("")
            .split(|c: char| c == ',' || c.is_whitespace())
            .map(|w| w.trim_matches(|c: char| c == '`' || c == ' '))
            .filter(|w| !w.is_empty() && *w != "one" && *w != "of" && *w != "or")
            .map(str::to_string)
            .collect();
        let suggestion = match closest(&field, names.iter().map(String::as_str)) {
            Some(best) => format!("Did you mean `{best}`? Check the spelling, or remove the line."),
            None => format!("Remove `{field}`, or check the spelling. Allowed fields: {}.", names.join(", ")),
        };
        return (format!("`{field}` is not a field Signpost knows here"), "unknown-field", suggestion);
    }
    if let Some(variant) = between(&raw, "unknown variant `", "`") {
        let allowed = raw
            .split_once("expected")
            .map(|(_, rest)| rest.trim().to_string())
            .unwrap_or_default();
        return (
            format!("`{variant}` is not one of the allowed values"),
            "unknown-value",
            format!("Use one of: {}.", allowed.replace("one of ", "")),
        );
    }
    if raw.starts_with("invalid type") || raw.contains("expected") && raw.contains("invalid") {
        return (
            format!("This value has the wrong form ({raw})"),
            "wrong-type",
            "Check this value against the example in the README: text, a number, a list (lines starting with `- `) or a group of `name: value` lines.".to_string(),
        );
    }
    if raw.contains("too large") || raw.contains("budget") || raw.contains("limits breached") {
        return (
            format!("This YAML is too large or has too many repeated references ({raw})"),
            "yaml-too-complex",
            "Split the file into smaller files and avoid `*alias` references.".to_string(),
        );
    }
    if raw.contains("duplicate") {
        return (
            format!("A field is written twice ({raw})"),
            "duplicate-field",
            "Keep one of the two lines and delete the other.".to_string(),
        );
    }
    if raw.starts_with("DATE:") {
        let text = raw.trim_start_matches("DATE:").trim().to_string();
        return (
            text,
            "bad-date",
            "Write dates as year-month-day with hyphens, for example 2026-03-14.".to_string(),
        );
    }
    if raw.starts_with("VALUE:") {
        let text = raw.trim_start_matches("VALUE:").trim().to_string();
        return (text, "bad-value", "Correct the value as the message says.".to_string());
    }
    (
        format!("The YAML cannot be read: {raw}"),
        "yaml-syntax",
        "Check the indentation (spaces, not tabs), that each `name: value` pair is on its own line, and put text containing `: ` or starting with a special character such as `@`, `*` or `&` in double quotes.".to_string(),
    )
}

fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let length = text[from..].find(end)?;
    Some(text[from..from + length].to_string())
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_a_near_miss_and_ignores_strangers() {
        assert_eq!(closest("base_ulr", ["name", "base_url", "theme"]), Some("base_url"));
        assert_eq!(closest("colour", ["name", "base_url", "theme"]), None);
    }
}
