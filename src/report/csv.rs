//! CSV cells shared by every report: quoted when needed (RFC 4180), and defused so a spreadsheet
//! never reads author text as a formula.

/// One CSV cell. Text starting with `=`, `+`, `@` or `-` (other than a number) gets a leading `'`.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '@']) || (text.starts_with('-') && text.parse::<f64>().is_err()) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-cmd"), "'-cmd");
        assert_eq!(cell("-1.5"), "-1.5");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
