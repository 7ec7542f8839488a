//! The places file: where the council's localities and postcode districts are, and optionally
//! every postcode (an ONS Postcode Directory extract), so the build can put each venue on the map
//! and the browser can sort services by distance from a family's postcode ("near me").
//!
//! `content/places.yaml` lists the localities and districts; CSV files in `content/places/` are
//! postcode extracts. See docs/directory.md#places.

pub mod distance;
pub mod extract;
mod file;
pub mod postcode;

pub use distance::{Point, miles};
pub use file::coordinate_problem;
pub use postcode::{Postcode, normalise};

use crate::content::{CONTENT_DIR, Service, slugify};
use crate::diagnostic::{Diagnostic, display_path};
use crate::rules::Rule;
use std::collections::BTreeMap;
use std::path::Path;

/// The places file, relative to the content folder.
pub const PLACES_FILE: &str = "places.yaml";
/// The folder of postcode extracts, relative to the content folder.
pub const EXTRACT_DIR: &str = "places";

/// Everything the places file and extracts say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    /// The places file as shown in messages (`content/places.yaml`), when there is one.
    pub file: Option<String>,
    /// Localities by slug: their name as written and their middle point.
    pub localities: BTreeMap<String, (String, Point)>,
    /// Postcode districts (`WS3`) and their middle points.
    pub districts: BTreeMap<String, Point>,
    /// Full postcodes (`WS3 2XQ`) from the extracts, only those in [`Places::districts`].
    pub postcodes: BTreeMap<String, Point>,
}

/// How a venue was put on the map, most exact first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Its own `latitude:` and `longitude:`.
    Own,
    /// Its postcode, found in the postcode extract.
    Postcode,
    /// The middle of its postcode district.
    District,
    /// The middle of its locality.
    Locality,
}

/// A venue's point on the map and how it was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Located {
    /// Where it is.
    pub point: Point,
    /// How that was worked out.
    pub placement: Placement,
}

impl Places {
    /// True when the site has a places file, so "near me" is offered.
    pub fn is_present(&self) -> bool {
        self.file.is_some()
    }

    /// Where a venue is: its own coordinates, else its postcode (the extract, else the middle
    /// of its district), else the middle of its locality.
    pub fn locate(&self, place: &crate::content::Place) -> Option<Located> {
        if let (Some(lat), Some(lon)) = (place.latitude, place.longitude)
            && file::coordinate_problem(lat, lon).is_none()
        {
            return Some(Located {
                point: Point { lat, lon },
                placement: Placement::Own,
            });
        }
        let from_postcode = place.postcode.as_deref().and_then(Postcode::parse).and_then(|code| {
            let exact = self.postcodes.get(&code.written()).map(|point| (*point, Placement::Postcode));
            exact.or_else(|| self.districts.get(code.outward()).map(|point| (*point, Placement::District)))
        });
        let from_locality = || {
            place
                .locality
                .as_deref()
                .and_then(|name| self.localities.get(&slugify(name)))
                .map(|(_, point)| (*point, Placement::Locality))
        };
        from_postcode
            .or_else(from_locality)
            .map(|(point, placement)| Located { point, placement })
    }

    /// Puts every venue of every service on the map (see [`Places::locate`]).
    pub fn locate_venues(&self, services: &mut [Service]) {
        for service in services {
            service.record.place.located = self.locate(&service.record.place);
            for place in &mut service.record.locations {
                place.located = self.locate(place);
            }
        }
    }
}

/// Reads `content/places.yaml` (from the texts the loader kept, which reported any file it could
/// not read) and streams the extracts in `content/places/`. No places file: no places, and no
/// findings (the site does not offer "near me").
pub fn load(root: &Path, sources: &crate::content::SourceTexts) -> (Places, Vec<Diagnostic>) {
    let mut places = Places::default();
    let mut diagnostics = Vec::new();
    let content = root.join(CONTENT_DIR);
    let extracts = extract_files(&content.join(EXTRACT_DIR));
    let Ok(site) = crate::content::inside::SiteFolder::new(root) else {
        return (places, diagnostics);
    };
    let shown = format!("{CONTENT_DIR}/{PLACES_FILE}");
    if let Some(text) = sources.get(&shown) {
        file::read(&shown, text, &mut places, &mut diagnostics);
        places.file = Some(shown);
    }
    for csv in extracts {
        let shown = display_path(root, &csv);
        if places.file.is_none() {
            diagnostics.push(
                Diagnostic::warning(&shown, 0, 0, Rule::POSTCODE_EXTRACT, "This postcode extract is not used, as there is no content/places.yaml")
                    .with_suggestion("Create content/places.yaml with the postcode districts of your area (see docs/directory.md#places); only postcodes in them are used."),
            );
            continue;
        }
        match site
            .resolve(&csv)
            .and_then(|real| std::fs::File::open(real).map_err(crate::content::inside::ReadError::Io))
        {
            Ok(opened) => {
                extract::read(&shown, opened, &mut places, &mut diagnostics);
            }
            Err(crate::content::inside::ReadError::Outside(outside)) => diagnostics.push(site.outside_diagnostic(&outside)),
            Err(error) => diagnostics.push(Diagnostic::error(
                &shown,
                0,
                0,
                Rule::READ_ERROR,
                format!("Cannot read this file: {error}"),
            )),
        }
    }
    (places, diagnostics)
}

/// The CSV files in the extracts folder, in name order.
fn extract_files(folder: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests;
