//! The HTTP side of the preview: files from the preview folder with pretty addresses, the site's
//! 404 page, the review page, search answered from the preview's index, and refusal of any
//! address that would reach outside the folder.

use super::{Shared, overlay, reload};
use crate::search::Filters;
use crate::search::cli;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The content type of HTML pages.
const HTML: &str = "text/html; charset=utf-8";
/// Sent for a missing page when the site has no 404 page (before the first build without errors);
/// the overlay with the build's errors is added to it like to any page.
const NO_SITE_YET: &str = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\"><title>Page not found</title></head>\n<body>\n<h1>Page not found</h1>\n<p><a href=\"/_review/\">See what the checks found</a></p>\n</body>\n</html>\n";

/// Where the review page is.
pub const REVIEW_PATH: &str = "/_review/";

/// Where the preview answers searches with JSON.
pub const SEARCH_PATH: &str = "/_signpost/search";

/// The longest search query the preview answers, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// The longest query string (everything after `?`) the search address reads, in bytes.
const MAX_QUERY_STRING: usize = 2048;

/// How many results a search gives by default, and at most.
const DEFAULT_RESULTS: usize = 10;
const MAX_RESULTS: usize = 50;

/// The preview's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(reload::EVENTS_PATH, get(|State(shared): State<Arc<Shared>>| reload::events(shared)))
        .route(reload::CLIENT_PATH, get(reload::client))
        .route(overlay::OVERLAY_CSS_PATH, get(|| async { style_sheet(overlay::OVERLAY_CSS) }))
        .route(overlay::REVIEW_CSS_PATH, get(|| async { style_sheet(overlay::REVIEW_CSS) }))
        .route(REVIEW_PATH, get(review))
        .route(SEARCH_PATH, get(search))
        .route("/_review", get(|| async { redirect(REVIEW_PATH) }))
        .fallback(file)
        .with_state(shared)
}

/// What an address in the preview folder leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file to send.
    File(PathBuf),
    /// A folder asked for without its final `/`: send the browser to this address.
    Redirect(String),
    /// Nothing there.
    NotFound,
    /// The address tries to reach outside the folder, or is malformed.
    Forbidden,
}

/// Finds the file for the raw (still percent-encoded) `path` inside `folder`, which must be canonical.
/// `/a/` is `a/index.html`; `/a` is a redirect to `/a/` when `a` is a folder.
pub fn resolve(folder: &Path, path: &str) -> Resolved {
    if !path.starts_with('/') || path.contains('\\') || path.contains('\0') {
        return Resolved::Forbidden;
    }
    let lower = path.to_ascii_lowercase();
    if ["%2f", "%5c", "%00"].iter().any(|encoded| lower.contains(encoded)) {
        return Resolved::Forbidden;
    }
    let Some(decoded) = percent_decode(path) else {
        return Resolved::Forbidden;
    };
    if decoded.contains('\\') || decoded.contains('\0') {
        return Resolved::Forbidden;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == "." || *s == "..") {
        return Resolved::Forbidden;
    }
    if segments.iter().any(|s| s.starts_with('.') || s.contains(':')) {
        return Resolved::NotFound;
    }
    let mut candidate = folder.to_path_buf();
    candidate.extend(&segments);
    let wants_folder = decoded.ends_with('/');
    if wants_folder {
        candidate.push("index.html");
    }
    let Ok(real) = std::fs::canonicalize(&candidate) else {
        return Resolved::NotFound;
    };
    if !real.starts_with(folder) {
        return Resolved::Forbidden;
    }
    if real.is_dir() {
        if wants_folder {
            return Resolved::NotFound;
        }
        return Resolved::Redirect(format!("/{}/", segments.join("/")));
    }
    if real.is_file() { Resolved::File(real) } else { Resolved::NotFound }
}

/// Decodes `%XX` escapes; `None` for a bad escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type for a file name, as mime_guess knows it by its extension, with
/// `; charset=utf-8` on text types (every text file the site writes is UTF-8). Where the site
/// has always said something else, that stays: `.mjs` is `text/javascript` like `.js`, `.woff`
/// is `font/woff` and `.xml` is `application/xml`. Unknown files are `application/octet-stream`.
pub fn content_type(path: &Path) -> Cow<'static, str> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let kind = match extension.as_str() {
        "mjs" => "text/javascript",
        "woff" => "font/woff",
        "xml" => "application/xml",
        _ => mime_guess::from_ext(&extension).first_raw().unwrap_or("application/octet-stream"),
    };
    if kind.starts_with("text/") {
        Cow::Owned(format!("{kind}; charset=utf-8"))
    } else {
        Cow::Borrowed(kind)
    }
}

