//! Content in the wrong place: a list of services saved outside `content/services/` would
//! otherwise vanish from the site with only a warning.

use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// Keys only a service has; a list item with `name:` and one of these is taken for a service.
const SERVICE_KEYS: [&str; 8] = [
    "category",
    "summary",
    "provider",
    "contact",
    "ages",
    "access",
    "eligibility",
    "last_reviewed",
];

/// True when `text` reads like a list of services: a top-level list whose items have a `name`
/// and a key only services have. Read line by line, so a file with YAML mistakes is still known.
pub(crate) fn looks_like_services(text: &str) -> bool {
    let mut item_keys: Vec<String> = Vec::new();
    let mut found = false;
    let mut check = |keys: &mut Vec<String>| {
        if keys.iter().any(|k| k == "name") && keys.iter().any(|k| SERVICE_KEYS.contains(&k.as_str())) {
            found = true;
        }
        keys.clear();
    };
    let mut item_indent = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix("- ") {
            if indent == 0 {
                check(&mut item_keys);
                item_indent = Some(2 + rest.len() - rest.trim_start().len());
                if let Some(key) = key_of(rest.trim_start()) {
                    item_keys.push(key);
                }
                continue;
            }
        } else if indent == 0 {
            check(&mut item_keys);
            item_indent = None;
            continue;
        }
        if item_indent == Some(indent)
            && let Some(key) = key_of(trimmed)
        {
            item_keys.push(key);
        }
    }
    check(&mut item_keys);
    found
}

fn key_of(text: &str) -> Option<String> {
    let (key, _) = text.split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')).then(|| key.to_string())
}

/// The error for a services list at `file` (a path such as `content/advice/clubs.yaml`): it names
/// where the file should go.
pub(super) fn services_outside_folder(file: &str) -> Diagnostic {
    let name = file.rsplit('/').next().unwrap_or(file);
    let place = format!("content/services/{name}");
    Diagnostic::error(
        file,
        1,
        1,
        Rule::SERVICES_OUTSIDE_FOLDER,
        format!("This file is a list of services, but it is not in the services folder, so none of its services would be on the site; it should be {place}"),
    )
    .with_suggestion(format!(
        "Move it to {place}. Services are read only from content/services/ (and the folders inside it)."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_services_is_known_even_with_mistakes() {
        let text = "# clubs\n- name: Splash club\n  category: health\n  summary: Swimming: fun\n- name: Other\n";
        assert!(looks_like_services(text));
        assert!(looks_like_services("-   name: A\n    ages: {from: 5, to: 11}\n"));
    }

    #[test]
    fn other_yaml_is_not_taken_for_services() {
        assert!(!looks_like_services("terms:\n  - name: EHC plan\n    summary: x\n"));
        assert!(!looks_like_services("- name: A picture\n  file: a.png\n"));
        assert!(!looks_like_services("- a\n- b\n"));
        assert!(!looks_like_services("name: A\ncategory: health\n"));
    }

    #[test]
    fn the_error_names_the_folder_it_belongs_in() {
        let d = services_outside_folder("content/advice/clubs.yaml");
        assert!(d.message.contains("content/services/clubs.yaml"), "{}", d.message);
        assert_eq!(d.severity, crate::diagnostic::Severity::Error);
    }
}
