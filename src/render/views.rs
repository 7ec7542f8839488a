//! The small, serialisable views each template receives. Templates never see the whole site.

use crate::config::{CategoryConfig, SiteConfig};
use crate::content::{Access, ContactBlock, Date, Page, Service, category_url};
use serde::Serialize;

/// `site`: the site-wide facts every template can use.
#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    /// Site name.
    pub name: &'a str,
    /// Council area.
    pub area: &'a str,
    /// Council.
    pub council: &'a str,
    /// Base address, ending in `/`.
    pub base_url: &'a str,
    /// Language tag.
    pub language: &'a str,
    /// Which way the site's language runs: `ltr` or `rtl`.
    pub dir: &'static str,
    /// Address of the accessibility statement.
    pub accessibility_statement: &'a str,
    /// Address of the other-formats page.
    pub other_formats: Option<&'a str>,
    /// Main navigation (with `current` set per page).
    pub nav: Vec<NavView<'a>>,
    /// True when the site has a search page (`[search] enabled`), so pages can offer a search box.
    pub search: bool,
}

/// One main navigation link.
#[derive(Serialize, Clone)]
pub(crate) struct NavView<'a> {
    /// Link text.
    pub title: &'a str,
    /// Address.
    pub url: &'a str,
    /// True when the current page is this link or below it.
    pub current: bool,
}

impl<'a> SiteView<'a> {
    /// The site view for a page at `current_url`.
    pub(crate) fn new(config: &'a SiteConfig, current_url: &str) -> Self {
        SiteView {
            name: &config.name,
            area: &config.area,
            council: &config.council,
            base_url: &config.base_url,
            language: &config.language,
            dir: crate::config::languages::direction_of(&config.language).as_str(),
            accessibility_statement: &config.accessibility_statement,
            other_formats: config.other_formats.as_deref(),
            search: config.search.enabled,
            nav: config
                .nav
                .iter()
                .map(|link| NavView {
                    title: &link.title,
                    url: &link.url,
                    current: if link.url == "/" {
                        current_url == "/"
                    } else {
                        current_url.starts_with(link.url.as_str())
                    },
                })
                .collect(),
        }
    }
}

/// `contacts`: a contact block with a ready-made `tel:` link.
#[derive(Serialize)]
pub(crate) struct ContactView<'a> {
    /// Id (file name).
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Heading (falls back to the name).
    pub heading: &'a str,
    /// Who runs it.
    pub operator: Option<&'a str>,
    /// What it offers.
    pub summary: &'a str,
    /// Phone number as written.
    pub phone: Option<&'a str>,
    /// `tel:` link for the phone number.
    pub phone_href: Option<String>,
    /// Email address.
    pub email: Option<&'a str>,
    /// Web address.
    pub website: Option<&'a str>,
    /// Postal address.
    pub address: Option<&'a str>,
    /// Opening hours.
    pub hours: Option<&'a str>,
    /// What it offers in easy read, for easy-read pages.
    pub easy_read_summary: Option<&'a str>,
}

impl<'a> From<&'a ContactBlock> for ContactView<'a> {
    fn from(block: &'a ContactBlock) -> Self {
        ContactView {
            id: &block.id,
            name: &block.name,
            heading: block.heading.as_deref().unwrap_or(&block.name),
            operator: block.operator.as_deref(),
            summary: &block.summary,
            phone: block.phone.as_deref(),
            phone_href: block.phone.as_deref().map(tel_href),
            email: block.email.as_deref(),
            website: block.website.as_deref(),
            address: block.address.as_deref(),
            hours: block.hours.as_deref(),
            easy_read_summary: block.easy_read_summary.as_deref(),
        }
    }
}

/// A `tel:` link from a phone number as people write it: `0121 496 0000` -> `tel:01214960000`.
pub(crate) fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

/// A link in the breadcrumb trail.
#[derive(Serialize, Clone)]
pub(crate) struct Crumb {
    /// Link text.
    pub title: String,
    /// Address.
    pub url: String,
}

