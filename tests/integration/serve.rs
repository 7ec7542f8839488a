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
pub(crate) const PATIENCE: Duration = Duration::from_secs(15);

pub(crate) struct Reply {
    pub(crate) status: u16,
    headers: String,
    pub(crate) body: String,
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
pub(crate) fn get(address: SocketAddr, path: &str) -> Reply {
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
pub(crate) fn wait_until(what: &str, mut check: impl FnMut() -> bool) {
    let started = Instant::now();
    while !check() {
        assert!(started.elapsed() < PATIENCE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub(crate) fn site_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_tree(&fixture("valid"), dir.path());
    dir
}

pub(crate) fn serve(root: &Path, drafts: bool) -> ServeHandle {
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
    write!(stream, "GET /_signpost/events HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("send");
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
pub(crate) fn assert_same_as_clean_build(root: &Path, step: &str) {
    let clean = tempfile::tempdir().expect("temporary folder");
    let output = clean.path().join("public");
    let outcome = signpost::build(&signpost::BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.clone()),
        drafts: false,
        write: true,
        progress: false,
        ..Default::default()
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

pub(crate) fn edit(path: &Path, from: &str, to: &str) {
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

/// `signpost serve` run as its own process on a free loopback port, with its messages collected.
struct RunningPreview {
    child: std::process::Child,
    address: SocketAddr,
    log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl RunningPreview {
    /// Starts the binary on `root` with `extra` arguments and waits until it serves (at most `patience`).
    fn start(root: &Path, extra: &[&str], patience: Duration) -> RunningPreview {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(["serve", "--root"])
            .arg(root)
            .args(["--port", "0"])
            .args(extra)
            .env("SIGNPOST_TODAY", crate::common::TODAY)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start signpost serve");
        let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("stderr");
        let collected = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = collected.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let started = Instant::now();
        let address = loop {
            let text = log.lock().unwrap().clone();
            if let Some(rest) = text.split("Preview at http://").nth(1) {
                let address = rest.split('/').next().unwrap_or("");
                break address.parse().expect("the printed address");
            }
            if let Some(status) = child.try_wait().expect("poll the preview") {
                panic!("the preview exited with {status}: {text}");
            }
            assert!(started.elapsed() < patience, "the preview did not start: {text}");
            std::thread::sleep(Duration::from_millis(20));
        };
        RunningPreview { child, address, log }
    }

    /// How many rebuilds the preview has reported since it started.
    fn rebuilds(&self) -> usize {
        self.log.lock().unwrap().matches("Rebuilt in ").count()
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Sends `signal` to the process and returns how long it took to exit, and its exit code.
    fn signal_and_wait(&mut self, signal: i32, patience: Duration) -> (Duration, Option<i32>) {
        let pid = i32::try_from(self.child.id()).expect("process id");
        let sent = Instant::now();
        // SAFETY: kill(2) with the id of our own child process, which has not been reaped yet.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0, "send the signal");
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the preview") {
                return (sent.elapsed(), status.code());
            }
            assert!(sent.elapsed() < patience, "the preview did not exit: {}", self.log());
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for RunningPreview {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A GET with the given `Host` header and a read timeout of `patience`; `None` when no complete
/// reply came in time.
fn get_with_host(address: SocketAddr, path: &str, host: &str, patience: Duration) -> Option<Reply> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(patience)).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok())?;
    Some(Reply {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    })
}

#[test]
fn the_review_page_answers_two_clients_during_twenty_edits() {
    let site = site_copy();
    let preview = RunningPreview::start(site.path(), &[], PATIENCE);
    let address = preview.address;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..2)
        .map(|_| {
            let done = done.clone();
            std::thread::spawn(move || {
                let (mut answered, mut slowest) = (0, Duration::ZERO);
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    let asked = Instant::now();
                    let reply = get_with_host(address, "/_review/", "localhost", Duration::from_secs(5));
                    let took = asked.elapsed();
                    let reply = reply.unwrap_or_else(|| panic!("/_review/ gave no reply within 5 s (after {answered} replies)"));
                    assert_eq!(reply.status, 200);
                    assert!(reply.body.contains("what the checks found"));
                    answered += 1;
                    slowest = slowest.max(took);
                }
                (answered, slowest)
            })
        })
        .collect();
    // A service's summary: each edit publishes twice (its page at once, then the full rebuild).
    let services = site.path().join("content/services/health.yaml");
    let text = std::fs::read_to_string(&services).expect("services");
    let started = Instant::now();
    let first = preview.rebuilds();
    for n in 0..20 {
        let edited = text.replacen(
            "Help for children who find talking hard.",
            &format!("Help for children, edit {n}."),
            1,
        );
        std::fs::write(&services, edited).expect("edit");
        wait_until("the rebuild after an edit", || preview.rebuilds() > first + n);
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    for client in clients {
        let (answered, slowest) = client.join().expect("a client failed");
        assert!(answered >= 20, "only {answered} replies during 20 edits");
        assert!(slowest < Duration::from_secs(5), "the slowest reply took {slowest:?}");
    }
    assert!(started.elapsed() < Duration::from_secs(120));
    let after = get_with_host(address, "/_review/", "localhost", PATIENCE).expect("a reply after the edits");
    assert_eq!(after.status, 200);
    let page = get_with_host(address, "/services/speech-therapy/", "localhost", PATIENCE).expect("a reply after the edits");
    assert!(page.body.contains("edit 19."), "{}", page.body);
}

#[test]
fn only_loopback_host_names_are_answered_and_every_reply_has_the_security_headers() {
    let site = site_copy();
    let preview = RunningPreview::start(site.path(), &["--allow-host", "preview.council.example"], PATIENCE);
    let address = preview.address;
    let port = address.port();
    for path in [
        "/",
        "/_review/",
        "/_signpost/search?q=swimming",
        "/_signpost/events",
        "/_signpost/client.js",
    ] {
        let refused = get_with_host(address, path, "evil.example", PATIENCE).expect("a reply");
        assert_eq!(refused.status, 421, "{path}");
        assert!(refused.body.contains("--allow-host"), "{path}: {}", refused.body);
        assert!(!refused.body.contains("Speech"), "{path}");
        let refused = get_with_host(address, path, &format!("evil.example:{port}"), PATIENCE).expect("a reply");
        assert_eq!(refused.status, 421, "{path} with a port");
    }
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        "preview.council.example".to_string(),
    ] {
        let reply = get_with_host(address, "/", &host, PATIENCE).expect("a reply");
        assert_eq!(reply.status, 200, "{host}");
    }
    for path in [
        "/",
        "/no-such-page/",
        "/_review/",
        "/_signpost/overlay.css",
        "/_signpost/client.js",
        "/_signpost/search?q=a",
    ] {
        let reply = get_with_host(address, path, "localhost", PATIENCE).expect("a reply");
        let policy = reply.header("content-security-policy").unwrap_or_default();
        assert!(
            policy.starts_with("default-src 'self'; script-src 'self'; style-src 'self';"),
            "{path}: {policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(reply.header("x-content-type-options").as_deref(), Some("nosniff"), "{path}");
        assert_eq!(reply.header("x-frame-options").as_deref(), Some("DENY"), "{path}");
        assert_eq!(
            reply.header("referrer-policy").as_deref(),
            Some("strict-origin-when-cross-origin"),
            "{path}"
        );
    }
    let review = get_with_host(address, "/_review/", "localhost", PATIENCE).expect("a reply");
    assert!(!review.body.contains("<style"), "the review page has no inline style");
    assert!(review.body.contains("/_signpost/review.css"));
}

#[test]
fn idle_connections_are_closed_after_the_timeout_but_live_reload_stays_open() {
    let site = site_copy();
    let preview = RunningPreview::start(site.path(), &["--idle-timeout-secs", "1"], PATIENCE);
    let address = preview.address;

    // A live-reload stream outlasts the timeout: it is a response still being sent.
    let mut events = TcpStream::connect(address).expect("connect");
    events.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(events, "GET /_signpost/events HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("send");
    let mut events = BufReader::new(events);

    // Connections that send nothing, or half a request, are closed after about a second. Many of
    // them (more than the limit of 256 at once) do not stop the preview answering.
    let mut idle: Vec<TcpStream> = (0..300).map(|_| TcpStream::connect(address).expect("connect")).collect();
    write!(idle[0], "GET / HTTP/1.1\r\nHost: local").expect("half a request");
    let opened = Instant::now();
    for (n, stream) in idle.iter_mut().enumerate().take(256) {
        stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
        let mut byte = [0u8; 1];
        let read = stream.read(&mut byte);
        assert!(
            matches!(read, Ok(0)) || read.is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset),
            "connection {n} was not closed"
        );
    }
    let closed_after = opened.elapsed();
    assert!(closed_after >= Duration::from_millis(900), "closed too early: {closed_after:?}");
    assert!(closed_after < Duration::from_secs(5), "closed too late: {closed_after:?}");
    let reply = get_with_host(address, "/", "localhost", PATIENCE).expect("a reply with idle connections about");
    assert_eq!(reply.status, 200);
    drop(idle);

    std::thread::sleep(Duration::from_millis(1500));
    let page = site.path().join("content/advice/index.md");
    let text = std::fs::read_to_string(&page).expect("page");
    std::fs::write(&page, format!("{text}\nNew words.\n")).expect("edit");
    let mut seen = String::new();
    let started = Instant::now();
    while !seen.contains("event: rebuilt") {
        assert!(started.elapsed() < PATIENCE, "no rebuilt event: {seen}");
        let mut line = String::new();
        assert!(
            events.read_line(&mut line).expect("read event") > 0,
            "the stream was closed: {seen}"
        );
        seen.push_str(&line);
    }
    assert!(seen.contains("event: hello"));
}

/// A site with `count` more services than the `valid` fixture, so that a rebuild takes a while.
pub(crate) fn large_site(count: usize) -> tempfile::TempDir {
    let site = site_copy();
    let mut yaml = String::new();
    for n in 0..count {
        yaml.push_str(&format!(
            "- id: extra-{n}\n  name: Extra speech therapy group {n}\n  category: health\n  summary: Help for children who find talking hard, group {n}.\n  \
             provider: Testshire NHS\n  ages: {{ from: 0, to: 18 }}\n  access: [self-referral]\n  cost: Free\n  contact:\n    phone: \"0121 496 0001\"\n  \
             where:\n    locality: Northtown\n  last_reviewed: 2026-09-01\n  needs: [speech-language-and-communication]\n  free: true\n\n"
        ));
    }
    std::fs::write(site.path().join("content/services/extra.yaml"), yaml).expect("write services");
    site
}

#[cfg(unix)]
#[test]
fn ctrl_c_in_the_middle_of_a_rebuild_stops_the_preview_within_two_seconds() {
    let site = large_site(1500);
    let slow = Duration::from_secs(180);
    let mut preview = RunningPreview::start(site.path(), &[], slow);
    // Time one full rebuild (a change to site.toml renders every page), to know the signal lands in one.
    let config = site.path().join("site.toml");
    let text = std::fs::read_to_string(&config).expect("site.toml");
    std::fs::write(&config, format!("{text}\n# first edit\n")).expect("edit");
    let started = Instant::now();
    let first = preview.rebuilds();
    while preview.rebuilds() == first {
        assert!(started.elapsed() < slow, "no rebuild: {}", preview.log());
        std::thread::sleep(Duration::from_millis(10));
    }
    let rebuild = started.elapsed();
    assert!(
        rebuild > Duration::from_millis(1500),
        "a rebuild took only {rebuild:?}: the site is too small for this test"
    );

    std::fs::write(&config, format!("{text}\n# second edit\n")).expect("edit");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(preview.rebuilds(), first + 1, "the second rebuild is still running");
    let (took, code) = preview.signal_and_wait(libc::SIGINT, Duration::from_secs(20));
    eprintln!("a full rebuild took {rebuild:?}; SIGINT 300 ms into the next one stopped the preview in {took:?}");
    assert!(took < Duration::from_secs(2), "stopping took {took:?}: {}", preview.log());
    assert_eq!(code, Some(0), "{}", preview.log());
    assert!(preview.log().contains("Stopping the preview."));

    // The next preview of the same site starts cleanly from what the stopped one left.
    let mut next = RunningPreview::start(site.path(), &[], slow);
    let reply = get_with_host(next.address, "/services/extra-7/", "localhost", PATIENCE).expect("a reply");
    assert_eq!(reply.status, 200, "{}", next.log());
    let stray: Vec<String> = files_under(&site.path().join(PREVIEW_FOLDER))
        .into_iter()
        .filter(|f| f.ends_with(".signpost-part"))
        .collect();
    assert!(stray.is_empty(), "half-written files: {stray:?}");
    let (took, code) = next.signal_and_wait(libc::SIGTERM, Duration::from_secs(20));
    assert!(took < Duration::from_secs(2), "stopping on SIGTERM took {took:?}");
    assert_eq!(code, Some(0));
}
