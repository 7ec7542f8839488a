//! Asks other websites whether a link still works: `HEAD` first (falling back to `GET` when a
//! server refuses `HEAD`), redirects followed one by one so each is reported, and server errors,
//! time-outs and dropped connections tried again after a growing wait.

use crate::config::external_links::ExternalLinksConfig;
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

/// Redirects followed before giving up on a link.
const MAX_REDIRECTS: usize = 10;

/// One redirect on the way to the final address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    /// The redirect's status (301, 302, 303, 307 or 308).
    pub status: u16,
    /// Where it pointed.
    pub to: String,
}

impl Hop {
    /// A permanent redirect (301 or 308): the link should be changed to the new address.
    pub fn permanent(&self) -> bool {
        matches!(self.status, 301 | 308)
    }
}

/// What asking for one address found, after any retries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The final status, when a server answered.
    pub status: Option<u16>,
    /// The redirects followed, in order.
    pub redirects: Vec<Hop>,
    /// What went wrong without an answer, in plain words (a time-out, a dropped connection…).
    pub error: Option<String>,
    /// Tries made (1 when the first worked).
    pub attempts: u32,
    /// How long the last try took, in milliseconds.
    pub millis: u64,
    /// `HEAD`, or `GET` when the server refused `HEAD`.
    pub method: String,
    /// True when the try failed in a way that trying again may mend.
    #[serde(skip)]
    worth_retrying: bool,
}

/// Makes the requests, with the settings from `[external_links]`.
pub struct Prober {
    agent: ureq::Agent,
    retries: u32,
    retry_wait: Duration,
}

/// Why a try failed, and whether trying again may help.
struct Failure {
    message: String,
    retry: bool,
}

impl Prober {
    /// A prober with `config`'s time-out and retries, naming itself with `site_url`.
    pub fn new(config: &ExternalLinksConfig, site_url: &str) -> Prober {
        let timeout = Duration::from_secs_f64(config.timeout_seconds.clamp(0.1, 600.0));
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(format!("Signpost-link-check/{} (+{site_url})", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Prober {
            agent,
            retries: config.retries.min(10),
            retry_wait: Duration::from_millis(config.retry_wait_ms.min(60_000)),
        }
    }

    /// Checks `url`, trying again after a server error, a time-out or a dropped connection.
    pub fn check(&self, url: &str) -> Answer {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut answer = self.follow(url);
            answer.attempts = attempt;
            let retry = answer.worth_retrying || (answer.error.is_none() && answer.status.is_some_and(|status| status >= 500));
            if !retry || attempt > self.retries {
                return answer;
            }
            let wait = self.retry_wait.saturating_mul(1 << (attempt - 1).min(8));
            std::thread::sleep(wait);
        }
    }

    /// One try: the address and each redirect in turn.
    fn follow(&self, url: &str) -> Answer {
        let started = Instant::now();
        let mut current = url.to_string();
        let mut redirects = Vec::new();
        let mut method = "HEAD";
        loop {
            let result = self.request(&current, &mut method);
            let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            let answer = |status, error: Option<String>, redirects: Vec<Hop>, worth_retrying: bool| Answer {
                status,
                redirects,
                error,
                attempts: 1,
                millis,
                method: method.to_string(),
                worth_retrying,
            };
            match result {
                Err(failure) => return answer(None, Some(failure.message), redirects, failure.retry),
                Ok((status, location)) => {
                    let Some(location) = location.filter(|_| (300..400).contains(&status) && status != 304) else {
                        return answer(Some(status), None, redirects, false);
                    };
                    let next = resolve(&current, &location);
                    redirects.push(Hop { status, to: next.clone() });
                    if redirects.len() > MAX_REDIRECTS || redirects.iter().filter(|hop| hop.to == next).count() > 1 {
                        return answer(
                            Some(status),
                            Some("It redirects in a loop or too many times".into()),
                            redirects,
                            false,
                        );
                    }
                    if !(next.starts_with("https://") || next.starts_with("http://")) {
                        return answer(
                            Some(status),
                            Some(format!("It redirects to {next}, which is not a web address")),
                            redirects,
                            false,
                        );
                    }
                    current = next;
                    method = "HEAD";
                }
            }
        }
    }

    /// One request; `HEAD`, then `GET` on the same address when the server refuses `HEAD`.
    fn request(&self, url: &str, method: &mut &'static str) -> Result<(u16, Option<String>), Failure> {
        let head = self.agent.head(url).call().map_err(failure)?;
        let status = head.status().as_u16();
        if !matches!(status, 400 | 403 | 404 | 405 | 406 | 501) {
            return Ok((status, location(&head)));
        }
        *method = "GET";
        let get = self.agent.get(url).call().map_err(failure)?;
        Ok((get.status().as_u16(), location(&get)))
    }
}

fn location<B>(response: &ureq::http::Response<B>) -> Option<String> {
    response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .map(|value| value.trim().to_string())
}

/// Plain words for a failed request, and whether trying again may help.
fn failure(error: ureq::Error) -> Failure {
    use std::io::ErrorKind;
    let (message, retry) = match &error {
        ureq::Error::Timeout(_) => ("It did not answer in time".to_string(), true),
        ureq::Error::HostNotFound => ("There is no website with that name (the name was not found)".to_string(), false),
        ureq::Error::ConnectionFailed => ("The website could not be reached".to_string(), true),
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe | ErrorKind::UnexpectedEof => {
                ("The website dropped the connection".to_string(), true)
            }
            ErrorKind::ConnectionRefused => ("The website refused the connection".to_string(), true),
            ErrorKind::TimedOut | ErrorKind::WouldBlock => ("It did not answer in time".to_string(), true),
            // The system's resolver says so in its own words ("failed to lookup address").
            _ if io.to_string().contains("lookup address") => {
                ("There is no website with that name (the name was not found)".to_string(), true)
            }
            _ => (format!("The website could not be reached ({io})"), true),
        },
        ureq::Error::Tls(what) => (format!("Its secure connection (TLS) failed: {what}"), false),
        ureq::Error::BadUri(what) => (format!("The address is not valid: {what}"), false),
        other => (format!("The request failed: {other}"), true),
    };
    Failure { message, retry }
}

/// The absolute address a `Location` header points at, from the address that sent it.
pub fn resolve(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let scheme = base.split_once("://").map_or("https", |(scheme, _)| scheme);
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    let host_end = after_scheme.find(['/', '?', '#']).unwrap_or(after_scheme.len());
    let origin = &base[..base.len() - after_scheme.len() + host_end];
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let path = &after_scheme[host_end..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let folder = path.rfind('/').map_or("/", |at| &path[..=at]);
    if location.starts_with('?') {
        return format!("{origin}{path}{location}");
    }
    format!("{origin}{folder}{location}")
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn locations_are_resolved_against_the_address_that_sent_them() {
        assert_eq!(resolve("https://a.example/x/y", "https://b.example/"), "https://b.example/");
        assert_eq!(resolve("https://a.example/x/y", "//b.example/z"), "https://b.example/z");
        assert_eq!(resolve("http://a.example:8080/x/y?q", "/z"), "http://a.example:8080/z");
        assert_eq!(resolve("https://a.example/x/y", "z"), "https://a.example/x/z");
        assert_eq!(resolve("https://a.example", "z"), "https://a.example/z");
        assert_eq!(resolve("https://a.example/x", "?page=2"), "https://a.example/x?page=2");
    }
}
