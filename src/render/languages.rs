//! The languages a page is published in: the language list near the top of the page, the
//! `hreflang` alternates in `<head>`, and the breadcrumbs of a translated page.

use super::Renderer;
use super::views::{Crumb, Hreflang, LanguageLink};
use crate::config::languages::direction_of;
use crate::content::translations::{own_name_of_main, translation_url};
use crate::content::{Page, Service};
use serde::Serialize;

impl Renderer<'_> {
    /// Every language `page` is published in (its source page first, then the translations in
    /// the order of `[[languages]]`), and the `hreflang` alternates; both empty when the page is
    /// in one language only.
    pub(super) fn language_versions(&self, page: &Page) -> (Vec<LanguageLink>, Vec<Hreflang>) {
        let config = &self.site.config;
        let source_url = page.translated_from_url().unwrap_or_else(|| page.url.clone());
        let Some(source) = self.pages_by_url.get(source_url.as_str()).filter(|p| !p.is_translation()) else {
            return (Vec::new(), Vec::new());
        };
        let mut links = vec![LanguageLink {
            tag: config.language.clone(),
            name: own_name_of_main(&config.language),
            dir: direction_of(&config.language).as_str(),
            url: source.url.clone(),
            current: source.url == page.url,
        }];
        for language in &config.languages {
            let url = translation_url(language.tag(), &source.url);
            if self.pages_by_url.get(url.as_str()).is_some_and(|p| p.is_translation()) {
                links.push(LanguageLink {
                    tag: language.tag().to_string(),
                    name: language.name.clone(),
                    dir: language.direction().as_str(),
                    current: url == page.url,
                    url,
                });
            }
        }
        if links.len() < 2 {
            return (Vec::new(), Vec::new());
        }
        let addresses = super::address::Addresses::new(&config.base_url);
        let mut alternates: Vec<Hreflang> = links
            .iter()
            .map(|link| Hreflang {
                hreflang: link.tag.clone(),
                href: addresses.absolute(&link.url),
            })
            .collect();
        alternates.push(Hreflang {
            hreflang: "x-default".to_string(),
            href: addresses.absolute(&source.url),
        });
        (links, alternates)
    }

    /// The breadcrumbs of a translated page: the trail of the page it translates, with each page
    /// that is translated into the same language replaced by its translation.
    pub(super) fn translated_breadcrumbs(&self, page: &Page, tag: &str) -> Vec<Crumb> {
        let source_url = page.translated_from_url().unwrap_or_else(|| page.url.clone());
        self.breadcrumbs(&source_url)
            .into_iter()
            .map(|crumb| {
                let url = translation_url(tag, &crumb.url);
                match self.pages_by_url.get(url.as_str()).filter(|p| p.is_translation()) {
                    Some(translated) if crumb.url != "/" => Crumb {
                        title: translated.meta.title.clone(),
                        url,
                    },
                    Some(_) => Crumb { title: crumb.title, url },
                    None => crumb,
                }
            })
            .collect()
    }
}

/// A service's summary in another language, shown on its page.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(super) struct ServiceTranslationView<'a> {
    /// The language tag.
    pub tag: &'a str,
    /// The language's name in its own language.
    pub name: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// The summary in that language.
    pub summary: &'a str,
}

impl<'a> Renderer<'a> {
    /// The service's translated summaries, in the order of `[[languages]]`.
    pub(super) fn service_translations(&self, service: &'a Service) -> Vec<ServiceTranslationView<'a>> {
        self.site
            .config
            .languages
            .iter()
            .filter_map(|language| {
                let translation = service.record.translations.get(language.tag())?;
                Some(ServiceTranslationView {
                    tag: language.tag(),
                    name: &language.name,
                    dir: language.direction().as_str(),
                    summary: &translation.summary,
                })
            })
            .collect()
    }
}
