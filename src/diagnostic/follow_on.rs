//! Findings that follow from a root cause: ordering them under it and saying how many there are.

use super::{Diagnostic, Subject};
use crate::rules::Rule;
use std::collections::HashMap;

/// Puts each root cause first, with the findings that follow from it right after it (both in the
/// order given); then every other finding in the order given.
pub(super) fn causes_first(items: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if items.iter().all(|d| d.caused_by().is_none()) {
        return items;
    }
    let (follow, rest): (Vec<Diagnostic>, Vec<Diagnostic>) = items.into_iter().partition(|d| d.caused_by().is_some());
    let is_cause = |d: &Diagnostic| follow.iter().any(|f| f.caused_by().is_some_and(|c| d.is(c)));
    let (causes, others): (Vec<Diagnostic>, Vec<Diagnostic>) = rest.into_iter().partition(|d| is_cause(d));
    let mut ordered = Vec::with_capacity(causes.len() + follow.len() + others.len());
    let mut placed = vec![false; follow.len()];
    for cause in causes {
        let mine: Vec<usize> = (0..follow.len())
            .filter(|&i| !placed[i] && follow[i].caused_by().is_some_and(|c| cause.is(c)))
            .collect();
        ordered.push(cause);
        for i in mine {
            placed[i] = true;
            ordered.push(follow[i].clone());
        }
    }
    ordered.extend(others);
    ordered.extend(follow.into_iter().zip(placed).filter(|(_, placed)| !placed).map(|(d, _)| d));
    ordered
}

/// Where a root cause is: its file, line, column and rule.
type CauseKey<'a> = (&'a str, usize, usize, Rule);

/// The findings that follow from each root cause, gathered in one pass over all the findings
/// (in their order), so that listing them under every cause does not look through all of them
/// again for each.
pub struct Followers<'a> {
    by_cause: HashMap<CauseKey<'a>, Vec<&'a Diagnostic>>,
}

impl<'a> Followers<'a> {
    /// Gathers the findings in `all` that name a root cause.
    pub fn new(all: &'a [Diagnostic]) -> Self {
        let mut by_cause: HashMap<CauseKey<'a>, Vec<&'a Diagnostic>> = HashMap::new();
        for d in all {
            if let Some(c) = d.caused_by() {
                by_cause.entry((c.file.as_str(), c.line, c.column, c.rule)).or_default().push(d);
            }
        }
        Followers { by_cause }
    }

    /// The findings that follow from `cause`, one of the findings given to [`Followers::new`]
    /// (none when `cause` itself follows from another).
    pub fn of(&self, cause: &'a Diagnostic) -> &[&'a Diagnostic] {
        if cause.caused_by().is_some() {
            return &[];
        }
        let key = (cause.file.as_str(), cause.line, cause.column, cause.rule);
        self.by_cause.get(&key).map_or(&[], Vec::as_slice)
    }
}

/// "11 links broke because content/services/short-breaks.yaml could not be read", or `None` when
/// nothing follows.
pub fn summary(follow: &[&Diagnostic]) -> Option<String> {
    let because = &follow.first()?.caused_by()?.because;
    let (mut links, mut topics, mut contacts, mut others) = (0, 0, 0, 0);
    for d in follow {
        match d.subject() {
            Some(Subject::Missing(key)) if key.starts_with('/') => links += 1,
            Some(Subject::Missing(key)) if super::topic_of(key).is_some() => topics += 1,
            Some(Subject::Missing(key)) if key.starts_with("contact:") => contacts += 1,
            _ => others += 1,
        }
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let parts: Vec<String> = [
        (links, plural(links, "link broke", "links broke")),
        (
            topics,
            plural(topics, "required topic is not covered", "required topics are not covered"),
        ),
        (contacts, plural(contacts, "contact block is missing", "contact blocks are missing")),
        (others, plural(others, "other problem follows", "other problems follow")),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(_, text)| text)
    .collect();
    let joined = match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => return None,
    };
    Some(format!("{joined} because {because}"))
}

#[cfg(test)]
mod tests {
    use super::super::{Cause, Diagnostic, Diagnostics, Subject};
    use super::*;
    use crate::rules::Rule;

    fn cause() -> Cause {
        Cause {
            file: "content/services/x.yaml".into(),
            line: 4,
            column: 3,
            rule: Rule::YAML_SYNTAX,
            because: "content/services/x.yaml could not be read".into(),
        }
    }

    fn follower(file: &str, line: usize, key: &str) -> Diagnostic {
        let mut d = Diagnostic::error(file, line, 1, Rule::DEAD_LINK, "x").with_subject(Subject::Missing(key.into()));
        d.set_caused_by(cause());
        d
    }

    #[test]
    fn the_root_cause_comes_first_with_what_follows_from_it() {
        let mut all = Diagnostics::default();
        all.push(follower("content/a.md", 3, "/services/a/"));
        all.push(Diagnostic::error("content/a.md", 1, 1, Rule::IMAGE_ALT, "y"));
        all.push(Diagnostic::error("content/services/x.yaml", 4, 3, Rule::YAML_SYNTAX, "z"));
        all.push(follower("content/b.md", 1, "topic:health"));
        let order: Vec<(String, usize)> = all.sorted().into_iter().map(|d| (d.file, d.line)).collect();
        assert_eq!(
            order,
            vec![
                ("content/services/x.yaml".to_string(), 4),
                ("content/a.md".to_string(), 3),
                ("content/b.md".to_string(), 1),
                ("content/a.md".to_string(), 1),
            ]
        );
    }

    #[test]
    fn the_summary_counts_each_kind() {
        let a = follower("content/a.md", 3, "/services/a/");
        let b = follower("content/a.md", 4, "/services/b/");
        let c = follower("site.toml", 4, "topic:health");
        assert_eq!(
            summary(&[&a, &b, &c]).as_deref(),
            Some("2 links broke and 1 required topic is not covered because content/services/x.yaml could not be read")
        );
        assert_eq!(summary(&[]), None);
    }
}
