//! News items: `content/news/*.md`, pages with a date, an owner (author or partner), topics and
//! attachments such as a termly newsletter. They are [`Page`](super::Page)s whose
//! [`PageMeta::news`](super::PageMeta::news) is set, so the page machinery (checks, search,
//! links) covers them too.

use super::Date;
use super::front_matter::Split;
use super::model::{Audience, PageMeta, Status};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use crate::yaml::{self, Spanned, YamlError};
use serde::Deserialize;
use std::path::{Component, Path};

/// The folder in `content/` that holds news items.
pub const NEWS_DIR: &str = "news";
/// The address of the news listing.
pub const NEWS_URL: &str = "/news/";
/// The address of the Atom feed of all news.
pub const NEWS_FEED_URL: &str = "/news/feed.xml";
/// How many news items a listing page shows.
pub const NEWS_PER_PAGE: usize = 10;

/// What a news item has besides the fields every page has.
#[derive(Debug, Clone, PartialEq)]
pub struct NewsInfo {
    /// The day it was published.
    pub date: Date,
    /// Files that come with it, in the order written.
    pub attachments: Vec<Attachment>,
}

/// A file published with a news item, such as a newsletter PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// Its address, `/assets/...`.
    pub file: String,
    /// What it is, in words.
    pub title: String,
    /// The address of the same content as a web page, if there is one.
    pub html_version: Option<String>,
    /// How to get it in an accessible format, if there is no HTML version.
    pub accessible_format: Option<String>,
    /// Its size in bytes (`None` when the file is missing).
    pub size: Option<u64>,
    /// 1-based line and column where it was written.
    pub line: usize,
    /// 1-based column where it was written.
    pub column: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewsMeta {
    title: String,
    date: Date,
    summary: String,
    owner: String,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    audience: Vec<Audience>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    attachments: Vec<Spanned<AttachmentRecord>>,
    #[serde(default)]
    plain_language: Option<crate::config::plain_language::PagePlainLanguage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttachmentRecord {
    file: String,
    title: String,
    #[serde(default)]
    html_version: Option<String>,
    #[serde(default)]
    accessible_format: Option<String>,
}

/// True for a news item's file: a Markdown file anywhere in `news/` (`news/<slug>.md`), except
/// `index.md` files and easy-read versions (`*.easy.md`), which are ordinary pages.
pub fn is_news_file(relative: &Path) -> bool {
    let mut parts = relative.components();
    parts.next().is_some_and(|first| first.as_os_str() == NEWS_DIR)
        && parts.next().is_some()
        && relative.extension().is_some_and(|e| e == "md")
        && relative
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| s != "index" && !s.ends_with(super::easy_read::EASY_READ_STEM_SUFFIX))
}

/// A problem with a file in `news/` that cannot be a page: `news/index.md` would take the place of
/// the news listing, which Signpost makes.
pub fn reserved_file(relative: &Path, file: &str) -> Option<Diagnostic> {
    (relative == Path::new(NEWS_DIR).join("index.md")).then(|| {
        Diagnostic::error(file, 0, 0, Rule::NEWS_INDEX, "The news listing at /news/ is made by Signpost, so there cannot be a page content/news/index.md")
            .with_suggestion("Move this text to another page, or delete the file. Each news item is its own file in content/news/, such as content/news/coffee-mornings.md.")
    })
}

/// Reads a news item's front matter into page fields with [`PageMeta::news`] set. Problems with
/// its attachments (a missing file, no accessible version) are added to `diagnostics`; `root` is
/// the site folder, where the attachments' files are looked for.
pub fn parse(root: &Path, file: &str, parts: &Split<'_>, diagnostics: &mut Vec<Diagnostic>) -> Result<PageMeta, YamlError> {
    let meta: NewsMeta = yaml::parse(parts.yaml)?;
    let attachments = meta
        .attachments
        .into_iter()
        .map(|spanned| {
            let position = yaml::position_of(&spanned);
            let line = position.line + parts.yaml_first_line - 1;
            let record = spanned.value;
            let size = asset_size(root, &record.file);
            let attachment = Attachment {
                file: record.file,
                title: record.title,
                html_version: record.html_version.filter(|t| !t.trim().is_empty()),
                accessible_format: record.accessible_format.filter(|t| !t.trim().is_empty()),
                size,
                line,
                column: position.column,
            };
            diagnostics.extend(check_attachment(file, &attachment));
            attachment
        })
        .collect();
    Ok(PageMeta {
        title: meta.title,
        summary: meta.summary,
        last_reviewed: meta.date,
        next_review: None,
        owner: meta.owner,
        status: meta.status,
        audience: meta.audience,
        topics: meta.topics,
        order: None,
        plain_language: meta.plain_language,
        page_type: Default::default(),
        news: Some(NewsInfo {
            date: meta.date,
            attachments,
        }),
        redirects: Vec::new(),
        translated: None,
        translator: None,
        redirect_positions: Vec::new(),
    })
}

