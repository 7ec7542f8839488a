//! `signpost check --external` against a web server on this computer (loopback only): working,
//! moved, missing, failing, slow and dropped links, the reports, the exit code and the cache.

use crate::common::{copy_tree, fixture, replace_in, signpost};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Requests seen by the test server, by `METHOD /path`.
type Seen = Arc<Mutex<BTreeMap<String, usize>>>;

/// A tiny HTTP server on 127.0.0.1 with one behaviour per path; returns its port and the counts.
fn start_server() -> (u16, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Seen = Arc::default();
    let counts = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let counts = counts.clone();
            std::thread::spawn(move || answer(stream, &counts));
        }
    });
    (port, seen)
}

fn answer(mut stream: TcpStream, seen: &Seen) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut words = head.split_whitespace();
    let method = words.next().unwrap_or("").to_string();
    let path = words.next().unwrap_or("").to_string();
    *seen.lock().unwrap().entry(format!("{method} {path}")).or_default() += 1;
    let reply = |status: &str, extra: &str| {
        let body = if method == "HEAD" { "" } else { "hello" };
        format!("HTTP/1.1 {status}\r\nContent-Length: 5\r\nConnection: close\r\n{extra}\r\n{body}")
    };
    let text = match path.as_str() {
        "/ok" | "/ok-new" => reply("200 OK", ""),
        "/moved" => reply("301 Moved Permanently", "Location: /ok-new\r\n"),
        "/gone" => reply("404 Not Found", ""),
        "/broken" => reply("500 Internal Server Error", ""),
        "/get-only" if method == "HEAD" => reply("405 Method Not Allowed", ""),
        "/get-only" => reply("200 OK", ""),
        "/slow" => {
            std::thread::sleep(Duration::from_millis(2500));
            reply("200 OK", "")
        }
        "/reset" => {
            reset(stream);
            return;
        }
        _ => reply("404 Not Found", ""),
    };
    let _ = stream.write_all(text.as_bytes());
}

/// Closes the connection with a TCP reset (SO_LINGER 0) instead of an answer.
#[cfg(unix)]
fn reset(stream: TcpStream) {
    use std::os::fd::AsRawFd;
    let linger = libc::linger { l_onoff: 1, l_linger: 0 };
    // SAFETY: the descriptor is open (owned by `stream`) and `linger` is a valid value of the
    // size given.
    unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&linger as *const libc::linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        );
    }
    drop(stream);
}

#[cfg(not(unix))]
fn reset(stream: TcpStream) {
    drop(stream);
}

/// The valid fixture with every external link pointing at the test server.
fn site_linking_to(port: u16, root: &Path) {
    copy_tree(&fixture("valid"), root);
    let at = |path: &str| format!("http://127.0.0.1:{port}{path}");
    replace_in(
        root,
        "content/services/health.yaml",
        "https://nhs.testshire.example/speech/",
        &at("/ok"),
    );
    replace_in(
        root,
        "content/services/play-scheme.md",
        "https://play.testshire.example/",
        &at("/moved"),
    );
    replace_in(
        root,
        "content/contacts/sendiass.yaml",
        "https://sendiass.testshire.example/",
        &at("/gone"),
    );
    replace_in(
        root,
        "content/advice/assessment.md",
        "[NHS](https://www.nhs.uk/) has more.",
        &format!(
            "[NHS]({}) has more. See [slow]({}), [reset]({}) and [forms]({}).",
            at("/broken"),
            at("/slow"),
            at("/reset"),
            at("/get-only")
        ),
    );
    let config = root.join("site.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    // Nothing but the loopback server is ever asked: every https address is left out.
    text.push_str("\n[external_links]\ntimeout_seconds = 1\nretries = 2\nretry_wait_ms = 20\nignore = [\"https://\"]\n");
    std::fs::write(&config, text).unwrap();
}

/// `signpost check --external` with `format`, and no proxy from the environment (which must
/// not see the loopback requests).
fn external_check(root: &Path, format: &str) -> std::process::Output {
    let mut command = signpost();
    for name in ["ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"] {
        command.env_remove(name);
    }
    command
        .args(["check", "--external", "--format", format, "--root"])
        .arg(root)
        .output()
        .unwrap()
}

fn run_check(root: &Path) -> (Option<i32>, serde_json::Value, String) {
    let output = external_check(root, "json");
    let json =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)));
    (output.status.code(), json, String::from_utf8_lossy(&output.stderr).into_owned())
}

