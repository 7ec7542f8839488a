//! `signpost serve`: serving, pretty addresses, 404, refusing traversal, the error overlay, drafts,
//! live reload events, and incremental rebuilds that equal a clean build byte for byte.

use crate::common::{copy_tree, files_under, fixture};
use signpost::serve::rebuild::Preview;
use signpost::serve::{PREVIEW_FOLDER, ServeHandle, ServeOptions, start};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(15);

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim().to_string())
        })
    }
}

/// A minimal HTTP/1.1 GET over loopback; `path` is sent exactly as given.
fn get(address: SocketAddr, path: &str) -> Reply {
    let mut stream = TcpStream::connect(address).expect("connect to the preview");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").expect("send request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read reply");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Reply {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    }
}

/// Polls `check` until it is true, failing the test after [`PATIENCE`].
fn wait_until(what: &str, mut check: impl FnMut() -> bool) {
    let started = Instant::now();
    while !check() {
        assert!(started.elapsed() < PATIENCE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn site_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_tree(&fixture("valid"), dir.path());
    dir
}

fn serve(root: &Path, drafts: bool) -> ServeHandle {
    let options = ServeOptions {
        drafts,
        ..ServeOptions::new(root, 0)
    };
    start(&options).expect("the preview starts")
}

#[test]
fn serves_pages_with_pretty_addresses_types_and_a_404_page() {
    let site = site_copy();
    let preview = serve(site.path(), false);
    let address = preview.address();
    assert!(address.ip().is_loopback());

    let home = get(address, "/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(home.header("cache-control").as_deref(), Some("no-store"));
    assert!(home.body.contains("/_signpost/client.js"), "the reload script is added");
    assert!(
        !std::fs::read_to_string(site.path().join(PREVIEW_FOLDER).join("index.html"))
            .expect("built home page")
            .contains("_signpost"),
        "the script is added when serving, not written into the built files"
    );

    let folder = get(address, "/advice");
    assert_eq!(folder.status, 308);
    assert_eq!(folder.header("location").as_deref(), Some("/advice/"));
    let advice = get(address, "/advice/");
    assert_eq!(advice.status, 200);
    assert!(advice.body.contains("<h1>Advice</h1>"));

    let missing = get(address, "/no-such-page/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"), "the site's own 404 page");

    let sitemap = get(address, "/sitemap.xml");
    assert_eq!(sitemap.status, 200);
    assert_eq!(sitemap.header("content-type").as_deref(), Some("application/xml"));
    assert_eq!(
        get(address, "/_signpost/client.js").header("content-type").as_deref(),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(get(address, "/_review/").status, 200);
    preview.stop();
}

#[test]
fn addresses_outside_the_preview_folder_are_refused() {
    let site = site_copy();
    let preview = serve(site.path(), false);
    let address = preview.address();
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path().join("site.toml"), site.path().join(PREVIEW_FOLDER).join("leak.txt")).expect("symlink");
    for path in [
        "/../site.toml",
        "/advice/../../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E%2Fsite.toml",
        "/..%2fsite.toml",
        "/..%5csite.toml",
        "/..\\site.toml",
        "/advice/%00",
        "/leak.txt",
        "/.hidden",
    ] {
        let reply = get(address, path);
        assert!(
            reply.status == 403 || reply.status == 404 || reply.status == 400,
            "{path} gave {}",
            reply.status
        );
        assert!(!reply.body.contains("base_url"), "{path} leaked site.toml");
    }
    assert_eq!(get(address, "/%2e%2e/site.toml").status, 403);
    #[cfg(unix)]
    assert_eq!(get(address, "/leak.txt").status, 403);
    assert_eq!(get(address, "/").status, 200, "still serving after bad requests");
    preview.stop();
}

#[test]
fn the_error_overlay_appears_while_yaml_is_broken_and_clears_when_fixed() {
    let site = site_copy();
    let preview = serve(site.path(), false);
    let address = preview.address();
    assert!(!get(address, "/").body.contains("signpost-overlay"));

    let services = site.path().join("content/services/health.yaml");
    let good = std::fs::read_to_string(&services).expect("services");
    std::fs::write(&services, good.replacen("name: Speech therapy", "name: [Speech therapy", 1)).expect("break");
    wait_until("the overlay", || get(address, "/").body.contains("role=\"alertdialog\""));
    let page = get(address, "/advice/");
    assert!(
        page.body.contains("content/services/health.yaml:1"),
        "the overlay gives file and line"
    );
    assert!(page.body.contains("<h1>Advice</h1>"), "the last good site is still served");
    assert!(preview.last_report().has_errors());
    let review = get(address, "/_review/");
    assert!(review.body.contains("content/services/health.yaml"));

    std::fs::write(&services, good).expect("fix");
    wait_until("the overlay to clear", || !get(address, "/").body.contains("signpost-overlay"));
    assert!(!preview.last_report().has_errors());
    preview.stop();
}

#[test]
fn drafts_are_shown_with_a_banner_only_when_asked() {
    let site = site_copy();
    let with_drafts = serve(site.path(), true);
    let draft = get(with_drafts.address(), "/draft-page/");
    assert_eq!(draft.status, 200);
    assert!(draft.body.contains("Draft: not published"));
    with_drafts.stop();

    let without = serve(site.path(), false);
    assert_eq!(get(without.address(), "/draft-page/").status, 404);
    without.stop();
}

#[test]
fn pages_are_told_to_reload_after_an_edit() {
    let site = site_copy();
    let preview = serve(site.path(), false);
    let mut stream = TcpStream::connect(preview.address()).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(stream, "GET /_signpost/events HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    let mut read_until = |wanted: &str| {
        let started = Instant::now();
        while !seen.contains(wanted) {
            assert!(started.elapsed() < PATIENCE, "no `{wanted}` in {seen}");
            let mut line = String::new();
            if reader.read_line(&mut line).expect("read event") == 0 {
                break;
            }
            seen.push_str(&line);
        }
        assert!(seen.contains(wanted), "stream ended without `{wanted}`");
    };
    read_until("event: hello");
    let page = site.path().join("content/advice/index.md");
    let text = std::fs::read_to_string(&page).expect("page");
    std::fs::write(&page, format!("{text}\nNew words.\n")).expect("edit");
    read_until("event: rebuilt");
    assert!(get(preview.address(), "/advice/").body.contains("New words."));
    preview.stop();
}

/// Checks that the preview folder equals a clean `signpost build` of the same content.
fn assert_same_as_clean_build(root: &Path, step: &str) {
    let clean = tempfile::tempdir().expect("temporary folder");
    let output = clean.path().join("public");
    let outcome = signpost::build(&signpost::BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.clone()),
        drafts: false,
        write: true,
        progress: false,
    });
    assert!(
        !outcome.diagnostics.has_errors(),
        "{step}: the clean build failed: {:?}",
        outcome.diagnostics.sorted()
    );
    let preview = root.join(PREVIEW_FOLDER);
    let files = files_under(&output);
    assert_eq!(files_under(&preview), files, "{step}: different files");
    for file in &files {
        let a = std::fs::read(output.join(file)).expect("clean file");
        let b = std::fs::read(preview.join(file)).expect("preview file");
        assert!(a == b, "{step}: {file} differs from a clean build");
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn incremental_rebuilds_equal_a_clean_build_after_every_edit() {
    let site = site_copy();
    let root = site.path();
    let content = root.join("content");
    let mut preview = Preview::new(root, false, &root.join(PREVIEW_FOLDER));
    let mut step = |name: &str, everything: bool| {
        if !everything {
            preview.quick();
        }
        let report = preview.rebuild(everything);
        assert!(report.published, "{name}: not published: {:?}", report.diagnostics);
        assert_same_as_clean_build(root, name);
        report
    };
    step("first build", true);
    let unchanged = step("nothing changed", false);
    assert_eq!(unchanged.written, 0, "an unchanged site writes nothing");

    let page =
        "---\ntitle: Getting ready\nsummary: What to do first.\nlast_reviewed: 2026-10-01\nowner: Local Offer team\n---\n\nStart here.\n";
    std::fs::write(content.join("advice/getting-ready.md"), page).expect("add");
    step("add a page", false);
    edit(&content.join("advice/index.md"), "title: Advice", "title: Advice and guides");
    step("change a page title (breadcrumbs and lists)", false);
    std::fs::rename(content.join("advice/getting-ready.md"), content.join("advice/first-steps.md")).expect("rename");
    let renamed = step("rename a page", false);
    assert!(renamed.deleted > 0, "the old address is deleted");
    std::fs::remove_file(content.join("advice/first-steps.md")).expect("delete");
    step("delete a page", false);
    edit(
        &content.join("services/health.yaml"),
        "name: Splash Club swimming",
        "name: Aqua Splash Club",
    );
    edit(
        &content.join("services/health.yaml"),
        "summary: Help for children who find talking hard.",
        "summary: Help with talking.",
    );
    let service = step("change a service", false);
    assert!(
        service.written > 0 && service.written < service.files,
        "a service edit rewrites only what changed"
    );
    edit(&content.join("services/health.yaml"), "category: health", "category: short-breaks");
    step("move a service to another category", false);
    edit(
        &content.join("glossary.yaml"),
        "meaning: The teacher",
        "meaning: The member of staff",
    );
    step("change the glossary", false);
    edit(
        &content.join("contacts/sendiass.yaml"),
        "summary: Free, impartial advice",
        "summary: Free and impartial advice",
    );
    step("change a contact block", false);

    let template =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html")).expect("template");
    std::fs::create_dir_all(root.join("templates")).expect("templates folder");
    std::fs::write(
        root.join("templates/page.html"),
        template.replace("<h1>{{ page.title }}</h1>", "<h1 class=\"changed\">{{ page.title }}</h1>"),
    )
    .expect("override");
    step("change a template", true);

    let services = content.join("services/health.yaml");
    let good = std::fs::read_to_string(&services).expect("services");
    std::fs::write(&services, good.replacen("cost: Free", "cost: [Free", 1)).expect("break");
    let before = files_under(&root.join(PREVIEW_FOLDER));
    let broken = preview.rebuild(false);
    assert!(!broken.published && broken.has_errors(), "broken YAML is not published");
    assert_eq!(files_under(&root.join(PREVIEW_FOLDER)), before, "the last good site stays");
    std::fs::write(&services, good.replacen("name: Aqua Splash Club", "name: Splash Club", 1)).expect("fix");
    let report = preview.rebuild(false);
    assert!(report.published, "fixed: {:?}", report.diagnostics);
    assert_same_as_clean_build(root, "fix the YAML (with another change)");
}

#[test]
fn an_edited_service_page_is_written_before_the_full_rebuild() {
    let site = site_copy();
    let root = site.path();
    let folder = root.join(PREVIEW_FOLDER);
    let mut preview = Preview::new(root, false, &folder);
    assert_eq!(preview.quick(), 0, "no fast path before the first build");
    assert!(preview.rebuild(true).published);
    let services = root.join("content/services/health.yaml");
    edit(
        &services,
        "summary: Quiet swimming with helpers.",
        "summary: Quiet swimming with friendly helpers.",
    );
    assert_eq!(preview.quick(), 1, "only the edited service's page is written at once");
    assert!(crate::common::read(&folder, "services/splash-club/index.html").contains("friendly helpers"));
    assert!(preview.rebuild(false).published);
    assert_same_as_clean_build(root, "after the fast path");

    edit(&services, "- id: splash-club", "- id: splash-club-2");
    assert_eq!(preview.quick(), 0, "a new address needs the full rebuild");
    edit(&services, "- id: splash-club-2", "- id: splash-club");
    edit(&services, "summary: Quiet swimming", "summary: [Quiet swimming");
    assert_eq!(preview.quick(), 0, "no fast path while the content has errors");
}

/// A page long enough (over 100 words) for its reading age to be worked out.
const LONG_PAGE: &str = "---
title: Getting ready for school
summary: How to help your child get ready for a new school.
last_reviewed: 2026-10-01
owner: SEND team
audience: [parents-carers]
---

Starting a new school can be a big step for your child. You can help them get ready. Talk to them about the new school. Look at photos of it together. Visit the school with them before the first day if you can. Ask the school for a map and a list of the staff. Meet the teacher who will help your child. Tell the school what your child finds hard and what helps them. Ask how the school will keep you up to date. Make a plan for the first week. Keep the plan short and simple. Let your child pack their own bag the night before. Give them time to ask questions. Tell them it is fine to feel worried. Most children settle in after a few weeks. If your child is still unhappy after a month, talk to the school again. You can also ask us for advice at any time.
";

#[test]
fn the_findings_panel_shows_the_reading_age_of_a_long_page() {
    let site = site_copy();
    std::fs::write(site.path().join("content/advice/getting-ready.md"), LONG_PAGE).expect("write a long page");
    let preview = serve(site.path(), false);
    let address = preview.address();
    assert!(preview.last_report().published, "{:?}", preview.last_report().diagnostics);

    let long = get(address, "/advice/getting-ready/");
    assert_eq!(long.status, 200);
    assert!(
        long.body.contains("<details id=\"signpost-findings\">"),
        "the panel is there: {}",
        long.body
    );
    assert!(long.body.contains("id=\"signpost-reading-age\""), "{}", long.body);
    let line = long
        .body
        .lines()
        .find(|line| line.contains("signpost-reading-age"))
        .expect("the reading age line");
    assert!(line.contains("Reading age: ") && line.contains(" years (UK), from "), "{line}");
    assert!(line.contains(" sentences."), "{line}");
    let age: f64 = line
        .split("Reading age: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|age| age.parse().ok())
        .expect("a number");
    assert!((5.0..25.0).contains(&age), "{age}");

    let short = get(address, "/other-formats/");
    assert!(
        !short.body.contains("signpost-reading-age"),
        "pages with too few words have no reading age"
    );
    preview.stop();
}

#[test]
fn search_is_answered_from_the_preview_index() {
    let site = site_copy();
    let preview = serve(site.path(), false);
    let address = preview.address();

    let found = get(address, "/_signpost/search?q=swimming");
    assert_eq!(found.status, 200, "{}", found.body);
    assert_eq!(found.header("content-type").as_deref(), Some("application/json"));
    let value: serde_json::Value = serde_json::from_str(&found.body).expect("JSON");
    assert_eq!(value["query"], "swimming");
    let urls: Vec<&str> = value["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|hit| hit["url"].as_str())
        .collect();
    assert!(urls.contains(&"/services/splash-club/"), "{urls:?}");

    let other = get(address, "/_signpost/search?q=swimming&category=no-such-category");
    assert_eq!(other.status, 200);
    let value: serde_json::Value = serde_json::from_str(&other.body).expect("JSON");
    assert_eq!(value["results"].as_array().map(Vec::len), Some(0), "the filter applies");

    for odd in ["", "?q=", "?q=%F0%9F%98%80", "?q=a+b+&age=", "?q=%22%3C%3E%26&need=x&locality=%20"] {
        let reply = get(address, &format!("/_signpost/search{odd}"));
        assert_eq!(reply.status, 200, "{odd}: {}", reply.body);
        assert!(serde_json::from_str::<serde_json::Value>(&reply.body).is_ok(), "{odd}");
    }
    let long = "x".repeat(signpost::serve::server::MAX_QUERY_CHARS + 1);
    for bad in [
        format!("?q={long}"),
        "?q=a&age=old".to_string(),
        "?q=%zz".to_string(),
        format!("?q={}", "a".repeat(5000)),
    ] {
        let reply = get(address, &format!("/_signpost/search{bad}"));
        assert_eq!(reply.status, 400, "{bad}");
        let value: serde_json::Value = serde_json::from_str(&reply.body).expect("JSON");
        assert!(value["error"].is_string());
    }
    let before = preview.generation();
    preview.rebuild(signpost::serve::watch::Change::Content);
    wait_until("a rebuild", || preview.generation() > before);
    let again = get(address, "/_signpost/search?q=swimming");
    assert_eq!(again.status, 200);
    assert!(
        again.body.contains("/services/splash-club/"),
        "an unchanged index is kept: {}",
        again.body
    );
    preview.stop();
}
