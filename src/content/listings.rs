//! The directory's listing pages for browsing without JavaScript: one per need, per locality and
//! per age band, and the A to Z. This says which services each lists, in which order and sections
//! (specialist services before those open to all needs; venues in a locality before services
//! across the whole area), and how each is split into numbered pages. The clash check (in
//! loading) and the renderer both read it, so every address it makes is known before anything
//! is written.

use super::{Need, NeedMatch, Service, slugify};
use crate::config::listings::ListingsConfig;
use std::collections::{BTreeMap, BTreeSet};

/// Address of the A to Z of services (its index, when it has a page per letter).
pub const A_TO_Z_URL: &str = "/services/a-z/";

/// The age bands families browse by: (id, youngest, oldest).
pub const AGE_BANDS: [(&str, u8, u8); 5] = [
    ("0-4", 0, 4),
    ("5-10", 5, 10),
    ("11-15", 11, 15),
    ("16-19", 16, 19),
    ("20-25", 20, 25),
];

/// The key of the A to Z letter for names that do not start with a letter A to Z.
pub const OTHER_LETTER: &str = "other";

/// Address of the page listing services for a need.
pub fn need_url(id: &str) -> String {
    format!("/services/needs/{id}/")
}

/// Address of the page listing services in a locality.
pub fn locality_url(slug: &str) -> String {
    format!("/services/localities/{slug}/")
}

/// Address of the page listing services for an age band.
pub fn age_band_url(id: &str) -> String {
    format!("/services/ages/{id}/")
}

/// Address of the A to Z page of a letter key (`a` … `z`, or [`OTHER_LETTER`]).
pub fn letter_url(key: &str) -> String {
    format!("{A_TO_Z_URL}{key}/")
}

/// Address of page `number` (from 1) of a listing whose first page is at `first`:
/// `/services/ages/5-10/` and 2 give `/services/ages/5-10/page/2/`.
pub fn page_url(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{number}/")
    }
}

/// The A to Z letter key a name goes under: its first letter or digit decides; `a` … `z`, or
/// [`OTHER_LETTER`] for a digit, a symbol or a letter outside A to Z.
pub fn letter_of(name: &str) -> String {
    match name.trim().chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_lowercase().to_string(),
        _ => OTHER_LETTER.to_string(),
    }
}

/// Every locality of the services, by slug, with the first spelling in sort order.
pub fn localities(services: &[Service]) -> BTreeMap<String, String> {
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

/// One listing: a need, a locality, an age band, the A to Z, or one letter of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    /// Services for a need: specialist services first, then those open to all needs.
    Need(Need),
    /// Services in a locality: those with a venue there, then those across the whole area.
    Locality {
        /// The locality's slug, as in its address.
        slug: String,
        /// The locality's name.
        name: String,
    },
    /// Services for an age band (an index into [`AGE_BANDS`]).
    Ages(usize),
    /// The A to Z: every service, grouped by letter, on one page; or, when the site has more
    /// services than `[listings] a_to_z_one_page`, an index of the letter pages.
    AToZ,
    /// One letter of a split A to Z (`a` … `z`, or [`OTHER_LETTER`]).
    Letter(String),
}

impl Listing {
    /// The address of its first page.
    pub fn url(&self) -> String {
        match self {
            Listing::Need(need) => need_url(need.id()),
            Listing::Locality { slug, .. } => locality_url(slug),
            Listing::Ages(index) => age_band_url(AGE_BANDS.get(*index).map_or("0-4", |b| b.0)),
            Listing::AToZ => A_TO_Z_URL.to_string(),
            Listing::Letter(key) => letter_url(key),
        }
    }

    /// What it is, in words for a diagnostic: "the list of services for autism".
    pub fn describe(&self) -> String {
        match self {
            Listing::Need(need) => format!("the list of services for the need `{}`", need.id()),
            Listing::Locality { name, .. } => format!("the list of services in {name}"),
            Listing::Ages(index) => {
                let (_, from, to) = AGE_BANDS.get(*index).copied().unwrap_or(AGE_BANDS[0]);
                format!("the list of services for ages {from} to {to}")
            }
            Listing::AToZ => "the A to Z of services".to_string(),
            Listing::Letter(key) if key == OTHER_LETTER => "the A to Z page of names starting with a number or symbol".to_string(),
            Listing::Letter(key) => format!("the A to Z page of the letter {}", key.to_uppercase()),
        }
    }
}

