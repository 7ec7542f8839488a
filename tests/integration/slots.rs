//! Slots: HTML a site adds to the default theme (analytics, a cookie notice, a toolbar) from
//! `slots/*.html` or `[slots]` in site.toml, with third-party scripts only from allowed hosts.

use crate::common::{build_site, copy_tree, files_under, fixture, read, signpost};
use std::path::Path;

const SCRIPT: &str = "<script src=\"https://cdn.reachdeck.com/speech.js\" defer></script>";
const TOOLS: &str = "<button type=\"button\" class=\"reachdeck-toggle\">Listen to this page</button>";
const NOTICE: &str = "<p class=\"cookie-note\">We use one cookie to remember your choices.</p>";

fn append(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    let mut all = std::fs::read_to_string(&path).unwrap_or_default();
    all.push_str(text);
    std::fs::write(path, all).unwrap();
}

fn site_with_slots(root: &Path) {
    copy_tree(&fixture("valid"), root);
    std::fs::create_dir_all(root.join("slots")).unwrap();
    std::fs::write(root.join("slots/head-end.html"), format!("{SCRIPT}\n")).unwrap();
    std::fs::write(root.join("slots/header-tools.html"), TOOLS).unwrap();
    append(
        root,
        "site.toml",
        &format!("\n[slots]\nallowed_hosts = [\"cdn.reachdeck.com\"]\nbody_start = '{NOTICE}'\n"),
    );
}

#[test]
fn slots_appear_on_every_page_the_policy_allows_their_host_and_nothing_else_changes() {
    let plain_root = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), plain_root.path());
    let (_plain_out, plain) = build_site(plain_root.path());
    let slotted_root = tempfile::tempdir().unwrap();
    site_with_slots(slotted_root.path());
    let (_slotted_out, slotted) = build_site(slotted_root.path());

    // In the page the quotes are written as &#39;.
    let default_policy = signpost::output::headers::content_security_policy_meta().replace('\'', "&#39;");
    let host = vec!["https://cdn.reachdeck.com".to_string()];
    let allowing = signpost::output::headers::content_security_policy_meta_allowing(&host).replace('\'', "&#39;");
    assert!(
        allowing.contains("script-src &#39;self&#39; https://cdn.reachdeck.com;"),
        "{allowing}"
    );

    let files = files_under(&plain);
    assert_eq!(files, files_under(&slotted), "slots add no files");
    let pages: Vec<&String> = files.iter().filter(|f| f.ends_with(".html")).collect();
    assert!(pages.len() > 30, "{pages:?}");
    for page in pages {
        let without = read(&plain, page);
        let with = read(&slotted, page);
        assert!(
            without.contains(&format!("content=\"{default_policy}\"")),
            "{page}: the default policy when no slot is set"
        );
        assert!(!without.contains("site-header__tools") && !without.contains("reachdeck"), "{page}");
        assert!(
            with.contains(&format!("{SCRIPT}\n</head>")),
            "{page}: the head-end slot ends <head>"
        );
        assert!(
            with.contains(&format!("\">\n{NOTICE}\n<a class=\"skip-link\"")),
            "{page}: body start comes before the skip link"
        );
        assert!(with.contains(&format!("<div class=\"site-header__tools\">{TOOLS}</div>")), "{page}");
        assert!(
            with.contains(&format!("content=\"{allowing}\"")),
            "{page}: the page's policy allows the host"
        );
        // Take the slots out again and the page is exactly the page without slots.
        let taken_out = with
            .replace(&format!("\n{SCRIPT}\n"), "\n")
            .replace(&format!("\n{NOTICE}\n"), "\n")
            .replace(&format!("\n    <div class=\"site-header__tools\">{TOOLS}</div>"), "")
            .replace(&allowing, &default_policy);
        assert_eq!(taken_out, without, "{page}: slots change nothing else");
    }
    let headers = read(&slotted, "_headers");
    assert!(headers.contains("script-src 'self' https://cdn.reachdeck.com;"), "{headers}");
    assert!(headers.contains("connect-src 'self' https://cdn.reachdeck.com;"), "{headers}");
    assert!(headers.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://cdn.reachdeck.com;"));
    assert_eq!(
        read(&plain, "_headers"),
        signpost::output::headers::headers_file(&signpost::render::address::Addresses::new("https://slots.example/"), &[]),
        "no slots: the default headers"
    );
}

#[test]
fn a_script_from_a_host_not_listed_is_an_error_where_it_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    site_with_slots(root);
    std::fs::write(
        root.join("slots/body-end.html"),
        "<!-- analytics -->\n<script src=\"https://stats.tracker.example/t.js\"></script>\n",
    )
    .unwrap();
    append(
        root,
        "site.toml",
        "head_end = '<iframe src=\"https://ads.example/frame\"></iframe>'\n",
    );
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<(String, u64, u64, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let toml_line = toml.lines().position(|l| l.starts_with("head_end")).unwrap() as u64 + 1;
    assert_eq!(
        found,
        vec![
            ("site.toml".to_string(), toml_line, 1, "slot-twice".to_string()),
            ("slots/body-end.html".to_string(), 2, 14, "slot-host".to_string()),
        ],
        "head_end is set twice (file and site.toml), so only that is reported for it: {json:#}"
    );
    let message = json["diagnostics"][1]["message"].as_str().unwrap();
    assert!(message.contains("stats.tracker.example"), "{message}");
    let fix = json["diagnostics"][1]["suggestion"].as_str().unwrap();
    assert!(fix.contains("allowed_hosts = [\"stats.tracker.example\"]"), "{fix}");

    // In site.toml the problem is reported at the slot's key.
    std::fs::remove_file(root.join("slots/head-end.html")).unwrap();
    std::fs::remove_file(root.join("slots/body-end.html")).unwrap();
    let output = signpost().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostic = &json["diagnostics"][0];
    assert_eq!(
        (
            diagnostic["file"].as_str(),
            diagnostic["line"].as_u64(),
            diagnostic["rule"].as_str()
        ),
        (Some("site.toml"), Some(toml_line), Some("slot-host")),
        "{json:#}"
    );
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("<iframe> in this slot loads from ads.example")
    );
}

#[test]
fn the_preview_sends_the_policy_with_the_allowed_hosts() {
    use std::io::{BufRead, BufReader, Read, Write};
    let folder = tempfile::tempdir().unwrap();
    site_with_slots(folder.path());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--port", "0", "--root"])
        .arg(folder.path())
        .env("SIGNPOST_TODAY", crate::common::TODAY)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let address = lines.by_ref().map_while(Result::ok).find_map(|line| {
        line.split("Preview at http://")
            .nth(1)
            .map(|rest| rest.split('/').next().unwrap_or("").to_string())
    });
    std::thread::spawn(move || lines.for_each(drop));
    let reply = address.map(|address| {
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        stream.set_read_timeout(Some(std::time::Duration::from_secs(15))).unwrap();
        write!(stream, "GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
        let mut text = String::new();
        let _ = stream.read_to_string(&mut text);
        text
    });
    let _ = child.kill();
    let _ = child.wait();
    let reply = reply.expect("the preview printed its address");
    let head = reply.split("\r\n\r\n").next().unwrap_or("").to_ascii_lowercase();
    assert!(
        head.contains("content-security-policy: default-src 'self'; script-src 'self' https://cdn.reachdeck.com;"),
        "{head}"
    );
    assert!(reply.contains(SCRIPT), "the slot is in the preview too");
}
