//! Browsing the directory without JavaScript: pre-rendered pages per need, per locality, per age
//! band, and an A to Z of every service.

use super::directory_views::*;
use super::views::{Crumb, PageView, ServiceCard};
use super::{Renderer, template_source};
use crate::content::{Need, SERVICES_URL, Service, Site, SourceRef, slugify};
use std::collections::BTreeMap;
use tera::Context;

/// One browsing page.
#[derive(Debug, Clone)]
pub(super) enum Browse {
    /// Services for a need (and its broad area, and services for all needs).
    Need(Need),
    /// Services in a locality: (slug, name).
    Locality(String, String),
    /// Services for an age band (index into [`AGE_BANDS`]).
    Ages(usize),
    /// Every service by name.
    AToZ,
}

impl Browse {
    /// The page's address.
    pub(super) fn url(&self) -> String {
        match self {
            Browse::Need(need) => need_url(need.id()),
            Browse::Locality(slug, _) => locality_url(slug),
            Browse::Ages(index) => age_band_url(AGE_BANDS.get(*index).map(|b| b.0).unwrap_or("0-4")),
            Browse::AToZ => A_TO_Z_URL.to_string(),
        }
    }
}

/// Every browsing page of `site`, in a stable order.
pub(super) fn browse_pages(site: &Site) -> Vec<Browse> {
    let mut pages: Vec<Browse> = Need::ALL.into_iter().filter(|n| *n != Need::All).map(Browse::Need).collect();
    pages.extend(
        localities(&site.services)
            .into_iter()
            .map(|(slug, name)| Browse::Locality(slug, name)),
    );
    pages.extend((0..AGE_BANDS.len()).map(Browse::Ages));
    pages.push(Browse::AToZ);
    pages
}

/// Every locality of the services, by slug, with the first spelling in sort order.
pub(super) fn localities(services: &[Service]) -> BTreeMap<String, String> {
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    let mut names: Vec<&str> = services.iter().flat_map(|s| s.localities()).collect();
    names.sort_unstable();
    for name in names {
        let slug = slugify(name);
        if !slug.is_empty() {
            found.entry(slug).or_insert_with(|| name.to_string());
        }
    }
    found
}

/// The services of a locality page: those with a venue in the locality (by slug), then those
/// that cover the whole area without a venue there.
pub fn locality_listing<'s>(services: &'s [Service], slug: &str) -> (Vec<&'s Service>, Vec<&'s Service>) {
    let there: Vec<&Service> = services.iter().filter(|s| s.has_venue_in(slug)).collect();
    let across: Vec<&Service> = services.iter().filter(|s| !s.has_venue_in(slug) && s.covers_whole_area()).collect();
    (there, across)
}

/// True when `service` should be listed for `need`: it names the need, its broad area, one of the
/// need's more specific terms (for a broad area), or all needs.
pub fn serves_need(service: &Service, need: Need) -> bool {
    service.record.needs.iter().any(|&had| {
        had == need
            || had == Need::All
            || (!need.is_broad_area() && Some(had) == need.broad_area())
            || (need.is_broad_area() && had.broad_area() == Some(need))
    })
}

