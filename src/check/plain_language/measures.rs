//! Counts and readability formulas: Flesch Reading Ease, Flesch–Kincaid grade, SMOG,
//! Coleman–Liau, and the UK reading age (Flesch–Kincaid grade + 5).

use super::extract::Block;
use super::syllables;
use serde::Serialize;

/// Counts over some text: the inputs of every formula.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Words.
    pub words: usize,
    /// Sentences (each list item and table cell is at least one).
    pub sentences: usize,
    /// Syllables.
    pub syllables: usize,
    /// Words of three or more syllables.
    pub polysyllables: usize,
    /// Letters and digits in words.
    pub letters: usize,
}

impl Counts {
    /// Counts the words and sentences of some blocks.
    pub fn of_blocks<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> Counts {
        let mut counts = Counts::default();
        for block in blocks {
            for sentence in &block.sentences {
                counts.sentences += 1;
                for word in block.words(sentence) {
                    counts.add_word(word);
                }
            }
        }
        counts
    }

    /// Adds one word.
    pub fn add_word(&mut self, word: &str) {
        let syllables = syllables::count(word);
        self.words += 1;
        self.syllables += syllables;
        self.polysyllables += usize::from(syllables >= 3);
        self.letters += word.chars().filter(|c| c.is_alphanumeric()).count();
    }

    /// Adds counts of more text.
    pub fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
        self.polysyllables += other.polysyllables;
        self.letters += other.letters;
    }

    /// Words per sentence.
    pub fn words_per_sentence(&self) -> f64 {
        ratio(self.words, self.sentences)
    }

    /// Syllables per word.
    pub fn syllables_per_word(&self) -> f64 {
        ratio(self.syllables, self.words)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Flesch Reading Ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
/// Higher is easier; 60 to 70 is plain English.
pub fn flesch_reading_ease(c: &Counts) -> f64 {
    206.835 - 1.015 * c.words_per_sentence() - 84.6 * c.syllables_per_word()
}

/// Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59 (a US school grade).
pub fn flesch_kincaid_grade(c: &Counts) -> f64 {
    0.39 * c.words_per_sentence() + 11.8 * c.syllables_per_word() - 15.59
}

/// SMOG grade (McLaughlin): 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.
pub fn smog(c: &Counts) -> f64 {
    if c.sentences == 0 {
        return 0.0;
    }
    1.0430 * (c.polysyllables as f64 * 30.0 / c.sentences as f64).sqrt() + 3.1291
}

/// Coleman–Liau index: 0.0588 × letters per 100 words − 0.296 × sentences per 100 words − 15.8.
pub fn coleman_liau(c: &Counts) -> f64 {
    let letters_per_100 = ratio(c.letters, c.words) * 100.0;
    let sentences_per_100 = ratio(c.sentences, c.words) * 100.0;
    0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8
}

/// UK reading age: the Flesch–Kincaid grade plus 5 years, never below 5.
pub fn reading_age(c: &Counts) -> f64 {
    (flesch_kincaid_grade(c) + 5.0).max(5.0)
}

/// Every score of a piece of text, rounded to one decimal place.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Flesch Reading Ease (higher is easier).
    pub flesch_reading_ease: f64,
    /// Flesch–Kincaid grade.
    pub flesch_kincaid_grade: f64,
    /// SMOG grade.
    pub smog: f64,
    /// Coleman–Liau index.
    pub coleman_liau: f64,
    /// UK reading age in years.
    pub reading_age: f64,
}

impl Scores {
    /// The scores, or `None` when there are fewer than `min_words` words for them to mean something.
    pub fn of(counts: &Counts, min_words: usize) -> Option<Scores> {
        if counts.words < min_words.max(1) || counts.sentences == 0 {
            return None;
        }
        Some(Scores {
            flesch_reading_ease: round1(flesch_reading_ease(counts)),
            flesch_kincaid_grade: round1(flesch_kincaid_grade(counts)),
            smog: round1(smog(counts)),
            coleman_liau: round1(coleman_liau(counts)),
            reading_age: round1(reading_age(counts)),
        })
    }
}

/// Rounds to one decimal place.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::plain_language::extract::from_plain_text;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.001
    }

    // Worked by hand: 100 words, 5 sentences, 150 syllables, 10 polysyllables, 450 letters.
    const SAMPLE: Counts = Counts {
        words: 100,
        sentences: 5,
        syllables: 150,
        polysyllables: 10,
        letters: 450,
    };

    #[test]
    fn flesch_reading_ease_worked_example() {
        // 206.835 − 1.015 × 20 − 84.6 × 1.5 = 206.835 − 20.3 − 126.9 = 59.635
        assert!(close(flesch_reading_ease(&SAMPLE), 59.635));
    }

    #[test]
    fn flesch_kincaid_worked_example() {
        // 0.39 × 20 + 11.8 × 1.5 − 15.59 = 7.8 + 17.7 − 15.59 = 9.91
        assert!(close(flesch_kincaid_grade(&SAMPLE), 9.91));
        assert!(close(reading_age(&SAMPLE), 14.91));
    }

    #[test]
    fn smog_worked_examples() {
        // 1.0430 × √(10 × 30 / 5) + 3.1291 = 1.0430 × √60 + 3.1291 = 11.2081…
        assert!((smog(&SAMPLE) - 11.2082).abs() < 0.0005);
        // The published check value: 1 sentence with 4 polysyllables scores 14.5546.
        let one = Counts {
            sentences: 1,
            polysyllables: 4,
            ..Counts::default()
        };
        assert!((smog(&one) - 14.5546).abs() < 0.0001);
    }

    #[test]
    fn coleman_liau_worked_example() {
        // L = 450, S = 5: 0.0588 × 450 − 0.296 × 5 − 15.8 = 26.46 − 1.48 − 15.8 = 9.18
        assert!(close(coleman_liau(&SAMPLE), 9.18));
    }

    #[test]
    fn reading_age_never_goes_below_five() {
        let easy = Counts {
            words: 10,
            sentences: 5,
            syllables: 10,
            ..Counts::default()
        };
        assert_eq!(reading_age(&easy), 5.0);
    }

    #[test]
    fn counts_of_real_text() {
        let extract = from_plain_text("The cat sat on the mat. It was a sunny afternoon.");
        let counts = Counts::of_blocks(&extract.blocks);
        assert_eq!(counts.words, 11);
        assert_eq!(counts.sentences, 2);
        // the cat sat on the mat (6) + it was a sun-ny af-ter-noon (3 + 2 + 3) = 14
        assert_eq!(counts.syllables, 14);
        assert_eq!(counts.polysyllables, 1);
        assert_eq!(counts.letters, 37);
    }

    #[test]
    fn scores_need_enough_words() {
        assert!(Scores::of(&SAMPLE, 100).is_some());
        assert!(Scores::of(&SAMPLE, 101).is_none());
    }
}
