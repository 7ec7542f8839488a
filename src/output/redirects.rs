//! Keeping old addresses working: when a council moves its Local Offer from another platform,
//! links from GP surgeries, schools and search engines point at the old addresses.
//!
//! Old addresses come from a page's front matter (`redirects: [/old/address/]`, sending them to
//! that page) and from `content/redirects.yaml` (`/old/address/: /new/address/`, one a line).
//! The build writes, for each, an HTML page at the old address (an immediate refresh, a visible
//! link and a canonical link, in the theme: see `render::redirect_pages`) and one `_redirects`
//! file for Netlify and Cloudflare Pages, which send a real `301` instead.

use crate::check::LinkTargets;
use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::render::address::Addresses;
use crate::rules::Rule;
use std::collections::BTreeMap;

/// The redirects file, inside `content/`.
pub const REDIRECTS_FILE: &str = "redirects.yaml";

/// The file for Netlify and Cloudflare Pages at the top of the output.
pub const NETLIFY_FILE: &str = "_redirects";

/// One old address and where it now leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The old route, e.g. `/kb5/walsall/short-breaks/`.
    pub from: String,
    /// The route (or full address on another website) it leads to.
    pub to: String,
    /// Where it was written: file, 1-based line and column.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl Redirect {
    /// The file its HTML page is written to: `/old/` and `/old` -> `old/index.html`, `/old.html`
    /// -> `old.html`. `None` for another kind of file (`/page.aspx`), which no plain web server
    /// would show as a page: only `_redirects` sends those on.
    pub fn output_path(&self) -> Option<String> {
        let path = self.from.trim_start_matches('/');
        let last = path.rsplit('/').next().unwrap_or("");
        if path.is_empty() || path.ends_with('/') {
            Some(format!("{path}index.html"))
        } else if last.ends_with(".html") || last.ends_with(".htm") {
            Some(path.to_string())
        } else if !last.contains('.') {
            Some(format!("{path}/index.html"))
        } else {
            None
        }
    }

    /// True when it leads to another website.
    pub fn leaves_site(&self) -> bool {
        self.to.starts_with("https://") || self.to.starts_with("http://")
    }

    fn error(&self, rule: Rule, message: String) -> Diagnostic {
        Diagnostic::error(&self.file, self.line, self.column, rule, message)
    }
}

/// Why an old address cannot be used, if it cannot.
fn bad_old_address(from: &str) -> Option<&'static str> {
    if from.starts_with("http://") || from.starts_with("https://") {
        Some("write only the path of the old address, starting with /, without the old website's name")
    } else if !from.starts_with('/') || from.starts_with("//") {
        Some("an old address must start with one /")
    } else if from.contains(['?', '#']) {
        Some("a static site cannot tell addresses apart by what follows ? or #; write the path only")
    } else if from.split('/').any(|part| part == ".." || part == ".") {
        Some("an old address cannot contain . or .. parts")
    } else if from
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\' || c == '"' || c == '<' || c == '>')
    {
        Some("an old address cannot contain spaces, quotes, < > or \\ (write %20 for a space)")
    } else {
        None
    }
}

/// Every redirect of the site, with problems in how they are written.
pub fn collect(site: &Site) -> (Vec<Redirect>, Vec<Diagnostic>) {
    let mut redirects = Vec::new();
    let mut problems = Vec::new();
    for page in &site.pages {
        for (index, from) in page.meta.redirects.iter().enumerate() {
            let (line, column) = page
                .meta
                .redirect_positions
                .get(index)
                .copied()
                .unwrap_or((page.source.line, page.source.column));
            redirects.push(Redirect {
                from: from.trim().to_string(),
                to: page.url.clone(),
                file: page.source.file.clone(),
                line,
                column,
            });
        }
    }
    let (listed, found) = read_file(site);
    redirects.extend(listed);
    problems.extend(found);
    redirects.retain(|redirect| match bad_old_address(&redirect.from) {
        Some(why) => {
            problems.push(
                redirect
                    .error(
                        Rule::REDIRECT_ADDRESS,
                        format!("The old address `{}` cannot be redirected: {why}", redirect.from),
                    )
                    .with_suggestion("Write the old address as a path, for example /kb5/walsall/directory/short-breaks/."),
            );
            false
        }
        None => true,
    });
    (redirects, problems)
}

