//! Finds every link to another website, with who owns it: a service's provider or contact
//! website, a contact block's website, a link written in a page's Markdown, or a link in a
//! finished page's HTML (from the theme or a contact block shown on it).

use crate::content::Site;
use crate::render::PageRecord;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

/// The content folder, where contact blocks live.
const CONTENT_DIR: &str = "content";

/// Who a link belongs to: the place to change it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct Owner {
    /// `service`, `contact`, `page` or `template`.
    pub kind: String,
    /// The service's, contact block's or page's name or address.
    pub name: String,
    /// The file to edit, relative to the site folder.
    pub file: String,
    /// 1-based line (0 when not known).
    pub line: usize,
    /// 1-based column (0 when not known).
    pub column: usize,
    /// Which field or part holds the link: `provider_website`, `contact.website`, `website`,
    /// `markdown` or `html`.
    pub field: String,
}

/// Every external address to check (without its `#fragment`), with each place it is written.
pub type LinkOwners = BTreeMap<String, Vec<Owner>>;

/// Collects the finished HTML of every page a build hands over.
#[derive(Default)]
pub struct HtmlCapture {
    /// `(output path, HTML)` of each page.
    pub pages: Mutex<Vec<(String, String)>>,
}

impl crate::Sink for HtmlCapture {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        if path.ends_with(".html")
            && let Ok(mut pages) = self.pages.lock()
        {
            pages.push((path.to_string(), String::from_utf8_lossy(bytes).into_owned()));
        }
        Ok(())
    }
}

/// True for an address this check looks at: `http(s)` on another host, not ignored.
fn wanted(url: &str, site_host: &str, ignore: &[String]) -> bool {
    let Some(host) = crate::render::postprocess::host_of(url) else {
        return false;
    };
    !host.is_empty() && !host.eq_ignore_ascii_case(site_host) && !ignore.iter().any(|prefix| url.starts_with(prefix.as_str()))
}

/// The address to request: trimmed, without its `#fragment`.
pub fn without_fragment(url: &str) -> &str {
    let url = url.trim();
    url.split_once('#').map_or(url, |(before, _)| before)
}

/// The 1-based line and column of `needle` in `text`, searching from line `from_line`.
fn position(text: &str, needle: &str, from_line: usize) -> (usize, usize) {
    let start: usize = text.split_inclusive('\n').take(from_line.saturating_sub(1)).map(str::len).sum();
    let found = text
        .get(start..)
        .and_then(|rest| rest.find(needle))
        .map(|at| start + at)
        .or_else(|| text.find(needle));
    match found {
        Some(at) => crate::location::line_column(text, at),
        None => (from_line, 0),
    }
}

