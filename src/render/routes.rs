//! The route table: every address the build makes, declared once with what makes it.
//!
//! The renderer makes its pages from [`Renderer::routes`] (and the What's on pages from
//! [`event_routes`]), and [`Renderer::clashes`] checks the same table, with the addresses other
//! parts of the build make (the feeds and calendars, the data folders), so that two things never
//! get the same address. Content claims its address after everything the build generates, so a
//! `content/search.md` is reported at its own file rather than silently replaced by the search
//! page.

use super::Renderer;
use super::browse::Browse;
use super::directory_views::SHORTLIST_URL;
use crate::config::CategoryConfig;
use crate::content::events::{Event, Events, WHATS_ON_URL};
use crate::content::news::{NEWS_FEED_URL, NEWS_URL};
use crate::content::{
    CONTENT_DIR, GLOSSARY_URL, Page, RESERVED_SERVICE_IDS, SERVICES_URL, Service, SourceRef, YOU_SAID_WE_DID_FILE, YOU_SAID_WE_DID_URL,
    YouSaidWeDid, category_url,
};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use std::collections::BTreeMap;

/// The address of the page for addresses that do not exist.
pub const NOT_FOUND_URL: &str = "/404.html";

/// What makes one page the renderer renders: one kind of page, each filled by its own file in
/// `render/pages/` (or `browse.rs`, `news.rs`, `search_page.rs`, `shortlist.rs`, `feedback.rs`,
/// `easy_read.rs`).
#[derive(Debug)]
pub(super) enum PageKind<'a> {
    /// A Markdown page of `content/` (an ordinary page, the home page, an easy-read page or a
    /// news item).
    Content(&'a Page),
    /// A service's own page, in its category.
    Service(&'a Service, &'a CategoryConfig),
    /// A category of the service directory.
    Category(&'a CategoryConfig),
    /// The service directory, `/services/`.
    Services,
    /// The glossary, `/glossary/`.
    Glossary,
    /// The page for addresses that do not exist, `/404.html`.
    NotFound,
    /// The easy-read index, `/easy-read/`, when no `content/index.easy.md` makes it.
    EasyReadIndex,
    /// The search page, in the main language (`None`) or a `[[languages]]` language.
    Search(Option<&'a str>),
    /// One page of a listing (a need, a locality, an age band, the A to Z or one of its letters).
    Listing(Browse),
    /// The "You said, we did" page.
    YouSaidWeDid(&'a YouSaidWeDid),
    /// The shortlist page.
    Shortlist,
    /// A page of the news listing, numbered from 1.
    NewsList(usize),
}

/// One page of the route table: its site address and what makes it.
#[derive(Debug)]
pub(super) struct Route<'a> {
    /// Its site address (a route, before the base path).
    pub url: String,
    /// What makes it.
    pub kind: PageKind<'a>,
}

/// A What's on page, made by [`Renderer::render_events`] from the events (after the other
/// pages: the events are loaded after the site).
#[derive(Debug)]
pub(super) enum EventPage<'e> {
    /// The What's on page: coming occurrences by day.
    WhatsOn,
    /// An event's own page.
    Event(&'e Event),
}

/// The What's on page and each event's page, with their addresses, in the order they are made.
pub(super) fn event_routes(events: &Events) -> Vec<(String, EventPage<'_>)> {
    let mut routes = vec![(WHATS_ON_URL.to_string(), EventPage::WhatsOn)];
    routes.extend(events.events.iter().map(|event| (event.url.clone(), EventPage::Event(event))));
    routes
}

/// What else the build makes at an address (or, for a folder, under it) besides the renderer's
/// pages: these are reserved, so content written there is reported.
#[derive(Debug)]
enum Reserved<'a> {
    /// The folders under `/services/` that hold the listing pages (`/services/needs/`…).
    BrowsingFolder,
    /// A What's on page (see [`event_routes`]).
    Events(EventPage<'a>),
    /// A calendar file (an event's, all events', or one type's).
    Calendar,
    /// The news feed.
    NewsFeed,
    /// The folder of the news feeds of each topic.
    NewsTopics,
    /// The Open Referral feed's folder.
    OpenReferral,
    /// The folder of the shortlist's data files.
    ShortlistData,
    /// The folder of the postcode and nearest-service files.
    Places,
}

impl Reserved<'_> {
    /// True when everything under the address is kept, not only the address itself.
    fn is_folder(&self) -> bool {
        matches!(
            self,
            Reserved::BrowsingFolder | Reserved::NewsTopics | Reserved::OpenReferral | Reserved::ShortlistData | Reserved::Places
        )
    }

    /// What is there, in words for a diagnostic.
    fn describe(&self) -> String {
        match self {
            Reserved::BrowsingFolder => "the pages for browsing services".to_string(),
            Reserved::Events(EventPage::WhatsOn) => "the What's on page".to_string(),
            Reserved::Events(EventPage::Event(event)) => format!("the event from {}", at(&event.source)),
            Reserved::Calendar => "a calendar file".to_string(),
            Reserved::NewsFeed => "the news feed".to_string(),
            Reserved::NewsTopics => "the news feeds of each topic".to_string(),
            Reserved::OpenReferral => "the Open Referral feed".to_string(),
            Reserved::ShortlistData => "the shortlist's data files".to_string(),
            Reserved::Places => "the postcode and nearest-service files".to_string(),
        }
    }
}

impl<'a> Renderer<'a> {
    /// Every page the renderer makes, each once, in a stable order: content pages, services,
    /// categories, the directory, glossary, 404, easy-read index, search pages, listing pages,
    /// "You said, we did", the shortlist and the news listing.
    pub(super) fn routes(&self) -> Vec<Route<'a>> {
        let site = self.site;
        let mut kinds: Vec<PageKind<'a>> = site.pages.iter().map(PageKind::Content).collect();
        let categories: BTreeMap<&str, &CategoryConfig> = site.config.categories.iter().map(|c| (c.id.as_str(), c)).collect();
        for service in &site.services {
            if let Some(category) = categories.get(service.record.category.as_str()) {
                kinds.push(PageKind::Service(service, category));
            }
        }
        kinds.extend(site.config.categories.iter().map(PageKind::Category));
        kinds.push(PageKind::Services);
        kinds.push(PageKind::Glossary);
        kinds.push(PageKind::NotFound);
        if self.has_easy_read() && !self.pages_by_url.contains_key(crate::content::easy_read::EASY_READ_INDEX_URL) {
            kinds.push(PageKind::EasyReadIndex);
        }
        if site.config.search.enabled {
            kinds.push(PageKind::Search(None));
            kinds.extend(site.config.languages.iter().map(|l| PageKind::Search(Some(l.tag()))));
        }
        kinds.extend(self.browse_pages().into_iter().map(PageKind::Listing));
        kinds.extend(site.you_said_we_did.iter().map(PageKind::YouSaidWeDid));
        kinds.push(PageKind::Shortlist);
        let news_pages = super::news::listing_pages(self.news_items().len());
        kinds.extend((1..=news_pages).map(PageKind::NewsList));
        kinds
            .into_iter()
            .map(|kind| Route {
                url: self.url_of(&kind),
                kind,
            })
            .collect()
    }

    /// The site address of a page.
    fn url_of(&self, kind: &PageKind<'a>) -> String {
        match kind {
            PageKind::Content(page) => page.url.clone(),
            PageKind::Service(service, _) => service.url.clone(),
            PageKind::Category(category) => category_url(&category.id),
            PageKind::Services => SERVICES_URL.to_string(),
            PageKind::Glossary => GLOSSARY_URL.to_string(),
            PageKind::NotFound => NOT_FOUND_URL.to_string(),
            PageKind::EasyReadIndex => crate::content::easy_read::EASY_READ_INDEX_URL.to_string(),
            PageKind::Search(None) => crate::search::SEARCH_URL.to_string(),
            PageKind::Search(Some(tag)) => crate::search::search_url_in(tag),
            PageKind::Listing(page) => self.browse_url(page),
            PageKind::YouSaidWeDid(_) => YOU_SAID_WE_DID_URL.to_string(),
            PageKind::Shortlist => SHORTLIST_URL.to_string(),
            PageKind::NewsList(number) => crate::content::news::news_page_url(*number),
        }
    }

    /// What a generated page is, in words for a diagnostic ("the search page").
    fn describe(&self, kind: &PageKind<'a>) -> String {
        let language_name = |tag: &str| {
            let language = self.site.config.languages.iter().find(|l| l.tag() == tag);
            language.map_or_else(|| tag.to_string(), |l| l.name.clone())
        };
        match kind {
            PageKind::Content(page) => at(&page.source),
            PageKind::Service(service, _) => at(&service.source),
            PageKind::Category(category) => format!("the `{}` category page", category.id),
            PageKind::Services => "the service directory".to_string(),
            PageKind::Glossary => "the glossary page".to_string(),
            PageKind::NotFound => "the page for addresses that do not exist".to_string(),
            PageKind::EasyReadIndex => "the easy-read index page".to_string(),
            PageKind::Search(None) => "the search page".to_string(),
            PageKind::Search(Some(tag)) => format!("the search page in {}", language_name(tag)),
            PageKind::Listing(page) => (self.listings.lists.get(page.list)).map_or_else(
                || "the pages for browsing services".to_string(),
                |data| data.describe_page(page.number),
            ),
            PageKind::YouSaidWeDid(_) => format!("the \"You said, we did\" page from {CONTENT_DIR}/{YOU_SAID_WE_DID_FILE}"),
            PageKind::Shortlist => "the shortlist page".to_string(),
            PageKind::NewsList(1) => "the news page".to_string(),
            PageKind::NewsList(number) => format!("page {number} of the news"),
        }
    }

    /// What the rest of the build makes besides the renderer's pages (see [`Reserved`]).
    fn reserved<'e>(&self, events: &'e Events) -> Vec<(String, Reserved<'e>)> {
        let site = self.site;
        let mut reserved: Vec<(String, Reserved<'e>)> = RESERVED_SERVICE_IDS
            .iter()
            .map(|id| (category_url(id), Reserved::BrowsingFolder))
            .collect();
        reserved.extend(event_routes(events).into_iter().map(|(url, page)| (url, Reserved::Events(page))));
        reserved.extend(
            crate::content::events::calendar_urls(events)
                .into_iter()
                .map(|url| (url, Reserved::Calendar)),
        );
        if site.pages.iter().any(|page| page.meta.news.is_some()) {
            reserved.push((NEWS_FEED_URL.to_string(), Reserved::NewsFeed));
            reserved.push((format!("{NEWS_URL}topics/"), Reserved::NewsTopics));
        }
        reserved.push((format!("/{}/", crate::output::openreferral::FEED_DIR), Reserved::OpenReferral));
        reserved.push((super::shortlist::SHORTLIST_DATA_ROUTE.to_string(), Reserved::ShortlistData));
        if site.places.is_present() {
            reserved.push((format!("/{}/", crate::output::places::PLACES_DIR), Reserved::Places));
        }
        reserved
    }

    /// Two things the build would make at the same address, read from the route table: content
    /// pages and services claim their addresses after every generated page, feed and folder
    /// (so a `content/search.md` is reported at its own file), and a duplicate service id is
    /// reported once, at the second service. Also reports category ids kept for browsing and
    /// pages whose address starts with a `[[languages]]` tag.
    pub fn clashes(&self, events: &Events) -> Vec<Diagnostic> {
        let site = self.site;
        let mut problems = reserved_category_ids(site);
        let routes = self.routes();
        let reserved = self.reserved(events);
        let folders: Vec<(&str, &Reserved<'_>)> = (reserved.iter())
            .filter(|(_, what)| what.is_folder())
            .map(|(url, what)| (url.as_str(), what))
            .collect();
        // Generated pages first, so an exact address is named by its page, then the reserved
        // addresses and folders; content and services after them, in the table's order.
        let mut taken: BTreeMap<&str, Owner<'_, '_>> = BTreeMap::new();
        for route in &routes {
            if !matches!(route.kind, PageKind::Content(_) | PageKind::Service(..)) {
                taken.entry(&route.url).or_insert(Owner::Page(&route.kind));
            }
        }
        for (url, what) in &reserved {
            taken.entry(url).or_insert(Owner::Reserved(what));
        }
        let claimed = (routes.iter().filter(|r| matches!(r.kind, PageKind::Content(_))))
            .chain(routes.iter().filter(|r| matches!(r.kind, PageKind::Service(..))));
        for route in claimed {
            let url = route.url.as_str();
            let used_by = match taken.get(url) {
                Some(owner) => Some(self.describe_owner(owner)),
                None => (folders.iter().find(|(folder, _)| url.starts_with(folder))).map(|(_, what)| what.describe()),
            };
            let (source, what) = match route.kind {
                PageKind::Service(service, _) => (&service.source, format!("The service `{}`", service.record.name)),
                PageKind::Content(page) => (&page.source, "This page".to_string()),
                _ => continue,
            };
            match used_by {
                Some(used_by) => problems.push(
                    Diagnostic::error(
                        &source.file,
                        source.line,
                        source.column,
                        Rule::DUPLICATE_URL,
                        format!("{what} would have the address {url}, which is already used by {used_by}"),
                    )
                    .with_suggestion("Rename the file, or give the service a different `id:`, so each page has its own address."),
                ),
                None => {
                    taken.insert(url, Owner::Page(&route.kind));
                }
            }
        }
        problems.extend(translation_prefixes(site));
        problems
    }

    /// Who has an address, in words for a diagnostic.
    fn describe_owner(&self, owner: &Owner<'_, 'a>) -> String {
        match owner {
            Owner::Page(PageKind::Service(service, _)) => {
                let source = &service.source;
                format!("the service `{}` ({}, line {})", service.record.name, source.file, source.line)
            }
            Owner::Page(kind) => self.describe(kind),
            Owner::Reserved(what) => what.describe(),
        }
    }
}

/// What has an address in the clash check: a page of the table, or a reserved address.
enum Owner<'r, 'a> {
    /// A page of the route table (generated, or claimed by content or a service).
    Page(&'r PageKind<'a>),
    /// An address the rest of the build makes.
    Reserved(&'r Reserved<'r>),
}

/// Where something was written, for a diagnostic: `content/a.md (line 1)`.
fn at(source: &SourceRef) -> String {
    format!("{} (line {})", source.file, source.line)
}

/// Categories whose id is kept for the listing folders (`/services/needs/`…), reported in
/// `site.toml`.
fn reserved_category_ids(site: &crate::content::Site) -> Vec<Diagnostic> {
    let config_text = site.sources.config();
    (site.config.categories.iter())
        .filter(|category| RESERVED_SERVICE_IDS.contains(&category.id.as_str()))
        .map(|category| {
            let (line, column) = crate::config::find_value(config_text, &category.id);
            Diagnostic::error(
                crate::config::CONFIG_FILE,
                line,
                column,
                Rule::DUPLICATE_URL,
                format!("The category id `{}` is kept for the pages for browsing services", category.id),
            )
            .with_suggestion(format!(
                "Choose another id. These ids cannot be used for categories or services: {}.",
                RESERVED_SERVICE_IDS.join(", ")
            ))
        })
        .collect()
}

/// Pages (not translations) whose address starts with a listed language's tag (`/pl/…`): those
/// addresses are kept for that language's translations.
fn translation_prefixes(site: &crate::content::Site) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for page in site.pages.iter().filter(|p| !p.is_translation()) {
        let Some(language) =
            (site.config.languages.iter()).find(|l| page.url.starts_with(&crate::content::translations::translation_url(l.tag(), "/")))
        else {
            continue;
        };
        problems.push(
            Diagnostic::error(
                &page.source.file,
                page.source.line,
                page.source.column,
                Rule::DUPLICATE_URL,
                format!(
                    "This page would have the address {}, but addresses starting with /{}/ are kept for the translations into {} ({})",
                    page.url,
                    language.tag().to_ascii_lowercase(),
                    language.tag(),
                    language.name
                ),
            )
            .with_suggestion("Rename the folder the page is in. To translate a page, write the translation beside it, for example `sendiass.pl.md` beside `sendiass.md`."),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Date;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn the_example_declares_every_kind_of_page_once_and_has_no_clash() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = crate::content::load_site(root, false).0.unwrap();
        let theme = crate::render::Theme::load(root, &site.config).unwrap();
        let assets = BTreeMap::new();
        let renderer = Renderer::new(&site, &theme, &assets, Date::today());
        let urls = renderer.known_urls();
        let unique: BTreeSet<&str> = urls.iter().map(String::as_str).collect();
        assert_eq!(unique.len(), urls.len(), "an address is declared twice");
        for url in [
            "/",
            "/services/",
            "/glossary/",
            "/404.html",
            "/easy-read/",
            "/search/",
            "/pl/search/",
            "/services/a-z/",
            "/services/needs/autism/",
            "/you-said-we-did/",
            "/shortlist/",
            "/news/",
        ] {
            assert!(unique.contains(url), "{url} is not in the route table");
        }
        let (events, _) = crate::content::events::load_events(&site, false);
        assert_eq!(renderer.clashes(&events), Vec::new());
    }
}
