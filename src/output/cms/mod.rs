//! The browser editor: `admin/index.html`, which loads Decap CMS (Sveltia CMS reads the same
//! configuration), and `admin/config.yml`, made from Signpost's own content model so the forms
//! ask for exactly the fields the loader reads, with the values the checks allow.
//!
//! Decap CMS can only edit a file that has a group of fields at the top, so a list of services
//! (or the glossary) is editable when its list is under `services:` (`terms:`); a file that is
//! a bare list is left out of the editor with a warning saying how to change it.

pub mod fields;
pub mod trace;
mod yaml_text;

use crate::config::cms::{CmsConfig, LocalBackend};
use crate::content::{GLOSSARY_LIST_KEY, SERVICE_LIST_KEY, Site};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use fields::{Choices, Field, Widget};
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

/// The folder of the admin page in the built site.
pub const ADMIN_DIR: &str = "admin";
/// The address prefix of the admin page; its own security policy applies under it.
pub const ADMIN_PREFIX: &str = "/admin/";
/// Where pictures uploaded in the editor go, inside the site folder.
pub const MEDIA_FOLDER: &str = "assets/uploads";

/// The admin page's files and what the build should say about them.
#[derive(Debug, Default)]
pub struct AdminFiles {
    /// Paths inside the output folder and their bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// Files the editor cannot edit, and why.
    pub diagnostics: Vec<Diagnostic>,
}

/// The admin page and its configuration for `site`, when `[cms]` is on.
pub fn admin_files(site: &Site) -> AdminFiles {
    let cms = &site.config.cms;
    if !cms.enabled {
        return AdminFiles::default();
    }
    let mut diagnostics = Vec::new();
    let config = cms_config(site, &mut diagnostics);
    let page = admin_page(&site.config.name, &site.config.language, cms);
    AdminFiles {
        files: vec![
            (format!("{ADMIN_DIR}/index.html"), page.into_bytes()),
            (format!("{ADMIN_DIR}/config.yml"), config_text(&config).into_bytes()),
        ],
        diagnostics,
    }
}

fn config_text(config: &Value) -> String {
    format!(
        "# The Decap CMS configuration, written by `signpost build` from Signpost's content model.\n\
         # Do not edit: change [cms] in site.toml instead.\n{}",
        yaml_text::to_yaml(config)
    )
}

/// The whole Decap configuration.
pub fn cms_config(site: &Site, diagnostics: &mut Vec<Diagnostic>) -> Value {
    let cms = &site.config.cms;
    let mut backend = Map::new();
    backend.insert("name".into(), json!(cms.backend));
    if let Some(repo) = &cms.repo {
        backend.insert("repo".into(), json!(repo));
    }
    backend.insert("branch".into(), json!(cms.branch));
    if let Some(auth) = &cms.auth_url {
        backend.insert("base_url".into(), json!(auth));
    }
    let mut config = Map::new();
    config.insert("backend".into(), Value::Object(backend));
    match cms.local_backend.address() {
        Some(LocalBackend::USUAL) => {
            config.insert("local_backend".into(), json!(true));
        }
        Some(address) => {
            config.insert("local_backend".into(), json!({ "url": address }));
        }
        None => {}
    }
    if cms.editorial_workflow {
        config.insert("publish_mode".into(), json!("editorial_workflow"));
    }
    config.insert("site_url".into(), json!(site.config.base_url));
    config.insert("media_folder".into(), json!(MEDIA_FOLDER));
    config.insert("public_folder".into(), json!(format!("/{MEDIA_FOLDER}")));
    config.insert("collections".into(), Value::Array(collections(site, diagnostics)));
    Value::Object(config)
}

