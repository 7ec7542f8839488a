//! The preview's connections: at most [`Limits::max_connections`] at once, each closed when it
//! does not send a complete request within [`Limits::idle_timeout`] (when it opens, and between
//! requests on a kept-alive connection), and every request checked for its `Host` and answered
//! with the security headers.
//!
//! A live-reload stream is a response still being sent, so the timeout never closes it; it counts
//! as one connection like any other, and ends when the preview stops.

use super::headers;
use super::host::AllowedHosts;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tower_service::Service;

/// How long open connections get to finish their response when the preview stops.
const CLOSING_GRACE: Duration = Duration::from_millis(500);

/// Bounds on what connections may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a connection may take to send a request's headers, counted from when it opens or
    /// from the end of its last response.
    pub idle_timeout: Duration,
    /// How many connections are served at once; further ones wait to be accepted.
    pub max_connections: usize,
}

/// The text sent to a request for a host name the preview does not answer.
const MISDIRECTED: &str = "This preview answers only requests for localhost (or the address it was started on). \
To reach it by another name, start it with --allow-host NAME.\n";

/// Accepts and serves connections until `stop` becomes true.
pub async fn run(listener: TcpListener, app: Router, hosts: AllowedHosts, limits: Limits, mut stop: watch::Receiver<bool>) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let hosts = Arc::new(hosts);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
            _ = stopped(&mut stop) => return,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file handles, or a connection reset before it was accepted: wait a
                    // moment instead of spinning, and carry on.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stopped(&mut stop) => return,
        };
        tokio::spawn(serve_connection(stream, app.clone(), hosts.clone(), limits, stop.clone(), permit));
    }
}

/// Resolves once `stop` is true (or its sender is gone).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopped| *stopped).await;
}

/// Serves one connection's requests; the connection's place under the limit is `permit`.
async fn serve_connection(
    stream: TcpStream,
    app: Router,
    hosts: Arc<AllowedHosts>,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
    permit: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let service = hyper::service::service_fn(move |request| answer(app.clone(), hosts.clone(), request));
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.idle_timeout)
        .keep_alive(true);
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => {}
        _ = stopped(&mut stop) => {
            connection.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(CLOSING_GRACE, connection).await;
        }
    }
    drop(permit);
}

/// Answers one request: refused unless its host is allowed, and always with the security headers.
async fn answer(mut app: Router, hosts: Arc<AllowedHosts>, request: Request<Incoming>) -> Result<Response<Body>, Infallible> {
    let path = request.uri().path().to_string();
    let mut response = if host_allowed(&hosts, &request) {
        app.call(request).await?
    } else {
        misdirected()
    };
    headers::apply_for(&path, response.headers_mut());
    Ok(response)
}

/// The `Host` header, and the host of an address sent in full (`GET http://host/ HTTP/1.1`),
/// must both be allowed; a request with neither is refused.
fn host_allowed<B>(hosts: &AllowedHosts, request: &Request<B>) -> bool {
    let header = request.headers().get(header::HOST).map(|value| value.to_str().ok());
    let authority = request.uri().authority().map(|a| a.as_str());
    match (header, authority) {
        (None, None) | (Some(None), _) => false,
        (Some(Some(host)), Some(authority)) => hosts.allows(host) && hosts.allows(authority),
        (Some(Some(host)), None) => hosts.allows(host),
        (None, Some(authority)) => hosts.allows(authority),
    }
}

fn misdirected() -> Response<Body> {
    let mut response = Response::new(Body::from(MISDIRECTED));
    *response.status_mut() = StatusCode::MISDIRECTED_REQUEST;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{IpAddr, Ipv4Addr};

    fn request(host: Option<&str>, uri: &str) -> Request<()> {
        let mut builder = Request::builder().uri(uri);
        if let Some(host) = host {
            builder = builder.header(header::HOST, host);
        }
        builder.body(()).unwrap()
    }

    #[test]
    fn the_host_header_and_a_full_address_are_both_checked() {
        let hosts = AllowedHosts::new(IpAddr::V4(Ipv4Addr::LOCALHOST), &[]);
        assert!(host_allowed(&hosts, &request(Some("localhost:8000"), "/")));
        assert!(host_allowed(&hosts, &request(Some("127.0.0.1:8000"), "http://127.0.0.1:8000/")));
        assert!(!host_allowed(&hosts, &request(Some("evil.example"), "/")));
        assert!(!host_allowed(&hosts, &request(Some("localhost"), "http://evil.example/")));
        assert!(!host_allowed(&hosts, &request(None, "/")));
    }
}
