//! The interface strings in each language: one file per language (`strings/pl.toml` in the theme,
//! or in the site's own `strings/` folder), English (`theme.toml`) the fallback key by key, the
//! check that lists what a language lacks, and the file of missing strings for translators.

use crate::config::SiteConfig;
use crate::content::Date;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use std::collections::BTreeMap;

/// The folder of per-language strings files, in a theme and in a site.
pub const STRINGS_DIR: &str = "strings";

/// One language's interface strings, as written in its file.
#[derive(Debug, Clone, Default)]
pub struct LanguageStrings {
    /// Where they were read from (for messages), e.g. `themes/default/strings/pl.toml`.
    pub files: Vec<String>,
    /// The strings, by key.
    pub strings: BTreeMap<String, String>,
}

/// Reads a strings file: a `[strings]` table, as in `theme.toml`.
pub fn parse(text: &str, file: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    #[derive(serde::Deserialize)]
    struct StringsToml {
        #[serde(default)]
        strings: BTreeMap<String, String>,
    }
    toml::from_str::<StringsToml>(text).map(|parsed| parsed.strings).map_err(|error| {
        let (line, column) = error.span().map(|s| crate::location::line_column(text, s.start)).unwrap_or((0, 0));
        Diagnostic::error(
            file,
            line,
            column,
            Rule::THEME_CONFIG,
            format!("This strings file cannot be read: {}", error.message()),
        )
        .with_suggestion("Write each string under [strings] as key = \"text\", as in theme.toml.")
    })
}

/// The language tag a strings file is for: `strings/pl.toml` -> `pl`.
pub fn tag_of_file(path: &str) -> Option<&str> {
    let name = path.strip_prefix("strings/")?.strip_suffix(".toml")?;
    (!name.is_empty() && !name.contains('/')).then_some(name)
}

/// The strings of `tag` among `languages`: its own file, else its primary language's (`pl` for
/// `pl-PL`).
pub fn find<'a>(languages: &'a BTreeMap<String, LanguageStrings>, tag: &str) -> Option<&'a LanguageStrings> {
    let lower = tag.to_ascii_lowercase();
    let by = |wanted: &str| {
        languages
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(wanted))
            .map(|(_, strings)| strings)
    };
    by(&lower).or_else(|| lower.split('-').next().and_then(by))
}

/// Every English string with the language's own in place of those it has.
pub fn merged(english: &BTreeMap<String, String>, own: Option<&LanguageStrings>) -> BTreeMap<String, String> {
    let mut out = english.clone();
    if let Some(own) = own {
        for (key, text) in &own.strings {
            if !text.trim().is_empty() {
                out.insert(key.clone(), text.clone());
            }
        }
    }
    out
}

/// The English strings a language has no (or an empty) translation of, by key.
pub fn missing<'a>(english: &'a BTreeMap<String, String>, own: Option<&LanguageStrings>) -> Vec<(&'a str, &'a str)> {
    english
        .iter()
        .filter(|(key, _)| own.and_then(|o| o.strings.get(*key)).is_none_or(|text| text.trim().is_empty()))
        .map(|(key, text)| (key.as_str(), text.as_str()))
        .collect()
}

/// `strings-missing` warnings: for each language in `[[languages]]`, the interface strings it
/// lacks (shown in English on its pages).
pub fn check(
    config: &SiteConfig,
    config_text: &str,
    english: &BTreeMap<String, String>,
    languages: &BTreeMap<String, LanguageStrings>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for language in &config.languages {
        let tag = language.tag();
        let own = find(languages, tag);
        let lacking = missing(english, own);
        if lacking.is_empty() {
            continue;
        }
        let fix = format!(
            "Run `signpost strings {tag}` to get the missing strings with their English text as a file to send to your translators, then put the translations in strings/{tag}.toml in the site folder."
        );
        let diagnostic = match own.and_then(|o| o.files.last()) {
            Some(file) => {
                let keys: Vec<&str> = lacking.iter().map(|(key, _)| *key).take(8).collect();
                let more = if lacking.len() > keys.len() {
                    format!(" and {} more", lacking.len() - keys.len())
                } else {
                    String::new()
                };
                Diagnostic::warning(
                    file.clone(),
                    0,
                    0,
                    Rule::STRINGS_MISSING,
                    format!(
                        "{} ({tag}) has no translation of {} of the {} interface strings, so its pages show them in English: {}{more}",
                        language.name,
                        lacking.len(),
                        english.len(),
                        keys.join(", ")
                    ),
                )
            }
            None => {
                let (line, column) = crate::location::line_column(config_text, language.tag.span().start);
                Diagnostic::warning(
                    crate::config::CONFIG_FILE,
                    line,
                    column,
                    Rule::STRINGS_MISSING,
                    format!(
                        "There are no interface strings in {} ({tag}), so pages in {} show the menus, buttons and labels in English",
                        language.name, language.name
                    ),
                )
            }
        };
        out.push(diagnostic.with_suggestion(fix));
    }
    out
}

