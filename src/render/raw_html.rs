//! Raw HTML in Markdown: a small list of elements and attributes is allowed, everything else is
//! reported (and taken out), and the finished HTML of any Markdown that had raw HTML goes through
//! a real sanitiser (ammonia, built on the html5ever parser) with the same list.
//!
//! Two passes, because each does what the other cannot: [`review`] reads each piece of raw HTML
//! with lol_html's tokenizer and knows where every element starts, so it can say "line 12,
//! column 1: a <script> element" and take the element out; [`sanitise`] parses the whole finished
//! fragment as a browser would and keeps only the allowed list, so whatever a clever piece of
//! markup slipped past the first pass cannot reach a page.

use super::url_safety::{UnsafeUrl, check_attribute};
use lol_html::{RewriteStrSettings, doc_comments, element, rewrite_str};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Elements authors may write in raw HTML. Everything else has a Markdown way, or no place on a
/// Local Offer page (scripts, frames, forms, styles, embedded objects).
pub(crate) const ALLOWED_ELEMENTS: &[&str] = &[
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "i",
    "ins",
    "kbd",
    "mark",
    "p",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "time",
    "var",
    "wbr",
];

/// Attributes allowed on every allowed element.
pub(crate) const GLOBAL_ATTRIBUTES: &[&str] = &["lang", "dir", "id"];

/// Attributes allowed on particular elements, besides [`GLOBAL_ATTRIBUTES`].
pub(crate) const ELEMENT_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("abbr", &["title"]),
    ("dfn", &["title"]),
    ("details", &["open"]),
    ("time", &["datetime"]),
];

/// Elements that are taken out together with everything inside them (the rest lose only their tags).
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed", "noframes", "template",
    "textarea", "select", "svg", "math", "xmp", "title", "head", "canvas", "audio", "video", "form", "button",
];

/// What is wrong with one element of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// An element that is not allowed, e.g. `script`.
    Element(String),
    /// Attributes that are not allowed on an allowed element.
    Attributes {
        /// The element.
        element: String,
        /// The attributes taken off it.
        names: Vec<String>,
    },
    /// A `lang` attribute that is not a language tag (it is taken off).
    Language {
        /// The element.
        element: String,
        /// The tag as written.
        tag: String,
        /// What is wrong with it.
        message: String,
        /// The tag meant, or how to write one.
        fix: String,
    },
    /// A `dir` attribute that is not `ltr`, `rtl` or `auto` (it is taken off).
    Direction {
        /// The element.
        element: String,
        /// The value as written.
        value: String,
    },
    /// An address attribute (`href`, `src`…) with a scheme that is not allowed.
    UnsafeUrl {
        /// The element.
        element: String,
        /// The attribute.
        attribute: String,
        /// What is wrong with the address.
        problem: UnsafeUrl,
    },
}

impl Problem {
    /// A short description for a diagnostic: "a <script> element".
    pub(crate) fn describe(&self) -> String {
        match self {
            Problem::Element(name) => format!("{} <{name}> element", article(name)),
            Problem::Attributes { element, names } => {
                let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                let what = if names.iter().any(|n| n.starts_with("on")) {
                    "an event attribute such as onclick= (which runs a script)".to_string()
                } else if names.len() == 1 {
                    format!("the attribute {}", list.join(""))
                } else {
                    format!("the attributes {}", list.join(", "))
                };
                format!("{what} on <{element}>")
            }
            Problem::UnsafeUrl { element, attribute, .. } => format!("the `{attribute}` address on <{element}>"),
            Problem::Language { element, tag, .. } => format!("the language `{tag}` on <{element}>"),
            Problem::Direction { element, value } => format!("dir=\"{value}\" on <{element}>"),
        }
    }
}

fn article(name: &str) -> &'static str {
    if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
}

/// One problem and where its element starts, as a byte offset in the reviewed HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// Byte offset of the element's start tag.
    pub offset: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// Allowed attributes of an allowed element.
