//! The one text analysis every part of search uses: the tantivy index, the query planner and the
//! browser bundle (whose script, `themes/default/static/search.js`, repeats these steps exactly).
//!
//! Steps: split on anything that is not a letter or digit, drop tokens of 40 bytes or more,
//! lowercase, fold accents to ASCII, drop stop words, then the Snowball English stemmer.
//!
//! Text in another language (a translated page, `x.pl.md`) gets the [`Analysis::Plain`] steps
//! instead: the same split, lowercasing and folding, but no English stop words and no stemming,
//! so a Polish or Urdu word is only found as itself.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};

/// The name the analyser is registered under in the tantivy index.
pub const ANALYZER: &str = "signpost_en";

/// The name the plain analyser (for languages other than English) is registered under.
pub const PLAIN_ANALYZER: &str = "signpost_plain";

/// Which analysis a text gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Analysis {
    /// English: stop words and the English stemmer.
    #[default]
    English,
    /// Any other language: words as written, lowercased and folded, nothing dropped or stemmed.
    Plain,
}

impl Analysis {
    /// The analysis for text in `language` (`None`: the site's main language, English).
    pub fn for_language(language: Option<&str>) -> Analysis {
        match language {
            None => Analysis::English,
            Some(tag) if tag.eq_ignore_ascii_case("en") || tag.to_ascii_lowercase().starts_with("en-") => Analysis::English,
            Some(_) => Analysis::Plain,
        }
    }

    /// The name of its analyser in a tantivy index.
    pub fn analyzer_name(self) -> &'static str {
        match self {
            Analysis::English => ANALYZER,
            Analysis::Plain => PLAIN_ANALYZER,
        }
    }

    /// A fresh analyser for it.
    pub fn analyzer(self) -> TextAnalyzer {
        match self {
            Analysis::English => analyzer(),
            Analysis::Plain => plain_analyzer(),
        }
    }

    /// The stop words it drops.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Analysis::English => STOP_WORDS,
            Analysis::Plain => &[],
        }
    }
}

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

/// The analyser for languages other than English: no stop words, no stemmer.
pub fn plain_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
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
    words_with(text, Analysis::English)
}

/// Analyses `text` with `analysis` into its words and their stems (for [`Analysis::Plain`], the
/// words themselves), in order.
pub fn words_with(text: &str, analysis: Analysis) -> Vec<Word> {
    if analysis == Analysis::Plain {
        return stems_with(text, analysis)
            .into_iter()
            .map(|word| Word { stem: word.clone(), word })
            .collect();
    }
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
    stems_with(text, Analysis::English)
}

/// The stems of `text` after `analysis`, in order.
pub fn stems_with(text: &str, analysis: Analysis) -> Vec<String> {
    let mut analyzer = analysis.analyzer();
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
    fn other_languages_are_not_stemmed_or_stopped() {
        // The English stemmer makes Polish "sprawy" (matters) "sprawi", another Polish word ("it
        // will cause"), and "to" (Polish "this") is an English stop word.
        assert_eq!(stems_with("Sprawy Dzieci to", Analysis::Plain), vec!["sprawy", "dzieci", "to"]);
        assert_eq!(stems_with("Sprawy Dzieci to", Analysis::English), vec!["sprawi", "dzieci"]);
        assert_eq!(stems_with("Pomoc w języku", Analysis::Plain), vec!["pomoc", "w", "jezyku"]);
        assert_eq!(stems_with("مدد اردو میں", Analysis::Plain), vec!["مدد", "اردو", "میں"]);
        assert_eq!(Analysis::for_language(Some("pl")), Analysis::Plain);
        assert_eq!(Analysis::for_language(Some("en-GB")), Analysis::English);
        assert_eq!(Analysis::for_language(None), Analysis::English);
        let words = words_with("Przerwy", Analysis::Plain);
        assert_eq!((words[0].word.as_str(), words[0].stem.as_str()), ("przerwy", "przerwy"));
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
