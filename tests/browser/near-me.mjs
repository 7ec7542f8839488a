#!/usr/bin/env node
// "Near you" on the example site, in headless Chromium at 390×844 (a phone):
//   (2) the postcode district WS3 sorts a category's services by distance, with "About N miles
//       away" on each card, the services with no venue after them, and the order announced;
//       a full postcode fetches only its sector's file; search results sort the same way;
//   (3) "Use my location" with a mocked position sorts by distance, and neither the postcode
//       nor the position is ever sent: every request is recorded and checked;
//   and without JavaScript the control is not shown and the list is still there; sorting runs
//   under the page's Content-Security-Policy with no violations. The sorted
// state is checked with axe-core at 320 and 1280 px. Screenshots go to --screenshots (default
// target/near-me-screenshots).
//
// Usage: node tests/browser/near-me.mjs SITE_DIR [--screenshots DIR] [--base-path /localoffer/]
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic, launchChromium, journeyArgs, axeAt, checks, assert } from './lib.mjs';

const { site, shots, base: BASE } = journeyArgs('near-me');
const PHONE = { width: 390, height: 844 };
// Where the mocked device is: Blakenall, north of Walsall town centre.
const HERE = { latitude: 52.6098, longitude: -1.9925 };

const counted = checks();
const journey = counted.check;

// The test's own great-circle distance in miles (not the page's), to check the page's order.
function miles(a, b) {
  const r = Math.PI / 180;
  const h = Math.sin(((b[0] - a[0]) * r) / 2) ** 2 + Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a[1]) * r) / 2) ** 2;
  return 2 * 3958.7613 * Math.asin(Math.sqrt(h));
}
function expectedText(d) {
  if (d < 1) return 'Less than 1 mile away';
  return Math.round(d) === 1 ? 'About 1 mile away' : `About ${Math.round(d)} miles away`;
}

// The items of a list in the order shown: name, venue points, the distance text on it.
// On a phone "Near you" and the filters are disclosures, closed so the list comes first: a family
// taps them open, as this does.
async function openPanels(p) {
  for (const selector of ['[data-near-me]:not([hidden])', '[data-filter-panel]']) {
    const summary = await p.$(`${selector}:not([open]) > summary`);
    if (summary) await summary.click();
  }
}

async function listed(page, selector) {
  return page.$$eval(selector, (items) =>
    items.map((el) => ({
      name: el.querySelector('a').textContent.trim(),
      near: (el.getAttribute('data-near') || '').split(' ').filter(Boolean).map((p) => p.split(',').map(Number)),
      distance: (el.querySelector('[data-near-distance]') || { textContent: '' }).textContent.trim(),
      hidden: el.hidden,
    })));
}

// Checks a sorted list: venues nearest first with the right distance text, then those with none.
function checkOrder(items, from, what) {
  let last = -1;
  let seenUnplaced = false;
  for (const item of items) {
    if (!item.near.length) {
      seenUnplaced = true;
      assert(item.distance === '', `${what}: ${item.name} has no venue but shows "${item.distance}"`);
      continue;
    }
    assert(!seenUnplaced, `${what}: ${item.name} has a venue but comes after one without`);
    const d = Math.min(...item.near.map((p) => miles(from, p)));
    assert(d + 1e-9 >= last, `${what}: ${item.name} (${d.toFixed(2)} miles) is after a nearer one (${last.toFixed(2)})`);
    assert(item.distance === expectedText(d), `${what}: ${item.name} is ${d.toFixed(2)} miles away but says "${item.distance}"`);
    last = d;
  }
  return items.filter((i) => i.near.length).length;
}

let server;
let browser;
try {
  server = await serveStatic(site, { prefix: BASE });
  browser = await launchChromium();
} catch (error) {
  console.error(`near-me: cannot start: ${error.message}`);
  process.exit(2);
}
const districts = JSON.parse(fs.readFileSync(path.join(site, 'places/districts.json'), 'utf8'));
const WS3 = districts.districts.WS3;

// bypassCSP only so axe-core can be injected; tests/browser/csp.mjs checks the policy itself.
const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
const page = await context.newPage();
const requests = [];
context.on('request', (r) => requests.push(r.url()));