async fn file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "Only GET and HEAD are allowed.");
    }
    let folder = shared.folder.clone();
    let path = uri.path().to_string();
    let found = tokio::task::spawn_blocking(move || {
        let resolved = resolve(&folder, &path);
        match resolved {
            Resolved::File(file) => std::fs::read(&file).map(|bytes| (StatusCode::OK, content_type(&file), bytes)).ok(),
            Resolved::NotFound => std::fs::read(folder.join("404.html"))
                .ok()
                .map(|bytes| (StatusCode::NOT_FOUND, HTML.into(), bytes))
                .or(Some((StatusCode::NOT_FOUND, HTML.into(), NO_SITE_YET.as_bytes().to_vec()))),
            Resolved::Redirect(to) => Some((StatusCode::PERMANENT_REDIRECT, "redirect".into(), to.into_bytes())),
            Resolved::Forbidden => Some((
                StatusCode::FORBIDDEN,
                "text/plain; charset=utf-8".into(),
                b"This address is not allowed.".to_vec(),
            )),
        }
    })
    .await
    .ok()
    .flatten();
    let Some((status, kind, bytes)) = found else {
        return plain(StatusCode::NOT_FOUND, "Page not found.");
    };
    if kind == "redirect" {
        let mut to = String::from_utf8_lossy(&bytes).into_owned();
        if let Some(query) = uri.query() {
            to = format!("{to}?{query}");
        }
        return redirect(&to);
    }
    let body = if kind.starts_with("text/html") {
        match String::from_utf8(bytes) {
            Ok(html) => shared.decorate(&shared.status(), &html, uri.path(), true).into_bytes(),
            Err(error) => error.into_bytes(),
        }
    } else {
        bytes
    };
    respond(status, &kind, body)
}

async fn review(State(shared): State<Arc<Shared>>) -> Response {
    match shared.review_page() {
        Ok(html) => respond(StatusCode::OK, "text/html; charset=utf-8", html.into_bytes()),
        Err(error) => plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("The review page template failed: {error}"),
        ),
    }
}

/// What a search address asks for.
#[derive(Debug, Default)]
pub struct SearchRequest {
    /// The words searched for.
    pub query: String,
    /// What to narrow the results to.
    pub filters: Filters,
    /// How many results.
    pub limit: usize,
}

/// Reads the query string of a search address: `q`, `category`, `age`, `locality`, `need` and
/// `limit` (other names are ignored; empty values mean no filter). `Err`: a message for a request
/// that is too long or malformed.
pub fn search_request(raw: Option<&str>) -> Result<SearchRequest, String> {
    let raw = raw.unwrap_or("");
    if raw.len() > MAX_QUERY_STRING {
        return Err(format!("The search address is too long: at most {MAX_QUERY_STRING} characters."));
    }
    let mut request = SearchRequest {
        limit: DEFAULT_RESULTS,
        ..SearchRequest::default()
    };
    for pair in raw.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(&value.replace('+', " ")).ok_or_else(|| format!("The value of `{name}` is not properly encoded."))?;
        let filled = || Some(value.trim().to_string()).filter(|v| !v.is_empty());
        match name {
            "q" => request.query = value.clone(),
            "category" => request.filters.category = filled(),
            "locality" => request.filters.locality = filled(),
            "need" => request.filters.need = filled(),
            "age" => {
                request.filters.age = match filled() {
                    Some(age) => Some(age.parse().map_err(|_| "`age` must be a whole number from 0 to 255.".to_string())?),
                    None => None,
                }
            }
            "limit" => {
                if let Some(limit) = filled() {
                    let limit: usize = limit
                        .parse()
                        .map_err(|_| format!("`limit` must be a whole number from 1 to {MAX_RESULTS}."))?;
                    request.limit = limit.clamp(1, MAX_RESULTS);
                }
            }
            _ => {}
        }
    }
    if request.query.chars().count() > MAX_QUERY_CHARS {
        return Err(format!("The search is too long: at most {MAX_QUERY_CHARS} characters."));
    }
    Ok(request)
}