/// Gathers the links: fields of services and contact blocks from `site`, Markdown links from the
/// rendered `records`, and links only in the finished HTML of `html` pages.
pub fn collect(root: &Path, site: &Site, records: &[PageRecord], html: &[(String, String)]) -> LinkOwners {
    let config = &site.config.external_links;
    let site_host = crate::render::postprocess::host_of(&site.config.base_url).unwrap_or("").to_string();
    let mut links = LinkOwners::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut text_of = |file: &str| -> String {
        texts
            .entry(file.to_string())
            .or_insert_with(|| std::fs::read_to_string(root.join(file)).unwrap_or_default())
            .clone()
    };
    let add = |links: &mut LinkOwners, url: &str, owner: Owner| {
        if wanted(url, &site_host, &config.ignore) {
            let owners = links.entry(without_fragment(url).to_string()).or_default();
            if !owners.contains(&owner) {
                owners.push(owner);
            }
        }
    };
    for service in &site.services {
        let record = &service.record;
        for (field, url) in [
            ("provider_website", &record.provider_website),
            ("contact.website", &record.contact.website),
        ] {
            let Some(url) = url else { continue };
            let (line, column) = position(&text_of(&service.source.file), url, service.source.line.max(1));
            let owner = Owner {
                kind: "service".into(),
                name: record.name.clone(),
                file: service.source.file.clone(),
                line,
                column,
                field: field.into(),
            };
            add(&mut links, url, owner);
        }
    }
    for (id, block) in &site.contacts {
        let Some(url) = &block.website else { continue };
        let file = ["yaml", "yml"]
            .iter()
            .map(|ext| format!("{}/contacts/{id}.{ext}", CONTENT_DIR))
            .find(|file| root.join(file).is_file())
            .unwrap_or_else(|| format!("{}/contacts/{id}.yaml", CONTENT_DIR));
        let (line, column) = position(&text_of(&file), url, 1);
        let owner = Owner {
            kind: "contact".into(),
            name: block.name.clone(),
            file,
            line,
            column,
            field: "website".into(),
        };
        add(&mut links, url, owner);
    }
    for record in records {
        for link in &record.links {
            let owner = Owner {
                kind: "page".into(),
                name: record.url.clone(),
                file: record.source.file.clone(),
                line: link.line,
                column: link.column,
                field: "markdown".into(),
            };
            add(&mut links, &link.href, owner);
        }
    }
    // Links that only the finished HTML has (the theme, the footer): owned by the page's source,
    // unless the same address already has an owner above.
    let by_output: BTreeMap<&str, &PageRecord> = records.iter().map(|r| (r.output_path.as_str(), r)).collect();
    for (path, page) in html {
        for href in html_links(page) {
            let clean = without_fragment(&href);
            if links.contains_key(clean) || !wanted(&href, &site_host, &config.ignore) {
                continue;
            }
            let owner = match by_output.get(path.as_str()) {
                Some(record) => Owner {
                    kind: "template".into(),
                    name: record.url.clone(),
                    file: record.source.file.clone(),
                    line: record.source.line,
                    column: 0,
                    field: "html".into(),
                },
                None => Owner {
                    kind: "template".into(),
                    name: format!("/{path}"),
                    file: path.clone(),
                    line: 0,
                    column: 0,
                    field: "html".into(),
                },
            };
            add(&mut links, &href, owner);
        }
    }
    // The HTML of every page repeats the theme's links: keep the first few owners of those.
    for owners in links.values_mut() {
        let mut templates = 0;
        owners.retain(|owner| {
            templates += usize::from(owner.kind == "template");
            owner.kind != "template" || templates <= 3
        });
    }
    links
}

/// The `href` of every `<a>` in a finished page.
fn html_links(html: &str) -> Vec<String> {
    let found = std::cell::RefCell::new(Vec::new());
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(lol_html::element!("a[href]", |el| {
        if let Some(href) = el.get_attribute("href") {
            found.borrow_mut().push(href);
        }
        Ok(())
    }));
    // A page that cannot be read for links simply adds none: its Markdown links are still checked.
    let _ = lol_html::rewrite_str(html, settings);
    found.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_found_from_the_owner_line() {
        let text = "- name: A\n  website: https://a.example/\n- name: B\n  website: https://a.example/\n";
        assert_eq!(position(text, "https://a.example/", 1), (2, 12));
        assert_eq!(position(text, "https://a.example/", 3), (4, 12));
        assert_eq!(position(text, "https://missing.example/", 3), (3, 0));
    }

    #[test]
    fn only_other_websites_are_wanted() {
        assert!(wanted("https://other.example/x", "site.example", &[]));
        assert!(!wanted("https://site.example/x", "site.example", &[]));
        assert!(!wanted("/advice/", "site.example", &[]));
        assert!(!wanted("mailto:a@b.example", "site.example", &[]));
        assert!(!wanted("https://skip.example/a", "site.example", &["https://skip.example/".into()]));
        assert_eq!(without_fragment(" https://a.example/x#top "), "https://a.example/x");
    }

    #[test]
    fn links_are_read_from_html() {
        let html = r#"<p><a href="https://a.example/">A</a> <a>none</a> <a href="/b/">B</a></p>"#;
        assert_eq!(html_links(html), vec!["https://a.example/".to_string(), "/b/".to_string()]);
    }
}
