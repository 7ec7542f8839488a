//! The picture library (`content/easy-read-pictures.yaml`) and the picture rules: every point has
//! a picture (alt text is required by the `image-alt` check of every page), every picture is in the library, and one idea always has the same
//! picture, across the whole site.
//!
//! ```yaml
//! - concept: phone                            # the idea the picture shows
//!   picture: /assets/easy-read/phone.svg
//!   alt: A phone                               # optional: the usual alt text
//! ```
//!
//! The idea a point's picture shows is known from its alt text: alt text that names a concept
//! of the library (or repeats its usual alt text) must use that concept's picture, and the same
//! alt text must never be used with two different pictures.

use crate::content::Page;
use crate::content::SourceTexts;
use crate::content::easy_read::PICTURE_LIBRARY_FILE;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use crate::yaml::{self, Spanned};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One picture of the library.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryEntry {
    /// The idea it shows, e.g. `phone`.
    pub concept: String,
    /// Its address, e.g. `/assets/easy-read/phone.svg`.
    pub picture: String,
    /// The usual alt text.
    #[serde(default)]
    pub alt: Option<String>,
}

/// The picture library of a site.
#[derive(Debug, Clone, Default)]
pub struct PictureLibrary {
    /// Picture address -> concept.
    by_picture: BTreeMap<String, String>,
    /// Normalised concept name or usual alt text -> (concept, picture).
    by_words: BTreeMap<String, (String, String)>,
}

/// Where a picture was first used for some alt text.
#[derive(Debug, Clone)]
struct FirstUse {
    picture: String,
    file: String,
    line: usize,
}

/// The library path as authors see it.
pub fn library_file() -> String {
    format!("content/{PICTURE_LIBRARY_FILE}")
}

impl PictureLibrary {
    /// Reads the library from the text the loader kept (`None` when there is no library file),
    /// and checks that each picture is in the assets folder under `root`.
    pub fn load(sources: &SourceTexts, root: &Path) -> (Option<PictureLibrary>, Vec<Diagnostic>) {
        let file = library_file();
        // A link out of the site is never read; the content loader reports it.
        let Some(text) = sources.get(&file) else {
            return (None, Vec::new());
        };
        match yaml::parse::<Vec<Spanned<LibraryEntry>>>(text) {
            Ok(entries) => {
                let entries = entries.into_iter().map(|e| (yaml::position_of(&e), e.value));
                Self::from_entries(root, entries)
            }
            Err(error) => (
                Some(PictureLibrary::default()),
                vec![Diagnostic::error(file, error.line, error.column, error.rule, error.message).with_suggestion(error.suggestion)],
            ),
        }
    }

    fn from_entries(
        root: &Path,
        entries: impl Iterator<Item = (yaml::Position, LibraryEntry)>,
    ) -> (Option<PictureLibrary>, Vec<Diagnostic>) {
        let file = library_file();
        let mut library = PictureLibrary::default();
        let mut concepts: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut problems = Vec::new();
        for (position, entry) in entries {
            let at = |rule, message: String, fix: String| {
                Diagnostic::error(&file, position.line, position.column, rule, message).with_suggestion(fix)
            };
            let concept = normalise(&entry.concept);
            if let Some((picture, line)) = concepts.get(&concept)
                && *picture != entry.picture
            {
                problems.push(at(
                    Rule::EASY_READ_PICTURE_LIBRARY,
                    format!(
                        "The idea `{}` already has the picture {picture} (line {line}), so it cannot also have {}",
                        entry.concept, entry.picture
                    ),
                    "Keep one picture for each idea, so readers always see the same picture for the same thing.".to_string(),
                ));
                continue;
            }
            if let Some(other) = library.by_picture.get(&entry.picture)
                && normalise(other) != concept
            {
                problems.push(at(
                    Rule::EASY_READ_PICTURE_LIBRARY,
                    format!(
                        "The picture {} already stands for `{other}`, so it cannot also stand for `{}`",
                        entry.picture, entry.concept
                    ),
                    "Use a different picture for this idea, or merge the two ideas into one.".to_string(),
                ));
                continue;
            }
            if let Some(asset) = entry.picture.strip_prefix("/assets/")
                && !root.join("assets").join(asset).is_file()
            {
                problems.push(at(
                    Rule::EASY_READ_PICTURE_LIBRARY,
                    format!("The picture {} is not in the assets folder", entry.picture),
                    format!("Add the file assets/{asset}, or correct the address."),
                ));
            }
            concepts.insert(concept.clone(), (entry.picture.clone(), position.line));
            library.by_picture.insert(entry.picture.clone(), entry.concept.clone());
            library.by_words.insert(concept, (entry.concept.clone(), entry.picture.clone()));
            if let Some(alt) = &entry.alt {
                library
                    .by_words
                    .entry(normalise(alt))
                    .or_insert((entry.concept.clone(), entry.picture.clone()));
            }
        }
        (Some(library), problems)
    }
}

