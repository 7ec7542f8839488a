//! Walking `content/` and reading every file into the typed model, collecting every problem.

use super::front_matter;
use super::inside::{SiteFolder, WalkedFile};
use super::model::*;
use super::text_fields::{FieldCleaner, FieldLocator, Key};
use super::translations::FileLanguage;
use super::{SourceTexts, is_slug, slugify};
use super::{YOU_SAID_WE_DID_FILE, YouSaidWeDid, locate_comments};
use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, display_path};
use crate::rules::Rule;
use crate::yaml::{self, Spanned, YamlError};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// At most this many mistakes are reported for one service (each one is found by reading it again).
const MAX_MISTAKES_PER_SERVICE: usize = 30;

/// The folder under the site root that holds the content.
pub const CONTENT_DIR: &str = "content";
/// The key a file of services may put its list under (`services:`), for the browser editor.
pub const SERVICE_LIST_KEY: &str = "services";
/// The key the glossary may put its list under (`terms:`), for the browser editor.
pub const GLOSSARY_LIST_KEY: &str = "terms";

/// Reads the whole site. Returns `None` only when `site.toml` itself cannot be used; otherwise
/// every problem found is in the diagnostics and the good parts are loaded, so authors see all
/// errors in one run.
pub fn load_site(root: &Path, include_drafts: bool) -> (Option<Site>, Vec<Diagnostic>) {
    load_site_cached(root, include_drafts, None)
}

/// What reading one content file gave, kept so an unchanged file need not be parsed again.
#[derive(Debug, Clone, Default)]
struct FileResult {
    text: Option<std::sync::Arc<str>>,
    pages: Vec<Page>,
    services: Vec<Service>,
    contacts: Vec<(String, ContactBlock)>,
    glossary: Vec<GlossaryTerm>,
    diagnostics: Vec<Diagnostic>,
    you_said_we_did: Option<YouSaidWeDid>,
}

/// Parsed content files by path and content hash, for `signpost serve`'s rebuilds. A file whose
/// bytes have not changed is taken from here instead of being parsed again; the result is the same.
#[derive(Debug, Default)]
pub struct LoadCache {
    /// The settings the entries were read with (drafts, file size limit): a change empties the cache.
    settings: Option<(bool, u64)>,
    files: BTreeMap<PathBuf, (Option<Stamp>, blake3::Hash, FileResult)>,
}

/// A file's size and modification time, trusted to mean "unchanged" only when the file was
/// already older than [`SETTLED`] when it was read (so a write in the same clock tick is not missed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: std::time::SystemTime,
    /// The inode change time (Unix), which no tool can set back, unlike the modification time.
    changed: (i64, i64),
}

/// How old a file must be before its size and time are trusted.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let changed = {
        use std::os::unix::fs::MetadataExt;
        (meta.ctime(), meta.ctime_nsec())
    };
    #[cfg(not(unix))]
    let changed = (0, 0);
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok()?,
        changed,
    })
}

fn settled(stamp: &Stamp) -> bool {
    stamp.modified.elapsed().is_ok_and(|age| age > SETTLED)
}

/// Like [`load_site`], but takes unchanged files from `cache` and stores the files it parses there.
pub fn load_site_cached(root: &Path, include_drafts: bool, mut cache: Option<&mut LoadCache>) -> (Option<Site>, Vec<Diagnostic>) {
    let config = match SiteConfig::load(root) {
        Ok(config) => config,
        Err(problems) => return (None, problems),
    };
    let mut loader = Loader::new(root, &config, include_drafts, SourceTexts::new(&config_text(root)));
    if let Some(cache) = cache.as_deref_mut() {
        let settings = (include_drafts, config.checks.max_file_kb);
        if cache.settings != Some(settings) {
            cache.files.clear();
            cache.settings = Some(settings);
        }
    }
    loader.walk(cache);
    loader.keep_word_lists();
    let Loader {
        mut pages,
        mut services,
        contacts,
        mut glossary,
        mut diagnostics,
        you_said_we_did,
        sources,
        ..
    } = loader;
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    services.sort_by(|a, b| {
        a.id.cmp(&b.id)
            .then_with(|| a.source.file.cmp(&b.source.file))
            .then(a.source.line.cmp(&b.source.line))
    });
    glossary.sort_by_key(|t| t.term.to_lowercase());
    let (places, found) = super::places::load(root, &sources);
    diagnostics.extend(found);
    places.locate_venues(&mut services);
    for id in &config.contacts.every_page {
        if !contacts.contains_key(id) {
            diagnostics.push(
                Diagnostic::error(format!("{CONTENT_DIR}/contacts/{id}.yaml"), 0, 0, Rule::CONTACT_MISSING, format!("The contact block `{id}` is meant to be on every page, but its file does not exist"))
                    .with_subject(crate::diagnostic::Subject::Missing(format!("contact:{id}")))
                    .with_suggestion(format!("Create {CONTENT_DIR}/contacts/{id}.yaml with at least `name:` and `summary:`, or remove \"{id}\" from [contacts] every_page in site.toml.")),
            );
        }
    }
    let site = Site {
        config,
        pages,
        services,
        contacts,
        glossary,
        you_said_we_did,
        sources,
        places,
    };
    (Some(site), diagnostics)
}

