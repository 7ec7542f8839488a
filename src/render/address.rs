//! The one place that turns a site route (`/services/`, what authors, templates and the checks
//! write) into the address the published site uses. A site published under a sub-path
//! (`https://example.github.io/localoffer/`) gets every route prefixed with that path
//! (`/localoffer/services/`); at a domain root a route is its own address.
//!
//! Pages are rewritten when they are finished ([`super::postprocess`]), stylesheets when they are
//! published ([`Addresses::css`]), and absolute addresses (canonical links, the sitemap, feeds,
//! calendars, the Open Referral feed) come from [`Addresses::absolute`]. Scripts read the base
//! path from `<html data-base="…">` and the search bundle and shortlist hold routes.

/// How routes become addresses for one build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addresses {
    /// The site's absolute address, ending with `/`: `https://example.github.io/localoffer/`.
    base_url: String,
    /// The path of the site on its host, starting and ending with `/`: `/localoffer/`.
    base_path: String,
}

/// The path part of an absolute `http(s)` address, starting and ending with `/`.
fn path_of(base_url: &str) -> String {
    let rest = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))
        .unwrap_or(base_url);
    let rest = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    let path = rest.find('/').map_or("/", |at| &rest[at..]);
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

impl Addresses {
    /// The addresses of a site published at `base_url` (its path is the base path).
    pub fn new(base_url: &str) -> Addresses {
        let mut base_url = base_url.to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        Addresses {
            base_path: path_of(&base_url),
            base_url,
        }
    }

    /// The addresses of a site served at the root of its host whatever `base_url` says (the
    /// preview of `signpost serve`); absolute addresses still use `base_url`.
    pub fn at_root(base_url: &str) -> Addresses {
        Addresses {
            base_path: "/".to_string(),
            ..Addresses::new(base_url)
        }
    }

    /// The site's path on its host: `/` or `/localoffer/`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The site's absolute address, ending with `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address of a route: `/services/` -> `/localoffer/services/`. Anything that is not a
    /// route (another website, `#part`, `mailto:`, a relative address, `//host/…`) is unchanged.
    /// Apply it once: a route is always prefixed.
    pub fn local(&self, route: &str) -> String {
        if !is_route(route) || self.base_path == "/" {
            return route.to_string();
        }
        format!("{}{}", self.base_path, &route[1..])
    }

    /// The absolute address of a route: `/services/` -> `https://example.github.io/localoffer/services/`.
    pub fn absolute(&self, route: &str) -> String {
        format!("{}{}", self.base_url, route.trim_start_matches('/'))
    }

