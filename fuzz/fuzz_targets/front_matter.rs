//! A Markdown page and a Markdown service file: front matter, then the body.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    signpost_fuzz::load("advice/assessment.md", data);
    signpost_fuzz::load("services/play-scheme.md", data);
});
