#!/usr/bin/env node
// Search page test in headless Chromium: types queries into the search box of a built Signpost
// site and checks the results, the announced count, keyboard use, odd queries, filters, the page
// without JavaScript, and (with --signpost and --root) that the browser's top 5 match
// `signpost search` (the tantivy index) for at least 9 in 10 queries.
//
// Usage: node tests/browser/search.mjs SITE_DIR [--signpost BIN --root SITE_ROOT] [--base-path /localoffer/]
// (--base-path, or SIGNPOST_BASE_PATH: the site was built for that sub-path and is served there.)
// Exit status: 0 all passed; 1 a test failed; 2 the harness could not run.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serveStatic, launchChromium, basePath, checks, assert } from './lib.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const site = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : null;
};
if (!site) {
  console.error('usage: node tests/browser/search.mjs SITE_DIR [--signpost BIN --root SITE_ROOT]');
  process.exit(2);
}
const signpostBin = option('--signpost');
const siteRoot = option('--root');
const BASE = basePath(args);
// A page's address on the test server -> the site route it shows ('/localoffer/x/' -> '/x/').
const route = (pathname) => (pathname.startsWith(BASE) ? '/' + pathname.slice(BASE.length) : `outside ${BASE}: ${pathname}`);

const AGREEMENT_QUERIES = [
  'respite', 'short breaks', 'autism', 'speech therapy', 'speech and language therapy', 'swimming', 'ehcp', 'sendiass',
  'transport', 'mental health', 'holiday', 'wheelchair', 'school', 'parents', 'college', 'aspergers', 'dyslexia', 'physio',
  'camhs',
];

const counted = checks({ stack: false });
const test = counted.check;

let srv;
let browser;
try {
  srv = await serveStatic(site, { prefix: BASE });
  browser = await launchChromium();
} catch (error) {
  console.error(`search: cannot start: ${error.message}`);
  if (srv) await srv.close();
  process.exit(2);
}

// The site's own policy (tests/browser/csp.mjs checks it) must not stop axe being injected.
const context = await browser.newContext({ bypassCSP: true });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (error) => errors.push(error.message));
const status = page.locator('[data-search-status]');
const results = page.locator('[data-search-results] > li');

