//! The static search bundle under `/search/` in the output: the index cut into small JSON files
//! that `search.js` fetches only as a query needs them. Every score in it is the one tantivy gives
//! (read back from the index just built), so the browser ranks as `signpost search` does.
//!
//! - `search/meta.json`: document count, file sizes, the planner's constants, stop words, synonyms;
//! - `search/dict/<c>.json`: every stem starting with the character `c`: `[term file, doc count]`;
//! - `search/terms/<n>.json`: postings of a run of stems: `[doc gap, score × 100, …]`;
//! - `search/docs/<n>.json`: what results show (address, title, summary, category, easy read,
//!   and for a service its ages, cost, locality, whole-area reach and its venues' points for
//!   "near me");
//! - `search/names/<n>.json`: documents by name (see [`SearchDoc::names`]) for the names whose
//!   hash ([`name_bucket`]) is `n`: `{name: [doc, …]}`, one fetched per query to rank an exact
//!   name first;
//! - `search/facets.json`: what filters need (category, ages, localities, needs), fetched only
//!   when a filter is used.
//!
//! The files are written from sorted data only, so the same site gives the same bytes.

use super::analysis::FUZZY_MIN_CHARS;
use super::documents::SearchDoc;
use super::index::filter_needs;
use super::plan::{FUZZY_MAX, FUZZY_WEIGHT, MAX_WORDS, NAME_BONUS, PART_WEIGHT, PREFIX_MAX, PREFIX_WEIGHT, SYNONYM_WEIGHT};
use super::query::SearchIndex;
use crate::config::SearchConfig;
use crate::output::FileWriter;
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The folder of the bundle in the output.
pub const BUNDLE_DIR: &str = "search";

/// Scores are stored as whole numbers: this many per point.
pub const SCORE_SCALE: f32 = 100.0;

/// The file name (without `.json`) of the dictionary piece for stems starting with `first`.
pub fn dict_key(first: char) -> String {
    if first.is_ascii_alphanumeric() {
        first.to_string()
    } else {
        format!("u{:x}", first as u32)
    }
}

/// The folder of a language's shard of the bundle: `search/lang/pl`.
pub fn language_dir(tag: &str) -> String {
    format!("{BUNDLE_DIR}/lang/{tag}")
}

/// Stems whose postings are scored side by side before their shards are handed over: enough to
/// keep both cores busy, few enough that a large site's postings are never all in memory at once.
const STEMS_PER_ROUND: usize = 4096;

/// Makes the bundle's files under `dir` ([`BUNDLE_DIR`], or [`language_dir`] for the shard of
/// the language `language`: its own index of its translated pages, which `search.js` loads only
/// on that language's search page, with `"stem": false` in its `meta.json`: words are matched as
/// written) and hands each to `out` as soon as it is made. The order and the bytes are the same
/// in every build of the same site.
pub fn write_files(
    dir: &str,
    language: Option<&str>,
    index: &SearchIndex,
    docs: &[SearchDoc],
    config: &SearchConfig,
    out: &FileWriter<'_>,
) -> Result<(), String> {
    let shard_bytes = config.shard_kb.max(1) * 1024;
    let docs_per_file = config.docs_per_file.max(1);
    let unreadable = |e: tantivy::TantivyError| format!("Cannot read the search index just built: {e}");

    let stems: Vec<(&String, &u64)> = index.vocabulary().iter().collect();
    let mut dict: BTreeMap<String, BTreeMap<&str, (usize, u64)>> = BTreeMap::new();
    let mut shard = String::new();
    let mut shard_number = 0;
    for round in stems.chunks(STEMS_PER_ROUND) {
        let postings: Vec<String> = round
            .par_iter()
            .map(|(stem, _)| index.stem_scores(stem).map(|scores| encode_postings(&scores)))
            .collect::<tantivy::Result<_>>()
            .map_err(unreadable)?;
        for ((stem, count), encoded) in round.iter().zip(postings) {
            let entry = format!("{}:{encoded}", json!(stem));
            if !shard.is_empty() && shard.len() + entry.len() > shard_bytes {
                out(&format!("{dir}/terms/{shard_number}.json"), &format!("{{{shard}}}").into_bytes())?;
                shard.clear();
                shard_number += 1;
            }
            if !shard.is_empty() {
                shard.push(',');
            }
            shard.push_str(&entry);
            let first = stem.chars().next().unwrap_or('_');
            dict.entry(dict_key(first))
                .or_default()
                .insert(stem.as_str(), (shard_number, **count));
        }
    }
    if !shard.is_empty() {
        out(&format!("{dir}/terms/{shard_number}.json"), &format!("{{{shard}}}").into_bytes())?;
    }
    drop(shard);
    for (key, entries) in &dict {
        let value: BTreeMap<&str, [u64; 2]> = entries.iter().map(|(t, (s, c))| (*t, [*s as u64, *c])).collect();
        out(&format!("{dir}/dict/{key}.json"), &to_bytes(&json!(value)))?;
    }
    drop(dict);

    for (number, chunk) in docs.chunks(docs_per_file).enumerate() {
        let rows: Vec<Value> = chunk
            .iter()
            .map(|d| {
                let ages = d.ages.map(|(from, to)| crate::render::views::ages_text(from, to));
                let cost = (d.category.is_some() && !d.cost.is_empty()).then_some(d.cost.as_str());
                json!([
                    d.url,
                    d.title,
                    d.summary,
                    d.category_name,
                    u8::from(d.easy_read),
                    ages,
                    cost,
                    d.locality,
                    d.reach,
                    d.near
                ])
            })
            .collect();
        out(&format!("{dir}/docs/{number}.json"), &to_bytes(&Value::Array(rows)))?;
    }
    out(&format!("{dir}/facets.json"), &to_bytes(&facets(docs)))?;
    let name_buckets = name_files(dir, docs, shard_bytes, out)?;

    let mut meta = json!({
        "version": 1,
        "docs": docs.len(),
        "docsPerFile": docs_per_file,
        "scoreScale": SCORE_SCALE,
        "weights": { "synonym": SYNONYM_WEIGHT, "prefix": PREFIX_WEIGHT, "fuzzy": FUZZY_WEIGHT, "part": PART_WEIGHT, "name": NAME_BONUS },
        "prefixMax": PREFIX_MAX,
        "fuzzyMax": FUZZY_MAX,
        "fuzzyMinChars": FUZZY_MIN_CHARS,
        "maxWords": MAX_WORDS,
        "stopWords": index.analysis().stop_words(),
        "synonyms": index.synonyms().groups,
        "nameBuckets": name_buckets,
    });
    if let (Some(tag), Some(fields)) = (language, meta.as_object_mut()) {
        fields.insert("language".to_string(), json!(tag));
        fields.insert("stem".to_string(), json!(false));
    }
    out(&format!("{dir}/meta.json"), &to_bytes(&meta))
}

