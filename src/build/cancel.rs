//! Telling a build in flight that its result is no longer wanted.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A flag shared between a build and whoever started it. The build looks at it between stages
/// (and between groups of pages) and stops early once it is set; a stopped build publishes nothing.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A flag that is not set.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Asks the build to stop at its next look.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// True once [`Cancel::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::Cancel;

    #[test]
    fn a_clone_sees_the_cancellation() {
        let cancel = Cancel::new();
        let seen_by_the_build = cancel.clone();
        assert!(!seen_by_the_build.is_cancelled());
        cancel.cancel();
        assert!(seen_by_the_build.is_cancelled());
    }
}