fn by_name(mut services: Vec<&Service>) -> Vec<&Service> {
    services.sort_by(|a, b| {
        a.record
            .name
            .to_lowercase()
            .cmp(&b.record.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
    services
}

/// The A to Z heading a name goes under: its first letter, or `#`.
fn letter_of(name: &str) -> String {
    match name.trim().chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase().to_string(),
        _ => "#".to_string(),
    }
}

impl<'a> Renderer<'a> {
    /// Fills `context` for a browsing page and returns its template.
    pub(super) fn render_browse(&self, browse: &Browse, url: &str, context: &mut Context) -> (&'static str, SourceRef) {
        let config = &self.site.config;
        let services = &self.site.services;
        let mut crumbs = self.breadcrumbs(SERVICES_URL);
        crumbs.push(Crumb {
            title: self.theme.string("services_title").to_string(),
            url: SERVICES_URL.to_string(),
        });
        context.insert("breadcrumbs", &crumbs);
        let (kind, id, name, listed) = match browse {
            Browse::AToZ => {
                let title = self.theme.string("a_to_z_title");
                context.insert(
                    "page",
                    &PageView::generated("a-z", title, Some(self.theme.string("a_to_z_summary")), url, config),
                );
                let mut letters: BTreeMap<String, Vec<&Service>> = BTreeMap::new();
                for service in services {
                    letters.entry(letter_of(&service.record.name)).or_default().push(service);
                }
                let nav: Vec<LetterLink> = std::iter::once("#".to_string())
                    .filter(|l| letters.contains_key(l))
                    .chain(('A'..='Z').map(String::from))
                    .map(|letter| LetterLink {
                        anchor: anchor(&letter),
                        used: letters.contains_key(&letter),
                        letter,
                    })
                    .collect();
                let groups: Vec<LetterView<'_>> = letters
                    .into_iter()
                    .map(|(letter, list)| LetterView {
                        anchor: anchor(&letter),
                        services: by_name(list).into_iter().map(ServiceCard::from).collect(),
                        letter,
                    })
                    .collect();
                context.insert("letters", &nav);
                context.insert("groups", &groups);
                context.insert("count", &services.len());
                return ("a-z.html", template_source("a-z.html"));
            }
            Browse::Need(need) => {
                let listed: Vec<&Service> = services.iter().filter(|s| serves_need(s, *need)).collect();
                (
                    "need",
                    need.id().to_string(),
                    self.theme.string(&format!("need_{}", need.id())).to_string(),
                    listed,
                )
            }
            Browse::Locality(slug, name) => {
                let (listed, also) = locality_listing(services, slug);
                let cards: Vec<ServiceCard<'_>> = by_name(also).into_iter().map(ServiceCard::from).collect();
                context.insert("also_available", &cards);
                ("locality", slug.clone(), name.clone(), listed)
            }
            Browse::Ages(index) => {
                let (band, from, to) = AGE_BANDS.get(*index).copied().unwrap_or(AGE_BANDS[0]);
                let listed: Vec<&Service> = services
                    .iter()
                    .filter(|s| s.record.ages.from <= to && s.record.ages.to >= from)
                    .collect();
                let name = format!("{} {}", self.theme.string("ages_prefix"), super::views::ages_text(from, to));
                ("age", band.to_string(), name, listed)
            }
        };
        let title = self.theme.string(&format!("browse_{kind}_title")).replace("{name}", &name);
        let summary = self.theme.string(&format!("browse_{kind}_summary")).replace("{name}", &name);
        context.insert("page", &PageView::generated("browse", &title, Some(&summary), url, config));
        let cards: Vec<ServiceCard<'_>> = by_name(listed).into_iter().map(ServiceCard::from).collect();
        context.insert(
            "browse",
            &BrowseView {
                kind,
                id,
                name,
                count: cards.len(),
                services: cards,
            },
        );
        ("browse.html", template_source("browse.html"))
    }

    /// The links to every browsing page, for the directory's front page.
    pub(super) fn browse_links(&self) -> BTreeMap<&'static str, Vec<BrowseLink>> {
        let services = &self.site.services;
        let count = |test: &dyn Fn(&Service) -> bool| services.iter().filter(|s| test(s)).count();
        let needs = Need::ALL
            .into_iter()
            .filter(|n| *n != Need::All)
            .map(|need| BrowseLink {
                id: need.id().to_string(),
                name: String::new(),
                url: need_url(need.id()),
                count: count(&|s| serves_need(s, need)),
                broad: need.is_broad_area(),
            })
            .collect();
        let places = localities(services)
            .into_iter()
            .map(|(slug, name)| BrowseLink {
                count: count(&|s| s.available_in(&slug)),
                url: locality_url(&slug),
                id: slug,
                name,
                broad: false,
            })
            .collect();
        let ages = AGE_BANDS
            .iter()
            .map(|(band, from, to)| BrowseLink {
                id: band.to_string(),
                name: super::views::ages_text(*from, *to),
                url: age_band_url(band),
                count: count(&|s| s.record.ages.from <= *to && s.record.ages.to >= *from),
                broad: false,
            })
            .collect();
        [("needs", needs), ("localities", places), ("ages", ages)].into_iter().collect()
    }
}

fn anchor(letter: &str) -> String {
    if letter == "#" {
        "letter-other".to_string()
    } else {
        format!("letter-{}", letter.to_lowercase())
    }
}

impl<'a> Renderer<'a> {
    /// The needs and localities of a category's services, for its filters.
    pub(super) fn filter_options(&self, category: &str) -> FilterOptions {
        let services: Vec<&Service> = self.site.services.iter().filter(|s| s.record.category == category).collect();
        let mut needs: Vec<Need> = services.iter().flat_map(|s| filter_needs(s)).filter_map(Need::from_id).collect();
        needs.sort();
        needs.dedup();
        // Every locality the site knows: a family's area is a fair choice on any page, and
        // whole-area services match it.
        let localities: Vec<String> = localities(&self.site.services).into_values().collect();
        FilterOptions {
            needs: needs.into_iter().map(NeedLink::new).collect(),
            localities,
        }
    }
}
