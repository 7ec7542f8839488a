//! Rendering: Markdown to HTML, pages through the theme's templates, then post-processing.
//! Pages are rendered in parallel; each page is handed to a sink as soon as it is finished, so the
//! whole site is never held in memory at once.

pub mod address;
mod browse;
pub mod directory_views;
pub mod easy_read;
mod events;
mod feedback;
pub mod language_help;
mod languages;
pub mod listing_views;
pub mod markdown;
pub mod news;
pub mod open_now;
pub mod postprocess;
pub mod raw_html;
mod redirect_pages;
mod search_page;
pub mod service_facts;
pub mod shortlist;
pub mod strings;
pub mod theme;
pub mod url_safety;
pub mod video;
pub mod views;

use crate::config::CategoryConfig;
use crate::content::{Date, GLOSSARY_URL, Page, SERVICES_URL, Service, Site, SourceRef, category_url, slugify};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use markdown::{LinkRef, SourceSpan};
use postprocess::{PageFacts, PostProcessor};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use tera::{Context, Tera};
pub use theme::Theme;
use views::*;

/// What rendering knows about each finished page (everything but its HTML).
#[derive(Debug, Clone)]
pub struct PageRecord {
    /// Site address.
    pub url: String,
    /// Path of the file in the output folder, e.g. `advice/index.html`.
    pub output_path: String,
    /// Where the page's content was written (a Markdown file, a service entry, or a template).
    pub source: SourceRef,
    /// Links written in the page's Markdown, with their positions.
    pub links: Vec<LinkRef>,
    /// Facts found in the finished HTML.
    pub facts: PageFacts,
    /// Last reviewed date, for the sitemap.
    pub last_reviewed: Option<Date>,
}

/// A page the renderer can make, as shown to a selection in [`Renderer::render_selected`].
#[derive(Debug)]
pub struct JobRef<'u> {
    /// Its site address.
    pub url: &'u str,
    /// True for a service's own page (which depends only on that service, its category, the
    /// configuration, the contact blocks and the theme).
    pub service: bool,
}

/// The result of rendering one page.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// Its site address.
    pub url: String,
    /// What rendering knew about it (`None` when its template failed).
    pub record: Option<PageRecord>,
    /// What rendering found.
    pub diagnostics: Vec<Diagnostic>,
}