/// `page`: the current page.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    /// What kind of page this is (`home`, `page`, `service`, …).
    pub kind: &'static str,
    /// Title.
    pub title: &'a str,
    /// Summary, if any.
    pub summary: Option<&'a str>,
    /// Address.
    pub url: &'a str,
    /// Absolute address.
    pub canonical: String,
    /// Body HTML.
    pub content: String,
    /// True for drafts (only built with `--drafts`).
    pub draft: bool,
    /// Last review date, long form.
    pub last_reviewed: Option<String>,
    /// Last review date, ISO form.
    pub last_reviewed_iso: Option<String>,
    /// Next review date, long form.
    pub next_review: Option<String>,
    /// Next review date, ISO form.
    pub next_review_iso: Option<String>,
    /// True when the next review date has passed.
    pub review_overdue: bool,
    /// The other version of this page (easy read or full), if it has one.
    pub alternate: Option<AlternateView>,
    /// The page's language tag: a translation's tag, else the site's `language`.
    pub language: String,
    /// Which way the page's language runs: `ltr` or `rtl`.
    pub dir: &'static str,
    /// True when the page is in another language than the site's (a translation): text from
    /// `site.toml` and the contact blocks is then marked with the site's language.
    pub other_language: bool,
    /// The languages this page is published in, the page's own included; empty when it is in one
    /// language only.
    pub languages: Vec<LanguageLink>,
    /// The `hreflang` alternates for `<head>`: every language version, then `x-default`.
    pub hreflang: Vec<Hreflang>,
}

/// One language a page is published in, for the language list.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(crate) struct LanguageLink {
    /// The language tag.
    pub tag: String,
    /// The language's name in its own language ("Polski").
    pub name: String,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// Site address of the page in that language.
    pub url: String,
    /// True for the page being shown.
    pub current: bool,
}

/// One `<link rel="alternate" hreflang>` of a page.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hreflang {
    /// The language tag, or `x-default`.
    pub hreflang: String,
    /// Absolute address.
    pub href: String,
}

/// A link from a page to its other version: easy read, or full.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(crate) struct AlternateView {
    /// Address of the other version.
    pub url: String,
    /// Link text ("Easy read version" or "Full version").
    pub text: String,
    /// True when the link leads to the easy-read version.
    pub easy_read: bool,
}

/// Review dates of a page or service, as the templates show them.
#[derive(Clone, Copy)]
pub(crate) struct Review {
    /// Last reviewed.
    pub last: Date,
    /// Next review due.
    pub next: Date,
    /// Today.
    pub today: Date,
}

impl<'a> PageView<'a> {
    /// A view of a generated page (no review dates).
    pub(crate) fn generated(kind: &'static str, title: &'a str, summary: Option<&'a str>, url: &'a str, config: &SiteConfig) -> Self {
        PageView {
            kind,
            title,
            summary,
            url,
            canonical: canonical(config, url),
            content: String::new(),
            draft: false,
            last_reviewed: None,
            last_reviewed_iso: None,
            next_review: None,
            next_review_iso: None,
            review_overdue: false,
            alternate: None,
            language: config.language.clone(),
            dir: crate::config::languages::direction_of(&config.language).as_str(),
            other_language: false,
            languages: Vec::new(),
            hreflang: Vec::new(),
        }
    }

    /// Adds review dates.
    pub(crate) fn with_review(mut self, review: Review) -> Self {
        self.last_reviewed = Some(review.last.long());
        self.last_reviewed_iso = Some(review.last.iso());
        self.next_review = Some(review.next.long());
        self.next_review_iso = Some(review.next.iso());
        self.review_overdue = review.today > review.next;
        self
    }

    /// Writes the review dates in words the way `words`' language writes them.
    pub(crate) fn write_dates(&mut self, words: &super::strings::DateWords) {
        let in_words = |iso: &Option<String>| iso.as_deref().and_then(|d| Date::parse(d).ok()).map(|d| words.long(d));
        if let Some(text) = in_words(&self.last_reviewed_iso) {
            self.last_reviewed = Some(text);
        }
        if let Some(text) = in_words(&self.next_review_iso) {
            self.next_review = Some(text);
        }
    }

    /// A view of a Markdown page.
    pub(crate) fn from_page(page: &'a Page, content: String, config: &SiteConfig, today: Date) -> Self {
        let kind = if page.url == "/" { "home" } else { "page" };
        let mut view = PageView::generated(kind, &page.meta.title, Some(&page.meta.summary), &page.url, config).with_review(Review {
            last: page.meta.last_reviewed,
            next: page.next_review(config),
            today,
        });
        view.content = content;
        view.draft = page.meta.status == crate::content::Status::Draft;
        if let Some(tag) = &page.language {
            view.language = tag.clone();
            view.other_language = true;
            view.dir = config
                .languages
                .iter()
                .find(|l| l.tag() == tag)
                .map_or_else(|| crate::config::languages::direction_of(tag), |l| l.direction())
                .as_str();
        }
        view
    }
}

/// The absolute address of a site address.
pub(crate) fn canonical(config: &SiteConfig, url: &str) -> String {
    super::address::Addresses::new(&config.base_url).absolute(url)
}

