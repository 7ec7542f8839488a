//! A realistically messy Open Referral UK v1 export (33 records: HTML, duplicate ids, nulls,
//! placeholder and UK dates, odd contacts, several eligibility rows, expired prices, holiday and
//! overnight schedules, unknown taxonomies, inactive services, staff emails in metadata) imports
//! into a copy of the example site, which then builds; importing it again changes nothing; a
//! changed export updates only what changed and keeps hand edits.

use crate::common::*;
use signpost::content::{Frequency, ServiceStatus, Status, load_site};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const EXPORT: &str = "import/oruk-v1-messy.json";
const IMPORTED: &str = "content/services/imported";

/// A copy of the example site at the repository root (content, site.toml, assets).
fn example_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["content", "assets"] {
        copy_tree(&repo.join(folder), &site.path().join(folder));
    }
    std::fs::copy(repo.join("site.toml"), site.path().join("site.toml")).unwrap();
    site
}

fn import(site: &Path, file: &Path, json: bool) -> (i32, String, String) {
    let mut command = signpost();
    command.args(["import", "openreferral"]).arg(file).arg("--root").arg(site);
    if json {
        command.args(["--format", "json"]);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every imported file (the state file too), by name, with its bytes.
fn snapshot(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let folder = site.join(IMPORTED);
    files_under(&folder)
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(folder.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

fn services(site: &Path) -> Vec<signpost::content::Service> {
    let (loaded, problems) = load_site(site, true);
    assert!(
        problems.iter().all(|d| d.severity != signpost::diagnostic::Severity::Error),
        "{problems:?}"
    );
    loaded.expect("site loads").services
}

fn by_source<'s>(all: &'s [signpost::content::Service], id: &str) -> &'s signpost::content::ServiceRecord {
    &all.iter()
        .find(|s| s.record.source_id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("{id} not imported"))
        .record
}

/// The report items (JSON) about one record.
fn items_for<'r>(report: &'r serde_json::Value, id: &str) -> Vec<&'r serde_json::Value> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["record_id"] == id)
        .collect()
}

fn has_item(report: &serde_json::Value, id: &str, kind: &str, field: &str, words: &str) -> bool {
    items_for(report, id).iter().any(|item| {
        item["kind"] == kind
            && item["field"] == field
            && format!("{} {}", item["found"].as_str().unwrap_or(""), item["done"].as_str().unwrap_or("")).contains(words)
    })
}

fn imported_example() -> (tempfile::TempDir, serde_json::Value) {
    let site = example_site();
    let (code, stdout, stderr) = import(site.path(), &fixture(EXPORT), true);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("the report is JSON");
    (site, report)
}

