//! Syllable counts: the CMU Pronouncing Dictionary (through `syllarust`), with British spellings
//! tried in their American form, short acronyms read letter by letter, and a rule-based estimate
//! for words the dictionary does not know.

use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Words already counted on this thread: most words come back again and again.
    static KNOWN: RefCell<HashMap<String, usize>> = RefCell::new(HashMap::new());
}

/// How many syllables `word` has (at least 1 for any word with a letter or digit).
pub fn count(word: &str) -> usize {
    KNOWN.with(|known| {
        if let Some(&n) = known.borrow().get(word) {
            return n;
        }
        let n = count_uncached(word);
        let mut known = known.borrow_mut();
        if known.len() > 200_000 {
            known.clear();
        }
        known.insert(word.to_string(), n);
        n
    })
}

fn count_uncached(word: &str) -> usize {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return 0;
    }
    if !word.chars().any(char::is_alphabetic) {
        return 1;
    }
    // Short acronyms are read letter by letter: NHS, EHCP, ADHD. W has three syllables.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 4 && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && syllarust::try_count_syllables(word).is_none()
    {
        return word
            .chars()
            .map(|c| if c == 'W' { 3 } else { usize::from(c.is_ascii_uppercase()) })
            .sum::<usize>()
            .max(1);
    }
    let lower = word.to_lowercase().replace('’', "'");
    let lower = lower.strip_suffix("'s").unwrap_or(&lower);
    if let Some(n) = syllarust::try_count_syllables(lower) {
        return n.max(1);
    }
    if let Some(n) = american_spelling(lower).and_then(|us| syllarust::try_count_syllables(&us)) {
        return n.max(1);
    }
    syllarust::count_syllables(lower).max(1)
}

/// True for words of three or more syllables (SMOG's "polysyllables").
pub fn is_polysyllable(word: &str) -> bool {
    count(word) >= 3
}

/// The American spelling of a British word, when a common pattern applies.
fn american_spelling(word: &str) -> Option<String> {
    let swaps: [(&str, &str); 12] = [
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("our", "or"),
        ("ours", "ors"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ogue", "og"),
    ];
    for (british, american) in swaps {
        if let Some(stem) = word.strip_suffix(british) {
            return Some(format!("{stem}{american}"));
        }
    }
    for (british, american) in [
        ("paed", "ped"),
        ("haem", "hem"),
        ("anaes", "anes"),
        ("behaviour", "behavior"),
        ("colour", "color"),
    ] {
        if word.contains(british) {
            return Some(word.replace(british, american));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricky_words() {
        for (word, expected) in [
            ("the", 1),
            ("queue", 1),
            ("create", 2),
            ("created", 3),
            ("business", 2),
            ("people", 2),
            ("rhythm", 2),
            ("Wednesday", 2),
            ("area", 3),
            ("idea", 3),
            ("recipe", 3),
            ("beautiful", 3),
            ("preparing", 3),
            ("facilitate", 4),
            ("assessment", 3),
            ("eligibility", 6),
            ("colour", 2),
            ("centre", 2),
            ("behaviour", 3),
            ("organisation", 5),
            ("paediatric", 4),
            ("travelled", 2),
            ("children's", 2),
            ("NHS", 3),
            ("EHCP", 4),
            ("WS1", 4),
            ("2026", 1),
        ] {
            assert_eq!(count(word), expected, "{word}");
        }
    }

    #[test]
    fn polysyllables_have_three_or_more() {
        assert!(is_polysyllable("education"));
        assert!(!is_polysyllable("school"));
    }
}
