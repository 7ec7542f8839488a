//! Links and markup that cannot run: every unsafe address (in Markdown links, autolinks,
//! reference definitions, pictures, raw HTML, YAML fields and imports) is an error at its line
//! and column and is never published live; raw HTML keeps only the allowed elements; HTML pasted
//! into a plain-text field is published as text, in the pages, the feed and the search bundle.

use crate::common::*;
use std::path::Path;

const INDEX: &str = "content/index.md";
const HEALTH: &str = "content/services/health.yaml";

fn site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    site
}

fn append(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    let mut body = std::fs::read_to_string(&path).unwrap();
    body.push_str(text);
    std::fs::write(path, body).unwrap();
}

fn run(root: &Path, command: &str, output: Option<&Path>) -> (i32, String) {
    let mut signpost = signpost();
    signpost.args([command, "--root"]).arg(root);
    if let Some(output) = output {
        signpost.arg("--output").arg(output);
    }
    let result = signpost.output().unwrap();
    (
        result.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&result.stderr).into_owned(),
    )
}

/// Every file of the built site, concatenated, lowercased.
fn everything(public: &Path) -> String {
    files_under(public)
        .iter()
        .filter(|f| f.ends_with(".html") || f.ends_with(".json"))
        .map(|f| read(public, f).to_ascii_lowercase())
        .collect()
}

#[test]
fn every_unsafe_address_in_markdown_is_an_error_at_its_line_and_column() {
    let site = site();
    // index.md has 10 lines; these start at line 12.
    append(
        site.path(),
        INDEX,
        concat!(
            "\n[Book](javascript:alert(1))\n",                                                // 12:1
            "\n[Case](JaVaScRiPt:alert(1))\n",                                                // 14:1
            "\n[Tab](jav&#x09;ascript:alert(1))\n",                                           // 16:1
            "\n[Decimal](&#106;avascript:alert(1))\n",                                        // 18:1
            "\n[Colon](javascript&colon;alert(1))\n",                                         // 20:1
            "\nAuto <vbscript:msgbox(1)> link\n",                                             // 22:6
            "\nBy [reference][evil].\n",                                                      // 24 (reported at the definition)
            "\n[evil]: data:text/html,hello\n",                                               // 26:1
            "\n![A picture](javascript:alert(1))\n",                                          // 28:1
            "\nRaw <a href=\"javascript:alert(1)\">raw</a> link\n",                           // 30:5
            "\n<details>\n<summary>More</summary>\n",                                         // 32, 33
            "<img alt=\"x\" src=\"/x.png\" srcset=\"javascript:alert(1) 2x\">\n</details>\n", // 34:1
            "\n[Spaces]( javascript:alert(1))\n",                                             // 37:1
            "\n<span title=\"x\"><em formaction=\"JAVASCRIPT:x\">f</em></span>\n",            // 39:17
        ),
    );
    let (code, stderr) = run(site.path(), "check", None);
    assert_eq!(code, 1, "{stderr}");
    for at in [
        "12:1", "14:1", "16:1", "18:1", "20:1", "22:6", "26:1", "28:1", "30:5", "34:1", "37:1", "39:17",
    ] {
        let expected = format!("error: content/index.md:{at}: ");
        let line = stderr
            .lines()
            .find(|line| line.starts_with(&expected))
            .unwrap_or_else(|| panic!("no error at {at}:\n{stderr}"));
        assert!(line.ends_with("[unsafe-link]"), "{line}");
    }
    assert!(
        !stderr.contains("content/index.md:24:"),
        "a link by reference is reported once, at its definition:\n{stderr}"
    );
    assert!(stderr.contains("which could run a script"), "{stderr}");

    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, _) = run(site.path(), "build", Some(&public));
    assert_eq!(code, 1);
    assert!(!public.exists(), "nothing is published while a link is unsafe");
}