    /// The route of an address on this site (the reverse of [`Addresses::local`]), if it is one.
    pub fn route_of<'u>(&self, address: &'u str) -> Option<&'u str> {
        if !is_route(address) {
            return None;
        }
        if self.base_path == "/" {
            return Some(address);
        }
        let inner = &self.base_path[..self.base_path.len() - 1];
        address
            .strip_prefix(inner)
            .filter(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
    }

    /// A `srcset` with every route in it made an address.
    pub fn srcset(&self, value: &str) -> String {
        value
            .split(',')
            .map(|candidate| {
                let trimmed = candidate.trim_start();
                let lead = &candidate[..candidate.len() - trimmed.len()];
                let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
                format!("{lead}{}{}", self.local(&trimmed[..end]), &trimmed[end..])
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The addresses a configuration asks for (see [`crate::config::SiteConfig::served_at_root`]).
    pub fn for_config(config: &crate::config::SiteConfig) -> Addresses {
        if config.served_at_root {
            Addresses::at_root(&config.base_url)
        } else {
            Addresses::new(&config.base_url)
        }
    }

    /// A stylesheet with every `url(/…)` route made an address (quoted or not), after `rename`
    /// (which gives an asset its published name). Other addresses, and the text around them, are
    /// unchanged.
    pub fn css(&self, text: &str, rename: impl Fn(&str) -> Option<String>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("url(") {
            let (before, after) = rest.split_at(at + 4);
            out.push_str(before);
            let inner = after.trim_start();
            out.push_str(&after[..after.len() - inner.len()]);
            let quote = inner.chars().next().filter(|c| *c == '"' || *c == '\'');
            let (open, body) = match quote {
                Some(_) => (&inner[..1], &inner[1..]),
                None => ("", inner),
            };
            let end = match quote {
                Some(q) => body.find(q),
                None => body.find([')', ' ', '\n', '\t']),
            }
            .unwrap_or(body.len());
            out.push_str(open);
            let route = &body[..end];
            out.push_str(&self.local(&rename(route).unwrap_or_else(|| route.to_string())));
            rest = &body[end..];
        }
        out.push_str(rest);
        out
    }
}

/// True for a root-relative route: starts with one `/` (not `//host`).
fn is_route(address: &str) -> bool {
    address.starts_with('/') && !address.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_path_comes_from_the_base_url() {
        assert_eq!(Addresses::new("https://localoffer.example.org/").base_path(), "/");
        assert_eq!(Addresses::new("https://localoffer.example.org").base_path(), "/");
        assert_eq!(Addresses::new("https://example.github.io/localoffer/").base_path(), "/localoffer/");
        assert_eq!(Addresses::new("http://127.0.0.1:8123/a/b").base_path(), "/a/b/");
        assert_eq!(Addresses::at_root("https://example.github.io/localoffer/").base_path(), "/");
        assert_eq!(
            Addresses::at_root("https://example.github.io/localoffer/").absolute("/x/"),
            "https://example.github.io/localoffer/x/"
        );
    }

    #[test]
    fn routes_get_the_base_path_and_nothing_else_does() {
        let sub = Addresses::new("https://example.github.io/localoffer/");
        assert_eq!(sub.local("/services/"), "/localoffer/services/");
        assert_eq!(sub.local("/"), "/localoffer/");
        assert_eq!(sub.local("/search/?q=x#top"), "/localoffer/search/?q=x#top");
        assert_eq!(sub.local("/localofferings/"), "/localoffer/localofferings/");
        for unchanged in ["https://nhs.uk/", "//cdn.example/x.js", "#main", "mailto:a@b.c", "page/", ""] {
            assert_eq!(sub.local(unchanged), unchanged);
        }
        let root = Addresses::new("https://localoffer.example.org/");
        assert_eq!(root.local("/services/"), "/services/");
        assert_eq!(sub.absolute("/services/"), "https://example.github.io/localoffer/services/");
        assert_eq!(root.absolute("/"), "https://localoffer.example.org/");
    }

    #[test]
    fn addresses_turn_back_into_routes() {
        let sub = Addresses::new("https://example.github.io/localoffer/");
        assert_eq!(sub.route_of("/localoffer/services/"), Some("/services/"));
        assert_eq!(sub.route_of("/localoffer"), Some(""));
        assert_eq!(sub.route_of("/localoffer?x"), Some("?x"));
        assert_eq!(sub.route_of("/other/"), None);
        assert_eq!(sub.route_of("/localofferings/"), None);
        assert_eq!(Addresses::new("https://a.example/").route_of("/x/"), Some("/x/"));
    }

    #[test]
    fn srcset_and_css_routes_get_the_base_path() {
        let sub = Addresses::new("https://example.github.io/localoffer/");
        assert_eq!(
            sub.srcset("/assets/a.png 1x, /assets/b.png 2x,https://x.example/c.png 3x"),
            "/localoffer/assets/a.png 1x, /localoffer/assets/b.png 2x,https://x.example/c.png 3x"
        );
        let none = |_: &str| None;
        assert_eq!(
            sub.css("a{background:url(/assets/a.png)} b{background: url( \"/assets/b.svg\" )} c{background:url('data:x')} @import url(https://x.example/y.css);", none),
            "a{background:url(/localoffer/assets/a.png)} b{background: url( \"/localoffer/assets/b.svg\" )} c{background:url('data:x')} @import url(https://x.example/y.css);"
        );
        assert_eq!(sub.css("no urls", none), "no urls");
        let hashed = |route: &str| (route == "/assets/a.png").then(|| "/assets/a.123.png".to_string());
        assert_eq!(sub.css("x{y:url(/assets/a.png)}", hashed), "x{y:url(/localoffer/assets/a.123.png)}");
        let root = Addresses::new("https://a.example/");
        assert_eq!(root.css("x{y:url(/assets/a.png)}", hashed), "x{y:url(/assets/a.123.png)}");
    }
}
