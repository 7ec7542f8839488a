//! The form for each kind of content: for every field the loader reads, its label, the kind of
//! input, whether it must be filled in and the help shown under it. Field names and allowed
//! values are never written here twice: the tests compare these lists with the loader's own
//! types ([`super::trace`]), and the allowed values come from those types or `site.toml`.

use super::trace::variants_of;
use crate::check::field_help as fix;
use crate::config::plain_language::Profile;
use crate::content::{Access, AccessFeature, Audience, Frequency, Need, PageType, ServiceStatus, Status, Weekday};

/// One field of a form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The name in the file, exactly as the loader reads it.
    pub name: &'static str,
    /// The label editors see.
    pub label: &'static str,
    /// The kind of input.
    pub widget: Widget,
    /// True when the loader refuses an entry without it.
    pub required: bool,
    /// Help shown under the input.
    pub hint: &'static str,
    /// A pattern the value must match, and what to say when it does not.
    pub pattern: Option<(&'static str, &'static str)>,
}

/// The kind of input for a field.
#[derive(Debug, Clone, Copy)]
pub enum Widget {
    /// One line of text.
    Line,
    /// Several lines of plain text.
    Text,
    /// Markdown, with the rich-text editor.
    Markdown,
    /// A whole number between the two limits.
    Whole(u32, u32),
    /// An amount with decimals, at least 0.
    Amount,
    /// Degrees of latitude or longitude, with decimals, between the two limits.
    Degrees(i16, i16),
    /// Yes or no.
    Switch,
    /// A date, written `YYYY-MM-DD`.
    Day,
    /// One of a list of values.
    OneOf(Choices),
    /// Any number of a list of values.
    AnyOf(Choices),
    /// A group of fields.
    Group(&'static [Field]),
    /// A list of groups of fields, each summed up by the field named here.
    Items(&'static [Field], &'static str),
    /// A list of short texts.
    Words,
    /// One group of these fields for each language in `[[languages]]`, under its tag (a service's
    /// `translations:`).
    ByLanguage(&'static [Field]),
}

/// Where a field's allowed values come from.
#[derive(Debug, Clone, Copy)]
pub enum Choices {
    /// The categories in `site.toml`.
    Categories,
    /// The values of one of the loader's types.
    Values(fn() -> &'static [&'static str]),
}

const fn field(name: &'static str, label: &'static str, widget: Widget) -> Field {
    Field {
        name,
        label,
        widget,
        required: true,
        hint: "",
        pattern: None,
    }
}

impl Field {
    const fn optional(self) -> Field {
        Field { required: false, ..self }
    }
    const fn hint(self, hint: &'static str) -> Field {
        Field { hint, ..self }
    }
    const fn pattern(self, pattern: &'static str, message: &'static str) -> Field {
        Field {
            pattern: Some((pattern, message)),
            ..self
        }
    }
}

const SLUG: (&str, &str) = (
    "^[a-z0-9]+(-[a-z0-9]+)*$",
    "Use lowercase letters, numbers and hyphens, for example swim-club.",
);
const TIME: (&str, &str) = ("^([01][0-9]|2[0-3]):[0-5][0-9]$", fix::TIME);
const REVIEWED: &str = "The day someone last checked this was right. Reviews are due every review cycle (site.toml).";
const NEXT_REVIEW: &str = "Leave empty to use the last review date plus the site's review cycle.";

/// The ages a service is for.
pub const AGES: &[Field] = &[
    field("from", "From age", Widget::Whole(0, 25)),
    field("to", "To age", Widget::Whole(0, 25)).hint(fix::AGES),
];

/// How to get in touch with a service.
pub const CONTACT: &[Field] = &[
    field("phone", "Phone", Widget::Line).optional().hint(fix::PHONE),
    field("email", "Email", Widget::Line).optional().hint(fix::EMAIL),
    field("website", "Contact web page", Widget::Line).optional().hint(fix::URL),
];

/// A venue.
pub const PLACE: &[Field] = &[
    field("name", "Venue name", Widget::Line)
        .optional()
        .hint("When the venue has a name that is not in the address."),
    field("address", "Address", Widget::Line).optional(),
    field("postcode", "Postcode", Widget::Line).optional(),
    field("locality", "Part of the area", Widget::Line)
        .optional()
        .hint("For example Bloxwich. Families can browse by it."),
    field("online", "Also online or by phone", Widget::Switch).optional(),
    field(
        "accessibility",
        "Access at the venue",
        Widget::AnyOf(Choices::Values(variants_of::<AccessFeature>)),
    )
    .optional(),
    field("accessibility_notes", "More about access", Widget::Text).optional(),
    field("latitude", "Latitude", Widget::Degrees(49, 61))
        .optional()
        .hint("Only when the postcode is not exact enough for \"Near you\": degrees north, for example 52.586."),
    field("longitude", "Longitude", Widget::Degrees(-9, 2))
        .optional()
        .hint("Degrees east, negative west of Greenwich: for example -1.983."),
];

/// One price.
pub const COST_OPTION: &[Field] = &[
    field("amount", "Amount in pounds", Widget::Amount).hint("For example 2.50."),
    field("per", "Per", Widget::Line)
        .optional()
        .hint("What the amount buys, for example session, term or hour."),
    field("description", "About this price", Widget::Line)
        .optional()
        .hint("For example: carers go free."),
];

/// A regular session or a dated event.
pub const SCHEDULE: &[Field] = &[
    field("days", "Days", Widget::AnyOf(Choices::Values(variants_of::<Weekday>)))
        .optional()
        .hint("For regular sessions. Give days, or a date for a one-off event."),
    field("frequency", "How often", Widget::OneOf(Choices::Values(variants_of::<Frequency>)))
        .optional()
        .hint("Weekly if left empty."),
    field("date", "Date", Widget::Day)
        .optional()
        .hint("A one-off event, or the first day of a run of sessions."),
    field("until", "Until", Widget::Day)
        .optional()
        .hint("The last day, not before the date."),
    field("opens_at", "Starts at", Widget::Line).optional().pattern(TIME.0, TIME.1),
    field("closes_at", "Ends at", Widget::Line).optional().pattern(TIME.0, TIME.1),
    field("description", "Anything else", Widget::Line)
        .optional()
        .hint("For example: term time only."),
];

/// A service: the same fields in a list file and in a Markdown file's front matter.
pub const SERVICE: &[Field] = &[
    field("name", "Name", Widget::Line),
    field("id", "Id", Widget::Line)
        .optional()
        .hint("Its address is /services/ID/. Made from the name if left empty. Do not change it once published.")
        .pattern(SLUG.0, SLUG.1),
    field("category", "Category", Widget::OneOf(Choices::Categories)),
    field("summary", "Summary", Widget::Text).hint("An overview in a few plain sentences: who it is for, what happens and how to get it."),
    field("provider", "Provider", Widget::Line).hint("Who runs it."),
    field("provider_website", "Provider's web page", Widget::Line)
        .optional()
        .hint("The provider's own page about the service, with the full details. Starts with https://."),
    field("ages", "Ages", Widget::Group(AGES)),
    field("eligibility", "Who can use it", Widget::Text).optional(),
    field("access", "How to get it", Widget::AnyOf(Choices::Values(variants_of::<Access>))).hint(fix::ACCESS),
    field("cost", "Cost", Widget::Line).hint("In words, for example Free, or £2.50 a session."),
    field("free", "Free", Widget::Switch).optional(),
    field("cost_options", "Prices", Widget::Items(COST_OPTION, "amount")).optional(),
    field("contact", "Contact", Widget::Group(CONTACT)).hint(fix::CONTACT),
    field("where", "Where", Widget::Group(PLACE)).hint(fix::WHERE),
    field("locations", "Other venues", Widget::Items(PLACE, "address")).optional(),
    field("when", "When", Widget::Line)
        .optional()
        .hint("In words, for example Saturdays in term time, 10am to 12 noon."),
    field("schedules", "Sessions and events", Widget::Items(SCHEDULE, "days")).optional(),
    field("needs", "Needs it is for", Widget::AnyOf(Choices::Values(variants_of::<Need>)))
        .optional()
        .hint("The four broad areas of need, or more specific needs; all for every child or young person with SEND."),
    field("application_process", "How to apply", Widget::Text).optional(),
    field("service_area", "Area covered", Widget::Line)
        .optional()
        .hint("For example: all of Walsall."),
    field("languages", "Languages besides English", Widget::Words).optional(),
    field(
        "service_status",
        "Running",
        Widget::OneOf(Choices::Values(variants_of::<ServiceStatus>)),
    )
    .optional()
    .hint("Active if left empty."),
    field("description", "Description", Widget::Markdown)
        .optional()
        .hint("A short overview; the provider's website has the details."),
    field("easy_read_summary", "Easy-read summary", Widget::Text)
        .optional()
        .hint("A few short sentences in easy read, shown on the service's page."),
    field("translations", "In other languages", Widget::ByLanguage(SERVICE_TRANSLATION))
        .optional()
        .hint("The summary in the languages listed in site.toml, shown on the service's page."),
    field("last_reviewed", "Last reviewed", Widget::Day).hint(REVIEWED),
    field("next_review", "Next review", Widget::Day).optional().hint(NEXT_REVIEW),
    field("owner", "Owner", Widget::Line)
        .optional()
        .hint("Who keeps this entry up to date. Never published."),
    field("assurer", "Checked by", Widget::Line)
        .optional()
        .hint("The email address of who checked it is right. Never published."),
    field("status", "Status", Widget::OneOf(Choices::Values(variants_of::<Status>)))
        .optional()
        .hint("A draft is shown only in the preview."),
    field("source_id", "Id in the imported directory", Widget::Line)
        .optional()
        .hint("Set by signpost import. Leave it as it is."),
];

/// Higher plain-language limits for one page, with the reason.
pub const PAGE_PLAIN_LANGUAGE: &[Field] = &[
    field("profile", "Profile", Widget::OneOf(Choices::Values(variants_of::<Profile>))).optional(),
    field("max_sentence_words", "Longest sentence (words)", Widget::Whole(1, 200)).optional(),
    field("max_paragraph_sentences", "Longest paragraph (sentences)", Widget::Whole(1, 50)).optional(),
    field("max_reading_age", "Highest reading age", Widget::Whole(5, 25)).optional(),
    field("reason", "Why this page needs higher limits", Widget::Text)
        .optional()
        .hint("Required when any limit is raised."),
];

/// The front matter of a page.
pub const PAGE: &[Field] = &[
    field("title", "Title", Widget::Line),
    field("summary", "Summary", Widget::Text).hint("One or two plain sentences about the page."),
    field("audience", "Who it is for", Widget::AnyOf(Choices::Values(variants_of::<Audience>))).optional(),
    field("topics", "Topics", Widget::Words)
        .optional()
        .hint("Topic ids such as sendiass or short-breaks; some topics need an easy-read version."),
    field("order", "Order", Widget::Whole(0, 1000))
        .optional()
        .hint("Position among the pages beside it, lowest first."),
    field("type", "Kind of page", Widget::OneOf(Choices::Values(variants_of::<PageType>)))
        .optional()
        .hint("Page, or the Short Breaks Services Statement, which must not go past its review date."),
    field("plain_language", "Plain-language limits", Widget::Group(PAGE_PLAIN_LANGUAGE)).optional(),
    field("last_reviewed", "Last reviewed", Widget::Day).hint(REVIEWED),
    field("next_review", "Next review", Widget::Day).optional().hint(NEXT_REVIEW),
    field("owner", "Owner", Widget::Line).hint("Who keeps the page up to date. Never published."),
    field("status", "Status", Widget::OneOf(Choices::Values(variants_of::<Status>)))
        .optional()
        .hint("A draft is shown only in the preview."),
    field("redirects", "Old addresses", Widget::Words)
        .optional()
        .hint("Addresses this page had before, such as /send/short-breaks/; each one will lead here."),
    field("translated", "Translated on", Widget::Day)
        .optional()
        .hint("Only for a translation (a file such as sendiass.pl.md): the day it was translated."),
    field("translator", "Translated by", Widget::Line)
        .optional()
        .hint("Only for a translation: who translated it. Never published."),
];

/// A service's text in one other language.
pub const SERVICE_TRANSLATION: &[Field] = &[field("summary", "Translated summary", Widget::Text).hint("The summary, in this language.")];

/// A contact block such as SENDIASS.
pub const CONTACT_BLOCK: &[Field] = &[
    field("name", "Name", Widget::Line).hint("The file name is the block's id, used in site.toml; do not rename it."),
    field("heading", "Heading", Widget::Line)
        .optional()
        .hint("Shown on the page; the name if left empty."),
    field("operator", "Run by", Widget::Line).optional(),
    field("summary", "Summary", Widget::Text).hint("What it offers, in plain words."),
    field("phone", "Phone", Widget::Line).optional().hint(fix::PHONE),
    field("email", "Email", Widget::Line).optional().hint(fix::EMAIL),
    field("website", "Web address", Widget::Line).optional().hint(fix::URL),
    field("address", "Postal address", Widget::Text).optional(),
    field("hours", "Opening hours", Widget::Line).optional(),
    field("easy_read_summary", "Easy-read summary", Widget::Text)
        .optional()
        .hint("Short sentences, shown instead of the summary on easy-read pages."),
];

/// A glossary term.
pub const GLOSSARY_TERM: &[Field] = &[
    field("term", "Word or acronym", Widget::Line),
    field("stands_for", "Stands for", Widget::Line)
        .optional()
        .hint("What an acronym stands for."),
    field("meaning", "Meaning", Widget::Text).hint("Its meaning in plain words."),
];

#[cfg(test)]
mod tests {
    //! The drift tests: every form must match the loader's type field for field, and what the
    //! form marks required must be exactly what the loader refuses to go without.

