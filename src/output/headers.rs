//! The security headers of a published site, in one place: the `_headers` file the build writes
//! (Netlify, Cloudflare Pages), the `<meta>` policy in the theme, and the list the preview can send.
//!
//! The default theme loads only its own files (no inline script or style, nothing from other
//! websites), so the Content-Security-Policy can be strict. The one exception is a frame for
//! the privacy-enhanced YouTube or Vimeo player, made only when someone presses play on a video.

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
    POLICY
        .iter()
        .filter(|(_, _, meta)| *meta || !in_meta)
        .map(|(name, value, _)| format!("{name} {value}"))
        .collect::<Vec<_>>()
        .join("; ")
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
/// base path (`/localoffer/*` for a site published at `…/localoffer/`).
pub fn headers_file(addresses: &crate::render::address::Addresses) -> String {
    let mut text = String::from(
        "# Security headers for Netlify and Cloudflare Pages, written by Signpost.\n\
         # Other hosts: see docs/hosting.md in the Signpost repository for nginx, Apache and IIS.\n",
    );
    text.push_str(&format!("{}\n", addresses.local("/*")));
    for (name, value) in security_headers() {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    text.push_str(&format!("\n{}\n  Cache-Control: {ASSET_CACHE}\n", addresses.local(ASSET_PATTERN)));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let text = headers_file(&crate::render::address::Addresses::new("https://a.example/"));
        let blocks: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(blocks.len(), 2, "{text}");
        assert!(blocks[0].contains("\n/*\n  Content-Security-Policy: default-src 'self';"), "{text}");
        assert!(blocks[0].contains("  X-Content-Type-Options: nosniff\n"));
        assert!(blocks[0].contains("  Permissions-Policy: geolocation=(self),"));
        assert!(!blocks[0].contains("Cache-Control"), "pages keep the host's short default");
        assert_eq!(blocks[1], "/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n");
        assert_eq!(cache_control("/assets/site.0123456789.css"), ASSET_CACHE);
        let sub = headers_file(&crate::render::address::Addresses::new("https://a.example/localoffer/"));
        assert!(sub.contains("\n/localoffer/*\n  Content-Security-Policy:"), "{sub}");
        assert!(sub.contains("\n/localoffer/assets/*\n  Cache-Control:"), "{sub}");
        assert_eq!(cache_control("/advice/"), PAGE_CACHE);
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
