//! What search knows about each page and service: the text families search and the facts they
//! filter on, gathered once from the loaded site.

use super::analysis::{self, Analysis};
use super::synonyms::Synonyms;
use crate::config::plain_language::Profile;
use crate::content::{GlossaryTerm, Page, Service, Site};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::BTreeSet;

/// One searchable page or service.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDoc {
    /// Its site address.
    pub url: String,
    /// Its title (a service's name).
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// The headings of its text.
    pub headings: String,
    /// The rest of its text, without markup.
    pub body: String,
    /// Facts about a service in words: provider, places, cost, who it is for.
    pub details: String,
    /// The words families use for the needs a service is for, one phrase a line.
    pub need_terms: String,
    /// What it is called, after analysis (stems joined by spaces): its title, the title without
    /// the area's name or a part in brackets, and the acronym or expansion the glossary gives
    /// for any of these. A query equal to one of them ranks it first.
    pub names: Vec<String>,
    /// Category id (services only).
    pub category: Option<String>,
    /// Category name, for showing with the result.
    pub category_name: Option<String>,
    /// Ages it is for, from and to (services only).
    pub ages: Option<(u8, u8)>,
    /// Localities (parts of the area) it happens in, lowercased.
    pub localities: Vec<String>,
    /// Need ids it is for.
    pub needs: Vec<String>,
    /// What it costs, in words.
    pub cost: String,
    /// The locality of its main venue, for showing with the result.
    pub locality: Option<String>,
    /// `area`, `home` or `online` when it covers the whole area (then `localities` holds every
    /// locality of the site, so an area filter keeps it).
    pub reach: Option<&'static str>,
    /// Where its venues are, for "near me" (see [`crate::render::views::near_points`]).
    pub near: Option<String>,
    /// True when it is in easy read or has an easy-read version (a `*.easy.md` page, or a service's
    /// easy-read summary).
    pub easy_read: bool,
    /// The language of its text when that is not the site's main language (a translated page):
    /// it is then indexed in that language's own index, without English stemming or synonyms.
    pub language: Option<String>,
}

impl SearchDoc {
    /// Lets go of the searched text (headings, body, details, need terms) once it is indexed,
    /// keeping what results show and filters use.
    pub fn keep_shown(&mut self) {
        for text in [&mut self.headings, &mut self.body, &mut self.details, &mut self.need_terms] {
            *text = String::new();
        }
    }
}

/// Every published page and service of `site`, in a fixed order: pages by address, then services
/// by address. The position in this list is the document's number everywhere in search.
pub fn collect(site: &Site, synonyms: &Synonyms) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    let _ = each(site, synonyms, |doc| {
        docs.push(doc);
        Ok::<(), std::convert::Infallible>(())
    });
    docs
}

/// Hands each document of [`collect`] to `take`, in the same order, one at a time (so a large
/// site's searched text is never all in memory at once). Stops at the first error `take` returns.
pub fn each<E>(site: &Site, synonyms: &Synonyms, mut take: impl FnMut(SearchDoc) -> Result<(), E>) -> Result<(), E> {
    let easy_read_versions: BTreeSet<String> = site.pages.iter().filter_map(|p| p.full_version_url()).collect();
    let mut everywhere: Vec<String> = site.services.iter().flat_map(|s| s.localities()).map(str::to_lowercase).collect();
    everywhere.sort();
    everywhere.dedup();
    let namer = Namer::new(&site.config.area, &site.glossary);
    let plain_namer = Namer::plain(&site.config.area);
    let mut named = |mut doc: SearchDoc| {
        let namer = if doc.language.is_some() { &plain_namer } else { &namer };
        doc.names = namer.names(&doc.title);
        take(doc)
    };
    let mut pages: Vec<&Page> = site.pages.iter().collect();
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    for page in pages {
        named(from_page(page, page.is_easy_read() || easy_read_versions.contains(&page.url)))?;
    }
    let mut services: Vec<&Service> = site.services.iter().collect();
    services.sort_by(|a, b| a.url.cmp(&b.url));
    for service in services {
        named(from_service(site, service, synonyms, &everywhere))?;
    }
    Ok(())
}