/// A part of a listing, with its own heading on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Services specifically for the need.
    Specialist,
    /// Services open to all needs.
    AllNeeds,
    /// Services with a venue in the locality.
    Venue,
    /// Services available across the whole area without a venue in the locality.
    Across,
    /// The whole list (age bands, the A to Z): no heading of its own.
    Listed,
}

impl SectionKind {
    /// Its id, for templates.
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Specialist => "specialist",
            SectionKind::AllNeeds => "all-needs",
            SectionKind::Venue => "venue",
            SectionKind::Across => "across",
            SectionKind::Listed => "listed",
        }
    }
}

/// A section of a listing and its services, by name.
#[derive(Debug, Clone)]
pub struct Section<'s> {
    /// Which part it is.
    pub kind: SectionKind,
    /// Its services, by name.
    pub services: Vec<&'s Service>,
}

/// The part of a section on one page.
#[derive(Debug, Clone)]
pub struct PageSection<'l, 's> {
    /// Which part it is.
    pub kind: SectionKind,
    /// How many services the whole section has (on every page).
    pub total: usize,
    /// The page its first service is on.
    pub first_page: usize,
    /// True when it began on an earlier page.
    pub continued: bool,
    /// Its services on this page.
    pub services: &'l [&'s Service],
}

/// A listing with its services, split into pages.
#[derive(Debug, Clone)]
pub struct ListingData<'s> {
    /// Which listing.
    pub listing: Listing,
    /// Its sections, in order (empty ones left out).
    pub sections: Vec<Section<'s>>,
    /// Services per page.
    pub per_page: usize,
}

impl<'s> ListingData<'s> {
    fn new(listing: Listing, sections: Vec<Section<'s>>, per_page: usize) -> Self {
        ListingData {
            listing,
            sections: sections.into_iter().filter(|s| !s.services.is_empty()).collect(),
            per_page: per_page.max(1),
        }
    }

    /// How many services it lists.
    pub fn count(&self) -> usize {
        self.sections.iter().map(|s| s.services.len()).sum()
    }

    /// How many pages it has (at least 1, which says when there is nothing).
    pub fn pages(&self) -> usize {
        self.count().div_ceil(self.per_page).max(1)
    }

    /// What page `number` (from 1) is, in words for a diagnostic: "page 2 of the A to Z".
    pub fn describe_page(&self, number: usize) -> String {
        let what = self.listing.describe();
        if number <= 1 { what } else { format!("page {number} of {what}") }
    }

    /// The address of page `number` (from 1).
    pub fn page_url(&self, number: usize) -> String {
        page_url(&self.listing.url(), number)
    }

    /// The sections on page `number` (from 1), each with the services that fall on it.
    pub fn page(&self, number: usize) -> Vec<PageSection<'_, 's>> {
        let start = number.saturating_sub(1) * self.per_page;
        let end = start + self.per_page;
        let mut offset = 0;
        let mut parts = Vec::new();
        for section in &self.sections {
            let (from, to) = (offset, offset + section.services.len());
            offset = to;
            if to <= start || from >= end {
                continue;
            }
            let (take_from, take_to) = (start.max(from) - from, end.min(to) - from);
            parts.push(PageSection {
                kind: section.kind,
                total: section.services.len(),
                first_page: from / self.per_page + 1,
                continued: from < start,
                services: &section.services[take_from..take_to],
            });
        }
        parts
    }

    /// Each section with the page it starts on: (kind, how many services, first page).
    pub fn outline(&self) -> Vec<(SectionKind, usize, usize)> {
        let mut offset = 0;
        self.sections
            .iter()
            .map(|section| {
                let first = offset / self.per_page + 1;
                offset += section.services.len();
                (section.kind, section.services.len(), first)
            })
            .collect()
    }
}

