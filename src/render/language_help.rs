//! "Need help in your language?": the configured `help` line of each `[[languages]]` entry, in
//! its own language and script, shown near the top of every page, and the phone number the
//! footer gives.

use super::views::tel_href;
use crate::config::SiteConfig;
use crate::config::languages::PHONE;
use crate::content::Site;
use serde::Serialize;
use std::collections::BTreeMap;

/// One language's help line, as the `partials/language_help.html` template shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct HelpLine {
    /// Its language tag, for `lang`.
    pub tag: String,
    /// `ltr` or `rtl`, for `dir`.
    pub dir: &'static str,
    /// The text before the phone number (all of it when there is none).
    pub before: String,
    /// The phone number as written, when the line has `{phone}`.
    pub phone: Option<String>,
    /// The `tel:` link of the phone number.
    pub phone_href: Option<String>,
    /// The text after the phone number.
    pub after: String,
    /// The route of the page about interpreting, translation and other formats.
    pub url: Option<String>,
    /// The link text to that page, in this language (`language_help_more`).
    pub more: String,
    /// The language of the link text when this language has no `language_help_more` of its own
    /// (then it is the English text, marked with the site's language).
    pub more_lang: Option<String>,
}

/// The number to phone: `[interpreting] phone`, else the first every-page contact's phone.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct SitePhone {
    /// As written.
    pub number: String,
    /// Its `tel:` link.
    pub href: String,
}

/// The site's phone number for families, if it has one.
pub(crate) fn site_phone(site: &Site) -> Option<SitePhone> {
    let config = &site.config;
    let number = config.interpreting.phone.clone().filter(|p| !p.trim().is_empty()).or_else(|| {
        config
            .contacts
            .every_page
            .iter()
            .filter_map(|id| site.contacts.get(id))
            .find_map(|block| block.phone.clone())
    })?;
    Some(SitePhone {
        href: tel_href(&number),
        number,
    })
}

/// The help lines of the site's languages, in the order of `[[languages]]`; `strings` holds each
/// language's interface strings (English where it has none), `english` the theme's own.
pub(crate) fn help_lines(
    config: &SiteConfig,
    strings: &BTreeMap<String, BTreeMap<String, String>>,
    english: &BTreeMap<String, String>,
) -> Vec<HelpLine> {
    let url = config
        .interpreting
        .page()
        .map(str::to_string)
        .or_else(|| config.other_formats.clone());
    let phone = config.interpreting.phone.clone().filter(|p| !p.trim().is_empty());
    config
        .languages
        .iter()
        .filter_map(|language| {
            let help = language.help.as_deref()?.trim();
            if help.is_empty() {
                return None;
            }
            let (before, number, after) = match (help.split_once(PHONE), &phone) {
                (Some((before, after)), Some(number)) => (before.to_string(), Some(number.clone()), after.replace(PHONE, number)),
                (Some((before, after)), None) => (format!("{before}{}", after.replace(PHONE, "")), None, String::new()),
                (None, _) => (help.to_string(), None, String::new()),
            };
            let english_more = english.get("language_help_more").cloned().unwrap_or_default();
            let more = strings
                .get(language.tag())
                .and_then(|s| s.get("language_help_more"))
                .cloned()
                .unwrap_or_else(|| english_more.clone());
            let more_lang = (more == english_more).then(|| config.language.clone());
            Some(HelpLine {
                tag: language.tag().to_string(),
                dir: language.direction().as_str(),
                before,
                phone_href: number.as_deref().map(tel_href),
                phone: number,
                after,
                url: url.clone(),
                more,
                more_lang,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> SiteConfig {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn each_line_in_its_language_with_the_phone_as_a_call_link() {
        let config = config(concat!(
            "name = \"x\"\ncouncil = \"x\"\narea = \"x\"\nbase_url = \"https://x.example/\"\naccessibility_statement = \"/a/\"\nother_formats = \"/other-formats/\"\ncategories = []\n",
            "[[languages]]\ntag = \"pl\"\nname = \"Polski\"\nhelp = \"Zadzwoń pod numer {phone} i poproś o tłumacza.\"\n",
            "[[languages]]\ntag = \"ur\"\nname = \"اردو\"\nhelp = \"{phone} پر فون کریں ({phone})\"\n",
            "[[languages]]\ntag = \"ro\"\nname = \"Română\"\n",
            "[interpreting]\nphone = \"01922 650000\"\n",
        ));
        let english: BTreeMap<String, String> = [("language_help_more".to_string(), "More".to_string())].into();
        let mut strings = BTreeMap::new();
        strings.insert("pl".to_string(), [("language_help_more".to_string(), "Więcej".to_string())].into());
        let lines = help_lines(&config, &strings, &english);
        assert_eq!(lines.len(), 2, "a language without a help line has none");
        assert_eq!(lines[0].tag, "pl");
        assert_eq!(lines[0].dir, "ltr");
        assert_eq!(lines[0].before, "Zadzwoń pod numer ");
        assert_eq!(lines[0].phone.as_deref(), Some("01922 650000"));
        assert_eq!(lines[0].phone_href.as_deref(), Some("tel:01922650000"));
        assert_eq!(lines[0].after, " i poproś o tłumacza.");
        assert_eq!(
            lines[0].url.as_deref(),
            Some("/other-formats/"),
            "no [interpreting] page: other_formats"
        );
        assert_eq!((lines[0].more.as_str(), lines[0].more_lang.as_deref()), ("Więcej", None));
        assert_eq!(lines[1].dir, "rtl");
        assert_eq!(lines[1].before, "");
        assert_eq!(
            lines[1].after, " پر فون کریں (01922 650000)",
            "a second {{phone}} is the number too"
        );
        assert_eq!(lines[1].more_lang.as_deref(), Some("en-GB"), "English link text is marked English");
    }
}
