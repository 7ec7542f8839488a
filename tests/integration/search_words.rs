//! Search knows families' words: the lay, outdated and misspelt SEND terms built into Signpost
//! find the right services on the example and on a site made by `signpost init` (which has no
//! synonyms file), in the tantivy index and in the browser bundle alike; an exact name ranks first.

use crate::common::{copy_tree, signpost};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A built copy of the example site at the repository root; returns (the folder guard, the root).
fn built_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("example");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["content", "assets"] {
        copy_tree(&repo.join(folder), &root.join(folder));
    }
    std::fs::copy(repo.join("site.toml"), root.join("site.toml")).unwrap();
    signpost().args(["build", "--root"]).arg(&root).assert().success();
    (dir, root)
}

/// Services a council adds to a new site, each found only through the built-in words: none of
/// them says "Asperger's", "dyslexia", "CAMHS" or "physio".
const ADDED_SERVICES: &str = r#"
- id: autism-parent-group
  name: Parent group for autistic children
  category: things-to-do
  summary: Parents meet to share ideas and get support.
  provider: Parents Together
  ages: { from: 2, to: 18 }
  access: [drop-in]
  cost: Free
  contact:
    phone: "0121 496 0010"
  where:
    locality: Town centre
  when: Mondays, 10am to 12pm
  needs: [autism]
  last_reviewed: 2026-11-01

- id: reading-and-writing-support
  name: Reading and writing support team
  category: health
  summary: Teachers help children who find reading, spelling or handwriting hard.
  provider: Council learning support
  ages: { from: 5, to: 16 }
  access: [professional-referral]
  cost: Free
  contact:
    phone: "0121 496 0011"
  where:
    locality: Town centre
  when: School days
  needs: [specific-learning-difficulty]
  last_reviewed: 2026-11-01

- id: childrens-mental-health
  name: Children's mental health service
  category: health
  summary: NHS help for children and young people who feel anxious, low or unsafe.
  provider: Local NHS trust
  ages: { from: 0, to: 18 }
  access: [professional-referral]
  cost: Free
  contact:
    phone: "0121 496 0012"
  where:
    locality: Town centre
  when: Monday to Friday, 9am to 5pm
  needs: [mental-health]
  last_reviewed: 2026-11-01

- id: childrens-physiotherapy
  name: Children's physiotherapy
  category: health
  summary: Exercises and equipment for children who find it hard to move, sit or walk.
  provider: Local NHS trust
  ages: { from: 0, to: 18 }
  access: [professional-referral]
  cost: Free
  contact:
    phone: "0121 496 0013"
  where:
    locality: Town centre
  when: Monday to Friday, 9am to 5pm
  needs: [physical]
  last_reviewed: 2026-11-01
"#;

/// A site made by `signpost init`, with [`ADDED_SERVICES`] and any extra `files`, built; returns
/// (the folder guard, the root).
fn built_init_site(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new-site");
    signpost().arg("init").arg(&root).assert().success();
    // the starter writes a small synonyms file; without it the built-in words must do the work
    std::fs::remove_file(root.join("content/search-synonyms.yaml")).unwrap();
    std::fs::write(root.join("content/services/added.yaml"), ADDED_SERVICES).unwrap();
    for (path, text) in files {
        std::fs::write(root.join(path), text).unwrap();
    }
    signpost().args(["build", "--root"]).arg(&root).assert().success();
    (dir, root)
}

