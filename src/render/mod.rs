//! Rendering: Markdown to HTML, pages through the theme's templates, then post-processing.
//! Pages are rendered in parallel; each page is handed to a sink as soon as it is finished, so the
//! whole site is never held in memory at once.

pub mod address;
mod browse;
mod cards;
pub(crate) mod directory_views;
pub mod easy_read;
mod events;
mod feedback;
pub(crate) mod language_help;
mod languages;
pub(crate) mod listing_views;
pub mod markdown;
pub mod news;
pub mod open_now;
mod pages;
pub(crate) mod postprocess;
pub(crate) mod raw_html;
mod redirect_pages;
pub mod routes;
mod search_page;
pub(crate) mod service_facts;
pub mod shortlist;
pub mod strings;
pub mod theme;
pub(crate) mod url_safety;
pub mod video;
pub(crate) mod views;

use crate::config::CategoryConfig;
use crate::content::{Date, Page, Service, Site, SourceRef};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use markdown::LinkRef;
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
    /// Service cards made once for every listing page they appear on.
    cards: cards::CardCache<'a>,
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
            cards: cards::CardCache::new(&site.services),
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
        self.routes().into_iter().map(|route| route.url).collect()
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
        let jobs: Vec<routes::Route<'a>> = (self.routes().into_iter())
            .filter(|route| {
                select(&JobRef {
                    url: &route.url,
                    service: matches!(route.kind, routes::PageKind::Service(..)),
                })
            })
            .collect();
        let total = jobs.len();
        let done = AtomicUsize::new(0);
        jobs.par_iter()
            .map(|route| {
                let url = &route.url;
                let (record, mut diagnostics, html) = match self.render_job(route) {
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

    /// Makes the page of `route`: its kind's file fills it, and [`Renderer::finish_page`]
    /// finishes it.
    fn render_job(&self, route: &routes::Route<'a>) -> Result<(PageRecord, Vec<Diagnostic>, String), Diagnostic> {
        let filled = self.fill(&route.kind, &route.url);
        self.finish_page(
            route.url.clone(),
            filled.template,
            &filled.context,
            filled.source,
            filled.links,
            filled.last_reviewed,
            filled.diagnostics,
        )
    }

    /// Renders `template` with `context` and runs the last pass over the result, for the page at
    /// `url` (or a part of it, such as a service card): a template or HTML error is reported
    /// against `source`.
    pub(super) fn make_and_finish(
        &self,
        template: &str,
        context: &Context,
        url: &str,
        source: &SourceRef,
    ) -> Result<(String, PageFacts), Diagnostic> {
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
        self.post.run(&html).map_err(|error| {
            Diagnostic::error(
                &source.file,
                source.line,
                source.column,
                Rule::HTML_ERROR,
                format!("The page at {url} could not be finished: {error}"),
            )
        })
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
        let (html, mut facts) = self.make_and_finish(template, context, &url, &source)?;
        let html = self.fill_cards(html, &url, &source, &mut facts)?;
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

    /// A category with the number of its services but not the services themselves.
    fn category_summary(&self, category: &'a CategoryConfig) -> CategoryView<'a> {
        let count = self.services_by_category.get(category.id.as_str()).map_or(0, Vec::len);
        CategoryView::summary(category, count)
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

/// Escapes text for use inside HTML: `&`, `<`, `>` and `"`. An apostrophe is left as it is (the
/// pages have always been written that way, and attributes are double-quoted).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, piece) in text.split('\'').enumerate() {
        if index > 0 {
            out.push('\'');
        }
        // Writing to a String cannot fail.
        let _ = pulldown_cmark_escape::escape_html(&mut out, piece);
    }
    out
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
