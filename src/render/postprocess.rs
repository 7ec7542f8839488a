//! The last pass over every finished page, with lol_html: marks links to other websites for
//! screen-reader users, points asset addresses at their content-hashed names, and records the
//! facts the checks need (element ids, contact blocks present, images without alt text). Last,
//! every route in an address attribute becomes the site's address ([`Addresses::local`]), so
//! templates and Markdown write routes (`/services/`) whatever path the site is published at.

/// The attributes that hold one address each and get the base path.
const ADDRESS_ATTRIBUTES: &[&str] = &["href", "src", "action", "formaction", "poster", "data"];

use super::address::Addresses;
use super::url_safety::{check_attribute, is_url_attribute};
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// Attributes read for the page's facts or changed here besides the address attributes.
const FACT_ATTRIBUTES: &[&str] = &["id", "data-contact", "class"];

/// The attributes of one element that the last pass reads, copied out in one look, and which of
/// them it changed (written back once, in place, so the attribute order stays as written).
#[derive(Default)]
struct Noted {
    /// Name (lowercase) and value, in the element's order.
    values: Vec<(String, String)>,
    /// Names whose value was changed here.
    changed: Vec<&'static str>,
    /// The element has an `alt` attribute.
    has_alt: bool,
}

impl Noted {
    /// The first value of `name`, as `get_attribute` gives it.
    fn get(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Changes the first value of `name` (which [`Noted::get`] found).
    fn set(&mut self, name: &'static str, value: String) {
        if let Some(slot) = self.values.iter_mut().find(|(n, _)| n == name) {
            slot.1 = value;
            if !self.changed.contains(&name) {
                self.changed.push(name);
            }
        }
    }

    /// The changed attributes with their new values.
    fn changed(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.changed.iter().filter_map(|name| self.get(name).map(|value| (*name, value)))
    }
}

/// What the post-processing needs to know about the site.
pub(crate) struct PostProcessor<'a> {
    /// Original asset address -> hashed address.
    pub assets: &'a BTreeMap<String, String>,
    /// Host name of the site, e.g. `localoffer.example.org`.
    pub site_host: String,
    /// Visually hidden text appended to links to other websites (HTML-escaped already).
    pub external_link_text: String,
    /// The link schemes the site allows (`[content] link_schemes`); any address attribute with
    /// another scheme is taken out of the page and reported.
    pub link_schemes: &'a [String],
    /// How routes become the site's addresses.
    pub addresses: Addresses,
}

/// Facts about a finished page that the checks use.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Every `id` in the page.
    pub ids: BTreeSet<String>,
    /// Every `data-contact` block in the page.
    pub contact_blocks: BTreeSet<String>,
    /// Number of `<img>` elements without an `alt` attribute.
    pub images_without_alt: usize,
    /// Address attributes taken out because their scheme is not allowed: `<a href="javascript:…">`.
    pub unsafe_urls: Vec<String>,
}

impl PageFacts {
    /// Adds the facts of a part made and finished apart (a service card) to the page's.
    pub fn add(&mut self, part: &PageFacts) {
        self.ids.extend(part.ids.iter().cloned());
        self.contact_blocks.extend(part.contact_blocks.iter().cloned());
        self.images_without_alt += part.images_without_alt;
        self.unsafe_urls.extend(part.unsafe_urls.iter().cloned());
    }
}

