//! Events and drop-ins: past sessions left out, each event's page and calendar file, the feed,
//! services' schedules reused, and every mistake at its line.

use crate::common::*;
use std::path::Path;

const EVENTS: &str = r#"# Events for the tests.
- title: Parents' coffee morning
  summary: A chat over coffee for parents and carers.
  type: coffee-morning
  starts: 2026-09-01
  repeat: monthly
  on: first tuesday
  starts_at: "10:00"
  ends_at: "11:30"
  except: [2027-01-05]
  venue: { name: Northtown Library, address: "1 High Street, Northtown", locality: Northtown }
  ages: { from: 0, to: 25 }
  cost: Free
  booking: { just_turn_up: true }

- title: Weekly play session
  summary: Play for young children; parents stay.
  type: activity
  starts: 2026-11-02
  repeat: weekly
  starts_at: "09:30"
  ends_at: "10:30"
  venue: { name: Southtown Hall, locality: Southtown }
  ages: { from: 0, to: 5 }
  cost: £2
  booking: { phone: "0121 496 0002" }

- title: Summer fun day
  summary: A day out that has already happened.
  starts: 2026-08-01
  starts_at: "10:00"
  ends_at: "15:00"
  venue: { address: Northtown Park }
  cost: Free
  booking: { just_turn_up: true }

- title: Speech therapy drop-in
  summary: Ask the speech therapists a question.
  service: speech-therapy
  from_schedule: true
  starts: 2026-11-01
  cost: Free
  booking: { just_turn_up: true }
"#;

/// The valid fixture with `events` as content/events/events.yaml.
fn site_with(events: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    std::fs::create_dir_all(site.path().join("content/events")).unwrap();
    std::fs::write(site.path().join("content/events/events.yaml"), events).unwrap();
    site
}

fn build(root: &Path) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = signpost()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    (out, public, stderr)
}