await journey('(2) the postcode district WS3 sorts short breaks by distance, announced', async () => {
  await page.goto(`${server.site}/services/short-breaks/`);
  await openPanels(page);
  const before = await listed(page, '.card-list [data-service]');
  assert(await page.isVisible('[data-near-me]'), 'the Near you box is not shown');
  await page.fill('#near-me-postcode', 'ws3');
  await page.click('[data-near-me-form] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-near-me-status]').textContent.includes('Sorted'), null, { timeout: 5000 });
  const said = await page.textContent('[data-near-me-status]');
  assert(said.startsWith('Sorted by distance from WS3, nearest first.'), `announced: "${said}"`);
  assert(/\d+ more cover all of Walsall, come to your home or are online/.test(said), `the services with no venue are not mentioned: "${said}"`);
  assert((await page.getAttribute('[data-near-me-status]', 'role')) === 'status', 'the announcement is not a live region');
  const after = await listed(page, '.card-list [data-service]');
  assert(after.length === before.length, `sorting lost services: ${before.length} -> ${after.length}`);
  const placed = checkOrder(after, WS3, 'short breaks from WS3');
  assert(placed >= 4 && placed < after.length, `expected venues and services with none: ${placed} of ${after.length}`);
  assert(after.every((i) => /^(About \d+ miles? away|Less than 1 mile away|)$/.test(i.distance)), 'a distance is worded wrongly');
  assert(after[0].distance.startsWith('About '), `first card: ${JSON.stringify(after[0])}`);
  const last = after[after.length - 1];
  const lastArea = await page.$eval('.card-list [data-service]:last-child', (c) => c.textContent);
  assert(/Covers all of Walsall|Comes to your home|Online or by phone/.test(lastArea), `the last card is not labelled as whole-area: ${last.name}`);
  assert(await page.isVisible('[data-near-me-clear]'), 'no way to stop sorting');
  await page.screenshot({ path: path.join(shots, '2-short-breaks-near-ws3.png'), fullPage: true });

  // The filters still show and hide the sorted cards, and keep the order.
  await page.selectOption('#filter-locality', 'Aldridge');
  await page.waitForTimeout(300);
  const filtered = await listed(page, '.card-list [data-service]');
  assert(filtered.some((i) => i.hidden) && filtered.some((i) => !i.hidden), 'the locality filter did nothing after sorting');
  assert(filtered.map((i) => i.name).join('|') === after.map((i) => i.name).join('|'), 'filtering changed the order');
  await page.selectOption('#filter-locality', '');

  const problems = await axeAt(page, PHONE);
  assert(problems.length === 0, `axe-core on the sorted list: ${problems.join('\n')}`);

  await page.click('[data-near-me-clear]');
  const back = await listed(page, '.card-list [data-service]');
  assert(back.map((i) => i.name).join('|') === before.map((i) => i.name).join('|'), 'Stop sorting did not bring back the first order');
  assert(back.every((i) => i.distance === ''), 'distances stay after Stop sorting');
});

await journey('(2) a full postcode fetches only its sector file, and search results sort too', async () => {
  requests.length = 0;
  await page.goto(`${server.site}/services/things-to-do/`, { waitUntil: 'networkidle' });
  await openPanels(page);
  const loaded = requests.length;
  await page.fill('#near-me-postcode', ' ws32xq ');
  await page.click('[data-near-me-form] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-near-me-status]').textContent.includes('Sorted'), null, { timeout: 5000 });
  assert((await page.inputValue('#near-me-postcode')) === 'WS3 2XQ', 'the postcode is not shown the usual way');
  const said = await page.textContent('[data-near-me-status]');
  assert(said.startsWith('Sorted by distance from WS3 2XQ'), `announced: "${said}"`);
  const lookups = requests.slice(loaded).map((u) => new URL(u).pathname);
  assert(
    lookups.join(' ') === `${BASE}places/districts.json ${BASE}places/postcodes/WS3-2.json`,
    `the lookup fetched: ${lookups.join(', ')}`,
  );
  const sector = JSON.parse(fs.readFileSync(path.join(site, 'places/postcodes/WS3-2.json'), 'utf8'));
  checkOrder(await listed(page, '.card-list [data-service]'), sector['2XQ'], 'things to do from WS3 2XQ');
  for (const url of requests) {
    const u = decodeURIComponent(url).toUpperCase().replace(/\s|\+/g, '');
    assert(!u.includes('WS32XQ') && !u.includes('2XQ'), `the postcode was sent: ${url}`);
  }

  await page.goto(`${server.site}/search/?q=short+breaks`);

  await openPanels(page);
  await page.waitForSelector('[data-search-results] li');
  await page.fill('#near-me-postcode', 'WS3');
  await page.click('[data-near-me-form] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-near-me-status]').textContent.includes('Sorted'), null, { timeout: 5000 });
  const results = await listed(page, '[data-search-results] > li');
  const placed = checkOrder(results, WS3, 'search results from WS3');
  assert(placed >= 2, `search results with a venue: ${placed}`);
  // Show more adds results: they are sorted in too.
  const more = page.locator('[data-search-more]');
  if (await more.isVisible()) {
    await more.click();
    await page.waitForTimeout(500);
    checkOrder(await listed(page, '[data-search-results] > li'), WS3, 'search results after Show more');
  }
  await page.screenshot({ path: path.join(shots, '2-search-near-ws3.png'), fullPage: true });
  const problems = await axeAt(page, PHONE);
  assert(problems.length === 0, `axe-core on sorted search results: ${problems.join('\n')}`);
});

