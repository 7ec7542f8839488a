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
    // "cost-effective", "post-16" and "2024/25" are one word, said as their parts.
    if word.contains(['-', '/']) {
        return word
            .split(['-', '/'])
            .filter(|part| part.chars().any(char::is_alphanumeric))
            .map(count_uncached)
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
    estimate(lower).max(1)
}

/// Vowel pairs that are usually said as two syllables: "dyspraxia", "physio", "video", "actual".
const TWO_SOUNDS: [&str; 6] = ["ia", "io", "iu", "eo", "ua", "ao"];

/// A rule-based count for a word the dictionary does not know: one syllable for each group of
/// vowels, plus one where a pair of vowels is said apart ("prax-i-a"), less a silent final
/// "e", "es" or "ed".
pub(crate) fn estimate(word: &str) -> usize {
    let letters: Vec<u8> = word
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let n = letters.len();
    let vowel = |i: usize| match letters[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => true,
        b'y' => i > 0,
        _ => false,
    };
    let at = |i: usize| letters.get(i).copied().unwrap_or(b' ');
    let mut count = 0;
    let mut i = 0;
    while i < n {
        if !vowel(i) {
            i += 1;
            continue;
        }
        count += 1;
        let mut j = i + 1;
        while j < n && vowel(j) {
            if said_apart(&letters, j - 1) {
                count += 1;
            }
            j += 1;
        }
        i = j;
    }
    let ends = |suffix: &str| word.ends_with(suffix);
    let before = |back: usize| n.checked_sub(back).map_or(b' ', at);
    let consonant_before = |back: usize| n >= back && !vowel(n - back) && before(back) != b'y';
    // "table", "tables", "bubbled": the "le" is a syllable of its own.
    let syllabic_l = |back: usize| before(back) == b'l' && consonant_before(back + 1);
    let silent = (ends("e") && consonant_before(2) && !syllabic_l(2))
        || (ends("ed") && consonant_before(3) && !matches!(before(3), b't' | b'd') && !syllabic_l(3))
        || (ends("es")
            && consonant_before(3)
            && !syllabic_l(3)
            && !matches!(before(3), b's' | b'x' | b'z' | b'c' | b'g')
            && !(before(3) == b'h' && matches!(before(4), b'c' | b's')));
    if silent && count > 1 {
        count -= 1;
    }
    if ends("ism") {
        count += 1;
    }
    count.max(1)
}

/// True when the vowels at `i` and `i + 1` are said as two syllables.
fn said_apart(letters: &[u8], i: usize) -> bool {
    let pair = [letters[i], letters[i + 1]];
    let Ok(pair) = std::str::from_utf8(&pair) else { return false };
    let before = i.checked_sub(1).map_or(b' ', |k| letters[k]);
    let after = letters.get(i + 2).copied().unwrap_or(b' ');
    if pair == "ei" {
        // "being", "seeing"
        return after == b'n' && letters.get(i + 3) == Some(&b'g');
    }
    if !TWO_SOUNDS.contains(&pair) {
        return false;
    }
    match pair {
        // "special", "initial", "Asia", "alopecia" are said as one.
        "ia" => !matches!(before, b'c' | b't' | b's'),
        // "station", "vision", "region", "cautious": one; "physio", "audio": two.
        "io" => !(matches!(before, b'c' | b't' | b's' | b'g' | b'x') && matches!(after, b'n' | b'u')),
        // "quality", "language": one.
        "ua" => !matches!(before, b'q' | b'g'),
        // "pigeon", "George": one.
        "eo" => before != b'g',
        _ => true,
    }
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
        ("aemia", "emia"),
        ("oed", "ed"),
        ("oes", "es"),
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
    fn send_and_medical_terms_the_dictionary_lacks() {
        for (word, expected) in [
            ("physiotherapy", 6),
            ("physiotherapist", 6),
            ("dyspraxia", 4),
            ("anaemia", 4),
            ("leukaemia", 4),
            ("haemophilia", 5),
            ("septicaemia", 5),
            ("dyscalculia", 5),
            ("dysphagia", 4),
            ("dysarthria", 4),
            ("apraxia", 4),
            ("echolalia", 5),
            ("alopecia", 4),
            ("hypotonia", 5),
            ("hypermobility", 6),
            ("neurodiversity", 6),
            ("neurodivergent", 5),
            ("audiology", 5),
            ("audiologist", 5),
            ("gastrostomy", 4),
            ("tracheostomy", 5),
            ("enuresis", 4),
            ("orthotics", 3),
            ("coproduction", 4),
            ("coproduced", 3),
            ("makaton", 3),
            ("SENCO", 2),
            ("SENDIASS", 3),
            ("paediatrician", 5),
        ] {
            assert_eq!(count(word), expected, "{word}");
        }
    }

    #[test]
    fn joined_words_count_their_parts() {
        assert_eq!(count("cost-effective"), 4);
        assert_eq!(count("co-design"), 3);
        assert_eq!(count("post-16"), 2);
        // Numbers count as one syllable, as everywhere in these measures.
        assert_eq!(count("2024/25"), 1);
        assert_eq!(count("and/or"), 2);
    }

    #[test]
    fn the_estimate_knows_silent_endings() {
        for (word, expected) in [
            ("flurbake", 2),
            ("flurbaked", 2),
            ("flurbated", 3),
            ("flurbles", 2),
            ("flurbaces", 3),
            ("flurble", 2),
        ] {
            assert_eq!(estimate(word), expected, "{word}");
        }
    }

    #[test]
    fn polysyllables_have_three_or_more() {
        assert!(is_polysyllable("education"));
        assert!(!is_polysyllable("school"));
    }
}