/// The text of `site.toml` (read as [`SiteConfig::load`] reads it), empty when it cannot be read.
fn config_text(root: &Path) -> String {
    SiteFolder::new(root)
        .ok()
        .and_then(|site| site.read_to_string(&root.join(crate::config::CONFIG_FILE)).ok())
        .unwrap_or_default()
}

struct Loader<'a> {
    root: &'a Path,
    config: &'a SiteConfig,
    include_drafts: bool,
    diagnostics: Vec<Diagnostic>,
    pages: Vec<Page>,
    services: Vec<Service>,
    contacts: BTreeMap<String, ContactBlock>,
    glossary: Vec<GlossaryTerm>,
    you_said_we_did: Option<YouSaidWeDid>,
    sources: SourceTexts,
}

/// What a file in `content/` is, decided from where it is and its extension.
enum FileKind {
    Page,
    ServiceMarkdown,
    ServiceList,
    Contact,
    Glossary,
    YouSaidWeDid,
    /// Read and kept for another part of the pipeline (events, search words, redirects, the
    /// picture library), which parses it from [`SourceTexts`].
    Kept,
    Ignored,
    Unknown,
}

/// Hidden files and editors' backup and lock files (`.x`, `x~`, `#x#`), which are never looked at.
fn is_scratch(relative: &Path) -> bool {
    let name = relative.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

/// True for `.yaml` and `.yml` files, whatever the case of the extension.
fn is_yaml_file(relative: &Path) -> bool {
    relative
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn classify(relative: &Path) -> FileKind {
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let extension = relative.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if is_scratch(relative) {
        return FileKind::Ignored;
    }
    let is_yaml = extension == "yaml" || extension == "yml";
    match (parts.first().map(String::as_str), parts.len(), extension.as_str()) {
        (Some("services"), _, "md") => FileKind::ServiceMarkdown,
        (Some("services"), _, _) if is_yaml => FileKind::ServiceList,
        (Some("contacts"), 2, _) if is_yaml => FileKind::Contact,
        (Some(_), 1, _) if is_yaml && relative.file_stem().is_some_and(|s| s == "glossary") => FileKind::Glossary,
        // parsed by the events module (crate::content::events)
        (Some("events"), 2, _) if is_yaml => FileKind::Kept,
        (Some("events"), _, _) if is_yaml => FileKind::Ignored,
        // parsed by the search module (crate::search::synonyms)
        (Some("search-synonyms.yaml"), 1, _) => FileKind::Kept,
        // parsed by crate::output::redirects
        (Some("redirects.yaml"), 1, _) => FileKind::Kept,
        // the files of the published site's top belong in static/ (reported by
        // crate::output::static_files::misplaced)
        (Some("CNAME" | "_redirects" | "_headers"), 1, _) => FileKind::Ignored,
        (Some(name), 1, _) if name == YOU_SAID_WE_DID_FILE => FileKind::YouSaidWeDid,
        (Some(name), 1, _) if name == super::easy_read::PICTURE_LIBRARY_FILE => FileKind::Kept,
        // parsed by crate::content::places; its postcode extracts (which can be as big as the
        // whole country's) are streamed by it while loading, a line at a time, not kept
        (Some(name), 1, _) if name == super::places::PLACES_FILE => FileKind::Kept,
        (Some(super::places::EXTRACT_DIR), 2, "csv") => FileKind::Ignored,
        (_, _, "md") => FileKind::Page,
        _ => FileKind::Unknown,
    }
}

/// The folder beside `content/` with the site's own plain-language word lists.
pub const WORD_LISTS_DIR: &str = "plain-language";

impl<'a> Loader<'a> {
    /// Keeps the text of each YAML file in `plain-language/` for the plain-language checks.
    fn keep_word_lists(&mut self) {
        let folder = self.root.join(WORD_LISTS_DIR);
        if !folder.is_dir() {
            return;
        }
        let Ok(site) = SiteFolder::new(self.root) else { return };
        let (files, problems) = site.walk(&folder, &is_scratch);
        self.diagnostics.extend(problems);
        for walked in files {
            if is_yaml_file(&walked.path) {
                let file = display_path(self.root, &walked.path);
                if let Some(text) = self.read_text(&walked.real, &file) {
                    self.sources.insert(&file, std::sync::Arc::from(text.as_str()));
                }
            }
        }
    }

    fn walk(&mut self, cache: Option<&mut LoadCache>) {
        let content = self.root.join(CONTENT_DIR);
        if !content.is_dir() {
            self.diagnostics.push(
                Diagnostic::error(CONTENT_DIR, 0, 0, Rule::CONTENT_MISSING, "There is no content folder")
                    .with_suggestion("Create a `content` folder beside site.toml for the pages and services, or run `signpost init DIR` to start a new site."),
            );
            return;
        }
        let site = match SiteFolder::new(self.root) {
            Ok(site) => site,
            Err(error) => {
                self.diagnostics.push(Diagnostic::error(
                    CONTENT_DIR,
                    0,
                    0,
                    Rule::READ_ERROR,
                    format!("Cannot open the site folder: {error}"),
                ));
                return;
            }
        };
        // Every other entry is checked for links out of the site, even the files that other
        // modules read (the synonyms and the picture library), so those links are reported here.
        let (files, problems) = site.walk(&content, &is_scratch);
        self.diagnostics.extend(problems);
        match cache {
            Some(cache) => files.iter().for_each(|file| self.read_file_cached(file, cache)),
            None => {
                // Files are read and parsed side by side, each by a loader of its own, and put
                // together in the walk's order: the same result as reading them one by one.
                let parts: Vec<Loader<'_>> = files
                    .par_iter()
                    .map(|file| {
                        let mut part = self.part();
                        part.read_file(file);
                        part
                    })
                    .collect();
                self.services.reserve(parts.iter().map(|p| p.services.len()).sum());
                self.pages.reserve(parts.iter().map(|p| p.pages.len()).sum());
                parts.into_iter().for_each(|part| self.absorb(part));
            }
        }
    }

    /// A loader that has read nothing yet.
    fn new(root: &'a Path, config: &'a SiteConfig, include_drafts: bool, sources: SourceTexts) -> Self {
        Loader {
            root,
            config,
            include_drafts,
            diagnostics: Vec::new(),
            pages: Vec::new(),
            services: Vec::new(),
            contacts: BTreeMap::new(),
            glossary: Vec::new(),
            you_said_we_did: None,
            sources,
        }
    }

    /// An empty loader for the same site, to read some of its files.
    fn part(&self) -> Self {
        Loader::new(self.root, self.config, self.include_drafts, SourceTexts::new(""))
    }

    /// Takes in what a [`Loader::part`] read, after what this one read before.
    fn absorb(&mut self, part: Self) {
        self.sources.absorb(part.sources);
        self.take(FileResult {
            text: None,
            pages: part.pages,
            services: part.services,
            contacts: part.contacts.into_iter().collect(),
            glossary: part.glossary,
            diagnostics: part.diagnostics,
            you_said_we_did: part.you_said_we_did,
        });
    }

    /// Adds what one file gave (after what was read before); its text is kept apart.
    fn take(&mut self, result: FileResult) {
        self.pages.extend(result.pages);
        self.services.extend(result.services);
        self.contacts.extend(result.contacts);
        self.glossary.extend(result.glossary);
        self.diagnostics.extend(result.diagnostics);
        if result.you_said_we_did.is_some() {
            self.you_said_we_did = result.you_said_we_did;
        }
    }

    fn read_file(&mut self, walked: &WalkedFile) {
        let path = walked.path.as_path();
        let content_dir = self.root.join(CONTENT_DIR);
        let relative = path.strip_prefix(&content_dir).unwrap_or(path).to_path_buf();
        let file = display_path(self.root, path);
        let kind = classify(&relative);
        match kind {
            FileKind::Ignored => return,
            FileKind::Unknown => {
                // A list of services in the wrong folder would vanish: an error, not a warning.
                let limit = self.config.checks.max_file_kb.saturating_mul(1024);
                if is_yaml_file(&relative)
                    && std::fs::metadata(&walked.real).is_ok_and(|meta| meta.len() <= limit)
                    && let Ok(text) = std::fs::read_to_string(&walked.real)
                    && super::misplaced::looks_like_services(&text)
                {
                    // kept for the root-cause grouping: links to its services follow from this
                    self.sources.insert(&file, std::sync::Arc::from(text.as_str()));
                    self.diagnostics.push(super::misplaced::services_outside_folder(&file));
                    return;
                }
                self.diagnostics.push(
                    Diagnostic::warning(
                        &file,
                        0,
                        0,
                        Rule::UNUSED_FILE,
                        "Signpost does not use this file, so it will not be on the site",
                    )
                    .with_suggestion(
                        "Put images and documents in the `assets` folder and link to them as /assets/NAME. Pages must end in .md.",
                    ),
                );
                return;
            }
            _ => {}
        }
        let Some(text) = self.read_text(&walked.real, &file) else { return };
        self.sources.insert(&file, std::sync::Arc::from(text.as_str()));
        match kind {
            FileKind::Page => self.load_page(&relative, &file, &text),
            FileKind::ServiceMarkdown => self.load_service_markdown(&file, &text),
            FileKind::ServiceList => self.load_service_list(&file, &text),
            FileKind::Contact => self.load_contact(&relative, &file, &text),
            FileKind::Glossary => self.load_glossary(&file, &text),
            FileKind::YouSaidWeDid => self.load_you_said_we_did(&file, &text),
            FileKind::Kept | FileKind::Ignored | FileKind::Unknown => {}
        }
    }

    /// Reads one file through the cache: an entry with the same bytes is reused, anything else is
    /// read afresh and remembered. Files that cannot be read are never cached.
    fn read_file_cached(&mut self, walked: &WalkedFile, cache: &mut LoadCache) {
        let path = walked.path.as_path();
        let stamp = stamp_of(&walked.real);
        let same_stamp = |cached: &Option<Stamp>| stamp.is_some() && *cached == stamp;
        let hash = match cache.files.get(path) {
            Some((cached, hash, _)) if same_stamp(cached) => *hash,
            _ => match std::fs::read(&walked.real) {
                Ok(bytes) => blake3::hash(&bytes),
                Err(_) => return self.read_file(walked),
            },
        };
        let trusted = stamp.filter(settled);
        if let Some((cached_stamp, cached_hash, result)) = cache.files.get_mut(path)
            && *cached_hash == hash
        {
            *cached_stamp = trusted;
            let mut result = result.clone();
            if let Some(text) = result.text.take() {
                let file = display_path(self.root, path);
                self.sources.insert(&file, text);
                self.sources.set_hash(&file, hash);
            }
            self.take(result);
            return;
        }
        let before = (self.pages.len(), self.services.len(), self.glossary.len(), self.diagnostics.len());
        let contacts_before = self.contacts.clone();
        self.read_file(walked);
        let result = FileResult {
            text: self.sources.shared(&display_path(self.root, path)),
            pages: self.pages[before.0..].to_vec(),
            services: self.services[before.1..].to_vec(),
            contacts: self
                .contacts
                .iter()
                .filter(|(id, block)| contacts_before.get(*id) != Some(*block))
                .map(|(id, block)| (id.clone(), block.clone()))
                .collect(),
            glossary: self.glossary[before.2..].to_vec(),
            diagnostics: self.diagnostics[before.3..].to_vec(),
            you_said_we_did: self
                .you_said_we_did
                .clone()
                .filter(|data| Some(&data.file) == Some(&display_path(self.root, path))),
        };
        if result.text.is_some() {
            self.sources.set_hash(&display_path(self.root, path), hash);
        }
        cache.files.insert(path.to_path_buf(), (trusted, hash, result));
    }

    /// Reads a text file, refusing huge and binary files with a clear message.
    fn read_text(&mut self, path: &Path, file: &str) -> Option<String> {
        let limit = self.config.checks.max_file_kb.saturating_mul(1024);
        match std::fs::metadata(path) {
            Ok(meta) if meta.len() > limit => {
                self.diagnostics.push(
                    Diagnostic::error(
                        file,
                        0,
                        0,
                        Rule::FILE_TOO_LARGE,
                        format!(
                            "This file is {} KB, more than the limit of {} KB",
                            meta.len() / 1024,
                            self.config.checks.max_file_kb
                        ),
                    )
                    .with_suggestion(
                        "Split it into smaller files, or raise [checks] max_file_kb in site.toml if it really must be this big.",
                    ),
                );
                return None;
            }
            Ok(_) => {}
            Err(error) => {
                self.diagnostics.push(Diagnostic::error(
                    file,
                    0,
                    0,
                    Rule::READ_ERROR,
                    format!("Cannot read this file: {error}"),
                ));
                return None;
            }
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.diagnostics.push(Diagnostic::error(
                    file,
                    0,
                    0,
                    Rule::READ_ERROR,
                    format!("Cannot read this file: {error}"),
                ));
                return None;
            }
        };
        if bytes.contains(&0) {
            self.diagnostics.push(
                Diagnostic::error(
                    file,
                    0,
                    0,
                    Rule::NOT_TEXT,
                    "This is not a text file (it looks like a picture, document or other binary file)",
                )
                .with_suggestion(
                    "Only Markdown (.md) and YAML (.yaml) text files belong in `content`. Put pictures and documents in `assets`.",
                ),
            );
            return None;
        }
        match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(error) => {
                let (line, column) = crate::location::line_column(
                    &String::from_utf8_lossy(&error.as_bytes()[..error.utf8_error().valid_up_to()]),
                    error.utf8_error().valid_up_to(),
                );
                self.diagnostics.push(
                    Diagnostic::error(
                        file,
                        line,
                        column,
                        Rule::NOT_UTF8,
                        "This file has characters that are not saved as UTF-8",
                    )
                    .with_suggestion("Save the file as UTF-8 in your editor (often under 'Save as' or 'Encoding')."),
                );
                None
            }
        }
    }

    fn yaml_diagnostic(&self, file: &str, error: YamlError, first_line: usize) -> Diagnostic {
        let line = if error.line == 0 { first_line } else { error.line + first_line - 1 };
        Diagnostic::error(file, line, error.column, error.rule, error.message).with_suggestion(error.suggestion)
    }

    fn keep(&self, status: Status) -> bool {
        self.include_drafts || status == Status::Published
    }

    fn load_page(&mut self, relative: &Path, file: &str, text: &str) {
        if front_matter::opened_but_not_closed(text) {
            self.diagnostics.push(front_matter::unclosed_diagnostic(file, text));
            return;
        }
        let Some(parts) = front_matter::split(text) else {
            self.diagnostics.push(
                Diagnostic::error(file, 1, 1, Rule::FRONT_MATTER_MISSING, "This page does not start with front matter (the title, summary and review details between two `---` lines)")
                    .with_suggestion("Start the file with `---`, then lines such as `title: ...`, `summary: ...`, `last_reviewed: 2026-01-31`, `owner: ...`, then `---`."),
            );
            return;
        };
        let (language, address_path) = match super::translations::file_language(relative, &self.config.languages) {
            FileLanguage::Main => (None, relative.to_path_buf()),
            FileLanguage::Listed { tag, source } => {
                if let Some(problem) = translation_not_supported(relative, &source, file) {
                    self.diagnostics.push(problem);
                    return;
                }
                (Some(tag), source)
            }
            FileLanguage::Unlisted(tag) => {
                self.diagnostics.push(unlisted_language(file, &tag, &self.config.languages));
                return;
            }
        };
        let url = match page_url(&address_path) {
            Ok(url) => match &language {
                Some(tag) => super::translations::translation_url(tag, &url),
                None => url,
            },
            Err(bad) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        file,
                        0,
                        0,
                        Rule::FILE_NAME,
                        format!("The name `{bad}` cannot be used in a web address"),
                    )
                    .with_suggestion("Use lowercase letters, numbers and hyphens in file and folder names, for example `short-breaks.md`."),
                );
                return;
            }
        };
        if let Some(problem) = super::news::reserved_file(relative, file) {
            self.diagnostics.push(problem);
            return;
        }
        let yaml_text = without_language_field(file, &parts, &mut self.diagnostics);
        let parsed = if super::news::is_news_file(relative) {
            super::news::parse(self.root, file, &parts, &mut self.diagnostics)
        } else {
            yaml::parse::<PageMeta>(&yaml_text)
        };
        match parsed {
            Ok(mut meta) => {
                if self.keep(meta.status) {
                    let lines = yaml::context::lines(parts.yaml);
                    let locator = FieldLocator::whole(&lines, parts.yaml_first_line);
                    let mut cleaner = FieldCleaner::new(file, locator, &self.config.content.link_schemes);
                    cleaner.page(&mut meta);
                    self.diagnostics.extend(cleaner.diagnostics);
                    meta.redirect_positions = (0..meta.redirects.len())
                        .map(|index| locator.find(&[Key::Name("redirects"), Key::Item(index)]))
                        .collect();
                    self.diagnostics.extend(translation_fields(
                        file,
                        &meta,
                        language.as_deref(),
                        &locator,
                        parts.yaml_first_line,
                    ));
                    self.pages.push(Page {
                        source: SourceRef {
                            file: file.to_string(),
                            line: 1,
                            column: 1,
                        },
                        url,
                        meta,
                        body: parts.body.to_string(),
                        body_first_line: parts.body_first_line,
                        language,
                    });
                }
            }
            Err(error) => {
                let diagnostic = self.yaml_diagnostic(file, error, parts.yaml_first_line);
                self.diagnostics.push(diagnostic);
            }
        }
    }

    fn load_service_markdown(&mut self, file: &str, text: &str) {
        if front_matter::opened_but_not_closed(text) {
            self.diagnostics.push(front_matter::unclosed_diagnostic(file, text));
            return;
        }
        let Some(parts) = front_matter::split(text) else {
            self.diagnostics.push(
                Diagnostic::error(file, 1, 1, Rule::FRONT_MATTER_MISSING, "This service file does not start with the service's details between two `---` lines")
                    .with_suggestion("Start the file with `---`, the fields (name, category, summary, provider, ages, access, cost, contact, where, last_reviewed), then `---`, then the description."),
            );
            return;
        };
        match yaml::parse::<ServiceRecord>(parts.yaml) {
            Ok(mut record) => {
                if record.description.is_some() {
                    self.diagnostics.push(
                        Diagnostic::error(
                            file,
                            parts.yaml_first_line,
                            1,
                            Rule::DESCRIPTION_TWICE,
                            "This service has a `description:` field and also text below the front matter",
                        )
                        .with_suggestion(
                            "In a Markdown service file, write the description below the second `---` and remove the `description:` field.",
                        ),
                    );
                }
                if !parts.body.trim().is_empty() {
                    record.description = Some(parts.body.to_string());
                }
                let source = SourceRef {
                    file: file.to_string(),
                    line: parts.yaml_first_line,
                    column: 1,
                };
                let lines = yaml::context::lines(parts.yaml);
                let locator = FieldLocator::whole(&lines, parts.yaml_first_line);
                self.add_service(record, source, parts.body_first_line, locator, Some((parts.body_first_line, 0)));
            }
            Err(error) => {
                let diagnostic = self.yaml_diagnostic(file, error, parts.yaml_first_line);
                self.diagnostics.push(diagnostic);
            }
        }
    }

    fn load_service_list(&mut self, file: &str, text: &str) {
        if text.trim().is_empty() {
            self.diagnostics.push(
                Diagnostic::warning(file, 0, 0, Rule::EMPTY_FILE, "This service file is empty")
                    .with_suggestion("Add services, or delete the file."),
            );
            return;
        }
        match yaml::parse_list::<ServiceRecord>(text, SERVICE_LIST_KEY) {
            Ok(items) => {
                let positions: Vec<yaml::Position> = items.iter().map(yaml::position_of).collect();
                let lines = yaml::context::lines(text);
                for (index, item) in items.into_iter().enumerate() {
                    let position = positions[index];
                    let end = positions.get(index + 1).map(|next| next.line).unwrap_or(usize::MAX);
                    let source = SourceRef {
                        file: file.to_string(),
                        line: position.line,
                        column: position.column,
                    };
                    let locator = FieldLocator::new(&lines, position.line, end);
                    self.add_service(item.value, source, position.line, locator, None);
                }
            }
            Err(error) => {
                if error.rule == Rule::NOT_A_LIST {
                    self.diagnostics.push(
                        Diagnostic::error(
                            file,
                            error.line.max(1),
                            error.column.max(1),
                            Rule::NOT_A_LIST,
                            "A service file must be a list of services",
                        )
                        .with_suggestion("Start each service with `- ` at the beginning of a line, for example `- name: Swim club`."),
                    );
                    return;
                }
                if !self.recover_service_list(file, text) {
                    let diagnostic = self.yaml_diagnostic(file, error, 1);
                    self.diagnostics.push(diagnostic);
                }
            }
        }
    }

    /// After an error in a list of services, reads each service on its own (cut from the text at
    /// each top-level `- `, so even a syntax error only spoils its own service), so every mistake
    /// in the file is reported and the good services are still built. Returns false when nothing
    /// was reported this way (the file's structure is too broken to find the services in it).
    fn recover_service_list(&mut self, file: &str, text: &str) -> bool {
        let before = self.diagnostics.len();
        for item in list_items(text) {
            self.recover_service(file, text, &item);
        }
        self.diagnostics.len() > before
    }

    /// Reads one service cut from a list, reporting each of its mistakes: after each one, the
    /// field it is in is taken out (a required field is given a stand-in value) and the service is
    /// read again, so one run shows them all. A service with mistakes is never published, but the
    /// checks on its other fields still run, so their problems are in the same run too.
    fn recover_service(&mut self, file: &str, text: &str, item: &ListItem) {
        // Padded with empty lines so that lines and columns are those of the whole file; every
        // line ends in `\n` here, so the parser counts lines as the file's lines are counted.
        let mut lines: Vec<String> = std::iter::repeat_n(String::new(), item.first_line - 1)
            .chain(
                lines_with_offsets(&text[item.start..item.end])
                    .into_iter()
                    .map(|(_, line)| line.to_string()),
            )
            .collect();
        let first_prefix: String = lines[item.first_line - 1].chars().take(item.column - 1).collect();
        let indent = " ".repeat(item.column - 1);
        let own_lines = lines.len();
        let file_lines = crate::yaml::context::lines(text);
        let mut reported = std::collections::BTreeSet::new();
        let mut stood_in = std::collections::BTreeSet::new();
        let mut misspelt: Vec<String> = Vec::new();
        let mut repaired: Vec<String> = Vec::new();
        for _ in 0..MAX_MISTAKES_PER_SERVICE {
            let piece = lines.join("\n");
            let error = match yaml::parse::<Vec<Spanned<ServiceRecord>>>(&piece) {
                Ok(records) => {
                    for record in records {
                        self.add_recovered_service(file, &file_lines, item, record, !repaired.is_empty());
                    }
                    return;
                }
                Err(error) => error,
            };
            // A problem in the stand-ins added below the service is not the author's.
            if error.line > own_lines || stood_in.contains(&error.line) {
                return;
            }
            let missing = error.rule == Rule::MISSING_FIELD;
            if missing
                && let Some(field) = error.missing_field
                && repaired.iter().any(|repaired| repaired == field)
            {
                return;
            }
            // A required field missing because it was misspelt (`coast` for `cost`) is the same
            // mistake, already reported: give it a stand-in without a second error.
            let missing_name = missing.then(|| error.missing_field.unwrap_or("").to_string());
            if let Some(field) = &missing_name
                && misspelt
                    .iter()
                    .any(|wrong: &String| crate::suggest::closest(wrong, [field.as_str()]).is_some())
                && let Some(value) = stand_in(field, self.config)
            {
                lines.push(format!("{indent}{field}: {value}"));
                repaired.push(field.clone());
                continue;
            }
            let unknown = error.rule == Rule::UNKNOWN_FIELD;
            let whole_item = matches!(error.rule, Rule::YAML_TOO_DEEP | Rule::YAML_TOO_COMPLEX);
            let (line, column) = if error.line == 0 || missing {
                (item.first_line, item.column)
            } else {
                (error.line, error.column)
            };
            // The parser can lose count inside a long quoted text; keep the place inside the line.
            let column = file_lines
                .get(line.saturating_sub(1))
                .map(|text| column.min(text.chars().count() + 1))
                .unwrap_or(column);
            // The same problem again means taking fields out does not help: stop.
            if !reported.insert((line, column, error.rule)) {
                return;
            }
            let missing_field = missing_name;
            self.diagnostics
                .push(Diagnostic::error(file, line, column, error.rule, error.message).with_suggestion(error.suggestion));
            if whole_item {
                return;
            }
            if let Some(field) = missing_field {
                let Some(value) = stand_in(&field, self.config) else { return };
                lines.push(format!("{indent}{field}: {value}"));
                repaired.push(field);
                continue;
            }
            let Some((field, start)) = blank_field(&mut lines, item, line) else {
                return;
            };
            if unknown {
                misspelt.push(field.clone());
            }
            match stand_in(&field, self.config) {
                Some(value) => {
                    let prefix = if start == item.first_line - 1 { &first_prefix } else { &indent };
                    lines[start] = format!("{prefix}{field}: {value}");
                    stood_in.insert(start + 1);
                }
                // Without its first line the item is not a service any more: nothing more to learn.
                None if start == item.first_line - 1 => return,
                None => {}
            }
            repaired.push(field);
        }
    }

    /// Adds a service read from a list on its own. One that had mistakes (`repaired`) is not
    /// published: only the checks on its fields are run, for their problems.
    fn add_recovered_service(&mut self, file: &str, file_lines: &[&str], item: &ListItem, record: Spanned<ServiceRecord>, repaired: bool) {
        let position = yaml::position_of(&record);
        let source = SourceRef {
            file: file.to_string(),
            line: position.line,
            column: position.column,
        };
        let locator = FieldLocator::new(file_lines, position.line, item.last_line + 1);
        let before = self.services.len();
        self.add_service(record.value, source, position.line, locator, None);
        if repaired && self.services.len() > before {
            for service in self.services.split_off(before) {
                self.diagnostics.extend(crate::check::check_service(&service, self.config));
            }
        }
    }

    /// Adds a service read from its file; `locator` finds its fields in the file, and
    /// `description_start` is where its Markdown description starts (found from `locator` when `None`).
    fn add_service(
        &mut self,
        mut record: ServiceRecord,
        source: SourceRef,
        description_first_line: usize,
        locator: FieldLocator<'_>,
        description_start: Option<(usize, usize)>,
    ) {
        if !self.keep(record.status) {
            return;
        }
        let mut cleaner = FieldCleaner::new(&source.file, locator, &self.config.content.link_schemes);
        cleaner.service(&mut record);
        self.diagnostics.extend(cleaner.diagnostics);
        self.diagnostics.extend(translated::service_translations(
            &source.file,
            &mut record,
            &locator,
            &self.config.languages,
        ));
        let description_start = match description_start {
            _ if record.description.is_none() => (0, 0),
            Some(start) => start,
            None => super::text_fields::description_start(&locator),
        };
        let id = record.id.clone().unwrap_or_else(|| slugify(&record.name));
        if !is_slug(&id) {
            self.diagnostics.push(
                Diagnostic::error(
                    &source.file,
                    source.line,
                    source.column,
                    Rule::SERVICE_ID,
                    format!("The service id `{id}` cannot be used in a web address"),
                )
                .with_suggestion("Use lowercase letters, numbers and hyphens, for example `id: swim-club`."),
            );
            return;
        }
        let url = format!("/services/{id}/");
        let fields = field_positions(&record, &locator);
        self.services.push(Service {
            source,
            id,
            url,
            record,
            description_first_line,
            description_start,
            fields,
        });
    }

    fn load_contact(&mut self, relative: &Path, file: &str, text: &str) {
        let id = relative.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        if !is_slug(&id) {
            self.diagnostics.push(
                Diagnostic::error(
                    file,
                    0,
                    0,
                    Rule::FILE_NAME,
                    format!("The contact block name `{id}` must be lowercase letters, numbers and hyphens"),
                )
                .with_suggestion("Rename the file, for example `sendiass.yaml`."),
            );
            return;
        }
        match yaml::parse::<ContactBlock>(text) {
            Ok(mut block) => {
                block.id = id.clone();
                let lines = yaml::context::lines(text);
                let mut cleaner = FieldCleaner::new(file, FieldLocator::whole(&lines, 1), &self.config.content.link_schemes);
                cleaner.contact(&mut block);
                self.diagnostics.extend(cleaner.diagnostics);
                self.contacts.insert(id, block);
            }
            Err(error) => {
                let diagnostic = self.yaml_diagnostic(file, error, 1);
                self.diagnostics.push(diagnostic);
            }
        }
    }

    fn load_you_said_we_did(&mut self, file: &str, text: &str) {
        match yaml::parse::<YouSaidWeDid>(text) {
            Ok(mut data) => {
                data.file = file.to_string();
                let lines = yaml::context::lines(text);
                let mut cleaner = FieldCleaner::new(file, FieldLocator::whole(&lines, 1), &self.config.content.link_schemes);
                cleaner.you_said_we_did(&mut data);
                self.diagnostics.extend(cleaner.diagnostics);
                locate_comments(text, &mut data);
                self.you_said_we_did = Some(data);
            }
            Err(error) => {
                let diagnostic = self.yaml_diagnostic(file, error, 1);
                self.diagnostics.push(diagnostic);
            }
        }
    }

    fn load_glossary(&mut self, file: &str, text: &str) {
        match yaml::parse_list::<GlossaryTerm>(text, GLOSSARY_LIST_KEY) {
            Ok(terms) => {
                let mut seen: BTreeMap<String, usize> = BTreeMap::new();
                let positions: Vec<yaml::Position> = terms.iter().map(yaml::position_of).collect();
                let lines = yaml::context::lines(text);
                for (index, mut term) in terms.into_iter().enumerate() {
                    let position = positions[index];
                    let end = positions.get(index + 1).map(|next| next.line).unwrap_or(usize::MAX);
                    let mut cleaner = FieldCleaner::new(
                        file,
                        FieldLocator::new(&lines, position.line, end),
                        &self.config.content.link_schemes,
                    );
                    cleaner.glossary_term(&mut term.value);
                    self.diagnostics.extend(cleaner.diagnostics);
                    let key = slugify(&term.value.term);
                    if let Some(first) = seen.get(&key) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                file,
                                position.line,
                                position.column,
                                Rule::GLOSSARY_DUPLICATE,
                                format!("`{}` is already in the glossary (line {first})", term.value.term),
                            )
                            .with_suggestion("Keep one entry for each term and delete the other."),
                        );
                        continue;
                    }
                    seen.insert(key, position.line);
                    self.glossary.push(term.value);
                }
            }
            Err(error) => {
                let diagnostic = self.yaml_diagnostic(file, error, 1);
                self.diagnostics.push(diagnostic);
            }
        }
    }
}