async function open() {
  await page.goto(`${srv.site}/search/`, { waitUntil: 'load' });
}
// Types a query the way a person does and waits for the announcement to change.
async function typeQuery(text) {
  const box = page.getByLabel(/looking for|search/i).first();
  await box.fill('');
  const before = await status.textContent();
  await box.pressSequentially(text, { delay: 5 });
  if (text.trim()) {
    await page.waitForFunction(
      (old) => {
        const el = document.querySelector('[data-search-status]');
        return el && el.textContent !== old && el.textContent !== '';
      },
      before,
      { timeout: 10_000 },
    ).catch(() => {});
  }
  await page.waitForTimeout(400);
}
async function resultUrls() {
  return page.locator('[data-search-results] > li h2 a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname)).then((paths) => paths.map(route));
}

await test('the search page has a labelled search form', async () => {
  await open();
  const form = page.locator(`form[role="search"][action="${BASE}search/"][method="get"]`);
  assert((await form.count()) === 1, `no <form role="search" action="${BASE}search/" method="get">`);
  const box = page.getByLabel(/looking for|search/i).first();
  assert(await box.isVisible(), 'the search box has no visible label');
  assert((await page.locator('[data-search-status][role="status"][aria-live="polite"]').count()) === 1, 'no live region');
});

await test('"respite" finds short breaks and announces the count', async () => {
  await open();
  await typeQuery('respite');
  const count = await results.count();
  const said = await status.textContent();
  assert(count > 0, `no results; status: ${said}`);
  assert(/\d+ results? for/.test(said) || /^1 result/.test(said), `status does not announce a count: ${said}`);
  const all = (await results.allTextContents()).join(' ').toLowerCase();
  assert(all.includes('short break'), 'no short breaks in the results for "respite"');
});

await test('matched words are highlighted and results show their category', async () => {
  let marks = 0;
  for (const query of ['short breaks', 'swimming', 'speech therapy']) {
    await open();
    await typeQuery(query);
    marks = await page.locator('[data-search-results] mark').count();
    if (marks > 0) break;
  }
  assert(marks > 0, 'no <mark> in the results');
  assert((await page.locator('.search-result__tag').count()) > 0, 'no category tags');
});

// The built-in lay words (src/search/lay_terms.toml), on the example site this test runs on.
await test('families\' words find the right services, and an exact name comes first', async () => {
  for (const [query, first] of [
    ['sendiass', '/sendiass/'],
    ['physio', '/services/childrens-physiotherapy/'],
    ['SALT', '/services/speech-and-language-therapy/'],
  ]) {
    await open();
    await typeQuery(query + ' ');
    const urls = await resultUrls();
    assert(urls[0] === first, `"${query}" puts ${urls[0]} first, not ${first}`);
  }
  for (const query of ['aspergers', 'dyslexia', 'camhs']) {
    await open();
    await typeQuery(query + ' ');
    const services = (await resultUrls()).filter((u) => u.startsWith('/services/'));
    assert(services.length >= 2, `"${query}" finds ${services.length} services`);
  }
});

await test('a typo still finds results', async () => {
  await open();
  await typeQuery('speach therapy');
  assert((await results.count()) > 0, 'no results for "speach therapy"');
});

await test('prefix matching while typing', async () => {
  await open();
  await typeQuery('autis');
  assert((await results.count()) > 0, 'no results for "autis"');
});

await test('empty, punctuation and 1,000-character queries do not break the page', async () => {
  await open();
  await typeQuery('?!.,;:()[]');
  assert((await results.count()) === 0, 'results for punctuation');
  const box = page.getByLabel(/looking for|search/i).first();
  await box.fill('short breaks '.repeat(80).slice(0, 1000));
  await box.press('Enter');
  await page.waitForTimeout(800);
  assert((await results.count()) > 0, 'no results for a long query');
  await box.fill('');
  await box.press('Enter');
  await page.waitForTimeout(300);
  assert((await status.textContent()) === '', 'the status is not cleared for an empty query');
  assert((await results.count()) === 0, 'results left for an empty query');
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
});

await test('keyboard only: Tab to the box, type, Enter, Tab to the first result', async () => {
  await open();
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement && document.activeElement.name === 'q');
  }
  assert(found, 'the search box cannot be reached with Tab');
  await page.keyboard.type('short breaks');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  assert((await results.count()) > 0, 'no results after Enter');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
  assert(next === 'BUTTON', `after the box Tab goes to ${next}, not the button`);
});

await test('the category filter keeps only that category', async () => {
  await open();
  const select = page.locator('select[name="category"]');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]).filter((o) => o[0]));
  const [value, name] = options.find((o) => o[0] === 'short-breaks') || options[0];
  await select.selectOption(value);
  let tags = [];
  for (const query of ['support', 'club', 'children']) {
    await typeQuery(query);
    tags = await page.locator('.search-result__tags').allTextContents();
    if (tags.length) break;
  }
  assert(tags.length > 0, `no results in ${name}`);
  assert(tags.every((t) => t.includes(name)), `results outside ${name}: ${tags.join(' | ')}`);
});

await test('need and area filters narrow the results', async () => {
  await open();
  await typeQuery('support');
  const all = await status.textContent();
  const total = (text) => parseInt((text.match(/\d+/) || ['0'])[0], 10);
  for (const name of ['need', 'locality']) {
    const select = page.locator(`select[name="${name}"]`);
    if ((await select.count()) === 0) continue;
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await select.selectOption(values[0]);
    await page.waitForTimeout(800);
    const narrowed = await status.textContent();
    assert(total(narrowed) <= total(all), `${name} filter gave more results: ${narrowed} vs ${all}`);
    await select.selectOption('');
    await page.waitForTimeout(500);
  }
});