/// A child page in a section listing.
#[derive(Serialize)]
pub(crate) struct ChildView<'a> {
    /// Title.
    pub title: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// Address.
    pub url: &'a str,
}

/// A service in a list.
#[derive(Serialize)]
pub(crate) struct ServiceCard<'a> {
    /// Name.
    pub name: &'a str,
    /// Address.
    pub url: &'a str,
    /// Overview.
    pub summary: &'a str,
    /// Provider.
    pub provider: &'a str,
    /// "11 to 25".
    pub ages_text: String,
    /// Cost in words.
    pub cost: &'a str,
    /// Locality, if any.
    pub locality: Option<&'a str>,
    /// `active`, `temporarily-closed` or `inactive`.
    pub status: &'static str,
    /// Youngest age.
    pub age_from: u8,
    /// Oldest age.
    pub age_to: u8,
    /// The need ids it is listed under on the need pages, space-separated (for filters).
    pub needs: String,
    /// Locality names, `|`-separated (for filters).
    pub localities: String,
    /// True when it costs nothing.
    pub free: bool,
    /// True when it can be used online or by phone.
    pub online: bool,
    /// True when it has a venue.
    pub in_person: bool,
    /// `area`, `home` or `online` when it is available across the whole area (for `reach_<id>`).
    pub reach: Option<&'static str>,
    /// Its opening times as the compact weekly rules "Open now" reads (empty: cannot say).
    pub open: String,
    /// Where its venues are, for "near me": `lat,lon` pairs separated by spaces (empty: none placed).
    pub near: String,
    /// Where its card goes on a listing page (`{{- s.card | safe }}`): a marker the renderer
    /// replaces with the card, made once per service (see `render::cards`).
    pub card: String,
}

impl<'a> From<&'a Service> for ServiceCard<'a> {
    fn from(service: &'a Service) -> Self {
        ServiceCard::listed(service, 2)
    }
}

impl<'a> ServiceCard<'a> {
    /// The card of a service listed under headings of `level` (its title is one level lower).
    pub(crate) fn listed(service: &'a Service, level: u8) -> Self {
        let record = &service.record;
        ServiceCard {
            name: &record.name,
            url: &service.url,
            summary: &record.summary,
            provider: &record.provider,
            ages_text: ages_text(record.ages.from, record.ages.to),
            cost: &record.cost,
            locality: record.place.locality.as_deref(),
            status: record.service_status.id(),
            age_from: record.ages.from,
            age_to: record.ages.to,
            needs: service.filter_needs().join(" "),
            localities: service.localities().join("|"),
            free: service.is_free(),
            online: service.is_online(),
            in_person: service.is_in_person(),
            reach: service.reach().map(crate::content::Reach::id),
            open: super::open_now::compact(&record.schedules),
            near: near_points(service),
            card: super::cards::marker(level, &service.url),
        }
    }
}

/// "11 to 25", or "16" when both ends are the same.
pub(crate) fn ages_text(from: u8, to: u8) -> String {
    if from == to { from.to_string() } else { format!("{from} to {to}") }
}

/// A category with its services.
#[derive(Serialize)]
pub(crate) struct CategoryView<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Description.
    pub description: &'a str,
    /// Address.
    pub url: String,
    /// Number of services.
    pub count: usize,
    /// The services, by name.
    pub services: Vec<ServiceCard<'a>>,
}

impl<'a> CategoryView<'a> {
    /// A category view with its services (already sorted).
    pub(crate) fn new(category: &'a CategoryConfig, services: Vec<ServiceCard<'a>>) -> Self {
        CategoryView {
            id: &category.id,
            name: &category.name,
            description: &category.description,
            url: category_url(&category.id),
            count: services.len(),
            services,
        }
    }

    /// A category view that only counts its services, for pages that list categories rather
    /// than services (the services page, the search page).
    pub(crate) fn summary(category: &'a CategoryConfig, count: usize) -> Self {
        CategoryView {
            count,
            ..CategoryView::new(category, Vec::new())
        }
    }
}

/// A link to a category from a service page.
#[derive(Serialize)]
pub(crate) struct CategoryLink<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Address.
    pub url: String,
}

/// How to contact a service, with a ready-made `tel:` link.
#[derive(Serialize)]
pub(crate) struct ContactDetailsView<'a> {
    /// Phone.
    pub phone: Option<&'a str>,
    /// `tel:` link.
    pub phone_href: Option<String>,
    /// Email.
    pub email: Option<&'a str>,
    /// Website.
    pub website: Option<&'a str>,
}

