//! `language`, `[[languages]]` and `[interpreting]` in `site.toml`: the site's main language, the
//! languages its pages are translated into, and where families get help in their own language.
//!
//! ```toml
//! language = "en-GB"
//!
//! [[languages]]
//! tag = "pl"
//! name = "Polski"
//! help = "Potrzebujesz pomocy w swoim języku? Zadzwoń pod numer {phone} i poproś o tłumacza."
//!
//! [[languages]]
//! tag = "ur"
//! name = "اردو"            # dir = "rtl" is worked out from the tag, or can be written
//!
//! [interpreting]
//! phone = "01922 650000"
//! page = "/other-formats/"
//! ```

use super::CONFIG_FILE;
use crate::diagnostic::Diagnostic;
use crate::location::line_column;
use crate::rules::Rule;
use language_tags::LanguageTag;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Which way a language's script runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right, as English and Polish.
    Ltr,
    /// Right to left, as Urdu and Arabic.
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language the site's pages are translated into.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// The BCP 47 tag, e.g. `pl` or `ur`; also the file-name part (`x.pl.md`) and address prefix.
    pub tag: toml::Spanned<String>,
    /// The language's own name in its own script, e.g. "Polski" or "اردو".
    pub name: String,
    /// Which way the script runs; worked out from the tag when not written.
    #[serde(default)]
    pub dir: Option<Direction>,
    /// The "need help in your language?" line, written in this language; `{phone}` stands for
    /// `[interpreting] phone`.
    #[serde(default)]
    pub help: Option<String>,
}

impl LanguageConfig {
    /// The tag as written, e.g. `pl`.
    pub fn tag(&self) -> &str {
        self.tag.get_ref()
    }

    /// Which way this language runs: as written, else from its tag.
    pub fn direction(&self) -> Direction {
        self.dir.unwrap_or_else(|| direction_of(self.tag()))
    }
}

/// Where families get help with interpreting and translation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterpretingConfig {
    /// The phone number to call and ask for an interpreter, as families should dial it.
    #[serde(default)]
    pub phone: Option<String>,
    /// Site address of the page about interpreting, translation and other formats, with where it
    /// is written in `site.toml`.
    #[serde(default)]
    pub page: Option<toml::Spanned<String>>,
}

impl InterpretingConfig {
    /// The page's site address, if one is set.
    pub fn page(&self) -> Option<&str> {
        self.page.as_ref().map(|page| page.get_ref().as_str())
    }
}

/// Primary language subtags written right to left.
const RIGHT_TO_LEFT: &[&str] = &["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"];
/// Script subtags written right to left.
const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &["Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg"];

