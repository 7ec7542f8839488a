//! Translated pages and the pages they translate: a translation needs its source page, and a
//! translation finished before its source page was last reviewed may say something the source no
//! longer says.

use crate::content::{Page, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use std::collections::BTreeMap;

/// Checks every translation against the page it translates.
pub fn check_translations(site: &Site) -> Vec<Diagnostic> {
    let by_url: BTreeMap<&str, &Page> = site
        .pages
        .iter()
        .filter(|p| !p.is_translation())
        .map(|p| (p.url.as_str(), p))
        .collect();
    let mut out = Vec::new();
    for page in site.pages.iter().filter(|p| p.is_translation()) {
        let Some(source_url) = page.translated_from_url() else { continue };
        let source_file = page.translated_from_file().unwrap_or_default();
        match by_url.get(source_url.as_str()) {
            Some(source) => out.extend(out_of_date(page, source, site)),
            None => out.push(
                Diagnostic::error(
                    &page.source.file,
                    1,
                    1,
                    Rule::TRANSLATION_ORPHAN,
                    format!("This translation has no page to translate: there is no {source_file}, so nothing is published at {source_url}"),
                )
                .with_suggestion(format!(
                    "Name the translation after the page it translates (the English page's file name with the language tag before .md), or put back {source_file}. If the page was taken down on purpose, delete its translations too."
                )),
            ),
        }
    }
    out
}

/// A warning when the source page was reviewed after the translation was made.
fn out_of_date(translation: &Page, source: &Page, site: &Site) -> Option<Diagnostic> {
    let translated = translation.meta.translated?;
    if source.meta.last_reviewed <= translated {
        return None;
    }
    let (line, column) = site
        .sources
        .get(&translation.source.file)
        .and_then(|text| text.lines().position(|l| l.starts_with("translated:")).map(|index| (index + 1, 1)))
        .unwrap_or((1, 1));
    Some(
        Diagnostic::warning(
            &translation.source.file,
            line,
            column,
            Rule::TRANSLATION_OUT_OF_DATE,
            format!(
                "This translation may be out of date: {} was reviewed on {}, after this translation was made ({})",
                source.source.file,
                source.meta.last_reviewed.long(),
                translated.long()
            ),
        )
        .with_suggestion(format!(
            "Ask the translator to check {} against {} and change what is different, then set `translated:` to the day they finished.",
            translation.source.file, source.source.file
        )),
    )
}