/// The redirects in `content/redirects.yaml` as the loader kept it (none when there is no such
/// file, or the loader could not read it, which the loader reports).
fn read_file(site: &Site) -> (Vec<Redirect>, Vec<Diagnostic>) {
    let file = format!("content/{REDIRECTS_FILE}");
    let Some(text) = site.sources.get(&file) else {
        return (Vec::new(), Vec::new());
    };
    let parsed: BTreeMap<String, String> = match crate::yaml::parse::<Option<BTreeMap<String, String>>>(text) {
        Ok(map) => map.unwrap_or_default(),
        Err(error) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::error(&file, error.line, error.column, error.rule, error.message).with_suggestion(
                        "Write one old address a line, a colon, then the new address: `/old/short-breaks/: /services/short-breaks/`.",
                    ),
                ],
            );
        }
    };
    let redirects = parsed
        .into_iter()
        .map(|(from, to)| {
            let (line, column) = line_of_key(text, &from);
            Redirect {
                from: from.trim().to_string(),
                to: to.trim().to_string(),
                file: file.clone(),
                line,
                column,
            }
        })
        .collect();
    (redirects, Vec::new())
}

/// 1-based line and column of the key `key` (quoted or not) in a YAML mapping.
fn line_of_key(text: &str, key: &str) -> (usize, usize) {
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let column = line.len() - trimmed.len() + 1;
        let unquoted = trimmed.trim_start_matches(['"', '\'']);
        if unquoted.starts_with(key) && unquoted[key.len()..].trim_start_matches(['"', '\'']).starts_with(':') {
            return (index + 1, column);
        }
    }
    (0, 0)
}

/// Errors for redirects that cannot work: an old address that is a page of this site (or whose
/// file is one the build makes), one given twice, and a new address that is not a page or file
/// of the site.
pub fn check(redirects: &[Redirect], targets: &LinkTargets) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let pages_by_path: BTreeMap<String, &String> = targets.pages.keys().map(|url| (crate::render::output_path(url), url)).collect();
    let mut seen: BTreeMap<&str, &Redirect> = BTreeMap::new();
    for redirect in redirects {
        let page = targets
            .pages
            .get_key_value(redirect.from.as_str())
            .map(|(url, _)| url)
            .or_else(|| redirect.output_path().and_then(|path| pages_by_path.get(&path).copied()));
        if let Some(page) = page {
            problems.push(
                redirect
                    .error(
                        Rule::REDIRECT_CLASH,
                        format!(
                            "The old address {} is the address of a page of this site{}, so it cannot also be a redirect",
                            redirect.from,
                            if *page == redirect.from {
                                String::new()
                            } else {
                                format!(" ({page})")
                            }
                        ),
                    )
                    .with_suggestion("Remove this redirect, or move or rename the page."),
            );
            continue;
        }
        if let Some(first) = seen.get(redirect.from.as_str()) {
            problems.push(
                redirect
                    .error(
                        Rule::REDIRECT_CLASH,
                        format!(
                            "The old address {} is already redirected to {} at {}:{}",
                            redirect.from, first.to, first.file, first.line
                        ),
                    )
                    .with_suggestion("Keep one redirect for each old address."),
            );
            continue;
        }
        seen.insert(&redirect.from, redirect);
        if redirect.leaves_site() {
            continue;
        }
        let route = redirect.to.split(['#', '?']).next().unwrap_or("");
        let exists = targets.pages.contains_key(route) || targets.assets.contains(route);
        if !exists {
            let closest = crate::suggest::closest(route, targets.pages.keys().map(String::as_str));
            problems.push(
                redirect
                    .error(
                        Rule::REDIRECT_TARGET,
                        format!(
                            "The old address {} leads to {}, which is not a page of this site",
                            redirect.from, redirect.to
                        ),
                    )
                    .with_suggestion(match closest {
                        Some(near) => {
                            format!("Did you mean {near}? Write the new address as the site's address of a page, starting with /.")
                        }
                        None => "Write the new address as the site's address of a page, starting with /, or a full https:// address."
                            .to_string(),
                    }),
            );
        }
        if redirect.output_path().is_none() {
            problems.push(
                Diagnostic::warning(
                    &redirect.file,
                    redirect.line,
                    redirect.column,
                    Rule::REDIRECT_FILE_TYPE,
                    format!("Only hosts that read _redirects (Netlify, Cloudflare Pages) will send {} on: a plain web server would not show a page at that address", redirect.from),
                )
                .with_suggestion("On another host, add a redirect rule for it to the web server (docs/hosting.md shows how)."),
            );
        }
    }
    problems
}

