//! `[checks]` in `site.toml`: the thresholds the checks read.

use serde::Deserialize;

/// Thresholds for the content checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecksConfig {
    /// Days after `next_review` before an overdue review becomes an error (before that it is a warning).
    #[serde(default = "default_grace")]
    pub review_grace_days: u32,
    /// Largest content file Signpost will read, in KiB.
    #[serde(default = "default_max_file_kb")]
    pub max_file_kb: u64,
    /// Largest file in `assets/`, in KiB (families on mobile data pay for every byte).
    #[serde(default = "default_max_asset_kb")]
    pub max_asset_kb: u64,
}

impl Default for ChecksConfig {
    fn default() -> Self {
        ChecksConfig {
            review_grace_days: default_grace(),
            max_file_kb: default_max_file_kb(),
            max_asset_kb: default_max_asset_kb(),
        }
    }
}

fn default_grace() -> u32 {
    90
}
fn default_max_file_kb() -> u64 {
    1024
}
fn default_max_asset_kb() -> u64 {
    5120
}