fn attribute_allowed(element: &str, attribute: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(&attribute)
        || ELEMENT_ATTRIBUTES
            .iter()
            .any(|(name, attributes)| *name == element && attributes.contains(&attribute))
}

/// Reads one piece of raw HTML (a whole HTML block, or one inline tag) and returns it with every
/// element, attribute and comment that is not allowed taken out, and what was wrong, in order.
/// `schemes` are the allowed link schemes.
pub(crate) fn review(raw: &str, schemes: &[String]) -> (String, Vec<Finding>) {
    let findings = RefCell::new(Vec::new());
    let result = rewrite_str(
        raw,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("*", |el| {
                let name = el.tag_name().to_ascii_lowercase();
                let offset = el.source_location().bytes().start;
                let mut unsafe_url = false;
                let attributes: Vec<(String, String)> = el.attributes().iter().map(|a| (a.name(), a.value())).collect();
                for (attribute, value) in &attributes {
                    if let Err(problem) = check_attribute(attribute, value, schemes) {
                        unsafe_url = true;
                        el.remove_attribute(attribute);
                        findings.borrow_mut().push(Finding {
                            offset,
                            problem: Problem::UnsafeUrl {
                                element: name.clone(),
                                attribute: attribute.clone(),
                                problem,
                            },
                        });
                    }
                }
                if !ALLOWED_ELEMENTS.contains(&name.as_str()) {
                    if !unsafe_url {
                        findings.borrow_mut().push(Finding {
                            offset,
                            problem: Problem::Element(name.clone()),
                        });
                    }
                    if DROP_WITH_CONTENT.contains(&name.as_str()) {
                        el.remove();
                    } else {
                        el.remove_and_keep_content();
                    }
                    return Ok(());
                }
                let refused: Vec<String> = attributes
                    .iter()
                    .map(|(attribute, _)| attribute.to_ascii_lowercase())
                    .filter(|attribute| !attribute_allowed(&name, attribute))
                    .collect();
                for attribute in &refused {
                    el.remove_attribute(attribute);
                }
                let refused: Vec<String> = refused
                    .into_iter()
                    .filter(|attribute| !crate::render::url_safety::is_url_attribute(attribute) || !unsafe_url)
                    .collect();
                let language = language_of(&name, &attributes);
                if !refused.is_empty() {
                    findings.borrow_mut().push(Finding {
                        offset,
                        problem: Problem::Attributes {
                            element: name,
                            names: refused,
                        },
                    });
                }
                match language {
                    Language::Fine { missing_dir } => {
                        if let Some(dir) = missing_dir {
                            el.set_attribute("dir", dir)?;
                        }
                    }
                    Language::Wrong(problem) => {
                        let attribute = if matches!(problem, Problem::Language { .. }) {
                            "lang"
                        } else {
                            "dir"
                        };
                        el.remove_attribute(attribute);
                        findings.borrow_mut().push(Finding { offset, problem });
                    }
                }
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(|comment| {
                comment.remove();
                Ok(())
            })),
    );
    match result {
        Ok(cleaned) => (cleaned, findings.into_inner()),
        // lol_html only fails on memory limits or encoding problems; publish nothing of it then.
        Err(_) => (
            String::new(),
            vec![Finding {
                offset: 0,
                problem: Problem::Element("unreadable HTML".to_string()),
            }],
        ),
    }
}

/// What an element's `lang` and `dir` say.
enum Language {
    /// Both are right (or not written); `missing_dir` is the direction to add when `lang` is
    /// written without `dir`, so a right-to-left passage runs the right way.
    Fine { missing_dir: Option<&'static str> },
    /// One of them is wrong.
    Wrong(Problem),
}

/// Checks the `lang` and `dir` attributes of an allowed element.
fn language_of(element: &str, attributes: &[(String, String)]) -> Language {
    let value = |name: &str| {
        attributes
            .iter()
            .find(|(attribute, _)| attribute.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.trim())
    };
    let dir = value("dir");
    if let Some(dir) = dir
        && !["ltr", "rtl", "auto"].contains(&dir.to_ascii_lowercase().as_str())
    {
        return Language::Wrong(Problem::Direction {
            element: element.to_string(),
            value: dir.to_string(),
        });
    }
    let Some(tag) = value("lang") else {
        return Language::Fine { missing_dir: None };
    };
    if let Some((message, fix)) = crate::config::languages::problem_with(tag) {
        return Language::Wrong(Problem::Language {
            element: element.to_string(),
            tag: tag.to_string(),
            message,
            fix,
        });
    }
    Language::Fine {
        missing_dir: dir.is_none().then(|| crate::config::languages::direction_of(tag).as_str()),
    }
}

/// Elements and attributes that Markdown itself writes, kept by [`sanitise`] besides the author's list.
const MARKDOWN_ELEMENTS: &[&str] = &[
    "a",
    "blockquote",
    "code",
    "del",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "abbr",
    "span",
];

/// Parses `html` (the finished HTML of one piece of Markdown) as a browser would, and keeps only
/// the allowed elements and attributes and the addresses with allowed schemes.
pub(crate) fn sanitise(html: &str, schemes: &[String]) -> String {
    let mut tags: HashSet<&str> = ALLOWED_ELEMENTS.iter().copied().collect();
    tags.extend(MARKDOWN_ELEMENTS.iter().copied());
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (name, attributes) in ELEMENT_ATTRIBUTES {
        tag_attributes.entry(name).or_default().extend(attributes.iter().copied());
    }
    for (name, attributes) in [
        ("a", &["href", "title", "class"][..]),
        ("img", &["src", "alt", "title"]),
        ("ol", &["start"]),
        ("th", &["style"]),
        ("td", &["style"]),
        ("code", &["class"]),
        ("div", &["class"]),
        ("sup", &["class"]),
        ("h1", &["class"]),
        ("h2", &["class"]),
        ("h3", &["class"]),
        ("h4", &["class"]),
        ("h5", &["class"]),
        ("h6", &["class"]),
    ] {
        tag_attributes.entry(name).or_default().extend(attributes.iter().copied());
    }
    let url_schemes: HashSet<&str> = schemes.iter().map(String::as_str).collect();
    let owned_schemes = schemes.to_vec();
    ammonia::Builder::empty()
        .tags(tags)
        .generic_attributes(GLOBAL_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(tag_attributes)
        .filter_style_properties(["text-align"].into_iter().collect())
        .url_schemes(url_schemes)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .clean_content_tags(
            DROP_WITH_CONTENT
                .iter()
                .copied()
                .filter(|t| !["title", "head"].contains(t))
                .collect(),
        )
        .attribute_filter(move |_, attribute, value| {
            check_attribute(attribute, value, &owned_schemes)
                .is_ok()
                .then(|| std::borrow::Cow::Owned(value.to_string()))
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemes() -> Vec<String> {
        crate::render::url_safety::DEFAULT_SCHEMES.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn language_passages_keep_lang_get_a_direction_and_bad_tags_are_found() {
        let (cleaned, findings) = review("<span lang=\"ur\">سلام</span>", &schemes());
        assert_eq!(findings, vec![]);
        assert_eq!(cleaned, "<span lang=\"ur\" dir=\"rtl\">سلام</span>");
        let (cleaned, _) = review("<blockquote lang=\"pl\" dir=\"ltr\">", &schemes());
        assert_eq!(cleaned, "<blockquote lang=\"pl\" dir=\"ltr\">");
        let (cleaned, findings) = review("<span lang=\"polish\" class=\"x\">Dzień dobry</span>", &schemes());
        assert_eq!(cleaned, "<span>Dzień dobry</span>");
        assert_eq!(findings.len(), 2, "{findings:?}");
        let Problem::Language { fix, .. } = &findings[1].problem else {
            panic!("{findings:?}")
        };
        assert!(fix.contains("`pl`"), "{fix}");
        let (cleaned, findings) = review("<p dir=\"right\">x</p>", &schemes());
        assert_eq!(cleaned, "<p>x</p>");
        assert!(matches!(findings[0].problem, Problem::Direction { .. }));
        // Only lang and dir: other attributes stay refused on the same elements.
        let (_, findings) = review("<blockquote cite=\"https://x.example/\" style=\"x\">", &schemes());
        assert!(matches!(findings[0].problem, Problem::Attributes { .. }), "{findings:?}");
    }

    #[test]
    fn links_to_international_domain_names_are_kept() {
        // The URL parser's IDNA back end is chosen in Cargo.lock (idna_adapter); an ASCII-only
        // one would drop these links.
        let raw = "<a href=\"https://bücher.example/\">Books</a> <a href=\"https://xn--bcher-kva.example/\">Books</a>";
        assert_eq!(sanitise(raw, &schemes()), raw);
    }

    #[test]
    fn allowed_elements_pass_untouched() {
        let raw = "<details open><summary>More</summary><abbr title=\"Special educational needs\">SEN</abbr> <span lang=\"cy\" dir=\"ltr\">Croeso</span> <kbd>Tab</kbd> <mark>x</mark></details>";
        let (cleaned, findings) = review(raw, &schemes());
        assert_eq!(findings, vec![]);
        assert_eq!(cleaned, raw);
        assert_eq!(sanitise(raw, &schemes()), raw.replace("<details open>", "<details open=\"\">"));
    }

    #[test]
    fn scripts_frames_and_event_attributes_are_found_and_taken_out() {
        let raw = "<div>\n<script>alert(1)</script><iframe src=\"/x\"></iframe><span onclick=\"x()\" style=\"color:red\">Hi</span><!-- note -->\n</div>";
        let (cleaned, findings) = review(raw, &schemes());
        assert_eq!(cleaned, "<div>\n<span>Hi</span>\n</div>");
        let problems: Vec<String> = findings.iter().map(|f| f.problem.describe()).collect();
        assert_eq!(
            problems,
            vec![
                "a <script> element",
                "an <iframe> element",
                "an event attribute such as onclick= (which runs a script) on <span>"
            ]
        );
        assert_eq!(findings[0].offset, 6);
    }

    #[test]
    fn script_addresses_in_attributes_are_unsafe_links() {
        for raw in [
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<img src=\"x.png\" srcset=\"data:image/svg+xml,x 2x\">",
            "<form action=\"javascript:x\"></form>",
            "<button formaction=\"JAVASCRIPT:x\">x</button>",
            "<video poster=\"javascript:x\"></video>",
            "<svg><a xlink:href=\"javascript:x\">x</a></svg>",
        ] {
            let (cleaned, findings) = review(raw, &schemes());
            assert!(
                findings.iter().any(|f| matches!(f.problem, Problem::UnsafeUrl { .. })),
                "{raw}: {findings:?}"
            );
            assert!(!cleaned.to_ascii_lowercase().contains("script:"), "{raw} -> {cleaned}");
            assert!(!sanitise(raw, &schemes()).to_ascii_lowercase().contains("script:"), "{raw}");
        }
    }

    #[test]
    fn the_sanitiser_keeps_markdown_output_and_drops_what_slipped_through() {
        let html = "<h2 id=\"a\">A</h2>\n<p><a href=\"/x/\">x</a> <img src=\"/assets/a.png\" alt=\"A\"></p><table><thead><tr><th style=\"text-align: left\">h</th></tr></thead></table>";
        assert_eq!(sanitise(html, &schemes()), html.replace("text-align: left", "text-align:left"));
        let sneaky = "<p><a href=\"java\nscript:alert(1)\">x</a><img src=x onerror=alert(1)><style>p{}</style></p>";
        assert_eq!(sanitise(sneaky, &schemes()), "<p><a>x</a><img src=\"x\"></p>");
    }
}
