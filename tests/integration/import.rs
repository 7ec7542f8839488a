//! `signpost import openreferral`: messy exports (HTML and `&nbsp;` in descriptions, empty names,
//! stale dates, ages past 25) import cleanly, what could not be mapped is reported, and a service
//! survives the round trip import -> build -> Open Referral feed -> import unchanged. The larger
//! messy export and re-imports are in `import_messy.rs`.

use crate::common::*;
use signpost::content::{Need, Service, load_site};
use std::path::Path;

/// The small fixture site has only `health` and `short-breaks`: map the export's "Things to do".
fn map_things_to_do(site: &Path) {
    let path = site.join("site.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[import.openreferral]\ncategories = { \"Things to do\" = \"short-breaks\" }\n");
    std::fs::write(&path, text).unwrap();
}

fn import(site: &Path, file: &Path) -> (i32, String) {
    let output = signpost()
        .args(["import", "openreferral"])
        .arg(file)
        .arg("--root")
        .arg(site)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn services(site: &Path, drafts: bool) -> Vec<Service> {
    let (loaded, problems) = load_site(site, drafts);
    assert!(
        problems.iter().all(|d| d.severity != signpost::diagnostic::Severity::Error),
        "{problems:?}"
    );
    loaded.expect("site loads").services
}

fn find<'s>(services: &'s [Service], name: &str) -> &'s Service {
    services
        .iter()
        .find(|s| s.record.name == name)
        .unwrap_or_else(|| panic!("{name} not imported"))
}

#[test]
fn a_messy_v1_export_imports_cleanly_and_reports_what_it_could_not_map() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    map_things_to_do(site.path());
    let (code, stderr) = import(site.path(), &fixture("import/oruk-v1.json"));
    assert_eq!(code, 0, "{stderr}");
    for expected in [
        "d4e5f6 \"\", name: record 2 has no name, so it was left out; nothing written.",
        "g7h8i9 \"Teen Drop‑In & Chill\", ages: ages 11 to 30 go outside 0 to 25, the ages the Local Offer covers; written as 11 to 25",
        "last checked on 1 March 2019, more than 12 months ago; written as a draft",
        "j1k2l3 \"Parent Carer Helpline\", cost: no cost given; written as \"Ask the service about any cost\"",
        "Imported 3 services from 4 records (Open Referral UK v1)",
    ] {
        assert!(stderr.contains(expected), "missing {expected} in {stderr}");
    }
    let check = signpost().args(["check", "--root"]).arg(site.path()).output().unwrap();
    let check_stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(
        check.status.code(),
        Some(0),
        "the imported site checks without errors: {check_stderr}"
    );

    let published = services(site.path(), false);
    assert!(
        published.iter().all(|s| s.record.name != "Teen Drop‑In & Chill"),
        "stale services are drafts"
    );
    let all = services(site.path(), true);
    let club = find(&all, "Sunshine Sensory Club");
    let record = &club.record;
    assert_eq!(club.id, "sunshine-sensory-club");
    assert_eq!(
        record.summary,
        "A relaxed sensory play session for children with SEND and their families."
    );
    let description = record.description.as_deref().unwrap_or("");
    assert!(
        !description.contains('<') && !description.contains("&nbsp;") && !description.contains("&amp;"),
        "{description}"
    );
    assert!(description.contains("- messy play & music"), "{description}");
    assert!(description.contains("Children's snacks provided."), "{description}");
    assert_eq!((record.ages.from, record.ages.to), (0, 8));
    assert_eq!(record.contact.phone.as_deref(), Some("0121 496 0800"));
    assert_eq!(record.place.postcode.as_deref(), Some("WS3 2HR"));
    assert_eq!(record.place.accessibility.len(), 2);
    assert_eq!(record.place.accessibility_notes.as_deref(), Some("Lift to first floor"));
    assert_eq!(record.needs, vec![Need::Autism]);
    assert_eq!(record.cost_options[0].amount, 3.5);
    assert_eq!(record.schedules[0].opens_at.as_deref(), Some("10:00"));
    assert_eq!(record.languages, vec!["Punjabi".to_string()]);
    let teen = find(&all, "Teen Drop‑In & Chill");
    assert_eq!((teen.record.ages.from, teen.record.ages.to), (11, 25));
    assert!(teen.record.free);
    let helpline = find(&all, "Parent Carer Helpline");
    assert_eq!(helpline.record.service_status, signpost::content::ServiceStatus::TemporarilyClosed);
    assert!(helpline.record.place.online);
}