#[test]
fn unsafe_addresses_in_yaml_services_are_errors_at_the_field() {
    let site = site();
    replace_in(
        site.path(),
        HEALTH,
        "  provider_website: https://nhs.testshire.example/speech/\n",
        "  provider_website: \"jav&#x09;ascript:alert(1)\"\n",
    );
    replace_in(
        site.path(),
        HEALTH,
        "  service_status: active\n",
        "  service_status: active\n  description: |\n    Speech help for children.\n\n    Read more [here](javascript:alert(1)).\n",
    );
    let (code, stderr) = run(site.path(), "check", None);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: content/services/health.yaml:5:21: Speech therapy: `provider_website` cannot be published")
            || stderr.contains("error: content/services/health.yaml:5:21: `provider_website` cannot be published"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: content/services/health.yaml:19:15: The link to `javascript:alert(1)` is not allowed"),
        "{stderr}"
    );
    assert!(!stderr.contains("[url]"), "the unsafe address is not reported twice:\n{stderr}");
}

#[test]
fn an_import_drops_script_links_and_reports_them_and_the_site_publishes_none() {
    let site = site();
    let result = signpost()
        .args(["import", "openreferral"])
        .arg(fixture("import/oruk-unsafe.json"))
        .arg("--root")
        .arg(site.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    for expected in [
        "u1 \"Booking Club\", contact.website: the address starts with `javascript:`, which could run a script; dropped",
        "u1 \"Booking Club\", description: a link to a `javascript:` address (its words were kept)",
        "u1 \"Booking Club\", description: a link to a `javascript:` address (\"Book here\") was dropped; its words were kept",
        "u1 \"Booking Club\", description: HTML tags written as `&lt;…&gt;` (<script>, </script>) were dropped and the words kept",
    ] {
        assert!(stderr.contains(expected), "missing {expected} in {stderr}");
    }
    let yaml = read(site.path(), "content/services/imported/u1.yaml");
    assert!(!yaml.to_ascii_lowercase().contains("javascript"), "{yaml}");
    assert!(!yaml.contains("<script>"), "{yaml}");
    assert!(yaml.contains("Bring a snack. alert(1) Book here or [read more]"), "{yaml}");

    let (_out, public) = build_site(site.path());
    let page = read(&public, "services/booking-club/index.html");
    assert!(page.contains("Bring a snack. alert(1) Book here or"), "{page}");
    let all = everything(&public);
    assert!(!all.contains("javascript:"), "no script address anywhere in the site");
    assert!(!all.contains("<script>alert"), "no script anywhere in the site, the feed included");
}

#[test]
fn the_sanitiser_keeps_the_allowed_elements() {
    let site = site();
    append(
        site.path(),
        INDEX,
        "\n<details>\n<summary>What is an <abbr title=\"Education, Health and Care\">EHC</abbr> plan?</summary>\n\nA plan for <span lang=\"cy\">plant</span>, press <kbd>Tab</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>new</mark> and <strong>this</strong>.\n\n</details>\n",
    );
    let (_out, public) = build_site(site.path());
    let page = read(&public, "index.html");
    for kept in [
        "<details>",
        "<summary>What is an <abbr title=\"Education, Health and Care\">EHC</abbr> plan?</summary>",
        "<span lang=\"cy\" dir=\"ltr\">plant</span>",
        "<kbd>Tab</kbd>",
        "<sub>2</sub>",
        "<sup>2</sup>",
        "<mark>new</mark>",
        "<strong>this</strong>",
        "</details>",
    ] {
        assert!(page.contains(kept), "{kept} missing in {page}");
    }
}

#[test]
fn raw_html_that_is_not_allowed_is_an_error_or_is_removed_with_a_warning() {
    let site = site();
    append(
        site.path(),
        INDEX,
        "\n<div onclick=\"alert(1)\">Hello there</div>\n\n<iframe src=\"https://video.example/\"></iframe>\n\nText with <font color=\"red\">old markup</font>.\n",
    );
    let (code, stderr) = run(site.path(), "check", None);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "error: content/index.md:12:1: This HTML is not allowed: an event attribute such as onclick= (which runs a script) on <div> [unsafe-html]",
        "error: content/index.md:14:1: This HTML is not allowed: an <iframe> element [unsafe-html]",
        "error: content/index.md:16:11: This HTML is not allowed: a <font> element [unsafe-html]",
    ] {
        assert!(stderr.contains(expected), "missing {expected} in {stderr}");
    }

    append(site.path(), "site.toml", "\n[content]\nraw_html = \"remove\"\n");
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, stderr) = run(site.path(), "build", Some(&public));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: content/index.md:14:1: This HTML was taken out: an <iframe> element [unsafe-html]"),
        "{stderr}"
    );
    let page = read(&public, "index.html");
    assert!(page.contains("<div>Hello there</div>"), "{page}");
    assert!(page.contains("Text with old markup."), "{page}");
    for gone in ["onclick", "<iframe", "video.example", "<font"] {
        assert!(!page.contains(gone), "{gone} in {page}");
    }
}

