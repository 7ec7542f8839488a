//! Misspelt page topics. A page's `topics:` may hold the site's own topics as well as the Local
//! Offer's, but a topic one or two letters away from a Local Offer topic (`assesment`) is a typo:
//! the page would not count for the topic it covers.

use crate::config::statutory::LOCAL_OFFER_TOPICS;
use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// Reports every page topic that is a near miss of a Local Offer topic or a required topic, at
/// the topic in the page's front matter (found in the text kept by the loader).
pub fn check_topic_names(site: &Site) -> Vec<Diagnostic> {
    let known: Vec<&str> = LOCAL_OFFER_TOPICS
        .iter()
        .map(|(id, _)| *id)
        .chain(site.config.statutory.required_topics.iter().map(String::as_str))
        .collect();
    let mut problems = Vec::new();
    for page in &site.pages {
        let mut text = None;
        for topic in &page.meta.topics {
            if known.contains(&topic.as_str()) {
                continue;
            }
            let Some(best) = near_miss(topic, &known) else { continue };
            let text = text.get_or_insert_with(|| site.sources.get(&page.source.file).unwrap_or_default());
            let (line, column) = topic_position(text, page.body_first_line, topic).unwrap_or((1, 1));
            problems.push(
                Diagnostic::error(
                    &page.source.file,
                    line,
                    column,
                    Rule::TOPIC_UNKNOWN,
                    format!("`{topic}` is not a Local Offer topic, so this page does not count as covering one: did you mean `{best}`?"),
                )
                .with_suggestion(format!(
                    "Write `{best}` in `topics:`. The Local Offer topics are listed in docs/directory.md."
                ))
                .with_subject(crate::diagnostic::Subject::Stops(crate::diagnostic::topic_key(best))),
            );
        }
    }
    problems
}

/// The known topic `topic` is one or two typing slips away from, if any.
fn near_miss<'a>(topic: &str, known: &[&'a str]) -> Option<&'a str> {
    let topic = topic.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&topic, k), *k))
        .filter(|(distance, k)| *distance > 0 && *distance <= (k.len() / 5).clamp(1, 2))
        .min()
        .map(|(_, k)| k)
}

/// Where `topic` is written in the front matter (the lines before `body_first_line`).
fn topic_position(text: &str, body_first_line: usize, topic: &str) -> Option<(usize, usize)> {
    let mut in_topics = false;
    for (index, line) in text.lines().enumerate().take(body_first_line.saturating_sub(1)) {
        let trimmed = line.trim_start();
        if trimmed.starts_with("topics:") {
            in_topics = true;
        } else if !trimmed.starts_with('-') && !line.starts_with(' ') {
            in_topics = false;
        }
        if !in_topics {
            continue;
        }
        let found = line.match_indices(topic).find(|(at, _)| {
            let before = line[..*at].chars().next_back();
            let after = line[at + topic.len()..].chars().next();
            let edge = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
            edge(before) && edge(after)
        });
        if let Some((at, _)) = found {
            return Some((index + 1, line[..at].chars().count() + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_of_local_offer_topics_are_found() {
        let known = ["assessment", "health", "schools", "special-schools", "transition"];
        assert_eq!(near_miss("assesment", &known), Some("assessment"));
        assert_eq!(near_miss("heath", &known), Some("health"));
        assert_eq!(near_miss("assessment", &known), None);
        assert_eq!(near_miss("ehc-plans", &known), None);
        assert_eq!(near_miss("transport", &known), None);
        assert_eq!(near_miss("school", &known), Some("schools"));
    }

    #[test]
    fn the_topic_is_found_in_flow_and_block_lists() {
        let flow = "---\ntitle: A\ntopics: [ehc-plans, assesment]\n---\nBody\n";
        assert_eq!(topic_position(flow, 5, "assesment"), Some((3, 21)));
        let block = "---\ntopics:\n  - assesment\n---\n";
        assert_eq!(topic_position(block, 5, "assesment"), Some((3, 5)));
    }
}