/// Checks the pictures of the easy-read pages, in site order, against the library and each other.
pub struct PictureCheck<'a> {
    library: Option<&'a PictureLibrary>,
    first_use: BTreeMap<String, FirstUse>,
}

/// A picture of a point, with where it was written.
pub struct PictureUse<'a> {
    /// The point's picture, if it has one.
    pub picture: Option<&'a crate::content::easy_read::Picture>,
    /// Line and column of the point.
    pub point_at: (usize, usize),
    /// Line and column of the picture.
    pub picture_at: (usize, usize),
}

impl<'a> PictureCheck<'a> {
    /// A check against `library` (none: the site has no library file).
    pub fn new(library: Option<&'a PictureLibrary>) -> Self {
        PictureCheck {
            library,
            first_use: BTreeMap::new(),
        }
    }

    /// Checks the picture of one point of `page`.
    pub fn point(&mut self, page: &Page, point: PictureUse<'_>, out: &mut Vec<Diagnostic>) {
        let file = &page.source.file;
        let Some(picture) = point.picture else {
            let (line, column) = point.point_at;
            out.push(
                Diagnostic::error(file, line, column, Rule::EASY_READ_PICTURE, "This point has no picture. In easy read, every point starts with a picture")
                    .with_suggestion("Start the point with `- ` and a picture from the picture library, for example `- ![A phone](/assets/easy-read/phone.svg) You can phone us.`"),
            );
            return;
        };
        let (line, column) = point.picture_at;
        let mut mismatch = false;
        if let Some(library) = self.library {
            if !library.by_picture.contains_key(&picture.src) {
                out.push(
                    Diagnostic::error(
                        file,
                        line,
                        column,
                        Rule::EASY_READ_UNKNOWN_PICTURE,
                        format!("The picture {} is not in the picture library", picture.src),
                    )
                    .with_suggestion(format!(
                        "Use a picture from {}, or add this one there with the idea it shows (`concept:` and `picture:`).",
                        library_file()
                    )),
                );
            }
            if let Some((concept, expected)) = library.by_words.get(&normalise(&picture.alt))
                && *expected != picture.src
            {
                mismatch = true;
                out.push(
                    Diagnostic::error(
                        file,
                        line,
                        column,
                        Rule::EASY_READ_SAME_PICTURE,
                        format!(
                            "This picture's alt text says it shows `{concept}`, but the picture library has {expected} for `{concept}`"
                        ),
                    )
                    .with_suggestion(format!("Use {expected}, so the same idea has the same picture everywhere.")),
                );
            }
        }
        let key = normalise(&picture.alt);
        if key.is_empty() || mismatch {
            return;
        }
        match self.first_use.get(&key) {
            Some(first) if first.picture != picture.src => out.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::EASY_READ_SAME_PICTURE,
                    format!(
                        "\"{}\" has the picture {} here, but {} in {} (line {})",
                        picture.alt.trim(),
                        picture.src,
                        first.picture,
                        first.file,
                        first.line
                    ),
                )
                .with_suggestion(format!(
                    "Use {} here too, so the same idea has the same picture everywhere.",
                    first.picture
                )),
            ),
            Some(_) => {}
            None => {
                self.first_use.insert(
                    key,
                    FirstUse {
                        picture: picture.src.clone(),
                        file: file.clone(),
                        line,
                    },
                );
            }
        }
    }
}

/// Lowercase, single spaces, without a leading "a", "an" or "the" or a final full stop.
pub fn normalise(text: &str) -> String {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&("a" | "an" | "the")) => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}
