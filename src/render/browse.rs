//! Browsing the directory without JavaScript: pre-rendered pages per need, per locality, per age
//! band, and an A to Z of every service, each split into numbered pages as
//! [`crate::content::listings`] says.

use super::directory_views::*;
use super::listing_views::*;
use super::views::{Crumb, PageView, ServiceCard};
use super::{Renderer, template_source};
use crate::content::listings::{Listing, ListingData, OTHER_LETTER, SectionKind, letter_of};
use crate::content::{Need, SERVICES_URL, Service, SourceRef};
use std::collections::BTreeMap;
use tera::Context;

/// One page of a listing.
#[derive(Debug, Clone, Copy)]
pub(super) struct Browse {
    /// Index into the renderer's listings.
    pub list: usize,
    /// The page's number, from 1.
    pub number: usize,
}

/// Every locality of the services, by slug, with the first spelling in sort order.
pub(super) fn localities(services: &[Service]) -> BTreeMap<String, String> {
    crate::content::listings::localities(services)
}

/// The letter shown for an A to Z key: `a` -> `A`, `other` -> `#`.
fn shown_letter(key: &str) -> String {
    if key == OTHER_LETTER { "#".to_string() } else { key.to_uppercase() }
}

/// The anchor of a letter on a one-page A to Z: `letter-a`, `letter-other`.
fn anchor(key: &str) -> String {
    format!("letter-{key}")
}

impl<'a> Renderer<'a> {
    /// Every page of every listing, in a stable order.
    pub(super) fn browse_pages(&self) -> Vec<Browse> {
        self.listings
            .lists
            .iter()
            .enumerate()
            .flat_map(|(list, data)| (1..=data.pages()).map(move |number| Browse { list, number }))
            .collect()
    }

    /// The address of a listing page.
    pub(super) fn browse_url(&self, browse: &Browse) -> String {
        self.listings
            .lists
            .get(browse.list)
            .map_or_else(|| SERVICES_URL.to_string(), |data| data.page_url(browse.number))
    }

    /// Fills `context` for a listing page and returns its template.
    pub(super) fn render_browse(&self, browse: &Browse, url: &str, context: &mut Context) -> (&'static str, SourceRef) {
        let mut crumbs = self.breadcrumbs(SERVICES_URL);
        crumbs.push(Crumb {
            title: self.theme.string("services_title").to_string(),
            url: SERVICES_URL.to_string(),
        });
        let Some(data) = self.listings.lists.get(browse.list) else {
            context.insert("breadcrumbs", &crumbs);
            return ("browse.html", template_source("browse.html"));
        };
        let number = browse.number;
        let (kind, id, name) = match &data.listing {
            Listing::AToZ | Listing::Letter(_) => {
                self.render_a_to_z(data, number, url, crumbs, context);
                return ("a-z.html", template_source("a-z.html"));
            }
            Listing::Need(need) => (
                "need",
                need.id().to_string(),
                self.theme.string(&format!("need_{}", need.id())).to_string(),
            ),
            Listing::Locality { slug, name } => ("locality", slug.clone(), name.clone()),
            Listing::Ages(index) => {
                let (band, from, to) = AGE_BANDS.get(*index).copied().unwrap_or(AGE_BANDS[0]);
                let name = format!("{} {}", self.theme.string("ages_prefix"), super::views::ages_text(from, to));
                ("age", band.to_string(), name)
            }
        };
        let title = self.theme.string(&format!("browse_{kind}_title")).replace("{name}", &name);
        let summary = self.theme.string(&format!("browse_{kind}_summary")).replace("{name}", &name);
        let total = data.pages();
        if number > 1 {
            crumbs.push(Crumb {
                title: title.clone(),
                url: data.page_url(1),
            });
        }
        let shown_title = self.page_title(&title, number, total);
        context.insert("breadcrumbs", &crumbs);
        context.insert(
            "page",
            &PageView::generated("browse", &shown_title, Some(&summary), url, &self.site.config),
        );
        let first = data.page_url(1);
        let sections = data
            .page(number)
            .into_iter()
            .map(|part| {
                let (heading_id, count_id) = section_ids(part.kind);
                let heading = self.section_heading(part.kind, &name);
                // Cards under a section heading have their titles one level lower.
                let level = if heading.is_empty() { 2 } else { 3 };
                SectionView {
                    kind: part.kind.id(),
                    heading,
                    heading_id: heading_id.to_string(),
                    count_id: count_id.to_string(),
                    total: part.total,
                    continued: part.continued,
                    services: part.services.iter().map(|s| ServiceCard::listed(s, level)).collect(),
                }
            })
            .collect();
        let outline = if data.sections.len() > 1 && total > 1 {
            data.outline()
                .into_iter()
                .map(|(kind, count, first_page)| OutlineEntry {
                    heading: self.section_heading(kind, &name),
                    total: count,
                    url: format!("{}#{}", data.page_url(first_page), section_ids(kind).0),
                    first_page,
                })
                .collect()
        } else {
            Vec::new()
        };
        context.insert(
            "browse",
            &BrowseView {
                kind,
                id,
                name,
                count: data.count(),
                sections,
                outline,
                pager: Pager::new(&first, number, total),
            },
        );
        ("browse.html", template_source("browse.html"))
    }

