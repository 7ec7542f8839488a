//! Incremental building: what a build keeps for the next one, the fast path that renders an
//! edited page at once, and the flag that stops a build whose result is no longer wanted.
//!
//! `signpost build` does not use this; `signpost serve` keeps a [`Memory`] and runs each rebuild
//! through [`crate::build_incremental`] with an [`Incremental`] taken from it. What may be reused
//! is decided by the content hash of each file the loader read, so a rebuild's files are the same
//! as a clean build's.

pub mod cancel;
pub(crate) mod checks;
pub mod fast;
mod listed;
pub mod memory;

pub use cancel::Cancel;
pub use fast::FastPages;
pub use memory::{Incremental, Memory, give_back_freed_memory};

/// What an incremental build made again and what it took from the last build (all zero and
/// false for a build without incremental state).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reuse {
    /// Pages rendered again.
    pub pages_rendered: usize,
    /// Pages taken from the last build (their inputs were the same).
    pub pages_kept: usize,
    /// Files whose per-file checks (service fields, plain language) ran again.
    pub files_checked: usize,
    /// Files whose per-file check findings were taken from the last build.
    pub files_kept: usize,
    /// True when the search files were taken from the last build (no searchable text changed).
    pub search_kept: bool,
}