/// Every listing of a site.
#[derive(Debug, Clone)]
pub struct Listings<'s> {
    /// The listings, in a stable order: needs, localities, age bands, the A to Z, its letters.
    pub lists: Vec<ListingData<'s>>,
    /// True when the A to Z has a page per letter.
    pub split_a_to_z: bool,
}

impl<'s> Listings<'s> {
    /// The listings of `services`, split as `config` says.
    pub fn new(services: &'s [Service], config: &ListingsConfig) -> Self {
        let mut ordered: Vec<&Service> = services.iter().collect();
        ordered.sort_by_cached_key(|s| (s.record.name.to_lowercase(), s.id.clone()));
        let mut lists = Vec::new();

        for need in Need::ALL.into_iter().filter(|n| *n != Need::All) {
            let (mut specialist, mut all_needs) = (Vec::new(), Vec::new());
            for &service in &ordered {
                match service.need_match(need) {
                    Some(NeedMatch::Specialist) => specialist.push(service),
                    Some(NeedMatch::AllNeeds) => all_needs.push(service),
                    None => {}
                }
            }
            let sections = vec![
                Section {
                    kind: SectionKind::Specialist,
                    services: specialist,
                },
                Section {
                    kind: SectionKind::AllNeeds,
                    services: all_needs,
                },
            ];
            lists.push(ListingData::new(Listing::Need(need), sections, config.per_page));
        }

        let places = localities(services);
        let mut venue: Vec<Vec<&Service>> = vec![Vec::new(); places.len()];
        let mut across: Vec<Vec<&Service>> = vec![Vec::new(); places.len()];
        for &service in &ordered {
            let slugs: BTreeSet<String> = service.localities().into_iter().map(slugify).collect();
            let whole = service.covers_whole_area();
            for (index, slug) in places.keys().enumerate() {
                if slugs.contains(slug) {
                    venue[index].push(service);
                } else if whole {
                    across[index].push(service);
                }
            }
        }
        for ((slug, name), (there, wide)) in places.into_iter().zip(venue.into_iter().zip(across)) {
            let sections = vec![
                Section {
                    kind: SectionKind::Venue,
                    services: there,
                },
                Section {
                    kind: SectionKind::Across,
                    services: wide,
                },
            ];
            lists.push(ListingData::new(Listing::Locality { slug, name }, sections, config.per_page));
        }

        for (index, (_, from, to)) in AGE_BANDS.iter().enumerate() {
            let listed: Vec<&Service> = ordered
                .iter()
                .copied()
                .filter(|s| s.record.ages.from <= *to && s.record.ages.to >= *from)
                .collect();
            let sections = vec![Section {
                kind: SectionKind::Listed,
                services: listed,
            }];
            lists.push(ListingData::new(Listing::Ages(index), sections, config.per_page));
        }

        let split_a_to_z = ordered.len() > config.a_to_z_one_page;
        if split_a_to_z {
            lists.push(ListingData::new(Listing::AToZ, Vec::new(), 1));
            let mut letters: BTreeMap<String, Vec<&Service>> = BTreeMap::new();
            for &service in &ordered {
                letters.entry(letter_of(&service.record.name)).or_default().push(service);
            }
            // Names that start with a number or symbol come first, as on the letter navigation.
            let other = letters.remove(OTHER_LETTER).map(|list| (OTHER_LETTER.to_string(), list));
            for (key, list) in other.into_iter().chain(letters) {
                let sections = vec![Section {
                    kind: SectionKind::Listed,
                    services: list,
                }];
                lists.push(ListingData::new(Listing::Letter(key), sections, config.a_to_z_per_page));
            }
        } else {
            let count = ordered.len();
            let sections = vec![Section {
                kind: SectionKind::Listed,
                services: ordered,
            }];
            lists.push(ListingData::new(Listing::AToZ, sections, count));
        }
        Listings { lists, split_a_to_z }
    }

    /// Every page of every listing: (address, listing, page number).
    pub fn pages(&self) -> impl Iterator<Item = (String, &ListingData<'s>, usize)> {
        self.lists
            .iter()
            .flat_map(|list| (1..=list.pages()).map(move |number| (list.page_url(number), list, number)))
    }

