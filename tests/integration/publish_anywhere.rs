//! Publishing anywhere: `--base-url` and sites under a sub-path, the `static/` folder, and
//! redirects from old addresses (front matter and `content/redirects.yaml`).

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// A copy of the `valid` fixture to change.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    dir
}

/// Every finding of `signpost check --format json` as (rule, file, line, severity).
fn findings(root: &Path) -> Vec<(String, String, u64, String)> {
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    report["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn build_at(root: &Path, base_url: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    signpost()
        .args(["build", "-u", base_url, "--root"])
        .arg(root)
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    (out, public)
}

/// Every root-relative address in an attribute of `html` (`href="/…"`), minus `//host` ones.
fn routes_in(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for name in ["href", "src", "action", "poster", "srcset"] {
        let needle = format!(" {name}=\"");
        let mut rest = html;
        while let Some(at) = rest.find(&needle) {
            rest = &rest[at + needle.len()..];
            let value = &rest[..rest.find('"').unwrap_or(rest.len())];
            if value.starts_with('/') && !value.starts_with("//") {
                found.push(value.to_string());
            }
        }
    }
    found
}

#[test]
fn base_url_puts_every_page_address_under_the_sub_path() {
    let (_out, public) = build_at(&fixture("valid"), "https://example.github.io/localoffer");
    let pages: Vec<String> = files_under(&public).into_iter().filter(|f| f.ends_with(".html")).collect();
    let mut count = 0;
    for page in &pages {
        let html = read(&public, page);
        assert!(
            html.contains("<html lang=\"en-GB\" dir=\"ltr\" data-base=\"/localoffer/\""),
            "{page} has no data-base"
        );
        for route in routes_in(&html) {
            count += 1;
            assert!(route.starts_with("/localoffer/"), "{page}: {route} is not under /localoffer/");
            let path = route.trim_start_matches("/localoffer/");
            let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
            let file = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_string()
            };
            assert!(public.join(&file).is_file(), "{page}: {route} leads to no file ({file})");
        }
    }
    assert!(count > 300, "only {count} addresses checked");
    let sitemap = read(&public, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.github.io/localoffer/services/</loc>"),
        "{sitemap}"
    );
    let headers = read(&public, "_headers");
    assert!(
        headers.contains("\n/localoffer/*\n") && headers.contains("\n/localoffer/assets/*\n"),
        "{headers}"
    );
    let home = read(&public, "index.html");
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://example.github.io/localoffer/\">"),
        "{home}"
    );
    assert!(
        home.contains("<link rel=\"icon\" href=\"/localoffer/assets/favicon."),
        "no favicon in {home}"
    );
}

#[test]
fn the_same_site_at_a_domain_root_keeps_root_addresses() {
    let (_out, public) = build_site(&fixture("valid"));
    let home = read(&public, "index.html");
    assert!(home.contains("data-base=\"/\""));
    assert!(routes_in(&home).iter().all(|route| !route.starts_with("/localoffer/")));
    assert!(home.contains("href=\"/services/\""), "{home}");
}

