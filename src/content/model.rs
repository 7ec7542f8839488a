//! The typed content: what authors write, after it has been read and checked for shape.

use super::Date;
use crate::config::SiteConfig;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where something was written: file (relative to the site root), line and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceRef {
    /// Path relative to the site root, `/`-separated.
    pub file: String,
    /// 1-based line (0 when the whole file is meant).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
}

/// Whether something is published.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Shown on the site.
    #[default]
    Published,
    /// Shown only with `--drafts` (and in the preview), with a banner.
    Draft,
}

/// Who a page is mainly written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Parents and carers.
    ParentsCarers,
    /// Children and young people.
    YoungPeople,
    /// Professionals such as teachers, health workers and social workers.
    Professionals,
}

/// How a family gets into a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    /// The family can contact the service themselves.
    SelfReferral,
    /// A professional must refer the child or young person.
    ProfessionalReferral,
    /// Through an Education, Health and Care plan.
    Ehcp,
    /// Drop in without an appointment.
    DropIn,
}

/// The front matter of a Markdown page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    /// The page's title (its `<h1>`).
    pub title: String,
    /// One or two plain sentences about the page.
    pub summary: String,
    /// When the content was last checked.
    pub last_reviewed: Date,
    /// When it must next be checked (default: `last_reviewed` plus the review cycle).
    #[serde(default)]
    pub next_review: Option<Date>,
    /// Who keeps the page up to date (not published).
    pub owner: String,
    /// Published or draft.
    #[serde(default)]
    pub status: Status,
    /// Who the page is for.
    #[serde(default)]
    pub audience: Vec<Audience>,
    /// Topic ids the page covers.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Position among sibling pages, lowest first.
    #[serde(default)]
    pub order: Option<i64>,
    /// A plain-language profile, or higher limits with a reason.
    #[serde(default)]
    pub plain_language: Option<crate::config::plain_language::PagePlainLanguage>,
    /// What kind of document it is (default `page`; `short-breaks-statement` for the statement).
    #[serde(default, rename = "type")]
    pub page_type: PageType,
    /// Set for a news item (`content/news/*.md`): its date and attachments.
    #[serde(skip)]
    pub news: Option<super::news::NewsInfo>,
    /// Old addresses of this page (on the site it replaced, or before it moved): each one is
    /// published as a redirect to it (see [`crate::output::redirects`]).
    #[serde(default)]
    pub redirects: Vec<String>,
    /// Where each of `redirects` is written in the file (1-based line and column).
    #[serde(skip)]
    pub redirect_positions: Vec<(usize, usize)>,
    /// For a translation (`x.pl.md`): the day it was translated, compared with the
    /// `last_reviewed` date of the page it translates.
    #[serde(default)]
    pub translated: Option<Date>,
    /// For a translation: who translated it (a person, a service or a company; not published).
    #[serde(default)]
    pub translator: Option<String>,
}

/// What kind of document a page is: most are ordinary pages; some are documents the law asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageType {
    /// An ordinary page.
    #[default]
    Page,
    /// The Short Breaks Services Statement (Breaks for Carers of Disabled Children Regulations
    /// 2011, reg 4): it must not go past its review date.
    ShortBreaksStatement,
}

/// A Markdown page of the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Where the page was written.
    pub source: SourceRef,
    /// Site address, e.g. `/advice/ehc-needs-assessment/`.
    pub url: String,
    /// Its front matter.
    pub meta: PageMeta,
    /// The Markdown body.
    pub body: String,
    /// 1-based line of the file where the body starts.
    pub body_first_line: usize,
    /// The tag from `[[languages]]` when the page is a translation (`x.pl.md`); `None` for a page
    /// in the site's main language.
    pub language: Option<String>,
}

/// Ages a service is for, in whole years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ages {
    /// Youngest age.
    pub from: u8,
    /// Oldest age.
    pub to: u8,
}

/// Ways to contact a service.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContactDetails {
    /// Phone number as families should dial it.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Web address for contact (may differ from the provider's page).
    #[serde(default)]
    pub website: Option<String>,
}

