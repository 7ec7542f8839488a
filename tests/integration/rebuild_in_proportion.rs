//! The consistent rebuild after an edit costs in proportion to the edit: a description edit
//! renders only its service's page and checks only its file, listing pages are rendered again only
//! when something they show changed, the search files are kept when no searchable text changed,
//! and after every step of a long series of edits (some in bursts 100 ms apart on a running
//! preview) the preview folder and its findings equal a clean build's byte for byte.

use crate::common::files_under;
use crate::serve::{edit, get, serve, site_copy, wait_until};
use signpost::serve::PREVIEW_FOLDER;
use signpost::serve::rebuild::{Preview, RebuildReport};
use std::path::Path;
use std::time::Duration;

/// Builds `root` cleanly and checks that the preview folder holds the same files with the same
/// bytes, and that `report` has the same findings as the clean build.
fn assert_equals_clean_build(root: &Path, report: &RebuildReport, step: &str) {
    let clean = tempfile::tempdir().expect("temporary folder");
    let output = clean.path().join("public");
    let outcome = signpost::build(&signpost::BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.clone()),
        write: true,
        ..Default::default()
    });
    let clean_findings: Vec<String> = outcome.diagnostics.sorted().iter().map(|d| format!("{d:?}")).collect();
    let findings: Vec<String> = report.diagnostics.iter().map(|d| format!("{d:?}")).collect();
    assert_eq!(findings, clean_findings, "{step}: the findings differ from a clean build's");
    assert!(
        !outcome.diagnostics.has_errors(),
        "{step}: the clean build failed: {clean_findings:?}"
    );
    assert!(report.published, "{step}: not published");
    let preview = root.join(PREVIEW_FOLDER);
    let files = files_under(&output);
    assert_eq!(files_under(&preview), files, "{step}: different files");
    for file in &files {
        let a = std::fs::read(output.join(file)).expect("clean file");
        let b = std::fs::read(preview.join(file)).expect("preview file");
        assert!(a == b, "{step}: {file} differs from a clean build");
    }
}

/// The fast path, then the consistent rebuild, compared with a clean build.
fn step(preview: &mut Preview, root: &Path, name: &str) -> RebuildReport {
    preview.quick();
    let report = preview.rebuild(false);
    assert_equals_clean_build(root, &report, name);
    report
}

#[test]
fn a_description_edit_renders_only_its_service_page_and_checks_only_its_file() {
    let site = site_copy();
    let root = site.path();
    let services = root.join("content/services/health.yaml");
    let mut preview = Preview::new(root, false, &root.join(PREVIEW_FOLDER));
    let first = preview.rebuild(true);
    assert!(first.published, "{:?}", first.diagnostics);
    let pages = first.reuse.pages_rendered;
    assert!(pages > 10, "the first build renders every page: {:?}", first.reuse);

    let same = step(&mut preview, root, "nothing changed");
    assert_eq!(same.reuse.pages_rendered, 0, "{:?}", same.reuse);
    assert_eq!(same.reuse.pages_kept, pages);
    assert_eq!(same.reuse.files_checked, 0, "{:?}", same.reuse);
    assert!(same.reuse.search_kept, "nothing searchable changed");

    edit(&services, "    A towel. See", "    A towel and goggles. See");
    let description = step(&mut preview, root, "a service's description");
    assert_eq!(
        description.reuse.pages_rendered, 1,
        "only the service's own page is rendered again, no listing page: {:?}",
        description.reuse
    );
    assert_eq!(description.reuse.pages_kept, pages - 1);
    assert_eq!(description.reuse.files_checked, 1, "only the edited file is checked again");
    assert!(description.reuse.files_kept > 0);
    assert!(!description.reuse.search_kept, "the description is searched");
    assert!(crate::common::read(&root.join(PREVIEW_FOLDER), "services/splash-club/index.html").contains("A towel and goggles."));

    edit(
        &services,
        "summary: Quiet swimming with helpers.",
        "summary: Calm swimming with helpers.",
    );
    let summary = step(&mut preview, root, "a service's summary (shown in listings)");
    assert!(
        summary.reuse.pages_rendered > 5,
        "the listings that show the summary are rendered again: {:?}",
        summary.reuse
    );

    edit(
        &services,
        "assurer: checker@testshire.example",
        "assurer: reviewer@testshire.example",
    );
    let unsearched = step(&mut preview, root, "a field search does not read");
    assert!(unsearched.reuse.search_kept, "no searchable text changed: {:?}", unsearched.reuse);
}

