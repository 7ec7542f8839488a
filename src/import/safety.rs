//! The last step of an import: nothing in an export can become live markup or a script link in
//! the YAML it writes. Plain-text fields lose any tag that decoding brought back (`&lt;script&gt;`),
//! such tags are dropped from descriptions too, and links and pictures whose
//! address uses a scheme that is not allowed (`[Book here](javascript:…)`) keep only their words.
//! Each change is a note in the import report.

use super::openreferral::Imported;
use crate::content::plain_text;
use crate::render::url_safety::check_url;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Makes one imported service safe to write; returns a note for each change, in plain words.
pub fn make_safe(service: &mut Imported, schemes: &[String]) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    let mut text = |field: &str, value: &mut String| {
        if let Some(cleaned) = plain_text::clean(value) {
            notes.push((
                field.to_string(),
                format!("HTML after decoding ({}); it was taken out", cleaned.found.join(", ")),
            ));
            *value = cleaned.text;
        }
    };
    text("name", &mut service.name);
    text("summary", &mut service.summary);
    text("provider", &mut service.provider);
    text("cost", &mut service.cost);
    for (field, value) in [
        ("eligibility", &mut service.eligibility),
        ("application_process", &mut service.application_process),
        ("phone", &mut service.phone),
        ("email", &mut service.email),
        ("address", &mut service.address),
        ("postcode", &mut service.postcode),
        ("locality", &mut service.locality),
        ("accessibility_notes", &mut service.accessibility_notes),
        ("when", &mut service.when),
    ] {
        if let Some(value) = value.as_mut() {
            text(field, value);
        }
    }
    for language in &mut service.languages {
        text("languages", language);
    }
    for (_, per, description) in &mut service.cost_options {
        for value in [per, description].into_iter().flatten() {
            text("cost_options", value);
        }
    }
    for session in &mut service.schedules {
        if let Some(value) = session.description.as_mut() {
            text("schedules", value);
        }
    }
    for (field, value) in [
        ("provider_website", &mut service.provider_website),
        ("contact website", &mut service.website),
    ] {
        if let Some(url) = value.as_deref()
            && let Err(problem) = check_url(url, schemes)
        {
            notes.push((
                field.to_string(),
                format!(
                    "the address started with `{}:`, which could run a script, so it was left out",
                    problem.scheme
                ),
            ));
            *value = None;
        }
    }
    if let Some(description) = service.description.as_mut() {
        let (safe, dropped) = drop_unsafe_links(description, schemes);
        for (scheme, words) in dropped {
            notes.push((
                "description".to_string(),
                format!("a link to a `{scheme}:` address (\"{words}\") was dropped; its words were kept"),
            ));
        }
        let (safe, tags) = plain_text::strip_tags(&safe);
        if !tags.is_empty() {
            notes.push((
                "description".to_string(),
                format!(
                    "HTML tags written as `&lt;…&gt;` ({}) were dropped and the words kept",
                    tags.join(", ")
                ),
            ));
        }
        *description = safe;
    }
    notes
}

/// A link being dropped: its range in the Markdown and its scheme.
type Dropping = (std::ops::Range<usize>, String);

/// The Markdown with every link and picture whose scheme is not allowed replaced by its words,
/// and every such reference definition removed; and, for each, its scheme and words.
pub fn drop_unsafe_links(markdown: &str, schemes: &[String]) -> (String, Vec<(String, String)>) {
    let parser = Parser::new_ext(markdown, crate::content::markdown_options());
    let mut cuts: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut dropped = Vec::new();
    for (_, definition) in parser.reference_definitions().iter() {
        if let Err(problem) = check_url(&definition.dest, schemes) {
            cuts.push((definition.span.clone(), String::new()));
            dropped.push((problem.scheme, definition.dest.to_string()));
        }
    }
    // Open links and pictures: (its range and scheme when it is being dropped, its words so far).
    let mut open: Vec<(Option<Dropping>, String)> = Vec::new();
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                let dropping = check_url(&dest_url, schemes).err().map(|problem| (range, problem.scheme));
                open.push((dropping, String::new()));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if let Some((dropping, words)) = open.pop() {
                    if let Some((_, outer)) = open.last_mut() {
                        outer.push_str(&words);
                    }
                    if let Some((range, scheme)) = dropping {
                        cuts.push((range, words.clone()));
                        dropped.push((scheme, words));
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, words)) = open.last_mut() {
                    words.push_str(&text);
                }
            }
            _ => {}
        }
    }
    // Keep only the outermost cuts, then apply them from the end.
    cuts.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut kept: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for cut in cuts {
        if kept.last().is_none_or(|(last, _)| cut.0.start >= last.end) {
            kept.push(cut);
        }
    }
    let mut out = markdown.to_string();
    for (range, words) in kept.into_iter().rev() {
        if out.is_char_boundary(range.start) && out.is_char_boundary(range.end) && range.end <= out.len() {
            out.replace_range(range, &words);
        }
    }
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemes() -> Vec<String> {
        crate::config::ContentConfig::default().link_schemes
    }

    #[test]
    fn script_links_keep_their_words_and_are_reported() {
        let (safe, dropped) = drop_unsafe_links(
            "Call us. [Book here](javascript:alert(1)) or [see](https://x.org/) ![pic](data:x) [r][bad]\n\n[bad]: vbscript:x\n",
            &schemes(),
        );
        assert_eq!(safe, "Call us. Book here or [see](https://x.org/) pic r\n\n\n");
        let schemes_found: Vec<&str> = dropped.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(schemes_found, vec!["vbscript", "javascript", "data", "vbscript"]);
    }

    #[test]
    fn decoded_tags_become_text_and_notes() {
        let mut service = Imported {
            name: "Club".into(),
            summary: "Fun <script>alert(1)</script>".into(),
            description: Some("Hello <script>alert(1)</script> [Book](javascript:x)".into()),
            website: Some("JavaScript:alert(1)".into()),
            ..Imported::default()
        };
        let notes = make_safe(&mut service, &schemes());
        assert_eq!(service.summary, "Fun alert(1)");
        assert_eq!(service.description.as_deref(), Some("Hello alert(1) Book"));
        assert_eq!(service.website, None);
        assert_eq!(notes.len(), 4, "{notes:?}");
    }
}