await test('the search page with results passes axe-core', async () => {
  await open();
  await typeQuery('short breaks');
  assert((await results.count()) > 0, 'no results to check');
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const found = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return found.violations.map((v) => `${v.id}: ${v.nodes.length} node(s) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert(violations.length === 0, violations.join('\n'));
});

await test('a query in the address is searched on arrival', async () => {
  await page.goto(`${srv.site}/search/?q=respite`, { waitUntil: 'load' });
  await page.waitForTimeout(800);
  assert((await results.count()) > 0, 'no results for ?q=respite');
});

// Search per language (the example site lists Polish and Urdu): a language's shard of the
// bundle loads only on its search page, its pages come first and English results follow.
await test('the Polish search page loads the Polish shard and shows English results after; /search/ never loads a shard', async () => {
  const requested = [];
  const listen = (request) => requested.push(route(new URL(request.url()).pathname));
  page.on('request', listen);
  try {
    await open();
    await typeQuery('short breaks');
    assert(requested.includes('/search/meta.json'), `the English page did not load the bundle: ${requested}`);
    assert(!requested.some((p) => p.startsWith('/search/lang/')), `the English page loaded a language shard: ${requested}`);
    requested.length = 0;
    await page.goto(`${srv.site}/pl/search/?q=short%20breaks`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('[data-search-status]') || {}).textContent, null, { timeout: 10_000 });
    assert(requested.includes('/search/lang/pl/meta.json'), `the Polish page did not load the Polish shard: ${requested}`);
    assert(!requested.some((p) => p.startsWith('/search/lang/ur/')), `the Polish page loaded the Urdu shard: ${requested}`);
    const urls = await resultUrls();
    assert(urls.length > 0, `no results on the Polish search page: ${await status.textContent()}`);
    const firstEnglish = urls.findIndex((u) => !u.startsWith('/pl/'));
    assert(firstEnglish >= 0, `no English results after the Polish ones: ${urls}`);
    assert(urls.slice(firstEnglish).every((u) => !u.startsWith('/pl/')), `a Polish result after an English one: ${urls}`);
    const item = page.locator('[data-search-results] > li').nth(firstEnglish);
    const lang = await item.getAttribute('lang');
    assert(lang && lang.toLowerCase().startsWith('en'), `an English result on the Polish page has lang="${lang}"`);
    assert((await item.getAttribute('dir')) === 'ltr', 'an English result is not marked left to right');
    assert((await page.locator('h1').textContent()).trim() === 'Szukaj', 'the Polish page is not in Polish');
  } finally {
    page.off('request', listen);
  }
});

await test('the Urdu search page with results passes axe-core', async () => {
  await page.goto(`${srv.site}/ur/search/?q=autism`, { waitUntil: 'load' });
  await page.waitForFunction(() => (document.querySelector('[data-search-status]') || {}).textContent, null, { timeout: 10_000 });
  assert((await results.count()) > 0, 'no results to check');
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const found = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return found.violations.map((v) => `${v.id}: ${v.nodes.length} node(s) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert(violations.length === 0, violations.join('\n'));
});

await test('without JavaScript the page offers the A to Z and the categories', async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto(`${srv.site}/search/?q=respite`, { waitUntil: 'load' });
  const links = (await p.locator('.search-browse a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname))).map(route);
  await plain.close();
  assert(links.includes('/services/'), 'no link to /services/');
  assert(links.filter((l) => /^\/services\/[a-z0-9-]+\/$/.test(l)).length >= 2, `too few category links: ${links}`);
});

if (signpostBin && siteRoot) {
  await test('the browser top 5 matches `signpost search` for 9 in 10 queries', async () => {
    let agree = 0;
    const differ = [];
    for (const query of AGREEMENT_QUERIES) {
      await open();
      await typeQuery(query);
      const browserTop = (await resultUrls()).slice(0, 5);
      const cli = JSON.parse(execFileSync(signpostBin, ['--format', 'json', 'search', query, '--root', siteRoot, '--limit', '5'], { encoding: 'utf8' }));
      const cliTop = cli.results.map((r) => r.url);
      if (JSON.stringify(browserTop) === JSON.stringify(cliTop)) agree++;
      else differ.push(`${query}: browser ${browserTop.join(' ')} / tantivy ${cliTop.join(' ')}`);
    }
    console.log(`     ${agree} of ${AGREEMENT_QUERIES.length} queries agree${differ.length ? ':\n     ' + differ.join('\n     ') : ''}`);
    assert(agree * 10 >= AGREEMENT_QUERIES.length * 9, `only ${agree} of ${AGREEMENT_QUERIES.length} agree:\n${differ.join('\n')}`);
  });
}

await browser.close();
await srv.close();
console.log(`search: ${counted.passed} passed, ${counted.failed} failed`);
process.exit(counted.failed ? 1 : 0);