/// Where a service happens.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Street address.
    #[serde(default)]
    pub address: Option<String>,
    /// Postcode.
    #[serde(default)]
    pub postcode: Option<String>,
    /// Locality (the part of the area), e.g. "Bloxwich".
    #[serde(default)]
    pub locality: Option<String>,
    /// True when the service is (also) offered online or by phone.
    #[serde(default)]
    pub online: bool,
    /// The venue's name, when it has one and it is not in the address.
    #[serde(default)]
    pub name: Option<String>,
    /// What the venue has for disabled people: wheelchair, hearing-loop, changing-places, …
    #[serde(default)]
    pub accessibility: Vec<super::AccessFeature>,
    /// More about access to the venue, in words.
    #[serde(default)]
    pub accessibility_notes: Option<String>,
    /// The venue's latitude in degrees, when its postcode or locality is not exact enough.
    #[serde(default)]
    pub latitude: Option<f64>,
    /// The venue's longitude in degrees (negative west of Greenwich).
    #[serde(default)]
    pub longitude: Option<f64>,
    /// Where the build put it on the map (from the places file; see [`super::places`]).
    #[serde(skip)]
    pub located: Option<super::places::Located>,
}

/// The fields of one service, as written in YAML or front matter.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceRecord {
    /// Optional id (default: made from the name); the address is `/services/<id>/`.
    #[serde(default)]
    pub id: Option<String>,
    /// The service's id in the directory it was imported from (an Open Referral `id`); kept so a
    /// re-import updates this service and the feed can publish the same id.
    #[serde(default)]
    pub source_id: Option<String>,
    /// The service's name.
    pub name: String,
    /// Category id from `site.toml`.
    pub category: String,
    /// An overview in a few plain sentences.
    pub summary: String,
    /// Who runs it.
    pub provider: String,
    /// The provider's own page about the service: the source of truth.
    #[serde(default)]
    pub provider_website: Option<String>,
    /// Ages it is for, within 0–25.
    pub ages: Ages,
    /// Who can use it, in words.
    #[serde(default)]
    pub eligibility: Option<String>,
    /// How to get it.
    pub access: Vec<Access>,
    /// What it costs, in words.
    pub cost: String,
    /// How to get in touch.
    pub contact: ContactDetails,
    /// Where it happens.
    #[serde(rename = "where")]
    pub place: Place,
    /// When it happens, in words.
    #[serde(default)]
    pub when: Option<String>,
    /// When the entry was last checked.
    pub last_reviewed: Date,
    /// When it must next be checked.
    #[serde(default)]
    pub next_review: Option<Date>,
    /// Who keeps the entry up to date (never published).
    #[serde(default)]
    pub owner: Option<String>,
    /// Published or draft.
    #[serde(default)]
    pub status: Status,
    /// Longer Markdown description (YAML form; the Markdown form uses the body).
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is running (ORUK `status`): active, temporarily-closed or inactive.
    #[serde(default)]
    pub service_status: super::ServiceStatus,
    /// The needs it is for: broad areas of need and more specific terms.
    #[serde(default)]
    pub needs: Vec<super::Need>,
    /// How to apply or get a place, in words (ORUK `application_process`).
    #[serde(default)]
    pub application_process: Option<String>,
    /// True when it costs nothing.
    #[serde(default)]
    pub free: bool,
    /// Prices, when it is not free.
    #[serde(default)]
    pub cost_options: Vec<super::CostOption>,
    /// Regular sessions and dated events.
    #[serde(default)]
    pub schedules: Vec<super::Schedule>,
    /// Other venues besides the one under `where:`.
    #[serde(default)]
    pub locations: Vec<Place>,
    /// The area it covers, in words, e.g. "All of Walsall".
    #[serde(default)]
    pub service_area: Option<String>,
    /// Languages staff can use besides English, e.g. Punjabi, British Sign Language.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Who checked the entry is right (an email address; never published).
    #[serde(default)]
    pub assurer: Option<String>,
    /// A few short sentences about the service in easy read, shown on its page.
    #[serde(default)]
    pub easy_read_summary: Option<String>,
    /// The summary in other languages, by a tag listed under `[[languages]]` in `site.toml`:
    /// `translations: { pl: { summary: ... } }`, shown on the service's page.
    #[serde(default)]
    pub translations: BTreeMap<String, ServiceTranslation>,
}

/// A service's text in another language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceTranslation {
    /// The summary, translated (an empty one, as the browser editor may write, is left out).
    #[serde(default)]
    pub summary: String,
}

/// A service in the directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Where it was written (the list item, or the Markdown file).
    pub source: SourceRef,
    /// Its id, unique in the site.
    pub id: String,
    /// Site address, `/services/<id>/`.
    pub url: String,
    /// Its fields.
    pub record: ServiceRecord,
    /// 1-based line where the Markdown description starts (for diagnostics inside it).
    pub description_first_line: usize,
    /// Where the Markdown text of the description itself is: the 1-based line of its first line
    /// and the columns of indentation in front of every line (a `description: |` block in YAML).
    /// The line is 0 when not known; then `description_first_line` is used.
    pub description_start: (usize, usize),
    /// Where each of its fields' values is written, found once when the file was read, so each
    /// check points at the field to fix.
    pub fields: FieldPositions,
}

