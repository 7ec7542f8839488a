#!/usr/bin/env node
// A site published under a sub-path: builds the example with
// `signpost build --base-url http://127.0.0.1:PORT/localoffer/`, serves the output only under
// /localoffer/ on loopback (like a GitHub Pages project site), then crawls every page and checks
// every reference on this host: href, src, srcset, action, poster, CSS url(), the sitemap and
// feeds, and what the scripts fetch (the search bundle's files and the addresses its results
// and the shortlist link to). Prints how many it checked; fails if one is broken.
//
// Usage: node tests/browser/subpath.mjs --signpost BIN --root SITE_ROOT --out DIR [--base-path /localoffer/]
// Exit status: 0 nothing broken; 1 something broken; 2 the harness could not run.
import { execFileSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { serveStatic, basePath } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : null;
};
const signpost = option('--signpost');
const root = option('--root');
const out = option('--out');
const BASE = basePath(args) === '/' ? '/localoffer/' : basePath(args);
if (!signpost || !root || !out) {
  console.error('usage: node tests/browser/subpath.mjs --signpost BIN --root SITE_ROOT --out DIR [--base-path /localoffer/]');
  process.exit(2);
}

let server;
try {
  await fsp.mkdir(out, { recursive: true });
  server = await serveStatic(out, { prefix: BASE });
  execFileSync(signpost, ['build', '--root', root, '--output', out, '--force', '--base-url', `${server.site}/`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} catch (error) {
  console.error(`subpath: cannot start: ${error.message}`);
  if (server) await server.close();
  process.exit(2);
}

const origin = server.origin;
const checked = new Map(); // address -> status
const broken = []; // [address, found on]
const queue = [];
let references = 0;

const attribute = (name) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'gi');
const decode = (value) =>
  value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

// Every address written in an HTML page (minus other websites and non-web schemes).
function addressesInHtml(html) {
  const found = [];
  for (const name of ['href', 'src', 'action', 'poster', 'formaction', 'data']) {
    for (const m of html.matchAll(attribute(name))) found.push(decode(m[1]));
  }
  for (const m of html.matchAll(attribute('srcset'))) {
    for (const candidate of decode(m[1]).split(',')) {
      const address = candidate.trim().split(/\s+/)[0];
      if (address) found.push(address);
    }
  }
  for (const m of html.matchAll(/url\(\s*['"]?([^'")\s]+)/g)) found.push(m[1]);
  // A redirect page's refresh: <meta http-equiv="refresh" content="0; url=ADDRESS">.
  for (const m of html.matchAll(/http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"/gi)) found.push(decode(m[1]));
  return found;
}

async function fetchStatus(url) {
  const response = await fetch(url, { redirect: 'manual' });
  const body = response.status === 200 ? await response.text() : '';
  return { status: response.status, type: response.headers.get('content-type') || '', body, location: response.headers.get('location') };
}

function refer(address, from) {
  if (!address || /^(mailto|tel|sms|data|javascript):/i.test(address)) return;
  let url;
  try {
    url = new URL(address, from);
  } catch {
    broken.push([address, from]);
    return;
  }
  if (url.origin !== origin) return; // another website (checked by `signpost check --external`)
  references++;
  url.hash = '';
  const key = url.href;
  if (!checked.has(key)) {
    checked.set(key, null);
    queue.push([key, from]);
  }
}

async function crawl() {
  while (queue.length) {
    const [url, from] = queue.shift();
    const { status, type, body, location } = await fetchStatus(url);
    checked.set(url, status);
    if (status === 301 && location) {
      // The host adds the slash of a folder (/old -> /old/): follow it.
      refer(location, url);
      continue;
    }
    if (status !== 200) {
      broken.push([`${url} (${status})`, from]);
      continue;
    }
    if (!new URL(url).pathname.startsWith(BASE)) broken.push([`${url} (outside ${BASE})`, from]);
    if (type.startsWith('text/html')) {
      for (const address of addressesInHtml(body)) refer(address, url);
      const base = body.match(/<html[^>]*\sdata-base="([^"]*)"/);
      if (!base || base[1] !== BASE) broken.push([`data-base of ${url} is ${base && base[1]}`, url]);
      const source = body.match(/<div data-shortlist data-source="([^"]*)"/);
      if (source && source[1] !== `${BASE}shortlist/data/`) broken.push([`the shortlist's data-source is ${source[1]}`, url]);
      const saved = body.match(/data-shortlist-save data-id="([^"]+)"/);
      if (saved) {
        // shortlist.js fetches a saved service's data file from the shortlist's data-source.
        refer(`${BASE}shortlist/data/${saved[1]}.json`, url);
        refer(`${BASE}shortlist/`, url);
      }
      if (body.includes('data-search-form')) {
        // search.js fetches its bundle from base + 'search/'.
        await searchBundle(url);
      }
    } else if (new URL(url).pathname.startsWith(`${BASE}shortlist/data/`)) {
      // shortlist.js links each shortlisted service at base + its route.
      refer(BASE + JSON.parse(body).url.replace(/^\//, ''), url);
    } else if (type.startsWith('text/css')) {
      for (const m of body.matchAll(/url\(\s*['"]?([^'")\s]+)/g)) refer(m[1], url);
    } else if (type.includes('xml')) {
      for (const m of body.matchAll(/<loc>([^<]+)<\/loc>/g)) refer(decode(m[1]), url);
      for (const m of body.matchAll(/<link[^>]*href="([^"]+)"/g)) refer(decode(m[1]), url);
    }
  }
}

let bundleDone = false;
async function searchBundle(page) {
  if (bundleDone) return;
  bundleDone = true;
  const bundle = `${origin}${BASE}search/`;
  const metaResponse = await fetch(`${bundle}meta.json`);
  if (!metaResponse.ok) {
    broken.push([`${bundle}meta.json (${metaResponse.status})`, page]);
    return;
  }
  refer(`${bundle}meta.json`, page);
  refer(`${bundle}facets.json`, page);
  // Every file of the bundle on disk is one search.js may fetch; each result is a route.
  const files = await fsp.readdir(path.join(out, 'search'), { recursive: true, withFileTypes: true });
  for (const file of files.filter((f) => f.isFile())) {
    const relative = path.relative(path.join(out, 'search'), path.join(file.parentPath ?? file.path, file.name));
    refer(`${bundle}${relative.split(path.sep).join('/')}`, page);
    if (relative.startsWith(`docs${path.sep}`)) {
      const docs = JSON.parse(await fsp.readFile(path.join(out, 'search', relative), 'utf8'));
      for (const doc of Array.isArray(docs) ? docs : Object.values(docs)) {
        if (Array.isArray(doc) && typeof doc[0] === 'string') refer(BASE + doc[0].replace(/^\//, ''), `${bundle}${relative}`);
      }
    }
  }
}

try {
  for (const start of ['', 'sitemap.xml', 'news/feed.xml', '404.html']) refer(`${origin}${BASE}${start}`, `${origin}${BASE}`);
  // Redirects: every old address with a page (a folder, .html, or no extension) and every
  // new address, as listed in _redirects, under the sub-path.
  const list = await fetch(`${origin}${BASE}_redirects`);
  if (list.ok) {
    for (const line of (await list.text()).split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [from, to] = line.split(/\s+/);
      const last = from.split('/').pop();
      if (from.endsWith('/') || /\.html?$/.test(last) || !last.includes('.')) refer(from, `${origin}${BASE}_redirects`);
      refer(to, `${origin}${BASE}_redirects`);
    }
  }
  await crawl();
  // Nothing is served outside the sub-path: a root-relative address left in a page would 404.
  const rootOnly = await fetch(`${origin}/services/`);
  if (rootOnly.status !== 404) broken.push([`${origin}/services/ answered ${rootOnly.status} outside ${BASE}`, 'the test server']);
} finally {
  await server.close();
}

const pages = [...checked.keys()].filter((url) => url.endsWith('/') || url.endsWith('.html')).length;
console.log(`subpath: ${references} references to ${checked.size} addresses (${pages} pages) under ${BASE}; ${broken.length} broken`);
for (const [address, from] of broken.slice(0, 40)) console.log(`FAIL ${address}\n     on ${from}`);
process.exit(broken.length ? 1 : 0);
