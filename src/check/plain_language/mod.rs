//! Plain-language checks: every page and service is read sentence by sentence, scored, and checked
//! against the limits of its profile. Findings point at the sentence, word or acronym.
//!
//! - [`extract`] takes the visible text out of the Markdown;
//! - [`syllables`] and [`measures`] count and score it;
//! - [`rules`] finds sentences, words and acronyms to fix;
//! - [`sections`] measures each part of a page under a level-2 heading;
//! - [`words`] holds the word lists (built in, extended by the site);
//! - this module picks the profile, applies allow comments, and gathers the results.

pub mod extract;
#[cfg(test)]
mod labelled;
pub mod measures;
mod place;
pub mod rules;
pub mod sections;
pub mod syllables;
#[cfg(test)]
mod tests;
pub mod words;

use crate::check::Finding;
use crate::config::plain_language::{Limits, Profile};
use crate::content::{Audience, Page, Service, Site};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Rule;
use extract::Extract;
use measures::{Counts, Scores};
use place::{Place, SourceFile};
use rayon::prelude::*;
use rules::{BlockFinding, Context};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use words::WordLists;

/// A finding an author allowed with a comment, kept for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllowedFinding {
    /// The finding, as it would have been reported.
    pub diagnostic: Diagnostic,
    /// The reason the author gave.
    pub reason: String,
}

/// One of the longest sentences of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LongSentence {
    /// 1-based line in the source file.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Number of words.
    pub words: usize,
    /// The sentence.
    pub text: String,
}

/// What the checks found about one page or service.
#[derive(Debug, Clone, Serialize)]
pub struct PageReadability {
    /// Source file.
    pub file: String,
    /// Site address.
    pub url: String,
    /// Title or service name.
    pub title: String,
    /// The profile whose limits applied to the main text.
    pub profile: Profile,
    /// Word, sentence and syllable counts.
    pub counts: Counts,
    /// Scores, when the page has enough words.
    pub scores: Option<Scores>,
    /// Measures of each section (under a level-2 heading, or the introduction) with enough words
    /// to score; worked out for the report only.
    pub sections: Vec<sections::SectionReadability>,
    /// The longest sentences, longest first (at most three).
    pub longest: Vec<LongSentence>,
    /// Findings to fix.
    pub findings: Vec<Diagnostic>,
    /// Findings an author allowed, with the reason.
    pub allowed: Vec<AllowedFinding>,
}

/// The plain-language results of a whole site.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SiteReadability {
    /// One entry per page and service, in site order.
    pub pages: Vec<PageReadability>,
    /// Problems with the site's own word lists.
    pub problems: Vec<Diagnostic>,
}

impl SiteReadability {
    /// The average reading age of the pages that have enough words to score.
    pub fn average_reading_age(&self) -> Option<f64> {
        let ages: Vec<f64> = self.pages.iter().filter_map(|p| p.scores.map(|s| s.reading_age)).collect();
        (!ages.is_empty()).then(|| measures::round1(ages.iter().sum::<f64>() / ages.len() as f64))
    }

    /// Every finding, including problems with the word lists.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.problems.clone();
        for page in &self.pages {
            all.extend(page.findings.iter().cloned());
        }
        all
    }

    /// How many findings authors allowed.
    pub fn allowed_count(&self) -> usize {
        self.pages.iter().map(|p| p.allowed.len()).sum()
    }
}

/// Runs the plain-language checks on every page and service of the site, in parallel.
pub fn check_site(site: &Site) -> Vec<Diagnostic> {
    if !site.config.plain_language.enabled {
        return Vec::new();
    }
    analyse_site(site, SiteFiles::Use, false).diagnostics()
}

/// What [`check_site`] reads, kept whole: the findings (from [`SiteReadability::diagnostics`]) and
/// each page's counts and scores, for `signpost serve`'s panel. Empty when the checks are off.
pub fn check_site_readability(site: &Site) -> SiteReadability {
    if !site.config.plain_language.enabled {
        return SiteReadability::default();
    }
    analyse_site(site, SiteFiles::Use, false)
}

