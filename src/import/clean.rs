//! Tidying text from council directory exports: HTML tags, `&nbsp;` and other entities, stray
//! spaces, and writing it back out as safe YAML.

/// Plain text from HTML: tags removed (paragraphs and line breaks become new lines, list items
/// become `- ` lines), entities decoded, spaces tidied. Blank lines separate paragraphs.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        match (tag.starts_with('/'), name.as_str()) {
            (_, "br") => text.push('\n'),
            (false, "li") => text.push_str("\n- "),
            (_, "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "tr") => text.push_str("\n\n"),
            _ => {}
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    let decoded = decode_entities(&text);
    tidy_lines(&decoded)
}

/// Decodes the HTML entities exports contain: `&nbsp;`, `&amp;`, `&#39;`, `&#x2019;` and a few more.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "nbsp" => ' ',
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "rsquo" | "lsquo" => '\'',
                "ldquo" | "rdquo" => '"',
                "ndash" => '–',
                "mdash" => '—',
                "pound" => '£',
                "hellip" => '…',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    match char::from_u32(code)? {
                        '\u{a0}' => ' ',
                        c => c,
                    }
                }
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{a0}', " ")
}

/// Trims each line, squeezes runs of spaces, and keeps at most one blank line between paragraphs.
fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let squeezed = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if squeezed == "-" {
            continue;
        }
        if squeezed.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(squeezed);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// One line of plain text (new lines become spaces).
pub fn one_line(text: &str) -> String {
    html_to_text(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence or two of `text`, at most about `limit` characters, for a summary.
pub fn summary_of(text: &str, limit: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= limit {
        return flat;
    }
    let mut summary = String::new();
    for sentence in flat.split_inclusive(". ") {
        if !summary.is_empty() && summary.chars().count() + sentence.chars().count() > limit {
            break;
        }
        summary.push_str(sentence);
    }
    if summary.chars().count() > limit {
        let cut: String = summary.chars().take(limit).collect();
        let at = cut.rfind(' ').unwrap_or(cut.len());
        summary = format!("{}…", cut[..at].trim_end_matches([',', ';', ':']));
    }
    summary.trim().to_string()
}

/// A YAML double-quoted string.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_entities_become_plain_text() {
        assert_eq!(
            html_to_text("<p>Fun&nbsp;for&nbsp;all.</p><p>We offer:</p><ul><li>swimming</li><li>art &amp; craft</li></ul>"),
            "Fun for all.\n\nWe offer:\n\n- swimming\n- art & craft"
        );
        assert_eq!(
            decode_entities("Children&#39;s &#x2019; &bogus; & more"),
            "Children's ’ &bogus; & more"
        );
        assert_eq!(one_line("  Line<br/>break&nbsp; "), "Line break");
    }

    #[test]
    fn summaries_keep_whole_sentences() {
        assert_eq!(summary_of("One. Two. Three.", 100), "One. Two. Three.");
        assert_eq!(
            summary_of("A first sentence. A second sentence that is long.", 20),
            "A first sentence."
        );
    }

    #[test]
    fn yaml_strings_are_escaped() {
        assert_eq!(quoted("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"");
    }
}
