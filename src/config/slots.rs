//! `[slots]` in `site.toml` and the files in `slots/`: HTML the site owner adds to named places in
//! the theme (analytics, a cookie notice, an accessibility toolbar) without copying the theme's
//! templates. Every slot is empty unless the site fills it.
//!
//! Slot HTML is the site owner's own and is not sanitised, but it must keep to the site's
//! security policy: a script or frame from another website only from a host in
//! `allowed_hosts` (which the policy then allows), and no inline scripts, event handlers or
//! styles (the policy blocks them, so they would silently not work).

use crate::content::inside::SiteFolder;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use serde::Deserialize;
use std::cell::RefCell;
use std::path::Path;

/// The folder in the site that holds slot files: `slots/head-end.html` and so on.
pub const SLOT_DIR: &str = "slots";

/// Each slot: its key in `[slots]` and its file name in [`SLOT_DIR`].
pub const SLOT_NAMES: [(&str, &str); 4] = [
    ("head_end", "head-end.html"),
    ("body_start", "body-start.html"),
    ("body_end", "body-end.html"),
    ("header_tools", "header-tools.html"),
];

/// What goes into each slot, and which other websites slots may load from.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SlotsConfig {
    /// HTML at the end of `<head>`.
    #[serde(default)]
    pub head_end: Option<String>,
    /// HTML at the start of `<body>`, before the skip link (for a cookie notice).
    #[serde(default)]
    pub body_start: Option<String>,
    /// HTML at the end of `<body>`.
    #[serde(default)]
    pub body_end: Option<String>,
    /// HTML in the site header, after the council's name (for a toolbar button).
    #[serde(default)]
    pub header_tools: Option<String>,
    /// Host names (such as `cdn.reachdeck.com`, or `*.example.com` for every subdomain) that slots
    /// may load scripts and frames from; the security policy allows exactly these, over https.
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
}

impl SlotsConfig {
    fn slot_mut(&mut self, key: &str) -> Option<&mut Option<String>> {
        match key {
            "head_end" => Some(&mut self.head_end),
            "body_start" => Some(&mut self.body_start),
            "body_end" => Some(&mut self.body_end),
            "header_tools" => Some(&mut self.header_tools),
            _ => None,
        }
    }

    /// Fills slots from their files in `slots/` and checks every slot and allowed host.
    /// `text` is `site.toml`, for the positions of problems in it.
    pub(super) fn load(&mut self, site: &SiteFolder, root: &Path, text: &str) -> Vec<Diagnostic> {
        let mut problems = self.check_hosts(text);
        let allowed = self.allowed_hosts.clone();
        for (key, file_name) in SLOT_NAMES {
            let path = root.join(SLOT_DIR).join(file_name);
            let shown = format!("{SLOT_DIR}/{file_name}");
            let from_file = match site.read_to_string(&path) {
                Ok(html) => Some(html),
                Err(error) if error.is_not_found() => None,
                Err(crate::content::inside::ReadError::Outside(outside)) => {
                    problems.push(site.outside_diagnostic(&outside));
                    None
                }
                Err(error) => {
                    problems.push(Diagnostic::error(
                        &shown,
                        0,
                        0,
                        Rule::SLOT_READ,
                        format!("Cannot read this slot file: {error}"),
                    ));
                    None
                }
            };
            let Some(slot) = self.slot_mut(key) else { continue };
            let (html, file, first_line) = match (from_file, slot.as_ref()) {
                (Some(_), Some(_)) => {
                    let (line, column) = super::find_key(text, key);
                    problems.push(
                        Diagnostic::error(
                            super::CONFIG_FILE,
                            line,
                            column,
                            Rule::SLOT_TWICE,
                            format!("The {key} slot is filled twice: in site.toml and in {shown}"),
                        )
                        .with_suggestion(format!("Keep one: remove {key} from [slots] in site.toml, or delete {shown}.")),
                    );
                    continue;
                }
                (Some(html), None) => (html, shown, (1, 0)),
                (None, Some(html)) => (html.clone(), super::CONFIG_FILE.to_string(), value_start(text, key)),
                (None, None) => continue,
            };
            problems.extend(check_slot_html(&html, &file, first_line, &allowed));
            // Published without surrounding blank lines; a slot of only spaces stays empty.
            *slot = Some(html.trim().to_string()).filter(|html| !html.is_empty());
        }
        problems
    }

