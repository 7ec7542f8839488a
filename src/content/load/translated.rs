//! What the loader says about translated pages' names and front matter (see
//! [`crate::content::translations`]).

use crate::config::languages::LanguageConfig;
use crate::content::front_matter::Split;
use crate::content::text_fields::{FieldLocator, Key};
use crate::content::{PageMeta, ServiceRecord};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use std::path::Path;

/// The rule for front matter a translation needs, or that only a translation may have.
const RULE: Rule = Rule::TRANSLATION_FRONT_MATTER;

/// A page file named for a language the site does not list (`sendiass.de.md`).
pub(crate) fn unlisted_language(file: &str, tag: &str, languages: &[LanguageConfig]) -> Diagnostic {
    let listed: Vec<String> = languages.iter().map(|l| format!("`{}`", l.tag())).collect();
    let listed = if listed.is_empty() {
        "site.toml lists no languages yet".to_string()
    } else {
        format!("site.toml lists {}", listed.join(", "))
    };
    Diagnostic::error(
        file,
        0,
        0,
        Rule::LANGUAGE_UNLISTED,
        format!("This file is named as a translation into `{tag}`, but {listed}, so it is not published"),
    )
    .with_suggestion(format!(
        "Did you list the language in site.toml? Add [[languages]] with tag = \"{tag}\" and the language's own name, for example name = \"Deutsch\". If the file is not a translation, take `.{tag}` out of its name."
    ))
}

/// Translations Signpost cannot publish yet: of easy-read versions and of news items.
pub(crate) fn translation_not_supported(relative: &Path, source: &Path, file: &str) -> Option<Diagnostic> {
    let easy = source
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| stem.ends_with(crate::content::easy_read::EASY_READ_STEM_SUFFIX));
    let news = crate::content::news::is_news_file(source) || crate::content::news::is_news_file(relative);
    let what = if easy {
        "an easy-read version"
    } else if news {
        "a news item"
    } else {
        return None;
    };
    Some(
        Diagnostic::error(
            file,
            0,
            0,
            Rule::FILE_NAME,
            format!("This file is named as a translation of {what}, which Signpost cannot publish yet"),
        )
        .with_suggestion("Translate the full page instead (for example `short-breaks.pl.md` beside `short-breaks.md`), or take the language out of the file name."),
    )
}

/// The front matter's YAML with a `lang:` or `language:` line blanked out (kept as an empty line,
/// so line numbers stay right), and an error for it: a page's language comes from its file name.
pub(crate) fn without_language_field(file: &str, parts: &Split<'_>, diagnostics: &mut Vec<Diagnostic>) -> String {
    let mut out = String::with_capacity(parts.yaml.len());
    for (index, line) in parts.yaml.split_inclusive('\n').enumerate() {
        let key = line.split(':').next().unwrap_or("").trim_end();
        if line.contains(':') && (key == "lang" || key == "language") {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    parts.yaml_first_line + index,
                    1,
                    RULE,
                    format!("`{key}:` is not read: the language of a page comes from its file name"),
                )
                .with_suggestion("For a translation, name the file after the page it translates with the language tag before .md, for example `sendiass.pl.md` beside `sendiass.md`, and list the language under [[languages]] in site.toml. For a few words in another language inside a page, write <span lang=\"pl\">…</span>. Then delete this line."),
            );
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `translated:` and `translator:`: a translation must say when it was translated and by whom;
/// another page must not say either.
pub(crate) fn translation_fields(
    file: &str,
    meta: &PageMeta,
    language: Option<&str>,
    locator: &FieldLocator<'_>,
    first_line: usize,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    match language {
        Some(tag) => {
            if meta.translated.is_none() {
                problems.push(
                    Diagnostic::error(file, first_line, 1, RULE, "This translation does not say when it was translated")
                        .with_suggestion(format!(
                            "Add `translated: YYYY-MM-DD`, the day the {tag} text was finished, so Signpost can tell when the page it translates has changed since."
                        )),
                );
            }
            if meta.translator.as_deref().is_none_or(|who| who.trim().is_empty()) {
                let (line, column) = match meta.translator {
                    Some(_) => locator.find(&[Key::Name("translator")]),
                    None => (first_line, 1),
                };
                problems.push(
                    Diagnostic::error(file, line, column, RULE, "This translation does not say who translated it")
                        .with_suggestion("Add `translator: ...` with the person, service or company that translated it (it is not published), so the council knows who to ask when the page changes."),
                );
            }
        }
        None => {
            for (name, given) in [("translated", meta.translated.is_some()), ("translator", meta.translator.is_some())] {
                if given {
                    let (line, column) = locator.find(&[Key::Name(name)]);
                    problems.push(
                        Diagnostic::error(file, line, column, RULE, format!("`{name}:` is only for translations, and this page is not one"))
                            .with_suggestion("A translation's file is named after the page it translates with a language tag listed in site.toml, for example `sendiass.pl.md`. Rename the file, or delete this line."),
                    );
                }
            }
        }
    }
    problems
}

/// A service's `translations:`: each key must be a language listed in `site.toml` (written as
/// listed from then on); the others are reported at their line and left out.
pub(crate) fn service_translations(
    file: &str,
    record: &mut ServiceRecord,
    locator: &FieldLocator<'_>,
    languages: &[LanguageConfig],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let written = std::mem::take(&mut record.translations);
    for (tag, translation) in written.into_iter().filter(|(_, t)| !t.summary.trim().is_empty()) {
        match languages.iter().find(|l| l.tag().eq_ignore_ascii_case(&tag)) {
            Some(language) => {
                record.translations.insert(language.tag().to_string(), translation);
            }
            None => {
                let (line, column) = locator.find(&[Key::Name("translations"), Key::Name(&tag)]);
                let listed: Vec<String> = languages.iter().map(|l| format!("`{}`", l.tag())).collect();
                let fix = match crate::config::languages::problem_with(&tag) {
                    Some((_, fix)) => fix,
                    None => format!(
                        "Did you list the language in site.toml? Add [[languages]] with tag = \"{tag}\" and the language's own name{}.",
                        if listed.is_empty() {
                            String::new()
                        } else {
                            format!(" (it lists {})", listed.join(", "))
                        }
                    ),
                };
                problems.push(
                    Diagnostic::error(
                        file,
                        line,
                        column,
                        Rule::LANGUAGE_UNLISTED,
                        format!("This service has a translation into `{tag}`, a language site.toml does not list, so it is not published"),
                    )
                    .with_suggestion(fix),
                );
            }
        }
    }
    problems
}
