//! The built-in word lists of the easy-read checks: idioms, numbers written as words, and long
//! words most readers know. A site adds to the idioms and known words in `[easy_read]`.

/// Idioms and metaphors a reader may take literally.
pub const IDIOMS: &[&str] = &[
    "a piece of cake",
    "at the end of the day",
    "ballpark figure",
    "behind the scenes",
    "bite the bullet",
    "by the book",
    "drop us a line",
    "fall through the cracks",
    "get the ball rolling",
    "go the extra mile",
    "hit the ground running",
    "in a nutshell",
    "in the loop",
    "in the pipeline",
    "keep an eye on",
    "keep you posted",
    "on the cards",
    "on the same page",
    "once in a blue moon",
    "over the moon",
    "pop in",
    "raining cats and dogs",
    "red tape",
    "rule of thumb",
    "see eye to eye",
    "slip through the net",
    "take a back seat",
    "the ball is in your court",
    "think outside the box",
    "touch base",
    "under the weather",
    "up in the air",
    "up to speed",
    "word of mouth",
];

/// Numbers written as words (from two: "one" is often not a number).
pub const NUMBER_WORDS: &[(&str, &str)] = &[
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("thousand", "1000"),
];

/// Long words most readers know, which need no glossary entry.
pub const KNOWN_LONG_WORDS: &[&str] = &[
    "activities",
    "activity",
    "anybody",
    "anything",
    "everybody",
    "everyone",
    "everything",
    "information",
    "television",
    "usually",
];

/// Words that speak to the reader.
pub const SECOND_PERSON: &[&str] = &["you", "your", "yours", "yourself", "you're", "you'll", "you've", "you'd"];