/// The host name in an absolute `http(s)` address.
pub(crate) fn host_of(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Percent-encodes what an address path cannot hold as it is (spaces, `%`, quotes, letters
/// outside ASCII), keeping `/` and the characters addresses use unencoded.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn strip_query(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    &url[..end]
}

impl PostProcessor<'_> {
    /// True when a full address on the site's host is under the site's path (another project
    /// site on `example.github.io` is another website).
    fn within_site(&self, href: &str) -> bool {
        let after_scheme = href.split_once("//").map(|(_, rest)| rest).unwrap_or(href);
        let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
        self.addresses.route_of(path).is_some()
    }

    /// Rewrites `html` and returns it with the facts found in it.
    pub(crate) fn run(&self, html: &str) -> Result<(String, PageFacts), String> {
        let facts = RefCell::new(PageFacts::default());
        // An address may be written percent-encoded (`Portage%20Photo.JPG`, as Markdown writes
        // `</assets/Portage Photo.JPG>`); the hashed name is encoded again so the link works.
        let hashed = |url: &str| -> Option<String> {
            let path = strip_query(url);
            let found = self.assets.get(path).or_else(|| {
                path.contains('%')
                    .then(|| self.assets.get(&crate::check::links::percent_decode(path)))?
            });
            found.map(|new| format!("{}{}", encode_path(new), &url[path.len()..]))
        };
        // One handler for every element, doing in turn what separate selectors did: each
        // selector costs a match on every element of every page. The element's attributes are
        // looked at once; only the ones this pass reads are copied out.
        let output = rewrite_str(
            html,
            RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
                let tag = el.tag_name();
                let mut noted = Noted::default();
                for attribute in el.attributes() {
                    let name = attribute.name();
                    if name == "alt" {
                        noted.has_alt = true;
                    } else if is_url_attribute(&name) || FACT_ATTRIBUTES.contains(&name.as_str()) {
                        noted.values.push((name, attribute.value()));
                    }
                }
                let mut unsafe_names = Vec::new();
                for (name, value) in &noted.values {
                    if is_url_attribute(name) && check_attribute(name, value, self.link_schemes).is_err() {
                        let shown: String = value.chars().take(60).filter(|c| !c.is_control()).collect();
                        facts.borrow_mut().unsafe_urls.push(format!("<{tag} {name}=\"{shown}\">"));
                        unsafe_names.push(name.clone());
                    }
                }
                for name in unsafe_names {
                    el.remove_attribute(&name);
                    noted.values.retain(|(kept, _)| *kept != name);
                }
                if let Some(id) = noted.get("id") {
                    facts.borrow_mut().ids.insert(id.to_string());
                }
                if let Some(id) = noted.get("data-contact") {
                    facts.borrow_mut().contact_blocks.insert(id.to_string());
                }
                if tag == "img" && !noted.has_alt {
                    facts.borrow_mut().images_without_alt += 1;
                }
                if let Some(new) = noted.get("src").and_then(&hashed) {
                    noted.set("src", new);
                }
                if tag == "video"
                    && let Some(new) = noted.get("poster").and_then(&hashed)
                {
                    noted.set("poster", new);
                }
                if (tag == "a" || tag == "link")
                    && let Some(href) = noted.get("href")
                {
                    if let Some(new) = hashed(href) {
                        noted.set("href", new);
                    } else if tag == "a"
                        && host_of(href).is_some_and(|host| !host.eq_ignore_ascii_case(&self.site_host) || !self.within_site(href))
                    {
                        let class = match noted.get("class") {
                            Some(existing) if !existing.split_whitespace().any(|c| c == "external") => format!("{existing} external"),
                            Some(existing) => existing.to_string(),
                            None => "external".to_string(),
                        };
                        el.set_attribute("class", &class)?;
                        el.append(
                            &format!(" <span class=\"visually-hidden\">{}</span>", self.external_link_text),
                            ContentType::Html,
                        );
                    }
                }
                for name in ADDRESS_ATTRIBUTES {
                    let moved = noted.get(name).and_then(|value| {
                        let address = self.addresses.local(value);
                        (address != value).then_some(address)
                    });
                    if let Some(address) = moved {
                        noted.set(name, address);
                    }
                }
                if let Some(srcset) = noted.get("srcset").map(|value| self.addresses.srcset(value)) {
                    noted.set("srcset", srcset);
                }
                for (name, value) in noted.changed() {
                    el.set_attribute(name, value)?;
                }
                if tag == "html" {
                    el.set_attribute("data-base", self.addresses.base_path())?;
                }
                Ok(())
            })),
        )
        .map_err(|error| error.to_string())?;
        Ok((output, facts.into_inner()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn processor(assets: &BTreeMap<String, String>) -> PostProcessor<'_> {
        PostProcessor {
            assets,
            site_host: "localoffer.example.org".into(),
            external_link_text: "(opens another website)".into(),
            link_schemes: Box::leak(crate::config::ContentConfig::default().link_schemes.into_boxed_slice()),
            addresses: Addresses::new("https://localoffer.example.org/"),
        }
    }

    #[test]
    fn routes_get_the_base_path_after_assets_are_hashed() {
        let mut assets = BTreeMap::new();
        assets.insert("/assets/site.css".to_string(), "/assets/site.0123456789.css".to_string());
        let mut post = processor(&assets);
        post.addresses = Addresses::new("https://example.github.io/localoffer/");
        post.site_host = "example.github.io".into();
        let (html, _) = post
            .run(r##"<html lang="en"><a href="https://example.github.io/localoffer/x/">Here</a><a href="https://example.github.io/other/">Other</a><link rel="stylesheet" href="/assets/site.css"><a href="/services/">S</a><a href="#x">X</a><a href="https://nhs.uk/">N</a><form action="/search/"></form><img alt="" src="/assets/a.png" srcset="/assets/a.png 1x, /assets/b.png 2x"></html>"##)
            .unwrap();
        assert_eq!(
            html,
            r##"<html lang="en" data-base="/localoffer/"><a href="https://example.github.io/localoffer/x/">Here</a><a href="https://example.github.io/other/" class="external">Other <span class="visually-hidden">(opens another website)</span></a><link rel="stylesheet" href="/localoffer/assets/site.0123456789.css"><a href="/localoffer/services/">S</a><a href="#x">X</a><a href="https://nhs.uk/" class="external">N <span class="visually-hidden">(opens another website)</span></a><form action="/localoffer/search/"></form><img alt="" src="/localoffer/assets/a.png" srcset="/localoffer/assets/a.png 1x, /localoffer/assets/b.png 2x"></html>"##
        );
    }

    #[test]
    fn script_addresses_from_templates_or_fields_are_taken_out_and_reported() {
        let assets = BTreeMap::new();
        let (html, facts) = processor(&assets)
            .run(r#"<a href="javascript:alert(1)">A</a><a href="jav&#x09;ascript:x">B</a><img alt="" src="data:text/html,x"><form action="vbscript:x"></form><a href="/ok/">C</a>"#)
            .unwrap();
        assert_eq!(html, r#"<a>A</a><a>B</a><img alt=""><form></form><a href="/ok/">C</a>"#);
        assert_eq!(facts.unsafe_urls.len(), 4, "{:?}", facts.unsafe_urls);
        assert!(facts.unsafe_urls[0].starts_with("<a href=\"javascript:"), "{:?}", facts.unsafe_urls);
    }

    #[test]
    fn external_links_are_marked_and_internal_ones_are_not() {
        let assets = BTreeMap::new();
        let (html, _) = processor(&assets)
            .run(r#"<a href="https://nhs.uk/x">NHS</a> <a class="button" href="https://nhs.uk/">NHS</a> <a href="/services/">Services</a> <a href="https://localoffer.example.org/x/">Here</a>"#)
            .unwrap();
        assert_eq!(
            html,
            r#"<a href="https://nhs.uk/x" class="external">NHS <span class="visually-hidden">(opens another website)</span></a> <a class="button external" href="https://nhs.uk/">NHS <span class="visually-hidden">(opens another website)</span></a> <a href="/services/">Services</a> <a href="https://localoffer.example.org/x/">Here</a>"#
        );
    }

    #[test]
    fn asset_names_that_need_encoding_still_get_their_hashed_names() {
        let mut assets = BTreeMap::new();
        assets.insert(
            "/assets/Portage Photo.JPG".to_string(),
            "/assets/Portage Photo.0123456789.JPG".to_string(),
        );
        let (html, _) = processor(&assets)
            .run(r#"<img alt="A" src="/assets/Portage%20Photo.JPG"><a href="/assets/Portage%20Photo.JPG#x">P</a>"#)
            .unwrap();
        assert!(html.contains(r#"src="/assets/Portage%20Photo.0123456789.JPG""#), "{html}");
        assert!(html.contains(r#"href="/assets/Portage%20Photo.0123456789.JPG#x""#), "{html}");
    }

    #[test]
    fn assets_get_hashed_names_and_facts_are_collected() {
        let mut assets = BTreeMap::new();
        assets.insert("/assets/site.css".to_string(), "/assets/site.0123456789.css".to_string());
        let (html, facts) = processor(&assets)
            .run(r#"<link rel="stylesheet" href="/assets/site.css"><h2 id="a">A</h2><aside data-contact="sendiass" id="help"></aside><img src="/assets/site.css?v=1"><video poster="/assets/site.css"></video>"#)
            .unwrap();
        assert!(html.contains(r#"href="/assets/site.0123456789.css""#));
        assert!(html.contains(r#"src="/assets/site.0123456789.css?v=1""#));
        assert!(html.contains(r#"<video poster="/assets/site.0123456789.css">"#), "{html}");
        assert_eq!(facts.ids.into_iter().collect::<Vec<_>>(), vec!["a", "help"]);
        assert!(facts.contact_blocks.contains("sendiass"));
        assert_eq!(facts.images_without_alt, 1);
    }
}
