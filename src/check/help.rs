//! Consistent help (WCAG 2.2 SC 3.2.6): the contact blocks configured for every page, above all
//! SENDIASS, must be on every page.

use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::render::PageRecord;
use crate::rules::Rule;

/// Reports every page that lacks one of the contact blocks that must be on every page.
pub fn check_help_on_every_page(site: &Site, pages: &[PageRecord]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for page in pages {
        for id in &site.config.contacts.every_page {
            if site.contacts.contains_key(id) && !page.facts.contact_blocks.contains(id) {
                problems.push(
                    Diagnostic::error(&page.source.file, page.source.line, page.source.column, Rule::HELP_MISSING, format!("The page at {} does not show the `{id}` contact block", page.url))
                        .with_suggestion("Every page must show it in the same place. If you changed the theme, make sure every template includes the contacts (an element with data-contact=\"ID\")."),
                );
            }
        }
    }
    problems
}