    /// The title of page `number` of `total`: the listing's title, then "(page 2 of 9)".
    fn page_title(&self, title: &str, number: usize, total: usize) -> String {
        if total <= 1 {
            return title.to_string();
        }
        self.theme
            .string("listing_page_title")
            .replace("{title}", title)
            .replace("{number}", &number.to_string())
            .replace("{total}", &total.to_string())
    }

    /// The heading of a section of a listing named `name`.
    fn section_heading(&self, kind: SectionKind, name: &str) -> String {
        let key = match kind {
            SectionKind::Specialist => "browse_need_specialist",
            SectionKind::AllNeeds => "browse_need_all_needs",
            SectionKind::Venue => "browse_venue_in",
            SectionKind::Across => "browse_also_available",
            SectionKind::Listed => return String::new(),
        };
        self.theme
            .string(key)
            .replace("{name}", name)
            .replace("{area}", &self.site.config.area)
    }

    /// Fills `context` for the A to Z: the whole of it on one page, the index of a split one, or
    /// one page of a letter.
    fn render_a_to_z(&self, data: &ListingData<'a>, number: usize, url: &str, mut crumbs: Vec<Crumb>, context: &mut Context) {
        let config = &self.site.config;
        let split = self.listings.split_a_to_z;
        let current = match &data.listing {
            Listing::Letter(key) => Some(key.as_str()),
            _ => None,
        };
        let counts: BTreeMap<String, usize> = if split {
            self.listings.letters().into_iter().map(|(k, n)| (k.to_string(), n)).collect()
        } else {
            let mut counts = BTreeMap::new();
            for section in &data.sections {
                for service in &section.services {
                    *counts.entry(letter_of(&service.record.name)).or_default() += 1;
                }
            }
            counts
        };
        let letters: Vec<LetterLink> = std::iter::once(OTHER_LETTER.to_string())
            .filter(|key| counts.contains_key(key))
            .chain(('a'..='z').map(String::from))
            .map(|key| LetterLink {
                letter: shown_letter(&key),
                anchor: anchor(&key),
                url: crate::content::listings::letter_url(&key),
                used: counts.contains_key(&key),
                current: current == Some(key.as_str()),
                count: counts.get(&key).copied().unwrap_or(0),
            })
            .collect();
        let mut groups: Vec<LetterGroup<'_>> = Vec::new();
        for part in data.page(number) {
            for service in part.services {
                let key = letter_of(&service.record.name);
                if groups.last().is_none_or(|g| g.anchor != anchor(&key)) {
                    groups.push(LetterGroup {
                        letter: shown_letter(&key),
                        anchor: anchor(&key),
                        services: Vec::new(),
                    });
                }
                if let Some(group) = groups.last_mut() {
                    group.services.push(AToZEntry::from(*service));
                }
            }
        }
        let base_title = self.theme.string("a_to_z_title");
        let (title, summary) = match current {
            Some(key) => {
                let letter_title = if key == OTHER_LETTER {
                    self.theme.string("a_to_z_other_title").to_string()
                } else {
                    self.theme.string("a_to_z_letter_title").replace("{letter}", &shown_letter(key))
                };
                crumbs.push(Crumb {
                    title: base_title.to_string(),
                    url: A_TO_Z_URL.to_string(),
                });
                if number > 1 {
                    crumbs.push(Crumb {
                        title: letter_title.clone(),
                        url: data.page_url(1),
                    });
                }
                (
                    self.page_title(&letter_title, number, data.pages()),
                    self.theme.string("a_to_z_letter_summary"),
                )
            }
            None if split => (base_title.to_string(), self.theme.string("a_to_z_index_summary")),
            None => (base_title.to_string(), self.theme.string("a_to_z_summary")),
        };
        context.insert("breadcrumbs", &crumbs);
        context.insert("page", &PageView::generated("a-z", &title, Some(summary), url, config));
        context.insert(
            "a_to_z",
            &AToZView {
                split,
                letters,
                groups,
                count: self.site.services.len(),
                letter: current.map(shown_letter),
                letter_count: data.count(),
                pager: current.and_then(|_| Pager::new(&data.page_url(1), number, data.pages())),
            },
        );
    }

