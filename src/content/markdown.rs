//! How Signpost reads Markdown: the one set of pulldown-cmark options every reader of content
//! uses (the renderer, the checks, the search index, plain-text copies), so they all see the same
//! headings, tables and links, and a heading's `{#id}` is never read as words.

use pulldown_cmark::Options;

/// The Markdown options: tables, footnotes, heading attributes (`## Title {#id}`) and
/// strikethrough.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}
