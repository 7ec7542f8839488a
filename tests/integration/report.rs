//! `signpost report`: the content audit (CSV and HTML) lists every page, service and missing
//! topic with its owner, review dates, status, word count and problems, most urgent first.

use crate::common::*;

#[test]
fn the_content_audit_puts_the_most_urgent_work_first() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let health = site.path().join("content/services/health.yaml");
    let text = std::fs::read_to_string(&health)
        .unwrap()
        .replacen("last_reviewed: 2026-09-01", "last_reviewed: 2025-01-01", 1);
    std::fs::write(&health, text).unwrap();
    let page = site.path().join("content/advice/assessment.md");
    let text = std::fs::read_to_string(&page)
        .unwrap()
        .replace("topics: [ehc-plans, assessment]", "topics: [ehc-plans]");
    std::fs::write(&page, text).unwrap();

    let output = site.path().join("audit");
    let result = signpost()
        .args(["report", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("content-audit.csv"), "{stderr}");

    let csv = read(&output, "content-audit.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "kind,title,url,file,owner,status,last_reviewed,next_review,review,days_overdue,words,errors,warnings,problems"
    );
    assert!(
        lines[1].starts_with("service,Speech therapy,/services/speech-therapy/,content/services/health.yaml:1,"),
        "{csv}"
    );
    assert!(lines[1].contains(",overdue,"), "{csv}");
    assert!(lines[1].contains("review-overdue: The service"), "{csv}");
    assert!(lines[2].starts_with("missing topic,assessment,,site.toml,"), "{csv}");
    assert!(csv.contains("page,Asking for an assessment,/advice/assessment/,content/advice/assessment.md,SEND team,published,2026-10-01,2027-10-01,current,0,"), "{csv}");
    assert_eq!(
        lines.len(),
        1 + 1 + 3 + 6,
        "header, missing topic, 3 services, 6 published pages: {csv}"
    );
    assert!(!csv.contains("checker@testshire.example"), "the assurer is not in the audit");

    let html = read(&output, "content-audit.html");
    assert!(html.contains("<caption id=\"audit-caption\">"), "{html}");
    assert!(
        html.contains("Reviews overdue (past the grace period): <strong>1</strong>"),
        "{html}"
    );
    assert!(html.contains("Required topics no page covers: <strong>1</strong>"), "{html}");
    assert!(html.find("Speech therapy").unwrap() < html.find("Splash Club swimming").unwrap());
}

#[test]
fn the_readability_report_measures_each_section() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    // The fixture's pages are short: lower the minimum so their sections are scored.
    let config = site.path().join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap() + "\n[plain_language]\nmin_words_for_scores = 5\n";
    std::fs::write(&config, text).unwrap();

    let output = site.path().join("audit");
    let result = signpost()
        .args(["report", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");

    let csv = read(&output, "readability.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",longest_sentence_words,longest_sentence_line,section"), "{csv}");
    let page = lines
        .iter()
        .position(|l| l.starts_with("content/advice/assessment.md,") && l.ends_with(','))
        .expect("the page row, with an empty section");
    // "You can ask. So can your child's school.": 8 words, 2 sentences.
    let who = lines
        .iter()
        .position(|l| {
            l.starts_with("content/advice/assessment.md,/advice/assessment/,Asking for an assessment,standard,8,2,")
                && l.ends_with(",Who can ask?")
        })
        .unwrap_or_else(|| panic!("a row for the section \"Who can ask?\": {csv}"));
    assert!(page < who, "section rows follow their page: {csv}");
    assert!(csv.contains(",What happens next\n"), "{csv}");

    let html = read(&output, "readability.html");
    assert!(html.contains("<th scope=\"row\">Who can ask?</th>"), "{html}");
}