/// The bucket of a name: FNV-1a (32 bits) of its UTF-8 bytes, modulo `buckets` (`search.js`
/// computes the same).
pub fn name_bucket(name: &str, buckets: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in name.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % buckets.max(1)
}

/// Hands over `search/names/<bucket>.json` files, each `{name: [doc, …]}` for the names in that
/// bucket, with about `shard_bytes` in each; returns how many buckets there are.
fn name_files(dir: &str, docs: &[SearchDoc], shard_bytes: usize, out: &FileWriter<'_>) -> Result<u32, String> {
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (number, doc) in docs.iter().enumerate() {
        for name in &doc.names {
            by_name.entry(name).or_default().push(number);
        }
    }
    let size: usize = by_name.iter().map(|(name, docs)| name.len() + 6 + docs.len() * 6).sum();
    let buckets = u32::try_from(size.div_ceil(shard_bytes).max(1)).unwrap_or(u32::MAX);
    let mut files: BTreeMap<u32, BTreeMap<&str, &Vec<usize>>> = BTreeMap::new();
    for (name, numbers) in &by_name {
        files.entry(name_bucket(name, buckets)).or_default().insert(name, numbers);
    }
    for (bucket, entries) in &files {
        out(&format!("{dir}/names/{bucket}.json"), &to_bytes(&json!(entries)))?;
    }
    Ok(buckets)
}

/// `[doc gap, score, doc gap, score, …]` with scores as whole numbers (at least 1).
fn encode_postings(scores: &[(u64, f32)]) -> String {
    let mut out = String::with_capacity(scores.len() * 6 + 2);
    out.push('[');
    let mut previous = 0;
    for (i, (number, score)) in scores.iter().enumerate() {
        let gap = if i == 0 { *number } else { number - previous };
        previous = *number;
        let scaled = ((score * SCORE_SCALE).round() as u64).max(1);
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{gap},{scaled}");
    }
    out.push(']');
    out
}

/// What the filters need: lists of values, then per document `[category, from, to, [localities], [needs]]`
/// as positions in those lists (-1: none).
fn facets(docs: &[SearchDoc]) -> Value {
    let mut categories: Vec<&str> = docs.iter().filter_map(|d| d.category.as_deref()).collect();
    let mut localities: Vec<&str> = docs.iter().flat_map(|d| d.localities.iter().map(String::as_str)).collect();
    let doc_needs: Vec<Vec<String>> = docs.iter().map(|d| filter_needs(&d.needs)).collect();
    let mut needs: Vec<&str> = doc_needs.iter().flatten().map(String::as_str).collect();
    for list in [&mut categories, &mut localities, &mut needs] {
        list.sort();
        list.dedup();
    }
    let position = |list: &[&str], value: &str| list.binary_search(&value).map(|i| i as i64).unwrap_or(-1);
    let rows: Vec<Value> = docs
        .iter()
        .zip(&doc_needs)
        .map(|(d, own_needs)| {
            let (from, to) = d.ages.map(|(f, t)| (i64::from(f), i64::from(t))).unwrap_or((-1, -1));
            let category = d.category.as_deref().map(|c| position(&categories, c)).unwrap_or(-1);
            let places: Vec<i64> = d.localities.iter().map(|l| position(&localities, l)).collect();
            let need_positions: Vec<i64> = own_needs.iter().map(|n| position(&needs, n)).collect();
            json!([category, from, to, places, need_positions])
        })
        .collect();
    json!({ "categories": categories, "localities": localities, "needs": needs, "docs": rows })
}

fn to_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::name_bucket;

    #[test]
    fn name_buckets_are_fnv_1a() {
        // published FNV-1a 32-bit values
        assert_eq!(name_bucket("", u32::MAX), 0x811c_9dc5);
        assert_eq!(name_bucket("a", u32::MAX), 0xe40c_292c);
        assert_eq!(name_bucket("foobar", u32::MAX), 0xbf9c_f968);
        assert_eq!(name_bucket("sendiass", 1), 0);
        assert!(name_bucket("special educ need", 7) < 7);
    }
}