    use super::*;
    use crate::config::plain_language::PagePlainLanguage;
    use crate::content::{Ages, ContactBlock, ContactDetails, CostOption, GlossaryTerm, PageMeta, Place, Schedule, ServiceRecord};
    use crate::output::cms::trace::fields_of;
    use serde::de::DeserializeOwned;
    use serde_json::{Map, Value, json};
    use std::collections::BTreeSet;

    /// Every form with its loader type: (name, form, the loader's fields, parse a YAML text).
    type Parse = fn(&str) -> Result<(), String>;
    fn parse_as<T: DeserializeOwned>(text: &str) -> Result<(), String> {
        crate::yaml::parse::<T>(text).map(|_| ()).map_err(|e| e.message)
    }
    fn forms() -> Vec<(&'static str, &'static [Field], &'static [&'static str], Parse)> {
        vec![
            ("service", SERVICE, fields_of::<ServiceRecord>(), parse_as::<ServiceRecord>),
            ("ages", AGES, fields_of::<Ages>(), parse_as::<Ages>),
            ("contact", CONTACT, fields_of::<ContactDetails>(), parse_as::<ContactDetails>),
            ("where", PLACE, fields_of::<Place>(), parse_as::<Place>),
            ("cost option", COST_OPTION, fields_of::<CostOption>(), parse_as::<CostOption>),
            ("schedule", SCHEDULE, fields_of::<Schedule>(), parse_as::<Schedule>),
            ("page", PAGE, fields_of::<PageMeta>(), parse_as::<PageMeta>),
            (
                "plain language",
                PAGE_PLAIN_LANGUAGE,
                fields_of::<PagePlainLanguage>(),
                parse_as::<PagePlainLanguage>,
            ),
            (
                "contact block",
                CONTACT_BLOCK,
                fields_of::<ContactBlock>(),
                parse_as::<ContactBlock>,
            ),
            (
                "glossary term",
                GLOSSARY_TERM,
                fields_of::<GlossaryTerm>(),
                parse_as::<GlossaryTerm>,
            ),
        ]
    }

