//! The easy-read checks, stricter than the plain-language checks: every point has a picture from
//! the picture library with alt text, one idea always has the same picture, pages are short,
//! sentences have 15 words or fewer, no short forms in capitals, numbers as digits, dates in
//! full, no idioms or italics, the reader is spoken to ("you"), and hard words are in the
//! glossary. Easy-read versions are also checked against their full versions.
//!
//! - [`pairing`]: full and easy-read versions;
//! - [`pictures`]: the picture library and the picture rules;
//! - [`text`] and [`language`]: sentences and the rules for words;
//! - [`words`]: the built-in word lists.

pub mod language;
pub mod pairing;
pub mod pictures;
pub mod text;
pub mod words;

use crate::check::Finding;
use crate::content::easy_read::{EasyBlock, parse};
use crate::content::{Page, Service, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use language::Rules;
use pictures::{PictureCheck, PictureLibrary, PictureUse};
use std::path::Path;

/// Runs every easy-read check on the site.
pub fn check_site(site: &Site, root: &Path) -> Vec<Diagnostic> {
    let mut out = pairing::check(site);
    let easy: Vec<&Page> = site.pages.iter().filter(|p| p.is_easy_read()).collect();
    let summaries: Vec<&Service> = site.services.iter().filter(|s| s.record.easy_read_summary.is_some()).collect();
    if easy.is_empty() && summaries.is_empty() {
        return out;
    }
    let rules = Rules::new(&site.config.easy_read, &site.glossary);
    let (library, problems) = PictureLibrary::load(&site.sources, root);
    out.extend(problems);
    if library.is_none() && !easy.is_empty() {
        out.push(
            Diagnostic::error(pictures::library_file(), 0, 0, Rule::EASY_READ_PICTURE_LIBRARY, "There is no picture library for the easy-read pages")
                .with_suggestion("Create content/easy-read-pictures.yaml: a list of `- concept: phone` with `picture: /assets/easy-read/phone.svg`, one for each idea."),
        );
    }
    let mut picture_check = PictureCheck::new(library.as_ref());
    for page in easy {
        out.extend(check_page(site, page, &rules, &mut picture_check));
    }
    for service in summaries {
        out.extend(check_service_summary(service, &rules, site));
    }
    out
}

/// Checks one easy-read page.
fn check_page(site: &Site, page: &Page, rules: &Rules, pictures: &mut PictureCheck<'_>) -> Vec<Diagnostic> {
    let body = &page.body;
    let at = |offset: usize| position(body, offset, page.body_first_line);
    let doc = parse(body);
    let mut out = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    let mut sentences = Vec::new();
    let mut points = 0usize;
    let max_points = site.config.easy_read.max_points;
    for block in &doc.blocks {
        let text = match block {
            EasyBlock::Heading(heading) => text::read(body, heading.range.clone()),
            EasyBlock::Point(point) => {
                points += 1;
                if points == max_points + 1 {
                    let (line, column) = at(point.range.start);
                    out.push(
                        Diagnostic::warning(
                            &page.source.file,
                            line,
                            column,
                            Rule::EASY_READ_TOO_LONG,
                            format!(
                                "This page has {} points. An easy-read page should have {max_points} or fewer",
                                doc.points().count()
                            ),
                        )
                        .with_suggestion("Keep the points readers need most, or split the page into two easy-read pages."),
                    );
                }
                pictures.point(
                    page,
                    PictureUse {
                        picture: point.picture.as_ref(),
                        point_at: at(point.range.start),
                        picture_at: point.picture.as_ref().map(|p| at(p.range.start)).unwrap_or((0, 0)),
                    },
                    &mut out,
                );
                text::read(body, point.words.clone())
            }
        };
        findings.extend(rules.check(&text));
        sentences.extend(text.sentences);
    }
    if !language::speaks_to_reader(&sentences) {
        let (line, column) = doc.blocks.first().map(|_| at(0)).unwrap_or((page.body_first_line, 1));
        out.push(
            Diagnostic::warning(
                &page.source.file,
                line,
                column,
                Rule::EASY_READ_YOU,
                "This page never speaks to the reader: it has no \"you\" or \"your\"",
            )
            .with_suggestion("Talk to the reader, for example \"You can phone us\" instead of \"Parents can phone the team\"."),
        );
    }
    for finding in findings {
        let (line, column) = at(finding.offset);
        out.push(finding.at(&page.source.file, line, column));
    }
    out
}

/// Checks a service's `easy_read_summary`; findings point at the field.
fn check_service_summary(service: &Service, rules: &Rules, site: &Site) -> Vec<Diagnostic> {
    let Some(summary) = service.record.easy_read_summary.as_deref() else {
        return Vec::new();
    };
    let (line, column) = site
        .sources
        .get(&service.source.file)
        .and_then(|source| {
            source
                .lines()
                .enumerate()
                .skip(service.source.line.saturating_sub(1))
                .find_map(|(index, l)| l.find("easy_read_summary:").map(|c| (index + 1, c + 1)))
        })
        .unwrap_or((service.source.line, service.source.column));
    let text = text::read(summary, 0..summary.len());
    rules
        .check(&text)
        .into_iter()
        .map(|finding| finding.at(&service.source.file, line, column))
        .collect()
}

/// The file line and column of a byte offset in a page body that starts at `first_line`.
pub fn position(body: &str, offset: usize, first_line: usize) -> (usize, usize) {
    let (line, column) = crate::location::line_column(body, offset);
    (first_line + line - 1, column)
}
