//! `[cms]` in `site.toml`: the browser editor (Decap CMS, or Sveltia CMS, which reads the same
//! configuration) that `signpost build` writes to `admin/` when it is switched on.

use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use serde::Deserialize;

/// The Decap CMS release the admin page loads by default.
pub const DECAP_VERSION: &str = "3.16.3";
/// Where the admin page loads Decap CMS from by default: a pinned release on a public CDN.
pub const DEFAULT_SCRIPT_URL: &str = "https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js";
/// The Subresource Integrity hash of [`DEFAULT_SCRIPT_URL`], so a changed file is refused.
pub const DEFAULT_SCRIPT_INTEGRITY: &str = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";

/// Settings for the browser editor.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CmsConfig {
    /// Write `admin/index.html` and `admin/config.yml` (default: false).
    #[serde(default)]
    pub enabled: bool,
    /// The CMS backend: `github`, `gitlab` or `git-gateway` (Netlify Identity).
    #[serde(default = "default_backend")]
    pub backend: String,
    /// The repository, `owner/name`, for the `github` and `gitlab` backends.
    #[serde(default)]
    pub repo: Option<String>,
    /// The branch editors' changes go to (default `main`).
    #[serde(default = "default_branch")]
    pub branch: String,
    /// The address of the OAuth service that logs editors in to GitHub (`base_url` in Decap).
    #[serde(default)]
    pub auth_url: Option<String>,
    /// Save changes as pull requests for review first (Decap's editorial workflow).
    #[serde(default)]
    pub editorial_workflow: bool,
    /// Edit the files on this computer through `npx decap-server`: `true` for its usual address
    /// (`http://localhost:8081/api/v1`), or the address of its API.
    #[serde(default)]
    pub local_backend: LocalBackend,
    /// Where the admin page loads the CMS script from (default: a pinned Decap release).
    #[serde(default = "default_script_url")]
    pub script_url: String,
    /// The script's Subresource Integrity hash (`sha384-…`); empty for none, which is only
    /// allowed for a script on the site itself.
    #[serde(default = "default_script_integrity")]
    pub script_integrity: String,
}

/// Whether, and where, the CMS talks to `decap-server` on this computer.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(untagged)]
pub enum LocalBackend {
    /// `true` for the usual address, `false` for none.
    Switch(bool),
    /// The address of the local API, e.g. `http://127.0.0.1:8081/api/v1`.
    Address(String),
    /// Not set.
    #[default]
    #[serde(skip)]
    Off,
}

impl LocalBackend {
    /// The usual address of `decap-server`'s API.
    pub const USUAL: &'static str = "http://localhost:8081/api/v1";

    /// The local API's address, when local editing is on.
    pub fn address(&self) -> Option<&str> {
        match self {
            LocalBackend::Switch(true) => Some(Self::USUAL),
            LocalBackend::Address(address) => Some(address),
            LocalBackend::Switch(false) | LocalBackend::Off => None,
        }
    }
}

impl Default for CmsConfig {
    fn default() -> Self {
        CmsConfig {
            enabled: false,
            backend: default_backend(),
            repo: None,
            branch: default_branch(),
            auth_url: None,
            editorial_workflow: false,
            local_backend: LocalBackend::Off,
            script_url: default_script_url(),
            script_integrity: default_script_integrity(),
        }
    }
}

fn default_backend() -> String {
    "git-gateway".to_string()
}
fn default_branch() -> String {
    "main".to_string()
}
fn default_script_url() -> String {
    DEFAULT_SCRIPT_URL.to_string()
}
fn default_script_integrity() -> String {
    DEFAULT_SCRIPT_INTEGRITY.to_string()
}

/// The backends the admin page can use.
pub const BACKENDS: [&str; 3] = ["github", "gitlab", "git-gateway"];

