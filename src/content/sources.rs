//! The text of every file the loader read, kept so that no check reads the site folder again.
//!
//! Files that were read but could not be parsed are here too (the root-cause grouping needs their
//! lines). Texts are shared (`Arc`), so cloning a site is cheap.

use std::collections::BTreeMap;
use std::sync::Arc;

/// The text of `site.toml` and of each content file read while loading, by site path.
#[derive(Debug, Clone, Default)]
pub struct SourceTexts {
    config: Arc<str>,
    files: BTreeMap<String, Arc<str>>,
}

impl SourceTexts {
    /// Texts with `site.toml`'s own.
    pub fn new(config: &str) -> Self {
        SourceTexts {
            config: Arc::from(config),
            files: BTreeMap::new(),
        }
    }

    /// The text of `site.toml`.
    pub fn config(&self) -> &str {
        &self.config
    }

    /// The text of the content file at site path `file` (`content/services/health.yaml`), if it
    /// was read while loading.
    pub fn get(&self, file: &str) -> Option<&str> {
        self.files.get(file).map(|text| &**text)
    }

    /// The files directly in `folder` (a site path such as `content/events`), in name order, with
    /// their texts.
    pub fn files_in<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.files.iter().filter_map(move |(file, text)| {
            let name = file.strip_prefix(folder)?.strip_prefix('/')?;
            (!name.contains('/')).then_some((file.as_str(), &**text))
        })
    }

    /// The shared text of `file`, for keeping with a cached load.
    pub(crate) fn shared(&self, file: &str) -> Option<Arc<str>> {
        self.files.get(file).cloned()
    }

    /// Remembers what `file` holds.
    pub(crate) fn insert(&mut self, file: &str, text: Arc<str>) {
        self.files.insert(file.to_string(), text);
    }
}