/// A page; `has_easy_read`: it is in easy read, or has an easy-read version.
fn from_page(page: &Page, has_easy_read: bool) -> SearchDoc {
    let (headings, body) = markdown_text(&page.body);
    let easy_read = has_easy_read
        || page
            .meta
            .plain_language
            .as_ref()
            .and_then(|p| p.profile)
            .is_some_and(|profile| matches!(profile, Profile::EasyRead));
    SearchDoc {
        url: page.url.clone(),
        title: page.meta.title.clone(),
        summary: page.meta.summary.clone(),
        headings,
        body,
        // A news item is found by who it is from and when, too.
        details: page
            .meta
            .news
            .as_ref()
            .map(|news| format!("{}\n{}", page.meta.owner, news.date.long()))
            .unwrap_or_default(),
        need_terms: String::new(),
        names: Vec::new(),
        category: None,
        category_name: None,
        ages: None,
        localities: Vec::new(),
        needs: Vec::new(),
        cost: String::new(),
        locality: None,
        reach: None,
        near: None,
        easy_read,
        language: page.language.clone(),
    }
}

/// A service; `everywhere`: every locality of the site, lowercased, which a service that covers
/// the whole area matches.
fn from_service(site: &Site, service: &Service, synonyms: &Synonyms, everywhere: &[String]) -> SearchDoc {
    let record = &service.record;
    let (headings, body) = markdown_text(record.description.as_deref().unwrap_or(""));
    let category_name = site
        .config
        .categories
        .iter()
        .find(|c| c.id == record.category)
        .map(|c| c.name.clone());
    let places = std::iter::once(&record.place).chain(record.locations.iter());
    let mut localities: Vec<String> = places
        .clone()
        .filter_map(|place| place.locality.as_deref())
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect();
    let reach = service.reach().map(crate::content::Reach::id);
    if reach.is_some() {
        localities.extend(everywhere.iter().cloned());
    }
    localities.sort();
    localities.dedup();
    let needs: Vec<String> = record.needs.iter().map(|n| n.id().to_string()).collect();
    let mut details: Vec<&str> = vec![&record.provider, &record.cost];
    details.extend(category_name.as_deref());
    details.extend(record.eligibility.as_deref());
    details.extend(record.when.as_deref());
    details.extend(record.application_process.as_deref());
    details.extend(record.service_area.as_deref());
    for place in places {
        details.extend(place.name.as_deref());
        details.extend(place.address.as_deref());
        details.extend(place.locality.as_deref());
        details.extend(place.accessibility_notes.as_deref());
    }
    details.extend(record.languages.iter().map(String::as_str));
    let need_words: Vec<String> = needs.iter().map(|id| id.replace('-', " ")).collect();
    details.extend(need_words.iter().map(String::as_str));
    SearchDoc {
        url: service.url.clone(),
        title: record.name.clone(),
        summary: record.summary.clone(),
        headings,
        body,
        details: details.join("\n"),
        need_terms: synonyms.need_text(&needs),
        names: Vec::new(),
        category: Some(record.category.clone()),
        category_name,
        ages: Some((record.ages.from, record.ages.to)),
        localities,
        needs,
        cost: record.cost.clone(),
        locality: record
            .place
            .locality
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string),
        reach,
        near: Some(crate::render::views::near_points(service)).filter(|near| !near.is_empty()),
        easy_read: record.easy_read_summary.is_some(),
        language: None,
    }
}

/// Works out the names of pages and services (see [`SearchDoc::names`]) for one site.
#[derive(Debug, Clone)]
pub struct Namer {
    /// The area's name, after analysis.
    area: Vec<String>,
    /// Each glossary term with `stands_for`: the term and each meaning, after analysis.
    glossary: Vec<Vec<Vec<String>>>,
    /// How titles are analysed.
    analysis: Analysis,
}

