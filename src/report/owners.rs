//! Which page or service each finding belongs to, worked out once for the whole audit.
//!
//! A finding belongs to a page when it is in the page's file, and to a service when it is in the
//! service's file, at or after the service's first line and before the next service in that file.
//! The index is built in one pass over the services and one over the findings, so a file holding
//! thousands of services costs no more than thousands of files holding one each.

use crate::content::{Service, Site};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// The findings of one build, grouped by the file and by the service that holds them.
pub(crate) struct Owners<'a> {
    by_file: HashMap<&'a str, Vec<&'a Diagnostic>>,
    by_service_start: HashMap<&'a str, HashMap<usize, Vec<&'a Diagnostic>>>,
}

impl<'a> Owners<'a> {
    /// Groups `diagnostics` by file and by the service whose lines hold them, keeping their order.
    pub(crate) fn new(site: &'a Site, diagnostics: &'a [Diagnostic]) -> Self {
        let mut starts: HashMap<&str, Vec<usize>> = HashMap::new();
        for service in &site.services {
            starts.entry(service.source.file.as_str()).or_default().push(service.source.line);
        }
        for lines in starts.values_mut() {
            lines.sort_unstable();
            lines.dedup();
        }
        let mut by_file: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
        let mut by_service_start: HashMap<&str, HashMap<usize, Vec<&Diagnostic>>> = HashMap::new();
        for diagnostic in diagnostics {
            by_file.entry(diagnostic.file.as_str()).or_default().push(diagnostic);
            let Some(lines) = starts.get(diagnostic.file.as_str()) else {
                continue;
            };
            // The last service starting at or before the finding's line holds it.
            let after = lines.partition_point(|&start| start <= diagnostic.line);
            if let Some(&start) = after.checked_sub(1).and_then(|i| lines.get(i)) {
                by_service_start
                    .entry(diagnostic.file.as_str())
                    .or_default()
                    .entry(start)
                    .or_default()
                    .push(diagnostic);
            }
        }
        Owners { by_file, by_service_start }
    }

    /// The findings anywhere in `file`, in build order.
    pub(crate) fn in_file(&self, file: &str) -> &[&'a Diagnostic] {
        self.by_file.get(file).map(Vec::as_slice).unwrap_or_default()
    }

    /// The findings that belong to `service`, in build order.
    pub(crate) fn of_service(&self, service: &Service) -> &[&'a Diagnostic] {
        self.by_service_start
            .get(service.source.file.as_str())
            .and_then(|starts| starts.get(&service.source.line))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;
    use std::path::Path;

    #[test]
    fn each_finding_goes_to_the_service_whose_lines_hold_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        let (site, _) = crate::content::load_site(&root, false);
        let site = site.unwrap();
        let file = "content/services/health.yaml";
        let mut in_file: Vec<&Service> = site.services.iter().filter(|s| s.source.file == file).collect();
        in_file.sort_by_key(|s| s.source.line);
        assert!(in_file.len() >= 2, "the fixture keeps several services in one file");
        let (first, second) = (in_file[0], in_file[1]);
        let diagnostics = vec![
            Diagnostic::warning(file, first.source.line, 3, Rule::PASSIVE_VOICE, "on the first line of the first"),
            Diagnostic::warning(file, second.source.line - 1, 3, Rule::PASSIVE_VOICE, "last line of the first"),
            Diagnostic::error(file, second.source.line, 1, Rule::DEAD_LINK, "first line of the second"),
            Diagnostic::error(
                file,
                first.source.line.saturating_sub(1),
                1,
                Rule::YAML_SYNTAX,
                "before any service",
            ),
            Diagnostic::error(
                "content/services/other.yaml",
                second.source.line,
                1,
                Rule::DEAD_LINK,
                "another file",
            ),
        ];
        let owners = Owners::new(&site, &diagnostics);
        let messages = |service: &Service| -> Vec<String> { owners.of_service(service).iter().map(|d| d.message.clone()).collect() };
        assert_eq!(messages(first), ["on the first line of the first", "last line of the first"]);
        let second_has: Vec<String> = messages(second);
        assert_eq!(second_has.first().map(String::as_str), Some("first line of the second"));
        assert!(!second_has.iter().any(|m| m == "another file" || m == "before any service"));
        assert_eq!(owners.in_file(file).len(), 4);
        // The last service in the file holds everything to the end of the file.
        let last = in_file[in_file.len() - 1];
        let far = [Diagnostic::warning(file, 100_000, 1, Rule::PASSIVE_VOICE, "far down")];
        let owners = Owners::new(&site, &far);
        assert_eq!(owners.of_service(last).len(), 1);
        assert!(in_file[..in_file.len() - 1].iter().all(|s| owners.of_service(s).is_empty()));
    }
}