    /// Every address the listings use, with what is there in words (for the clash check).
    pub fn routes(&self) -> Vec<(String, String)> {
        self.pages().map(|(url, list, number)| (url, list.describe_page(number))).collect()
    }

    /// The letter pages of a split A to Z: (key, how many services).
    pub fn letters(&self) -> Vec<(&str, usize)> {
        self.lists
            .iter()
            .filter_map(|list| match &list.listing {
                Listing::Letter(key) => Some((key.as_str(), list.count())),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{FieldPositions, ServiceRecord, SourceRef};

    fn service(name: &str, needs: &[&str], ages: (u8, u8), locality: Option<&str>) -> Service {
        let place = match locality {
            Some(l) => serde_json::json!({ "address": "Hall", "locality": l }),
            None => serde_json::json!({ "online": true }),
        };
        let record: ServiceRecord = serde_json::from_value(serde_json::json!({
            "name": name, "category": "short-breaks", "summary": "S.", "provider": "P",
            "ages": { "from": ages.0, "to": ages.1 }, "access": ["self-referral"], "cost": "Free",
            "contact": { "phone": "0121 496 0000" }, "where": place, "last_reviewed": "2026-09-01",
            "needs": needs,
        }))
        .unwrap();
        let id = slugify(name);
        Service {
            source: SourceRef {
                file: "content/services/x.yaml".into(),
                line: 1,
                column: 1,
            },
            url: format!("/services/{id}/"),
            id,
            record,
            description_first_line: 0,
            description_start: (0, 0),
            fields: FieldPositions::default(),
        }
    }

    fn names<'a>(services: &[&'a Service]) -> Vec<&'a str> {
        services.iter().map(|s| s.record.name.as_str()).collect()
    }

    #[test]
    fn need_pages_put_specialist_services_first() {
        let services = vec![
            service("Zebra autism group", &["autism"], (5, 10), Some("Bloxwich")),
            service("Anyone club", &["all"], (5, 10), Some("Bloxwich")),
            service("Broad talk", &["communication-and-interaction"], (5, 10), Some("Bloxwich")),
            service("Both", &["all", "autism"], (5, 10), Some("Bloxwich")),
            service("Reading help", &["specific-learning-difficulty"], (5, 10), Some("Bloxwich")),
        ];
        assert_eq!(services[1].need_match(Need::Autism), Some(NeedMatch::AllNeeds));
        assert_eq!(services[3].need_match(Need::Autism), Some(NeedMatch::Specialist));
        assert_eq!(services[4].need_match(Need::Autism), None);
        assert_eq!(
            services[0].need_match(Need::CommunicationAndInteraction),
            Some(NeedMatch::Specialist),
            "a broad area lists its specific needs' services as specialist"
        );
        let listings = Listings::new(&services, &ListingsConfig::default());
        let autism = listings.lists.iter().find(|l| l.listing == Listing::Need(Need::Autism)).unwrap();
        assert_eq!(autism.sections[0].kind, SectionKind::Specialist);
        assert_eq!(names(&autism.sections[0].services), ["Both", "Broad talk", "Zebra autism group"]);
        assert_eq!(autism.sections[1].kind, SectionKind::AllNeeds);
        assert_eq!(names(&autism.sections[1].services), ["Anyone club"]);
    }