#[test]
fn a_base_url_that_is_not_a_web_address_is_a_usage_error() {
    let output = signpost()
        .args(["build", "--base-url", "/localoffer/", "--root"])
        .arg(fixture("valid"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a full web address"));
}

#[test]
fn static_files_are_published_at_the_top_and_clashes_are_errors() {
    let dir = site();
    std::fs::create_dir_all(dir.path().join("static/.well-known")).unwrap();
    std::fs::write(dir.path().join("static/CNAME"), "localoffer.example.org\n").unwrap();
    std::fs::write(
        dir.path().join("static/.well-known/security.txt"),
        "Contact: mailto:a@example.org\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("static/google1234.html"),
        "google-site-verification: google1234.html",
    )
    .unwrap();
    // A link to a static file is not a dead link.
    replace_in(
        dir.path(),
        "content/accessibility.md",
        "We want everyone",
        "Report a security problem ([how](/.well-known/security.txt)). We want everyone",
    );
    let (_out, public) = build_site(dir.path());
    assert_eq!(read(&public, "CNAME"), "localoffer.example.org\n");
    assert_eq!(read(&public, ".well-known/security.txt"), "Contact: mailto:a@example.org\n");
    assert_eq!(read(&public, "google1234.html"), "google-site-verification: google1234.html");

    std::fs::create_dir_all(dir.path().join("static/services")).unwrap();
    std::fs::write(dir.path().join("static/services/index.html"), "mine").unwrap();
    std::fs::write(dir.path().join("static/sitemap.xml"), "mine").unwrap();
    let found = findings(dir.path());
    for file in ["static/services/index.html", "static/sitemap.xml"] {
        assert!(
            found
                .iter()
                .any(|(rule, f, _, severity)| rule == "static-clash" && f == file && severity == "error"),
            "{file}: {found:?}"
        );
    }
}

#[test]
#[cfg(unix)]
fn a_static_link_out_of_the_site_is_refused() {
    let dir = site();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    std::fs::create_dir_all(dir.path().join("static")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("static/secret.txt")).unwrap();
    let found = findings(dir.path());
    assert!(
        found
            .iter()
            .any(|(rule, f, _, _)| rule == "outside-site" && f.starts_with("static/")),
        "{found:?}"
    );
}

#[test]
fn cname_in_content_is_an_error_that_says_to_move_it() {
    let dir = site();
    std::fs::write(dir.path().join("content/CNAME"), "localoffer.example.org\n").unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/_redirects"), "/a /b 301\n").unwrap();
    let found = findings(dir.path());
    assert!(
        found
            .iter()
            .any(|(rule, f, _, s)| rule == "misplaced-file" && f == "content/CNAME" && s == "error"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(rule, f, _, _)| rule == "misplaced-file" && f == "assets/_redirects"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(rule, f, _, _)| rule == "unused-file" && f == "content/CNAME"),
        "{found:?}"
    );
}

#[test]
fn redirects_become_pages_and_a_netlify_file_under_the_base_path() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/accessibility.md",
        "topics: [accessibility]\n",
        "topics: [accessibility]\nredirects:\n  - /old/accessibility.html\n",
    );
    // A full link to the site under its sub-path is checked as a site address (and is not dead).
    replace_in(
        dir.path(),
        "content/accessibility.md",
        "We want everyone",
        "See the [glossary](https://example.github.io/localoffer/glossary/). We want everyone",
    );
    std::fs::write(
        dir.path().join("content/redirects.yaml"),
        "# old: new\n/kb5/directory/short-breaks/: /services/\n/old/elsewhere: https://www.nhs.uk/\n",
    )
    .unwrap();
    let (_out, public) = build_at(dir.path(), "https://example.github.io/localoffer/");
    let page = read(&public, "old/accessibility.html");
    assert!(
        page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/localoffer/accessibility/\">"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"/localoffer/accessibility/\">Accessibility statement</a>"),
        "{page}"
    );
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://example.github.io/localoffer/accessibility/\">"),
        "{page}"
    );
    assert!(page.contains("<h1>This page has moved</h1>"), "{page}");
    let listed = read(&public, "kb5/directory/short-breaks/index.html");
    assert!(listed.contains("url=/localoffer/services/"), "{listed}");
    let away = read(&public, "old/elsewhere/index.html");
    assert!(away.contains("url=https://www.nhs.uk/"), "{away}");
    let netlify = read(&public, "_redirects");
    for line in [
        "/localoffer/kb5/directory/short-breaks/ /localoffer/services/ 301",
        "/localoffer/old/accessibility.html /localoffer/accessibility/ 301",
        "/localoffer/old/elsewhere https://www.nhs.uk/ 301",
    ] {
        assert!(netlify.lines().any(|l| l == line), "{line} missing from:\n{netlify}");
    }
    let sitemap = read(&public, "sitemap.xml");
    assert!(!sitemap.contains("kb5"), "redirect pages are not in the sitemap");
    let statement = read(&public, "accessibility/index.html");
    assert!(
        statement.contains("href=\"https://example.github.io/localoffer/glossary/\">glossary</a>"),
        "{statement}"
    );
}

#[test]
fn a_redirect_that_clashes_or_leads_nowhere_is_an_error_at_its_line() {
    let dir = site();
    replace_in(
        dir.path(),
        "content/accessibility.md",
        "topics: [accessibility]\n",
        "topics: [accessibility]\nredirects:\n  - /old/a/\n  - /services/\n",
    );
    std::fs::write(
        dir.path().join("content/redirects.yaml"),
        "# old: new\n/old/a/: /advice/\n/old/b/: /no-such-page/\n/old/c/?id=3: /advice/\n",
    )
    .unwrap();
    let found = findings(dir.path());
    let has = |rule: &str, file: &str, line: u64| {
        found
            .iter()
            .any(|(r, f, l, s)| r == rule && f == file && *l == line && s == "error")
    };
    assert!(
        has("redirect-clash", "content/accessibility.md", 9),
        "a real page's address: {found:?}"
    );
    assert!(has("redirect-clash", "content/redirects.yaml", 2), "given twice: {found:?}");
    assert!(has("redirect-target", "content/redirects.yaml", 3), "a missing page: {found:?}");
    assert!(has("redirect-address", "content/redirects.yaml", 4), "a query string: {found:?}");
    let output = signpost().args(["build", "--root"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
}
