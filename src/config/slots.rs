//! `[slots]` in `site.toml`: HTML the site owner adds to named places in the theme (analytics, a
//! cookie notice, an accessibility toolbar) without copying the theme's templates.

use serde::Deserialize;

/// What goes into each slot, and which other websites a slot may load scripts and frames from.
/// Every slot is empty unless set here or in a file `slots/<name>.html` in the site folder.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotsConfig {
    /// HTML at the end of `<head>`.
    #[serde(default)]
    pub head_end: Option<String>,
    /// HTML at the start of `<body>`, before the skip link.
    #[serde(default)]
    pub body_start: Option<String>,
    /// HTML at the end of `<body>`.
    #[serde(default)]
    pub body_end: Option<String>,
    /// HTML in the site header, beside the site's name (for a toolbar button).
    #[serde(default)]
    pub header_tools: Option<String>,
    /// Host names (such as `cdn.reachdeck.com`) that slots may load scripts, frames and
    /// connections from; the security headers allow exactly these.
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
}
