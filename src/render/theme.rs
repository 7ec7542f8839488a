//! Loading a theme: tera templates, static files (CSS, JavaScript) and the UI strings.
//!
//! A site uses `themes/<name>/` from its own folder when it has one; the `default` theme is also
//! built into the binary, so a new site needs no theme folder. Single templates can be overridden
//! by putting a file with the same name in the site's `templates/` folder.

use super::strings::{self, LanguageStrings};
use crate::config::SiteConfig;
use crate::content::inside::{SiteFolder, WalkedFile};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;

/// The default theme, built into the binary.
static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Strings the Rust code needs from `theme.toml` `[strings]`.
pub const REQUIRED_STRINGS: &[&str] = &[
    "external_link",
    "home_title",
    "services_title",
    "services_summary",
    "glossary_title",
    "glossary_summary",
    "not_found_title",
    "not_found_summary",
];

/// A loaded theme, ready to render.
pub struct Theme {
    /// The templates.
    pub tera: Tera,
    /// `[strings]` from `theme.toml`.
    pub strings: BTreeMap<String, String>,
    /// Files from `static/`, by path inside it, with their bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// The interface strings in other languages (`strings/<tag>.toml` in the theme, then in the
    /// site folder), by the tag in the file name.
    pub languages: BTreeMap<String, LanguageStrings>,
}

impl Theme {
    /// A UI string from `theme.toml` (empty if missing; missing required strings are reported on load).
    pub fn string(&self, key: &str) -> &str {
        self.strings.get(key).map(String::as_str).unwrap_or("")
    }

    /// Every UI string in the language `tag`, English where it has none (English for `None`).
    pub fn strings_in(&self, tag: Option<&str>) -> BTreeMap<String, String> {
        strings::merged(&self.strings, tag.and_then(|tag| strings::find(&self.languages, tag)))
    }

