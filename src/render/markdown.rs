//! Markdown to HTML with pulldown-cmark, keeping the source position of every link, heading and
//! problem so diagnostics can point into the author's file.

use super::raw_html;
use super::url_safety::check_url;
use super::video;
use crate::config::{ContentConfig, RawHtml};
use crate::content::slugify;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet};

/// A link written in Markdown, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The link target as written.
    pub href: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// 1-based column in the source file.
    pub column: usize,
}

/// A heading of the rendered Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The `id` attribute (made from the text unless the author gave one).
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

/// The result of rendering one piece of Markdown.
#[derive(Debug, Clone, Default)]
pub struct RenderedMarkdown {
    /// The HTML.
    pub html: String,
    /// Every link, for the link check.
    pub links: Vec<LinkRef>,
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// Problems found while rendering (unsafe HTML, images without alt text).
    pub diagnostics: Vec<Diagnostic>,
    /// Video blocks, in order; each stands in `html` as [`video::marker`] until the renderer
    /// puts its `<figure>` there.
    pub videos: Vec<video::VideoBlock>,
}

/// Where the Markdown came from, for diagnostics.
#[derive(Debug, Clone, Copy)]
pub struct SourceSpan<'a> {
    /// Path of the file, relative to the site root.
    pub file: &'a str,
    /// 1-based line of the file where this Markdown starts.
    pub first_line: usize,
    /// Columns of indentation the file has in front of every line of the Markdown (a
    /// `description: |` block in YAML); 0 for a Markdown file.
    pub indent: usize,
}

impl<'a> SourceSpan<'a> {
    /// Markdown that starts at `first_line` of `file`, not indented.
    pub fn new(file: &'a str, first_line: usize) -> Self {
        SourceSpan {
            file,
            first_line,
            indent: 0,
        }
    }
}

/// Renders `markdown` to HTML. Headings get ids made from their text, links are collected, and
/// unsafe raw HTML and images without alt text are reported.
pub fn render(markdown: &str, span: SourceSpan<'_>) -> RenderedMarkdown {
    render_with(markdown, span, &Abbreviations::default(), &ContentConfig::default())
}

/// Acronyms from the glossary, wrapped in `<abbr>` and linked to the glossary where first used.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    /// Acronym -> (what it stands for, glossary id).
    known: BTreeMap<String, (String, String)>,
}

impl Abbreviations {
    /// The acronyms of the glossary: terms written in capitals (`EHCP`), or the capitals word of a
    /// term (`EHC` in `EHC plan`). Each links to `/glossary/#<slug of the term>`.
    pub fn from_glossary(terms: &[crate::content::GlossaryTerm]) -> Self {
        let mut known = BTreeMap::new();
        for term in terms {
            let title = term.stands_for.clone().unwrap_or_else(|| term.meaning.clone());
            for word in term.term.split(|c: char| !c.is_alphanumeric()) {
                if word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()) {
                    known
                        .entry(word.to_string())
                        .or_insert_with(|| (title.clone(), slugify(&term.term)));
                }
            }
        }
        Abbreviations { known }
    }

    /// Splits `text` around the first use of each known acronym not yet in `used`.
    fn wrap<'t>(&self, text: &'t str, used: &mut BTreeSet<String>) -> Option<Vec<Event<'t>>> {
        if self.known.is_empty() {
            return None;
        }
        let mut events = Vec::new();
        let mut last = 0;
        let mut start = None;
        let bytes = text.as_bytes();
        for index in 0..=bytes.len() {
            let letter = bytes.get(index).is_some_and(|b| b.is_ascii_alphanumeric());
            match (start, letter) {
                (None, true) => start = Some(index),
                (Some(from), false) => {
                    start = None;
                    let word = &text[from..index];
                    if let Some((title, id)) = self.known.get(word)
                        && used.insert(word.to_string())
                    {
                        if from > last {
                            events.push(Event::Text(CowStr::Borrowed(&text[last..from])));
                        }
                        events.push(Event::InlineHtml(CowStr::from(format!(
                            "<a href=\"{}#{}\" class=\"glossary-term\"><abbr title=\"{}\">{}</abbr></a>",
                            crate::content::GLOSSARY_URL,
                            id,
                            super::escape_html(title),
                            word
                        ))));
                        last = index;
                    }
                }
                _ => {}
            }
        }
        if events.is_empty() {
            return None;
        }
        if last < text.len() {
            events.push(Event::Text(CowStr::Borrowed(&text[last..])));
        }
        Some(events)
    }
}