#[test]
fn the_messy_export_imports_into_the_example_and_the_site_builds() {
    let (site, report) = imported_example();
    let build = signpost()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path().join("public"))
        .output()
        .unwrap();
    assert_eq!(build.status.code(), Some(0), "{}", String::from_utf8_lossy(&build.stderr));

    assert_eq!(report["records"], 33);
    assert_eq!(report["header_total"], 36);
    assert_eq!(report["services"], 32, "the exact duplicate is merged");
    assert_eq!(report["drafts"], 10);
    assert_eq!(report["published"], 22);
    assert!(has_item(&report, "", "file", "header total", "36 services, but the file holds 33"));
    assert!(has_item(&report, "", "file", "metadata", "not imported"));
    let totals = &report["totals"];
    assert_eq!(totals["draft"], 10);
    assert_eq!(totals["duplicate"], 2);

    let all = services(site.path());
    let stories = by_source(&all, "svc-0001");
    assert_eq!(stories.contact.phone.as_deref(), Some("01632 960118"));
    assert_eq!(stories.contact.email.as_deref(), Some("stories@library.example.org"));
    assert_eq!(stories.contact.website.as_deref(), Some("https://www.library.example.org/sensory"));
    assert_eq!(stories.schedules[0].opens_at.as_deref(), Some("09:30"));
    assert_eq!(stories.schedules[0].closes_at.as_deref(), Some("11:00"));
    let description = stories.description.as_deref().unwrap();
    assert!(description.contains("- a quiet start\n- songs & rhymes\n"), "{description}");
    assert!(
        description.contains("[library website](https://library.example.org/sensory)"),
        "{description}"
    );
    assert!(description.contains("Children's \"chill out\" corner"), "{description}");
    assert_eq!(all.iter().filter(|s| s.record.name == "Sensory Stories at the Library").count(), 1);
    assert!(has_item(&report, "svc-0001", "duplicate", "id", "merged into one service"));

    let advice = by_source(&all, "svc-0002");
    assert_eq!(advice.category, "family-support", "Advice and support is family support");
    assert_eq!(advice.contact.phone.as_deref(), Some("01632 960104"));
    assert_eq!(advice.contact.email.as_deref(), Some("advice@example.org"));
    assert_eq!((advice.ages.from, advice.ages.to), (2, 18), "every eligibility row counts");
    assert_eq!(advice.last_reviewed.iso(), "2026-03-14", "a UK date is read day first");

    let play = by_source(&all, "svc-0003");
    assert_eq!(play.cost_options.len(), 1, "the 2023 price is dropped");
    assert_eq!(play.cost_options[0].amount, 15.0);
    assert!(has_item(&report, "svc-0003", "cost", "cost_options", "ended on 31 August 2023"));
    assert_eq!(play.schedules[0].date.map(|d| d.iso()).as_deref(), Some("2027-07-26"));
    assert!(
        play.when
            .as_deref()
            .unwrap()
            .contains("Closed from 24 December 2026 to 2 January 2027")
    );

    let dads = by_source(&all, "svc-0004");
    assert_eq!(dads.schedules[0].frequency, Some(Frequency::Fortnightly));
    let overnight = by_source(&all, "svc-0005");
    assert_eq!(overnight.schedules[0].opens_at.as_deref(), Some("18:00"));
    assert_eq!(overnight.schedules[0].closes_at, None);
    assert!(
        overnight.schedules[0]
            .description
            .as_deref()
            .unwrap()
            .contains("until 10:00 the next day")
    );
    let youth = by_source(&all, "svc-0006");
    let text = format!("{} {}", youth.summary, youth.description.as_deref().unwrap_or(""));
    assert!(
        !text.contains("alert") && !text.contains("steal") && !text.contains("color"),
        "{text}"
    );
    assert!(has_item(&report, "svc-0006", "description", "description", "<script>"));
    assert!(has_item(&report, "svc-0006", "description", "description", "onclick"));
    assert!(has_item(&report, "svc-0006", "description", "description", "javascript:"));

    assert_eq!(by_source(&all, "svc-0009").name, "Splash Swim Club");
    assert_eq!(
        by_source(&all, "svc-0009--2").name,
        "Messy Art Club",
        "a different service with the same id is kept apart"
    );
    assert!(has_item(&report, "svc-0009", "duplicate", "id", "svc-0009--2"));

    for (id, reason) in [
        ("svc-0010", "inactive"),
        ("svc-0011", "defunct"),
        ("svc-0013", "`0001-01-01` is a placeholder"),
        ("svc-0014", "no review date"),
        ("svc-0015", "no phone, email or website"),
        ("svc-0018", "no usable age range"),
        ("svc-0019", "no taxonomy term maps"),
        ("svc-0021", "more than 12 months ago"),
        ("svc-0032", "cannot be read"),
        ("svc-0033", "in the future"),
    ] {
        assert_eq!(by_source(&all, id).status, Status::Draft, "{id}");
        assert!(has_item(&report, id, "draft", "status", reason), "{id}: {reason}");
    }
    assert_eq!(by_source(&all, "svc-0010").service_status, ServiceStatus::Inactive);
    assert_eq!(by_source(&all, "svc-0030").service_status, ServiceStatus::TemporarilyClosed);
    assert_eq!(by_source(&all, "svc-0030").status, Status::Published);
    let portage = std::fs::read_to_string(site.path().join(IMPORTED).join("svc-0014.yaml")).unwrap();
    assert!(
        portage.contains("# not in the export"),
        "a missing date is marked, not passed off: {portage}"
    );

    let wheelchair = by_source(&all, "svc-0015");
    assert_eq!(wheelchair.contact.phone, None);
    for field in ["contact.phone", "contact.email", "contact.website", "where"] {
        assert!(has_item(&report, "svc-0015", "placeholder", field, "dropped"), "{field}");
    }
    assert_eq!(
        by_source(&all, "svc-0016").contact.email,
        None,
        "an obfuscated email is not guessed"
    );
    assert!(has_item(&report, "svc-0016", "contact", "contact.email", "hides the @"));
    assert_eq!(
        (by_source(&all, "svc-0017").ages.from, by_source(&all, "svc-0017").ages.to),
        (14, 25)
    );
    assert!(has_item(&report, "svc-0017", "ages", "ages", "14 to 30 go outside 0 to 25"));
    assert!(has_item(&report, "svc-0018", "ages", "ages", "not swapped"));
    assert!(has_item(
        &report,
        "svc-0019",
        "taxonomy",
        "category",
        "\"Quantum widgets\" is not mapped"
    ));
    assert_eq!(by_source(&all, "svc-0020").contact.phone.as_deref(), Some("01632 960555"));
    assert_eq!(by_source(&all, "svc-0024").contact.email.as_deref(), Some("sen.team@example.org"));
    assert_eq!(by_source(&all, "svc-0025").category, "things-to-do");
    let lunch = by_source(&all, "svc-0026");
    assert_eq!(
        (lunch.schedules[0].opens_at.as_deref(), lunch.schedules[0].closes_at.as_deref()),
        (Some("11:00"), Some("14:00"))
    );
    assert_eq!(by_source(&all, "svc-0027").schedules[0].opens_at.as_deref(), Some("19:15"));
    assert_eq!(by_source(&all, "svc-0028").contact.phone.as_deref(), Some("01632 960778"));
    assert_eq!(by_source(&all, "svc-0031").schedules[0].frequency, Some(Frequency::Monthly));

    for (name, bytes) in snapshot(site.path()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("staff.example.org"), "staff email in {name}");
    }
}

