//! What every fuzz target checks: a diagnostic names its file, has a message, and points at a
//! line inside the input (the same rules as tests/integration/properties.rs).

use signpost::config::SiteConfig;
use signpost::diagnostic::Diagnostic;
use signpost::rules::Rule;
use std::path::Path;
use std::sync::OnceLock;

/// The example site's settings, parsed once.
pub fn site() -> &'static SiteConfig {
    static SITE: OnceLock<SiteConfig> = OnceLock::new();
    SITE.get_or_init(|| {
        SiteConfig::from_text(include_str!("../../tests/fixtures/valid/site.toml")).expect("the fixture site.toml is valid")
    })
}

/// Lines as YAML and CommonMark count them: `\n`, `\r\n` and a lone `\r` each end one.
pub fn line_count(text: &str) -> usize {
    text.matches('\n').count()
        + text.as_bytes().windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count()
        + usize::from(text.ends_with('\r'))
        + 1
}

/// Findings about the whole file, which may use line 0.
const WHOLE_FILE_RULES: &[Rule] = &[Rule::EMPTY_FILE, Rule::FILE_NAME];

/// Panics (so the fuzzer records a crash) when a diagnostic breaks the rules.
pub fn check(diagnostics: &[Diagnostic], file: &str, lines: usize) {
    for d in diagnostics {
        assert_eq!(d.file, file, "{d:?}");
        assert!(!d.message.trim().is_empty(), "{d:?}");
        if WHOLE_FILE_RULES.contains(&d.rule) {
            continue;
        }
        assert!(d.line >= 1 && d.line <= lines + 1, "line outside {lines} lines: {d:?}");
        assert!(d.column >= 1, "{d:?}");
    }
}

/// Loads `text` as the content file `content/<relative>` and checks its diagnostics.
pub fn load(relative: &str, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = signpost::content::load_file_from_str(site(), Path::new(relative), text, true);
    check(&loaded.diagnostics, &format!("content/{relative}"), line_count(text));
}