/// The missing strings of `tag` as a TOML file to send to translators: each key with its English
/// text, ready to be translated and saved as `strings/<tag>.toml`.
pub fn missing_file(tag: &str, name: Option<&str>, english: &BTreeMap<String, String>, own: Option<&LanguageStrings>) -> String {
    let lacking = missing(english, own);
    let called = name.map_or_else(|| tag.to_string(), |name| format!("{name} ({tag})"));
    let mut out = String::new();
    out.push_str(&format!(
        "# Interface strings still to translate into {called}: {} of {}.\n",
        lacking.len(),
        english.len()
    ));
    out.push_str("# Replace each English text in quotes with its translation. Keep the key before `=`\n");
    out.push_str("# and any {word} in curly brackets exactly as they are.\n");
    out.push_str(&format!(
        "# Then add these lines under [strings] in strings/{tag}.toml in the site folder.\n\n[strings]\n"
    ));
    for (key, text) in lacking {
        out.push_str(&format!("{} = {}\n", toml_key(key), toml::Value::String(text.to_string())));
    }
    out
}

/// `signpost strings <tag>`: the site's missing strings in `tag` as a file for translators.
pub fn missing_for_site(root: &std::path::Path, tag: &str) -> Result<String, String> {
    let plain = |problems: Vec<Diagnostic>| {
        problems
            .iter()
            .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let config = SiteConfig::load(root).map_err(plain)?;
    if let Some((message, fix)) = crate::config::languages::problem_with(tag) {
        return Err(format!("{message}. {fix}"));
    }
    let theme = super::Theme::load(root, &config).map_err(plain)?;
    let name = config
        .languages
        .iter()
        .find(|l| l.tag().eq_ignore_ascii_case(tag))
        .map(|l| l.name.as_str());
    Ok(missing_file(tag, name, &theme.strings, find(&theme.languages, tag)))
}

/// A key as TOML writes it: bare when it can be, else quoted.
fn toml_key(key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        key.to_string()
    } else {
        toml::Value::String(key.to_string()).to_string()
    }
}

/// English weekday names (Monday first); the months are [`crate::content::MONTH_NAMES`].
const ENGLISH_WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const WEEKDAY_KEYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// How a language writes dates in words and numbers, from its strings: `month_1` … `month_12`
/// (the form used in a date, such as Polish "grudnia"), `weekday_monday` … `weekday_sunday`,
/// `date_format` (`{day} {month} {year}`), `date_weekday_format` (`{weekday} {date}`) and
/// `decimal_separator`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateWords {
    months: Vec<String>,
    weekdays: Vec<String>,
    date_format: String,
    weekday_format: String,
    decimal_separator: String,
}

/// English, for a theme whose strings say nothing about dates.
pub static ENGLISH_DATES: std::sync::LazyLock<DateWords> = std::sync::LazyLock::new(|| DateWords::from_strings(&BTreeMap::new()));

impl DateWords {
    /// The date words in `strings`, English for any missing.
    pub fn from_strings(strings: &BTreeMap<String, String>) -> DateWords {
        let get = |key: &str, english: &str| {
            strings
                .get(key)
                .filter(|text| !text.trim().is_empty())
                .cloned()
                .unwrap_or_else(|| english.to_string())
        };
        DateWords {
            months: (1..=12)
                .map(|n| get(&format!("month_{n}"), crate::content::MONTH_NAMES[n - 1]))
                .collect(),
            weekdays: WEEKDAY_KEYS
                .iter()
                .zip(ENGLISH_WEEKDAYS)
                .map(|(key, english)| get(&format!("weekday_{key}"), english))
                .collect(),
            date_format: get("date_format", "{day} {month} {year}"),
            weekday_format: get("date_weekday_format", "{weekday} {date}"),
            decimal_separator: get("decimal_separator", "."),
        }
    }