fn collections(site: &Site, diagnostics: &mut Vec<Diagnostic>) -> Vec<Value> {
    let starts_with_key = |file: &str, key: &str| -> bool {
        let text = site.sources.get(file).unwrap_or_default();
        text.lines()
            .map(str::trim_end)
            .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .is_some_and(|line| line.starts_with(&format!("{key}:")))
    };
    let mut out = Vec::new();
    let page_folders: BTreeSet<&str> = site
        .pages
        .iter()
        .filter(|page| page.meta.news.is_none())
        .filter_map(|page| page.source.file.rsplit_once('/').map(|(dir, _)| dir))
        .filter(|dir| *dir == "content" || *dir == "content/advice")
        .collect();
    for dir in &page_folders {
        let (name, label, singular) = if *dir == "content" {
            ("pages", "Pages", "page")
        } else {
            ("advice", "Advice pages", "advice page")
        };
        let body_hint = "Markdown: ## for headings, - for lists.";
        out.push(page_collection(
            PageFolder {
                name,
                label,
                singular,
                folder: dir,
                extension: "md",
                body_label: "Page text",
                body_hint,
            },
            site,
        ));
        let has_easy_read = site
            .pages
            .iter()
            .any(|p| p.source.file.starts_with(&format!("{dir}/")) && p.source.file.ends_with(".easy.md"));
        if has_easy_read {
            let easy_label = if *dir == "content" {
                "Easy-read pages"
            } else {
                "Easy-read advice pages"
            };
            out.push(page_collection(
                PageFolder {
                    name: &format!("{name}_easy_read"),
                    label: easy_label,
                    singular: "easy-read page",
                    folder: dir,
                    extension: "easy.md",
                    body_label: "Easy-read text",
                    body_hint: "Short sentences, each beside a picture from the picture library: - ![A house](/assets/easy-read/house.svg) The sentence.",
                },
                site,
            ));
        }
    }

    let service_files: BTreeSet<&str> = site.services.iter().map(|s| s.source.file.as_str()).collect();
    if service_files.iter().any(|f| f.ends_with(".md")) {
        let mut service_fields: Vec<Value> = fields::SERVICE
            .iter()
            .filter(|f| f.name != "description")
            .map(|f| field_json(f, site))
            .collect();
        service_fields.push(
            json!({"name": "body", "label": "Description", "widget": "markdown", "required": false,
            "hint": "A short overview; the provider's website has the details."}),
        );
        out.push(json!({
            "name": "service_pages",
            "label": "Services (one per file)",
            "label_singular": "service",
            "folder": "content/services",
            "extension": "md",
            "format": "yaml-frontmatter",
            "create": true,
            "slug": "{{slug}}",
            "identifier_field": "name",
            "fields": service_fields,
        }));
    }
    let mut list_files = Vec::new();
    for file in service_files.iter().filter(|f| f.ends_with(".yaml") || f.ends_with(".yml")) {
        if !starts_with_key(file, SERVICE_LIST_KEY) {
            diagnostics.push(bare_list_warning(file, SERVICE_LIST_KEY, "services"));
            continue;
        }
        let stem = file.rsplit('/').next().unwrap_or(file).split('.').next().unwrap_or(file);
        let label = site
            .config
            .categories
            .iter()
            .find(|c| c.id == stem)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| stem.replace('-', " "));
        list_files.push(json!({
            "name": stem.replace('-', "_"),
            "label": label,
            "file": file,
            "fields": [{
                "name": SERVICE_LIST_KEY,
                "label": "Services",
                "label_singular": "service",
                "widget": "list",
                "summary": "{{fields.name}}",
                "fields": fields_json(fields::SERVICE, site),
            }],
        }));
    }
    if !list_files.is_empty() {
        out.push(json!({"name": "service_lists", "label": "Services (lists)", "files": list_files}));
    }
    if !site.contacts.is_empty() {
        out.push(json!({
            "name": "contacts",
            "label": "Contact blocks",
            "label_singular": "contact block",
            "folder": "content/contacts",
            "extension": "yaml",
            "format": "yaml",
            "create": true,
            "slug": "{{slug}}",
            "identifier_field": "name",
            "fields": fields_json(fields::CONTACT_BLOCK, site),
        }));
    }
    let glossary = "content/glossary.yaml";
    if site.sources.get(glossary).is_some() {
        if starts_with_key(glossary, GLOSSARY_LIST_KEY) {
            out.push(json!({
                "name": "glossary",
                "label": "Glossary",
                "files": [{
                    "name": "glossary",
                    "label": "Glossary",
                    "file": glossary,
                    "fields": [{
                        "name": GLOSSARY_LIST_KEY,
                        "label": "Terms",
                        "label_singular": "term",
                        "widget": "list",
                        "summary": "{{fields.term}}",
                        "fields": fields_json(fields::GLOSSARY_TERM, site),
                    }],
                }],
            }));
        } else {
            diagnostics.push(bare_list_warning(glossary, GLOSSARY_LIST_KEY, "terms"));
        }
    }
    out
}

fn bare_list_warning(file: &str, key: &str, what: &str) -> Diagnostic {
    Diagnostic::warning(
        file,
        1,
        1,
        Rule::CMS_BARE_LIST,
        format!("The browser editor cannot edit this file: its {what} are a list at the top of the file"),
    )
    .with_suggestion(format!(
        "Put a line `{key}:` above the first `- ` and indent every line below it by two spaces. Signpost reads both forms."
    ))
}

/// What a collection of pages is called and where its files are.
struct PageFolder<'a> {
    name: &'a str,
    label: &'a str,
    singular: &'a str,
    folder: &'a str,
    extension: &'a str,
    body_label: &'a str,
    body_hint: &'a str,
}

