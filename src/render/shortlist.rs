//! The shortlist: the page (`/shortlist/`), which holds no services itself, and one small JSON file
//! per service (`/shortlist/data/<id>.json`) that the page's script fetches only for the services
//! a family saved. So the page stays the same small size however big the directory is.

use super::directory_views::{SHORTLIST_URL, ServiceDetailsView};
use super::service_facts::{CallLink, ServiceFacts, address_lines, directions_url};
use super::views::{Crumb, ages_text};
use super::{Renderer, template_source};
use crate::content::{SERVICES_URL, Service, SourceRef};
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

/// The route of the folder of shortlist data files.
pub const SHORTLIST_DATA_ROUTE: &str = "/shortlist/data/";

/// The path, in the output folder, of a service's shortlist data file.
pub fn data_file(id: &str) -> String {
    format!("{}{id}.json", SHORTLIST_DATA_ROUTE.trim_start_matches('/'))
}

/// One saved service as the shortlist shows it: enough to take to an appointment.
#[derive(Serialize)]
pub struct ShortlistService<'a> {
    /// Id (its file name and the id in a shared link).
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Route of its page.
    pub url: &'a str,
    /// Overview.
    pub summary: &'a str,
    /// "11 to 25".
    pub ages: String,
    /// Cost in words.
    pub cost: &'a str,
    /// Call link, if it has a phone number.
    pub call: Option<CallLink>,
    /// Email address.
    pub email: Option<&'a str>,
    /// Website (only an `http(s)` address).
    pub website: Option<&'a str>,
    /// When it runs, each line once.
    pub times: Vec<String>,
    /// How to get it.
    pub ways_in: String,
    /// Its venues.
    pub venues: Vec<ShortlistVenue>,
    /// "Covers all of Walsall", "Comes to your home", "Online or by phone", when it reaches
    /// families across the area.
    pub reach: Option<String>,
}

/// A venue on the shortlist.
#[derive(Serialize)]
pub struct ShortlistVenue {
    /// Its full address, a line each, the postcode last.
    pub lines: Vec<String>,
    /// OpenStreetMap directions to it, when it has a postcode.
    pub directions: Option<String>,
}

impl<'a> Renderer<'a> {
    /// The shortlist data of one service.
    pub fn shortlist_service(&self, service: &'a Service) -> ShortlistService<'a> {
        let record = &service.record;
        let details = ServiceDetailsView::new(service, self.today);
        let facts = ServiceFacts::new(service, &details, self.theme);
        let schemes = &self.site.config.content.link_schemes;
        let website = record
            .contact
            .website
            .as_deref()
            .filter(|w| w.starts_with("https://") || w.starts_with("http://"))
            .filter(|w| super::url_safety::check_url(w, schemes).is_ok());
        ShortlistService {
            id: &service.id,
            name: &record.name,
            url: &service.url,
            summary: &record.summary,
            ages: ages_text(record.ages.from, record.ages.to),
            cost: &record.cost,
            call: facts.call,
            email: record.contact.email.as_deref(),
            website,
            times: facts.times,
            ways_in: facts.ways_in,
            venues: details
                .places
                .iter()
                .map(|p| ShortlistVenue {
                    lines: address_lines(p.place),
                    directions: directions_url(p.place),
                })
                .filter(|v| !v.lines.is_empty())
                .collect(),
            reach: service.reach().map(|reach| {
                self.theme
                    .string(&format!("reach_{}", reach.id()))
                    .replace("{area}", &self.site.config.area)
            }),
        }
    }

    /// Makes every service's shortlist data file, in parallel, and hands each to `write` (path in
    /// the output folder, JSON bytes) as it is made. Stops at the first error `write` returns.
    pub fn write_shortlist_files(&self, write: &crate::output::FileWriter<'_>) -> Result<(), String> {
        self.site.services.par_iter().try_for_each(|service| {
            let json = serde_json::to_vec(&self.shortlist_service(service)).map_err(|e| e.to_string())?;
            write(&data_file(&service.id), &json)
        })
    }

    /// Fills `context` for the shortlist page, which lists the services a family saved in their
    /// browser. It embeds no services: `shortlist_data` is the address of the data files' folder.
    pub(super) fn render_shortlist(&self, context: &mut Context) -> (&'static str, SourceRef) {
        context.insert("page", &self.theme_page("shortlist", "shortlist", SHORTLIST_URL));
        context.insert("shortlist_data", &self.addresses().local(SHORTLIST_DATA_ROUTE));
        let mut crumbs = self.breadcrumbs(SERVICES_URL);
        crumbs.push(Crumb {
            title: self.theme.string("services_title").to_string(),
            url: SERVICES_URL.to_string(),
        });
        context.insert("breadcrumbs", &crumbs);
        ("shortlist.html", template_source("shortlist.html"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_live_under_the_shortlist() {
        assert_eq!(data_file("splash-club"), "shortlist/data/splash-club.json");
    }
}
