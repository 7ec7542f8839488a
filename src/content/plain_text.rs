//! Fields that are plain text (titles, summaries, names, eligibility, costs, contact details) are
//! plain text everywhere: HTML pasted into them (`<p>`, `<strong>`, `&nbsp;`) is a warning, and
//! the text is published without it. The cleaning is done once, when the content is loaded, so
//! the pages, the Open Referral feed and the search bundle all carry the same words.

/// Block-level tags: taking one out leaves a space, so words either side do not run together.
const SPACING_TAGS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "blockquote",
    "dd",
    "dt",
    "section",
    "article",
];

/// Markup found in a piece of text, for the warning: `<p>`, `&nbsp;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cleaned {
    /// The text without markup, entities decoded and spaces tidied.
    pub text: String,
    /// The first few pieces of markup found, as written.
    pub found: Vec<String>,
}

/// The plain text of `text` when it has markup in it (`None` when it has none, so the text is
/// left exactly as written). Tags are removed, entities decoded to characters (a no-break space
/// becomes a space), and runs of spaces and new lines become one space. Repeated until no markup
/// is left, so `&lt;b&gt;` does not come back as a tag.
pub(crate) fn clean(text: &str) -> Option<Cleaned> {
    let mut found = Vec::new();
    let mut current = text.to_string();
    for _ in 0..4 {
        let (next, pieces) = strip_once(&current);
        if pieces.is_empty() {
            break;
        }
        for piece in pieces {
            if found.len() < 3 && !found.contains(&piece) {
                found.push(piece);
            }
        }
        current = next;
    }
    if found.is_empty() {
        return None;
    }
    // Anything tag-like still left after four rounds is taken apart for good.
    let current = if has_markup(&current) {
        current.replace('<', "‹").replace('>', "›")
    } else {
        current
    };
    Some(Cleaned {
        text: current.split_whitespace().collect::<Vec<_>>().join(" "),
        found,
    })
}

/// `text` with every tag and comment taken out (nothing else changed: entities, spaces and new
/// lines stay as written), and the tags found. For Markdown that must not carry raw HTML.
pub(crate) fn strip_tags(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let here = &rest[start..];
        match tag_length(here) {
            Some(len) => {
                if found.len() < 3 {
                    found.push(here[..len].chars().take(30).collect());
                }
                rest = &here[len..];
            }
            None => {
                out.push('<');
                rest = &here[1..];
            }
        }
    }
    out.push_str(rest);
    (out, found)
}

/// True when `text` has a tag or an entity in it.
pub(crate) fn has_markup(text: &str) -> bool {
    (text.contains('<') || text.contains('&')) && !strip_once(text).1.is_empty()
}

/// One round: tags taken out and entities decoded; returns the text and the markup found.
fn strip_once(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['<', '&']) {
        out.push_str(&rest[..start]);
        let here = &rest[start..];
        if here.starts_with('<')
            && let Some(len) = tag_length(here)
        {
            let tag = &here[..len];
            found.push(tag.chars().take(30).collect());
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            if SPACING_TAGS.contains(&name.as_str()) {
                out.push(' ');
            }
            rest = &here[len..];
            continue;
        }
        if here.starts_with('&')
            && let Some((decoded, len)) = entity(here)
        {
            found.push(here[..len].to_string());
            out.push(decoded);
            rest = &here[len..];
            continue;
        }
        out.push_str(&here[..1]);
        rest = &here[1..];
    }
    out.push_str(rest);
    (out, found)
}

/// The length of the tag (or comment) at the start of `text`, if there is one: `<` then a letter,
/// `/` and a letter, or `!`, up to the next `>`. `a < b` and `<5 years` are not tags.
fn tag_length(text: &str) -> Option<usize> {
    let after = &text[1..];
    let starts_tag = after.starts_with(|c: char| c.is_ascii_alphabetic())
        || after
            .strip_prefix('/')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_alphabetic()))
        || after.starts_with('!')
        || after.starts_with('?');
    if !starts_tag {
        return None;
    }
    if let Some(comment) = after.strip_prefix("!--") {
        return comment.find("-->").map(|end| 1 + 3 + end + 3);
    }
    after.find('>').map(|end| end + 2)
}

/// The entity at the start of `text` (`&nbsp;`, `&#39;`), decoded, and its length. Only entities
/// ending in `;` count, so "R&D" and "Fish & chips" are left alone.
fn entity(text: &str) -> Option<(char, usize)> {
    let end = text[1..].find(';').filter(|&i| i > 0 && i <= 32)? + 1;
    let inner = &text[1..end];
    let decoded = crate::render::url_safety::decode_entities(&text[..=end], true);
    let c = decoded.chars().next().filter(|_| decoded.chars().count() == 1)?;
    (inner.starts_with('#') || crate::render::url_safety::named_entity(inner).is_some()).then_some((c, end + 1))
}