fn page_collection(pages: PageFolder<'_>, site: &Site) -> Value {
    let PageFolder {
        name,
        label,
        singular,
        folder,
        extension,
        body_label,
        body_hint,
    } = pages;
    let mut page_fields = fields_json(fields::PAGE, site);
    page_fields.push(json!({"name": "body", "label": body_label, "widget": "markdown", "hint": body_hint}));
    json!({
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": folder,
        "extension": extension,
        "format": "yaml-frontmatter",
        "create": true,
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "fields": page_fields,
    })
}

fn fields_json(fields: &[Field], site: &Site) -> Vec<Value> {
    fields.iter().map(|f| field_json(f, site)).collect()
}

/// A value's label: `self-referral` -> `Self referral`.
fn value_label(value: &str) -> String {
    let words = value.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

fn options(choices: Choices, site: &Site) -> Value {
    match choices {
        Choices::Categories => Value::Array(
            site.config
                .categories
                .iter()
                .map(|c| json!({"label": c.name, "value": c.id}))
                .collect(),
        ),
        Choices::Values(values) => Value::Array(values().iter().map(|v| json!({"label": value_label(v), "value": v})).collect()),
    }
}

/// One field as Decap configuration.
pub fn field_json(field: &Field, site: &Site) -> Value {
    let mut out = Map::new();
    out.insert("name".into(), json!(field.name));
    out.insert("label".into(), json!(field.label));
    let widget = |name: &str| json!(name);
    match field.widget {
        Widget::Line => {
            out.insert("widget".into(), widget("string"));
        }
        Widget::Text => {
            out.insert("widget".into(), widget("text"));
        }
        Widget::Markdown => {
            out.insert("widget".into(), widget("markdown"));
        }
        Widget::Whole(min, max) => {
            out.insert("widget".into(), widget("number"));
            out.insert("value_type".into(), json!("int"));
            out.insert("min".into(), json!(min));
            out.insert("max".into(), json!(max));
        }
        Widget::Amount => {
            out.insert("widget".into(), widget("number"));
            out.insert("value_type".into(), json!("float"));
            out.insert("min".into(), json!(0));
            out.insert("step".into(), json!(0.01));
        }
        Widget::Degrees(min, max) => {
            out.insert("widget".into(), widget("number"));
            out.insert("value_type".into(), json!("float"));
            out.insert("min".into(), json!(min));
            out.insert("max".into(), json!(max));
            out.insert("step".into(), json!(0.0001));
        }
        Widget::Switch => {
            out.insert("widget".into(), widget("boolean"));
        }
        Widget::Day => {
            out.insert("widget".into(), widget("datetime"));
            out.insert("format".into(), json!("YYYY-MM-DD"));
            out.insert("date_format".into(), json!("YYYY-MM-DD"));
            out.insert("time_format".into(), json!(false));
            out.insert("picker_utc".into(), json!(true));
        }
        Widget::OneOf(choices) | Widget::AnyOf(choices) => {
            out.insert("widget".into(), widget("select"));
            out.insert("options".into(), options(choices, site));
            if matches!(field.widget, Widget::AnyOf(_)) {
                out.insert("multiple".into(), json!(true));
            }
        }
        Widget::Group(inner) => {
            out.insert("widget".into(), widget("object"));
            out.insert("fields".into(), Value::Array(fields_json(inner, site)));
        }
        Widget::Items(inner, summary) => {
            out.insert("widget".into(), widget("list"));
            out.insert("summary".into(), json!(format!("{{{{fields.{summary}}}}}")));
            out.insert("fields".into(), Value::Array(fields_json(inner, site)));
        }
        Widget::Words => {
            out.insert("widget".into(), widget("list"));
        }
        Widget::ByLanguage(inner) => {
            out.insert("widget".into(), widget("object"));
            let languages: Vec<Value> = site
                .config
                .languages
                .iter()
                .map(|language| {
                    let mut fields = fields_json(inner, site);
                    // Each language is optional, so its fields are required only once it is opened.
                    for field in &mut fields {
                        field["required"] = json!(false);
                    }
                    json!({"name": language.tag(), "label": language.name, "widget": "object", "required": false, "fields": fields})
                })
                .collect();
            out.insert("fields".into(), Value::Array(languages));
        }
    }
    out.insert("required".into(), json!(field.required));
    if !field.hint.is_empty() {
        out.insert("hint".into(), json!(field.hint));
    }
    if let Some((pattern, message)) = field.pattern {
        out.insert("pattern".into(), json!([pattern, message]));
    }
    Value::Object(out)
}

/// The admin page: Decap's script and nothing else. Its address for `config.yml` is relative, so
/// the page works under any base path.
pub fn admin_page(site_name: &str, language: &str, cms: &CmsConfig) -> String {
    let escape = crate::render::escape_html;
    let integrity = if cms.script_integrity.is_empty() {
        String::new()
    } else {
        format!(" integrity=\"{}\" crossorigin=\"anonymous\"", escape(&cms.script_integrity))
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <title>Edit {name}</title>\n\
         <link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n\
         <script src=\"{src}\"{integrity}></script>\n</body>\n</html>\n",
        lang = escape(language),
        policy = escape(&crate::output::headers::admin_content_security_policy_meta(cms)),
        name = escape(site_name),
        src = escape(&cms.script_url),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContactBlock, GlossaryTerm, PageMeta, ServiceRecord, load_site};
    use trace::fields_of;

    fn example() -> Site {
        let (site, _) = load_site(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), false);
        site.expect("the example site loads")
    }

    fn names(fields: &Value) -> BTreeSet<String> {
        fields
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["name"].as_str().map(str::to_string))
            .collect()
    }

    fn loader(fields: &[&str]) -> BTreeSet<String> {
        fields.iter().map(|f| f.to_string()).collect()
    }

    fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
        config["collections"]
            .as_array()
            .and_then(|all| all.iter().find(|c| c["name"] == name))
            .unwrap_or_else(|| panic!("no collection {name}"))
    }

    #[test]
    fn the_written_config_has_every_field_the_loader_reads_and_no_other() {
        let site = example();
        let mut diagnostics = Vec::new();
        let written = config_text(&cms_config(&site, &mut diagnostics));
        let config: Value = crate::yaml::parse(&written).expect("config.yml is YAML");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");

        let lists = collection(&config, "service_lists");
        let files = lists["files"].as_array().unwrap();
        let list_files: BTreeSet<&str> = site
            .services
            .iter()
            .map(|s| s.source.file.as_str())
            .filter(|f| f.ends_with(".yaml"))
            .collect();
        assert!(!list_files.is_empty());
        assert_eq!(files.len(), list_files.len(), "every list file of the example");
        for file in files {
            assert_eq!(
                names(&file["fields"][0]["fields"]),
                loader(fields_of::<ServiceRecord>()),
                "{}",
                file["file"]
            );
        }
        let mut markdown = loader(fields_of::<ServiceRecord>());
        markdown.remove("description");
        markdown.insert("body".into());
        assert_eq!(names(&collection(&config, "service_pages")["fields"]), markdown);
        for pages in ["pages", "advice", "pages_easy_read", "advice_easy_read"] {
            let mut expected = loader(fields_of::<PageMeta>());
            expected.insert("body".into());
            assert_eq!(names(&collection(&config, pages)["fields"]), expected, "{pages}");
        }
        assert_eq!(
            names(&collection(&config, "contacts")["fields"]),
            loader(fields_of::<ContactBlock>())
        );
        let glossary = &collection(&config, "glossary")["files"][0]["fields"][0]["fields"];
        assert_eq!(names(glossary), loader(fields_of::<GlossaryTerm>()));
    }

    #[test]
    fn choices_come_from_site_toml_and_help_from_the_checks() {
        let site = example();
        let config = cms_config(&site, &mut Vec::new());
        let service = &collection(&config, "service_lists")["files"][0]["fields"][0]["fields"];
        let field = |name: &str| service.as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
        let category = field("category");
        let categories: Vec<&str> = category["options"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| o["value"].as_str())
            .collect();
        let expected: Vec<&str> = site.config.categories.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(categories, expected);
        assert_eq!(field("access")["multiple"], json!(true));
        assert_eq!(field("access")["hint"], json!(crate::check::field_help::ACCESS));
        assert_eq!(field("name")["required"], json!(true));
        assert_eq!(field("eligibility")["required"], json!(false));
        assert_eq!(field("last_reviewed")["format"], json!("YYYY-MM-DD"));
    }

    #[test]
    fn the_admin_page_escapes_what_it_is_given() {
        let cms = CmsConfig {
            enabled: true,
            ..CmsConfig::default()
        };
        let page = admin_page("Sandwell \"SEND\" <Local Offer>", "en-GB", &cms);
        assert!(
            page.contains("<title>Edit Sandwell &quot;SEND&quot; &lt;Local Offer&gt;</title>"),
            "{page}"
        );
        assert!(page.contains(&format!("integrity=\"{}\"", cms.script_integrity)));
        assert_eq!(page.matches("<script").count(), 1);
    }
}