/// Whether the plain-language checks use the site's own files (its word lists, and its service
/// files for positions) as the loader kept them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteFiles {
    /// Use the site's word lists and point into its service files.
    Use,
    /// Built-in lists only; service summaries point at the service.
    BuiltInOnly,
}

/// Reads, scores and checks every page and service, with or without the site's own files.
/// `detail` also finds the longest sentences of every page (for the report).
pub fn analyse_site(site: &Site, files: SiteFiles, detail: bool) -> SiteReadability {
    let config = &site.config.plain_language;
    let sources = (files == SiteFiles::Use).then_some(&site.sources);
    let (lists, problems) = WordLists::load(sources, config.default_words_to_avoid, &config.words_to_avoid);
    let mut known: HashSet<String> = config.known_acronyms.iter().cloned().collect();
    for term in &site.glossary {
        known.extend(term.term.split(|c: char| !c.is_alphanumeric()).filter_map(glossary_acronym));
    }
    let sources = read_service_sources(site, files);
    // The rules are written for English: translations (and a site whose main language is not
    // English) are not read by them.
    let english = |page: &&Page| crate::content::translations::is_english(page.language.as_deref().unwrap_or(&site.config.language));
    let pages = site
        .pages
        .par_iter()
        .filter(english)
        .map(|page| analyse_page(site, page, &lists, &known, detail));
    let services_english = crate::content::translations::is_english(&site.config.language);
    let services = site
        .services
        .par_iter()
        .filter(|_| services_english)
        .map(|service| analyse_service(site, service, &lists, &known, sources.get(service.source.file.as_str()), detail));
    let mut all: Vec<PageReadability> = pages.collect();
    all.extend(services.collect::<Vec<_>>());
    SiteReadability { pages: all, problems }
}

/// An all-capitals word of a glossary term (`EHC plan` gives `EHC`).
fn glossary_acronym(word: &str) -> Option<String> {
    (word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())).then(|| word.to_string())
}

/// The text of each file that holds services, for finding where their summaries are written.
fn read_service_sources(site: &Site, files: SiteFiles) -> BTreeMap<String, SourceFile> {
    if files == SiteFiles::BuiltInOnly {
        return BTreeMap::new();
    }
    let files: HashSet<&str> = site.services.iter().map(|s| s.source.file.as_str()).collect();
    files
        .into_par_iter()
        .filter_map(|file| {
            site.sources
                .get(file)
                .map(|text| (file.to_string(), SourceFile::new(text.to_string())))
        })
        .collect()
}

/// The profile for a page: its front matter's choice, else easy-read for `*.easy.md` pages, else
/// young-people for pages written for young people, else standard.
pub fn page_profile(page: &Page) -> Profile {
    if let Some(profile) = page.meta.plain_language.as_ref().and_then(|p| p.profile) {
        return profile;
    }
    if page.is_easy_read() {
        Profile::EasyRead
    } else if page.meta.audience.contains(&Audience::YoungPeople) {
        Profile::YoungPeople
    } else {
        Profile::Standard
    }
}

/// The limits for a page, and an error when the front matter raises them without a reason.
fn page_limits(site: &Site, page: &Page, profile: Profile) -> (Limits, Option<Diagnostic>) {
    let limits = site.config.plain_language.limits(profile);
    let Some(settings) = page.meta.plain_language.as_ref() else {
        return (limits, None);
    };
    if !settings.raises_limits() {
        return (limits, None);
    }
    if settings.has_reason() {
        return (settings.apply(limits), None);
    }
    let problem = Diagnostic::error(
        &page.source.file,
        1,
        1,
        Rule::LIMITS_NEED_REASON,
        "The front matter raises the plain-language limits of this page but does not say why",
    )
    .with_suggestion("Add `reason: \"...\"` under `plain_language:`, for example reason: \"quotes the law word for word\". Better still, make the text plainer.");
    (limits, Some(problem))
}

