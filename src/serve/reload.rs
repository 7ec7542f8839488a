//! Live reload: a server-sent events stream that tells every open page when a rebuild finished,
//! and the small script that listens to it.

use super::Shared;
use axum::http::{HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;

/// Where pages listen for rebuilds.
pub const EVENTS_PATH: &str = "/_signpost/events";
/// The script added to every page.
pub const CLIENT_PATH: &str = "/_signpost/client.js";
const CLIENT_JS: &str = include_str!("client.js");

/// The tag added before `</body>` of every page, carrying the build it was served from.
pub fn script_tag(generation: u64) -> String {
    format!("<script src=\"{CLIENT_PATH}\" data-generation=\"{generation}\" defer></script>\n")
}

/// `GET /_signpost/client.js`.
pub async fn client() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        CLIENT_JS,
    )
        .into_response()
}

/// `GET /_signpost/events`: first a `hello` event with the current build number, then a `rebuilt`
/// event after each rebuild. The stream ends when the server shuts down.
pub async fn events(shared: Arc<Shared>) -> Response {
    let receiver = shared.events.subscribe();
    let shutdown = shared.shutdown.clone();
    let hello = Event::default().event("hello").data(shared.generation().to_string());
    let stream = futures_util::stream::unfold(
        (receiver, shutdown, Some(hello)),
        |(mut receiver, mut shutdown, hello)| async move {
            if let Some(hello) = hello {
                return Some((Ok::<Event, Infallible>(hello), (receiver, shutdown, None)));
            }
            loop {
                if *shutdown.borrow() {
                    return None;
                }
                tokio::select! {
                    changed = shutdown.changed() => {
                        if changed.is_err() {
                            return None;
                        }
                    }
                    message = receiver.recv() => match message {
                        Ok(generation) => {
                            let event = Event::default().event("rebuilt").data(generation.to_string());
                            return Some((Ok(event), (receiver, shutdown, None)));
                        }
                        Err(RecvError::Lagged(_)) => continue,
                        Err(RecvError::Closed) => return None,
                    }
                }
            }
        },
    );
    let mut response = Sse::new(stream).keep_alive(KeepAlive::default()).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