/// The `_redirects` file: one `old new 301` line each, under the site's base path.
pub fn netlify_file(redirects: &[Redirect], addresses: &Addresses) -> String {
    let mut text = String::from("# Old addresses, written by Signpost from front matter (redirects:) and content/redirects.yaml.\n");
    let mut lines: Vec<String> = redirects
        .iter()
        .map(|r| {
            let to = if r.leaves_site() { r.to.clone() } else { addresses.local(&r.to) };
            format!("{} {to} 301", addresses.local(&r.from))
        })
        .collect();
    lines.sort();
    lines.dedup();
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redirect(from: &str, to: &str) -> Redirect {
        Redirect {
            from: from.into(),
            to: to.into(),
            file: "content/redirects.yaml".into(),
            line: 3,
            column: 1,
        }
    }

    #[test]
    fn old_addresses_become_files_where_a_web_server_would_show_them() {
        assert_eq!(redirect("/old/", "/").output_path().as_deref(), Some("old/index.html"));
        assert_eq!(redirect("/old/page", "/").output_path().as_deref(), Some("old/page/index.html"));
        assert_eq!(redirect("/old/page.html", "/").output_path().as_deref(), Some("old/page.html"));
        assert_eq!(redirect("/old/page.aspx", "/").output_path(), None);
        assert!(bad_old_address("https://old.example/x/").is_some());
        assert!(bad_old_address("/x/?id=1").is_some());
        assert!(bad_old_address("/../x/").is_some());
        assert!(bad_old_address("old/").is_some());
        assert!(bad_old_address("/kb5/walsall/directory/home.page").is_none());
    }

    #[test]
    fn clashes_duplicates_and_missing_targets_are_errors_at_their_lines() {
        let mut targets = LinkTargets::default();
        targets.pages.insert("/services/".into(), Default::default());
        targets.pages.insert("/about/".into(), Default::default());
        let mut second = redirect("/old/", "/about/");
        second.line = 7;
        let found = check(
            &[
                redirect("/old/", "/services/"),
                second,
                redirect("/about/", "/services/"),
                redirect("/gone/", "/servcies/"),
            ],
            &targets,
        );
        let rules: Vec<(Rule, usize)> = found.iter().map(|d| (d.rule, d.line)).collect();
        assert_eq!(
            rules,
            vec![(Rule::REDIRECT_CLASH, 7), (Rule::REDIRECT_CLASH, 3), (Rule::REDIRECT_TARGET, 3)],
            "{found:?}"
        );
        assert!(found[0].message.contains("content/redirects.yaml:3"), "{}", found[0].message);
        assert!(found[2].suggestion.as_deref().unwrap_or("").contains("/services/"), "{found:?}");
    }

    #[test]
    fn the_netlify_file_has_the_base_path() {
        let text = netlify_file(
            &[redirect("/old/", "/services/"), redirect("/x/", "https://other.example/")],
            &Addresses::new("https://a.example/localoffer/"),
        );
        assert!(
            text.ends_with("/localoffer/old/ /localoffer/services/ 301\n/localoffer/x/ https://other.example/ 301\n"),
            "{text}"
        );
    }

    #[test]
    fn keys_are_found_at_their_lines() {
        let text = "# old: new\n/a/: /b/\n\"/c/\": /d/\n";
        assert_eq!(line_of_key(text, "/a/"), (2, 1));
        assert_eq!(line_of_key(text, "/c/"), (3, 1));
    }
}