#[test]
fn past_sessions_are_left_out_and_a_finished_event_is_a_warning_at_its_line() {
    let site = site_with(EVENTS);
    let (_out, public, stderr) = build(site.path());
    let page = read(&public, "whats-on/index.html");
    // TODAY is Monday 23 November 2026: the play session of the 16th has passed, the 23rd has not.
    assert!(!page.contains("2026-11-16"), "a past session is listed");
    assert!(
        page.contains(r#"<time datetime="2026-11-23">Monday 23 November 2026</time>"#),
        "{page}"
    );
    assert!(page.contains(r#"data-end="2026-11-23T10:30:00Z""#));
    // The first Tuesday of December, not the one in January (an exception).
    assert!(page.contains("Tuesday 1 December 2026"));
    assert!(!page.contains("Tuesday 5 January 2027"));
    assert!(page.contains("Tuesday 2 February 2027"));
    assert!(!page.contains("Summer fun day"));
    assert!(
        stderr.contains("content/events/events.yaml:28:3:") && stderr.contains("[event-over]"),
        "{stderr}"
    );
}

#[test]
fn each_event_has_a_page_and_a_calendar_file_and_there_is_a_feed() {
    let site = site_with(EVENTS);
    let (_out, public, _) = build(site.path());
    let page = read(&public, "whats-on/parents-coffee-morning/index.html");
    assert!(page.contains("The first Tuesday of every month"), "{page}");
    assert!(page.contains("10am to 11:30am"));
    assert!(page.contains(r#"href="/whats-on/parents-coffee-morning/parents-coffee-morning.ics""#));
    let ics = read(&public, "whats-on/parents-coffee-morning/parents-coffee-morning.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), "{ics}");
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
    assert!(ics.contains("\r\nDTSTART;TZID=Europe/London:20260901T100000\r\n"));
    assert!(ics.contains("\r\nRRULE:FREQ=MONTHLY;BYDAY=1TU\r\n"));
    assert!(ics.contains("\r\nEXDATE;TZID=Europe/London:20270105T100000\r\n"));
    assert!(ics.contains("\r\nDTSTAMP:20261123T000000Z\r\n"), "the stamp is the build's date");
    assert!(ics.contains("\r\nUID:parents-coffee-morning@"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is longer than 75 octets");
    }
    let feed = read(&public, "whats-on/calendar.ics");
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), 4);
    assert!(feed.contains("RRULE:FREQ=WEEKLY;BYDAY=MO"));
    let coffee = read(&public, "whats-on/calendar-coffee-morning.ics");
    assert_eq!(
        coffee.matches("BEGIN:VEVENT").count(),
        1,
        "the coffee-morning feed has only coffee mornings"
    );
    assert!(coffee.contains("SUMMARY:Parents' coffee morning"));
    assert!(read(&public, "whats-on/index.html").contains(r#"href="/whats-on/calendar-activity.ics""#));
    // Building twice gives the same files.
    let (_again, public_again, _) = build(site.path());
    assert_eq!(feed, read(&public_again, "whats-on/calendar.ics"));
}

#[test]
fn a_service_schedule_becomes_an_event_without_retyping_it() {
    let site = site_with(EVENTS);
    let (_out, public, _) = build(site.path());
    let page = read(&public, "whats-on/speech-therapy-drop-in/index.html");
    // The service runs on Mondays and Wednesdays, 09:00 to 16:30: the first day is taken.
    assert!(page.contains("9am to 4:30pm. Every Monday"), "{page}");
    assert!(page.contains(r#"href="/services/speech-therapy/""#));
    assert!(page.contains("Northtown"), "the service's place is the venue");
}

#[test]
fn mistakes_are_reported_at_their_lines_and_good_events_are_still_read() {
    let events = r#"- title: Good event
  summary: Fine.
  starts: 2026-12-01
  starts_at: "10:00"
  ends_at: "11:00"
  venue: { address: Northtown Library }
  cost: Free
  booking: { just_turn_up: true }

- title: Bad time
  summary: Wrong clock.
  starts: 2026-12-01
  starts_at: "25:00"
  ends_at: "11:00"
  venue: { address: Northtown Library }
  cost: Free
  booking: { just_turn_up: true }

- title: Unknown service
  summary: Misspelt id.
  starts: 2026-12-01
  starts_at: "10:00"
  ends_at: "11:00"
  service: speech-therapi
  cost: Free
  booking: { just_turn_up: true }

- title: Bad rule
  summary: Not a monthly day.
  starts: 2026-12-01
  repeat: monthly
  on: every tuesday
  starts_at: "10:00"
  ends_at: "11:00"
  venue: { address: Northtown Library }
  cost: Free
  bookin: { just_turn_up: true }
"#;
    let site = site_with(events);
    let output = signpost()
        .args(["check", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(&output.stdout)).unwrap();
    let found: Vec<(String, u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "content/events/events.yaml" && d["severity"] == "error")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(found.contains(&("bad-time".into(), 13, 14)), "{found:?}");
    assert!(found.contains(&("unknown-service".into(), 24, 12)), "{found:?}");
    assert!(
        found.iter().any(|(rule, line, _)| rule == "unknown-field" && *line == 37),
        "{found:?}"
    );
    assert_eq!(found.len(), 3, "{found:?}");
    let hint = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unknown-service")
        .unwrap();
    assert!(hint["suggestion"].as_str().unwrap().contains("`speech-therapy`"), "{hint}");
}

#[test]
fn the_report_lists_events_that_are_over() {
    let site = site_with(EVENTS);
    let out = tempfile::tempdir().unwrap();
    let reports = out.path().join("report");
    signpost()
        .args(["report", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&reports)
        .assert()
        .success();
    let csv = read(&reports, "content-audit.csv");
    let line = csv
        .lines()
        .find(|l| l.contains("Summer fun day"))
        .expect("the finished event has a row");
    assert!(line.starts_with("event,"), "{line}");
    assert!(line.contains(",over,") && line.contains("event-over"), "{line}");
    let coming = csv
        .lines()
        .find(|l| l.contains("Weekly play session"))
        .expect("a coming event has a row");
    assert!(coming.contains(",coming,"), "{coming}");
}

#[test]
fn rules_that_cannot_work_are_explained_at_their_lines() {
    let events = r#"- title: Not a first Tuesday
  summary: The first date does not match the rule.
  starts: 2026-12-02
  repeat: monthly
  on: first tuesday
  starts_at: "10:00"
  ends_at: "11:00"
  venue: { address: Northtown Library }
  cost: Free
  booking: { just_turn_up: true }

- title: On without monthly
  summary: Weekly with a day of the month.
  starts: 2026-12-01
  repeat: weekly
  on: first tuesday
  starts_at: "10:00"
  ends_at: "11:00"
  venue: { address: Northtown Library }
  cost: Free
  booking: { just_turn_up: true }

- title: Term time without terms
  summary: There is no terms file.
  starts: 2026-12-01
  repeat: weekly
  term_time_only: true
  starts_at: "10:00"
  ends_at: "11:00"
  venue: { address: Northtown Library }
  cost: Free
  booking: { just_turn_up: true }

- title: Schedule without a service
  summary: Whose schedule?
  from_schedule: true
  starts: 2026-12-01
  cost: Free
  booking: { just_turn_up: true }

- title: Backwards
  summary: Ends before it starts.
  starts: 2026-12-01
  starts_at: "14:00"
  ends_at: "13:00"
  venue: { address: Northtown Library }
  cost: Free
  booking: { just_turn_up: true }
"#;
    let site = site_with(events);
    let output = signpost()
        .args(["check", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(&output.stdout)).unwrap();
    let found: Vec<(String, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "content/events/events.yaml" && d["severity"] == "error")
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    let expected: Vec<(String, u64)> = [
        ("start-not-on-rule", 3),
        ("on-needs-monthly", 16),
        ("no-terms", 27),
        ("schedule-without-service", 36),
        ("event-ends-before-start", 45),
    ]
    .iter()
    .map(|(rule, line)| (rule.to_string(), *line))
    .collect();
    assert_eq!(found, expected);
}
