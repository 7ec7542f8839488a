//! "You said, we did" (SEND Regulations 2014, reg 56): comments on the Local Offer, the council's
//! response and the action it will take, from `content/you-said-we-did.yaml`.

use super::Date;
use serde::{Deserialize, Serialize};

/// The file that holds "You said, we did", inside `content/`.
pub const YOU_SAID_WE_DID_FILE: &str = "you-said-we-did.yaml";
/// The address of the published "You said, we did" page.
pub const YOU_SAID_WE_DID_URL: &str = "/you-said-we-did/";

/// What a comment was about: the kinds of comment reg 56(1) asks councils to seek.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeedbackTheme {
    /// The content of the Local Offer.
    Content,
    /// The quality of provision, or provision that is missing.
    QualityOrGaps,
    /// How accessible the information is.
    Accessibility,
    /// How the Local Offer was developed or reviewed.
    DevelopmentOrReview,
}

impl FeedbackTheme {
    /// The id authors write: `quality-or-gaps`.
    pub fn id(self) -> &'static str {
        match self {
            FeedbackTheme::Content => "content",
            FeedbackTheme::QualityOrGaps => "quality-or-gaps",
            FeedbackTheme::Accessibility => "accessibility",
            FeedbackTheme::DevelopmentOrReview => "development-or-review",
        }
    }
}

/// One comment with the council's response.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackEntry {
    /// When the comment was made (or the response published).
    pub date: Date,
    /// What it was about.
    pub theme: FeedbackTheme,
    /// What people said, with nothing that identifies anyone.
    pub comment: String,
    /// The council's response.
    pub response: String,
    /// What the council did or will do.
    pub action: String,
    /// When the action will be done, if it is still to do.
    #[serde(default)]
    pub action_by: Option<Date>,
    /// Set after loading: where the comment text starts (1-based line and column).
    #[serde(skip)]
    pub comment_at: (usize, usize),
}

/// `content/you-said-we-did.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YouSaidWeDid {
    /// How the feedback was gathered: events, surveys, how many people took part.
    #[serde(default)]
    pub how_we_asked: Option<String>,
    /// The comments and responses.
    pub entries: Vec<FeedbackEntry>,
    /// Set after loading: the file, relative to the site root.
    #[serde(skip)]
    pub file: String,
    /// Set after loading: the line of `entries:` (for "none" and "too old" findings).
    #[serde(skip)]
    pub entries_line: usize,
}

impl YouSaidWeDid {
    /// The newest entry's date.
    pub fn newest(&self) -> Option<Date> {
        self.entries.iter().map(|e| e.date).max()
    }
}

/// Finds where each entry's `comment:` text starts, counting entries by their `- ` marker under
/// `entries:`. Entries without a `comment:` line keep (0, 0).
pub fn locate_comments(text: &str, data: &mut YouSaidWeDid) {
    let mut entry = None::<usize>;
    let mut in_entries = false;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if line.starts_with("entries:") {
            in_entries = true;
            data.entries_line = index + 1;
            continue;
        }
        if !in_entries {
            continue;
        }
        if !line.starts_with(' ') && !line.starts_with('-') && !trimmed.is_empty() && !trimmed.starts_with('#') {
            in_entries = false;
            continue;
        }
        let mut rest = trimmed;
        if let Some(after) = trimmed.strip_prefix("- ") {
            entry = Some(entry.map_or(0, |e| e + 1));
            rest = after.trim_start();
        }
        if let (Some(current), Some(value)) = (entry, rest.strip_prefix("comment:"))
            && let Some(target) = data.entries.get_mut(current)
        {
            let value_start = value.len() - value.trim_start().len();
            let column = line.len() - rest.len() + "comment:".len() + value_start + 1;
            target.comment_at = (index + 1, column);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_line_by_line() {
        let text = "how_we_asked: Survey\nentries:\n  - date: 2026-01-01\n    theme: content\n    comment: Hello\n    response: R\n    action: A\n  - comment: >-\n      Second\n    date: 2026-02-01\n    theme: content\n    response: R\n    action: A\n";
        let mut data: YouSaidWeDid = crate::yaml::parse(text).unwrap();
        locate_comments(text, &mut data);
        assert_eq!(data.entries_line, 2);
        assert_eq!(data.entries[0].comment_at, (5, 14));
        assert_eq!(data.entries[1].comment_at, (8, 14));
    }
}