    /// Each allowed host must be a bare host name, such as `cdn.reachdeck.com`.
    fn check_hosts(&self, text: &str) -> Vec<Diagnostic> {
        self.allowed_hosts
            .iter()
            .filter(|host| !is_host_pattern(host))
            .map(|host| {
                let (line, column) = super::find_value(text, host);
                Diagnostic::error(
                    super::CONFIG_FILE,
                    line,
                    column,
                    Rule::CONFIG_VALUE,
                    format!("`{host}` in [slots] allowed_hosts is not a host name"),
                )
                .with_suggestion("Write only the host, without https:// or a path, for example allowed_hosts = [\"cdn.reachdeck.com\"].")
            })
            .collect()
    }

    /// The allowed hosts as sources for the security policy: `https://cdn.reachdeck.com`.
    pub fn policy_sources(&self) -> Vec<String> {
        self.allowed_hosts
            .iter()
            .filter(|host| is_host_pattern(host))
            .map(|host| format!("https://{}", host.to_ascii_lowercase()))
            .collect()
    }
}

/// Where the text of `key`'s string value starts in `site.toml`: its line, and the columns
/// before it on that line (0 when a multi-line string starts on the next line).
fn value_start(text: &str, key: &str) -> (usize, usize) {
    let (line, _) = super::find_key(text, key);
    let Some(written) = text.lines().nth(line.saturating_sub(1)) else {
        return (line.max(1), 0);
    };
    let Some(equals) = written.find('=') else { return (line, 0) };
    let value = written[equals + 1..].trim_start();
    let before = written.len() - value.len();
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(rest) = value.strip_prefix(quote) {
            return match rest.trim().is_empty() && quote.len() == 3 {
                true => (line + 1, 0),
                false => (line, written[..before + quote.len()].chars().count()),
            };
        }
    }
    (line, 0)
}