    /// Loads the theme named in the configuration.
    pub fn load(root: &Path, config: &SiteConfig) -> Result<Theme, Vec<Diagnostic>> {
        let folder = root.join("themes").join(&config.theme);
        let label = format!("themes/{}", config.theme);
        let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let site = SiteFolder::new(root).map_err(|error| {
            vec![Diagnostic::error(
                &label,
                0,
                0,
                Rule::THEME_READ,
                format!("Cannot open the site folder: {error}"),
            )]
        })?;
        if folder.is_dir() {
            for walked in walk_all(&site, &folder)? {
                let relative = crate::diagnostic::display_path(&folder, &walked.path);
                let bytes = std::fs::read(&walked.real).map_err(|error| {
                    vec![Diagnostic::error(
                        format!("{label}/{relative}"),
                        0,
                        0,
                        Rule::THEME_READ,
                        format!("Cannot read this theme file: {error}"),
                    )]
                })?;
                files.insert(relative, bytes);
            }
        } else if config.theme == "default" {
            collect_embedded(&DEFAULT_THEME, &mut files);
        } else {
            return Err(vec![
                Diagnostic::error(
                    "site.toml",
                    0,
                    0,
                    Rule::THEME_MISSING,
                    format!("The theme `{}` does not exist", config.theme),
                )
                .with_suggestion(format!("Create the folder {label}, or set theme = \"default\" in site.toml.")),
            ]);
        }
        let overrides = root.join("templates");
        let mut templates: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut static_files = BTreeMap::new();
        let mut strings_text = None;
        let mut languages: BTreeMap<String, LanguageStrings> = BTreeMap::new();
        let mut problems = Vec::new();
        for (path, bytes) in files {
            if let Some(tag) = strings::tag_of_file(&path) {
                let file = format!("{label}/{path}");
                add_language(&mut languages, tag, &file, &String::from_utf8_lossy(&bytes), &mut problems);
                continue;
            }
            if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                templates.insert(name.to_string(), (format!("{label}/{path}"), text));
            } else if let Some(name) = path.strip_prefix("static/") {
                static_files.insert(name.to_string(), bytes);
            } else if path == "theme.toml" {
                strings_text = Some(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        if overrides.is_dir() {
            for walked in walk_all(&site, &overrides)? {
                let name = crate::diagnostic::display_path(&overrides, &walked.path);
                let file = crate::diagnostic::display_path(root, &walked.path);
                let text = std::fs::read_to_string(&walked.real).map_err(|error| {
                    vec![Diagnostic::error(
                        &file,
                        0,
                        0,
                        Rule::THEME_READ,
                        format!("Cannot read this template: {error}"),
                    )]
                })?;
                templates.insert(name, (file, text));
            }
        }
        let own_strings = root.join(strings::STRINGS_DIR);
        if own_strings.is_dir() {
            for walked in walk_all(&site, &own_strings)? {
                let file = crate::diagnostic::display_path(root, &walked.path);
                let Some(tag) = strings::tag_of_file(&file).map(str::to_string) else {
                    continue;
                };
                match std::fs::read_to_string(&walked.real) {
                    Ok(text) => add_language(&mut languages, &tag, &file, &text, &mut problems),
                    Err(error) => problems.push(Diagnostic::error(
                        &file,
                        0,
                        0,
                        Rule::THEME_READ,
                        format!("Cannot read this strings file: {error}"),
                    )),
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let strings = parse_strings(strings_text.as_deref().unwrap_or(""), &format!("{label}/theme.toml"))?;
        let tera = build_tera(&templates)?;
        Ok(Theme {
            tera,
            strings,
            static_files,
            languages,
        })
    }
}

/// Reads one strings file into `languages` (a later file's strings win over an earlier one's).
fn add_language(languages: &mut BTreeMap<String, LanguageStrings>, tag: &str, file: &str, text: &str, problems: &mut Vec<Diagnostic>) {
    match strings::parse(text, file) {
        Ok(found) => {
            let entry = languages.entry(tag.to_string()).or_default();
            entry.files.push(file.to_string());
            entry.strings.extend(found);
        }
        Err(problem) => problems.push(problem),
    }
}

/// Every file under a theme or templates folder; any link out of the site (or other problem
/// walking it) stops the theme from loading.
fn walk_all(site: &SiteFolder, folder: &Path) -> Result<Vec<WalkedFile>, Vec<Diagnostic>> {
    let (files, problems) = site.walk(folder, &|_| false);
    if problems.is_empty() { Ok(files) } else { Err(problems) }
}

fn collect_embedded(dir: &Dir<'_>, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        files.insert(path, file.contents().to_vec());
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

fn parse_strings(text: &str, file: &str) -> Result<BTreeMap<String, String>, Vec<Diagnostic>> {
    #[derive(serde::Deserialize)]
    struct ThemeToml {
        #[serde(default)]
        strings: BTreeMap<String, String>,
    }
    let parsed: ThemeToml = toml::from_str(text).map_err(|error| {
        let (line, column) = error.span().map(|s| crate::location::line_column(text, s.start)).unwrap_or((0, 0));
        vec![Diagnostic::error(
            file,
            line,
            column,
            Rule::THEME_CONFIG,
            format!("theme.toml cannot be read: {}", error.message()),
        )]
    })?;
    let missing: Vec<&str> = REQUIRED_STRINGS
        .iter()
        .copied()
        .filter(|key| !parsed.strings.contains_key(*key))
        .collect();
    if !missing.is_empty() {
        return Err(vec![
            Diagnostic::error(
                file,
                0,
                0,
                Rule::THEME_CONFIG,
                format!("theme.toml has no [strings] entry for: {}", missing.join(", ")),
            )
            .with_suggestion("Add each one under [strings], for example external_link = \"(opens another website)\"."),
        ]);
    }
    Ok(parsed.strings)
}

fn build_tera(templates: &BTreeMap<String, (String, String)>) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    let sources: Vec<(&str, &str)> = templates.iter().map(|(name, (_, text))| (name.as_str(), text.as_str())).collect();
    if let Err(error) = tera.add_raw_templates(sources) {
        let report = error.to_string();
        let file = templates
            .iter()
            .find(|(name, _)| report.contains(name.as_str()))
            .map(|(_, (file, _))| file.clone())
            .unwrap_or_else(|| "themes".to_string());
        return Err(vec![
            Diagnostic::error(file, 0, 0, Rule::TEMPLATE_ERROR, format!("A template cannot be read: {report}"))
                .with_suggestion("Fix the template syntax shown above."),
        ]);
    }
    Ok(tera)
}
