//! The "You said, we did" page: comments, the council's response and action, grouped by theme.

use super::Renderer;
use super::views::{Crumb, PageView};
use crate::content::{FeedbackTheme, SourceRef, YOU_SAID_WE_DID_URL, YouSaidWeDid};
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;

/// One theme of comments.
#[derive(Serialize)]
pub(super) struct FeedbackGroup<'a> {
    /// Theme id, for the `feedback_theme_<id>` string and the heading's anchor.
    pub theme: &'static str,
    /// Its entries, newest first.
    pub entries: Vec<FeedbackEntryView<'a>>,
}

/// One comment and response.
#[derive(Serialize)]
pub(super) struct FeedbackEntryView<'a> {
    /// Date, long form.
    pub date: String,
    /// Date, ISO form.
    pub date_iso: String,
    /// What people said.
    pub comment: &'a str,
    /// The council's response.
    pub response: &'a str,
    /// The action.
    pub action: &'a str,
    /// When the action will be done, long form.
    pub action_by: Option<String>,
}

impl<'a> Renderer<'a> {
    /// Fills `context` for the "You said, we did" page and returns its template.
    pub(super) fn render_you_said_we_did(&self, data: &'a YouSaidWeDid, context: &mut Context) -> (&'static str, SourceRef) {
        let config = &self.site.config;
        let mut by_theme: BTreeMap<FeedbackTheme, Vec<_>> = BTreeMap::new();
        for entry in &data.entries {
            by_theme.entry(entry.theme).or_default().push(entry);
        }
        let groups: Vec<FeedbackGroup<'_>> = by_theme
            .into_iter()
            .map(|(theme, mut entries)| {
                entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.comment.cmp(&b.comment)));
                FeedbackGroup {
                    theme: theme.id(),
                    entries: entries
                        .into_iter()
                        .map(|e| FeedbackEntryView {
                            date: e.date.long(),
                            date_iso: e.date.iso(),
                            comment: &e.comment,
                            response: &e.response,
                            action: &e.action,
                            action_by: e.action_by.map(|d| d.long()),
                        })
                        .collect(),
                }
            })
            .collect();
        let mut page = PageView::generated(
            "you-said-we-did",
            self.theme.string("feedback_title"),
            Some(self.theme.string("feedback_summary")),
            YOU_SAID_WE_DID_URL,
            config,
        );
        if let Some(newest) = data.newest() {
            page.last_reviewed = Some(newest.long());
            page.last_reviewed_iso = Some(newest.iso());
        }
        context.insert("page", &page);
        context.insert("how_we_asked", &data.how_we_asked);
        context.insert("groups", &groups);
        context.insert(
            "breadcrumbs",
            &vec![Crumb {
                title: self.theme.string("home_title").to_string(),
                url: "/".to_string(),
            }],
        );
        let source = SourceRef {
            file: data.file.clone(),
            line: 1,
            column: 1,
        };
        ("you-said-we-did.html", source)
    }
}