/// One page to render.
enum Job<'a> {
    Page(&'a Page),
    Service(&'a Service, &'a CategoryConfig),
    Category(&'a CategoryConfig),
    Services,
    Glossary,
    NotFound,
    EasyReadIndex,
    /// The search page, in the main language (`None`) or a `[[languages]]` language.
    Search(Option<&'a str>),
    Browse(browse::Browse),
    YouSaidWeDid(&'a crate::content::YouSaidWeDid),
    Shortlist,
    /// A page of the news listing, numbered from 1.
    NewsList(usize),
}

/// Everything a render needs.
pub struct Renderer<'a> {
    site: &'a Site,
    tera: Tera,
    theme: &'a Theme,
    post: PostProcessor<'a>,
    today: Date,
    services_by_category: BTreeMap<&'a str, Vec<&'a Service>>,
    pages_by_url: BTreeMap<&'a str, &'a Page>,
    children: BTreeMap<String, Vec<&'a Page>>,
    abbreviations: markdown::Abbreviations,
    /// The site's WebVTT captions files (address -> text), for checking videos' captions.
    captions: BTreeMap<String, String>,
    /// The listing pages (needs, localities, ages, A to Z) and their services.
    listings: crate::content::listings::Listings<'a>,
    /// The school terms (from `content/events/terms.yaml`), for "Open now" on term-time and
    /// holiday sessions.
    terms: Vec<crate::content::recurrence::Term>,
    /// Each `[[languages]]` language's interface strings (English where it has none), by tag.
    language_strings: BTreeMap<String, BTreeMap<String, String>>,
    /// How each language writes dates and numbers, by tag; `None` key: the main language.
    date_words: BTreeMap<Option<String>, strings::DateWords>,
}

/// The output path of a site address: `/a/` -> `a/index.html`.
pub fn output_path(url: &str) -> String {
    if url.ends_with(".html") || url.ends_with(".xml") || url.ends_with(".txt") {
        url.trim_start_matches('/').to_string()
    } else {
        format!("{}index.html", url.trim_start_matches('/'))
    }
}

/// The address of the page above `url`: `/a/b/` -> `/a/`; `None` for `/`.
pub fn parent_url(url: &str) -> Option<String> {
    if url == "/" {
        return None;
    }
    let trimmed = url.trim_end_matches('/');
    trimmed.rfind('/').map(|i| trimmed[..=i].to_string())
}

impl<'a> Renderer<'a> {
    /// The site's WebVTT captions files (address -> text, see [`video::caption_files`]), so the
    /// videos' captions can be checked.
    pub fn with_captions(mut self, captions: BTreeMap<String, String>) -> Self {
        self.captions = captions;
        self
    }

    /// The school terms "Open now" decides term-time and holiday sessions by.
    pub fn with_terms(mut self, terms: &[crate::content::recurrence::Term]) -> Self {
        self.terms = terms.to_vec();
        self
    }

    /// How this render turns routes into addresses.
    pub fn addresses(&self) -> &address::Addresses {
        &self.post.addresses
    }

    /// Prepares rendering of `site` with `theme`; `assets` maps asset addresses to hashed ones.
    pub fn new(site: &'a Site, theme: &'a Theme, assets: &'a BTreeMap<String, String>, today: Date) -> Self {
        let mut tera = theme.tera.clone();
        let contacts: Vec<ContactView<'_>> = site
            .config
            .contacts
            .every_page
            .iter()
            .filter_map(|id| site.contacts.get(id))
            .map(ContactView::from)
            .collect();
        let hashed = |name: &str| {
            let url = format!("/assets/{name}");
            theme
                .static_files
                .contains_key(name)
                .then(|| assets.get(&url).cloned().unwrap_or(url))
        };
        let asset_urls: BTreeMap<&str, Option<String>> = [("css", hashed("site.css")), ("js", hashed("site.js"))].into_iter().collect();
        tera.global_context().insert("strings", &theme.strings);
        tera.global_context().insert("assets", &asset_urls);
        tera.global_context().insert("contacts", &contacts);
        let slot_hosts = site.config.slots.policy_sources();
        tera.global_context().insert(
            "content_security_policy",
            &crate::output::headers::content_security_policy_meta_allowing(&slot_hosts),
        );
        tera.global_context().insert("slots", &site.config.slots);

        let mut services_by_category: BTreeMap<&str, Vec<&Service>> = BTreeMap::new();
        for service in &site.services {
            services_by_category
                .entry(service.record.category.as_str())
                .or_default()
                .push(service);
        }
        for list in services_by_category.values_mut() {
            list.sort_by(|a, b| {
                a.record
                    .name
                    .to_lowercase()
                    .cmp(&b.record.name.to_lowercase())
                    .then_with(|| a.id.cmp(&b.id))
            });
        }
        let pages_by_url = site.pages.iter().map(|p| (p.url.as_str(), p)).collect();
        let mut children: BTreeMap<String, Vec<&Page>> = BTreeMap::new();
        for page in site.pages.iter().filter(|p| !p.is_easy_read()) {
            // A translation is listed only under a page in its own language (`/pl/` is not a
            // child of the English home page).
            let own_language = |parent: &str| match &page.language {
                Some(tag) => parent.starts_with(&crate::content::translations::translation_url(tag, "/")),
                None => true,
            };
            if let Some(parent) = parent_url(&page.url).filter(|parent| own_language(parent)) {
                children.entry(parent).or_default().push(page);
            }
        }
        for list in children.values_mut() {
            list.sort_by(|a, b| {
                (a.meta.order.unwrap_or(1000), a.meta.title.to_lowercase())
                    .cmp(&(b.meta.order.unwrap_or(1000), b.meta.title.to_lowercase()))
            });
        }
        let tags = site.config.languages.iter().map(|l| l.tag().to_string());
        let language_strings: BTreeMap<String, BTreeMap<String, String>> =
            tags.map(|tag| (tag.clone(), theme.strings_in(Some(&tag)))).collect();
        let mut date_words: BTreeMap<Option<String>, strings::DateWords> = language_strings
            .iter()
            .map(|(tag, strings)| (Some(tag.clone()), strings::DateWords::from_strings(strings)))
            .collect();
        date_words.insert(None, strings::DateWords::from_strings(&theme.strings));
        tera.global_context().insert(
            "language_help",
            &language_help::help_lines(&site.config, &language_strings, &theme.strings),
        );
        tera.global_context().insert("site_phone", &language_help::site_phone(site));
        let site_host = postprocess::host_of(&site.config.base_url).unwrap_or("").to_string();
        let post = PostProcessor {
            assets,
            site_host,
            external_link_text: escape_html(theme.string("external_link")),
            link_schemes: &site.config.content.link_schemes,
            addresses: address::Addresses::for_config(&site.config),
        };
        if site.places.is_present() {
            tera.global_context().insert("near_me", &views::NearMeView::new(&post.addresses));
        }
        Renderer {
            site,
            tera,
            theme,
            post,
            today,
            services_by_category,
            pages_by_url,
            children,
            abbreviations: markdown::Abbreviations::from_glossary(&site.glossary),
            captions: BTreeMap::new(),
            listings: crate::content::listings::Listings::new(&site.services, &site.config.listings),
            terms: Vec::new(),
            language_strings,
            date_words,
        }
    }

    /// The language of the page at `url`: its page's `language`, or for a generated page the
    /// `[[languages]]` tag its address starts with (`/pl/search/`); `None` for the main language.
    pub fn language_of(&self, url: &str) -> Option<&str> {
        if let Some(page) = self.pages_by_url.get(url) {
            return page.language.as_deref();
        }
        self.site.config.languages.iter().map(|l| l.tag()).find(|tag| {
            url.strip_prefix('/')
                .and_then(|rest| rest.strip_prefix(*tag))
                .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    /// How dates and numbers are written in `language` (`None`: the main language).
    pub fn date_words(&self, language: Option<&str>) -> &strings::DateWords {
        language
            .and_then(|tag| self.date_words.get(&Some(tag.to_string())))
            .or_else(|| self.date_words.get(&None))
            .unwrap_or(&strings::ENGLISH_DATES)
    }

    /// Every site address the render will produce (pages, services, categories and generated pages).
    pub fn known_urls(&self) -> Vec<String> {
        self.jobs().iter().map(|job| self.job_url(job)).collect()
    }

    fn jobs(&self) -> Vec<Job<'a>> {
        let mut jobs: Vec<Job<'a>> = self.site.pages.iter().map(Job::Page).collect();
        let categories: BTreeMap<&str, &CategoryConfig> = self.site.config.categories.iter().map(|c| (c.id.as_str(), c)).collect();
        for service in &self.site.services {
            if let Some(category) = categories.get(service.record.category.as_str()) {
                jobs.push(Job::Service(service, category));
            }
        }
        jobs.extend(self.site.config.categories.iter().map(Job::Category));
        jobs.push(Job::Services);
        jobs.push(Job::Glossary);
        jobs.push(Job::NotFound);
        if self.has_easy_read() && !self.pages_by_url.contains_key(crate::content::easy_read::EASY_READ_INDEX_URL) {
            jobs.push(Job::EasyReadIndex);
        }
        if self.site.config.search.enabled {
            jobs.push(Job::Search(None));
            jobs.extend(self.site.config.languages.iter().map(|l| Job::Search(Some(l.tag()))));
        }
        jobs.extend(self.browse_pages().into_iter().map(Job::Browse));
        jobs.extend(self.site.you_said_we_did.iter().map(Job::YouSaidWeDid));
        jobs.push(Job::Shortlist);
        let news_pages = news::listing_pages(self.news_items().len());
        jobs.extend((1..=news_pages).map(Job::NewsList));
        jobs
    }

    fn job_url(&self, job: &Job<'a>) -> String {
        match job {
            Job::Page(page) => page.url.clone(),
            Job::Service(service, _) => service.url.clone(),
            Job::Category(category) => category_url(&category.id),
            Job::Services => SERVICES_URL.to_string(),
            Job::Glossary => GLOSSARY_URL.to_string(),
            Job::NotFound => "/404.html".to_string(),
            Job::EasyReadIndex => crate::content::easy_read::EASY_READ_INDEX_URL.to_string(),
            Job::Search(None) => crate::search::SEARCH_URL.to_string(),
            Job::Search(Some(tag)) => crate::search::search_url_in(tag),
            Job::Browse(page) => self.browse_url(page),
            Job::YouSaidWeDid(_) => crate::content::YOU_SAID_WE_DID_URL.to_string(),
            Job::Shortlist => directory_views::SHORTLIST_URL.to_string(),
            Job::NewsList(number) => crate::content::news::news_page_url(*number),
        }
    }

    /// Renders every page in parallel, handing each finished page to `sink` (which may write it).
    /// `progress` is called with (pages done, total).
    pub fn render_all<S, P>(&self, sink: S, progress: P) -> (Vec<PageRecord>, Vec<Diagnostic>)
    where
        S: Fn(&str, &str) -> Result<(), String> + Sync,
        P: Fn(usize, usize) + Sync,
    {
        let results = self.render_selected(|_| true, sink, progress);
        let mut records = Vec::with_capacity(results.len());
        let mut diagnostics = Vec::new();
        for rendered in results {
            records.extend(rendered.record);
            diagnostics.extend(rendered.diagnostics);
        }
        (records, diagnostics)
    }

    /// Renders, in parallel, the pages `select` picks, and returns each one's result in the order
    /// of [`Renderer::known_urls`]. Used by `signpost serve` to render only what a change affects.
    pub fn render_selected<F, S, P>(&self, select: F, sink: S, progress: P) -> Vec<RenderedPage>
    where
        F: Fn(&JobRef<'_>) -> bool + Sync,
        S: Fn(&str, &str) -> Result<(), String> + Sync,
        P: Fn(usize, usize) + Sync,
    {
        let jobs: Vec<(String, Job<'a>)> = self
            .jobs()
            .into_iter()
            .map(|job| (self.job_url(&job), job))
            .filter(|(url, job)| {
                select(&JobRef {
                    url,
                    service: matches!(job, Job::Service(..)),
                })
            })
            .collect();
        let total = jobs.len();
        let done = AtomicUsize::new(0);
        jobs.par_iter()
            .map(|(url, job)| {
                let (record, mut diagnostics, html) = match self.render_job(job) {
                    Ok(parts) => parts,
                    Err(diagnostic) => {
                        return RenderedPage {
                            url: url.clone(),
                            record: None,
                            diagnostics: vec![diagnostic],
                        };
                    }
                };
                if let Err(error) = sink(&record.output_path, &html) {
                    diagnostics.push(Diagnostic::error(
                        &record.output_path,
                        0,
                        0,
                        Rule::WRITE_ERROR,
                        format!("Cannot write this page: {error}"),
                    ));
                }
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                RenderedPage {
                    url: url.clone(),
                    record: Some(record),
                    diagnostics,
                }
            })
            .collect()
    }

    fn render_job(&self, job: &Job<'a>) -> Result<(PageRecord, Vec<Diagnostic>, String), Diagnostic> {
        let config = &self.site.config;
        let url = self.job_url(job);
        let mut context = Context::new();
        context.insert("site", &SiteView::new(config, &url));
        let mut diagnostics = Vec::new();
        let mut links = Vec::new();
        let mut last_reviewed = None;
        let (template, source) = match job {
            Job::Page(page) if page.is_easy_read() => {
                let parts = self.easy_read_page(page, &mut context);
                diagnostics.extend(parts.diagnostics);
                links = parts.links;
                last_reviewed = parts.last_reviewed;
                ("easy-read.html", page.source.clone())
            }
            Job::EasyReadIndex => ("easy-read.html", self.easy_read_index_page(&mut context)),
            Job::Page(page) if let Some(news) = &page.meta.news => {
                let (template, source, found) = self.render_news_item(page, news, &mut context, &mut links);
                diagnostics.extend(found);
                last_reviewed = Some(news.date);
                (template, source)
            }
            Job::Page(page) => {
                let mut rendered = markdown::render_with(
                    &page.body,
                    SourceSpan::new(&page.source.file, page.body_first_line),
                    &self.abbreviations,
                    &config.content,
                );
                video::fill(&mut rendered, &page.source.file, &self.tera, &self.captions);
                diagnostics.extend(rendered.diagnostics);
                links = rendered.links;
                last_reviewed = Some(page.meta.last_reviewed);
                let mut view = PageView::from_page(page, rendered.html, config, self.today);
                view.write_dates(self.date_words(page.language.as_deref()));
                view.alternate = self.alternate_for(&page.url, false);
                (view.languages, view.hreflang) = self.language_versions(page);
                context.insert("page", &view);
                let crumbs = match &page.language {
                    Some(tag) => self.translated_breadcrumbs(page, tag),
                    None => self.breadcrumbs(&page.url),
                };
                context.insert("breadcrumbs", &crumbs);
                let children: Vec<ChildView<'_>> = self
                    .children
                    .get(&page.url)
                    .map(|list| {
                        list.iter()
                            .map(|p| ChildView {
                                title: &p.meta.title,
                                summary: &p.meta.summary,
                                url: &p.url,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                context.insert("children", &children);
                if page.url == "/" {
                    context.insert("latest_news", &self.latest_news(3));
                }
                (if page.url == "/" { "home.html" } else { "page.html" }, page.source.clone())
            }
            Job::Service(service, category) => {
                let description = service.record.description.as_deref().unwrap_or("");
                let (first_line, indent) = match service.description_start {
                    (0, _) => (service.description_first_line, 0),
                    start => start,
                };
                let mut rendered = markdown::render_with(
                    description,
                    SourceSpan {
                        file: &service.source.file,
                        first_line,
                        indent,
                    },
                    &self.abbreviations,
                    &config.content,
                );
                video::fill(&mut rendered, &service.source.file, &self.tera, &self.captions);
                diagnostics.extend(rendered.diagnostics);
                links = rendered.links;
                last_reviewed = Some(service.record.last_reviewed);
                let review = Review {
                    last: service.record.last_reviewed,
                    next: service.next_review(config),
                    today: self.today,
                };
                let mut page = PageView::generated("service", &service.record.name, Some(&service.record.summary), &service.url, config)
                    .with_review(review);
                page.draft = service.record.status == crate::content::Status::Draft;
                context.insert("page", &page);
                let view = ServiceView::new(service, category, rendered.html, self.today);
                context.insert("facts", &service_facts::ServiceFacts::new(service, &view.details, self.theme));
                context.insert("service", &view);
                context.insert("service_translations", &self.service_translations(service));
                let mut crumbs = self.breadcrumbs(SERVICES_URL);
                crumbs.push(Crumb {
                    title: self.theme.string("services_title").to_string(),
                    url: SERVICES_URL.to_string(),
                });
                crumbs.push(Crumb {
                    title: category.name.clone(),
                    url: category_url(&category.id),
                });
                context.insert("breadcrumbs", &crumbs);
                ("service.html", service.source.clone())
            }
            Job::Category(category) => {
                let view = self.category_view(category);
                context.insert(
                    "page",
                    &PageView::generated("category", &category.name, Some(&category.description), &url, config),
                );
                context.insert("category", &view);
                context.insert("filter_options", &self.filter_options(&category.id));
                context.insert("school_terms", &open_now::terms_text(&self.terms));
                let mut crumbs = self.breadcrumbs(SERVICES_URL);
                crumbs.push(Crumb {
                    title: self.theme.string("services_title").to_string(),
                    url: SERVICES_URL.to_string(),
                });
                context.insert("breadcrumbs", &crumbs);
                ("category.html", template_source("category.html"))
            }
            Job::Services => {
                let categories: Vec<CategoryView<'_>> = config.categories.iter().map(|c| self.category_view(c)).collect();
                context.insert(
                    "page",
                    &PageView::generated(
                        "services",
                        self.theme.string("services_title"),
                        Some(self.theme.string("services_summary")),
                        SERVICES_URL,
                        config,
                    ),
                );
                context.insert("categories", &categories);
                context.insert("browse_links", &self.browse_links());
                context.insert("breadcrumbs", &self.breadcrumbs(SERVICES_URL));
                ("services.html", template_source("services.html"))
            }
            Job::Glossary => {
                let terms: Vec<GlossaryView<'_>> = self
                    .site
                    .glossary
                    .iter()
                    .map(|t| GlossaryView {
                        id: slugify(&t.term),
                        term: &t.term,
                        stands_for: t.stands_for.as_deref(),
                        meaning: &t.meaning,
                    })
                    .collect();
                context.insert(
                    "page",
                    &PageView::generated(
                        "glossary",
                        self.theme.string("glossary_title"),
                        Some(self.theme.string("glossary_summary")),
                        GLOSSARY_URL,
                        config,
                    ),
                );
                context.insert("glossary", &terms);
                context.insert("breadcrumbs", &self.breadcrumbs(GLOSSARY_URL));
                ("glossary.html", template_source("glossary.html"))
            }
            Job::NotFound => {
                context.insert(
                    "page",
                    &PageView::generated(
                        "not-found",
                        self.theme.string("not_found_title"),
                        Some(self.theme.string("not_found_summary")),
                        "/404.html",
                        config,
                    ),
                );
                context.insert("breadcrumbs", &Vec::<Crumb>::new());
                ("404.html", template_source("404.html"))
            }
            Job::Search(language) => self.render_search(*language, &url, &mut context),
            Job::Browse(page) => self.render_browse(page, &url, &mut context),
            Job::YouSaidWeDid(data) => self.render_you_said_we_did(data, &mut context),
            Job::Shortlist => self.render_shortlist(&mut context),
            Job::NewsList(number) => self.render_news_list(*number, &url, &mut context),
        };
        self.finish_page(url, template, &context, source, links, last_reviewed, diagnostics)
    }

    /// Renders `template` with `context` and post-processes the page, as every page is finished:
    /// template and HTML errors, unsafe addresses and pictures without alt text are reported
    /// against `source`. Returns the page's record, the findings (after `diagnostics`) and the HTML.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish_page(
        &self,
        url: String,
        template: &str,
        context: &Context,
        source: SourceRef,
        links: Vec<LinkRef>,
        last_reviewed: Option<Date>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Result<(PageRecord, Vec<Diagnostic>, String), Diagnostic> {
        // A page in another language gets that language's interface strings, and its search
        // box searches on that language's search page.
        let translated = self
            .language_of(&url)
            .and_then(|tag| self.language_strings.get_key_value(tag))
            .map(|(tag, strings)| {
                let mut context = context.clone();
                context.insert("strings", strings);
                context.insert("search_url", &crate::search::search_url_in(tag));
                context
            });
        let context = translated.as_ref().unwrap_or(context);
        let html = self.tera.render(template, context).map_err(|error| {
            Diagnostic::error(
                &source.file,
                source.line,
                source.column,
                Rule::TEMPLATE_ERROR,
                format!("The page at {url} could not be made with the template {template}: {error}"),
            )
            .with_suggestion("If you changed the theme, check the template. Otherwise this is a bug in the theme: please report it.")
        })?;
        let (html, facts) = self.post.run(&html).map_err(|error| {
            Diagnostic::error(
                &source.file,
                source.line,
                source.column,
                Rule::HTML_ERROR,
                format!("The page at {url} could not be finished: {error}"),
            )
        })?;
        if !facts.unsafe_urls.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    &source.file,
                    source.line,
                    source.column,
                    Rule::UNSAFE_LINK,
                    format!(
                        "The page at {url} had {} address(es) with a scheme that is not allowed, which could run a script: {}; they were taken out",
                        facts.unsafe_urls.len(),
                        facts.unsafe_urls.join(", ")
                    ),
                )
                .with_suggestion("If the address comes from a field (a website, for example), correct it there. If it comes from the theme, correct the template: links may only use http, https, mailto, tel or an address on this site."),
            );
        }
        if facts.images_without_alt > 0 {
            diagnostics.push(
                Diagnostic::error(
                    &source.file,
                    source.line,
                    source.column,
                    Rule::IMAGE_ALT,
                    format!("The page at {url} has {} image(s) without alt text", facts.images_without_alt),
                )
                .with_suggestion("Give every <img> an alt attribute describing the picture (alt=\"\" only for decoration)."),
            );
        }
        let record = PageRecord {
            output_path: output_path(&url),
            url,
            source,
            links,
            facts,
            last_reviewed,
        };
        Ok((record, diagnostics, html))
    }

    fn category_view(&self, category: &'a CategoryConfig) -> CategoryView<'a> {
        let cards = self
            .services_by_category
            .get(category.id.as_str())
            .map(|list| list.iter().map(|s| ServiceCard::from(*s)).collect())
            .unwrap_or_default();
        CategoryView::new(category, cards)
    }

    /// The trail of pages above `url` (not including `url` itself), starting at Home.
    fn breadcrumbs(&self, url: &str) -> Vec<Crumb> {
        let mut trail = Vec::new();
        let mut current = parent_url(url);
        while let Some(parent) = current {
            if let Some(page) = self.pages_by_url.get(parent.as_str()) {
                let title = if parent == "/" {
                    self.theme.string("home_title").to_string()
                } else {
                    page.meta.title.clone()
                };
                trail.push(Crumb {
                    title,
                    url: parent.clone(),
                });
            } else if parent == "/" {
                trail.push(Crumb {
                    title: self.theme.string("home_title").to_string(),
                    url: "/".to_string(),
                });
            }
            current = parent_url(&parent);
        }
        trail.reverse();
        trail
    }
}

fn template_source(template: &str) -> SourceRef {
    SourceRef {
        file: format!("templates/{template}"),
        line: 0,
        column: 0,
    }
}

/// Escapes text for use inside HTML.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_map_to_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/advice/sen/"), "advice/sen/index.html");
        assert_eq!(output_path("/404.html"), "404.html");
        assert_eq!(parent_url("/advice/sen/").as_deref(), Some("/advice/"));
        assert_eq!(parent_url("/advice/").as_deref(), Some("/"));
        assert_eq!(parent_url("/"), None);
    }
}
