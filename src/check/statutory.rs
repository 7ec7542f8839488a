//! What the law asks the Local Offer to publish: every required topic (Schedule 2), the Short
//! Breaks Services Statement kept up to date, and "You said, we did" (reg 56) at least yearly and
//! anonymous.

use crate::config::CONFIG_FILE;
use crate::config::statutory::topic_description;
use crate::content::{Date, PageType, Site, YOU_SAID_WE_DID_FILE};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use std::collections::BTreeSet;

const STATEMENT_TOPIC: &str = "short-breaks-statement";
const FEEDBACK_TOPIC: &str = "you-said-we-did";

/// Every statutory check: required topics, the Short Breaks Services Statement's review date, and
/// "You said, we did". Points into the text of `site.toml` the loader kept.
pub fn check_statutory(site: &Site, today: Date) -> Vec<Diagnostic> {
    let mut problems = check_topics(site, site.sources.config());
    problems.extend(check_short_breaks_statement(site, today));
    problems.extend(check_you_said_we_did(site, today));
    problems
}

/// Every required topic no published page covers, one error each, pointing at `site.toml`.
/// `config_text` is the text of `site.toml`, to point at `required_topics`.
pub fn check_topics(site: &Site, config_text: &str) -> Vec<Diagnostic> {
    let mut covered: BTreeSet<&str> = BTreeSet::new();
    let mut problems = Vec::new();
    // A news item mentions a topic; it is not the page that covers it.
    for page in site.pages.iter().filter(|p| p.meta.news.is_none()) {
        for topic in &page.meta.topics {
            if topic == STATEMENT_TOPIC && page.meta.page_type != PageType::ShortBreaksStatement {
                problems.push(
                    Diagnostic::error(
                        &page.source.file,
                        2,
                        1,
                        Rule::SHORT_BREAKS_STATEMENT,
                        format!(
                            "The page \"{}\" says it is the Short Breaks Services Statement, but is not marked as one",
                            page.meta.title
                        ),
                    )
                    .with_suggestion("Add `type: short-breaks-statement` to its front matter, so its review date is enforced."),
                );
                continue;
            }
            covered.insert(topic);
        }
        if page.meta.page_type == PageType::ShortBreaksStatement {
            covered.insert(STATEMENT_TOPIC);
        }
    }
    if site.you_said_we_did.as_ref().is_some_and(|data| !data.entries.is_empty()) {
        covered.insert(FEEDBACK_TOPIC);
    }
    let (line, column) = key_position(config_text);
    for topic in &site.config.statutory.required_topics {
        if covered.contains(topic.as_str()) {
            continue;
        }
        let about = topic_description(topic).map(|d| format!(": {d}")).unwrap_or_default();
        let fix = match topic.as_str() {
            STATEMENT_TOPIC => "Write the statement as a page with `type: short-breaks-statement` in its front matter.".to_string(),
            FEEDBACK_TOPIC => format!("Publish comments and the council's response in content/{YOU_SAID_WE_DID_FILE}."),
            _ => format!(
                "Add `{topic}` to the `topics:` of the page that covers it, or write that page. The list of required topics is [statutory] required_topics in {CONFIG_FILE}."
            ),
        };
        problems.push(
            Diagnostic::error(
                CONFIG_FILE,
                line,
                column,
                Rule::TOPIC_MISSING,
                format!("No page covers the required Local Offer topic `{topic}`{about}"),
            )
            .with_suggestion(fix)
            .with_subject(crate::diagnostic::Subject::Missing(crate::diagnostic::topic_key(topic))),
        );
    }
    problems
}

/// Where `required_topics` is in `site.toml` (or `[statutory]`, or nowhere: 0, 0).
fn key_position(text: &str) -> (usize, usize) {
    let mut section = (0, 0);
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("required_topics") {
            return (index + 1, line.len() - trimmed.len() + 1);
        }
        if trimmed.starts_with("[statutory]") {
            section = (index + 1, 1);
        }
    }
    section
}