fn analyse_page(site: &Site, page: &Page, lists: &WordLists, known: &HashSet<String>, detail: bool) -> PageReadability {
    let profile = page_profile(page);
    let (limits, limits_problem) = page_limits(site, page, profile);
    let extract = extract::from_markdown(&page.body);
    let place = Place::Markdown {
        text: &page.body,
        first_line: page.body_first_line,
        indent: 0,
    };
    let cx = Context {
        limits,
        lists,
        known_acronyms: known,
    };
    let mut findings = rules::check(&extract, &cx);
    let counts = Counts::of_blocks(&extract.blocks);
    let scores = Scores::of(&counts, site.config.plain_language.min_words_for_scores);
    findings.extend(reading_age("This page", &extract, &place, scores, &limits));
    let mut result = PageReadability {
        file: page.source.file.clone(),
        url: page.url.clone(),
        title: page.meta.title.clone(),
        profile,
        counts,
        scores,
        sections: if detail {
            sections::measure(&page.body, &extract, site.config.plain_language.min_words_for_scores)
        } else {
            Vec::new()
        },
        longest: if detail { longest_sentences(&extract, &place) } else { Vec::new() },
        findings: limits_problem.into_iter().collect(),
        allowed: Vec::new(),
    };
    apply_allows(&mut result, &extract, &place, findings, true);
    result
}

fn analyse_service(
    site: &Site,
    service: &Service,
    lists: &WordLists,
    known: &HashSet<String>,
    source: Option<&SourceFile>,
    detail: bool,
) -> PageReadability {
    let config = &site.config.plain_language;
    let file = &service.source.file;
    let summary = extract::from_plain_text(&service.record.summary);
    let summary_cx = Context {
        limits: config.limits(Profile::ServiceSummary),
        lists,
        known_acronyms: known,
    };
    let mut result = PageReadability {
        file: file.clone(),
        url: service.url.clone(),
        title: service.record.name.clone(),
        profile: Profile::ServiceSummary,
        counts: Counts::default(),
        scores: None,
        sections: Vec::new(),
        longest: Vec::new(),
        findings: Vec::new(),
        allowed: Vec::new(),
    };
    let summary_findings = rules::check(&summary, &summary_cx);
    result.counts.add(Counts::of_blocks(&summary.blocks));
    // Finding the summary in its file costs a little, so it is done only when needed.
    let summary_place = if detail || !summary_findings.is_empty() {
        place::summary_place(source, service)
    } else {
        place::service_place(service)
    };
    if detail {
        result.longest = longest_sentences(&summary, &summary_place);
    }
    apply_allows(&mut result, &summary, &summary_place, summary_findings, false);

    let description = service.record.description.as_deref().unwrap_or("");
    if !description.trim().is_empty() {
        let extract = extract::from_markdown(description);
        let limits = config.limits(Profile::Standard);
        let cx = Context {
            limits,
            lists,
            known_acronyms: known,
        };
        let findings_here = rules::check(&extract, &cx);
        let place = if detail || !findings_here.is_empty() || !extract.allows.is_empty() {
            place::description_place(source, service, description)
        } else {
            place::description_place(None, service, description)
        };
        let mut findings = findings_here;
        result.counts.add(Counts::of_blocks(&extract.blocks));
        result.scores = Scores::of(&result.counts, config.min_words_for_scores);
        findings.extend(reading_age("This service", &extract, &place, result.scores, &limits));
        if detail {
            result.longest.extend(longest_sentences(&extract, &place));
        }
        result.longest.sort_by(|a, b| b.words.cmp(&a.words).then(a.line.cmp(&b.line)));
        result.longest.truncate(3);
        apply_allows(&mut result, &extract, &place, findings, false);
    }
    result
}

/// A warning when scored text reads above the profile's reading age or below its reading ease.
/// `what` names the text in the message: "This page" or "This service".
fn reading_age(what: &str, extract: &Extract, place: &Place<'_>, scores: Option<Scores>, limits: &Limits) -> Option<BlockFinding> {
    let scores = scores?;
    if scores.reading_age <= limits.max_reading_age && scores.flesch_reading_ease >= limits.min_reading_ease {
        return None;
    }
    let longest = longest_sentences(extract, place);
    let lines: Vec<String> = longest.iter().map(|s| s.line.to_string()).collect();
    let hint = if lines.is_empty() {
        String::new()
    } else {
        format!(" Start with the longest sentences, on lines {}.", lines.join(", "))
    };
    Some(BlockFinding {
        block: None,
        finding: Finding {
            offset: 0,
            rule: rules::READING_AGE,
            severity: Severity::Warning,
            message: format!(
                "{what} has a reading age of {:.1} (Flesch reading ease {:.1}); the aim here is a reading age of {} or under and a reading ease of {} or more",
                scores.reading_age, scores.flesch_reading_ease, limits.max_reading_age, limits.min_reading_ease
            ),
            suggestion: format!("Use shorter sentences and everyday words with fewer syllables.{hint}"),
        },
    })
}