    #[test]
    fn pages_split_across_sections_and_keep_their_counts() {
        let services: Vec<Service> = (0..7)
            .map(|i| service(&format!("Special {i}"), &["autism"], (5, 10), Some("Bloxwich")))
            .chain((0..5).map(|i| service(&format!("Open {i}"), &["all"], (5, 10), Some("Bloxwich"))))
            .collect();
        let config = ListingsConfig {
            per_page: 5,
            ..ListingsConfig::default()
        };
        let listings = Listings::new(&services, &config);
        let autism = listings.lists.iter().find(|l| l.listing == Listing::Need(Need::Autism)).unwrap();
        assert_eq!((autism.count(), autism.pages()), (12, 3));
        assert_eq!(autism.page_url(1), "/services/needs/autism/");
        assert_eq!(autism.page_url(3), "/services/needs/autism/page/3/");
        let second = autism.page(2);
        assert_eq!(second.len(), 2);
        assert_eq!(
            (second[0].kind, second[0].total, second[0].services.len(), second[0].continued),
            (SectionKind::Specialist, 7, 2, true)
        );
        assert_eq!(
            (second[1].kind, second[1].total, second[1].services.len(), second[1].continued),
            (SectionKind::AllNeeds, 5, 3, false)
        );
        assert_eq!(second[1].first_page, 2);
        assert_eq!(autism.page(3)[0].services.len(), 2);
        assert_eq!(
            autism.outline(),
            vec![(SectionKind::Specialist, 7, 1), (SectionKind::AllNeeds, 5, 2)]
        );
        let hearing = listings.lists.iter().find(|l| l.listing == Listing::Need(Need::Hearing)).unwrap();
        assert_eq!(
            (hearing.count(), hearing.sections.len(), hearing.sections[0].kind),
            (5, 1, SectionKind::AllNeeds)
        );
        let empty = listings.lists.iter().find(|l| l.listing == Listing::Ages(4)).unwrap();
        assert_eq!((empty.count(), empty.pages(), empty.page(1).len()), (0, 1, 0));
    }

    #[test]
    fn the_a_to_z_splits_by_letter_when_big() {
        let services = vec![
            service("apple", &[], (0, 25), None),
            service("Banana", &[], (0, 25), None),
            service("2nd chance", &[], (0, 25), None),
            service("Avocado", &[], (0, 25), None),
        ];
        let small = Listings::new(&services, &ListingsConfig::default());
        assert!(!small.split_a_to_z);
        let whole = small.lists.iter().find(|l| l.listing == Listing::AToZ).unwrap();
        assert_eq!(names(&whole.sections[0].services), ["2nd chance", "apple", "Avocado", "Banana"]);
        assert_eq!(whole.pages(), 1);
        let config = ListingsConfig {
            a_to_z_one_page: 3,
            a_to_z_per_page: 1,
            ..ListingsConfig::default()
        };
        let big = Listings::new(&services, &config);
        assert!(big.split_a_to_z);
        assert_eq!(big.letters(), [("other", 1), ("a", 2), ("b", 1)]);
        let routes: Vec<String> = big
            .routes()
            .into_iter()
            .map(|(url, _)| url)
            .filter(|u| u.starts_with(A_TO_Z_URL))
            .collect();
        assert_eq!(
            routes,
            [
                "/services/a-z/",
                "/services/a-z/other/",
                "/services/a-z/a/",
                "/services/a-z/a/page/2/",
                "/services/a-z/b/"
            ]
        );
        assert!(
            big.routes()
                .iter()
                .any(|(_, what)| what == "page 2 of the A to Z page of the letter A")
        );
    }

    #[test]
    fn locality_pages_list_venues_then_the_whole_area() {
        let services = vec![
            service("Hall club", &[], (0, 25), Some("Bloxwich")),
            service("Chat line", &[], (0, 25), None),
            service("Other hall", &[], (0, 25), Some("Willenhall")),
        ];
        let listings = Listings::new(&services, &ListingsConfig::default());
        let bloxwich = listings
            .lists
            .iter()
            .find(|l| matches!(&l.listing, Listing::Locality { slug, .. } if slug == "bloxwich"))
            .unwrap();
        assert_eq!(names(&bloxwich.sections[0].services), ["Hall club"]);
        assert_eq!(bloxwich.sections[1].kind, SectionKind::Across);
        assert_eq!(names(&bloxwich.sections[1].services), ["Chat line"]);
    }

    #[test]
    fn letters_and_page_addresses() {
        assert_eq!(letter_of("  speech"), "s");
        assert_eq!(letter_of("2nd chance"), OTHER_LETTER);
        assert_eq!(letter_of("Éclair"), OTHER_LETTER);
        assert_eq!(page_url("/services/ages/5-10/", 1), "/services/ages/5-10/");
        assert_eq!(page_url("/services/ages/5-10/", 4), "/services/ages/5-10/page/4/");
    }
}
