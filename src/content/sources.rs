//! The text of every file the loader read, kept so that no check reads the site folder again.
//!
//! Files that were read but could not be parsed are here too (the root-cause grouping needs their
//! lines). Texts are shared (`Arc`), so cloning a site is cheap. Each file's content hash is kept
//! too (the one the cached loader computed, or worked out from the text), so that an incremental
//! build can tell which files changed without comparing what was parsed from them.

use std::collections::BTreeMap;
use std::sync::Arc;

/// The text of `site.toml` and of each content file read while loading, by site path.
#[derive(Debug, Clone, Default)]
pub struct SourceTexts {
    config: Arc<str>,
    files: BTreeMap<String, Arc<str>>,
    /// Hashes of the files' bytes, where the loader already computed them.
    hashes: BTreeMap<String, blake3::Hash>,
}

impl SourceTexts {
    /// Texts with `site.toml`'s own.
    pub fn new(config: &str) -> Self {
        SourceTexts {
            config: Arc::from(config),
            files: BTreeMap::new(),
            hashes: BTreeMap::new(),
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

    /// Remembers the hash of `file`'s bytes, as the cached loader computed it.
    /// Takes in the files another loader read (not its `site.toml`).
    pub(crate) fn absorb(&mut self, other: SourceTexts) {
        self.files.extend(other.files);
        self.hashes.extend(other.hashes);
    }

    pub(crate) fn set_hash(&mut self, file: &str, hash: blake3::Hash) {
        self.hashes.insert(file.to_string(), hash);
    }

    /// The content hash of `file`: the loader's, or one worked out from its text. `None` when the
    /// file was not read.
    pub fn fingerprint(&self, file: &str) -> Option<blake3::Hash> {
        match self.hashes.get(file) {
            Some(hash) => Some(*hash),
            None => self.get(file).map(|text| blake3::hash(text.as_bytes())),
        }
    }

    /// The site path of every content file read (not `site.toml`), in order.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}
