//! Internal links and `#anchors` must lead somewhere; each dead one is reported at the line and
//! column where it was written.

use crate::diagnostic::{Diagnostic, Subject};
use crate::render::PageRecord;
use crate::rules::Rule;
use std::collections::{BTreeMap, BTreeSet};

/// Everything a link inside the site can point at.
#[derive(Debug, Default)]
pub struct LinkTargets {
    /// Site addresses of pages, with the ids in each.
    pub pages: BTreeMap<String, BTreeSet<String>>,
    /// Addresses of files under `/assets/` (original names).
    pub assets: BTreeSet<String>,
}

impl LinkTargets {
    /// Collects the targets from the rendered pages and the asset addresses.
    pub fn new(pages: &[PageRecord], assets: impl IntoIterator<Item = String>) -> Self {
        LinkTargets {
            pages: pages.iter().map(|p| (p.url.clone(), p.facts.ids.clone())).collect(),
            assets: assets.into_iter().collect(),
        }
    }
}

/// Checks every link written in the Markdown of every page. `site` is the site's address
/// (`base_url`, or only its host name): full links to it are checked like site addresses, and a
/// full link to the same host outside the site's path leaves the site.
pub fn check_links(pages: &[PageRecord], targets: &LinkTargets, site: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for page in pages {
        for link in &page.links {
            let Some((path, fragment)) = resolve(&page.url, &link.href, site) else {
                continue;
            };
            if path.starts_with("/assets/") {
                if !targets.assets.contains(&path) {
                    let fix = match targets.assets.iter().find(|asset| asset.eq_ignore_ascii_case(&path)) {
                        Some(asset) if asset.contains(' ') => format!(
                            "The file is called {asset}: capital letters count. Write the link as <{asset}>, in angle brackets because of the space."
                        ),
                        Some(asset) => format!("The file is called {asset}: capital letters count. Write the link as {asset}."),
                        None => "Check the file name (capital letters count), or add the file to the `assets` folder.".to_string(),
                    };
                    problems.push(
                        Diagnostic::error(
                            &page.source.file,
                            link.line,
                            link.column,
                            Rule::DEAD_LINK,
                            format!(
                                "The link to {} leads nowhere: there is no such file in the assets folder",
                                link.href
                            ),
                        )
                        .with_suggestion(fix)
                        .with_subject(Subject::Missing(path.clone())),
                    );
                }
                continue;
            }
            let Some(page_key) = find_page(targets, &path) else {
                let fix = match crate::suggest::closest(&path, targets.pages.keys().map(String::as_str)) {
                    Some(best) => format!("Did you mean {best}? Otherwise check the address, or create the page."),
                    None => {
                        "Check the address, or create the page. Addresses on this site end with `/`, for example /advice/short-breaks/."
                            .to_string()
                    }
                };
                problems.push(
                    Diagnostic::error(
                        &page.source.file,
                        link.line,
                        link.column,
                        Rule::DEAD_LINK,
                        format!("The link to {} leads nowhere: there is no page at {path}", link.href),
                    )
                    .with_suggestion(fix)
                    .with_subject(Subject::Missing(page_address(&path))),
                );
                continue;
            };
            if let Some(fragment) = fragment {
                let ids = &targets.pages[page_key];
                if !ids.contains(&fragment) {
                    let fix = match crate::suggest::closest(&fragment, ids.iter().map(String::as_str)) {
                        Some(best) => format!("Did you mean #{best}? Headings get ids from their words: `## Who can ask?` becomes #who-can-ask."),
                        None => "Link to a heading that exists on that page. Headings get ids from their words: `## Who can ask?` becomes #who-can-ask.".to_string(),
                    };
                    problems.push(
                        Diagnostic::error(
                            &page.source.file,
                            link.line,
                            link.column,
                            Rule::DEAD_ANCHOR,
                            format!(
                                "The link to {} leads nowhere: the page {page_key} has no part called #{fragment}",
                                link.href
                            ),
                        )
                        .with_suggestion(fix),
                    );
                }
            }
        }
    }
    problems
}

/// Checks the addresses in `site.toml` (navigation, accessibility statement, other formats):
/// each must be a page of the site. `config_text` is the text of `site.toml`, for positions.
pub fn check_config_links(config: &crate::config::SiteConfig, config_text: &str, targets: &LinkTargets) -> Vec<Diagnostic> {
    let mut addresses: Vec<(&str, &str)> = config.nav.iter().map(|link| ("nav", link.url.as_str())).collect();
    addresses.push(("accessibility_statement", config.accessibility_statement.as_str()));
    if let Some(url) = &config.other_formats {
        addresses.push(("other_formats", url.as_str()));
    }
    let mut problems = Vec::new();
    for (key, url) in addresses {
        if !url.starts_with('/') || find_page(targets, url.split('#').next().unwrap_or(url)).is_some() {
            continue;
        }
        let (line, column) = crate::config::find_value(config_text, url);
        problems.push(
            Diagnostic::error(
                crate::config::CONFIG_FILE,
                line,
                column,
                Rule::DEAD_LINK,
                format!("The {key} address {url} leads nowhere: there is no page there"),
            )
            .with_suggestion("Create the page in content/, or correct the address in site.toml.")
            .with_subject(Subject::Missing(page_address(url.split('#').next().unwrap_or(url)))),
        );
    }
    problems
}

