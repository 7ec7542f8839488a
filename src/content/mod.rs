//! The content model (pages, services, contact blocks, glossary) and loading it from `content/`.

mod date;
mod directory;
pub mod easy_read;
pub mod events;
mod feedback;
pub(crate) mod front_matter;
pub mod inside;
pub mod listings;
mod load;
mod markdown;
mod misplaced;
mod model;
pub mod news;
pub mod places;
pub(crate) mod plain_text;
pub(crate) mod recurrence;
pub(crate) mod school_terms;
mod sources;
pub(crate) mod text_fields;
pub mod translations;

pub use date::{Date, MONTH_NAMES};
pub use directory::*;
pub use feedback::*;
pub(crate) use load::page_url;
pub use load::{
    CONTENT_DIR, GLOSSARY_LIST_KEY, LoadCache, LoadedFile, SERVICE_LIST_KEY, WORD_LISTS_DIR, load_file_from_str, load_site,
    load_site_cached,
};
pub use markdown::markdown_options;
pub(crate) use misplaced::looks_like_services;
pub use model::*;
pub use sources::SourceTexts;

/// True for lowercase-hyphenated names that are safe in a web address: `short-breaks`, `ehcp-2`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Turns a name into a lowercase-hyphenated id: `Monday Night @MyPlace!` -> `monday-night-myplace`.
/// Letters from other alphabets are written in their nearest Latin letters (`Gŵyl Façade Ñandú`
/// -> `gwyl-facade-nandu`); `&` becomes `and`, and apostrophes are dropped.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        match c {
            '&' => {
                pending_hyphen = !slug.is_empty();
                if pending_hyphen {
                    slug.push_str("-and");
                }
                continue;
            }
            '\'' | '’' => continue,
            _ => {}
        }
        let latin = if c.is_ascii() { None } else { deunicode::deunicode_char(c) };
        let mut write = |c: char| {
            if c.is_ascii_alphanumeric() {
                if pending_hyphen && !slug.is_empty() {
                    slug.push('-');
                }
                pending_hyphen = false;
                slug.push(c.to_ascii_lowercase());
            } else if c != '\'' {
                pending_hyphen = true;
            }
        };
        match latin {
            Some(letters) => letters.chars().for_each(&mut write),
            None => write(c),
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Monday Night @MyPlace!"), "monday-night-myplace");
        assert_eq!(slugify("Who can ask?"), "who-can-ask");
        assert_eq!(slugify("Parents & carers"), "parents-and-carers");
        assert_eq!(slugify("Children’s centre"), "childrens-centre");
        assert_eq!(slugify("Gŵyl Façade Ñandú"), "gwyl-facade-nandu");
        assert_eq!(slugify("Café Zürich"), "cafe-zurich");
        assert_eq!(slugify("Łódź"), "lodz");
        assert!(is_slug("short-breaks"));
        assert!(!is_slug("Short Breaks"));
        assert!(!is_slug("-x"));
    }
}