    /// The date in words: "1 December 2026", "1 grudnia 2026".
    pub fn long(&self, date: Date) -> String {
        let inner = date.inner();
        let month = self.months.get(usize::from(inner.month() as u8) - 1).map_or("", String::as_str);
        self.date_format
            .replace("{day}", &inner.day().to_string())
            .replace("{month}", month)
            .replace("{year}", &inner.year().to_string())
    }

    /// The date with its weekday: "Tuesday 1 December 2026", "wtorek, 1 grudnia 2026".
    pub fn long_with_weekday(&self, date: Date) -> String {
        let weekday = usize::from(date.inner().weekday().number_days_from_monday());
        let name = self.weekdays.get(weekday).map_or("", String::as_str);
        self.weekday_format.replace("{weekday}", name).replace("{date}", &self.long(date))
    }

    /// A number with `decimals` places after the language's decimal separator: "2.5", "2,5".
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        if self.decimal_separator == "." {
            text
        } else {
            text.replacen('.', &self.decimal_separator, 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_language_falls_back_to_english_key_by_key() {
        let english = map(&[("search_button", "Search"), ("skip_link", "Skip to main content")]);
        let polish = LanguageStrings {
            files: vec!["strings/pl.toml".into()],
            strings: map(&[("search_button", "Szukaj"), ("skip_link", " ")]),
        };
        let all = merged(&english, Some(&polish));
        assert_eq!(all["search_button"], "Szukaj");
        assert_eq!(all["skip_link"], "Skip to main content", "an empty translation falls back");
        assert_eq!(missing(&english, Some(&polish)), vec![("skip_link", "Skip to main content")]);
        assert_eq!(missing(&english, None).len(), 2);
    }

    #[test]
    fn dates_and_numbers_as_each_language_writes_them() {
        let date = Date::from_ymd(2026, 12, 1).unwrap();
        let english = DateWords::from_strings(&parse(include_str!("../../themes/default/theme.toml"), "theme.toml").unwrap());
        assert_eq!(english.long(date), "1 December 2026");
        assert_eq!(english.long(date), date.long(), "the same as the English everywhere else");
        assert_eq!(english.long_with_weekday(date), "Tuesday 1 December 2026");
        assert_eq!(english.number(2.5, 1), "2.5");
        let polish = DateWords::from_strings(&parse(include_str!("../../themes/default/strings/pl.toml"), "pl.toml").unwrap());
        assert_eq!(polish.long(date), "1 grudnia 2026", "month names in the genitive");
        assert_eq!(polish.long(Date::from_ymd(2026, 3, 14).unwrap()), "14 marca 2026");
        assert_eq!(polish.long_with_weekday(date), "wtorek, 1 grudnia 2026");
        assert_eq!(polish.number(2.5, 1), "2,5");
        assert_eq!(polish.number(12.0, 0), "12");
        let urdu = DateWords::from_strings(&parse(include_str!("../../themes/default/strings/ur.toml"), "ur.toml").unwrap());
        assert_eq!(urdu.long(date), "1 دسمبر 2026");
        assert_eq!(urdu.long_with_weekday(date), "منگل، 1 دسمبر 2026");
        assert_eq!(urdu.number(2.5, 1), "2.5");
        assert_eq!(*ENGLISH_DATES, english, "no date strings: English");
    }

    #[test]
    fn a_regional_tag_uses_its_language_file() {
        let mut languages = BTreeMap::new();
        languages.insert("pl".to_string(), LanguageStrings::default());
        assert!(find(&languages, "pl-PL").is_some());
        assert!(find(&languages, "PL").is_some());
        assert!(find(&languages, "ur").is_none());
        assert_eq!(tag_of_file("strings/ur.toml"), Some("ur"));
        assert_eq!(tag_of_file("strings/a/ur.toml"), None);
        assert_eq!(tag_of_file("theme.toml"), None);
    }

    #[test]
    fn the_missing_file_is_toml_with_the_english_text() {
        let english = map(&[
            ("filter_remove", "Remove ‘{value}’"),
            ("topic_ehc-plans", "EHC \"plans\""),
            ("a.b", "x"),
        ]);
        let text = missing_file("pl", Some("Polski"), &english, None);
        assert!(
            text.starts_with("# Interface strings still to translate into Polski (pl): 3 of 3."),
            "{text}"
        );
        let parsed = parse(&text, "x").unwrap();
        assert_eq!(parsed, english);
        assert!(text.contains("topic_ehc-plans = "), "{text}");
    }
}
