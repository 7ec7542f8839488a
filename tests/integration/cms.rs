//! The browser editor: `[cms]` in `site.toml` makes `admin/index.html` and `admin/config.yml`,
//! the admin page gets its own policy in `_headers` while the site keeps its own, and a service
//! list may put its services under `services:` (the form the editor can edit).

use crate::common::*;

/// A copy of the valid fixture with the editor on and its service list under `services:`.
fn site_with_cms(wrap: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    let toml = dir.path().join("site.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("\n[cms]\nenabled = true\nlocal_backend = true\n");
    std::fs::write(&toml, text).unwrap();
    if wrap {
        let file = dir.path().join("content/services/health.yaml");
        let list = std::fs::read_to_string(&file).unwrap();
        let indented: String = list
            .lines()
            .map(|l| {
                if l.trim().is_empty() {
                    "\n".to_string()
                } else {
                    format!("  {l}\n")
                }
            })
            .collect();
        std::fs::write(&file, format!("services:\n{indented}")).unwrap();
    }
    dir
}

#[test]
fn the_admin_page_and_its_config_are_written_only_when_switched_on() {
    let (_out, public) = build_site(&fixture("valid"));
    assert!(!public.join("admin").exists(), "the editor is off by default");

    let site = site_with_cms(true);
    let (_out, public) = build_site(site.path());
    let page = read(&public, "admin/index.html");
    assert!(page.contains("<link href=\"config.yml\""), "the config address is relative: {page}");
    assert!(page.contains("integrity=\"sha384-"), "{page}");
    let config = read(&public, "admin/config.yml");
    assert!(config.contains("local_backend: true"), "{config}");
    assert!(config.contains("file: \"content/services/health.yaml\""), "{config}");
    assert!(config.contains("folder: \"content/services\""), "the Markdown services: {config}");
    assert!(config.contains("folder: \"content/contacts\""), "{config}");
    // Allowed values come from site.toml and the loader's types.
    assert!(config.contains("value: \"short-breaks\""), "a category from site.toml: {config}");
    assert!(config.contains("value: \"professional-referral\""), "{config}");
    assert!(config.contains("value: \"speech-language-and-communication\""), "{config}");
}

#[test]
fn the_admin_page_has_its_own_policy_and_the_site_keeps_its_strict_one() {
    let site = site_with_cms(true);
    let (_out, public) = build_site(site.path());
    let headers = read(&public, "_headers");
    let rules: Vec<(&str, &str)> = headers
        .split("\n\n")
        .filter_map(|block| {
            let mut lines = block.lines().filter(|l| !l.starts_with('#'));
            let pattern = lines.next()?;
            let policy = lines.find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))?;
            Some((pattern, policy))
        })
        .collect();
    let admin: Vec<_> = rules.iter().filter(|(p, _)| *p == "/admin/*").collect();
    assert_eq!(admin.len(), 1, "{headers}");
    assert!(
        admin[0].1.contains("https://unpkg.com") && admin[0].1.contains("http://localhost:8081"),
        "{headers}"
    );
    for (pattern, policy) in rules.iter().filter(|(p, _)| *p != "/admin/*") {
        assert!(
            !pattern.starts_with("/admin") && *pattern != "/*",
            "{pattern} would also cover the admin page"
        );
        assert!(
            !policy.contains("unsafe-") && policy.contains("script-src 'self';"),
            "{pattern}: {policy}"
        );
    }
    for needed in ["/", "/services/*", "/assets/*", "/advice/*", "/search/*"] {
        assert!(rules.iter().any(|(p, _)| p == &needed), "no site policy for {needed}:\n{headers}");
    }
}

/// Every file the build writes outside `admin/` (pages, assets, redirect pages, static files,
/// feeds) is covered by a rule with the site's policy: with the admin page on, `_headers` lists
/// the site's top-level names one by one, so a name left out would go without a policy.
#[test]
fn every_published_file_but_the_admin_page_gets_the_site_policy() {
    let site = site_with_cms(true);
    std::fs::write(site.path().join("content/redirects.yaml"), "/old/place/: /\n").unwrap();
    std::fs::create_dir_all(site.path().join("static/.well-known")).unwrap();
    std::fs::write(
        site.path().join("static/.well-known/security.txt"),
        "Contact: mailto:a@example.org\n",
    )
    .unwrap();
    let (_out, public) = build_site(site.path());
    let headers = read(&public, "_headers");
    let patterns: Vec<&str> = headers
        .split("\n\n")
        .filter(|block| block.contains("Content-Security-Policy: ") && !block.contains("unsafe-eval"))
        .filter_map(|block| block.lines().find(|l| !l.starts_with('#')))
        .collect();
    let covered = |route: &str| {
        patterns.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => route.starts_with(prefix),
            None => route == *p,
        })
    };
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&public).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&public).unwrap().to_string_lossy().replace('\\', "/");
        if relative.starts_with("admin/") || relative.starts_with('_') || relative == ".signpost-output" {
            continue;
        }
        let route = match relative.strip_suffix("index.html") {
            Some(folder) => format!("/{folder}"),
            None => format!("/{relative}"),
        };
        assert!(covered(&route), "{route} has no policy in _headers:\n{headers}");
        checked += 1;
    }
    assert!(checked > 20, "only {checked} files checked");
    assert!(covered("/old/place/") && covered("/.well-known/security.txt"));
}

#[test]
fn a_bare_list_loads_the_same_as_one_under_services_and_the_editor_warns_about_it() {
    let wrapped = site_with_cms(true);
    let bare = site_with_cms(false);
    let (_a, wrapped_public) = build_site(wrapped.path());
    let (_b, bare_public) = build_site(bare.path());
    for page in files_under(&bare_public)
        .iter()
        .filter(|f| f.starts_with("services/") && f.ends_with(".html"))
    {
        assert_eq!(read(&bare_public, page), read(&wrapped_public, page), "{page}");
    }
    let output = signpost().args(["check", "--root"]).arg(bare.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("content/services/health.yaml:1:1") && stderr.contains("[cms-bare-list]"),
        "{stderr}"
    );
    let config = read(&bare_public, "admin/config.yml");
    assert!(
        !config.contains("content/services/health.yaml"),
        "a bare list must not be offered: {config}"
    );
}

#[test]
fn a_list_file_with_another_key_beside_services_is_an_error() {
    let site = site_with_cms(true);
    replace_in(
        site.path(),
        "content/services/health.yaml",
        "services:\n",
        "services:\n  - name: x\nextra: 1\nmore:\n",
    );
    let output = signpost().args(["check", "--root"]).arg(site.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/services/health.yaml"), "{stderr}");
}

#[test]
fn a_cdn_script_without_its_hash_is_refused() {
    let site = site_with_cms(true);
    let toml = site.path().join("site.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("script_url = \"https://cdn.example.org/decap-cms.js\"\nscript_integrity = \"\"\n");
    std::fs::write(&toml, text).unwrap();
    let output = signpost().args(["check", "--root"]).arg(site.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("script_integrity") || stderr.contains("integrity hash"), "{stderr}");
}
