//! Incremental building: what a build keeps for the next one, the fast path that renders an
//! edited page at once, and the flag that stops a build whose result is no longer wanted.
//!
//! `signpost build` does not use this; `signpost serve` keeps a [`Memory`] and runs each rebuild
//! through [`crate::build_incremental`] with an [`Incremental`] taken from it. What may be reused
//! is decided by the content hash of each file the loader read, so a rebuild's files are the same
//! as a clean build's.

pub mod cancel;
pub mod fast;
pub mod memory;

pub use cancel::Cancel;
pub use fast::FastPages;
pub use memory::{Incremental, Memory, give_back_freed_memory};