fn link<'j>(json: &'j serde_json::Value, url: &str) -> &'j serde_json::Value {
    json["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["url"] == url)
        .unwrap_or_else(|| panic!("{url} not in the report: {json:#}"))
}

fn count(seen: &Seen, request: &str) -> usize {
    seen.lock().unwrap().get(request).copied().unwrap_or(0)
}

#[test]
fn external_links_are_checked_reported_by_owner_and_cached() {
    let (port, seen) = start_server();
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    site_linking_to(port, root);
    let at = |path: &str| format!("http://127.0.0.1:{port}{path}");

    let before = top_level(root);
    let (code, json, stderr) = run_check(root);
    assert_eq!(code, Some(1), "dead links exit 1: {stderr}");
    let mut expected = before.clone();
    expected.extend([".signpost-cache".to_string(), "report".to_string()]);
    expected.sort();
    assert_eq!(
        top_level(root),
        expected,
        "only the cache and the reports are added to the site folder"
    );
    let urls: Vec<&str> = json["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["url"].as_str().unwrap())
        .collect();
    assert_eq!(urls.len(), 7, "{urls:?}");
    assert!(urls.iter().all(|u| u.starts_with(&at("/"))), "only the loopback server: {urls:?}");
    let summary = &json["summary"];
    assert_eq!(
        (summary["dead"].as_u64(), summary["redirected"].as_u64(), summary["ok"].as_u64()),
        (Some(4), Some(1), Some(2)),
        "{summary}"
    );
    assert_eq!(summary["requested"], 7);

    let ok = link(&json, &at("/ok"));
    assert_eq!(
        (ok["verdict"].as_str(), ok["status"].as_u64(), ok["method"].as_str()),
        (Some("ok"), Some(200), Some("HEAD"))
    );
    let owner = &ok["owners"][0];
    assert_eq!(
        (
            owner["kind"].as_str(),
            owner["file"].as_str(),
            owner["line"].as_u64(),
            owner["column"].as_u64(),
            owner["field"].as_str()
        ),
        (
            Some("service"),
            Some("content/services/health.yaml"),
            Some(5),
            Some(21),
            Some("provider_website")
        ),
        "{owner}"
    );
    let moved = link(&json, &at("/moved"));
    assert_eq!(moved["verdict"], "redirected");
    assert_eq!(moved["redirects"], serde_json::json!([{"status": 301, "to": at("/ok-new")}]));
    assert_eq!(moved["owners"][0]["field"], "contact.website");
    let gone = link(&json, &at("/gone"));
    assert_eq!(
        (gone["verdict"].as_str(), gone["status"].as_u64(), gone["attempts"].as_u64()),
        (Some("dead"), Some(404), Some(1)),
        "a 404 is not retried"
    );
    assert_eq!(
        (
            gone["owners"][0]["kind"].as_str(),
            gone["owners"][0]["file"].as_str(),
            gone["owners"][0]["line"].as_u64()
        ),
        (Some("contact"), Some("content/contacts/sendiass.yaml"), Some(6))
    );
    let broken = link(&json, &at("/broken"));
    assert_eq!(
        (broken["verdict"].as_str(), broken["status"].as_u64(), broken["attempts"].as_u64()),
        (Some("dead"), Some(500), Some(3)),
        "a 500 is tried three times"
    );
    assert_eq!(
        (
            broken["owners"][0]["file"].as_str(),
            broken["owners"][0]["line"].as_u64(),
            broken["owners"][0]["field"].as_str()
        ),
        (Some("content/advice/assessment.md"), Some(18), Some("markdown"))
    );
    let slow = link(&json, &at("/slow"));
    assert_eq!((slow["verdict"].as_str(), slow["attempts"].as_u64()), (Some("dead"), Some(3)));
    assert!(slow["error"].as_str().unwrap().contains("did not answer in time"), "{slow}");
    let reset = link(&json, &at("/reset"));
    assert_eq!(
        (reset["verdict"].as_str(), reset["attempts"].as_u64()),
        (Some("dead"), Some(3)),
        "{reset}"
    );
    assert!(reset["status"].is_null(), "{reset}");
    let forms = link(&json, &at("/get-only"));
    assert_eq!(
        (forms["verdict"].as_str(), forms["method"].as_str()),
        (Some("ok"), Some("GET")),
        "HEAD refused: GET is used"
    );

    let by_owner = json["by_owner"].as_array().unwrap();
    let advice = by_owner.iter().find(|o| o["file"] == "content/advice/assessment.md").unwrap();
    assert_eq!(advice["links"].as_array().unwrap().len(), 3, "broken, slow and reset: {advice}");
    assert!(
        !by_owner.iter().any(|o| o["file"] == "content/services/health.yaml"),
        "working links have no problems to list"
    );

    assert_eq!(count(&seen, "HEAD /broken"), 3);
    assert_eq!(
        count(&seen, "HEAD /gone") + count(&seen, "GET /gone"),
        2,
        "HEAD 404 is confirmed once with GET"
    );
    assert_eq!((count(&seen, "HEAD /get-only"), count(&seen, "GET /get-only")), (1, 1));

    let csv = std::fs::read_to_string(root.join("report/external-links.csv")).unwrap();
    assert!(
        csv.starts_with("verdict,url,status,final_url,problem,owner_kind,owner,file,line,column,field,"),
        "{csv}"
    );
    assert!(csv.contains(&format!("dead,{},404,,", at("/gone"))), "{csv}");
    assert!(
        csv.contains(&format!("redirected,{},200,{},", at("/moved"), at("/ok-new"))),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 8, "a header and one row per link and owner: {csv}");
    let html = std::fs::read_to_string(root.join("report/external-links.html")).unwrap();
    assert!(html.contains("<h1>External links - Testshire Local Offer</h1>"), "{html}");
    assert!(
        html.contains("Testshire SENDIASS") && html.contains("content/contacts/sendiass.yaml:6"),
        "{html}"
    );
    assert!(html.contains("has moved permanently to") && !html.contains(&format!("<td>{}</td>", at("/ok"))));
    assert!(root.join(".signpost-cache/external-links.json").is_file());

    // The next run asks only about what is due: links that worked are fresh, failures are asked again.
    let (code, json, _) = run_check(root);
    assert_eq!(code, Some(1));
    assert_eq!(json["summary"]["requested"], 4, "{}", json["summary"]);
    assert_eq!(count(&seen, "HEAD /ok"), 1, "a fresh link is not asked about again");
    assert_eq!(count(&seen, "HEAD /moved"), 1);
    assert_eq!(count(&seen, "GET /get-only"), 1);
    assert_eq!(count(&seen, "HEAD /broken"), 6, "failures are checked again");
    assert_eq!(link(&json, &at("/ok"))["from_cache"], true);
    assert_eq!(link(&json, &at("/gone"))["from_cache"], false);

    // For CI: GitHub annotations at the line of each problem link.
    let output = external_check(root, "github");
    assert_eq!(output.status.code(), Some(1));
    let annotations = String::from_utf8_lossy(&output.stdout);
    assert!(
        annotations.contains("::error file=content/contacts/sendiass.yaml,line=6,"),
        "{annotations}"
    );
    assert!(
        annotations.contains("::warning file=content/services/play-scheme.md,line=10,"),
        "{annotations}"
    );
    assert_eq!(count(&seen, "HEAD /ok"), 1, "still fresh");
}

/// The names at the top of a folder, sorted.
fn top_level(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn working_links_exit_0_and_a_normal_check_never_asks() {
    let (port, seen) = start_server();
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    site_linking_to(port, root);
    replace_in(root, "content/contacts/sendiass.yaml", "/gone", "/ok");
    replace_in(root, "content/services/play-scheme.md", "/moved", "/ok");
    replace_in(root, "content/advice/assessment.md", "See [slow]", "See [again]");
    for path in ["/broken", "/slow", "/reset"] {
        replace_in(root, "content/advice/assessment.md", path, "/get-only");
    }
    signpost().args(["check", "--root"]).arg(root).assert().success();
    assert!(seen.lock().unwrap().is_empty(), "a normal check uses no network");
    let (code, json, stderr) = run_check(root);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        (json["summary"]["links"].as_u64(), json["summary"]["dead"].as_u64()),
        (Some(2), Some(0))
    );
    assert!(
        stderr.contains("Checked 2 external links (2 asked now, 0 from the cache): 0 dead"),
        "{stderr}"
    );
}
