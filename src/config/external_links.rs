//! `[external_links]` in `site.toml`: how `signpost check --external` checks links to other websites.

use serde::Deserialize;

/// Settings for checking links to other websites (never part of a normal build or check).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalLinksConfig {
    /// Days a link that worked is trusted before it is checked again (links that failed are
    /// always checked again).
    #[serde(default = "default_fresh_days")]
    pub fresh_days: u32,
    /// Seconds to wait for a website before giving up on one try.
    #[serde(default = "default_timeout")]
    pub timeout_seconds: f64,
    /// A website that answers but takes longer than this many seconds is reported as slow.
    #[serde(default = "default_slow")]
    pub slow_seconds: f64,
    /// How many more times to try after a server error, a time-out or a dropped connection.
    #[serde(default = "default_retries")]
    pub retries: u32,
    /// Milliseconds to wait before the first retry; each later retry waits twice as long.
    #[serde(default = "default_retry_wait")]
    pub retry_wait_ms: u64,
    /// Links checked at the same time on one website.
    #[serde(default = "default_per_host")]
    pub per_host: usize,
    /// Links checked at the same time in all.
    #[serde(default = "default_concurrency")]
    pub concurrency: usize,
    /// Addresses not to check, by how they start (e.g. a site that refuses every checker).
    #[serde(default)]
    pub ignore: Vec<String>,
}

impl Default for ExternalLinksConfig {
    fn default() -> Self {
        ExternalLinksConfig {
            fresh_days: default_fresh_days(),
            timeout_seconds: default_timeout(),
            slow_seconds: default_slow(),
            retries: default_retries(),
            retry_wait_ms: default_retry_wait(),
            per_host: default_per_host(),
            concurrency: default_concurrency(),
            ignore: Vec::new(),
        }
    }
}

fn default_fresh_days() -> u32 {
    7
}
fn default_timeout() -> f64 {
    15.0
}
fn default_slow() -> f64 {
    5.0
}
fn default_retries() -> u32 {
    2
}
fn default_retry_wait() -> u64 {
    1000
}
fn default_per_host() -> usize {
    2
}
fn default_concurrency() -> usize {
    8
}