/// The result addresses of `signpost search` (JSON), best first.
fn search(root: &Path, query: &str, limit: usize) -> Vec<String> {
    let output = signpost()
        .args(["--format", "json", "search", "--root"])
        .arg(root)
        .args([query, "--limit", &limit.to_string()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    value["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["url"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The result addresses the browser engine (search.js over the static bundle, run in Node) gives
/// for each query, best first; `None` when Node is not installed.
fn browser(root: &Path, queries: &[&str], limit: usize) -> Option<Vec<Vec<String>>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/search-engine.mjs");
    let Ok(mut child) = Command::new("node")
        .arg(script)
        .arg(root.join("public"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        eprintln!("node is not installed: skipping the browser engine check");
        return None;
    };
    let requests: Vec<serde_json::Value> = queries
        .iter()
        .map(|q| serde_json::json!({ "q": q, "limit": limit, "typing": !q.ends_with(' ') }))
        .collect();
    let request = serde_json::json!({ "queries": requests }).to_string();
    child.stdin.take().unwrap().write_all(request.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "node failed");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    Some(
        value["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|list| {
                list.as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["url"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .collect(),
    )
}

/// Services of the site at `root` tagged with any of `needs`, by address.
fn services_tagged(root: &Path, needs: &[&str]) -> Vec<String> {
    let (site, _) = signpost::content::load_site(root, false);
    let site = site.unwrap();
    site.services
        .iter()
        .filter(|s| s.record.needs.iter().any(|n| needs.contains(&n.id())))
        .map(|s| s.url.clone())
        .collect()
}

/// Services of the site at `root` in `category`, by address.
fn services_in(root: &Path, category: &str) -> Vec<String> {
    let (site, _) = signpost::content::load_site(root, false);
    let site = site.unwrap();
    site.services
        .iter()
        .filter(|s| s.record.category == category)
        .map(|s| s.url.clone())
        .collect()
}

/// Every query gives the same top `limit` in the browser as in `signpost search`.
fn browser_agrees(root: &Path, queries: &[&str], limit: usize) {
    let Some(found) = browser(root, queries, limit) else { return };
    for (query, bundle) in queries.iter().zip(found) {
        assert_eq!(bundle, search(root, query, limit), "{query:?}: the browser ranks differently");
    }
}

const FAMILY_WORDS: &[&str] = &[
    "aspergers ",
    "Asperger's ",
    "dyslexia ",
    "respite ",
    "camhs ",
    "physio ",
    "SALT ",
    "sendiass ",
    "SENDIASS",
    "special educational needs and disabilities information advice and support service ",
];

#[test]
fn the_example_finds_services_by_the_words_families_use() {
    let (_dir, root) = built_example();

    // "aspergers" (an outdated word the example never uses) finds every autism service
    let autism = services_tagged(&root, &["autism"]);
    assert!(autism.len() >= 5, "{autism:?}");
    let found = search(&root, "aspergers ", 100);
    for url in &autism {
        assert!(found.contains(url), "aspergers misses {url}: {found:?}");
    }
    for url in &found[..autism.len()] {
        assert!(autism.contains(url), "{url} ranks above an autism service for aspergers: {found:?}");
    }

    // "dyslexia" finds the services tagged for cognition and learning, and they come first
    let learning = services_tagged(&root, &["cognition-and-learning", "specific-learning-difficulty"]);
    assert!(learning.len() >= 5, "{learning:?}");
    let found = search(&root, "dyslexia ", 100);
    for url in &learning {
        assert!(found.contains(url), "dyslexia misses {url}: {found:?}");
    }
    for url in &found[..5] {
        assert!(learning.contains(url), "{url} ranks in the top 5 for dyslexia: {found:?}");
    }

    // "respite": short breaks services are the first services found
    let short_breaks = services_in(&root, "short-breaks");
    let found: Vec<String> = search(&root, "respite ", 20)
        .into_iter()
        .filter(|u| u.starts_with("/services/"))
        .collect();
    for url in &found[..3] {
        assert!(short_breaks.contains(url), "{url}: {found:?}");
    }

    let top = |query: &str, n: usize| search(&root, query, n);
    assert!(
        top("camhs ", 3).contains(&"/services/camhs-single-point-of-access/".to_string()),
        "{:?}",
        top("camhs ", 3)
    );
    assert_eq!(top("physio ", 1), vec!["/services/childrens-physiotherapy/"]);
    assert_eq!(top("SALT ", 1), vec!["/services/speech-and-language-therapy/"]);

    // the exact name ranks first: above the home page, which mentions SENDIASS more often
    assert_eq!(top("sendiass ", 1), vec!["/sendiass/"]);
    assert_eq!(top("SENDIASS", 1), vec!["/sendiass/"]);
    // a query equal to the glossary's expansion finds its acronym's page first, and pages that
    // use only some of its words
    let expansion = top(
        "special educational needs and disabilities information advice and support service ",
        100,
    );
    assert_eq!(expansion[0], "/sendiass/", "{expansion:?}");
    assert!(expansion.contains(&"/advice/".to_string()), "{expansion:?}");

    browser_agrees(&root, FAMILY_WORDS, 5);
}

#[test]
fn a_site_made_by_init_finds_them_with_no_synonyms_file() {
    let (_dir, root) = built_init_site(&[]);
    let first = |query: &str| search(&root, query, 1).into_iter().next().unwrap_or_default();
    // the starter's own services
    assert_eq!(first("respite "), "/services/saturday-play-scheme/");
    assert_eq!(first("SALT "), "/services/childrens-speech-and-language-therapy/");
    assert_eq!(first("SLT "), "/services/childrens-speech-and-language-therapy/");
    // services tagged with a need are found by the words families use for it
    assert_eq!(first("aspergers "), "/services/autism-parent-group/");
    assert_eq!(first("Asperger's "), "/services/autism-parent-group/");
    assert_eq!(first("ASD "), "/services/autism-parent-group/");
    assert_eq!(first("dyslexia "), "/services/reading-and-writing-support/");
    assert_eq!(first("dyspraxia "), "/services/reading-and-writing-support/");
    assert_eq!(first("camhs "), "/services/childrens-mental-health/");
    assert_eq!(first("physio "), "/services/childrens-physiotherapy/");
    browser_agrees(&root, FAMILY_WORDS, 5);
}

#[test]
fn a_site_can_add_words_and_take_out_built_in_ones() {
    let synonyms = "# our own words\n- [splash, swimming]\n- remove: [respite]\n- remove: [not a built-in word]\n";
    let (_dir, root) = built_init_site(&[("content/search-synonyms.yaml", synonyms)]);
    // its own group works, and the built-in ones it did not touch still do
    assert_eq!(search(&root, "splash ", 1), vec!["/services/inclusive-swimming/"]);
    assert_eq!(search(&root, "aspergers ", 1), vec!["/services/autism-parent-group/"]);
    // "respite" is no longer a word for short breaks
    assert!(search(&root, "respite ", 10).is_empty());
    // a word to remove that is not built in is a warning at its line
    let output = signpost().args(["build", "--root"]).arg(&root).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/search-synonyms.yaml:4:") && stderr.contains("not one of Signpost's built-in search words"),
        "{stderr}"
    );
}

#[test]
fn built_in_words_can_be_switched_off() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new-site");
    signpost().arg("init").arg(&root).assert().success();
    std::fs::remove_file(root.join("content/search-synonyms.yaml")).unwrap();
    std::fs::write(root.join("content/services/added.yaml"), ADDED_SERVICES).unwrap();
    let config = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(root.join("site.toml"), format!("{config}\n[search]\nbuilt_in_terms = false\n")).unwrap();
    signpost().args(["build", "--root"]).arg(&root).assert().success();
    assert!(search(&root, "aspergers ", 10).is_empty());
    assert!(search(&root, "respite ", 10).is_empty());
    // the glossary's acronyms still work: "SENCO" finds the page that spells it out
    assert_eq!(
        search(&root, "special educational needs coordinator ", 1),
        vec!["/advice/getting-help/"]
    );
}

#[test]
fn the_browser_looks_names_up_in_the_file_the_build_put_them_in() {
    let names = [
        "sendiass",
        "walsal sendiass",
        "children speech languag therapi",
        "café",
        "ăîș 12",
        "",
    ];
    let mut pairs = Vec::new();
    for count in [1u32, 2, 7, 1000] {
        for name in names {
            pairs.push((name, count));
        }
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/search-engine.mjs");
    let Ok(mut child) = Command::new("node")
        .arg(script)
        .arg(".")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        eprintln!("node is not installed: skipping the browser engine check");
        return;
    };
    let request = serde_json::json!({ "buckets": pairs }).to_string();
    child.stdin.take().unwrap().write_all(request.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "node failed");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let browser: Vec<u64> = value["buckets"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap()).collect();
    let rust: Vec<u64> = pairs
        .iter()
        .map(|(name, count)| u64::from(signpost::search::bundle::name_bucket(name, *count)))
        .collect();
    assert_eq!(browser, rust);
}
