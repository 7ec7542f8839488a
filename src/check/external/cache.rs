//! The cache of link results, `.signpost-cache/external-links.json` in the site folder, so a
//! daily run asks again only about links that are due: a link that worked is trusted for
//! `fresh_days`; one that failed is always asked about again.

use super::fetch::Answer;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The cache folder, relative to the site folder.
pub const CACHE_DIR: &str = ".signpost-cache";
/// The cache file's name inside [`CACHE_DIR`].
pub const CACHE_FILE: &str = "external-links.json";

/// One remembered result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// When it was checked, in seconds since 1970 (UTC).
    pub checked_at: u64,
    /// What the check found.
    pub answer: Answer,
}

/// Every remembered result, by address.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// The file format's version.
    pub version: u32,
    /// Results by address.
    pub links: BTreeMap<String, Entry>,
}

/// Where the cache of the site in `root` is.
pub fn cache_path(root: &Path) -> PathBuf {
    root.join(CACHE_DIR).join(CACHE_FILE)
}

impl Cache {
    /// Reads the cache; a missing or unreadable file is an empty cache (everything is checked).
    pub fn load(path: &Path) -> Cache {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_json::from_str::<Cache>(&text).ok())
            .filter(|cache| cache.version == 1)
            .unwrap_or_default()
    }

    /// The remembered result for `url` if it worked and is younger than `fresh_days` at `now`.
    pub fn fresh(&self, url: &str, now: u64, fresh_days: u32) -> Option<&Entry> {
        let entry = self.links.get(url)?;
        let age = now.checked_sub(entry.checked_at)?;
        let worked = entry.answer.error.is_none() && entry.answer.status.is_some_and(|status| (200..300).contains(&status));
        (worked && age < u64::from(fresh_days) * 86_400).then_some(entry)
    }

    /// Writes the cache (through a temporary file, so a stopped run never leaves half a file).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let folder = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(|e| format!("Cannot create {}: {e}", folder.display()))?;
        let text = serde_json::to_string_pretty(self).map_err(|e| format!("Cannot write the link cache: {e}"))?;
        let temporary = path.with_extension("json.partial");
        std::fs::write(&temporary, text).map_err(|e| format!("Cannot write {}: {e}", temporary.display()))?;
        std::fs::rename(&temporary, path).map_err(|e| format!("Cannot write {}: {e}", path.display()))
    }
}

/// Seconds since 1970 now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: Option<u16>) -> Answer {
        serde_json::from_value(serde_json::json!({
            "status": status, "redirects": [], "error": null, "attempts": 1, "millis": 5, "method": "HEAD"
        }))
        .unwrap()
    }

    #[test]
    fn only_recent_successes_are_fresh_and_the_cache_survives_a_round_trip() {
        let mut cache = Cache {
            version: 1,
            ..Cache::default()
        };
        let day = 86_400;
        cache.links.insert(
            "https://ok.example/".into(),
            Entry {
                checked_at: 10 * day,
                answer: answer(Some(200)),
            },
        );
        cache.links.insert(
            "https://gone.example/".into(),
            Entry {
                checked_at: 10 * day,
                answer: answer(Some(404)),
            },
        );
        assert!(cache.fresh("https://ok.example/", 12 * day, 7).is_some());
        assert!(cache.fresh("https://ok.example/", 17 * day, 7).is_none(), "a week old: due again");
        assert!(
            cache.fresh("https://gone.example/", 10 * day + 1, 7).is_none(),
            "failures are checked again"
        );
        assert!(cache.fresh("https://new.example/", 10 * day, 7).is_none());
        let folder = tempfile::tempdir().unwrap();
        let path = cache_path(folder.path());
        cache.save(&path).unwrap();
        let again = Cache::load(&path);
        assert_eq!(again.links, cache.links);
        std::fs::write(&path, "not json").unwrap();
        assert!(Cache::load(&path).links.is_empty());
    }
}