/// The 1-based line and column of each field of a record, by its path: `category`, `ages.from`,
/// `contact.phone`, `schedules.0.opens_at` (list items by their 0-based number). The paths follow
/// from how many schedules, venues and prices the record has, so only the positions are kept, in
/// the order of [`FieldPositions::paths`] (a large directory has tens of thousands of services).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPositions {
    /// How many schedules, other venues (`locations`) and prices (`cost_options`) the record had.
    shape: [usize; 3],
    /// Line and column of each path, in order.
    at: Vec<(u32, u32)>,
}

/// The fields of a service whose positions are recorded, besides those of its schedules, venues
/// and prices.
const RECORDED_FIELDS: &[&str] = &[
    "id",
    "name",
    "category",
    "summary",
    "provider",
    "provider_website",
    "ages",
    "ages.from",
    "ages.to",
    "access",
    "cost",
    "free",
    "contact",
    "contact.phone",
    "contact.email",
    "contact.website",
    "last_reviewed",
    "next_review",
    "cost_options",
    "schedules",
];

impl FieldPositions {
    /// No positions yet, for the fields `record` has.
    pub fn for_record(record: &ServiceRecord) -> Self {
        FieldPositions {
            shape: [record.schedules.len(), record.locations.len(), record.cost_options.len()],
            at: Vec::new(),
        }
    }

    /// Every recorded path, in order.
    pub fn paths(&self) -> impl Iterator<Item = std::borrow::Cow<'static, str>> + '_ {
        use std::borrow::Cow;
        let [schedules, locations, prices] = self.shape;
        let fixed = RECORDED_FIELDS.iter().map(|f| Cow::Borrowed(*f));
        let schedule_paths = (0..schedules).flat_map(|i| {
            std::iter::once(format!("schedules.{i}"))
                .chain(["days", "date", "until", "opens_at", "closes_at"].map(|f| format!("schedules.{i}.{f}")))
        });
        let venues = std::iter::once("where".to_string()).chain((0..locations).map(|i| format!("locations.{i}")));
        let venue_paths =
            venues.flat_map(|venue| ["", ".postcode", ".locality", ".latitude", ".longitude"].map(move |f| format!("{venue}{f}")));
        let price_paths = (0..prices).flat_map(|i| [format!("cost_options.{i}"), format!("cost_options.{i}.amount")]);
        fixed.chain(schedule_paths.chain(venue_paths).chain(price_paths).map(Cow::Owned))
    }

    /// Records the position of every path, as `find` gives it.
    pub fn fill(&mut self, mut find: impl FnMut(&str) -> (usize, usize)) {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let at: Vec<(u32, u32)> = self
            .paths()
            .map(|path| {
                let (line, column) = find(&path);
                (small(line), small(column))
            })
            .collect();
        self.at = at;
    }

    /// Where the field at `path` is, if it was recorded.
    pub fn get(&self, path: &str) -> Option<(usize, usize)> {
        let index = self.paths().position(|p| p == path)?;
        self.at.get(index).map(|&(line, column)| (line as usize, column as usize))
    }
}

/// A contact block, such as SENDIASS, from `content/contacts/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContactBlock {
    /// Set from the file name.
    #[serde(skip_deserializing)]
    pub id: String,
    /// The service's name.
    pub name: String,
    /// Heading shown on the page (default: the name).
    #[serde(default)]
    pub heading: Option<String>,
    /// Who runs it.
    #[serde(default)]
    pub operator: Option<String>,
    /// What it offers, in plain words.
    pub summary: String,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Web address.
    #[serde(default)]
    pub website: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// Opening hours.
    #[serde(default)]
    pub hours: Option<String>,
    /// What it offers in easy read (short sentences), shown instead of the summary on easy-read pages.
    #[serde(default)]
    pub easy_read_summary: Option<String>,
}

/// A term in the glossary.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    /// The word or acronym.
    pub term: String,
    /// What an acronym stands for.
    #[serde(default)]
    pub stands_for: Option<String>,
    /// Its meaning in plain words.
    pub meaning: String,
}