/// `service`: the full service record for its page.
#[derive(Serialize)]
pub(crate) struct ServiceView<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Overview.
    pub summary: &'a str,
    /// Provider.
    pub provider: &'a str,
    /// Provider's own page.
    pub provider_website: Option<&'a str>,
    /// Its category.
    pub category: CategoryLink<'a>,
    /// Youngest age.
    pub age_from: u8,
    /// Oldest age.
    pub age_to: u8,
    /// "11 to 25".
    pub ages_text: String,
    /// Who can use it.
    pub eligibility: Option<&'a str>,
    /// Ways in.
    pub access: &'a [Access],
    /// Cost.
    pub cost: &'a str,
    /// Contact details.
    pub contact: ContactDetailsView<'a>,
    /// Where.
    #[serde(rename = "where")]
    pub place: &'a crate::content::Place,
    /// When.
    pub when: Option<&'a str>,
    /// Description HTML ("" if none).
    pub description_html: String,
    /// Status, needs, prices, schedules, venues and languages.
    pub details: super::directory_views::ServiceDetailsView<'a>,
    /// A few short sentences in easy read, if the service has them.
    pub easy_read_summary: Option<&'a str>,
}

impl<'a> ServiceView<'a> {
    /// The view of `service`, in `category`, with its description already rendered.
    pub(crate) fn new(service: &'a Service, category: &'a CategoryConfig, description_html: String, today: Date) -> Self {
        let record = &service.record;
        ServiceView {
            id: &service.id,
            name: &record.name,
            summary: &record.summary,
            provider: &record.provider,
            provider_website: record.provider_website.as_deref(),
            category: CategoryLink {
                id: &category.id,
                name: &category.name,
                url: category_url(&category.id),
            },
            age_from: record.ages.from,
            age_to: record.ages.to,
            ages_text: ages_text(record.ages.from, record.ages.to),
            eligibility: record.eligibility.as_deref(),
            access: &record.access,
            cost: &record.cost,
            contact: ContactDetailsView {
                phone: record.contact.phone.as_deref(),
                phone_href: record.contact.phone.as_deref().map(tel_href),
                email: record.contact.email.as_deref(),
                website: record.contact.website.as_deref(),
            },
            place: &record.place,
            when: record.when.as_deref(),
            description_html,
            details: super::directory_views::ServiceDetailsView::new(service, today),
            easy_read_summary: record.easy_read_summary.as_deref(),
        }
    }
}

/// A glossary entry with its anchor id.
#[derive(Serialize)]
pub struct GlossaryView<'a> {
    /// Anchor id.
    pub id: String,
    /// Term.
    pub term: &'a str,
    /// Expansion of an acronym.
    pub stands_for: Option<&'a str>,
    /// Meaning.
    pub meaning: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_keep_only_digits() {
        assert_eq!(tel_href("0121 496 0000"), "tel:01214960000");
        assert_eq!(tel_href("+44 (0)121 496 0000"), "tel:+4401214960000");
        assert_eq!(ages_text(0, 25), "0 to 25");
        assert_eq!(ages_text(16, 16), "16");
    }
}

/// The points of a service's venues that are on the map, `lat,lon` to 4 decimal places (about
/// 10 metres) separated by spaces.
pub(crate) fn near_points(service: &Service) -> String {
    let points: Vec<String> = service
        .places()
        .filter_map(|place| place.located)
        .map(|l| {
            format!(
                "{},{}",
                crate::output::places::rounded(l.point.lat),
                crate::output::places::rounded(l.point.lon)
            )
        })
        .collect();
    points.join(" ")
}

/// Where the browser finds the places files ("near me"), as addresses with the site's base path.
#[derive(Serialize)]
pub(crate) struct NearMeView {
    /// The file of postcode districts and sectors: `/places/districts.json`.
    pub districts: String,
    /// The folder of the postcode files, ending `/`: `/places/postcodes/`.
    pub postcodes: String,
    /// The folder of the nearest services by district, ending `/`: `/places/nearest/`.
    pub nearest: String,
}

impl NearMeView {
    /// The addresses for this site.
    pub(crate) fn new(addresses: &super::address::Addresses) -> Self {
        NearMeView {
            districts: addresses.local(&format!("/{}", crate::output::places::DISTRICTS_FILE)),
            postcodes: addresses.local(&format!("/{}/", crate::output::places::POSTCODES_DIR)),
            nearest: addresses.local(&format!("/{}/", crate::output::places::NEAREST_DIR)),
        }
    }
}
