//! HTML from a directory export, read with a real HTML parser (lol_html) into Markdown: paragraphs,
//! line breaks, lists and links are kept; scripts, styles, event handlers and links that could run
//! a script are taken out and listed, so the import report can say so.

use crate::render::url_safety::check_url;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str, text};
use std::cell::RefCell;

/// Elements whose content is never text for families.
const DROPPED: [&str; 8] = ["script", "style", "iframe", "object", "embed", "noscript", "template", "svg"];

/// Markdown made from HTML, and what was taken out of it on the way.
#[derive(Debug, Default, PartialEq)]
pub struct Converted {
    /// The Markdown (or plain text, when links are not kept).
    pub text: String,
    /// What was taken out, one short phrase each, e.g. "a <script> element".
    pub removed: Vec<String>,
}

/// Converts `html` to Markdown. With `links`, `<a href>` becomes `[words](address)` when the
/// address uses one of `schemes`; otherwise only the words are kept.
pub fn to_markdown(html: &str, links: bool, schemes: &[String]) -> Converted {
    let removed = RefCell::new(Vec::<String>::new());
    let note = |what: String| {
        let mut removed = removed.borrow_mut();
        if !removed.contains(&what) {
            removed.push(what);
        }
    };
    let result = rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("*", |el| {
                let tag = el.tag_name().to_ascii_lowercase();
                for attribute in el.attributes() {
                    let name = attribute.name().to_ascii_lowercase();
                    if name.starts_with("on") {
                        note(format!("an event handler (`{name}` on <{tag}>)"));
                    } else if name == "style" {
                        note(format!("a `style` attribute on <{tag}>"));
                    }
                }
                if DROPPED.contains(&tag.as_str()) {
                    note(format!("a <{tag}> element"));
                    el.remove();
                    return Ok(());
                }
                match tag.as_str() {
                    "br" => el.replace("\n", ContentType::Html),
                    "p" | "div" | "section" | "article" | "table" | "tr" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" | "h4"
                    | "h5" | "h6" => {
                        el.before("\n\n", ContentType::Html);
                        el.after("\n\n", ContentType::Html);
                        el.remove_and_keep_content();
                    }
                    "li" => {
                        el.before("\n- ", ContentType::Html);
                        el.after("\n", ContentType::Html);
                        el.remove_and_keep_content();
                    }
                    "td" | "th" => {
                        el.after(" ", ContentType::Html);
                        el.remove_and_keep_content();
                    }
                    "a" => {
                        let href = el.get_attribute("href").map(|h| h.trim().to_string()).unwrap_or_default();
                        match check_url(&href, schemes) {
                            Err(problem) => {
                                note(format!("a link to a `{}:` address (its words were kept)", problem.scheme));
                            }
                            Ok(()) if links && !href.is_empty() && !href.starts_with('#') => {
                                el.before("[", ContentType::Html);
                                el.after(&format!("]({})", href.replace(' ', "%20")), ContentType::Html);
                            }
                            Ok(()) => {}
                        }
                        el.remove_and_keep_content();
                    }
                    _ => el.remove_and_keep_content(),
                }
                Ok(())
            }))
            .append_element_content_handler(text!("*", |chunk| {
                let flat = chunk.as_str().replace(['\n', '\r', '\t'], " ");
                chunk.replace(&flat, ContentType::Html);
                Ok(())
            })),
    );
    let raw = match result {
        Ok(raw) => raw,
        // lol_html only fails on memory limits or encodings; keep the words, never the tags.
        Err(_) => crate::content::plain_text::strip_tags(html).0,
    };
    let decoded = super::clean::decode_entities(&raw);
    Converted {
        text: tidy(&decoded),
        removed: removed.into_inner(),
    }
}

/// Trims each line, squeezes runs of spaces, keeps at most one blank line between paragraphs and
/// none between the items of a list.
fn tidy(text: &str) -> String {
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
    // No blank line between two list items.
    let mut out: Vec<String> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let between_items =
            line.is_empty() && out.last().is_some_and(|l| l.starts_with("- ")) && lines.get(index + 1).is_some_and(|l| l.starts_with("- "));
        if !between_items {
            out.push(line.clone());
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemes() -> Vec<String> {
        crate::config::ContentConfig::default().link_schemes
    }

    #[test]
    fn paragraphs_lists_and_links_become_markdown() {
        let html = "<p>Stories&nbsp;with <b>lights</b>.</p><p>Each session has:</p><ul><li>a quiet start</li><li>songs &amp; rhymes</li></ul><p>See the <a href=\"https://library.example.org/s\">library\nwebsite</a>. Children&#39;s corner.</p>";
        let converted = to_markdown(html, true, &schemes());
        assert_eq!(
            converted.text,
            "Stories with lights.\n\nEach session has:\n\n- a quiet start\n- songs & rhymes\n\nSee the [library website](https://library.example.org/s). Children's corner."
        );
        assert!(converted.removed.is_empty());
        assert_eq!(
            to_markdown(html, false, &schemes()).text.lines().last(),
            Some("See the library website. Children's corner.")
        );
    }

    #[test]
    fn scripts_styles_handlers_and_script_links_are_taken_out() {
        let html = "<p onclick=\"steal()\">Club.</p><script>alert('x')</script><style>p{color:red}</style><p style=\"color:red\">Games. <a href=\"javascript:alert(1)\">Book now</a></p>";
        let converted = to_markdown(html, true, &schemes());
        assert_eq!(converted.text, "Club.\n\nGames. Book now");
        assert_eq!(
            converted.removed,
            [
                "an event handler (`onclick` on <p>)",
                "a <script> element",
                "a <style> element",
                "a `style` attribute on <p>",
                "a link to a `javascript:` address (its words were kept)"
            ]
        );
    }
}
