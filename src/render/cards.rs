//! Service cards, made once. A service's card is the same on every listing page it appears on
//! (its category, each need, locality and age band it is listed under), so it is rendered from
//! `partials/service_card.html` and finished once per heading level and language, and then put
//! into each listing page after that page's own finishing pass. A listing template marks the
//! card's place with the service's `card` value (`{{- s.card | safe }}`); a template that includes
//! the partial itself still works, the slow way.
//!
//! The partial sees `s` (the service), `heading_level`, `site` (as on the services page) and the
//! interface `strings` of the page's language.

use super::Renderer;
use super::postprocess::PageFacts;
use super::views::{ServiceCard, SiteView};
use crate::content::{SERVICES_URL, Service, SourceRef};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tera::Context;

/// The template of one service's card.
const CARD_TEMPLATE: &str = "partials/service_card.html";
const MARKER_START: &str = "<!--signpost-card:";
const MARKER_END: &str = "-->";

/// Where a service's card goes, at a heading level: an HTML comment the renderer replaces.
pub(super) fn marker(level: u8, url: &str) -> String {
    format!("{MARKER_START}{level}:{url}{MARKER_END}")
}

/// A finished card and the facts its HTML holds (ids, contact blocks, images, unsafe addresses).
pub(super) struct Card {
    html: String,
    facts: PageFacts,
}

/// Which card: heading level, the service's address, the page's language (`None`: the main one).
type CardKey<'a> = (u8, &'a str, Option<&'a str>);

/// The cards made so far in this render, shared by the pages rendering side by side.
#[derive(Default)]
pub(super) struct CardCache<'a> {
    services: HashMap<&'a str, &'a Service>,
    made: Mutex<HashMap<CardKey<'a>, Arc<Card>>>,
}

impl<'a> CardCache<'a> {
    /// A cache for the cards of `services`.
    pub(super) fn new(services: &'a [Service]) -> Self {
        CardCache {
            services: services.iter().map(|s| (s.url.as_str(), s)).collect(),
            made: Mutex::default(),
        }
    }
}

impl<'a> Renderer<'a> {
    /// Lets go of the cards made, once every listing page is rendered.
    pub fn forget_cards(&self) {
        if let Ok(mut made) = self.cards.made.lock() {
            *made = HashMap::new();
        }
    }

    /// Replaces every card marker in a finished page with the card, adding the card's facts to
    /// the page's. A marker naming no service is left as it is (an HTML comment).
    pub(super) fn fill_cards(&self, html: String, url: &str, source: &SourceRef, facts: &mut PageFacts) -> Result<String, Diagnostic> {
        if !html.contains(MARKER_START) {
            return Ok(html);
        }
        let language = self
            .language_of(url)
            .and_then(|tag| self.site.config.languages.iter().map(|l| l.tag()).find(|t| *t == tag));
        let mut out = String::with_capacity(html.len() * 4);
        let mut rest = html.as_str();
        while let Some(start) = rest.find(MARKER_START) {
            let after = &rest[start + MARKER_START.len()..];
            let Some(end) = after.find(MARKER_END) else { break };
            out.push_str(&rest[..start]);
            let whole = &rest[start..start + MARKER_START.len() + end + MARKER_END.len()];
            match self.card(&after[..end], language, url, source)? {
                Some(card) => {
                    out.push_str(&card.html);
                    facts.add(&card.facts);
                }
                None => out.push_str(whole),
            }
            rest = &after[end + MARKER_END.len()..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// The card a marker's inside (`2:/services/x/`) names, made now if it was not made before.
    fn card(&self, inside: &str, language: Option<&'a str>, url: &str, source: &SourceRef) -> Result<Option<Arc<Card>>, Diagnostic> {
        let Some((level, service_url)) = inside.split_once(':') else {
            return Ok(None);
        };
        let (Ok(level), Some(service)) = (level.parse::<u8>(), self.cards.services.get(service_url).copied()) else {
            return Ok(None);
        };
        let key = (level, service.url.as_str(), language);
        if let Some(card) = self.cards.made.lock().ok().and_then(|made| made.get(&key).cloned()) {
            return Ok(Some(card));
        }
        let card = Arc::new(self.make_card(service, level, language, url, source)?);
        if let Ok(mut made) = self.cards.made.lock() {
            made.insert(key, card.clone());
        }
        Ok(Some(card))
    }

    fn make_card(&self, service: &Service, level: u8, language: Option<&str>, url: &str, source: &SourceRef) -> Result<Card, Diagnostic> {
        let mut context = Context::new();
        context.insert("site", &SiteView::new(&self.site.config, SERVICES_URL));
        context.insert("s", &ServiceCard::listed(service, level));
        context.insert("heading_level", &level);
        if let Some(strings) = language.and_then(|tag| self.language_strings.get(tag)) {
            context.insert("strings", strings);
        }
        let (html, facts) = self.make_and_finish(CARD_TEMPLATE, &context, url, source)?;
        Ok(Card { html, facts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_names_the_level_and_the_service() {
        assert_eq!(marker(3, "/services/swim/"), "<!--signpost-card:3:/services/swim/-->");
    }
}
