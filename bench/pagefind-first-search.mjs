#!/usr/bin/env node
// Runs Pagefind's own search script (pagefind/pagefind.js) in Node over a built site and reports
// what a browser would download for a first search of each query, with the top 5 results' data
// loaded (as Pagefind's UI shows them). Used by bench/search.py.
// Usage: node bench/pagefind-first-search.mjs SITE_DIR QUERY...   -> JSON lines {query, files: [[path, bytes]...]}
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [site, ...queries] = process.argv.slice(2);
const files = [];
globalThis.fetch = async (url) => {
  const file = fileURLToPath(String(url).split('?')[0]);
  const bytes = fs.readFileSync(file);
  files.push([path.relative(site, file), bytes.length]);
  return new Response(bytes, { status: 200 });
};
globalThis.window = globalThis;
globalThis.location = { href: pathToFileURL(site + '/').href, origin: 'file://' };
for (const query of queries) {
  files.length = 0;
  files.push(['pagefind/pagefind.js', fs.statSync(path.join(site, 'pagefind/pagefind.js')).size]);
  const pagefind = await import(pathToFileURL(path.join(site, 'pagefind/pagefind.js')).href + '?q=' + encodeURIComponent(query));
  await pagefind.options({ basePath: pathToFileURL(path.join(site, 'pagefind') + '/').href });
  await pagefind.init();
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  process.stdout.write(JSON.stringify({ query, results: search.results.length, files }) + '\n');
}
