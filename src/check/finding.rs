//! A problem a check found in a text, before it has a place in a file.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Rule;

/// A problem at a byte offset of the text a check read (easy-read and plain-language rules),
/// turned into a [`Diagnostic`] once the offset has a line and column ([`crate::location`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset in the checked text.
    pub offset: usize,
    /// Error or warning.
    pub severity: Severity,
    /// Its rule.
    pub rule: Rule,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub suggestion: String,
}

impl Finding {
    /// The diagnostic for this finding, at `line` and `column` of `file`.
    pub fn at(self, file: impl Into<String>, line: usize, column: usize) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line,
            column,
            rule: self.rule,
            severity: self.severity,
            message: self.message,
            suggestion: Some(self.suggestion),
            related: None,
        }
    }
}
