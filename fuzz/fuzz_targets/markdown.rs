//! Markdown to HTML, with the example glossary's acronyms.
#![no_main]

use signpost::config::ContentConfig;
use signpost::render::markdown::{Abbreviations, SourceSpan, render_with};
use std::sync::OnceLock;

fn abbreviations() -> &'static Abbreviations {
    static ABBREVIATIONS: OnceLock<Abbreviations> = OnceLock::new();
    ABBREVIATIONS.get_or_init(|| {
        let text = include_str!("../../tests/fixtures/valid/content/glossary.yaml");
        let glossary =
            signpost::content::load_file_from_str(signpost_fuzz::site(), std::path::Path::new("glossary.yaml"), text, true).glossary;
        Abbreviations::from_glossary(&glossary)
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let span = SourceSpan::new("content/x.md", 1);
    let out = render_with(text, span, abbreviations(), &ContentConfig::default());
    let lines = signpost_fuzz::line_count(text);
    signpost_fuzz::check(&out.diagnostics, "content/x.md", lines);
    for link in &out.links {
        assert!(link.line >= 1 && link.line <= lines + 1 && link.column >= 1, "{link:?}");
    }
});