/// Everything loaded from a site folder.
#[derive(Debug, Clone)]
pub struct Site {
    /// `site.toml`.
    pub config: SiteConfig,
    /// Markdown pages, sorted by address.
    pub pages: Vec<Page>,
    /// Services, sorted by id.
    pub services: Vec<Service>,
    /// Contact blocks by id.
    pub contacts: BTreeMap<String, ContactBlock>,
    /// Glossary terms, sorted by term.
    pub glossary: Vec<GlossaryTerm>,
    /// "You said, we did", from `content/you-said-we-did.yaml`, if there is one.
    pub you_said_we_did: Option<super::YouSaidWeDid>,
    /// The text of `site.toml` and of every content file read, so checks need not read them again.
    pub sources: super::SourceTexts,
    /// The localities, postcode districts and postcodes of `content/places.yaml` and its extracts
    /// (empty when the site has none), by which every venue was put on the map.
    pub places: super::places::Places,
}

impl Page {
    /// The review date that applies: `next_review`, or `last_reviewed` plus the cycle.
    pub fn next_review(&self, config: &SiteConfig) -> Date {
        self.meta
            .next_review
            .unwrap_or_else(|| self.meta.last_reviewed.add_months(config.review_cycle_months))
    }
}

impl Service {
    /// Line and column of the field at `path` (see [`FieldPositions`]), or of the service itself
    /// when the field is not written.
    pub fn at(&self, path: &str) -> (usize, usize) {
        self.fields.get(path).unwrap_or((self.source.line, self.source.column))
    }

    /// The review date that applies: `next_review`, or `last_reviewed` plus the cycle.
    pub fn next_review(&self, config: &SiteConfig) -> Date {
        self.record
            .next_review
            .unwrap_or_else(|| self.record.last_reviewed.add_months(config.review_cycle_months))
    }

    /// Every venue: the one under `where:`, then `locations:`.
    pub fn places(&self) -> impl Iterator<Item = &Place> {
        std::iter::once(&self.record.place).chain(self.record.locations.iter())
    }

    /// The localities of its venues, sorted, without repeats.
    pub fn localities(&self) -> Vec<&str> {
        let mut found: Vec<&str> = self
            .places()
            .filter_map(|p| p.locality.as_deref())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// How it reaches families when it is available across the whole area, or `None` when it is
    /// only at its venues. With no venue in any locality: [`Reach::Home`] when its address says
    /// it visits at home ("Home visits", "At home"), else [`Reach::Online`] when it is online or
    /// by phone, else [`Reach::Area`]. With a venue in a locality: [`Reach::Area`] when it names
    /// a service area ("All of Walsall").
    pub fn reach(&self) -> Option<Reach> {
        if self.localities().is_empty() {
            return Some(if self.places().any(says_home) {
                Reach::Home
            } else if self.is_online() {
                Reach::Online
            } else {
                Reach::Area
            });
        }
        let has_area = self.record.service_area.as_deref().is_some_and(|a| !a.trim().is_empty());
        has_area.then_some(Reach::Area)
    }

    /// True when families anywhere in the area can use it, so it matches every locality.
    pub fn covers_whole_area(&self) -> bool {
        self.reach().is_some()
    }

    /// True when it is available in the locality with this slug: a venue there, or it covers the
    /// whole area.
    pub fn available_in(&self, locality_slug: &str) -> bool {
        self.has_venue_in(locality_slug) || self.covers_whole_area()
    }

    /// True when one of its venues is in the locality with this slug.
    pub fn has_venue_in(&self, locality_slug: &str) -> bool {
        self.localities().iter().any(|l| super::slugify(l) == locality_slug)
    }

    /// True when it costs nothing: `free: true`, or no prices and a cost that says "free".
    pub fn is_free(&self) -> bool {
        self.record.free || (self.record.cost_options.is_empty() && self.record.cost.trim().eq_ignore_ascii_case("free"))
    }

    /// True when it can be used online or by phone.
    pub fn is_online(&self) -> bool {
        self.places().any(|p| p.online)
    }

    /// True when it has a venue people go to.
    pub fn is_in_person(&self) -> bool {
        self.places()
            .any(|p| p.address.is_some() || p.postcode.is_some() || p.locality.is_some())
    }
}

/// True when a venue's address says the service comes to the family's home: the word "home"
/// in it ("Home visits", "At home, in hospital"), not "homes" ("carers' homes").
fn says_home(place: &Place) -> bool {
    place.address.as_deref().is_some_and(|address| {
        address
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.eq_ignore_ascii_case("home"))
    })
}

/// How a service that covers the whole area reaches families (its card says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// It names a service area, or has venues we cannot place: "Covers all of Walsall".
    Area,
    /// No venue: it comes to the family's home.
    Home,
    /// Online or by phone.
    Online,
}

impl Reach {
    /// Id for the theme strings (`reach_<id>`) and the filters.
    pub fn id(self) -> &'static str {
        match self {
            Reach::Area => "area",
            Reach::Home => "home",
            Reach::Online => "online",
        }
    }
}

