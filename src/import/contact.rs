//! Contact details from an export, put in the form the build checks for: UK phone numbers in the
//! usual spaced form, emails trimmed and lower-cased, web addresses with a scheme. Placeholders
//! (`n/a`, `TBC`) and values that cannot be mended are refused with a reason, never guessed.

use crate::check::{is_uk_phone, looks_like_email, looks_like_url};

/// What became of one value.
#[derive(Debug, PartialEq, Eq)]
pub enum Tidied {
    /// Kept as it was.
    Kept(String),
    /// Kept, in a tidier form.
    Changed(String),
    /// A placeholder such as `n/a`: dropped.
    Placeholder,
    /// Not usable: dropped, with the reason.
    Refused(String),
}

/// True for the words exports use for "nothing here": `n/a`, `N/A`, `TBC`, `none`, `-`.
pub fn is_placeholder(text: &str) -> bool {
    let lower = text.trim().trim_end_matches('.').to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "" | "n/a" | "na" | "n.a" | "tbc" | "tba" | "tbd" | "none" | "null" | "nil" | "-" | "--" | "unknown" | "not known" | "no"
    )
}

fn outcome(original: &str, tidied: String) -> Tidied {
    if tidied == original {
        Tidied::Kept(tidied)
    } else {
        Tidied::Changed(tidied)
    }
}

/// A UK phone number in the spaced form families dial: `01632 960118`, `0121 496 0000`,
/// `020 7946 0000`, `07700 900123`, `0300 123 4567`.
pub fn phone(raw: &str) -> Tidied {
    if is_placeholder(raw) {
        return Tidied::Placeholder;
    }
    let mut text = raw.trim();
    for label in ["telephone", "tel", "phone", "mobile", "mob", "call"] {
        if text.len() > label.len() && text[..label.len()].eq_ignore_ascii_case(label) {
            text = text[label.len()..].trim_start_matches(['.', ':', ' ']);
        }
    }
    if !is_uk_phone(text) {
        return Tidied::Refused(format!("`{}` is not a whole UK phone number", raw.trim()));
    }
    let mut digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if text.starts_with('+') {
        let rest = digits.strip_prefix("44").unwrap_or(&digits);
        let rest = rest.strip_prefix('0').filter(|_| text.contains("(0)")).unwrap_or(rest);
        digits = format!("0{rest}");
    }
    let groups: &[usize] = match digits.as_bytes() {
        [b'0', b'2', ..] => &[3, 4, 4],
        [b'0', b'1', _, b'1', ..] | [b'0', b'1', b'1', ..] => &[4, 3, 4],
        [b'0', b'1', ..] | [b'0', b'7', ..] => &[5, 6],
        [b'0', b'3' | b'5' | b'8' | b'9', ..] => &[4, 3, 4],
        _ => &[digits.len()],
    };
    if digits.len() != 11 {
        return outcome(raw, text.to_string());
    }
    let mut spaced = String::new();
    let mut at = 0;
    for size in groups {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(&digits[at..at + size]);
        at += size;
    }
    outcome(raw, spaced)
}

/// An email address trimmed, lower-cased and without `mailto:`. Obfuscated forms such as
/// `info(at)example.org` are refused rather than guessed.
pub fn email(raw: &str) -> Tidied {
    if is_placeholder(raw) {
        return Tidied::Placeholder;
    }
    let mut text = raw.trim();
    if text.len() > 7 && text[..7].eq_ignore_ascii_case("mailto:") {
        text = text[7..].trim();
    }
    let text = text.split('?').next().unwrap_or(text).to_lowercase();
    let lower = text.as_str();
    if !lower.contains('@') && (lower.contains("(at)") || lower.contains("[at]") || lower.contains(" at ")) {
        return Tidied::Refused(format!(
            "`{}` hides the @ (written to stop spam), so it cannot be used as it is",
            raw.trim()
        ));
    }
    if !looks_like_email(lower) {
        return Tidied::Refused(format!("`{}` is not an email address", raw.trim()));
    }
    outcome(raw, text)
}

/// A web address with its scheme: `www.example.org` becomes `https://www.example.org`.
pub fn url(raw: &str) -> Tidied {
    if is_placeholder(raw) {
        return Tidied::Placeholder;
    }
    let text = raw.trim();
    let lower = text.to_ascii_lowercase();
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    if let Some(scheme) = ["javascript:", "vbscript:", "data:"].iter().find(|s| squeezed.starts_with(**s)) {
        return Tidied::Refused(format!("the address starts with `{scheme}`, which could run a script"));
    }
    let text = if lower.starts_with("www.") {
        format!("https://{text}")
    } else {
        text.to_string()
    };
    if !looks_like_url(&text) {
        return Tidied::Refused(format!("`{}` is not a full web address", raw.trim()));
    }
    outcome(raw, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_spaced_the_usual_way() {
        assert_eq!(phone("Tel: 01632 960118"), Tidied::Changed("01632 960118".into()));
        assert_eq!(phone("+44 (0)1632 960104"), Tidied::Changed("01632 960104".into()));
        assert_eq!(phone("01632960555"), Tidied::Changed("01632 960555".into()));
        assert_eq!(phone("01214960000"), Tidied::Changed("0121 496 0000".into()));
        assert_eq!(phone("02079460000"), Tidied::Changed("020 7946 0000".into()));
        assert_eq!(phone("0300 123 4567"), Tidied::Kept("0300 123 4567".into()));
        assert_eq!(phone("n/a"), Tidied::Placeholder);
        assert!(matches!(phone("01632 960777 ext 2"), Tidied::Refused(_)));
    }

    #[test]
    fn emails_are_trimmed_lower_cased_and_never_guessed() {
        assert_eq!(email(" SEN.Team@Example.ORG"), Tidied::Changed("sen.team@example.org".into()));
        assert_eq!(email("mailto:advice@example.org"), Tidied::Changed("advice@example.org".into()));
        assert_eq!(email("N/A"), Tidied::Placeholder);
        assert!(matches!(email("info(at)siblings.example.org"), Tidied::Refused(r) if r.contains("hides the @")));
    }

    #[test]
    fn urls_get_a_scheme() {
        assert_eq!(
            url("www.library.example.org/s"),
            Tidied::Changed("https://www.library.example.org/s".into())
        );
        assert_eq!(url("TBC"), Tidied::Placeholder);
        assert!(matches!(url("library"), Tidied::Refused(_)));
        assert!(matches!(url("jav\tascript:alert(3)"), Tidied::Refused(r) if r.contains("could run a script")));
    }
}