/// Like [`render`], with the site's glossary acronyms (wrapped in `<abbr>` and linked to the
/// glossary where first used, not inside headings, links or code) and its `[content]` settings:
/// a link or picture whose address uses a scheme that is not allowed is an error (`unsafe-link`)
/// and only its words are published; raw HTML is checked against the allowed list
/// ([`super::raw_html`]), and what is not allowed is an error or a warning (`unsafe-html`) and is
/// taken out.
pub fn render_with(markdown: &str, span: SourceSpan<'_>, abbreviations: &Abbreviations, content: &ContentConfig) -> RenderedMarkdown {
    let schemes = &content.link_schemes;
    let mut used_abbreviations = BTreeSet::new();
    let mut link_depth = 0usize;
    let lines = crate::location::Lines::ending_at_lone_cr(markdown);
    let position = |offset: usize| {
        let (line, column) = lines.position(offset);
        (line + span.first_line - 1, column + span.indent)
    };
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut result = RenderedMarkdown::default();
    let mut used_ids = BTreeSet::new();
    let mut open_heading: Option<(usize, u8, String)> = None;
    let mut open_image: Option<(usize, usize, String)> = None;
    // For each open link or picture: true when it was left out for an unsafe address.
    let mut dropped: Vec<bool> = Vec::new();
    // The HTML block being read: its text and where each piece of it starts in the Markdown.
    let mut html_block: Option<(String, Vec<(usize, usize)>)> = None;
    let mut had_raw_html = false;
    // The ```video block being read: where its fence starts and its text.
    let mut video_block: Option<(usize, String)> = None;

    let parser = Parser::new_ext(markdown, crate::content::markdown_options());
    let mut definitions: Vec<(usize, String, String)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, definition)| (definition.span.start, label.to_string(), definition.dest.to_string()))
        .collect();
    definitions.sort();
    let mut unsafe_definitions = BTreeSet::new();
    for (offset, label, dest) in definitions {
        if let Err(problem) = check_url(&dest, schemes) {
            let (line, column) = position(offset);
            result.diagnostics.push(
                Diagnostic::error(
                    span.file,
                    line,
                    column,
                    Rule::UNSAFE_LINK,
                    format!(
                        "The link definition [{label}]: {} is not allowed: {}",
                        shown(&dest),
                        problem.explain(schemes)
                    ),
                )
                .with_suggestion(problem.fix()),
            );
            unsafe_definitions.insert(dest);
        }
    }

    for (mut event, range) in parser.into_offset_iter() {
        if let Some((start, body)) = video_block.as_mut() {
            match &event {
                Event::Text(text) => body.push_str(text),
                Event::End(TagEnd::CodeBlock) => {
                    let at = position(*start);
                    match video::parse(body, span.file, at, span.indent, schemes) {
                        Ok(found) => {
                            for address in found.addresses() {
                                result.links.push(LinkRef {
                                    href: address.to_string(),
                                    line: at.0,
                                    column: at.1,
                                });
                            }
                            events.push(Event::Html(CowStr::from(format!("{}\n", video::marker(result.videos.len())))));
                            result.videos.push(found);
                        }
                        Err(problems) => result.diagnostics.extend(problems),
                    }
                    video_block = None;
                }
                _ => {}
            }
            continue;
        }
        match &mut event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if info.split_whitespace().next() == Some("video") => {
                video_block = Some((range.start, String::new()));
                continue;
            }
            Event::Start(Tag::Heading { level, id, attrs, .. }) => {
                if let Some(id) = id {
                    used_ids.insert(id.to_string());
                }
                if !attrs.is_empty() {
                    let (line, column) = position(range.start);
                    let names: Vec<String> = attrs.iter().map(|(name, _)| format!("`{name}`")).collect();
                    result.diagnostics.push(raw_html_diagnostic(
                        content.raw_html,
                        span.file,
                        (line, column),
                        &format!("the heading attribute {}", names.join(", ")),
                        None,
                    ));
                    attrs.clear();
                }
                open_heading = Some((events.len(), *level as u8, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((start, level, text)) = open_heading.take() {
                    let id = match &events[start] {
                        Event::Start(Tag::Heading { id: Some(id), .. }) => id.to_string(),
                        _ => unique_id(&slugify(&text), &mut used_ids),
                    };
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start] {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    result.headings.push(Heading {
                        level,
                        id,
                        text: text.trim().to_string(),
                    });
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, heading_text)) = open_heading.as_mut() {
                    heading_text.push_str(text);
                }
                if let Some((_, _, alt)) = open_image.as_mut() {
                    alt.push_str(text);
                }
                if let Event::Text(text) = &event
                    && open_heading.is_none()
                    && open_image.is_none()
                    && link_depth == 0
                    && let Some(pieces) = abbreviations.wrap(text, &mut used_abbreviations)
                {
                    let pieces: Vec<Event<'static>> = pieces.into_iter().map(Event::into_static).collect();
                    events.extend(pieces);
                    continue;
                }
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                if dropped.pop() == Some(true) {
                    continue;
                }
            }
            Event::Start(Tag::Link { dest_url, link_type, .. }) => {
                link_depth += 1;
                let (line, column) = position(range.start);
                if let Err(problem) = check_url(dest_url, schemes) {
                    let by_reference = matches!(link_type, LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut);
                    if !(by_reference && unsafe_definitions.contains(dest_url.as_ref())) {
                        result.diagnostics.push(
                            Diagnostic::error(
                                span.file,
                                line,
                                column,
                                Rule::UNSAFE_LINK,
                                format!(
                                    "The link to {} is not allowed: {}; only its words are published",
                                    shown(dest_url),
                                    problem.explain(schemes)
                                ),
                            )
                            .with_suggestion(problem.fix()),
                        );
                    }
                    dropped.push(true);
                    continue;
                }
                dropped.push(false);
                result.links.push(LinkRef {
                    href: dest_url.to_string(),
                    line,
                    column,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let (line, column) = position(range.start);
                open_image = Some((line, column, String::new()));
                if let Err(problem) = check_url(dest_url, schemes) {
                    result.diagnostics.push(
                        Diagnostic::error(
                            span.file,
                            line,
                            column,
                            Rule::UNSAFE_LINK,
                            format!(
                                "The picture address {} is not allowed: {}; the picture is left out",
                                shown(dest_url),
                                problem.explain(schemes)
                            ),
                        )
                        .with_suggestion("Put the picture in the `assets` folder and use its address, for example ![A bus](/assets/bus.jpg), or an https:// address."),
                    );
                    dropped.push(true);
                    continue;
                }
                dropped.push(false);
                result.links.push(LinkRef {
                    href: dest_url.to_string(),
                    line,
                    column,
                });
            }
            Event::End(TagEnd::Image) => {
                if let Some((line, column, alt)) = open_image.take()
                    && alt.trim().is_empty()
                {
                    result.diagnostics.push(
                        Diagnostic::error(span.file, line, column, Rule::IMAGE_ALT, "This image has no alt text, so people who cannot see it will not know what it shows")
                            .with_suggestion("Describe the picture between the square brackets: ![A parent and child reading together](/assets/reading.jpg). If it is only decoration, leave it out."),
                    );
                }
                if dropped.pop() == Some(true) {
                    continue;
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                html_block = Some((String::new(), Vec::new()));
            }
            Event::Html(raw) if html_block.is_some() => {
                if let Some((text, pieces)) = html_block.as_mut() {
                    pieces.push((text.len(), range.start));
                    text.push_str(raw);
                }
                continue;
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((text, pieces)) = html_block.take() {
                    let (cleaned, findings) = raw_html::review(&text, schemes);
                    for finding in findings {
                        let piece = pieces.partition_point(|(at, _)| *at <= finding.offset).saturating_sub(1);
                        let (at, source) = pieces.get(piece).copied().unwrap_or((0, range.start));
                        let offset = source + finding.offset.saturating_sub(at);
                        result
                            .diagnostics
                            .push(finding_diagnostic(&finding.problem, content, span.file, position(offset)));
                    }
                    had_raw_html |= !cleaned.trim().is_empty();
                    events.push(Event::Html(CowStr::from(cleaned)));
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let (cleaned, findings) = raw_html::review(raw, schemes);
                for finding in findings {
                    result.diagnostics.push(finding_diagnostic(
                        &finding.problem,
                        content,
                        span.file,
                        position(range.start + finding.offset),
                    ));
                }
                had_raw_html |= !cleaned.trim().is_empty();
                *raw = CowStr::from(cleaned);
            }
            _ => {}
        }
        events.push(event);
    }
    pulldown_cmark::html::push_html(&mut result.html, events.into_iter());
    if had_raw_html {
        result.html = raw_html::sanitise(&result.html, schemes);
    }
    result
}

/// An address as shown in a message: in backticks, at most 80 characters, control characters visible.
fn shown(url: &str) -> String {
    let mut text: String = url
        .chars()
        .take(80)
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    if url.chars().count() > 80 {
        text.push('…');
    }
    format!("`{}`", text.replace('`', "'"))
}

/// The diagnostic for one problem found in raw HTML.
fn finding_diagnostic(problem: &raw_html::Problem, content: &ContentConfig, file: &str, at: (usize, usize)) -> Diagnostic {
    match problem {
        raw_html::Problem::UnsafeUrl { problem: url, .. } => Diagnostic::error(
            file,
            at.0,
            at.1,
            Rule::UNSAFE_LINK,
            format!(
                "{} is not allowed: {}; it is taken out",
                capitalised(&problem.describe()),
                url.explain(&content.link_schemes)
            ),
        )
        .with_suggestion(url.fix()),
        raw_html::Problem::Element(name) => {
            let hint = match name.as_str() {
                "a" => Some("Write links in Markdown: [the words](https://www.example.org/)."),
                "img" => Some("Add pictures in Markdown: ![What the picture shows](/assets/picture.jpg)."),
                "iframe" | "video" => Some(
                    "Add a video with a ```video block (see \"Video\" in the README): it keeps YouTube and Vimeo out of the page until someone presses play, and needs captions and a transcript.",
                ),
                _ => None,
            };
            raw_html_diagnostic(content.raw_html, file, at, &problem.describe(), hint)
        }
        raw_html::Problem::Attributes { .. } => raw_html_diagnostic(content.raw_html, file, at, &problem.describe(), None),
        raw_html::Problem::Language { message, fix, .. } => {
            Diagnostic::error(file, at.0, at.1, Rule::LANGUAGE_TAG, format!("{message}, so this passage is not marked with its language"))
                .with_suggestion(format!("{fix} Write it as <span lang=\"pl\">…</span>."))
        }
        raw_html::Problem::Direction { value, .. } => Diagnostic::error(
            file,
            at.0,
            at.1,
            Rule::LANGUAGE_DIRECTION,
            format!("dir=\"{value}\" is not a direction; it is taken out"),
        )
        .with_suggestion("Write dir=\"rtl\" for right-to-left text such as Urdu or Arabic, or dir=\"ltr\"; with a lang= alone, Signpost adds the right one."),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// An `unsafe-html` finding: an error, or a warning when `[content] raw_html = "remove"`.
fn raw_html_diagnostic(mode: RawHtml, file: &str, at: (usize, usize), what: &str, hint: Option<&str>) -> Diagnostic {
    let fix = "Use Markdown instead of HTML. Scripts, embedded frames, styles and event attributes are refused to keep families safe and the site accessible.";
    let fix = match hint {
        Some(hint) => format!("{hint} {fix}"),
        None => fix.to_string(),
    };
    match mode {
        RawHtml::Error => {
            Diagnostic::error(file, at.0, at.1, Rule::UNSAFE_HTML, format!("This HTML is not allowed: {what}")).with_suggestion(fix)
        }
        RawHtml::Remove => Diagnostic::warning(file, at.0, at.1, Rule::UNSAFE_HTML, format!("This HTML was taken out: {what}"))
            .with_suggestion(format!(
                "{fix} It was left out of the page because [content] raw_html = \"remove\" in site.toml."
            )),
    }
}

fn unique_id(base: &str, used: &mut BTreeSet<String>) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut candidate = base.to_string();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escaping_leaves_apostrophes_as_written() {
        assert_eq!(
            super::super::escape_html("Tom's \"café\" & <b>bar</b> > 'x'"),
            "Tom's &quot;café&quot; &amp; &lt;b&gt;bar&lt;/b&gt; &gt; 'x'"
        );
        assert_eq!(super::super::escape_html(""), "");
        assert_eq!(super::super::escape_html("''"), "''");
        // The same bytes as the replace chain it took over from.
        let by_hand = |t: &str| {
            t.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        for text in [
            "a&amp;b",
            "&lt;&#39;'",
            "Gŵyl \"Façade\" <Ñandú>",
            "'&'<'>'\"'",
            "plain words",
            "\u{0}\t\n",
        ] {
            assert_eq!(super::super::escape_html(text), by_hand(text), "{text}");
        }
    }

    fn md(text: &str) -> RenderedMarkdown {
        render(text, SourceSpan::new("content/x.md", 10))
    }

    #[test]
    fn headings_get_unique_ids_from_their_text() {
        let out = md("## Who can ask?\n\n## Who can ask?\n\n## Custom {#mine}\n");
        assert!(out.html.contains(r#"<h2 id="who-can-ask">Who can ask?</h2>"#), "{}", out.html);
        assert!(out.html.contains(r#"<h2 id="who-can-ask-2">"#));
        assert!(out.html.contains(r#"<h2 id="mine">"#));
        assert_eq!(out.headings.len(), 3);
    }

    #[test]
    fn links_keep_their_line_and_column_in_the_file() {
        let out = md("Intro.\n\nSee [short breaks](/short-breaks/) now.\n");
        assert_eq!(
            out.links,
            vec![LinkRef {
                href: "/short-breaks/".into(),
                line: 12,
                column: 5
            }]
        );
    }

    #[test]
    fn unsafe_html_is_reported_and_left_out() {
        let out = md("Hello\n\n<script>alert(1)</script>\n\n<a href=\"#\" onclick=\"x()\">x</a>\n");
        assert!(!out.html.contains("<script"));
        let rules: Vec<_> = out.diagnostics.iter().map(|d| (d.rule, d.line)).collect();
        assert_eq!(rules, vec![(Rule::UNSAFE_HTML, 12), (Rule::UNSAFE_HTML, 14)]);
    }

    #[test]
    fn a_video_block_stands_in_the_html_as_a_marker_and_an_iframe_points_to_it() {
        let out = md("Intro.\n\n```video\ntitle: T\nfile: /assets/a.webm\ncaptions: /assets/a.vtt\ntranscript: Words.\n```\n");
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        assert_eq!(out.videos.len(), 1);
        assert_eq!((out.videos[0].line, out.videos[0].column), (12, 1));
        assert!(out.html.contains(&video::marker(0)) && !out.html.contains("<code"), "{}", out.html);
        let hrefs: Vec<_> = out.links.iter().map(|l| (l.href.as_str(), l.line)).collect();
        assert_eq!(hrefs, vec![("/assets/a.vtt", 12), ("/assets/a.webm", 12)]);
        let sanitised = md(
            "<span lang=\"cy\">Croeso</span>\n\n```video\ntitle: T\nfile: /assets/a.webm\ncaptions: /assets/a.vtt\ntranscript: Words.\n```\n",
        );
        assert!(
            sanitised.html.contains(&video::marker(0)),
            "the sanitiser keeps the marker: {}",
            sanitised.html
        );
        let refused = md("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n");
        assert!(refused.diagnostics[0].suggestion.as_deref().unwrap_or("").contains("```video"));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let out = md("Intro.\r\rSee [x](/x/).\n");
        assert_eq!((out.links[0].line, out.links[0].column), (12, 5));
    }

    #[test]
    fn images_need_alt_text() {
        let out = md("![](/assets/a.png)\n\n![A bus](/assets/bus.png)\n");
        assert_eq!(out.diagnostics.len(), 1);
        assert_eq!(
            (out.diagnostics[0].rule, out.diagnostics[0].line, out.diagnostics[0].column),
            (Rule::IMAGE_ALT, 10, 1)
        );
    }

    #[test]
    fn plain_words_starting_with_on_are_fine() {
        let out = md("<span lang=\"en\">once upon</span> a time, <abbr title=\"one\">1</abbr> online\n");
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        assert_eq!(
            out.html,
            "<p><span lang=\"en\" dir=\"ltr\">once upon</span> a time, <abbr title=\"one\">1</abbr> online</p>\n"
        );
    }

    #[test]
    fn glossary_acronyms_are_wrapped_and_linked_on_first_use_only() {
        let glossary = vec![
            crate::content::GlossaryTerm {
                term: "EHCP".into(),
                stands_for: Some("Education, Health & Care Plan".into()),
                meaning: "A plan.".into(),
            },
            crate::content::GlossaryTerm {
                term: "EHC plan".into(),
                stands_for: None,
                meaning: "The same plan.".into(),
            },
        ];
        let abbreviations = Abbreviations::from_glossary(&glossary);
        let span = SourceSpan::new("content/x.md", 1);
        let out = render_with(
            "## About EHCP\n\nAsk for an EHCP. Your EHCP and [EHC plan](/x/) and EHC plan.\n",
            span,
            &abbreviations,
            &ContentConfig::default(),
        );
        assert!(out.html.contains("<h2 id=\"about-ehcp\">About EHCP</h2>"), "{}", out.html);
        assert!(
            out.html.contains(
                "Ask for an <a href=\"/glossary/#ehcp\" class=\"glossary-term\"><abbr title=\"Education, Health &amp; Care Plan\">EHCP</abbr></a>. Your EHCP and"
            ),
            "{}",
            out.html
        );
        assert!(
            out.html
                .contains("<a href=\"/x/\">EHC plan</a> and <a href=\"/glossary/#ehc-plan\""),
            "{}",
            out.html
        );
        assert_eq!(out.html.matches("<abbr").count(), 2);
        assert!(render("Ask for an EHCP.", span).html.contains("<p>Ask for an EHCP.</p>"));
    }
}
