#!/usr/bin/env node
// The built site under its own Content-Security-Policy: serves SITE_DIR on 127.0.0.1 with the
// headers from its `_headers` file (parsed the way Netlify and Cloudflare Pages read it), opens a
// page of every template in headless Chromium at 320 and 1280 px, uses search, the directory
// filters and the shortlist, and fails on any CSP violation (securitypolicyviolation events and
// CSP console errors). Also checks every page's HTML for inline script or style and for the
// policy's <meta> tag, and that the listener does notice a violation (a deliberate one).
//
// Usage: node tests/browser/csp.mjs SITE_DIR   (SITE_DIR: `signpost build` of the example site)
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { resolveRequest, launchChromium, findHtmlFiles } from './lib.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node tests/browser/csp.mjs SITE_DIR');
  process.exit(2);
}

let failures = 0;
function check(condition, message) {
  if (condition) {
    console.log(`ok   ${message}`);
  } else {
    failures++;
    console.log(`FAIL ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// `_headers`: blocks of a path pattern (`*` matches anything, slashes included) and indented
// `Name: value` lines; `#` starts a comment. Every matching rule applies; a header given by two
// rules is joined with ", " (what both hosts do).

export function parseHeadersFile(text) {
  const rules = [];
  for (const [number, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const regex = new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      rules.push({ pattern, regex, headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`_headers line ${number + 1} cannot be read: ${line}`);
    rules[rules.length - 1].headers.push([match[1], match[2].trim()]);
  }
  return rules;
}

function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    if (!rule.regex.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = key in out ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.vtt': 'text/vtt; charset=utf-8', '.webm': 'video/webm', '.mp4': 'video/mp4' };

async function serveWithHeaders(dir, rules) {
  const root = await fsp.realpath(path.resolve(dir));
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = new URL(req.url || '/', 'http://127.0.0.1').pathname;
      const extra = headersFor(rules, pathname);
      const r = await resolveRequest(root, req.url || '/');
      if (r.status === 301) {
        res.writeHead(301, { ...extra, Location: r.location });
        return res.end();
      }
      const file = r.status === 200 ? r.file : path.join(root, '404.html');
      const status = r.status === 200 ? 200 : 404;
      const body = await fsp.readFile(file);
      res.writeHead(status, { ...extra, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// ---------------------------------------------------------------------------------------------
// The pages: one of every template, and what to do on some of them.

const PAGES = [
  { name: 'home', url: '/' },
  { name: 'section', url: '/advice/' },
  { name: 'page', url: '/advice/funding/' },
  { name: 'page with its video played', url: '/sendiass/', act: playVideo },
  { name: 'services', url: '/services/' },
  { name: 'service', url: '/services/kooth/' },
  { name: 'category with filters used', url: '/services/short-breaks/', act: useFilters },
  { name: 'need', url: '/services/needs/autism/' },
  { name: 'locality', url: '/services/localities/bloxwich/' },
  { name: 'age', url: '/services/ages/5-10/' },
  { name: 'A to Z', url: '/services/a-z/' },
  { name: 'search with a query typed', url: '/search/', act: typeSearch },
  { name: 'shortlist with an item added', url: '/services/splash-send-swimming/', act: addToShortlist },
  { name: 'easy-read page', url: '/about/easy-read/' },
  { name: 'easy-read index', url: '/easy-read/' },
  { name: 'glossary', url: '/glossary/' },
  { name: 'you said, we did', url: '/you-said-we-did/' },
  { name: 'news listing', url: '/news/' },
  { name: 'news item with an attachment', url: '/news/sendiass-autumn-newsletter/' },
  { name: "what's on with filters used", url: '/whats-on/', act: useEventFilters },
  { name: 'event', url: '/whats-on/0-19-health-send-drop-in/' },
  { name: '404', url: '/no-such-page/', status: 404 },
  // An old address (content/redirects.yaml): its page sends the browser on by itself.
  { name: 'old address (redirect page)', url: '/send/short-breaks/', redirectsTo: '/services/short-breaks/' },
];

async function useFilters(page) {
  // On a narrow screen the filters sit behind the Filter button.
  if (!(await page.locator('[data-filter-panel]').evaluate((d) => d.open))) await page.click('[data-filter-toggle]');
  await page.fill('#filter-age', '8');
  await page.selectOption('#filter-need', { index: 1 });
  await page.selectOption('#filter-cost', { index: 1 });
  await page.waitForTimeout(700);
  const shown = await page.$$eval('[data-service]', (cards) => cards.filter((c) => !c.hidden).length);
  const total = await page.$$eval('[data-service]', (cards) => cards.length);
  if (!(shown < total)) throw new Error(`the filters hid nothing (${shown} of ${total})`);
}

async function playVideo(page) {
  const played = await page.evaluate(async () => {
    const video = document.querySelector('figure.video video');
    if (!video) return 'no video on the page';
    video.muted = true;
    await video.play();
    await new Promise((resolve) => setTimeout(resolve, 700));
    video.pause();
    return video.currentTime > 0 && video.textTracks[0].cues && video.textTracks[0].cues.length > 0 ? 'ok' : 'the video or its captions did not load';
  });
  if (played !== 'ok') throw new Error(played);
}

async function useEventFilters(page) {
  await page.fill('#filter-age', '3');
  await page.selectOption('#filter-locality', { index: 1 });
  await page.waitForTimeout(700);
  const shown = await page.$$eval('[data-occurrence]', (items) => items.filter((i) => !i.hidden).length);
  const total = await page.$$eval('[data-occurrence]', (items) => items.length);
  if (!(shown < total)) throw new Error(`the filters hid nothing (${shown} of ${total})`);
}

async function typeSearch(page) {
  const box = page.locator('#search-query');
  await box.pressSequentially('short breaks', { delay: 5 });
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-search-results] > li').length > 0, null, { timeout: 10_000 });
}

async function addToShortlist(page, origin, seen) {
  const toggle = page.locator('.shortlist-toggle__button');
  await toggle.click();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') throw new Error('the shortlist button did not add the service');
  seen.push(...(await violations(page)));
  await page.goto(`${origin}/shortlist/`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('[data-shortlist-list] li').length === 1, null, { timeout: 5_000 });
}

// Collects violations in the page itself (added before any of the page's own script runs).
function listen() {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`),
    true,
  );
}

function watch(page) {
  const seen = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) seen.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  return seen;
}

async function violations(page) {
  return page.evaluate(() => window.__cspViolations || ['the violation listener was not installed']);
}

// ---------------------------------------------------------------------------------------------

const headersPath = path.join(site, '_headers');
if (!fs.existsSync(headersPath)) {
  console.error(`csp: ${headersPath} does not exist; build the site first`);
  process.exit(2);
}
const rules = parseHeadersFile(fs.readFileSync(headersPath, 'utf8'));
const pagePolicy = headersFor(rules, '/')['content-security-policy'] || '';
check(/default-src 'self'/.test(pagePolicy) && !/unsafe-/.test(pagePolicy), `_headers gives a strict policy: ${pagePolicy}`);
check(/frame-ancestors 'none'/.test(pagePolicy), '_headers forbids framing');

// Every page, read as text: the policy's <meta>, no inline script or style.
const htmlFiles = await findHtmlFiles(site);
const kinds = new Set();
for (const file of htmlFiles) {
  const html = fs.readFileSync(path.join(site, file), 'utf8');
  const kind = /<body class="page-([a-z-]+)/.exec(html);
  if (kind) kinds.add(kind[1]);
  const problems = [];
  if (!/<meta http-equiv="Content-Security-Policy" content="[^"]*default-src/.test(html)) problems.push('no CSP <meta>');
  if (/\sstyle\s*=/i.test(html)) problems.push('a style attribute');
  if (/<style[\s>]/i.test(html)) problems.push('a <style> element');
  if (/\son[a-z]+\s*=/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, ''))) problems.push('an event handler attribute');
  for (const tag of html.match(/<script\b[^>]*>/gi) || []) {
    if (!/\ssrc=/.test(tag) && !/type="application\/json"/.test(tag)) problems.push(`an inline script ${tag}`);
  }
  if (problems.length) check(false, `${file}: ${problems.join(', ')}`);
}
check(htmlFiles.length > 0, `${htmlFiles.length} pages have the policy's <meta> and no inline script or style`);

let server;
let browser;
try {
  server = await serveWithHeaders(site, rules);
  browser = await launchChromium();
} catch (error) {
  console.error(`csp: ${error.message}`);
  process.exit(2);
}

try {
  // The harness notices a violation: setting a style attribute breaks style-src 'self'.
  {
    const context = await browser.newContext();
    await context.addInitScript(listen);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.waitForTimeout(200);
    check((await violations(page)).length > 0, 'a deliberate inline style is reported as a violation (the listener works)');
    await context.close();
  }

  const served = await fetch(`${server.origin}/`);
  check(served.headers.get('content-security-policy') === pagePolicy, 'pages are served with the policy from _headers');
  check(served.headers.get('x-content-type-options') === 'nosniff', 'pages are served with nosniff');
  const assetPath = (await served.text()).match(/href="(\/assets\/site\.[0-9a-f]{10}\.css)"/);
  check(Boolean(assetPath), 'the stylesheet has a hashed name');
  if (assetPath) {
    const asset = await fetch(server.origin + assetPath[1]);
    check(/immutable/.test(asset.headers.get('cache-control') || ''), `hashed assets are cached for good (${asset.headers.get('cache-control')})`);
  }

  const visitedKinds = new Set();
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.addInitScript(listen);
    for (const spec of PAGES) {
      const page = await context.newPage();
      const seen = watch(page);
      let problem = '';
      try {
        const response = await page.goto(server.origin + spec.url, { waitUntil: spec.redirectsTo ? 'commit' : 'load' });
        if (response.status() !== (spec.status || 200)) problem = `status ${response.status()}`;
        if (!response.headers()['content-security-policy']) {
          // With the admin page (/admin/, its own policy), _headers gives the site's policy for
          // each top-level name the site has, so an address under none gets the 404 page with
          // the site's policy in its <meta> only.
          const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
          const adminSite = fs.existsSync(path.join(site, 'admin', 'index.html'));
          const metaOnly = spec.status === 404 && adminSite && meta && pagePolicy.startsWith(meta);
          if (!metaOnly) problem = 'no CSP header';
        }
        if (spec.redirectsTo) {
          await page.waitForURL(server.origin + spec.redirectsTo, { timeout: 10_000 });
          await page.waitForLoadState('load');
          visitedKinds.add('redirect');
        }
        const kind = () => page.evaluate(() => (/page-([a-z-]+)/.exec(document.body.className) || [])[1]);
        for (const k of [await kind()]) if (k) visitedKinds.add(k);
        if (spec.act) await spec.act(page, server.origin, seen);
        await page.waitForTimeout(300);
        for (const k of [await kind()]) if (k) visitedKinds.add(k);
        seen.push(...(await violations(page)));
      } catch (error) {
        problem = error.message.split('\n')[0];
      }
      check(!problem && seen.length === 0, `${width} px ${spec.name} (${spec.url}): ${problem || (seen.length ? seen.join('; ') : 'no CSP violations')}`);
      await page.close();
    }
    await context.close();
  }
  const missed = [...kinds].filter((kind) => !visitedKinds.has(kind));
  check(missed.length === 0, `every page template was visited (${[...visitedKinds].sort().join(', ')})${missed.length ? `; missed: ${missed.join(', ')}` : ''}`);
} catch (error) {
  failures++;
  console.log(`FAIL ${error.stack || error}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`csp: ${failures === 0 ? 'all passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