    /// A value the form could produce for each field, as Decap writes it.
    fn sample(field: &Field) -> Value {
        match field.widget {
            Widget::Line if field.pattern == Some(TIME) => json!("09:30"),
            Widget::Line if field.pattern.is_some() => json!("sample-id"),
            Widget::Line | Widget::Text | Widget::Markdown => json!("Sample text."),
            Widget::Whole(min, max) => json!(min.max(1).min(max)),
            Widget::Amount => json!(2.5),
            Widget::Degrees(min, _) => json!(f64::from(min) + 0.5),
            Widget::Switch => json!(true),
            Widget::Day => json!("2026-11-20"),
            Widget::OneOf(Choices::Categories) => json!("health"),
            Widget::AnyOf(Choices::Categories) => json!(["health"]),
            Widget::OneOf(Choices::Values(values)) => json!(values()[0]),
            Widget::AnyOf(Choices::Values(values)) => json!([values()[0]]),
            Widget::Group(inner) => whole(inner),
            Widget::Items(inner, _) => json!([whole(inner)]),
            Widget::Words => json!(["Sample"]),
            Widget::ByLanguage(inner) => json!({ "pl": whole(inner) }),
        }
    }

    fn whole(fields: &[Field]) -> Value {
        Value::Object(fields.iter().map(|f| (f.name.to_string(), sample(f))).collect::<Map<_, _>>())
    }