impl Namer {
    /// A namer for a site in `area` with this glossary.
    pub fn new(area: &str, glossary: &[GlossaryTerm]) -> Namer {
        let glossary = glossary
            .iter()
            .filter_map(|term| {
                let stands_for = term.stands_for.as_ref()?;
                let mut meanings = vec![analysis::stems(&term.term)];
                meanings.extend(stands_for.split(" or ").map(analysis::stems));
                Some(meanings)
            })
            .collect();
        Namer {
            area: analysis::stems(area),
            glossary,
            analysis: Analysis::English,
        }
    }

    /// A namer for pages in another language: titles analysed plainly, no (English) glossary.
    pub fn plain(area: &str) -> Namer {
        Namer {
            area: analysis::stems_with(area, Analysis::Plain),
            glossary: Vec::new(),
            analysis: Analysis::Plain,
        }
    }

    /// The names of a page or service titled `title`, sorted.
    pub fn names(&self, title: &str) -> Vec<String> {
        let mut written: Vec<&str> = vec![title];
        if let (Some(open), Some(close)) = (title.find('('), title.rfind(')'))
            && open < close
        {
            written.push(&title[open + 1..close]);
            written.push(&title[..open]);
        }
        let area = &self.area;
        let mut found: Vec<Vec<String>> = Vec::new();
        for text in written {
            let stems = analysis::stems_with(text, self.analysis);
            if !area.is_empty() && stems.len() > area.len() {
                if stems.starts_with(area) {
                    found.push(stems[area.len()..].to_vec());
                }
                if stems.ends_with(area) {
                    found.push(stems[..stems.len() - area.len()].to_vec());
                }
            }
            found.push(stems);
        }
        for meanings in &self.glossary {
            if meanings.iter().any(|m| found.contains(m)) {
                found.extend(meanings.iter().cloned());
            }
        }
        let mut out: Vec<String> = found.into_iter().filter(|n| !n.is_empty()).map(|n| n.join(" ")).collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The headings and the other text of some Markdown, without markup.
pub fn markdown_text(markdown: &str) -> (String, String) {
    let mut headings = String::new();
    let mut body = String::new();
    let mut in_heading = false;
    for event in Parser::new_ext(markdown, crate::content::markdown_options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push('\n');
            }
            Event::Text(text) | Event::Code(text) => {
                let target = if in_heading { &mut headings } else { &mut body };
                target.push_str(&text);
                target.push(' ');
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => body.push(' '),
            _ => {}
        }
    }
    (headings.trim().to_string(), body.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_text() {
        let (headings, body) = markdown_text("# Who can go\n\nChildren **aged** 5 to 11.\n\n## Cost\n\n[Free](/x/) for all.");
        assert_eq!(headings, "Who can go \nCost");
        assert_eq!(body, "Children aged 5 to 11. Free for all.");
    }

    #[test]
    fn heading_ids_are_not_indexed_as_words() {
        let (headings, body) = markdown_text("## Getting there {#travel}\n\nTake the bus.\n\n| Day | Time |\n|---|---|\n| Monday | 9am |");
        assert_eq!(headings, "Getting there");
        assert_eq!(body, "Take the bus. Day Time Monday 9am");
    }

    #[test]
    fn names_drop_the_area_and_brackets_and_add_the_glossary_acronym() {
        let glossary = vec![GlossaryTerm {
            term: "SENDIASS".into(),
            stands_for: Some("Special Educational Needs and Disabilities Information, Advice and Support Service".into()),
            meaning: "Free advice.".into(),
        }];
        let namer = Namer::new("Walsall", &glossary);
        let names = namer.names("Walsall SENDIASS");
        assert!(names.contains(&"sendiass".to_string()), "{names:?}");
        assert!(names.contains(&"walsal sendiass".to_string()), "{names:?}");
        assert!(
            names.contains(&"special educ need disabl inform advic support servic".to_string()),
            "{names:?}"
        );
        let names = namer.names("Eating and swallowing (dysphagia)");
        assert_eq!(names, vec!["dysphagia", "eat swallow", "eat swallow dysphagia"]);
        assert_eq!(Namer::new("Walsall", &[]).names("Walsall"), vec!["walsal"]);
    }
}
