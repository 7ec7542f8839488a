//! Checks on where venues are, for "near me": a venue the build cannot put on the map (no
//! coordinates, a postcode outside the places file's districts, a locality it does not list),
//! and coordinates written on a venue that cannot be right.

use crate::content::places::{Places, Postcode};
use crate::content::{Place, Service, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// Every finding about venues and the places file. Venues are only looked for on the map when
/// the site has a places file.
pub fn check_places(site: &Site, places: &Places) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for service in &site.services {
        let venues = std::iter::once(("where".to_string(), &service.record.place)).chain(
            service
                .record
                .locations
                .iter()
                .enumerate()
                .map(|(i, place)| (format!("locations.{i}"), place)),
        );
        for (path, place) in venues {
            found.extend(own_coordinates(service, &path, place));
            if places.is_present() && place.located.is_none() && is_venue(service, place) {
                found.push(not_placed(service, &path, place, places));
            }
        }
    }
    found
}

/// True when families travel to this place: it has a postcode, a locality or coordinates, or an
/// address when the service is only at its venues.
fn is_venue(service: &Service, place: &Place) -> bool {
    place.postcode.is_some()
        || place.locality.is_some()
        || place.latitude.is_some()
        || place.longitude.is_some()
        || (place.address.is_some() && !service.covers_whole_area())
}

/// A venue the build could not place, at its postcode, locality or `where:`.
fn not_placed(service: &Service, path: &str, place: &Place, places: &Places) -> Diagnostic {
    // A field that is not written is found at its parent, so only a written one is asked for.
    let field = if place.postcode.is_some() {
        ".postcode"
    } else if place.locality.is_some() {
        ".locality"
    } else {
        ""
    };
    let (line, column) = service.fields.get(&format!("{path}{field}")).unwrap_or_else(|| service.at(path));
    let file = places.file.as_deref().unwrap_or("content/places.yaml");
    let mut why = Vec::new();
    match place.postcode.as_deref() {
        Some(code) => match Postcode::parse(code) {
            Some(parsed) => why.push(format!("its postcode district {} is not in {file}", parsed.outward())),
            None => why.push(format!("`{code}` is not a postcode")),
        },
        None => why.push("it has no postcode".to_string()),
    }
    if let Some(locality) = &place.locality {
        why.push(format!("the locality `{locality}` is not in {file}"));
    }
    let name = place.name.as_deref().or(place.address.as_deref()).unwrap_or(&service.record.name);
    Diagnostic::warning(
        &service.source.file,
        line,
        column,
        Rule::VENUE_NOT_PLACED,
        format!("\"{name}\" cannot be put on the map for \"near me\": {}", why.join(", and ")),
    )
    .with_suggestion(format!(
        "Give the venue its postcode (`postcode: WS3 2XQ`), add its postcode district or locality to {file}, or write its `latitude:` and `longitude:`. Until then it is listed after the services with a distance."
    ))
}

/// A venue's own `latitude:` and `longitude:`: both or neither, and in the United Kingdom.
fn own_coordinates(service: &Service, path: &str, place: &Place) -> Option<Diagnostic> {
    let at = |field: &str| service.fields.get(&format!("{path}.{field}")).unwrap_or_else(|| service.at(path));
    let (line, column, message, fix) = match (place.latitude, place.longitude) {
        (None, None) => return None,
        (Some(_), None) => {
            let (l, c) = at("latitude");
            (
                l,
                c,
                "this venue has a latitude but no longitude".to_string(),
                "Write both `latitude:` and `longitude:`, or neither.",
            )
        }
        (None, Some(_)) => {
            let (l, c) = at("longitude");
            (
                l,
                c,
                "this venue has a longitude but no latitude".to_string(),
                "Write both `latitude:` and `longitude:`, or neither.",
            )
        }
        (Some(lat), Some(lon)) => {
            let (in_latitude, message, fix) = crate::content::places::coordinate_problem(lat, lon)?;
            let (l, c) = at(if in_latitude { "latitude" } else { "longitude" });
            (l, c, message, fix)
        }
    };
    Some(
        Diagnostic::warning(
            &service.source.file,
            line,
            column,
            Rule::VENUE_COORDINATES,
            format!("{message}, so it is not used"),
        )
        .with_suggestion(fix),
    )
}
