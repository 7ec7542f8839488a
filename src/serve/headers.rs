//! The security headers the preview sends with every response: the same policy as the built
//! site's, so a page that breaks it breaks in the preview first.

use axum::http::{HeaderMap, HeaderName, HeaderValue};

/// The Content-Security-Policy of the site: only the site's own scripts, styles and images (and
/// `data:` images), no frames, plugins or form posts elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/// Every security header, as (name, value), in the order they are sent.
pub fn security_headers() -> [(&'static str, &'static str); 4] {
    [
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        ("x-frame-options", "DENY"),
    ]
}

/// Sets every security header on `headers`, replacing any value already there.
pub fn apply(headers: &mut HeaderMap) {
    for (name, value) in security_headers() {
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_is_valid_and_the_policy_forbids_inline_code() {
        let mut headers = HeaderMap::new();
        apply(&mut headers);
        assert_eq!(headers.len(), 4);
        let policy = headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(policy.contains("script-src 'self';"));
        assert!(!policy.contains("unsafe-inline"));
        assert_eq!(headers.get("x-frame-options").map(|v| v.as_bytes()), Some(&b"DENY"[..]));
    }
}
