//! Translated pages: how they are named and where they are published.
//!
//! `content/sendiass.pl.md` is the Polish translation of `content/sendiass.md` and is published
//! at `/pl/sendiass/`; `content/index.ur.md` translates the home page and is published at `/ur/`.
//! The part before `.md` is a language tag listed under `[[languages]]` in `site.toml`; the
//! address starts with that tag in lowercase.

use super::Page;
use crate::config::languages::{LanguageConfig, problem_with};
use std::path::{Path, PathBuf};

/// What the part of a page's file name before `.md` says about its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileLanguage {
    /// No language part: a page in the site's main language (or an easy-read version).
    Main,
    /// A language the site lists: the tag as `site.toml` writes it, and the file name without it
    /// (`sendiass.pl.md` -> `sendiass.md`).
    Listed {
        /// The tag as listed under `[[languages]]`.
        tag: String,
        /// The path of the page it translates, inside `content/`.
        source: PathBuf,
    },
    /// A real language tag the site does not list (`sendiass.de.md`).
    Unlisted(String),
}

/// Reads the language part of `relative` (a path inside `content/`).
pub fn file_language(relative: &Path, languages: &[LanguageConfig]) -> FileLanguage {
    let Some(stem) = relative.file_stem().and_then(|s| s.to_str()) else {
        return FileLanguage::Main;
    };
    let Some((rest, part)) = stem.rsplit_once('.') else {
        return FileLanguage::Main;
    };
    if rest.is_empty() || part == super::easy_read::EASY_READ_STEM_SUFFIX.trim_start_matches('.') {
        return FileLanguage::Main;
    }
    if let Some(language) = languages.iter().find(|l| l.tag().eq_ignore_ascii_case(part)) {
        let extension = relative.extension().and_then(|e| e.to_str()).unwrap_or("md");
        return FileLanguage::Listed {
            tag: language.tag().to_string(),
            source: relative.with_file_name(format!("{rest}.{extension}")),
        };
    }
    if problem_with(part).is_none() {
        FileLanguage::Unlisted(part.to_string())
    } else {
        FileLanguage::Main
    }
}

/// The address of the translation into `tag` of the page at `source_url`: `/a/` -> `/pl/a/`.
pub fn translation_url(tag: &str, source_url: &str) -> String {
    format!("/{}{}", tag.to_ascii_lowercase(), source_url)
}

/// The file of the translation into `tag` of the page in `source_file`:
/// `content/a.md` -> `content/a.pl.md`.
pub fn translation_file(tag: &str, source_file: &str) -> String {
    match source_file.strip_suffix(".md") {
        Some(stem) => format!("{stem}.{tag}.md"),
        None => format!("{source_file}.{tag}"),
    }
}

/// True when the language `tag` is a form of English (`en`, `en-GB`), which the plain-language
/// and easy-read rules are written for.
pub fn is_english(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    primary.eq_ignore_ascii_case("en")
}

/// The name of the site's main language in that language, for the list of a page's languages.
pub fn own_name_of_main(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "en" => "English",
        "cy" => "Cymraeg",
        "ga" => "Gaeilge",
        "gd" => "Gàidhlig",
        _ => tag,
    }
    .to_string()
}

impl Page {
    /// True for a translation (`x.pl.md`).
    pub fn is_translation(&self) -> bool {
        self.language.is_some()
    }

    /// For a translation, the address of the page it translates: `/pl/a/` -> `/a/`.
    pub fn translated_from_url(&self) -> Option<String> {
        let tag = self.language.as_deref()?;
        let prefix = format!("/{}", tag.to_ascii_lowercase());
        self.url.strip_prefix(&prefix).map(str::to_string)
    }

    /// For a translation, the file of the page it translates: `content/a.pl.md` -> `content/a.md`.
    pub fn translated_from_file(&self) -> Option<String> {
        let tag = self.language.as_deref()?;
        let stem = self.source.file.strip_suffix(".md")?;
        let (rest, part) = stem.rsplit_once('.')?;
        part.eq_ignore_ascii_case(tag).then(|| format!("{rest}.md"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages() -> Vec<LanguageConfig> {
        #[derive(serde::Deserialize)]
        struct Listed {
            languages: Vec<LanguageConfig>,
        }
        let listed: Listed =
            toml::from_str("[[languages]]\ntag = \"pl\"\nname = \"Polski\"\n[[languages]]\ntag = \"pa-Arab\"\nname = \"پنجابی\"\n")
                .unwrap();
        listed.languages
    }

    #[test]
    fn listed_tags_make_translations_and_others_are_reported() {
        let listed = languages();
        assert_eq!(
            file_language(Path::new("advice/short-breaks.pl.md"), &listed),
            FileLanguage::Listed {
                tag: "pl".into(),
                source: PathBuf::from("advice/short-breaks.md")
            }
        );
        assert_eq!(
            file_language(Path::new("index.pa-arab.md"), &listed),
            FileLanguage::Listed {
                tag: "pa-Arab".into(),
                source: PathBuf::from("index.md")
            }
        );
        assert_eq!(file_language(Path::new("a.de.md"), &listed), FileLanguage::Unlisted("de".into()));
        assert_eq!(file_language(Path::new("a.easy.md"), &listed), FileLanguage::Main);
        assert_eq!(file_language(Path::new("a.md"), &listed), FileLanguage::Main);
        assert_eq!(file_language(Path::new("a.draft-copy.md"), &listed), FileLanguage::Main);
    }

    #[test]
    fn addresses_and_files() {
        assert_eq!(translation_url("pa-Arab", "/advice/"), "/pa-arab/advice/");
        assert_eq!(translation_url("ur", "/"), "/ur/");
        assert_eq!(translation_file("pl", "content/a.md"), "content/a.pl.md");
        assert!(is_english("en-GB") && is_english("en") && !is_english("pl"));
        assert_eq!(own_name_of_main("en-GB"), "English");
    }
}
