//! `site.toml`, parsed and checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(problems) = signpost::config::SiteConfig::from_text(text) {
        assert!(!problems.is_empty());
        // TOML ends lines with `\n` only.
        signpost_fuzz::check(&problems, "site.toml", text.split('\n').count());
    }
});
