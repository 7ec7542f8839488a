//! The page at an old address ([`crate::output::redirects`]): in the theme, it sends the visitor
//! on at once (`<meta http-equiv="refresh">`), says where the page is now with a visible link for
//! anyone whose browser does not follow the refresh, and names the new page as canonical.

use super::Renderer;
use super::views::{Crumb, PageView, SiteView};
use crate::content::SourceRef;
use crate::diagnostic::Diagnostic;
use crate::output::redirects::Redirect;
use serde::Serialize;
use tera::Context;

/// What `redirect.html` shows.
#[derive(Serialize)]
struct RedirectView<'a> {
    /// The new route (or address on another website), for the visible link.
    to: &'a str,
    /// The new address as the refresh needs it (with the base path).
    address: String,
    /// The new page's title, or its address when it is not a page of this site.
    title: String,
}

impl Renderer<'_> {
    /// The HTML of the page at `redirect.from`, and what finishing it found.
    pub fn render_redirect(&self, redirect: &Redirect) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
        let config = &self.site.config;
        let addresses = self.addresses();
        let route = redirect.to.split(['#', '?']).next().unwrap_or("");
        let title = self
            .pages_by_url
            .get(route)
            .map(|page| page.meta.title.clone())
            .or_else(|| self.site.services.iter().find(|s| s.url == route).map(|s| s.record.name.clone()))
            .or_else(|| (route == crate::content::SERVICES_URL).then(|| self.theme.string("services_title").to_string()))
            .or_else(|| {
                let categories = config.categories.iter();
                categories
                    .into_iter()
                    .find(|c| crate::content::category_url(&c.id) == route)
                    .map(|c| c.name.clone())
            })
            .unwrap_or_else(|| {
                if redirect.leaves_site() {
                    redirect.to.clone()
                } else {
                    addresses.absolute(&redirect.to)
                }
            });
        let (address, canonical) = if redirect.leaves_site() {
            (redirect.to.clone(), redirect.to.clone())
        } else {
            (addresses.local(&redirect.to), addresses.absolute(&redirect.to))
        };
        let mut page = PageView::generated("redirect", self.theme.string("redirect_title"), None, &redirect.from, config);
        page.canonical = canonical;
        let mut context = Context::new();
        context.insert("site", &SiteView::new(config, &redirect.from));
        context.insert("page", &page);
        context.insert("breadcrumbs", &Vec::<Crumb>::new());
        context.insert(
            "redirect",
            &RedirectView {
                to: &redirect.to,
                address,
                title,
            },
        );
        let source = SourceRef {
            file: redirect.file.clone(),
            line: redirect.line,
            column: redirect.column,
        };
        let (_, diagnostics, html) = self.finish_page(
            redirect.from.clone(),
            "redirect.html",
            &context,
            source,
            Vec::new(),
            None,
            Vec::new(),
        )?;
        Ok((html, diagnostics))
    }
}