await journey('(2) on the directory page a postcode lists the nearest services', async () => {
  requests.length = 0;
  await page.goto(`${server.site}/services/`, { waitUntil: 'networkidle' });
  await openPanels(page);
  const loaded = requests.length;
  await page.fill('#near-me-postcode', 'WS3 2XQ');
  await page.click('[data-near-me-form] button[type="submit"]');
  await page.waitForSelector('[data-near-me-nearest] li');
  const said = await page.textContent('[data-near-me-status]');
  assert(said.startsWith('The services with a venue nearest WS3 2XQ, nearest first.'), `announced: "${said}"`);
  const nearest = await listed(page, '[data-near-me-nearest] > li');
  assert(nearest.length === 10, `expected the 10 nearest, got ${nearest.length}`);
  const sector = JSON.parse(fs.readFileSync(path.join(site, 'places/postcodes/WS3-2.json'), 'utf8'));
  checkOrder(nearest, sector['2XQ'], 'nearest services to WS3 2XQ');
  assert(nearest.every((i) => i.near.length), 'a listed service has no venue');
  assert(await page.isVisible('[data-near-me-nearest-note]'), 'no note about the services that cover the whole area');
  const lookups = requests.slice(loaded).map((u) => new URL(u).pathname);
  assert(
    lookups.join(' ') === `${BASE}places/districts.json ${BASE}places/postcodes/WS3-2.json ${BASE}places/nearest/WS3.json`,
    `the lookup fetched: ${lookups.join(', ')}`,
  );
  const first = await page.$eval('[data-near-me-nearest] a', (a) => new URL(a.href).pathname);
  assert(first.startsWith(`${BASE}services/`), `the first link goes to ${first}`);
  await page.screenshot({ path: path.join(shots, '2-directory-near-ws3-2xq.png'), fullPage: true });
  const problems = await axeAt(page, PHONE);
  assert(problems.length === 0, `axe-core on the nearest services: ${problems.join('\n')}`);
});

await journey('(3) "Use my location" sorts by distance and sends neither postcode nor position', async () => {
  const located = await browser.newContext({ viewport: PHONE, bypassCSP: true, geolocation: HERE, permissions: ['geolocation'] });
  const seen = [];
  located.on('request', (r) => seen.push({ url: r.url(), body: r.postData() || '' }));
  const p = await located.newPage();
  await p.goto(`${server.site}/services/short-breaks/`, { waitUntil: 'networkidle' });
  await openPanels(p);
  const loaded = seen.length;
  await p.click('[data-near-me-locate]');
  await p.waitForFunction(() => document.querySelector('[data-near-me-status]').textContent.includes('Sorted'), null, { timeout: 5000 });
  const said = await p.textContent('[data-near-me-status]');
  assert(said.startsWith('Sorted by distance from your location'), `announced: "${said}"`);
  checkOrder(await listed(p, '.card-list [data-service]'), [HERE.latitude, HERE.longitude], 'short breaks from my location');
  assert(seen.length === loaded, `sorting by location made requests: ${seen.slice(loaded).map((s) => s.url)}`);
  // Then a postcode too, so the recorded requests hold a postcode lookup.
  await p.fill('#near-me-postcode', 'WS3 2XQ');
  await p.click('[data-near-me-form] button[type="submit"]');
  await p.waitForFunction(() => document.querySelector('[data-near-me-status]').textContent.includes('WS3 2XQ'), null, { timeout: 5000 });
  await p.screenshot({ path: path.join(shots, '3-short-breaks-near-my-location.png'), fullPage: true });
  const secrets = ['52.6098', '1.9925', '52.61', '1.99', 'WS32XQ', '2XQ'];
  for (const { url, body } of seen) {
    const text = (decodeURIComponent(url) + ' ' + body).toUpperCase().replace(/\s|\+|%20/g, '');
    for (const secret of secrets) assert(!text.includes(secret), `a request carried "${secret}": ${url}`);
    assert(new URL(url).origin === new URL(server.site).origin, `a request left the site: ${url}`);
  }
  assert(seen.every(({ url }) => !new URL(url).search), `a request had a query string: ${seen.map((s) => s.url).filter((u) => new URL(u).search)}`);
  // The directory page finds the district nearest the position itself.
  await p.goto(`${server.site}/services/`, { waitUntil: 'networkidle' });
  await openPanels(p);
  await p.click('[data-near-me-locate]');
  await p.waitForSelector('[data-near-me-nearest] li');
  checkOrder(await listed(p, '[data-near-me-nearest] > li'), [HERE.latitude, HERE.longitude], 'nearest services to my location');
  for (const { url, body } of seen) {
    const text = (decodeURIComponent(url) + ' ' + body).toUpperCase().replace(/\s|\+|%20/g, '');
    for (const secret of secrets) assert(!text.includes(secret), `a request carried "${secret}": ${url}`);
  }
  await located.close();
});

