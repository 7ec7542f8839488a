//! Reading one content file from text in memory, the same way [`super::load_site`] reads it from
//! disk. For tests and fuzzing, which should not need a folder on disk for every case.

use super::{CONTENT_DIR, FileKind, Loader, classify};
use crate::config::SiteConfig;
use crate::content::{ContactBlock, GlossaryTerm, Page, Service, YouSaidWeDid};
use crate::diagnostic::{Diagnostic, display_path};
use std::collections::BTreeMap;
use std::path::Path;

/// What reading one content file gave: its pages, services, contact block, glossary terms, or
/// "You said, we did" entries, and every problem found in it.
#[derive(Debug, Clone, Default)]
pub struct LoadedFile {
    /// Pages (a Markdown page gives at most one).
    pub pages: Vec<Page>,
    /// Services (a list file may give many).
    pub services: Vec<Service>,
    /// The contact block of a file in `content/contacts/`, by id.
    pub contacts: BTreeMap<String, ContactBlock>,
    /// Glossary terms.
    pub glossary: Vec<GlossaryTerm>,
    /// The "You said, we did" entries.
    pub you_said_we_did: Option<YouSaidWeDid>,
    /// Every problem found in the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `text` as if it were the file `content/<relative>` (`advice/index.md`,
/// `services/health.yaml`, `glossary.yaml`, `contacts/sendiass.yaml`…): what kind of file it is
/// follows from the path, as in the site loader. Files the loader would skip or not use give
/// nothing. Checks that need the whole site (clashing addresses, missing contact blocks) and the
/// checks on the file's bytes (size, binary, UTF-8) are not made here.
pub fn load_file_from_str(config: &SiteConfig, relative: &Path, text: &str, include_drafts: bool) -> LoadedFile {
    let root = Path::new("");
    let file = display_path(root, &Path::new(CONTENT_DIR).join(relative));
    let mut loader = Loader::new(root, config, include_drafts, Default::default());
    match classify(relative) {
        FileKind::Page => loader.load_page(relative, &file, text),
        FileKind::ServiceMarkdown => loader.load_service_markdown(&file, text),
        FileKind::ServiceList => loader.load_service_list(&file, text),
        FileKind::Contact => loader.load_contact(relative, &file, text),
        FileKind::Glossary => loader.load_glossary(&file, text),
        FileKind::YouSaidWeDid => loader.load_you_said_we_did(&file, text),
        FileKind::Kept | FileKind::Ignored | FileKind::Unknown => {}
    }
    LoadedFile {
        pages: loader.pages,
        services: loader.services,
        contacts: loader.contacts,
        glossary: loader.glossary,
        you_said_we_did: loader.you_said_we_did,
        diagnostics: loader.diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    const SITE: &str = "name = \"T\"\narea = \"T\"\ncouncil = \"T\"\nbase_url = \"https://t.example/\"\naccessibility_statement = \"/a/\"\n\n[[categories]]\nid = \"health\"\nname = \"Health\"\ndescription = \"Health.\"\n";

    #[test]
    fn a_page_a_service_list_and_a_glossary_load_from_text() {
        let config = SiteConfig::from_text(SITE).unwrap();
        let page = load_file_from_str(
            &config,
            Path::new("advice/index.md"),
            "---\ntitle: A\nsummary: B\nlast_reviewed: 2026-01-01\nowner: C\n---\n# Hi\n",
            false,
        );
        assert_eq!(page.pages.len(), 1, "{:?}", page.diagnostics);
        assert_eq!(page.pages[0].url, "/advice/");
        let glossary = load_file_from_str(&config, Path::new("glossary.yaml"), "- term: EHCP\n  meaning: A plan.\n", false);
        assert_eq!(glossary.glossary.len(), 1, "{:?}", glossary.diagnostics);
        let broken = load_file_from_str(&config, Path::new("services/x.yaml"), "- name: [\n", false);
        assert!(broken.services.is_empty());
        assert_eq!(broken.diagnostics[0].file, "content/services/x.yaml");
        assert!(broken.diagnostics[0].line >= 1, "{:?}", broken.diagnostics);
    }

    const SERVICE: &str = "name: A, category: health, summary: S, provider: P, ages: {from: 0, to: 5}, access: [drop-in], cost: Free, contact: {}, where: {}, last_reviewed: 2026-01-01";

    #[test]
    fn a_mistake_in_a_flow_list_of_services_is_reported_as_itself() {
        let config = SiteConfig::from_text(SITE).unwrap();
        let text = format!("[{{{SERVICE}}}, {{name: B, bad: 1}}]\n");
        let loaded = load_file_from_str(&config, Path::new("services/x.yaml"), &text, false);
        let rules: Vec<_> = loaded.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, vec![Rule::UNKNOWN_FIELD], "{:?}", loaded.diagnostics);
    }

    #[test]
    fn services_on_lines_ended_by_a_lone_carriage_return_are_recovered() {
        let config = SiteConfig::from_text(SITE).unwrap();
        let good = "category: health\r  summary: S\r  provider: P\r  ages: {from: 0, to: 5}\r  access: [drop-in]\r  cost: Free\r  contact: {}\r  where: {}\r  last_reviewed: 2026-01-01";
        let text = format!("- name: A\r  {good}\r- name: B\r  {good}\r  bad: 1\r");
        let loaded = load_file_from_str(&config, Path::new("services/x.yaml"), &text, false);
        assert_eq!(loaded.services.len(), 1, "{:?}", loaded.diagnostics);
        let found: Vec<_> = loaded.diagnostics.iter().map(|d| (d.rule, d.line, d.column)).collect();
        // B is not published, but its other fields are still checked, each at its own line.
        assert_eq!(
            found,
            vec![(Rule::UNKNOWN_FIELD, 21, 3), (Rule::CONTACT, 18, 12), (Rule::WHERE, 19, 10)]
        );
    }
}
