//! A service's own page: `service.html`.

use super::Filled;
use crate::config::CategoryConfig;
use crate::content::{SERVICES_URL, Service, category_url};
use crate::render::markdown::{self, SourceSpan};
use crate::render::views::{Crumb, PageView, Review, ServiceView};
use crate::render::{Renderer, service_facts, video};
use tera::Context;

impl<'a> Renderer<'a> {
    /// Fills a service's page: its description (Markdown), facts, review dates, translations and
    /// the trail through the directory and its category.
    pub(super) fn service_page(&self, service: &'a Service, category: &'a CategoryConfig, mut context: Context) -> Filled {
        let config = &self.site.config;
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
        let review = Review {
            last: service.record.last_reviewed,
            next: service.next_review(config),
            today: self.today,
        };
        let mut page =
            PageView::generated("service", &service.record.name, Some(&service.record.summary), &service.url, config).with_review(review);
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
        Filled {
            links: rendered.links,
            last_reviewed: Some(service.record.last_reviewed),
            diagnostics: rendered.diagnostics,
            ..Filled::from_template("service.html", context, service.source.clone())
        }
    }
}