await journey('an unknown or mistyped postcode says so, next to the box', async () => {
  await page.goto(`${server.site}/services/short-breaks/`);
  await openPanels(page);
  await page.fill('#near-me-postcode', 'not a postcode');
  await page.click('[data-near-me-form] button[type="submit"]');
  await page.waitForSelector('[data-near-me-error]:not([hidden])');
  assert((await page.textContent('[data-near-me-error]')).startsWith('Enter a postcode'), 'no message for a mistyped postcode');
  assert((await page.getAttribute('#near-me-postcode', 'aria-invalid')) === 'true', 'the box is not marked invalid');
  await page.fill('#near-me-postcode', 'SW1A 1AA');
  await page.click('[data-near-me-form] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-near-me-error]').textContent.includes('SW1A 1AA'), null, { timeout: 5000 });
  assert((await page.textContent('[data-near-me-error]')).includes('is not a postcode in Walsall that we know'), 'no message for a postcode elsewhere');
  assert(page.url() === `${server.site}/services/short-breaks/`, `the page address changed: ${page.url()}`);
});

await journey('sorting runs under the site\'s Content-Security-Policy with no violations', async () => {
  const strict = await browser.newContext({ viewport: PHONE, geolocation: HERE, permissions: ['geolocation'] });
  const p = await strict.newPage();
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const route of ['services/', 'services/short-breaks/', 'search/?q=club']) {
    await p.goto(`${server.site}/${route}`);
    await openPanels(p);
    await p.fill('#near-me-postcode', 'WS3 2XQ');
    await p.click('[data-near-me-form] button[type="submit"]');
    await p.waitForFunction(() => document.querySelector('[data-near-me-status]').textContent.includes('WS3 2XQ'), null, { timeout: 5000 });
    await p.click('[data-near-me-locate]');
    await p.waitForFunction(() => document.querySelector('[data-near-me-status]').textContent.includes('your location'), null, { timeout: 5000 });
    const violations = await p.evaluate(() => window.__violations);
    assert(violations.length === 0, `/${route}: ${violations.join(', ')}`);
  }
  // The listener works: an inline script is a violation.
  await p.evaluate(() => { const s = document.createElement('script'); s.textContent = 'void 0'; document.body.appendChild(s); });
  await p.waitForTimeout(200);
  assert((await p.evaluate(() => window.__violations.length)) > 0, 'a deliberate inline script was not reported');
  await strict.close();
});

await journey('without JavaScript the control is not shown and the list is there', async () => {
  const plain = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto(`${server.site}/services/short-breaks/`);
  await openPanels(p);
  assert(!(await p.isVisible('[data-near-me]')), 'the Near you box shows without JavaScript');
  assert((await p.locator('.card-list [data-service]').count()) > 3, 'the list is missing without JavaScript');
  await plain.close();
});

await browser.close();
await server.close();
console.log(`near-me: ${counted.passed} passed, ${counted.failed} failed`);
process.exit(counted.failed ? 1 : 0);
