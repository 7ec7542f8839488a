#!/usr/bin/env node
// Accessibility test of a built Signpost site: every HTML page, in headless Chromium, with axe-core
// (WCAG 2.0/2.1 A + AA and WCAG 2.2 AA rules), at a desktop width and at 320 CSS px (reflow,
// WCAG 1.4.10). Each page + width is one test. At 320 px it also fails a page that scrolls
// sideways as a whole (content that needs two-dimensional scrolling, such as a data table, must
// sit in its own scrolling container).
//
// Usage: node tests/browser/axe.mjs SITE_DIR [--workers N] [--widths 1280,320] [--no-reflow-check]
//                                             [--filter SUBSTRING]
// Exit status: 0 all passed; 1 a test failed; 2 nothing to test or the harness could not run.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveStatic, launchChromium, findHtmlFiles, fileToUrlPath } from './lib.mjs';

const require = createRequire(import.meta.url);

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = { 1280: { width: 1280, height: 900 }, 320: { width: 320, height: 800 } };
const SNIPPET_MAX = 200;
const NAV_TIMEOUT_MS = 30_000;
const MISSING_URL = '/no-such-page/signpost-axe-check/';

function usage(msg) {
  if (msg) console.error(`axe: ${msg}`);
  console.error(
    'usage: node tests/browser/axe.mjs SITE_DIR [--workers N] [--widths 1280,320] ' +
      '[--no-reflow-check] [--filter SUBSTRING]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { site: null, workers: 3, widths: [1280, 320], reflowCheck: true, filter: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--workers') opts.workers = Math.max(1, parseInt(next(), 10) || 1);
    else if (a === '--widths') opts.widths = next().split(',').map((w) => parseInt(w, 10));
    else if (a === '--no-reflow-check') opts.reflowCheck = false;
    else if (a === '--filter') opts.filter = next();
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (opts.site === null) opts.site = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.site) usage('missing SITE_DIR');
  for (const w of opts.widths) if (!Number.isFinite(w) || w < 200) usage(`bad width ${w}`);
  return opts;
}