impl CmsConfig {
    /// Checks the values that parse but cannot work.
    pub(super) fn validate(&self, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let mut problem = |key: &str, message: String, fix: &str| {
            let (line, column) = super::find_key(text, key);
            problems.push(Diagnostic::error(super::CONFIG_FILE, line, column, Rule::CONFIG_VALUE, message).with_suggestion(fix));
        };
        if !BACKENDS.contains(&self.backend.as_str()) {
            problem(
                "backend",
                format!("[cms] backend `{}` is not one Signpost knows", self.backend),
                "Use backend = \"github\", \"gitlab\" or \"git-gateway\" (Netlify Identity).",
            );
        }
        if self.backend != "git-gateway" && self.repo.as_deref().is_none_or(|r| !is_repo(r)) {
            problem(
                "backend",
                format!("[cms] backend `{}` needs the repository", self.backend),
                "Add repo = \"owner/name\" under [cms], for example repo = \"walsall-council/local-offer\".",
            );
        }
        let remote = self.script_url.starts_with("https://");
        if !remote && !self.script_url.starts_with('/') && !self.script_url.starts_with("./") {
            problem(
                "script_url",
                format!(
                    "[cms] script_url `{}` is not an https:// address or an address on the site",
                    self.script_url
                ),
                "Use the pinned default (leave script_url out), an https:// address, or a file you host, such as \"/assets/decap-cms.js\".",
            );
        }
        if remote && !self.script_integrity.starts_with("sha384-") && !self.script_integrity.starts_with("sha512-") {
            problem(
                "script_integrity",
                "[cms] a script from another website needs its integrity hash".to_string(),
                "Add script_integrity = \"sha384-…\" (the hash the CDN shows for that exact version), or host the script on the site.",
            );
        }
        if let LocalBackend::Address(address) = &self.local_backend
            && !(address.starts_with("http://127.0.0.1:") || address.starts_with("http://localhost:"))
        {
            problem(
                "local_backend",
                format!("[cms] local_backend `{address}` is not on this computer"),
                "Use local_backend = true, or the address decap-server prints, such as \"http://127.0.0.1:8081/api/v1\".",
            );
        }
        problems
    }

    /// The host (scheme and authority) of the CMS script, when it is on another website.
    pub fn script_origin(&self) -> Option<String> {
        let address = url::Url::parse(&self.script_url).ok().filter(|a| a.scheme() == "https")?;
        address.has_host().then(|| address.origin().ascii_serialization())
    }
}

fn is_repo(text: &str) -> bool {
    let mut parts = text.split('/');
    let ok = |part: Option<&str>| part.is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> CmsConfig {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn off_by_default_with_the_pinned_script() {
        let config = CmsConfig::default();
        assert!(!config.enabled);
        assert_eq!(config.script_origin().as_deref(), Some("https://unpkg.com"));
        let origin = |script_url: &str| {
            CmsConfig {
                script_url: script_url.to_string(),
                ..CmsConfig::default()
            }
            .script_origin()
        };
        assert_eq!(
            origin("https://cdn.example:8443/decap.js").as_deref(),
            Some("https://cdn.example:8443")
        );
        assert_eq!(origin("https://cdn.example?v=3").as_deref(), Some("https://cdn.example"));
        assert_eq!(origin("/assets/decap-cms.js"), None);
        assert_eq!(origin("http://cdn.example/decap.js"), None);
        assert!(config.script_url.contains(DECAP_VERSION));
        assert!(config.validate("").is_empty());
    }

    #[test]
    fn local_backend_is_a_switch_or_an_address() {
        assert_eq!(parse("local_backend = true").local_backend.address(), Some(LocalBackend::USUAL));
        assert_eq!(parse("local_backend = false").local_backend.address(), None);
        let config = parse("local_backend = \"http://127.0.0.1:9000/api/v1\"");
        assert_eq!(config.local_backend.address(), Some("http://127.0.0.1:9000/api/v1"));
        assert!(config.validate("").is_empty());
        assert_eq!(parse("local_backend = \"https://example.org/api\"").validate("").len(), 1);
    }

    #[test]
    fn github_needs_a_repository_and_a_cdn_script_needs_its_hash() {
        assert_eq!(parse("backend = \"github\"").validate("").len(), 1);
        assert!(
            parse("backend = \"github\"\nrepo = \"council/local-offer\"")
                .validate("")
                .is_empty()
        );
        assert_eq!(parse("backend = \"svn\"").validate("").len(), 2);
        assert_eq!(
            parse("script_url = \"https://cdn.example.org/cms.js\"\nscript_integrity = \"\"")
                .validate("")
                .len(),
            1
        );
        assert!(
            parse("script_url = \"/assets/decap-cms.js\"\nscript_integrity = \"\"")
                .validate("")
                .is_empty()
        );
        assert_eq!(parse("script_url = \"javascript:alert(1)\"").validate("").len(), 1);
    }
}