/// The Short Breaks Services Statement must not pass its review date: overdue is an error at once.
pub fn check_short_breaks_statement(site: &Site, today: Date) -> Vec<Diagnostic> {
    site.pages
        .iter()
        .filter(|page| page.meta.page_type == PageType::ShortBreaksStatement)
        .filter(|page| today > page.next_review(&site.config))
        .map(|page| {
            Diagnostic::error(
                &page.source.file,
                2,
                1,
                Rule::STATEMENT_OVERDUE,
                format!(
                    "The Short Breaks Services Statement was due for review on {}",
                    page.next_review(&site.config).long()
                ),
            )
            .with_suggestion("Review the statement with parent carers, publish the new version and set `last_reviewed:` to that date.")
        })
        .collect()
}

/// "You said, we did": the newest entry is recent enough, and comments identify no one.
pub fn check_you_said_we_did(site: &Site, today: Date) -> Vec<Diagnostic> {
    let Some(data) = &site.you_said_we_did else { return Vec::new() };
    let statutory = &site.config.statutory;
    let mut problems = Vec::new();
    let months = statutory.you_said_we_did_months;
    match data.newest() {
        None => problems.push(
            Diagnostic::error(&data.file, data.entries_line.max(1), 1, Rule::FEEDBACK_MISSING, "\"You said, we did\" has no entries")
                .with_suggestion("Add the comments you received, with your response and action, under `entries:`."),
        ),
        Some(newest) if newest.add_months(months) < today => problems.push(
            Diagnostic::error(
                &data.file,
                data.entries_line.max(1),
                1,
                Rule::FEEDBACK_STALE,
                format!(
                    "The newest \"You said, we did\" entry is from {}, more than {months} months ago",
                    newest.long()
                ),
            )
            .with_suggestion("The law asks councils to publish comments and their response at least once a year (SEND Regulations 2014, reg 56). Add this year's."),
        ),
        Some(_) => {}
    }
    for entry in &data.entries {
        let (line, column) = entry.comment_at;
        if entry.date > today {
            problems.push(
                Diagnostic::error(
                    &data.file,
                    line,
                    1,
                    Rule::REVIEW_DATE,
                    format!("A comment is dated {}, which is in the future", entry.date.long()),
                )
                .with_suggestion("Use the date the comment was made."),
            );
        }
        for found in personal_data(&entry.comment, &statutory.blocked_names) {
            problems.push(
                Diagnostic::error(
                    &data.file,
                    line,
                    column,
                    Rule::FEEDBACK_PERSONAL,
                    format!("This comment contains {found}, so it could identify someone"),
                )
                .with_suggestion("Comments must be anonymous (reg 56(3)). Remove names, email addresses and phone numbers, or summarise the comment in your own words."),
            );
        }
    }
    problems
}

/// What in `text` could identify someone: an email address, a phone number, or a blocked name.
pub fn personal_data(text: &str, blocked_names: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    if text.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        word.split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
    }) {
        found.push("an email address".to_string());
    }
    if has_phone_number(text) {
        found.push("a phone number".to_string());
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for name in blocked_names {
        let name_words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        if !name_words.is_empty() && words.windows(name_words.len()).any(|window| window == name_words.as_slice()) {
            found.push(format!("the name \"{name}\""));
        }
    }
    found
}

/// True when `text` has a run of at least 10 digits, allowing spaces, hyphens and brackets between.
fn has_phone_number(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 10 {
                return true;
            }
        } else if !(c == ' ' || c == '-' || c == '(' || c == ')' || c == '+') {
            digits = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_is_found() {
        let names = vec!["Jamie Smith".to_string(), "Oakfield".to_string()];
        assert_eq!(personal_data("Email me at jo@example.org please", &names), vec!["an email address"]);
        assert_eq!(personal_data("Ring 0121 496 0000.", &names), vec!["a phone number"]);
        assert_eq!(
            personal_data("My son Jamie Smith at oakfield.", &names),
            vec!["the name \"Jamie Smith\"", "the name \"Oakfield\""]
        );
        assert!(personal_data("We waited 12 weeks in 2025 for 3 visits.", &names).is_empty());
        assert!(personal_data("Jamie went alone.", &names).is_empty());
    }
}