#[test]
fn a_v3_export_imports_with_needs_schedules_and_venue_access() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), site.path());
    let (code, stderr) = import(site.path(), &fixture("import/oruk-v3.json"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("has no name, so it was left out"), "{stderr}");
    assert!(
        stderr.contains("Imported 2 services from 3 records (Open Referral UK v3)"),
        "{stderr}"
    );
    let all = services(site.path(), true);
    let salt = find(&all, "Speech and Language Drop-in");
    assert_eq!(salt.record.category, "health");
    assert_eq!(salt.record.needs, vec![Need::SpeechLanguageAndCommunication]);
    assert_eq!(salt.record.schedules[0].days.len(), 2);
    assert!(salt.record.free);
    assert_eq!(salt.record.description.as_deref(), Some("Bring your child's red book.\n"));
    let access: Vec<&str> = salt.record.place.accessibility.iter().map(|a| a.id()).collect();
    assert_eq!(access, ["changing-places", "wheelchair"]);
    let chat = find(&all, "Online Wellbeing Chat");
    assert_eq!(chat.record.service_status, signpost::content::ServiceStatus::Inactive);
    assert_eq!(chat.record.needs, vec![Need::SocialEmotionalAndMentalHealth]);
}

#[test]
fn a_service_survives_import_build_feed_and_import_again() {
    let first = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), first.path());
    map_things_to_do(first.path());
    assert_eq!(import(first.path(), &fixture("import/oruk-v1.json")).0, 0);
    let public = first.path().join("public");
    signpost()
        .args(["build", "--root"])
        .arg(first.path())
        .arg("--output")
        .arg(&public)
        .assert()
        .success();
    // The feed's pages carry one-to-one fields only; the whole services are in their own files.
    let services_dir = public.join("openreferral/services");
    let contents: Vec<serde_json::Value> = files_under(&services_dir)
        .iter()
        .filter(|f| !f.starts_with("page/"))
        .map(|f| serde_json::from_str(&read(&services_dir, f)).unwrap())
        .collect();
    let feed = first.path().join("feed.json");
    std::fs::write(&feed, serde_json::json!({ "contents": contents }).to_string()).unwrap();

    let second = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), second.path());
    std::fs::remove_file(second.path().join("content/services/health.yaml")).unwrap();
    std::fs::remove_file(second.path().join("content/services/play-scheme.md")).unwrap();
    let (code, stderr) = import(second.path(), &feed);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("(Open Referral UK v3)"), "{stderr}");
    let before = services(first.path(), true);
    let after = services(second.path(), true);
    let original = &find(&before, "Sunshine Sensory Club").record;
    let again = &find(&after, "Sunshine Sensory Club").record;
    assert_eq!(again.summary, original.summary);
    assert_eq!(again.description, original.description);
    assert_eq!(again.provider, original.provider);
    assert_eq!(again.provider_website, original.provider_website);
    assert_eq!(again.ages, original.ages);
    // Eligibility and how to apply are not in the UK profile's service, so the feed leaves them out.
    assert_eq!(again.cost, original.cost);
    assert_eq!(again.cost_options, original.cost_options);
    assert_eq!(again.contact, original.contact);
    assert_eq!(again.place, original.place);
    assert_eq!(again.schedules, original.schedules);
    // Languages are `attributes` with `link_type: language` in the UK feed (its `language` has no
    // name); the importer reading them back is checked in `openreferral_round_trip`.
    assert_eq!(again.needs, original.needs);
    assert_eq!(again.last_reviewed, original.last_reviewed);
}
