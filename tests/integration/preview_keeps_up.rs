//! The preview keeps up with typing: a newer change cancels the rebuild in flight, its pages are
//! written at once on the fast path, and once the rebuilds settle the preview folder equals a
//! clean build of the latest content, also after bursts of edits 100 ms apart.

use crate::common::{files_under, read};
use crate::serve::{PATIENCE, assert_same_as_clean_build, edit, serve, site_copy, wait_until};
use signpost::serve::PREVIEW_FOLDER;
use signpost::serve::rebuild::Preview;
use std::path::Path;
use std::time::{Duration, Instant};

const SERVICE_PAGE: &str = "services/splash-club/index.html";
const ADVICE_PAGE: &str = "advice/index.html";

#[test]
fn a_cancelled_rebuild_publishes_nothing_and_a_reverted_edit_is_written_back() {
    let site = site_copy();
    let root = site.path();
    let folder = root.join(PREVIEW_FOLDER);
    let services = root.join("content/services/health.yaml");
    let mut preview = Preview::new(root, false, &folder);
    assert!(preview.rebuild(true).published);
    let original = read(&folder, SERVICE_PAGE);

    edit(
        &services,
        "summary: Quiet swimming with helpers.",
        "summary: Quiet swimming with kind helpers.",
    );
    assert_eq!(preview.quick(), 1, "the edited service's page is written at once");
    assert!(read(&folder, SERVICE_PAGE).contains("kind helpers"));
    let running = preview.start(false).expect("a rebuild starts");
    running.cancel();
    let before = files_under(&folder);
    assert!(preview.finish(running).is_none(), "a cancelled rebuild reports nothing");
    assert_eq!(files_under(&folder), before, "a cancelled rebuild publishes nothing");

    // Back to the text of the last published build: the page the fast path wrote is stale now,
    // although the service equals the published one again, so it is written back.
    edit(
        &services,
        "summary: Quiet swimming with kind helpers.",
        "summary: Quiet swimming with helpers.",
    );
    assert_eq!(preview.quick(), 1, "the page the fast path wrote is written again");
    assert_eq!(read(&folder, SERVICE_PAGE), original);
    assert!(preview.rebuild(false).published);
    assert_same_as_clean_build(root, "after a cancelled rebuild and a reverted edit");
}

#[test]
fn an_edited_page_title_is_written_before_the_full_rebuild() {
    let site = site_copy();
    let root = site.path();
    let folder = root.join(PREVIEW_FOLDER);
    let mut preview = Preview::new(root, false, &folder);
    assert!(preview.rebuild(true).published);
    edit(&root.join("content/advice/index.md"), "title: Advice", "title: Advice for families");
    assert!(preview.quick() >= 1, "the page's own file is written at once");
    assert!(read(&folder, ADVICE_PAGE).contains("Advice for families"));
    // Two edits in a row, each cancelling the rebuild of the one before.
    let running = preview.start(false).expect("a rebuild starts");
    running.cancel();
    assert!(preview.finish(running).is_none());
    edit(
        &root.join("content/advice/index.md"),
        "title: Advice for families",
        "title: Advice for parents",
    );
    assert!(preview.quick() >= 1);
    assert!(read(&folder, ADVICE_PAGE).contains("Advice for parents"));
    let report = preview.rebuild(false);
    assert!(report.published, "{:?}", report.diagnostics);
    assert_same_as_clean_build(root, "after two page title edits");
}

/// The files of `folder` that differ from a clean build's `output` (missing, extra or other bytes).
fn differences(folder: &Path, output: &Path) -> Vec<String> {
    let clean = files_under(output);
    let preview = files_under(folder);
    let mut different: Vec<String> = clean
        .iter()
        .filter(|file| std::fs::read(output.join(file)).ok() != std::fs::read(folder.join(file)).ok())
        .cloned()
        .collect();
    different.extend(preview.into_iter().filter(|file| !clean.contains(file)));
    different
}