/// Which way text in the language `tag` runs, from its script or language subtag.
pub fn direction_of(tag: &str) -> Direction {
    let Ok(parsed) = LanguageTag::parse(tag) else {
        return Direction::Ltr;
    };
    if let Some(script) = parsed.script() {
        let rtl = RIGHT_TO_LEFT_SCRIPTS.iter().any(|s| s.eq_ignore_ascii_case(script));
        return if rtl { Direction::Rtl } else { Direction::Ltr };
    }
    let primary = parsed.primary_language().to_ascii_lowercase();
    if RIGHT_TO_LEFT.contains(&primary.as_str()) {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// English names of languages people write instead of a tag, with the tag they mean.
const NAMES: &[(&str, &str)] = &[
    ("english", "en-GB"),
    ("british", "en-GB"),
    ("polish", "pl"),
    ("urdu", "ur"),
    ("punjabi", "pa"),
    ("panjabi", "pa"),
    ("arabic", "ar"),
    ("bengali", "bn"),
    ("bangla", "bn"),
    ("romanian", "ro"),
    ("gujarati", "gu"),
    ("hindi", "hi"),
    ("somali", "so"),
    ("kurdish", "ku"),
    ("persian", "fa"),
    ("farsi", "fa"),
    ("pashto", "ps"),
    ("portuguese", "pt"),
    ("lithuanian", "lt"),
    ("latvian", "lv"),
    ("slovak", "sk"),
    ("czech", "cs"),
    ("ukrainian", "uk"),
    ("russian", "ru"),
    ("french", "fr"),
    ("spanish", "es"),
    ("italian", "it"),
    ("german", "de"),
    ("chinese", "zh"),
    ("cantonese", "yue"),
    ("mandarin", "cmn"),
    ("tigrinya", "ti"),
    ("welsh", "cy"),
    ("bulgarian", "bg"),
    ("hungarian", "hu"),
    ("turkish", "tr"),
    ("tamil", "ta"),
    ("swahili", "sw"),
];

/// Why `tag` is not a language tag the site can use, with a suggestion; `None` when it is fine.
pub fn problem_with(tag: &str) -> Option<(String, String)> {
    let lower = tag.trim().to_ascii_lowercase();
    let fix = |meant: &str| format!("Did you mean `{meant}`? Write a language tag (BCP 47), such as \"en-GB\", \"pl\" or \"ur\".");
    if let Some((_, meant)) = NAMES.iter().find(|(name, _)| *name == lower) {
        return Some((format!("`{tag}` is the name of a language, not a language tag"), fix(meant)));
    }
    if lower == "en-uk" {
        return Some((
            format!("`{tag}` is not a language tag: the United Kingdom's region code is GB"),
            fix("en-GB"),
        ));
    }
    if tag.contains('_') {
        let meant = tag.replace('_', "-");
        if LanguageTag::parse(&meant).is_ok_and(|t| t.is_valid()) {
            return Some((
                format!("`{tag}` uses `_`, but language tags join their parts with `-`"),
                fix(&meant),
            ));
        }
    }
    match LanguageTag::parse(tag) {
        Ok(parsed) if parsed.is_valid() => None,
        _ => {
            let suggestion = match crate::suggest::closest(&lower, NAMES.iter().map(|(name, _)| *name)) {
                Some(name) => NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or_else(String::new, |(_, t)| (*t).to_string()),
                None => String::new(),
            };
            let how = if suggestion.is_empty() {
                "Write a language tag (BCP 47), such as \"en-GB\", \"pl\" or \"ur\".".to_string()
            } else {
                fix(&suggestion)
            };
            Some((format!("`{tag}` is not a language tag"), how))
        }
    }
}

/// What a help line writes where the interpreting phone number goes.
pub const PHONE: &str = "{phone}";

/// The line and column of the `help` key of the `[[languages]]` table whose tag starts at
/// byte `tag_at` of `text` (before the next table starts).
fn help_line(text: &str, tag_at: usize) -> Option<(usize, usize)> {
    let start = text[..tag_at.min(text.len())].rfind("[[").unwrap_or(0);
    let mut offset = start;
    for (index, line) in text[start..].split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if index > 0 && trimmed.starts_with('[') {
            return None;
        }
        if let Some(rest) = trimmed.strip_prefix("help")
            && rest.trim_start().starts_with('=')
        {
            return Some(line_column(text, offset + line.len() - trimmed.len()));
        }
        offset += line.len();
    }
    None
}

/// Checks `language`, every `[[languages]]` entry and `[interpreting]`, pointing into `site.toml`.
pub fn validate(
    main: &str,
    main_at: (usize, usize),
    languages: &[LanguageConfig],
    interpreting: &InterpretingConfig,
    text: &str,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if let Some((message, fix)) = problem_with(main) {
        problems.push(Diagnostic::error(CONFIG_FILE, main_at.0, main_at.1, Rule::LANGUAGE_TAG, message).with_suggestion(fix));
    }
    let mut seen = BTreeSet::new();
    seen.insert(main.to_ascii_lowercase());
    for language in languages {
        let (line, column) = line_column(text, language.tag.span().start);
        let tag = language.tag();
        if let Some((message, fix)) = problem_with(tag) {
            problems.push(Diagnostic::error(CONFIG_FILE, line, column, Rule::LANGUAGE_TAG, message).with_suggestion(fix));
            continue;
        }
        if tag.eq_ignore_ascii_case(main) {
            problems.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    line,
                    column,
                    Rule::CONFIG_VALUE,
                    format!("`{tag}` is the site's main language, so it cannot also be a translation"),
                )
                .with_suggestion("List only the languages pages are translated into under [[languages]]."),
            );
        } else if !seen.insert(tag.to_ascii_lowercase()) {
            problems.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    line,
                    column,
                    Rule::CONFIG_VALUE,
                    format!("The language `{tag}` is listed twice"),
                )
                .with_suggestion("Keep one [[languages]] table for each language."),
            );
        }
        if interpreting.phone.as_deref().is_none_or(|p| p.trim().is_empty())
            && language.help.as_deref().is_some_and(|help| help.contains(PHONE))
        {
            let (line, column) = help_line(text, language.tag.span().start).unwrap_or((line, column));
            problems.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    line,
                    column,
                    Rule::CONFIG_VALUE,
                    format!("The help line for `{tag}` has {PHONE} in it, but there is no phone number to put there"),
                )
                .with_suggestion("Add the number families call to ask for an interpreter:\n[interpreting]\nphone = \"01922 650000\"\nor take {phone} out of the help line."),
            );
        }
        if language.name.trim().is_empty() {
            problems.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    line,
                    column,
                    Rule::CONFIG_VALUE,
                    format!("The language `{tag}` has no name"),
                )
                .with_suggestion("Write the language's name in its own script, for example name = \"Polski\"."),
            );
        }
    }
    if let Some(written) = &interpreting.page
        && !written.get_ref().starts_with('/')
    {
        let page = written.get_ref();
        let (line, column) = line_column(text, written.span().start);
        problems.push(
            Diagnostic::error(
                CONFIG_FILE,
                line,
                column,
                Rule::CONFIG_VALUE,
                format!("[interpreting] page must be an address on this site starting with `/`, not `{page}`"),
            )
            .with_suggestion("For example page = \"/other-formats/\"."),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_underscores_get_the_tag_they_mean() {
        let (message, fix) = problem_with("english").unwrap();
        assert!(message.contains("name of a language"), "{message}");
        assert!(fix.contains("`en-GB`"), "{fix}");
        assert!(problem_with("en_GB").unwrap().1.contains("`en-GB`"));
        assert!(problem_with("en-UK").unwrap().1.contains("`en-GB`"));
        assert!(problem_with("Polish").unwrap().1.contains("`pl`"));
        assert!(problem_with("polsih").unwrap().1.contains("`pl`"));
    }

    #[test]
    fn real_tags_pass() {
        for tag in ["en-GB", "en", "pl", "ur", "pa-Arab", "pa-Guru", "ar", "ro", "yue", "zh-Hant"] {
            assert_eq!(problem_with(tag), None, "{tag}");
        }
        assert!(problem_with("xx-QQQQQ-1").is_some());
        assert!(problem_with("").is_some());
    }

    #[test]
    fn a_help_line_with_a_phone_needs_the_number() {
        let text = "language = \"en-GB\"\n\n[[languages]]\ntag = \"pl\"\nname = \"Polski\"\nhelp = \"Zadzwoń pod numer {phone}.\"\n\n[[languages]]\ntag = \"ur\"\nname = \"اردو\"\nhelp = \"مدد\"\n";
        #[derive(Deserialize)]
        struct Just {
            languages: Vec<LanguageConfig>,
        }
        let parsed: Just = toml::from_str(text).unwrap();
        let problems = validate("en-GB", (1, 1), &parsed.languages, &InterpretingConfig::default(), text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (6, 1));
        assert!(problems[0].message.contains("{phone}"), "{}", problems[0].message);
        let phone = InterpretingConfig {
            phone: Some("01922 650000".into()),
            page: None,
        };
        assert!(validate("en-GB", (1, 1), &parsed.languages, &phone, text).is_empty());
    }

    #[test]
    fn an_interpreting_page_off_the_site_is_reported_at_its_own_value() {
        // Another table has a `page` key first: the error must point at [interpreting]'s.
        let text = "[other]\npage = \"/x/\"\n\n[interpreting]\npage = \"other-formats\"\n";
        #[derive(Deserialize)]
        struct Just {
            #[allow(dead_code)]
            other: toml::Table,
            interpreting: InterpretingConfig,
        }
        let parsed: Just = toml::from_str(text).unwrap();
        assert_eq!(parsed.interpreting.page(), Some("other-formats"));
        let problems = validate("en-GB", (1, 1), &[], &parsed.interpreting, text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (5, 8));
    }

    #[test]
    fn direction_comes_from_script_then_language() {
        assert_eq!(direction_of("ur"), Direction::Rtl);
        assert_eq!(direction_of("ar-SA"), Direction::Rtl);
        assert_eq!(direction_of("pa-Arab"), Direction::Rtl);
        assert_eq!(direction_of("pa-Guru"), Direction::Ltr);
        assert_eq!(direction_of("pl"), Direction::Ltr);
        assert_eq!(direction_of("en-GB"), Direction::Ltr);
    }
}