    /// The links to every browsing page, for the directory's front page.
    pub(super) fn browse_links(&self) -> BTreeMap<&'static str, Vec<BrowseLink>> {
        let mut needs = Vec::new();
        let mut places = Vec::new();
        let mut ages = Vec::new();
        for data in &self.listings.lists {
            match &data.listing {
                Listing::Need(need) => needs.push(BrowseLink {
                    id: need.id().to_string(),
                    name: String::new(),
                    url: need_url(need.id()),
                    count: data.count(),
                    broad: need.is_broad_area(),
                }),
                Listing::Locality { slug, name } => places.push(BrowseLink {
                    id: slug.clone(),
                    name: name.clone(),
                    url: locality_url(slug),
                    count: data.count(),
                    broad: false,
                }),
                Listing::Ages(index) => {
                    let (band, from, to) = AGE_BANDS.get(*index).copied().unwrap_or(AGE_BANDS[0]);
                    ages.push(BrowseLink {
                        id: band.to_string(),
                        name: super::views::ages_text(from, to),
                        url: age_band_url(band),
                        count: data.count(),
                        broad: false,
                    });
                }
                Listing::AToZ | Listing::Letter(_) => {}
            }
        }
        [("needs", needs), ("localities", places), ("ages", ages)].into_iter().collect()
    }
}

/// The ids of a section's heading and count on the page.
fn section_ids(kind: SectionKind) -> (&'static str, &'static str) {
    match kind {
        SectionKind::Specialist => ("specialist-heading", "specialist-count"),
        SectionKind::AllNeeds => ("all-needs-heading", "all-needs-count"),
        SectionKind::Venue => ("venue-heading", "venue-count"),
        SectionKind::Across => ("also-available-heading", "also-available-count"),
        SectionKind::Listed => ("result-heading", "result-count"),
    }
}

impl<'a> Renderer<'a> {
    /// The needs and localities of a category's services, for its filters.
    pub(super) fn filter_options(&self, category: &str) -> FilterOptions {
        let services: Vec<&Service> = self.site.services.iter().filter(|s| s.record.category == category).collect();
        let mut needs: Vec<Need> = services.iter().flat_map(|s| s.filter_needs()).filter_map(Need::from_id).collect();
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