#[test]
fn html_pasted_into_a_summary_is_published_as_text_everywhere() {
    let site = site();
    replace_in(
        site.path(),
        HEALTH,
        "  summary: Help for children who find talking hard.\n",
        "  summary: \"<p>Fun&nbsp;for <strong>all</strong></p>\"\n",
    );
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, stderr) = run(site.path(), "build", Some(&public));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: content/services/health.yaml:3:12: `summary` has HTML in it (<p>, &nbsp;, <strong>), but it is plain text: it is published as \"Fun for all\" [markup-in-text]"),
        "{stderr}"
    );
    let page = read(&public, "services/speech-therapy/index.html");
    assert!(page.contains("Fun for all"), "{page}");
    let feed = read(&public, &crate::openreferral::service_file("speech-therapy"));
    assert!(feed.contains("\"Fun for all\""), "{feed}");
    let all = everything(&public);
    for markup in [
        "<p><p>",
        "&lt;p&gt;",
        "&amp;nbsp;",
        "fun&nbsp;for",
        "<strong>all",
        "\\u003cp",
        "&lt;strong",
    ] {
        assert!(!all.contains(markup), "{markup} is published somewhere");
    }
    let bundle: String = files_under(&public.join("search"))
        .iter()
        .map(|f| read(&public.join("search"), f))
        .collect();
    assert!(bundle.contains("Fun for all"), "the search bundle has the plain summary");
}

#[test]
fn script_schemes_can_never_be_allowed_in_site_toml() {
    let site = site();
    append(
        site.path(),
        "site.toml",
        "\n[content]\nlink_schemes = [\"https\", \"javascript\"]\n",
    );
    let (code, stderr) = run(site.path(), "check", None);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("[content] link_schemes cannot include `javascript`"), "{stderr}");
}

#[test]
fn a_description_reaches_the_feed_as_plain_text() {
    let site = site();
    replace_in(
        site.path(),
        HEALTH,
        "  cost: Free\n",
        "  cost: Free\n  description: |\n    An <abbr title=\"Speech and language therapist\">SALT</abbr> sees your child **at home**.\n\n    - [Book online](https://nhs.testshire.example/book/)\n",
    );
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, stderr) = run(site.path(), "build", Some(&public));
    assert_eq!(code, 0, "{stderr}");
    let page = read(&public, "services/speech-therapy/index.html");
    assert!(page.contains("<abbr title=\"Speech and language therapist\">SALT</abbr>"), "{page}");
    let feed: serde_json::Value = serde_json::from_str(&read(&public, &crate::openreferral::service_file("speech-therapy"))).unwrap();
    let description = feed["description"].as_str().unwrap_or_default();
    assert_eq!(
        description,
        "Help for children who find talking hard.\n\nAn SALT sees your child at home.\n\n- Book online (https://nhs.testshire.example/book/)"
    );
}
