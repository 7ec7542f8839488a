//! Checks on the school terms in `content/events/terms.yaml`, which term-time-only events and
//! "Open now" on term-time-only and holiday-only service sessions rely on: a term that ends
//! before it starts, or that overlaps the one before it, is reported at its own line and column.

use super::recurrence::Term;
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// 1-based line and column of the value of `key` in the `index`-th (0-based) item of the list
/// at the top of `text`; the item's own line when the key is not found, `(1, 1)` without it.
fn locate(text: &str, index: usize, key: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let is_item = |line: &str| line.starts_with('-');
    let Some(first) = lines.iter().enumerate().filter(|(_, l)| is_item(l)).nth(index).map(|(n, _)| n) else {
        return (1, 1);
    };
    let needle = format!("{key}:");
    for (n, line) in lines.iter().enumerate().skip(first) {
        if n > first && is_item(line) {
            break;
        }
        if let Some(at) = line.find(&needle) {
            let after = &line[at + needle.len()..];
            let value = at + needle.len() + (after.len() - after.trim_start().len());
            return (n + 1, line[..value].chars().count() + 1);
        }
    }
    (first + 1, 1)
}

/// The problems in a terms file's terms (in the order written), located in its `text`.
pub(crate) fn check_terms(file: &str, text: &str, terms: &[Term]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (index, term) in terms.iter().enumerate() {
        if term.to < term.from {
            let (line, column) = locate(text, index, "to");
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::TERM_DATES,
                    format!("This term ends ({}) before it starts ({})", term.to.long(), term.from.long()),
                )
                .with_suggestion("Put the first day of term in `from:` and the last day in `to:`."),
            );
        }
    }
    let mut order: Vec<(usize, &Term)> = terms.iter().enumerate().filter(|(_, t)| t.from <= t.to).collect();
    order.sort_by_key(|(_, t)| t.from);
    for pair in order.windows(2) {
        let ((_, before), (index, term)) = (pair[0], pair[1]);
        if term.from <= before.to {
            let (line, column) = locate(text, index, "from");
            problems.push(
                Diagnostic::error(
                    file,
                    line,
                    column,
                    Rule::TERM_DATES,
                    format!(
                        "This term starts ({}) before the term from {} to {} ends",
                        term.from.long(),
                        before.from.long(),
                        before.to.long()
                    ),
                )
                .with_suggestion("Check the dates: each term is its first and last day, and terms do not overlap."),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Date;

    fn term(from: &str, to: &str) -> Term {
        Term {
            from: Date::parse(from).unwrap(),
            to: Date::parse(to).unwrap(),
        }
    }

    #[test]
    fn a_term_ending_before_it_starts_is_found_at_its_to_date() {
        let text = "# Terms\n- { from: 2026-09-02, to: 2026-10-23 }\n- from: 2026-11-02\n  to: 2026-10-18\n";
        let terms = [term("2026-09-02", "2026-10-23"), term("2026-11-02", "2026-10-18")];
        let found = check_terms("content/events/terms.yaml", text, &terms);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule, Rule::TERM_DATES);
        assert_eq!((found[0].line, found[0].column), (4, 7));
        // A term on one line: the column of its `to:` date.
        assert_eq!(locate(text, 0, "to"), (2, 27));
        assert!(found[0].message.contains("ends"), "{}", found[0].message);
    }

    #[test]
    fn overlapping_terms_are_found_at_the_later_start() {
        let text = "- from: 2026-09-02\n  to: 2026-10-23\n- from: 2026-10-20\n  to: 2026-12-18\n";
        let terms = [term("2026-09-02", "2026-10-23"), term("2026-10-20", "2026-12-18")];
        let found = check_terms("terms.yaml", text, &terms);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].line, found[0].column), (3, 9));
    }

    #[test]
    fn good_terms_pass() {
        let terms = [term("2026-09-02", "2026-10-23"), term("2026-11-02", "2026-12-18")];
        assert!(check_terms("terms.yaml", "", &terms).is_empty());
    }
}
