//! Review dates: content past its review date is a warning; past the grace period, an error (or,
//! for services with `[statutory] services_out_of_date = "notice"`, a warning and a notice on the page).

use crate::config::statutory::OutOfDate;
use crate::content::{Date, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// Checks the review dates of every page and service against `today`.
pub fn check_review_dates(site: &Site, today: Date) -> Vec<Diagnostic> {
    let grace = site.config.checks.review_grace_days;
    let notice_only = site.config.statutory.services_out_of_date == OutOfDate::Notice;
    let mut problems = Vec::new();
    let mut check = |file: &str, line: usize, column: usize, what: &str, last: Date, next: Date, lenient: bool| {
        if last > today {
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::REVIEW_DATE,
                    format!("{what} says it was last reviewed on {}, which is in the future", last.long()),
                )
                .with_suggestion("Set `last_reviewed:` to the day the content was really checked."),
            );
        }
        if next < last {
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::REVIEW_DATE,
                    format!(
                        "{what} is due for review on {}, before it was last reviewed ({})",
                        next.long(),
                        last.long()
                    ),
                )
                .with_suggestion(
                    "Set `next_review:` to a date after `last_reviewed:`, or remove it to use the review cycle from site.toml.",
                ),
            );
        } else if today > next.add_days(grace) && lenient {
            problems.push(
                Diagnostic::warning(
                    file,
                    line,
                    column,
                    Rule::REVIEW_OVERDUE,
                    format!(
                        "{what} was due for review on {}, more than {grace} days ago; it is shown as \"may be out of date\"",
                        next.long()
                    ),
                )
                .with_suggestion("Check the content with its owner, then set `last_reviewed:` to today's date."),
            );
        } else if today > next.add_days(grace) {
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::REVIEW_OVERDUE,
                    format!("{what} was due for review on {}, more than {grace} days ago", next.long()),
                )
                .with_suggestion("Check the content with its owner, then set `last_reviewed:` to today's date."),
            );
        } else if today > next {
            problems.push(
                Diagnostic::warning(
                    file,
                    line,
                    column,
                    Rule::REVIEW_DUE,
                    format!("{what} was due for review on {}", next.long()),
                )
                .with_suggestion("Check the content with its owner, then set `last_reviewed:` to today's date."),
            );
        }
    };
    // News items are dated, not reviewed: they report what happened on their day.
    for page in site.pages.iter().filter(|p| p.meta.news.is_none()) {
        check(
            &page.source.file,
            2,
            1,
            &format!("The page \"{}\"", page.meta.title),
            page.meta.last_reviewed,
            page.next_review(&site.config),
            false,
        );
    }
    for service in &site.services {
        check(
            &service.source.file,
            service.source.line,
            service.source.column,
            &format!("The service \"{}\"", service.record.name),
            service.record.last_reviewed,
            service.next_review(&site.config),
            notice_only,
        );
    }
    problems
}