function truncate(s, n = SNIPPET_MAX) {
  s = String(s ?? '').replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function viewportFor(width) {
  return VIEWPORTS[width] || { width, height: 900 };
}

// Runs inside the page: axe plus an optional sideways-scroll check.
async function inPageChecks({ tags, reflowCheck }) {
  /* global axe */
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  });
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(', '),
      html: n.html,
      summary: n.failureSummary,
    })),
  }));
  if (reflowCheck) {
    const vw = document.documentElement.clientWidth;
    const sw = Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0);
    if (sw > vw + 1) {
      // Name the widest offenders so the theme author knows where to look.
      const offenders = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= vw + 1) continue;
        if (el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 1 &&
            el.parentElement !== document.body) continue; // report the outermost one
        const id = el.id ? `#${el.id}` : '';
        const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
        offenders.push({ target: `${el.tagName.toLowerCase()}${id}${cls}`, html: el.outerHTML,
          summary: `right edge at ${Math.round(r.right)}px, viewport is ${vw}px` });
        if (offenders.length >= 5) break;
      }
      violations.push({
        id: 'reflow-horizontal-scroll',
        impact: 'serious',
        help: `Page scrolls sideways at ${vw}px wide (content ${sw}px): WCAG 1.4.10 Reflow`,
        helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
        nodes: offenders,
      });
    }
  }
  return violations;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const siteDir = path.resolve(opts.site);
  if (!fs.existsSync(siteDir) || !fs.statSync(siteDir).isDirectory()) {
    console.error(`axe: site folder not found: ${siteDir}`);
    console.log('axe: 0 passed, 1 failed');
    process.exit(2);
  }

  let files = await findHtmlFiles(siteDir);
  if (opts.filter) files = files.filter((f) => f.includes(opts.filter));
  if (files.length === 0) {
    console.error(`axe: no HTML pages found under ${siteDir}: refusing to pass on nothing`);
    console.log('axe: 0 passed, 1 failed');
    process.exit(2);
  }

  let axeSource;
  try {
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch (err) {
    console.error('axe: axe-core is not installed; run `npm ci` in the repository root.\n  ' + err.message);
    console.log('axe: 0 passed, 1 failed');
    process.exit(2);
  }

  const tests = [];
  for (const width of opts.widths) {
    for (const file of files) {
      // The 404 page is tested the way visitors meet it: at a missing, nested URL (so relative
      // asset links would break), with status 404.
      const url = file === '404.html' ? MISSING_URL : fileToUrlPath(file);
      tests.push({ file, url, width });
    }
  }

  const started = Date.now();
  const srv = await serveStatic(siteDir);
  let browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await srv.close();
    console.error(`axe: FAILED TO START CHROMIUM\n${err.message}`);
    console.log(`axe: 0 passed, ${tests.length} failed`);
    process.exit(2);
  }
  const version = browser.version();
  const axeVersion = require('axe-core/package.json').version;
  console.log(
    `axe: ${files.length} pages x ${opts.widths.length} widths (${opts.widths.join(', ')}px) = ` +
      `${tests.length} tests; axe-core ${axeVersion}, Chromium ${version}, ${srv.origin}`,
  );

  const context = await browser.newContext({
    bypassCSP: true, // a strict Content-Security-Policy must not stop axe being injected
    viewport: viewportFor(opts.widths[0]),
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  // Only loopback: anything else is aborted (and reported) so a test can never use the network.
  const external = new Set();
  await context.route(
    (url) => !(url.hostname === '127.0.0.1' && url.port === String(srv.port)) && /^(https?|wss?):$/.test(url.protocol),
    (route) => {
      external.add(route.request().url());
      return route.abort('blockedbyclient');
    },
  );

  // A redirect page (an old address) sends the browser on at once; axe checks the page itself,
  // served without its <meta http-equiv="refresh">.
  const refreshing = new Set();
  for (const t of tests) {
    if (/<meta http-equiv="refresh"/i.test(fs.readFileSync(path.join(siteDir, t.file), 'utf8'))) refreshing.add(srv.origin + t.url);
  }
  if (refreshing.size) {
    await context.route(
      (url) => refreshing.has(url.href),
      async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/i, '');
        return route.fulfill({ response, body });
      },
    );
  }

  let passed = 0;
  let failed = 0;
  const failures = [];
  let next = 0;

  async function runOne(page, t) {
    const problems = [];
    const pageErrors = [];
    const onError = (err) => pageErrors.push(err.message || String(err));
    page.on('pageerror', onError);
    try {
      await page.setViewportSize(viewportFor(t.width));
      const resp = await page.goto(srv.origin + t.url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      const expected = t.file === '404.html' ? 404 : 200;
      const status = resp ? resp.status() : 0;
      if (status !== expected) {
        problems.push({ id: 'http-status', impact: 'serious', help: `HTTP status ${status}, expected ${expected}`, nodes: [] });
      }
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(inPageChecks, {
        tags: AXE_TAGS,
        reflowCheck: opts.reflowCheck && t.width <= 320,
      });
      problems.push(...violations);
      for (const msg of pageErrors) {
        problems.push({ id: 'javascript-error', impact: 'serious', help: `Uncaught error in page: ${msg}`, nodes: [] });
      }
    } finally {
      page.off('pageerror', onError);
    }
    return problems;
  }

  function report(t, problems) {
    const where = `${t.url} @${t.width}px`;
    if (problems.length === 0) {
      passed++;
      console.log(`ok   ${where}`);
      return;
    }
    failed++;
    failures.push(where);
    const lines = [`FAIL ${where}`];
    for (const v of problems) {
      lines.push(`     - ${v.id} [${v.impact ?? 'n/a'}] ${v.help}${v.helpUrl ? ` (${v.helpUrl})` : ''}`);
      const shown = v.nodes.slice(0, 10);
      for (const n of shown) {
        lines.push(`         at ${n.target}`);
        lines.push(`            ${truncate(n.html)}`);
        if (n.summary) lines.push(`            ${truncate(n.summary, 300)}`);
      }
      if (v.nodes.length > shown.length) lines.push(`         ... and ${v.nodes.length - shown.length} more`);
    }
    console.log(lines.join('\n'));
  }

  async function worker() {
    let page = await context.newPage();
    while (next < tests.length) {
      const t = tests[next++];
      let problems;
      try {
        problems = await runOne(page, t);
      } catch (err) {
        problems = [{ id: 'harness-error', impact: 'critical', help: truncate(err.message, 500), nodes: [] }];
        // The page may be wedged; start a fresh one.
        await page.close().catch(() => {});
        page = await context.newPage();
      }
      report(t, problems);
    }
    await page.close().catch(() => {});
  }

  try {
    await Promise.all(Array.from({ length: Math.min(opts.workers, tests.length) }, worker));
  } finally {
    await context.close().catch(() => {});
    await browser.close().catch(() => {});
    await srv.close();
  }

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (external.size) {
    console.log(`axe: note: blocked ${external.size} request(s) to other hosts, e.g. ${[...external].slice(0, 3).join(', ')}`);
  }
  if (failed) {
    console.log(`axe: failing tests (${failed}):`);
    for (const f of failures) console.log(`  ${f}`);
  }
  console.log(`axe: finished in ${secs}s`);
  console.log(`axe: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error('axe: harness crashed:', err && err.stack ? err.stack : err);
  console.log('axe: 0 passed, 1 failed');
  process.exit(2);
});
