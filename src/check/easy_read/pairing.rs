//! Easy-read versions and their full versions: an easy-read page needs a full version, required
//! easy-read versions must exist, and an easy-read version reviewed before its full version may
//! be out of date.

use crate::config::plain_language::Level;
use crate::content::easy_read::easy_read_url;
use crate::content::{Page, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use std::collections::BTreeMap;

/// Checks the pairs of full and easy-read pages.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let by_url: BTreeMap<&str, &Page> = site.pages.iter().map(|p| (p.url.as_str(), p)).collect();
    // Translations have no easy-read versions of their own (see crate::check::check_translations).
    for page in site.pages.iter().filter(|p| !p.is_translation()) {
        match page.full_version_url() {
            Some(full_url) => match by_url.get(full_url.as_str()).filter(|full| !full.is_easy_read()) {
                Some(full) => out.extend(out_of_date(page, full, site)),
                None => out.push(
                    Diagnostic::error(
                        &page.source.file,
                        1,
                        1,
                        Rule::EASY_READ_ORPHAN,
                        format!("This easy-read page has no full version: there is no page at {full_url}"),
                    )
                    .with_suggestion(format!(
                        "Name the file after its full version with `.easy.md` at the end, for example `{}`, or write the full version.",
                        page.source.file.replace(".easy.md", ".md")
                    )),
                ),
            },
            None => out.extend(missing(site, page, &by_url)),
        }
    }
    out
}

/// Why the configuration asks for an easy-read version of `page`, if it does.
fn required_because(site: &Site, page: &Page) -> Option<String> {
    let config = &site.config.easy_read;
    if let Some(section) = config.require_sections.iter().find(|s| page.url.starts_with(&with_slashes(s))) {
        return Some(format!("pages in {}", with_slashes(section)));
    }
    // A news item mentions a topic; the pages that cover it are the ones that need easy read.
    config
        .require_topics
        .iter()
        .filter(|_| page.meta.news.is_none())
        .find(|topic| page.meta.topics.contains(topic))
        .map(|topic| format!("pages about `{topic}`"))
}

fn with_slashes(section: &str) -> String {
    let trimmed = section.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

fn missing(site: &Site, page: &Page, by_url: &BTreeMap<&str, &Page>) -> Option<Diagnostic> {
    let level = site.config.easy_read.missing;
    if level == Level::Off || by_url.contains_key(easy_read_url(&page.url).as_str()) {
        return None;
    }
    let reason = required_because(site, page)?;
    let message = format!("This page has no easy-read version, and site.toml asks for one for {reason}");
    let file = &page.source.file;
    let fix = format!(
        "Write {} with a picture and a few short sentences for each point. See [easy_read] in site.toml.",
        file.strip_suffix(".md").map(|stem| format!("{stem}.easy.md")).unwrap_or_default()
    );
    let diagnostic = match level {
        Level::Error => Diagnostic::error(file, 1, 1, Rule::EASY_READ_MISSING, message),
        _ => Diagnostic::warning(file, 1, 1, Rule::EASY_READ_MISSING, message),
    };
    Some(diagnostic.with_suggestion(fix))
}

fn out_of_date(easy: &Page, full: &Page, site: &Site) -> Option<Diagnostic> {
    if full.meta.last_reviewed <= easy.meta.last_reviewed {
        return None;
    }
    let (line, column) = site
        .sources
        .get(&easy.source.file)
        .and_then(|text| {
            text.lines()
                .position(|l| l.starts_with("last_reviewed:"))
                .map(|index| (index + 1, 1))
        })
        .unwrap_or((1, 1));
    Some(
        Diagnostic::warning(
            &easy.source.file,
            line,
            column,
            Rule::EASY_READ_OUT_OF_DATE,
            format!(
                "This easy-read version may be out of date: its full version {} was reviewed on {}, after this page ({})",
                full.url,
                full.meta.last_reviewed.long(),
                easy.meta.last_reviewed.long()
            ),
        )
        .with_suggestion(format!(
            "Check this page says the same as {}, then set `last_reviewed:` to the date you checked it.",
            full.source.file
        )),
    )
}