/// The address of a page from its path inside `content/`: `advice/index.md` -> `/advice/`.
pub(crate) fn page_url(relative: &Path) -> Result<String, String> {
    let mut parts: Vec<String> = Vec::new();
    let components: Vec<PathBuf> = relative.components().map(|c| PathBuf::from(c.as_os_str())).collect();
    for (index, component) in components.iter().enumerate() {
        let last = index + 1 == components.len();
        let name = if last {
            component.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string()
        } else {
            component.to_str().unwrap_or("").to_string()
        };
        let (name, easy_read) = match name.strip_suffix(super::easy_read::EASY_READ_STEM_SUFFIX) {
            Some(stem) if last => (stem.to_string(), true),
            _ => (name, false),
        };
        if last && name == "index" {
            if easy_read {
                parts.push(super::easy_read::EASY_READ_SEGMENT.to_string());
            }
            break;
        }
        if !is_slug(&name) {
            return Err(name);
        }
        parts.push(name);
        if easy_read {
            parts.push(super::easy_read::EASY_READ_SEGMENT.to_string());
        }
    }
    if parts.is_empty() {
        Ok("/".to_string())
    } else {
        Ok(format!("/{}/", parts.join("/")))
    }
}

mod in_memory;
mod recover;
mod translated;
pub use in_memory::{LoadedFile, load_file_from_str};
use recover::{ListItem, blank_field, field_positions, lines_with_offsets, list_items, stand_in};
use translated::{translation_fields, translation_not_supported, unlisted_language, without_language_field};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_addresses_follow_the_folders() {
        assert_eq!(page_url(Path::new("index.md")).unwrap(), "/");
        assert_eq!(page_url(Path::new("advice/index.md")).unwrap(), "/advice/");
        assert_eq!(page_url(Path::new("advice/sen-support.md")).unwrap(), "/advice/sen-support/");
        assert_eq!(page_url(Path::new("Advice Pages/x.md")).unwrap_err(), "Advice Pages");
        assert_eq!(
            page_url(Path::new("advice/short-breaks.easy.md")).unwrap(),
            "/advice/short-breaks/easy-read/"
        );
        assert_eq!(page_url(Path::new("advice/index.easy.md")).unwrap(), "/advice/easy-read/");
        assert_eq!(page_url(Path::new("index.easy.md")).unwrap(), "/easy-read/");
        assert_eq!(page_url(Path::new("advice/x.easy.easy.md")).unwrap_err(), "x.easy");
    }
}
