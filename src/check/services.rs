//! The service directory: every entry must be usable by a family (right category, ages within
//! 0–25, a way in, a way to get in touch, a place).

use super::service_fields::{check_service_fields, looks_like_email, looks_like_url};
use crate::content::{Service, Site};
use crate::diagnostic::Diagnostic;

/// Checks every service's fields beyond their shape.
pub fn check_services(site: &Site) -> Vec<Diagnostic> {
    let categories: Vec<&str> = site.config.categories.iter().map(|c| c.id.as_str()).collect();
    let mut problems = Vec::new();
    let mut first_seen: std::collections::BTreeMap<&str, &Service> = std::collections::BTreeMap::new();
    for service in &site.services {
        let record = &service.record;
        let at = |rule: &'static str, message: String, fix: &str| {
            Diagnostic::error(
                &service.source.file,
                service.source.line,
                service.source.column,
                rule,
                format!("{}: {message}", record.name),
            )
            .with_suggestion(fix)
        };
        if let Some(first) = first_seen.get(service.id.as_str()) {
            problems.push(at(
                "duplicate-url",
                format!(
                    "the id `{}` is already used by the service at {}:{}",
                    service.id, first.source.file, first.source.line
                ),
                "Give one of them a different `id:` so each service has its own page.",
            ));
        } else {
            first_seen.insert(&service.id, service);
        }
        if !categories.contains(&record.category.as_str()) {
            let fix = match crate::suggest::closest(&record.category, categories.iter().copied()) {
                Some(best) => format!(
                    "Did you mean `{best}`? The categories are set in site.toml: {}.",
                    categories.join(", ")
                ),
                None => format!("Use one of the categories set in site.toml: {}.", categories.join(", ")),
            };
            problems.push(at(
                "unknown-category",
                format!("`{}` is not one of the site's categories", record.category),
                &fix,
            ));
        }
        if record.ages.from > 25 || record.ages.to > 25 {
            problems.push(at(
                "ages",
                format!("ages {} to {} go beyond 25", record.ages.from, record.ages.to),
                "The Local Offer covers ages 0 to 25. Use whole years between 0 and 25.",
            ));
        }
        if record.ages.from > record.ages.to {
            problems.push(at(
                "ages",
                format!(
                    "the youngest age ({}) is older than the oldest age ({})",
                    record.ages.from, record.ages.to
                ),
                super::field_help::AGES,
            ));
        }
        if record.access.is_empty() {
            problems.push(at(
                "access",
                "it does not say how families can get it".to_string(),
                super::field_help::ACCESS,
            ));
        }
        let contact = &record.contact;
        if contact.phone.is_none() && contact.email.is_none() && contact.website.is_none() {
            problems.push(at(
                "contact",
                "it has no way to get in touch".to_string(),
                super::field_help::CONTACT,
            ));
        }
        let place = &record.place;
        if place.address.is_none() && place.postcode.is_none() && place.locality.is_none() && !place.online {
            problems.push(at(
                "where",
                "it does not say where it happens".to_string(),
                super::field_help::WHERE,
            ));
        }
        for (field, value) in [
            ("provider_website", record.provider_website.as_deref()),
            ("contact website", contact.website.as_deref()),
        ] {
            if let Some(url) = value
                && !looks_like_url(url)
            {
                problems.push(at(
                    "url",
                    format!("the {field} `{url}` is not a full web address"),
                    super::field_help::URL,
                ));
            }
        }
        if let Some(email) = contact.email.as_deref()
            && !looks_like_email(email)
        {
            problems.push(at(
                "email",
                format!("`{email}` does not look like an email address"),
                super::field_help::EMAIL,
            ));
        }
        for (field, value) in [
            ("name", &record.name),
            ("summary", &record.summary),
            ("provider", &record.provider),
            ("cost", &record.cost),
        ] {
            if value.trim().is_empty() {
                problems.push(at("empty-field", format!("`{field}` is empty"), "Fill it in, in plain words."));
            }
        }
        problems.extend(check_service_fields(service, &site.config));
    }
    problems
}