#[test]
fn a_long_series_of_edits_equals_a_clean_build_after_every_step() {
    let site = site_copy();
    let root = site.path();
    let content = root.join("content");
    let services = content.join("services/health.yaml");
    let advice = content.join("advice/index.md");
    let glossary = content.join("glossary.yaml");
    let mut preview = Preview::new(root, false, &root.join(PREVIEW_FOLDER));
    let first = preview.rebuild(true);
    assert_equals_clean_build(root, &first, "first build");

    edit(
        &services,
        "    A towel. See",
        "    A towel.\n\n    And goggles, if you like.\n\n    See",
    );
    step(&mut preview, root, "a description that grows by lines (later services move down)");
    edit(
        &services,
        "    And goggles, if you like.",
        "    Goggles are given out by the staff.",
    );
    let passive = step(&mut preview, root, "a plain-language finding in a description");
    assert!(
        passive
            .diagnostics
            .iter()
            .any(|d| d.rule == signpost::rules::Rule::PASSIVE_VOICE && d.file == "content/services/health.yaml"),
        "the new sentence is found: {:?}",
        passive.diagnostics
    );
    edit(
        &services,
        "    Goggles are given out by the staff.",
        "    And goggles, if you like.",
    );
    step(&mut preview, root, "the finding fixed");
    edit(&services, "name: Splash Club swimming", "name: Aqua Splash Club");
    step(&mut preview, root, "a listing-visible field: a service's name (A to Z, category)");
    edit(&services, "  ages: { from: 5, to: 25 }", "  ages: { from: 3, to: 25 }");
    step(&mut preview, root, "a listing-visible field: ages (age bands)");
    edit(&services, "locality: Southtown", "locality: Northtown");
    step(&mut preview, root, "a listing-visible field: locality");
    edit(
        &services,
        "application_process: Ask your GP or health visitor, or phone us yourself.",
        "application_process: Ask your GP, or phone us.",
    );
    step(&mut preview, root, "a search-only field: how to apply");
    edit(&services, "There is a hoist at the pool side.", "There is a hoist beside the pool.");
    step(&mut preview, root, "a search-only field: accessibility notes");
    edit(
        &advice,
        "\n\nGuides for families.\n",
        "\n\nGuides for families.\n\nSee [the assessment guide](/advice/assessment/).\n",
    );
    step(&mut preview, root, "a page's links (added)");
    edit(&advice, "(/advice/assessment/)", "(/services/splash-club/)");
    step(&mut preview, root, "a page's links (changed)");
    let text = std::fs::read_to_string(&glossary).expect("glossary");
    std::fs::write(
        &glossary,
        format!("{text}\n- term: GP\n  stands_for: General Practitioner\n  meaning: Your family doctor.\n"),
    )
    .expect("add a glossary term");
    step(&mut preview, root, "a glossary term added (abbreviations on every page)");
    edit(&glossary, "meaning: Your family doctor.", "meaning: The doctor you see first.");
    step(&mut preview, root, "a glossary term changed");

    // A burst: several edits, each written at once on the fast path, one rebuild after the last.
    edit(
        &services,
        "summary: Help for children who find talking hard.",
        "summary: Help with talking and listening.",
    );
    preview.quick();
    edit(&advice, "title: Advice", "title: Advice and guides");
    preview.quick();
    edit(&services, "    A towel.\n", "    A big towel.\n");
    step(&mut preview, root, "three edits before one rebuild");

    let extra = "\n- id: quiet-club\n  name: Quiet club\n  category: health\n  summary: A calm club after school.\n  provider: Testshire Council\n  ages: { from: 5, to: 11 }\n  access: [drop-in]\n  cost: Free\n  contact:\n    phone: \"0121 496 0002\"\n  where:\n    locality: Northtown\n  last_reviewed: 2026-09-01\n";
    let before = std::fs::read_to_string(&services).expect("services");
    std::fs::write(&services, format!("{before}{extra}")).expect("add a service");
    step(&mut preview, root, "a service added");
    std::fs::write(&services, &before).expect("remove the service");
    step(&mut preview, root, "a service removed");
    edit(&services, "category: health", "category: short-breaks");
    step(&mut preview, root, "a service moved to another category");
}

#[test]
fn bursts_100_ms_apart_of_listing_search_link_and_glossary_edits_settle_to_a_clean_build() {
    let site = site_copy();
    let root = site.path();
    let content = root.join("content");
    let services = content.join("services/health.yaml");
    let advice = content.join("advice/index.md");
    let glossary = content.join("glossary.yaml");
    let preview = serve(root, false);
    let address = preview.address();
    let gap = Duration::from_millis(100);
    let edits: [&dyn Fn(); 6] = [
        &|| edit(&services, "    A towel. See", "    A towel and goggles. See"),
        &|| edit(&services, "name: Splash Club swimming", "name: Aqua Splash Club"),
        &|| edit(&services, "There is a hoist at the pool side.", "There is a hoist beside the pool."),
        &|| {
            edit(
                &advice,
                "\n\nGuides for families.\n",
                "\n\nGuides for families.\n\nSee [swimming](/services/splash-club/).\n",
            )
        },
        &|| edit(&glossary, "meaning: The teacher", "meaning: The member of staff"),
        &|| {
            edit(
                &services,
                "summary: Quiet swimming with helpers.",
                "summary: Calm swimming with helpers.",
            )
        },
    ];
    for (n, make) in edits.iter().enumerate() {
        if n > 0 {
            std::thread::sleep(gap);
        }
        make();
    }
    wait_until("the last edit to be served", || {
        get(address, "/services/splash-club/").body.contains("Calm swimming with helpers.")
    });
    crate::preview_keeps_up::assert_settles_to_a_clean_build(root, "listing, search-only, link and glossary edits 100 ms apart");
    let report = preview.last_report();
    assert!(report.published && !report.has_errors(), "{:?}", report.diagnostics);

    let edits: [&dyn Fn(); 4] = [
        &|| edit(&advice, "(/services/splash-club/)", "(/advice/assessment/)"),
        &|| edit(&services, "  ages: { from: 5, to: 25 }", "  ages: { from: 3, to: 25 }"),
        &|| edit(&glossary, "meaning: The member of staff", "meaning: The teacher"),
        &|| edit(&services, "    A towel and goggles. See", "    A towel. See"),
    ];
    for (n, make) in edits.iter().enumerate() {
        if n > 0 {
            std::thread::sleep(gap);
        }
        make();
    }
    crate::preview_keeps_up::assert_settles_to_a_clean_build(root, "reverts and an age change 100 ms apart");
    preview.stop();
}