/// The three longest sentences, longest first.
fn longest_sentences(extract: &Extract, place: &Place<'_>) -> Vec<LongSentence> {
    let mut all: Vec<(usize, &extract::Block, &extract::Sentence)> = extract
        .blocks
        .iter()
        .flat_map(|b| b.sentences.iter().map(move |s| (s.words.len(), b, s)))
        .collect();
    all.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    all.into_iter()
        .take(3)
        .map(|(words, block, sentence)| {
            let (line, column) = place.position(block.source_offset(sentence.range.start));
            let text = block.text[sentence.range.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
            LongSentence { line, column, words, text }
        })
        .collect()
}

/// Turns findings into diagnostics, setting aside those an allow comment covers, and reports
/// allow comments without a reason or naming an unknown rule.
/// `whole_file`: findings about all of the text (the reading age) are about the whole file.
fn apply_allows(result: &mut PageReadability, extract: &Extract, place: &Place<'_>, findings: Vec<BlockFinding>, whole_file: bool) {
    let file = result.file.clone();
    let mut used = vec![false; extract.allows.len()];
    for (index, allow) in extract.allows.iter().enumerate() {
        let (line, column) = place.position(allow.offset);
        if allow.reason.is_empty() {
            used[index] = true;
            result.findings.push(
                Diagnostic::error(
                    &file,
                    line,
                    column,
                    Rule::ALLOW_NEEDS_REASON,
                    "This signpost-allow comment gives no reason",
                )
                .with_suggestion("Say why after a colon, for example <!-- signpost-allow sentence-too-long: the title of the law -->."),
            );
        }
        for rule in &allow.rules {
            if !crate::rules::find(rule).is_some_and(|named| rules::RULES.contains(&named)) {
                used[index] = true;
                let ids = rules::RULES.iter().map(|r| r.id());
                let hint = match crate::suggest::closest(rule, ids.clone()) {
                    Some(best) => format!("Did you mean `{best}`?"),
                    None => format!("The rules are: {}.", ids.collect::<Vec<_>>().join(", ")),
                };
                result.findings.push(
                    Diagnostic::error(
                        &file,
                        line,
                        column,
                        Rule::ALLOW_UNKNOWN_RULE,
                        format!("This signpost-allow comment names `{rule}`, which is not a plain-language rule"),
                    )
                    .with_suggestion(hint),
                );
            }
        }
    }
    for BlockFinding { block, finding } in findings {
        let rule = finding.rule;
        let (line, column) = if whole_file && block.is_none() && rule == rules::READING_AGE {
            (0, 0)
        } else {
            place.position(finding.offset)
        };
        let diagnostic = finding.at(file.clone(), line, column);
        let allow = extract.allows.iter().position(|allow| {
            !allow.reason.is_empty()
                && allow.rules.iter().any(|r| crate::rules::find(r) == Some(rule))
                && (allow.block == block || block.is_none())
        });
        match allow {
            Some(index) => {
                used[index] = true;
                result.allowed.push(AllowedFinding {
                    diagnostic,
                    reason: extract.allows[index].reason.clone(),
                });
            }
            None => result.findings.push(diagnostic),
        }
    }
    for (index, allow) in extract.allows.iter().enumerate() {
        if !used[index] {
            let (line, column) = place.position(allow.offset);
            result.findings.push(
                Diagnostic::warning(
                    &file,
                    line,
                    column,
                    Rule::ALLOW_UNUSED,
                    format!("This signpost-allow comment for {} allows nothing here", allow.rules.join(", ")),
                )
                .with_suggestion("Remove the comment, or put it on the line just before the paragraph it is about."),
            );
        }
    }
}
