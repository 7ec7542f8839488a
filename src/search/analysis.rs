//! The one text analysis every part of search uses: the tantivy index, the query planner and the
//! browser bundle (whose script, `themes/default/static/search.js`, repeats these steps exactly).
//!
//! Steps: split on anything that is not a letter or digit, drop tokens of 40 bytes or more,
//! lowercase, fold accents to ASCII, drop stop words, then the Snowball English stemmer.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};

/// The name the analyser is registered under in the tantivy index.
pub const ANALYZER: &str = "signpost_en";

/// Words too common to help find anything. The browser script has the same list.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "of", "on", "or", "s", "such", "t",
    "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
];

/// Words shorter than this (in characters) get no typo tolerance.
pub const FUZZY_MIN_CHARS: usize = 5;

/// A fresh analyser: the same one the index uses.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(STOP_WORDS.iter().map(|w| w.to_string())))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analyser without the stemmer: the words as a family typed them, lowercased and folded.
fn word_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(STOP_WORDS.iter().map(|w| w.to_string())))
        .build()
}

/// One word of a text after analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercased, folded, not stemmed.
    pub word: String,
    /// Its stem: the term in the index.
    pub stem: String,
}

/// Analyses `text` into its words and their stems, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut plain = word_analyzer();
    let mut stems = analyzer();
    let mut found = Vec::new();
    let mut stream = plain.token_stream(text);
    while stream.advance() {
        found.push(stream.token().text.clone());
    }
    let mut stemmed = Vec::with_capacity(found.len());
    let mut stream = stems.token_stream(text);
    while stream.advance() {
        stemmed.push(stream.token().text.clone());
    }
    found.into_iter().zip(stemmed).map(|(word, stem)| Word { word, stem }).collect()
}

/// The stems of `text`, in order.
pub fn stems(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The optimal-string-alignment distance between two words, counting a swap of neighbours as one
/// edit, but stopping early: anything above 1 comes back as 2.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let mut i = 0;
    while i < a.len() && i < b.len() && a[i] == b[i] {
        i += 1;
    }
    if i == a.len() && i == b.len() {
        return true;
    }
    let (rest_a, rest_b) = (&a[i..], &b[i..]);
    if rest_a.len() == rest_b.len() {
        // substitution, or a swap of two neighbours
        rest_a[1..] == rest_b[1..] || (rest_a.len() >= 2 && rest_a[0] == rest_b[1] && rest_a[1] == rest_b[0] && rest_a[2..] == rest_b[2..])
    } else if rest_a.len() > rest_b.len() {
        rest_a[1..] == *rest_b
    } else {
        rest_b[1..] == *rest_a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_stop_words() {
        assert_eq!(stems("Speech and Language Therapy"), vec!["speech", "languag", "therapi"]);
        assert_eq!(stems("Children’s café"), vec!["children", "cafe"]);
        assert_eq!(stems("!!! ... ???"), Vec::<String>::new());
        let words = words("Short Breaks");
        assert_eq!(words[1].word, "breaks");
        assert_eq!(words[1].stem, "break");
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("therapi", "therapi"));
        assert!(within_one_edit("speach", "speech"));
        assert!(within_one_edit("autsim", "autism"));
        assert!(within_one_edit("respit", "respite"));
        assert!(within_one_edit("swiming", "swimming"));
        assert!(!within_one_edit("speech", "spice"));
        assert!(!within_one_edit("abcd", "badc"));
    }
}
