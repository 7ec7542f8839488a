//! The security headers the preview sends with every response: exactly the built site's
//! ([`crate::output::headers`]), so a page that breaks the policy breaks in the preview first.

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use std::sync::{LazyLock, OnceLock};

/// The sources the site's slots may load from (`[slots] allowed_hosts`), as the built `_headers`
/// allows them; set when the preview starts.
static SLOT_HOSTS: OnceLock<Vec<String>> = OnceLock::new();

/// Makes the preview's policy allow the hosts of the site's slots, like the built site's. Call
/// before the first answer; only the first call counts (one preview per process).
pub fn allow_slot_hosts(sources: Vec<String>) {
    let _ = SLOT_HOSTS.set(sources);
}

/// The site's security headers, made into HTTP header values once.
static HEADERS: LazyLock<Vec<(HeaderName, HeaderValue)>> = LazyLock::new(|| {
    crate::output::headers::security_headers_allowing(SLOT_HOSTS.get().map_or(&[], Vec::as_slice))
        .into_iter()
        .filter_map(|(name, value)| {
            let name = HeaderName::from_bytes(name.to_ascii_lowercase().as_bytes()).ok()?;
            Some((name, HeaderValue::from_str(&value).ok()?))
        })
        .collect()
});

/// Sets every security header on `headers`, replacing any value already there.
pub fn apply(headers: &mut HeaderMap) {
    for (name, value) in HEADERS.iter() {
        headers.insert(name.clone(), value.clone());
    }
}

/// [`apply`] for the response to `path`; under `/admin/` (the browser editor) without the site's
/// Content-Security-Policy, which would block the editor: the admin page carries its own policy
/// in a `<meta>` element, built from `[cms]` in `site.toml`.
pub fn apply_for(path: &str, headers: &mut HeaderMap) {
    apply(headers);
    if path.starts_with(crate::output::cms::ADMIN_PREFIX) {
        headers.remove(axum::http::header::CONTENT_SECURITY_POLICY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_sends_every_header_of_the_built_site() {
        let mut headers = HeaderMap::new();
        apply(&mut headers);
        let site = crate::output::headers::security_headers();
        assert_eq!(headers.len(), site.len());
        for (name, value) in site {
            assert_eq!(headers.get(name).and_then(|v| v.to_str().ok()), Some(value.as_str()), "{name}");
        }
        let policy = headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(policy.contains("script-src 'self';"));
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn only_the_admin_page_goes_without_the_site_policy() {
        for (path, has_policy) in [
            ("/", true),
            ("/services/", true),
            ("/administration/", true),
            ("/admin/", false),
            ("/admin/config.yml", false),
        ] {
            let mut headers = HeaderMap::new();
            apply_for(path, &mut headers);
            assert_eq!(headers.contains_key("content-security-policy"), has_policy, "{path}");
            assert!(headers.contains_key("x-frame-options"), "{path}");
        }
    }
}
