//! The service directory: every entry must be usable by a family (right category, ages within
//! 0–25, a way in, a way to get in touch, a place).

use super::service_fields::{check_service_fields, looks_like_email, looks_like_url};
use crate::config::SiteConfig;
use crate::content::{Service, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// Checks every service's fields beyond their shape. (Two services with one id are reported by
/// the route table's clash check, [`crate::render::Renderer::clashes`].)
pub fn check_services(site: &Site) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for service in &site.services {
        problems.extend(check_service(service, &site.config));
    }
    problems
}

/// Checks one service's fields beyond their shape, each problem at its field.
pub fn check_service(service: &Service, config: &SiteConfig) -> Vec<Diagnostic> {
    let categories: Vec<&str> = config.categories.iter().map(|c| c.id.as_str()).collect();
    let mut problems = Vec::new();
    {
        let record = &service.record;
        let at = |field: &str, rule: Rule, message: String, fix: &str| {
            let (line, column) = service.at(field);
            Diagnostic::error(&service.source.file, line, column, rule, format!("{}: {message}", record.name)).with_suggestion(fix)
        };
        if !categories.contains(&record.category.as_str()) {
            let fix = match crate::suggest::closest(&record.category, categories.iter().copied()) {
                Some(best) => format!(
                    "Did you mean `{best}`? The categories are set in site.toml: {}.",
                    categories.join(", ")
                ),
                None => format!("Use one of the categories set in site.toml: {}.", categories.join(", ")),
            };
            problems.push(at(
                "category",
                Rule::UNKNOWN_CATEGORY,
                format!("`{}` is not one of the site's categories", record.category),
                &fix,
            ));
        }
        for (field, age) in [("ages.from", record.ages.from), ("ages.to", record.ages.to)] {
            if age > 25 {
                problems.push(at(
                    field,
                    Rule::AGES,
                    format!("`ages` needs two whole numbers from 0 to 25, like `ages: {{from: 5, to: 11}}`; {age} is more than 25"),
                    "The Local Offer covers ages 0 to 25: use whole years between 0 and 25.",
                ));
            }
        }
        if record.ages.from > record.ages.to {
            problems.push(at(
                "ages.from",
                Rule::AGES,
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
                Rule::ACCESS,
                "it does not say how families can get it".to_string(),
                super::field_help::ACCESS,
            ));
        }
        let contact = &record.contact;
        if contact.phone.is_none() && contact.email.is_none() && contact.website.is_none() {
            problems.push(at(
                "contact",
                Rule::CONTACT,
                "it has no way to get in touch".to_string(),
                super::field_help::CONTACT,
            ));
        }
        let place = &record.place;
        if place.address.is_none() && place.postcode.is_none() && place.locality.is_none() && !place.online {
            problems.push(at(
                "where",
                Rule::WHERE,
                "it does not say where it happens".to_string(),
                super::field_help::WHERE,
            ));
        }
        for (path, field, value) in [
            ("provider_website", "provider_website", record.provider_website.as_deref()),
            ("contact.website", "contact website", contact.website.as_deref()),
        ] {
            if let Some(url) = value
                && !looks_like_url(url)
            {
                problems.push(at(
                    path,
                    Rule::URL,
                    format!("the {field} `{url}` is not a full web address"),
                    super::field_help::URL,
                ));
            }
        }
        if let Some(email) = contact.email.as_deref()
            && !looks_like_email(email)
        {
            problems.push(at(
                "contact.email",
                Rule::EMAIL,
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
                problems.push(at(
                    field,
                    Rule::EMPTY_FIELD,
                    format!("`{field}` is empty"),
                    "Fill it in, in plain words.",
                ));
            }
        }
        problems.extend(check_service_fields(service, config));
    }
    problems
}
