#!/usr/bin/env node
// Runs the browser search engine (themes/default/static/search.js) in Node over a built site's
// static bundle, for the Rust tests (tests/integration/search.rs) and the benchmark (bench/search.py).
// Usage: node tests/browser/search-engine.mjs SITE_DIR < requests.json
//   requests.json: {"queries": [{"q": "...", "filters": {...}, "limit": 5, "typing": false}], "stems": ["word", ...],
//                   "buckets": [["name", count], ...], "plain": ["text in another language", ...]}
// Prints {"results": [[{url, score}, ...], ...], "stems": ["stem", ...], "fetched": [[path, ...], ...],
//         "buckets": [n, ...], "plain": [[word, ...], ...]} (the names file each name is looked up in;
//         the words of each "plain" text, unstemmed).
import fs from 'node:fs';
import path from 'node:path';

// search.js is a plain browser script: run it with a `module` object to get its API.
const here = path.dirname(new URL(import.meta.url).pathname);
const source = fs.readFileSync(path.join(here, '../../themes/default/static/search.js'), 'utf8');
const holder = { exports: {} };
new Function('module', source)(holder);
const engineApi = holder.exports;

const site = process.argv[2];
if (!site) {
  console.error('usage: node tests/browser/search-engine.mjs SITE_DIR < requests.json');
  process.exit(2);
}
const request = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = { results: [], stems: [], fetched: [], buckets: [] };
for (const query of request.queries || []) {
  const fetched = [];
  const engine = engineApi.createEngine(async (url) => {
    fetched.push(url);
    const file = path.join(site, url);
    return JSON.parse(await fs.promises.readFile(file, 'utf8'));
  });
  const found = await engine.search(query.q, { filters: query.filters || {}, limit: query.limit || 5, typing: !!query.typing });
  out.results.push(found.results.map((r) => ({ url: r.url, score: r.score, summary: r.summary })));
  out.fetched.push(fetched);
}
out.stems = (request.stems || []).map((w) => engineApi.stem(w));
// Another language's words as its shard of the bundle analyses them (no stemming).
out.plain = (request.plain || []).map((text) => engineApi.words(text, {}, true).map((w) => w.stem));
out.buckets = (request.buckets || []).map(([name, count]) => engineApi.nameBucket(name, count));
process.stdout.write(JSON.stringify(out) + '\n');