#[test]
fn importing_the_same_export_again_changes_nothing() {
    let (site, _) = imported_example();
    let before = snapshot(site.path());
    assert_eq!(before.len(), 33, "32 services and the state file");
    let (code, _, stderr) = import(site.path(), &fixture(EXPORT), false);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("0 files new, 0 updated, 32 unchanged"), "{stderr}");
    assert!(!stderr.contains("Changed since the last import"), "{stderr}");
    assert_eq!(snapshot(site.path()), before, "every file byte for byte");
}

#[test]
fn a_changed_export_updates_only_what_changed_and_keeps_hand_edits() {
    let (site, _) = imported_example();
    let file = site.path().join(IMPORTED).join("svc-0020.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replace(
        "eligibility: \"Children with SEND\"",
        "eligibility: \"Families of autistic children\"",
    );
    assert_ne!(edited, text);
    std::fs::write(&file, &edited).unwrap();
    let before = snapshot(site.path());

    let export_dir = tempfile::tempdir().unwrap();
    let export: PathBuf = export_dir.path().join("export.json");
    let json = std::fs::read_to_string(fixture(EXPORT)).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let record = value["content"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["id"] == "svc-0020")
        .unwrap();
    record["name"] = "Autism Family Support Hub".into();
    record["contacts"][0]["phones"][0]["number"] = "01632 960999".into();
    std::fs::write(&export, serde_json::to_string_pretty(&value).unwrap()).unwrap();

    let (code, stdout, stderr) = import(site.path(), &export, true);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["updated"], 1);
    assert_eq!(report["unchanged"], 31);
    let changes: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "changed")
        .map(|i| i["field"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["name", "contact"], "{report:#}");
    assert!(has_item(&report, "svc-0020", "changed", "contact", "01632 960999"));

    let after = snapshot(site.path());
    for (name, bytes) in &before {
        if name != "svc-0020.yaml" && name != ".openreferral-import.json" {
            assert_eq!(after.get(name), Some(bytes), "{name} is untouched");
        }
    }
    let all = services(site.path());
    let record = by_source(&all, "svc-0020");
    assert_eq!(record.name, "Autism Family Support Hub");
    assert_eq!(record.contact.phone.as_deref(), Some("01632 960999"));
    assert_eq!(
        record.eligibility.as_deref(),
        Some("Families of autistic children"),
        "the hand edit survives"
    );
    let id = &all.iter().find(|s| s.record.source_id.as_deref() == Some("svc-0020")).unwrap().id;
    assert_eq!(id, "autism-family-support", "the page address stays the same");
}

#[test]
fn a_file_that_is_not_an_export_fails_with_its_line_and_column() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let truncated = dir.path().join("cut.json");
    let json = std::fs::read_to_string(fixture(EXPORT)).unwrap();
    std::fs::write(&truncated, &json[..2000]).unwrap();
    let (code, _, stderr) = import(site.path(), &truncated, false);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("cut.json:") && stderr.contains("ends too soon"), "{stderr}");
    let line_column = stderr.split("cut.json:").nth(1).unwrap();
    assert!(line_column.split(':').take(2).all(|n| n.parse::<usize>().is_ok()), "{stderr}");

    let other = dir.path().join("other.json");
    std::fs::write(&other, "{\"weather\": [1, 2]}").unwrap();
    let (code, _, stderr) = import(site.path(), &other, false);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not an Open Referral UK export"), "{stderr}");
    assert!(!site.path().join(IMPORTED).exists(), "nothing is written");
}