/// The words of some Markdown as plain text, for places that cannot show markup (the Open Referral
/// feed): paragraphs, headings and list items on lines of their own, raw HTML left out, and a web
/// link's address written after its words ("Book online (https://…)"). Site-relative links
/// (`/advice/`) are written as absolute addresses under `base_url`
/// (`https://localoffer.example/advice/`), so they work outside the site.
pub(crate) fn markdown_to_text_at(markdown: &str, base_url: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let base = base_url.trim_end_matches('/');
    let mut out = String::with_capacity(markdown.len());
    let mut link: Option<(String, usize)> = None;
    // A ```video block is settings, not words: it is left out (its page has the video).
    let mut in_video = false;
    for event in Parser::new_ext(markdown, super::markdown_options()) {
        match event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info)))
                if info.split_whitespace().next() == Some("video") =>
            {
                in_video = true
            }
            Event::End(TagEnd::CodeBlock) if in_video => in_video = false,
            _ if in_video => {}
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("- "),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = if !base.is_empty() && dest_url.starts_with('/') && !dest_url.starts_with("//") {
                    format!("{base}{dest_url}")
                } else {
                    dest_url.to_string()
                };
                link = Some((url, out.len()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, start)) = link.take()
                    && (url.starts_with("https://") || url.starts_with("http://"))
                    && out[start..].trim() != url
                {
                    out.push_str(&format!(" ({url})"));
                }
            }
            Event::End(TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::List(_) | TagEnd::Table,
            ) => out.push_str("\n\n"),
            _ => {}
        }
    }
    let mut text = String::with_capacity(out.len());
    for line in out.lines().map(|line| line.split_whitespace().collect::<Vec<_>>().join(" ")) {
        if !line.is_empty() {
            text.push_str(&line);
            text.push('\n');
        } else if !text.is_empty() && !text.ends_with("\n\n") {
            text.push('\n');
        }
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown_to_text(markdown: &str) -> String {
        markdown_to_text_at(markdown, "")
    }

    #[test]
    fn video_blocks_are_left_out_of_the_text() {
        let text = markdown_to_text("Watch this.\n\n```video\ntitle: T\nfile: /assets/a.webm\n```\n\nThen call us.\n");
        assert_eq!(text, "Watch this.\n\nThen call us.");
    }

    #[test]
    fn heading_ids_and_table_rules_are_not_words() {
        let text = markdown_to_text("## Getting there {#travel}\n\n| Day | Time |\n|---|---|\n| Monday | 9am |\n");
        assert_eq!(text, "Getting there\n\nDay Time\nMonday 9am");
    }

    #[test]
    fn site_relative_links_become_absolute() {
        let text = markdown_to_text_at(
            "See [short breaks](/advice/short-breaks/) or [the NHS](https://nhs.example/).",
            "https://localoffer.example/",
        );
        assert_eq!(
            text,
            "See short breaks (https://localoffer.example/advice/short-breaks/) or the NHS (https://nhs.example/)."
        );
        assert_eq!(markdown_to_text("[short breaks](/advice/)"), "short breaks");
        assert_eq!(
            markdown_to_text_at("[x](//other.example/)", "https://localoffer.example/"),
            "x",
            "a scheme-relative link is not made absolute under the site"
        );
    }

    #[test]
    fn pasted_html_becomes_plain_words() {
        let cleaned = clean("<p>Fun&nbsp;for <strong>all</strong></p>").unwrap();
        assert_eq!(cleaned.text, "Fun for all");
        assert_eq!(cleaned.found, vec!["<p>", "&nbsp;", "<strong>"]);
        assert_eq!(clean("Art&amp;craft<br>on Mondays").unwrap().text, "Art&craft on Mondays");
    }

    #[test]
    fn encoded_tags_do_not_come_back_as_tags() {
        let cleaned = clean("Hello &lt;script&gt;alert(1)&lt;/script&gt; there").unwrap();
        assert_eq!(cleaned.text, "Hello alert(1) there");
        assert_eq!(clean("&amp;lt;b&amp;gt;bold").unwrap().text, "bold");
        assert!(
            !clean("&amp;amp;amp;amp;amp;lt;b&amp;amp;amp;amp;amp;gt;")
                .unwrap()
                .text
                .contains('<')
        );
    }

    #[test]
    fn ordinary_text_is_left_exactly_as_written() {
        for text in [
            "Fish & chips",
            "R&D team",
            "Ages <5 and 5 > 3",
            "a < b",
            "Call 0121  496 0000",
            "Q&A; then tea",
            "Café",
        ] {
            assert_eq!(clean(text), None, "{text}");
            assert!(!has_markup(text), "{text}");
        }
        assert!(has_markup("x<b>y</b>"));
        assert!(has_markup("x&#39;s"));
    }

    #[test]
    fn markdown_becomes_plain_text_for_the_feed() {
        let text = markdown_to_text(
            "## Who can go\n\nChildren <abbr title=\"x\">aged</abbr> 5 to 11,\nand **their** families.\n\n- [Book online](https://example.org/book)\n- Phone us\n\nSee <https://example.org>.",
        );
        assert_eq!(
            text,
            "Who can go\n\nChildren aged 5 to 11, and their families.\n\n- Book online (https://example.org/book)\n- Phone us\n\nSee https://example.org."
        );
    }
}
