//! Words that mean the same to families: `content/search-synonyms.yaml` (lay terms and the site's
//! words) plus every glossary acronym with what it stands for.
//!
//! The file is a list of groups; each group lists words or phrases that mean the same thing:
//!
//! ```yaml
//! - [respite, short breaks]
//! - [speech therapy, speech and language therapy, SALT]
//! ```

use super::analysis;
use crate::content::Site;
use crate::content::inside::ReadError;
use crate::diagnostic::Diagnostic;
use crate::yaml;
use std::collections::BTreeSet;
use std::path::Path;

/// The synonyms file, relative to the site folder.
pub const SYNONYMS_FILE: &str = "content/search-synonyms.yaml";

/// A phrase after analysis: its stems in order (one stem for a single word).
pub type Phrase = Vec<String>;

/// Groups of phrases that mean the same, after analysis, sorted and without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms {
    /// Each group holds two or more distinct phrases.
    pub groups: Vec<Vec<Phrase>>,
}

impl Synonyms {
    /// Builds the groups from phrases as written, dropping phrases with no searchable words.
    pub fn from_written(groups: &[Vec<String>]) -> Synonyms {
        let mut analysed: BTreeSet<Vec<Phrase>> = BTreeSet::new();
        for group in groups {
            let phrases: BTreeSet<Phrase> = group
                .iter()
                .map(|p| analysis::stems(p))
                .filter(|p: &Phrase| !p.is_empty())
                .collect();
            if phrases.len() >= 2 {
                analysed.insert(phrases.into_iter().collect());
            }
        }
        Synonyms {
            groups: analysed.into_iter().collect(),
        }
    }

    /// The phrases that mean the same as `phrase` (not including itself), sorted.
    pub fn alternatives(&self, phrase: &[String]) -> Vec<&Phrase> {
        let mut out: BTreeSet<&Phrase> = BTreeSet::new();
        for group in &self.groups {
            if group.iter().any(|p| p.as_slice() == phrase) {
                out.extend(group.iter().filter(|p| p.as_slice() != phrase));
            }
        }
        out.into_iter().collect()
    }

    /// The longest phrase length in any group (how far the planner looks ahead).
    pub fn longest(&self) -> usize {
        self.groups.iter().flatten().map(Vec::len).max().unwrap_or(0)
    }
}

/// Reads the synonyms file (if there is one) and adds the glossary's acronyms. Problems in the
/// file come back as diagnostics; the groups that could be read are still used.
pub fn load(root: &Path, site: &Site) -> (Synonyms, Vec<Diagnostic>) {
    let mut written: Vec<Vec<String>> = Vec::new();
    let mut problems = Vec::new();
    let path = root.join(SYNONYMS_FILE);
    let folder = crate::content::inside::SiteFolder::new(root);
    if let (true, Ok(folder)) = (path.is_file(), &folder) {
        match folder.read_to_string(&path) {
            Ok(text) => match yaml::parse::<Option<Vec<Vec<String>>>>(&text) {
                Ok(groups) => written.extend(groups.unwrap_or_default()),
                Err(error) => problems.push(
                    Diagnostic::error(SYNONYMS_FILE, error.line, error.column, error.rule, error.message).with_suggestion(
                        "Write a list of groups, one a line, each a list of words that mean the same: `- [respite, short breaks]`.",
                    ),
                ),
            },
            // a link out of the site: reported by the content loader, which walks `content/`
            Err(ReadError::Outside(_)) => {}
            Err(error) => problems.push(Diagnostic::error(
                SYNONYMS_FILE,
                0,
                0,
                "read-error",
                format!("Cannot read this file: {error}"),
            )),
        }
    }
    for term in &site.glossary {
        if let Some(stands_for) = &term.stands_for {
            // "Occupational therapy or occupational therapist": each is a meaning of its own
            let mut group = vec![term.term.clone()];
            group.extend(stands_for.split(" or ").map(|s| s.trim().to_string()));
            written.push(group);
        }
    }
    (Synonyms::from_written(&written), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_analysed_and_symmetric() {
        let synonyms = Synonyms::from_written(&[vec!["Respite".into(), "short breaks".into()], vec!["the".into(), "and".into()]]);
        assert_eq!(synonyms.groups.len(), 1);
        assert_eq!(
            synonyms.alternatives(&["respit".to_string()]),
            vec![&vec!["short".to_string(), "break".to_string()]]
        );
        assert_eq!(
            synonyms.alternatives(&["short".to_string(), "break".to_string()]),
            vec![&vec!["respit".to_string()]]
        );
        assert_eq!(synonyms.longest(), 2);
    }
}