/// The address of a service category page.
pub fn category_url(id: &str) -> String {
    format!("/services/{id}/")
}

/// The address of the service directory.
pub const SERVICES_URL: &str = "/services/";
/// The address of the glossary page.
pub const GLOSSARY_URL: &str = "/glossary/";

#[cfg(test)]
mod whole_area_tests {
    use super::*;

    /// A service with this `where:` (JSON) and service area.
    fn service(place: serde_json::Value, service_area: Option<&str>) -> Service {
        let record: ServiceRecord = serde_json::from_value(serde_json::json!({
            "name": "A service", "category": "short-breaks", "summary": "S.", "provider": "P",
            "ages": { "from": 0, "to": 18 }, "access": ["self-referral"], "cost": "Free",
            "contact": { "phone": "0121 496 0000" }, "where": place, "last_reviewed": "2026-09-01",
            "service_area": service_area,
        }))
        .unwrap();
        Service {
            source: SourceRef {
                file: "content/services/x.yaml".into(),
                line: 1,
                column: 1,
            },
            id: "a-service".into(),
            url: "/services/a-service/".into(),
            record,
            description_first_line: 0,
            description_start: (0, 0),
            fields: FieldPositions::default(),
        }
    }

    #[test]
    fn a_venue_only_service_is_only_in_its_locality() {
        let s = service(serde_json::json!({ "address": "Hall", "locality": "Bloxwich" }), None);
        assert_eq!(s.reach(), None);
        assert!(s.available_in("bloxwich"));
        assert!(!s.available_in("willenhall"));
    }

    #[test]
    fn a_service_area_covers_every_locality_and_keeps_its_venue() {
        let s = service(
            serde_json::json!({ "address": "Hall", "locality": "Bloxwich" }),
            Some("All of Walsall"),
        );
        assert_eq!(s.reach(), Some(Reach::Area));
        assert!(s.has_venue_in("bloxwich") && !s.has_venue_in("willenhall"));
        assert!(s.available_in("willenhall"));
        // A blank service area is no area.
        let blank = service(serde_json::json!({ "locality": "Bloxwich" }), Some("  "));
        assert_eq!(blank.reach(), None);
    }

    #[test]
    fn without_a_venue_in_any_locality_it_is_at_home_online_or_across_the_area() {
        let home = service(serde_json::json!({ "address": "Home visits, and visits to nurseries" }), None);
        assert_eq!(home.reach(), Some(Reach::Home));
        let at_home = service(serde_json::json!({ "address": "At home, in hospital", "online": true }), None);
        assert_eq!(at_home.reach(), Some(Reach::Home));
        let online = service(serde_json::json!({ "online": true }), None);
        assert_eq!(online.reach(), Some(Reach::Online));
        let carers = service(serde_json::json!({ "address": "In carers' homes across Walsall" }), None);
        assert_eq!(carers.reach(), Some(Reach::Area), "`homes` is not the family's home");
        for s in [home, online, carers] {
            assert!(s.available_in("bloxwich") && !s.has_venue_in("bloxwich"));
        }
    }
}

#[cfg(test)]
mod field_position_tests {
    use super::*;

    #[test]
    fn each_path_finds_the_position_recorded_for_it() {
        let record: ServiceRecord = serde_json::from_value(serde_json::json!({
            "name": "A", "category": "c", "summary": "S.", "provider": "P", "ages": { "from": 0, "to": 18 },
            "access": ["self-referral"], "cost": "Free", "contact": { "phone": "0121 496 0000" },
            "where": { "online": true }, "last_reviewed": "2026-09-01",
            "schedules": [{ "days": ["monday"] }, { "days": ["friday"] }],
            "locations": [{ "address": "Hall" }],
        }))
        .unwrap();
        let mut positions = FieldPositions::for_record(&record);
        let paths: Vec<String> = positions.paths().map(|p| p.into_owned()).collect();
        assert!(paths.contains(&"schedules.1.closes_at".to_string()) && paths.contains(&"locations.0.postcode".to_string()));
        assert!(!paths.iter().any(|p| p.starts_with("schedules.2") || p.starts_with("locations.1")));
        let mut line = 0;
        positions.fill(|_| {
            line += 1;
            (line, 3)
        });
        for (n, path) in paths.iter().enumerate() {
            assert_eq!(positions.get(path), Some((n + 1, 3)), "{path}");
        }
        assert_eq!(positions.get("schedules.2.days"), None);
        assert_eq!(FieldPositions::default().get("name"), None);
    }
}