    #[test]
    fn every_field_the_loader_reads_is_in_the_form_and_nothing_else() {
        for (name, form, loader, _) in forms() {
            let in_form: BTreeSet<&str> = form.iter().map(|f| f.name).collect();
            let in_loader: BTreeSet<&str> = loader.iter().copied().collect();
            assert!(!in_loader.is_empty(), "{name}: the loader's fields could not be read");
            assert_eq!(in_form.len(), form.len(), "{name}: a field is in the form twice");
            let missing: Vec<_> = in_loader.difference(&in_form).collect();
            let extra: Vec<_> = in_form.difference(&in_loader).collect();
            assert!(missing.is_empty(), "{name}: the loader reads {missing:?}, which the form lacks");
            assert!(extra.is_empty(), "{name}: the form has {extra:?}, which the loader refuses");
        }
    }

    #[test]
    fn what_the_form_fills_in_the_loader_reads_and_required_means_required() {
        for (name, form, _, parse) in forms() {
            let full = whole(form);
            parse(&full.to_string()).unwrap_or_else(|e| panic!("{name}: the loader refuses what the form writes: {e}\n{full}"));
            for field in form {
                let mut without = full.clone();
                if let Value::Object(map) = &mut without {
                    map.remove(field.name);
                }
                let result = parse(&without.to_string());
                match (field.required, result) {
                    (true, Ok(())) => panic!("{name}: `{}` is required in the form, but the loader does without it", field.name),
                    (true, Err(message)) => assert!(message.contains(field.name), "{name}.{}: {message}", field.name),
                    (false, Err(message)) => panic!(
                        "{name}: `{}` is optional in the form, but the loader needs it: {message}",
                        field.name
                    ),
                    (false, Ok(())) => {}
                }
            }
        }
    }

    #[test]
    fn every_choice_is_a_value_the_loader_takes() {
        for value in variants_of::<Need>() {
            assert!(crate::yaml::parse::<Need>(&format!("\"{value}\"")).is_ok(), "{value}");
        }
        for value in variants_of::<Access>() {
            assert!(crate::yaml::parse::<Access>(&format!("\"{value}\"")).is_ok(), "{value}");
        }
        assert!(crate::yaml::parse::<Access>("\"phone-us\"").is_err());
    }
}