/// The address of the page an internal path names, as pages' addresses are written: `/x` and
/// `/x/index.html` are `/x/`.
fn page_address(path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// Finds the page an internal path names, allowing `/x` for `/x/` and `/x/index.html`.
fn find_page<'a>(targets: &'a LinkTargets, path: &str) -> Option<&'a String> {
    let candidates = [
        path.to_string(),
        format!("{path}/"),
        path.trim_end_matches("index.html").to_string(),
    ];
    candidates
        .iter()
        .find_map(|candidate| targets.pages.get_key_value(candidate).map(|(key, _)| key))
}

/// Turns a link into an absolute site path and an optional fragment; `None` for links that leave
/// the site (other websites, email, phone).
fn resolve(page_url: &str, href: &str, site: &str) -> Option<(String, Option<String>)> {
    let href = href.trim();
    if href.is_empty() {
        return Some((page_url.to_string(), None));
    }
    let site_host = crate::render::postprocess::host_of(site).unwrap_or(site.trim_end_matches('/'));
    let local = if let Some(host) = crate::render::postprocess::host_of(href) {
        if !host.eq_ignore_ascii_case(site_host) {
            return None;
        }
        let after_scheme = href.split_once("//").map(|(_, rest)| rest).unwrap_or(href);
        let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
        // The address of a page is the site's path and then its route.
        let route = crate::render::address::Addresses::new(site).route_of(path)?;
        if route.starts_with('/') {
            route.to_string()
        } else {
            format!("/{route}")
        }
    } else if href.starts_with("//") || href.split(['/', '#', '?']).next().is_some_and(|first| first.contains(':')) {
        return None;
    } else {
        href.to_string()
    };
    let (before_fragment, fragment) = match local.split_once('#') {
        Some((path, fragment)) => (path.to_string(), Some(percent_decode(fragment))),
        None => (local, None),
    };
    let path = before_fragment.split('?').next().unwrap_or("").to_string();
    let absolute = if path.is_empty() {
        page_url.to_string()
    } else if path.starts_with('/') {
        path
    } else {
        join_relative(page_url, &path)
    };
    Some((percent_decode(&absolute), fragment.filter(|f| !f.is_empty())))
}

fn join_relative(base: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    let trailing = relative.ends_with('/');
    for piece in relative.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let mut joined = format!("/{}", parts.join("/"));
    if trailing && joined != "/" {
        joined.push('/');
    }
    joined
}

/// Decodes `%20`-style escapes in an address (invalid ones are kept as written).
pub(crate) fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_and_broken_ones_kept() {
        assert_eq!(percent_decode("/assets/Big%20Form.pdf"), "/assets/Big Form.pdf");
        assert_eq!(percent_decode("/caf%C3%A9/"), "/café/");
        assert_eq!(percent_decode("/100%/"), "/100%/");
        assert_eq!(percent_decode("/a%2/"), "/a%2/");
        assert_eq!(percent_decode("/a%zz/"), "/a%zz/");
    }

    #[test]
    fn resolves_links_the_way_a_browser_would() {
        let host = "localoffer.example.org";
        assert_eq!(resolve("/advice/sen/", "/services/", host), Some(("/services/".into(), None)));
        assert_eq!(
            resolve("/advice/sen/", "#who-can-ask", host),
            Some(("/advice/sen/".into(), Some("who-can-ask".into())))
        );
        assert_eq!(
            resolve("/advice/sen/", "../ehc/#top", host),
            Some(("/advice/ehc/".into(), Some("top".into())))
        );
        assert_eq!(
            resolve("/advice/sen/", "https://localoffer.example.org/glossary/", host),
            Some(("/glossary/".into(), None))
        );
        assert_eq!(resolve("/advice/sen/", "https://www.nhs.uk/", host), None);
        let sub = "https://example.github.io/localoffer/";
        assert_eq!(
            resolve("/advice/sen/", "https://example.github.io/localoffer/glossary/#a", sub),
            Some(("/glossary/".into(), Some("a".into())))
        );
        assert_eq!(
            resolve("/advice/sen/", "https://example.github.io/localoffer", sub),
            Some(("/".into(), None))
        );
        assert_eq!(resolve("/advice/sen/", "https://example.github.io/other-site/", sub), None);
        assert_eq!(resolve("/advice/sen/", "/glossary/", sub), Some(("/glossary/".into(), None)));
        assert_eq!(resolve("/advice/sen/", "mailto:a@b.org", host), None);
        assert_eq!(resolve("/advice/sen/", "tel:0121", host), None);
    }
}
