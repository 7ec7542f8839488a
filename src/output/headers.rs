//! The security headers of a published site, in one place: the `_headers` file the build writes
//! (Netlify, Cloudflare Pages), the `<meta>` policy in the theme, and the list the preview can send.
//!
//! The default theme loads only its own files (no inline script or style, nothing from other
//! websites), so the Content-Security-Policy can be strict. The one exception is a frame for
//! the privacy-enhanced YouTube or Vimeo player, made only when someone presses play on a video.

use crate::config::cms::CmsConfig;

/// The name of the headers file at the top of the output folder.
pub const HEADERS_FILE: &str = "_headers";

/// `Cache-Control` for files under `/assets/`: every one has a content hash in its name, so a
/// changed file always gets a new address and the old one may be kept for a year.
pub const ASSET_CACHE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` for pages and everything else without a hash in its name: browsers keep a
/// copy but ask the server whether it changed before using it.
pub const PAGE_CACHE: &str = "no-cache";

/// The address pattern of the hashed assets in `_headers`.
pub const ASSET_PATTERN: &str = "/assets/*";

/// The directives of the Content-Security-Policy, each with whether browsers obey it in a
/// `<meta http-equiv>` (they ignore `frame-ancestors` there).
const POLICY: &[(&str, &str, bool)] = &[
    ("default-src", "'self'", true),
    ("script-src", "'self'", true),
    ("style-src", "'self'", true),
    ("img-src", "'self'", true),
    ("font-src", "'self'", true),
    ("connect-src", "'self'", true),
    ("media-src", "'self'", true),
    // Videos on YouTube or Vimeo, only after a family presses play (see `render::video`).
    ("frame-src", "https://www.youtube-nocookie.com https://player.vimeo.com", true),
    ("object-src", "'none'", true),
    ("base-uri", "'self'", true),
    ("form-action", "'self'", true),
    ("frame-ancestors", "'none'", false),
];

/// What the site may use of the browser: location only for the site itself (for a "near me"
/// search), nothing else.
const PERMISSIONS: &str = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";

fn policy(in_meta: bool) -> String {
    policy_allowing(in_meta, &[])
}

/// The Content-Security-Policy header for the site's pages.
pub fn content_security_policy() -> String {
    policy(false)
}

/// The same policy for `<meta http-equiv="Content-Security-Policy">`, without the directives
/// browsers ignore in a meta element.
pub fn content_security_policy_meta() -> String {
    policy(true)
}

/// The security headers for every response of the site (pages, assets, search files, the feed).
pub fn security_headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", content_security_policy()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".to_string()),
        ("Permissions-Policy", PERMISSIONS.to_string()),
        ("X-Frame-Options", "DENY".to_string()),
    ]
}

/// The `Cache-Control` value for a path of the site.
pub fn cache_control(path: &str) -> &'static str {
    if path.starts_with("/assets/") { ASSET_CACHE } else { PAGE_CACHE }
}

/// The `_headers` file for Netlify and Cloudflare Pages. Both apply every rule whose pattern
/// matches, and join a header given by two rules, so each header is given once: the security
/// headers for every address, and a long cache lifetime for the hashed assets. Pages keep the
/// hosts' own short default (`max-age=0, must-revalidate`). The patterns are under the site's
/// base path (`/localoffer/*` for a site published at `…/localoffer/`), and the policy also
/// allows `hosts` (the slots' hosts, see [`security_headers_allowing`]).
pub fn headers_file(addresses: &crate::render::address::Addresses, hosts: &[String]) -> String {
    let mut text = String::from(
        "# Security headers for Netlify and Cloudflare Pages, written by Signpost.\n\
         # Other hosts: see docs/hosting.md in the Signpost repository for nginx, Apache and IIS.\n",
    );
    text.push_str(&format!("{}\n", addresses.local("/*")));
    for (name, value) in security_headers_allowing(hosts) {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    text.push_str(&format!("\n{}\n  Cache-Control: {ASSET_CACHE}\n", addresses.local(ASSET_PATTERN)));
    text
}

// Slots (`[slots]` in site.toml, see `config::slots`): the policy also allows the hosts a site
// lists in `allowed_hosts`, for the directives a third-party script or frame needs.

/// The directives that also allow the hosts slots may load from.
const SLOT_DIRECTIVES: &[&str] = &["script-src", "style-src", "img-src", "font-src", "connect-src", "frame-src"];

/// The policy with `hosts` (sources such as `https://cdn.reachdeck.com`) added to the
/// directives a slot's scripts and frames need.
fn policy_allowing(in_meta: bool, hosts: &[String]) -> String {
    POLICY
        .iter()
        .filter(|(_, _, meta)| *meta || !in_meta)
        .map(|(name, value, _)| match hosts.is_empty() || !SLOT_DIRECTIVES.contains(name) {
            true => format!("{name} {value}"),
            false => format!("{name} {value} {}", hosts.join(" ")),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The admin page's own policy (`/admin/`): Decap CMS is a React application that loads its
/// script from a CDN (or the site), puts its styles inline, shows previews in a frame and talks
/// to the Git host's API, so it needs more than the site; the site's policy stays as it is.
fn admin_policy(cms: &CmsConfig, in_meta: bool) -> String {
    let mut script = vec!["'self'".to_string()];
    script.extend(cms.script_origin());
    // Decap checks its configuration with compiled validators (`new Function`).
    script.push("'unsafe-eval'".to_string());
    let mut connect = vec!["'self'".to_string()];
    connect.extend(cms.script_origin());
    match cms.backend.as_str() {
        "github" => connect.push("https://api.github.com".to_string()),
        "gitlab" => connect.push("https://gitlab.com".to_string()),
        _ => {}
    }
    if let Some(address) = cms.local_backend.address() {
        let origin = address.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        connect.push(origin);
    }
    let mut directives = vec![
        ("default-src", "'self'".to_string()),
        ("script-src", script.join(" ")),
        ("style-src", "'self' 'unsafe-inline'".to_string()),
        ("img-src", "'self' data: blob: https:".to_string()),
        ("font-src", "'self' data:".to_string()),
        ("connect-src", connect.join(" ")),
        ("frame-src", "'self' blob:".to_string()),
        ("worker-src", "'self' blob:".to_string()),
        ("object-src", "'none'".to_string()),
        ("base-uri", "'self'".to_string()),
        ("form-action", "'self'".to_string()),
    ];
    if !in_meta {
        directives.push(("frame-ancestors", "'none'".to_string()));
    }
    directives
        .iter()
        .map(|(name, value)| format!("{name} {value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// [`content_security_policy`] also allowing `hosts`.
pub fn content_security_policy_allowing(hosts: &[String]) -> String {
    policy_allowing(false, hosts)
}

/// [`content_security_policy_meta`] also allowing `hosts`.
pub fn content_security_policy_meta_allowing(hosts: &[String]) -> String {
    policy_allowing(true, hosts)
}

/// [`security_headers`] with the policy also allowing `hosts`.
pub fn security_headers_allowing(hosts: &[String]) -> Vec<(&'static str, String)> {
    let mut headers = security_headers();
    for (name, value) in &mut headers {
        if *name == "Content-Security-Policy" {
            *value = content_security_policy_allowing(hosts);
        }
    }
    headers
}

/// The Content-Security-Policy header for the admin page.
pub fn admin_content_security_policy(cms: &CmsConfig) -> String {
    admin_policy(cms, false)
}

/// The admin page's policy for its `<meta http-equiv>` (without `frame-ancestors`).
pub fn admin_content_security_policy_meta(cms: &CmsConfig) -> String {
    admin_policy(cms, true)
}

/// The `_headers` file when the site has the admin page. Netlify and Cloudflare join a header
/// given by two matching rules, and two policies joined both apply, so the site's policy cannot
/// be given for `/*`: it is given for the home page and each top-level name the site has
/// (`top_level`, such as `services` or `sitemap.xml`), and the admin page gets its own.
pub fn headers_file_with_admin(
    cms: &CmsConfig,
    top_level: &[String],
    hosts: &[String],
    addresses: &crate::render::address::Addresses,
) -> String {
    let mut text = String::from(
        "# Security headers for Netlify and Cloudflare Pages, written by Signpost.\n\
         # Other hosts: see docs/hosting.md in the Signpost repository for nginx, Apache and IIS.\n\
         # The admin page (/admin/, the browser editor) has its own Content-Security-Policy.\n",
    );
    text.push_str(&format!("{}\n", addresses.local("/*")));
    for (name, value) in security_headers() {
        if name != "Content-Security-Policy" {
            text.push_str(&format!("  {name}: {value}\n"));
        }
    }
    let policy = content_security_policy_allowing(hosts);
    let mut patterns = vec![addresses.local("/")];
    for name in top_level.iter().filter(|n| n.as_str() != crate::output::cms::ADMIN_DIR) {
        // A name with a dot can still be a folder (`.well-known`), so both forms are given.
        patterns.push(addresses.local(&format!("/{name}")));
        patterns.push(addresses.local(&format!("/{name}/*")));
    }
    for pattern in patterns {
        text.push_str(&format!("\n{pattern}\n  Content-Security-Policy: {policy}\n"));
    }
    text.push_str(&format!(
        "\n{}*\n  Content-Security-Policy: {}\n",
        addresses.local(crate::output::cms::ADMIN_PREFIX),
        admin_content_security_policy(cms)
    ));
    text.push_str(&format!("\n{}\n  Cache-Control: {ASSET_CACHE}\n", addresses.local(ASSET_PATTERN)));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_admin_policy_allows_the_editor_and_the_site_policy_is_unchanged() {
        let before = content_security_policy();
        let cms: CmsConfig = toml::from_str("enabled = true\nlocal_backend = \"http://127.0.0.1:9999/api/v1\"").unwrap();
        let admin = admin_content_security_policy(&cms);
        assert!(admin.contains("script-src 'self' https://unpkg.com 'unsafe-eval';"), "{admin}");
        assert!(
            admin.contains("connect-src 'self' https://unpkg.com http://127.0.0.1:9999;"),
            "{admin}"
        );
        assert!(
            admin.contains("object-src 'none'") && admin.contains("frame-ancestors 'none'"),
            "{admin}"
        );
        assert!(!admin_content_security_policy_meta(&cms).contains("frame-ancestors"));
        let file = headers_file_with_admin(
            &cms,
            &["services".to_string(), "sitemap.xml".to_string(), "admin".to_string()],
            &[],
            &crate::render::address::Addresses::new("https://a.example/"),
        );
        assert!(
            file.contains("\n/services/*\n  Content-Security-Policy: ") && file.contains("\n/sitemap.xml\n"),
            "{file}"
        );
        assert!(!file.contains("/admin\n") && file.matches("/admin/*").count() == 1, "{file}");
        assert_eq!(content_security_policy(), before);
    }

    #[test]
    fn the_policy_is_strict_and_the_meta_form_leaves_out_frame_ancestors() {
        let policy = content_security_policy();
        assert!(
            policy.starts_with("default-src 'self'; script-src 'self'; style-src 'self'"),
            "{policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"));
        assert!(!policy.contains("unsafe") && !policy.contains("data:"));
        let hosts: Vec<&str> = policy.split([' ', ';']).filter(|word| word.contains("http")).collect();
        assert_eq!(
            hosts,
            vec!["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
            "{policy}"
        );
        assert!(policy.contains("; frame-src https://www.youtube-nocookie.com https://player.vimeo.com;"));
        let meta = content_security_policy_meta();
        assert!(!meta.contains("frame-ancestors"));
        assert_eq!(meta, policy.replace("; frame-ancestors 'none'", ""));
    }

    #[test]
    fn the_headers_file_gives_each_header_once_for_every_address() {
        let text = headers_file(&crate::render::address::Addresses::new("https://a.example/"), &[]);
        let blocks: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(blocks.len(), 2, "{text}");
        assert!(blocks[0].contains("\n/*\n  Content-Security-Policy: default-src 'self';"), "{text}");
        assert!(blocks[0].contains("  X-Content-Type-Options: nosniff\n"));
        assert!(blocks[0].contains("  Permissions-Policy: geolocation=(self),"));
        assert!(!blocks[0].contains("Cache-Control"), "pages keep the host's short default");
        assert_eq!(blocks[1], "/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n");
        assert_eq!(cache_control("/assets/site.0123456789.css"), ASSET_CACHE);
        let sub = headers_file(&crate::render::address::Addresses::new("https://a.example/localoffer/"), &[]);
        assert!(sub.contains("\n/localoffer/*\n  Content-Security-Policy:"), "{sub}");
        assert!(sub.contains("\n/localoffer/assets/*\n  Cache-Control:"), "{sub}");
        assert_eq!(cache_control("/advice/"), PAGE_CACHE);
    }

    #[test]
    fn slot_hosts_are_added_where_scripts_and_frames_need_them() {
        let hosts = vec!["https://cdn.reachdeck.com".to_string()];
        let policy = content_security_policy_allowing(&hosts);
        assert!(policy.contains("script-src 'self' https://cdn.reachdeck.com;"), "{policy}");
        assert!(policy.contains("connect-src 'self' https://cdn.reachdeck.com;"), "{policy}");
        assert!(policy.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://cdn.reachdeck.com;"));
        assert!(policy.starts_with("default-src 'self'; ") && policy.contains("object-src 'none'; base-uri 'self'; form-action 'self'"));
        assert_eq!(content_security_policy_allowing(&[]), content_security_policy());
        assert!(
            headers_file(&crate::render::address::Addresses::new("https://a.example/"), &hosts)
                .contains(&format!("Content-Security-Policy: {policy}\n"))
        );
        assert!(!content_security_policy_meta_allowing(&hosts).contains("frame-ancestors"));
    }

    #[test]
    fn the_hosting_guide_shows_the_same_headers() {
        let guide = include_str!("../../docs/hosting.md");
        assert!(
            guide.matches(&content_security_policy()).count() >= 4,
            "the policy in docs/hosting.md differs"
        );
        for (name, value) in security_headers() {
            // the table, nginx, Apache and IIS
            assert!(
                guide.matches(&value).count() >= 4,
                "{name}: {value} is not in every snippet of docs/hosting.md"
            );
        }
        assert!(guide.matches(ASSET_CACHE).count() >= 3 && guide.matches(PAGE_CACHE).count() >= 3);
    }
}
