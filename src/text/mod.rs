//! Cutting text into sentences and words: one place for the checks, the easy-read pages and the
//! reports, so they all count the same sentences and words.
//!
//! Search does not split here: its words come from tantivy's tokenizer (see
//! `search::analysis`), because the browser script repeats those exact steps.

pub(crate) mod sentences;
pub(crate) mod words;

pub(crate) use sentences::{Sentences, sentences};
pub(crate) use words::{Words, words};