/// Waits until the running preview's folder equals a clean build of the site as it is now, then
/// checks that it stays so (no stale rebuild publishes afterwards).
pub(crate) fn assert_settles_to_a_clean_build(root: &Path, step: &str) {
    let clean = tempfile::tempdir().expect("temporary folder");
    let output = clean.path().join("public");
    let outcome = signpost::build(&signpost::BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.clone()),
        write: true,
        ..Default::default()
    });
    assert!(!outcome.diagnostics.has_errors(), "{step}: {:?}", outcome.diagnostics.sorted());
    let folder = root.join(PREVIEW_FOLDER);
    let started = Instant::now();
    while !differences(&folder, &output).is_empty() {
        assert!(
            started.elapsed() < PATIENCE * 2,
            "{step}: the preview never settled; still different: {:?}",
            differences(&folder, &output)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        differences(&folder, &output),
        Vec::<String>::new(),
        "{step}: changed after settling"
    );
}

/// Makes the edits one after the other, `gap` apart.
fn burst(gap: Duration, edits: &[&dyn Fn()]) {
    for (n, make) in edits.iter().enumerate() {
        if n > 0 {
            std::thread::sleep(gap);
        }
        make();
    }
}

#[test]
fn bursts_of_edits_100_ms_apart_settle_to_a_clean_build() {
    let site = site_copy();
    let root = site.path();
    let content = root.join("content");
    let services = content.join("services/health.yaml");
    let advice = content.join("advice/index.md");
    let preview = serve(root, false);
    let address = preview.address();
    let fast = Duration::from_millis(100);

    burst(
        fast,
        &[
            &|| edit(&services, "summary: Quiet swimming with helpers.", "summary: Quiet swimming, one."),
            &|| edit(&services, "summary: Quiet swimming, one.", "summary: Quiet swimming, two."),
            &|| edit(&advice, "title: Advice", "title: Advice and guides"),
            &|| edit(&services, "name: Splash Club swimming", "name: Aqua Splash Club"),
            &|| edit(&services, "summary: Quiet swimming, two.", "summary: Quiet swimming, three."),
        ],
    );
    wait_until("the last edit of the burst to be served", || {
        crate::serve::get(address, "/services/splash-club/")
            .body
            .contains("Quiet swimming, three.")
    });
    assert_settles_to_a_clean_build(root, "service and page edits 100 ms apart");

    let page =
        "---\ntitle: Getting ready\nsummary: What to do first.\nlast_reviewed: 2026-10-01\nowner: Local Offer team\n---\n\nStart here.\n";
    burst(
        fast,
        &[
            &|| {
                edit(
                    &services,
                    "summary: Quiet swimming, three.",
                    "summary: Quiet swimming with helpers.",
                )
            },
            &|| {
                edit(
                    &content.join("glossary.yaml"),
                    "meaning: The teacher",
                    "meaning: The member of staff",
                )
            },
            &|| std::fs::write(content.join("advice/getting-ready.md"), page).expect("add a page"),
            &|| edit(&advice, "title: Advice and guides", "title: Advice"),
            &|| std::fs::remove_file(content.join("advice/getting-ready.md")).expect("delete the page"),
            &|| edit(&services, "category: health", "category: short-breaks"),
        ],
    );
    assert_settles_to_a_clean_build(root, "reverts, glossary, added and deleted page, category move 100 ms apart");

    burst(
        Duration::from_millis(400),
        &[
            &|| {
                edit(
                    &content.join("contacts/sendiass.yaml"),
                    "summary: Free, impartial advice",
                    "summary: Free and impartial advice",
                )
            },
            &|| edit(&services, "name: Aqua Splash Club", "name: Splash Club"),
            &|| edit(&advice, "title: Advice", "title: Advice for families"),
        ],
    );
    assert_settles_to_a_clean_build(root, "contact block, service and page edits 400 ms apart");
    preview.stop();
}