/// The size of an asset named by its address (`/assets/a/b.pdf`), if it is a file inside the
/// site's `assets` folder. Addresses that climb out of the folder count as missing.
fn asset_size(root: &Path, url: &str) -> Option<u64> {
    let inside = url.strip_prefix("/assets/")?;
    let relative = Path::new(inside);
    if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let meta = std::fs::metadata(root.join("assets").join(relative)).ok()?;
    meta.is_file().then_some(meta.len())
}

fn check_attachment(file: &str, attachment: &Attachment) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let (line, column) = (attachment.line, attachment.column);
    if !attachment.file.starts_with("/assets/") {
        found.push(
            Diagnostic::error(file, line, column, Rule::ATTACHMENT_MISSING, format!("The attachment `{}` is not in the assets folder", attachment.file))
                .with_suggestion("Put the file in the `assets` folder and write its address as `file: /assets/NAME`, for example `file: /assets/newsletters/autumn-2026.pdf`."),
        );
    } else if attachment.size.is_none() {
        found.push(
            Diagnostic::error(
                file,
                line,
                column,
                Rule::ATTACHMENT_MISSING,
                format!("The attachment `{}` does not exist", attachment.file),
            )
            .with_suggestion("Check the spelling of the file name, or copy the file into the `assets` folder."),
        );
    }
    if attachment.html_version.is_none() && attachment.accessible_format.is_none() {
        found.push(
            Diagnostic::warning(
                file,
                line,
                column,
                Rule::ATTACHMENT_NOT_ACCESSIBLE,
                format!(
                    "The attachment \"{}\" has no HTML version and no note on how to get it in an accessible format. The Public Sector Bodies Accessibility Regulations 2018 expect documents that councils publish to be accessible, and many people cannot read PDF or Word files",
                    attachment.title
                ),
            )
            .with_suggestion("Publish the same content as a page and add `html_version: /ADDRESS/` to the attachment, or add `accessible_format:` saying how people can ask for it in another format."),
        );
    }
    found
}

impl Attachment {
    /// The file's type in words: `PDF`, `Word document`, …
    pub fn kind(&self) -> String {
        let extension = Path::new(&self.file)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match extension.as_str() {
            "pdf" => "PDF".to_string(),
            "doc" | "docx" => "Word document".to_string(),
            "odt" => "OpenDocument text".to_string(),
            "xls" | "xlsx" => "Excel spreadsheet".to_string(),
            "ods" => "OpenDocument spreadsheet".to_string(),
            "ppt" | "pptx" => "PowerPoint presentation".to_string(),
            "csv" => "CSV".to_string(),
            "rtf" => "Rich Text Format".to_string(),
            "" => "File".to_string(),
            other => other.to_ascii_uppercase(),
        }
    }

    /// The file's size in words: `240 KB`, `1.2 MB` (empty when the file is missing).
    pub fn size_text(&self) -> String {
        match self.size {
            None => String::new(),
            Some(bytes) => size_words(bytes),
        }
    }
}

/// A size in bytes as people read it: `512 bytes`, `240 KB`, `1.2 MB`.
pub fn size_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The address of a page of the news listing: 1 is `/news/`, 2 is `/news/page/2/`.
pub fn news_page_url(number: usize) -> String {
    if number <= 1 {
        NEWS_URL.to_string()
    } else {
        format!("{NEWS_URL}page/{number}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_words() {
        assert_eq!(size_words(300), "300 bytes");
        assert_eq!(size_words(240 * 1024), "240 KB");
        assert_eq!(size_words(1024 * 1024 + 200 * 1024), "1.2 MB");
    }

    #[test]
    fn listing_addresses() {
        assert_eq!(news_page_url(1), "/news/");
        assert_eq!(news_page_url(2), "/news/page/2/");
    }

    #[test]
    fn news_files() {
        assert!(is_news_file(Path::new("news/autumn.md")));
        assert!(!is_news_file(Path::new("news/index.md")));
        assert!(is_news_file(Path::new("news/2026/autumn.md")));
        assert!(!is_news_file(Path::new("news/autumn.easy.md")));
        assert!(!is_news_file(Path::new("advice/autumn.md")));
    }
}