/// A host name, optionally starting with `*.` for every subdomain.
fn is_host_pattern(host: &str) -> bool {
    let name = host.strip_prefix("*.").unwrap_or(host);
    !name.is_empty()
        && name.contains('.')
        && name.split('.').all(|label| !label.is_empty())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// True when `host` is one of `allowed` (or a subdomain of a `*.` entry).
fn host_allowed(host: &str, allowed: &[String]) -> bool {
    let host = host.to_ascii_lowercase();
    allowed.iter().any(|entry| {
        let entry = entry.to_ascii_lowercase();
        match entry.strip_prefix("*.") {
            Some(parent) => host.ends_with(&format!(".{parent}")),
            None => host == entry,
        }
    })
}

/// What a slot's HTML does that the security policy cares about.
#[derive(Default)]
struct Findings {
    /// (element, address) of each script, frame or embedded object with an address.
    loads: Vec<(String, String)>,
    /// Inline scripts and event-handler attributes, as written (the start of them).
    inline_scripts: Vec<String>,
    /// Inline `<style>` elements and `style` attributes.
    inline_styles: Vec<String>,
}

fn scan(html: &str) -> Findings {
    let found = RefCell::new(Findings::default());
    let in_script = RefCell::new(false);
    let settings = lol_html::RewriteStrSettings::new()
        .append_element_content_handler(lol_html::element!("*", |el| {
            let tag = el.tag_name();
            let mut found = found.borrow_mut();
            let address = match tag.as_str() {
                "script" | "iframe" | "frame" | "embed" => el.get_attribute("src"),
                "object" => el.get_attribute("data"),
                _ => None,
            };
            if let Some(address) = address {
                found.loads.push((tag.clone(), address));
            }
            for attribute in el.attributes() {
                let name = attribute.name();
                if name.starts_with("on") {
                    found.inline_scripts.push(format!("{name}=\"{}\"", attribute.value()));
                } else if name == "style" {
                    found.inline_styles.push(format!("style=\"{}\"", attribute.value()));
                }
            }
            if tag == "style" {
                found.inline_styles.push("<style>".to_string());
            }
            *in_script.borrow_mut() = tag == "script" && el.get_attribute("src").is_none();
            Ok(())
        }))
        .append_element_content_handler(lol_html::text!("script", |chunk| {
            if *in_script.borrow() && !chunk.as_str().trim().is_empty() {
                let start: String = chunk.as_str().trim().chars().take(40).collect();
                found.borrow_mut().inline_scripts.push(start);
                *in_script.borrow_mut() = false;
            }
            Ok(())
        }));
    // HTML that cannot be read at all is simply published as written; there is nothing to check.
    let _ = lol_html::rewrite_str(html, settings);
    found.into_inner()
}

/// The 1-based line and column of `needle` in `html`, which starts at `start` of its file: a
/// line, and the columns before the HTML on that line.
fn at(html: &str, needle: &str, start: (usize, usize)) -> (usize, usize) {
    let (first_line, offset) = start;
    match html.find(needle) {
        Some(index) => match crate::location::line_column(html, index) {
            (1, column) => (first_line, column + offset),
            (line, column) => (first_line + line - 1, column),
        },
        None => (first_line, 0),
    }
}

/// Where an address in a slot loads from.
#[derive(Debug, PartialEq, Eq)]
enum LoadsFrom {
    /// The site itself (`/assets/a.js`, `a.js`), or nowhere (`data:`, `javascript:`).
    ThisSite,
    /// Another host; `scheme` in lower case (`https`).
    Host { scheme: String, host: String },
}

/// Reads an address as a browser does on a page of the site (the `url` crate follows the same
/// standard, so `https:\\host/` and `//host/` are read the way the browser will load them). An
/// address that cannot be read at all is reported with its whole text as the host.
fn loads_from(address: &str) -> LoadsFrom {
    const THIS_SITE: &str = "this-site.invalid";
    let Ok(page) = url::Url::parse(&format!("https://{THIS_SITE}/page/")) else {
        return LoadsFrom::ThisSite;
    };
    match page.join(address) {
        Ok(resolved) => match resolved.host_str() {
            Some(THIS_SITE) | None => LoadsFrom::ThisSite,
            Some(host) => LoadsFrom::Host {
                scheme: resolved.scheme().to_string(),
                host: host.to_string(),
            },
        },
        Err(_) => LoadsFrom::Host {
            scheme: String::new(),
            host: address.to_string(),
        },
    }
}

/// Checks one slot's HTML against the security policy and the allowed hosts.
fn check_slot_html(html: &str, file: &str, first_line: (usize, usize), allowed: &[String]) -> Vec<Diagnostic> {
    let findings = scan(html);
    let mut problems = Vec::new();
    for (tag, address) in &findings.loads {
        let (scheme, host) = match loads_from(address.trim()) {
            LoadsFrom::ThisSite => continue,
            LoadsFrom::Host { scheme, host } => (scheme, host),
        };
        let (line, column) = at(html, address, first_line);
        if !host_allowed(&host, allowed) {
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::SLOT_HOST,
                    format!("The <{tag}> in this slot loads from {host}, which is not in [slots] allowed_hosts"),
                )
                .with_suggestion(format!(
                    "If you trust {host} to run code on every page, add it to site.toml: [slots] allowed_hosts = [\"{host}\"]. Otherwise remove the <{tag}>."
                )),
            );
        } else if scheme == "http" {
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::SLOT_HOST,
                    format!("The <{tag}> in this slot loads {address} without https"),
                )
                .with_suggestion(format!("Use the https:// address; the security policy allows only https://{host}.")),
            );
        }
    }
    for script in &findings.inline_scripts {
        let (line, column) = at(html, script, first_line);
        problems.push(
            Diagnostic::error(
                file,
                line,
                column,
                Rule::SLOT_INLINE_SCRIPT,
                format!("This slot has a script written into the page ({script}…), which the site's security policy blocks"),
            )
            .with_suggestion(
                "Put the script in a file in assets/ (for example assets/analytics.js) and load it with <script src=\"/assets/analytics.js\" defer></script>; use addEventListener instead of on… attributes.",
            ),
        );
    }
    for style in &findings.inline_styles {
        let (line, column) = at(html, style.trim_start_matches('<').trim_end_matches('>'), first_line);
        problems.push(
            Diagnostic::error(
                file,
                line,
                column,
                Rule::SLOT_INLINE_STYLE,
                format!("This slot has styles written into the page ({style}), which the site's security policy blocks"),
            )
            .with_suggestion("Move the styles into a stylesheet in assets/ and load it with <link rel=\"stylesheet\" href=\"/assets/…\">."),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_hosts_may_load_scripts_and_frames() {
        let allowed = vec!["cdn.reachdeck.com".to_string(), "*.analytics.example".to_string()];
        let html = "<script src=\"https://cdn.reachdeck.com/bar.js\" defer></script>\n<script src=\"https://eu.analytics.example/a.js\"></script>\n<iframe src=\"https://tracker.example/x\"></iframe>\n<script src=\"/assets/mine.js\"></script>\n<script src=\"http://cdn.reachdeck.com/old.js\"></script>";
        let problems = check_slot_html(html, "slots/head-end.html", (1, 0), &allowed);
        let found: Vec<(usize, usize, Rule)> = problems.iter().map(|p| (p.line, p.column, p.rule)).collect();
        assert_eq!(found, vec![(3, 14, Rule::SLOT_HOST), (5, 14, Rule::SLOT_HOST)], "{problems:#?}");
        assert!(problems[0].message.contains("tracker.example"));
        assert!(problems[1].message.contains("without https"));
    }

    #[test]
    fn inline_scripts_and_styles_are_errors() {
        let html = "<div style=\"color:red\">\n<button onclick=\"go()\">Go</button>\n<script>\n  window.x = 1;\n</script></div>";
        let problems = check_slot_html(html, "site.toml", (10, 12), &[]);
        let found: Vec<(usize, Rule)> = problems.iter().map(|p| (p.line, p.rule)).collect();
        assert_eq!(
            found,
            vec![
                (11, Rule::SLOT_INLINE_SCRIPT),
                (13, Rule::SLOT_INLINE_SCRIPT),
                (10, Rule::SLOT_INLINE_STYLE)
            ],
            "{problems:#?}"
        );
        assert_eq!(problems[2].column, 18, "on the first line, after the 12 columns before the value");
        let toml = "[slots]\nhead_end = '<p>'\nbody_end = \"\"\"\n<p>\n\"\"\"\n";
        assert_eq!(value_start(toml, "head_end"), (2, 12));
        assert_eq!(value_start(toml, "body_end"), (4, 0));
        assert!(check_slot_html("<script src=\"/assets/a.js\"></script><p>Hi</p>", "x", (1, 0), &[]).is_empty());
    }

    #[test]
    fn addresses_are_read_as_the_browser_reads_them() {
        let host = |scheme: &str, host: &str| LoadsFrom::Host {
            scheme: scheme.to_string(),
            host: host.to_string(),
        };
        assert_eq!(loads_from("/assets/a.js"), LoadsFrom::ThisSite);
        assert_eq!(loads_from("a.js"), LoadsFrom::ThisSite);
        assert_eq!(loads_from("./a//b.js"), LoadsFrom::ThisSite);
        assert_eq!(loads_from("data:text/plain,hi"), LoadsFrom::ThisSite);
        assert_eq!(loads_from("//cdn.example/a.js"), host("https", "cdn.example"));
        assert_eq!(loads_from("HTTP://CDN.Example:8080/a.js"), host("http", "cdn.example"));
        assert_eq!(loads_from("https:\\\\evil.example/a.js"), host("https", "evil.example"));
        assert_eq!(loads_from("https://user@evil.example/a.js"), host("https", "evil.example"));
        assert_eq!(loads_from("https://[oops/a.js"), host("", "https://[oops/a.js"));
    }

    #[test]
    fn host_patterns_are_bare_names() {
        assert!(is_host_pattern("cdn.reachdeck.com") && is_host_pattern("*.example.com"));
        assert!(!is_host_pattern("https://cdn.reachdeck.com") && !is_host_pattern("cdn.example.com/x") && !is_host_pattern("localhost"));
        assert!(host_allowed("EU.Analytics.example", &["*.analytics.example".into()]));
        assert!(!host_allowed("analytics.example.evil", &["*.analytics.example".into()]));
    }
}