/// `GET /_signpost/search?q=…`: the best results from the index of the site the preview shows,
/// as `signpost search --format json` prints them.
async fn search(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let request = match search_request(uri.query()) {
        Ok(request) => request,
        Err(message) => return json(StatusCode::BAD_REQUEST, &serde_json::json!({ "error": message })),
    };
    let Some(index) = shared.search_index() else {
        return json(
            StatusCode::NOT_FOUND,
            &serde_json::json!({ "error": "There is no search index to ask: search is turned off in site.toml, or the site has not yet built without errors." }),
        );
    };
    let answered = tokio::task::spawn_blocking(move || {
        cli::answer(&index, &request.query, &request.filters, request.limit).map(|hits| cli::json_value(&request.query, &hits))
    })
    .await
    .unwrap_or_else(|error| Err(format!("The search failed: {error}")));
    match answered {
        Ok(value) => json(StatusCode::OK, &value),
        Err(message) => json(StatusCode::INTERNAL_SERVER_ERROR, &serde_json::json!({ "error": message })),
    }
}

/// One of the preview's own style sheets.
fn style_sheet(css: &'static str) -> Response {
    respond(StatusCode::OK, "text/css; charset=utf-8", css.as_bytes().to_vec())
}

fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    respond(status, "application/json", serde_json::to_vec(value).unwrap_or_default())
}

fn respond(status: StatusCode, kind: &str, body: Vec<u8>) -> Response {
    let mut response = (status, Body::from(body)).into_response();
    let headers = response.headers_mut();
    let kind = HeaderValue::from_str(kind).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_TYPE, kind);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

fn plain(status: StatusCode, text: &str) -> Response {
    respond(status, "text/plain; charset=utf-8", text.as_bytes().to_vec())
}

fn redirect(to: &str) -> Response {
    let mut response = respond(StatusCode::PERMANENT_REDIRECT, "text/plain; charset=utf-8", Vec::new());
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_served_with_the_types_the_site_has_always_used() {
        let expected = [
            ("index.html", "text/html; charset=utf-8"),
            ("OLD.HTM", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("search.js", "text/javascript; charset=utf-8"),
            ("engine.mjs", "text/javascript; charset=utf-8"),
            ("meta.json", "application/json"),
            ("sitemap.xml", "application/xml"),
            ("events.ics", "text/calendar; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("services.csv", "text/csv; charset=utf-8"),
            ("logo.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.jpg", "image/jpeg"),
            ("a.jpeg", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.webp", "image/webp"),
            ("a.avif", "image/avif"),
            ("favicon.ico", "image/x-icon"),
            ("font.woff2", "font/woff2"),
            ("font.woff", "font/woff"),
            ("leaflet.pdf", "application/pdf"),
            ("pagefind.wasm", "application/wasm"),
            ("captions.vtt", "text/vtt; charset=utf-8"),
            ("film.webm", "video/webm"),
            ("_headers", "application/octet-stream"),
            ("data.unknown-kind", "application/octet-stream"),
        ];
        for (file, kind) in expected {
            assert_eq!(content_type(Path::new(file)), kind, "{file}");
        }
    }

    #[test]
    fn addresses_outside_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = std::fs::canonicalize(dir.path()).unwrap().join("site");
        std::fs::create_dir_all(folder.join("advice")).unwrap();
        std::fs::write(folder.join("index.html"), "home").unwrap();
        std::fs::write(folder.join("advice/index.html"), "advice").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        assert_eq!(resolve(&folder, "/"), Resolved::File(folder.join("index.html")));
        assert_eq!(resolve(&folder, "/advice/"), Resolved::File(folder.join("advice/index.html")));
        assert_eq!(resolve(&folder, "/advice"), Resolved::Redirect("/advice/".to_string()));
        assert_eq!(resolve(&folder, "//advice"), Resolved::Redirect("/advice/".to_string()));
        assert_eq!(resolve(&folder, "/nothing/"), Resolved::NotFound);
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%2fsecret.txt",
            "/..\\secret.txt",
            "/a%00b",
            "/%5c..",
            "/%zz",
        ] {
            assert_eq!(resolve(&folder, bad), Resolved::Forbidden, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), folder.join("link.txt")).unwrap();
            assert_eq!(resolve(&folder, "/link.txt"), Resolved::Forbidden);
        }
    }
}
