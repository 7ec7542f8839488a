//! The headers file for static hosts and the policy's `<meta>` tag in every page.

use crate::common::*;

#[test]
fn the_build_writes_the_headers_file_and_every_page_carries_the_policy() {
    let (_out, public) = build_site(&fixture("valid"));
    let headers = read(&public, "_headers");
    let policy = headers
        .lines()
        .find_map(|line| line.trim().strip_prefix("Content-Security-Policy: "))
        .expect("a Content-Security-Policy line");
    assert!(
        policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-"), "{policy}");
    for header in [
        "X-Content-Type-Options: nosniff",
        "Referrer-Policy: strict-origin-when-cross-origin",
        "Permissions-Policy: geolocation=(self)",
    ] {
        assert!(headers.contains(header), "{header} missing from:\n{headers}");
    }
    assert!(
        headers.contains("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"),
        "{headers}"
    );

    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy.replace("; frame-ancestors 'none'", "").replace('\'', "&#39;")
    );
    let pages: Vec<String> = files_under(&public).into_iter().filter(|f| f.ends_with(".html")).collect();
    assert!(pages.len() >= 13, "{pages:?}");
    for page in pages {
        let html = read(&public, &page);
        let head = &html[..html.find("</head>").expect("a head")];
        assert!(head.contains(&meta), "{page} has no CSP meta like {meta}");
        let charset = head.find("<meta charset").expect("charset first");
        assert!(
            head.find(&meta).unwrap() > charset && head.find(&meta) < head.find("<script"),
            "{page}: the policy comes before any script"
        );
    }
}
