//! Building fixture sites with the real binary and checking the HTML it writes.

use crate::common::*;

#[test]
fn valid_site_builds_with_exit_code_zero_and_no_findings() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let assert = signpost()
        .args(["build", "--root"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("0 errors, 0 warnings"), "{stderr}");
    let files = files_under(&public);
    for expected in [
        "index.html",
        "advice/index.html",
        "advice/assessment/index.html",
        "services/index.html",
        "services/health/index.html",
        "services/short-breaks/index.html",
        "services/speech-therapy/index.html",
        "services/splash-club/index.html",
        "services/saturday-play-scheme/index.html",
        "glossary/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(files.contains(&expected.to_string()), "missing {expected} in {files:?}");
    }
    assert!(!files.iter().any(|f| f.starts_with("draft-page")), "drafts are not published");
}

#[test]
fn every_page_shows_the_sendiass_block() {
    let out = tempfile::tempdir().unwrap();
    signpost()
        .args(["build", "--root"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(out.path().join("p"))
        .assert()
        .success();
    let pages: Vec<String> = files_under(&out.path().join("p"))
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    assert!(pages.len() >= 13, "{pages:?}");
    for page in pages {
        let html = read(&out.path().join("p"), &page);
        assert_eq!(
            html.matches("data-contact=\"sendiass\"").count(),
            1,
            "{page} must show SENDIASS once"
        );
        assert!(html.contains("0121 496 0000"), "{page} shows the SENDIASS phone number");
    }
}

#[test]
fn a_theme_without_the_sendiass_block_fails_the_build() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/glossary.html"),
        "<!doctype html><html lang=\"en-GB\"><title>{{ page.title }}</title><main><h1>{{ page.title }}</h1></main></html>",
    )
    .unwrap();
    let assert = signpost().args(["check", "--root"]).arg(site.path()).assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("templates/glossary.html: The page at /glossary/ does not show the `sendiass` contact block [help-missing]"),
        "{stderr}"
    );
}

#[test]
fn pages_have_heading_ids_marked_external_links_and_hashed_assets() {
    let (_out, public) = build_site(&fixture("valid"));
    let page = read(&public, "advice/assessment/index.html");
    assert!(page.contains(r#"<h2 id="who-can-ask">Who can ask?</h2>"#), "{page}");
    assert!(
        page.contains(r#"<a href="https://www.nhs.uk/" class="external">NHS <span class="visually-hidden">"#),
        "{page}"
    );
    assert!(page.contains("<table>"), "tables are rendered");
    assert!(
        page.contains(r#"<link rel="canonical" href="https://localoffer.testshire.example/advice/assessment/">"#),
        "{page}"
    );
    let css: Vec<String> = files_under(&public)
        .into_iter()
        .filter(|f| f.starts_with("assets/site.") && f.ends_with(".css"))
        .collect();
    assert_eq!(css.len(), 1, "one hashed stylesheet: {css:?}");
    assert!(page.contains(&format!("href=\"/{}\"", css[0])), "pages link the hashed stylesheet");
    let sitemap = read(&public, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://localoffer.testshire.example/advice/assessment/</loc><lastmod>2026-10-01</lastmod>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404"), "{sitemap}");
    assert_eq!(
        read(&public, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://localoffer.testshire.example/sitemap.xml\n"
    );
}

#[test]
fn service_page_shows_the_summary_list_and_the_provider_link() {
    let (_out, public) = build_site(&fixture("valid"));
    let page = read(&public, "services/speech-therapy/index.html");
    assert!(page.contains("<h1"), "{page}");
    assert!(page.contains("Speech therapy"));
    assert!(page.contains("<dl"), "service details are a summary list");
    assert!(page.contains("0 to 18"), "ages");
    assert!(page.contains("href=\"tel:01214960001\""), "phone is a tel: link");
    assert!(
        page.contains("href=\"https://nhs.testshire.example/speech/\""),
        "links to the provider's page"
    );
    assert!(page.contains("Northtown"));
    assert!(page.contains("datetime=\"2026-09-01\""), "last reviewed date");
    let category = read(&public, "services/short-breaks/index.html");
    let play = category.find("Saturday play scheme").expect("listed");
    let splash = category.find("Splash Club swimming").expect("listed");
    assert!(play < splash, "services are listed A to Z");
    let markdown_service = read(&public, "services/saturday-play-scheme/index.html");
    assert!(
        markdown_service.contains("Children play games"),
        "a Markdown service's body is its description"
    );
    let yaml_service = read(&public, "services/splash-club/index.html");
    assert!(
        yaml_service.contains(r#"<h2 id="what-to-bring">What to bring</h2>"#),
        "{yaml_service}"
    );
}

#[test]
fn drafts_are_built_only_when_asked() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    signpost()
        .args(["build", "--drafts", "--root"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    let page = read(&public, "draft-page/index.html");
    assert!(page.contains("Coming soon"));
}

#[test]
fn identical_input_gives_byte_identical_output() {
    let out = tempfile::tempdir().unwrap();
    let (first, second) = (out.path().join("one"), out.path().join("two"));
    signpost()
        .args(["build", "--root"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(&first)
        .assert()
        .success();
    signpost()
        .args(["build", "--root"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(&second)
        .assert()
        .success();
    let files = files_under(&first);
    assert_eq!(files, files_under(&second));
    for file in files {
        assert_eq!(
            std::fs::read(first.join(&file)).unwrap(),
            std::fs::read(second.join(&file)).unwrap(),
            "{file} differs between builds"
        );
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let (out, public) = build_site(&fixture("valid"));
    let before: Vec<(String, Vec<u8>)> = files_under(&public)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(public.join(&f)).unwrap()))
        .collect();
    let assert = signpost()
        .args(["build", "--root"])
        .arg(fixture("broken"))
        .arg("--output")
        .arg(&public)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    let after: Vec<(String, Vec<u8>)> = files_under(&public)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(public.join(&f)).unwrap()))
        .collect();
    assert_eq!(before, after);
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("public")],
        "no temporary folders are left behind"
    );
}

#[test]
fn a_successful_rebuild_replaces_old_files() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let public = site.path().join("public");
    signpost().args(["build", "--root"]).arg(site.path()).assert().success();
    assert!(public.join("other-formats/index.html").exists());
    std::fs::remove_file(site.path().join("content/other-formats.md")).unwrap();
    std::fs::write(
        site.path().join("site.toml"),
        std::fs::read_to_string(site.path().join("site.toml"))
            .unwrap()
            .replace("other_formats = \"/other-formats/\"\n", ""),
    )
    .unwrap();
    signpost().args(["build", "--root"]).arg(site.path()).assert().success();
    assert!(
        !public.join("other-formats/index.html").exists(),
        "pages that were removed disappear"
    );
}

#[test]
fn the_output_folder_may_not_be_the_site_itself() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let assert = signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path())
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("is the site folder itself"));
    assert!(site.path().join("content/index.md").exists());
}

#[test]
fn init_writes_a_site_that_builds_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("new-site");
    signpost().arg("init").arg(&site).assert().success();
    assert!(site.join("site.toml").exists());
    assert!(site.join("content/contacts/sendiass.yaml").exists());
    let assert = signpost()
        .args(["build", "--deny-warnings", "--root"])
        .arg(&site)
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("0 errors, 0 warnings"));
    assert!(site.join("public/services/inclusive-swimming/index.html").exists());
    signpost().arg("init").arg(&site).assert().code(2);
}

#[test]
fn usage_errors_exit_with_two() {
    signpost().arg("frobnicate").assert().code(2);
    signpost().args(["build", "--format", "xml"]).assert().code(2);
}
