#!/usr/bin/env node
// Family journeys on the example site, in headless Chromium at 390×844 (a phone): what a parent
// sees when they choose their area, an age and a type of service, and when they search.
//   (1) short breaks for age 7 in Bloxwich keeps the services that cover the whole borough, labelled
//   (5) a combination that finds nothing says which choice emptied it and offers to remove it
//   (6) search "respite" shows every result, with Show more
//   (7) filters alone, with no words, list the matching services
//   (8) without JavaScript the search page says so and offers the browse pages
// Each journey leaves a screenshot in --screenshots (default target/family-screenshots), and the
// new page states (the empty-combination message, Show more) are checked with axe-core.
//
// Usage: node tests/browser/family.mjs SITE_DIR [--screenshots DIR] [--base-path /localoffer/]
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic, launchChromium, journeyArgs, axeAt, checks, assert } from './lib.mjs';

const { site, option, shots, base: BASE } = journeyArgs('family');
const PHONE = { width: 390, height: 844 };

const counted = checks();
const journey = counted.check;

async function visibleCards(page) {
  return page.$$eval('.card-list [data-service]', (cards) =>
    cards.filter((c) => !c.hidden).map((c) => ({
      name: c.querySelector('a').textContent,
      area: (c.querySelector('.card__reach') || c.querySelector('.card__facts')).textContent.replace(/\s+/g, ' ').trim(),
      wholeArea: c.getAttribute('data-whole-area') === 'true',
      localities: c.getAttribute('data-localities'),
    })));
}

// On a phone the filters sit behind the Filter button: open it before choosing.
async function openFilters(page) {
  if (!(await page.locator('[data-filter-panel]').evaluate((d) => d.open))) await page.click('[data-filter-toggle]');
}

async function announced(page) {
  await page.waitForTimeout(600);
  return page.$eval('[data-filter-status]', (el) => el.textContent);
}

let server;
let browser;
try {
  server = await serveStatic(site, { prefix: BASE });
  browser = await launchChromium();
} catch (error) {
  console.error(`family: cannot start: ${error.message}`);
  process.exit(2);
}
// bypassCSP only so axe-core can be injected; tests/browser/csp.mjs checks the policy itself.
const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
const page = await context.newPage();

await journey('(1) short breaks for age 7 in Bloxwich keep the whole-borough services, labelled', async () => {
  await page.goto(`${server.site}/services/short-breaks/`);
  await openFilters(page);
  const localities = await page.$$eval('#filter-locality option', (os) => os.map((o) => o.value).filter(Boolean));
  assert(localities.includes('Bloxwich') && localities.length >= 5, `the Area list offers every locality the site knows: ${localities}`);
  await page.fill('#filter-age', '7');
  await page.selectOption('#filter-locality', 'Bloxwich');
  const shown = await visibleCards(page);
  const across = shown.filter((c) => c.wholeArea);
  assert(across.length >= 1, `no whole-borough service is left: ${JSON.stringify(shown)}`);
  assert(shown.some((c) => c.name.startsWith('Family Link')), `Family Link (all of Walsall) is missing: ${shown.map((c) => c.name)}`);
  for (const c of across) assert(/Covers all of Walsall|Comes to your home|Online/.test(c.area), `${c.name} is not labelled: ${c.area}`);
  for (const c of shown.filter((c) => !c.wholeArea)) assert(c.localities.split('|').includes('Bloxwich'), `${c.name} is shown but is not in Bloxwich`);
  const said = await announced(page);
  assert(/^Showing \d+ of \d+ services$/.test(said), `the count is announced on its own: "${said}"`);
  await page.screenshot({ path: path.join(shots, '1-short-breaks-age-7-bloxwich.png'), fullPage: true });

  await page.goto(`${server.site}/services/localities/bloxwich/`);
  const headings = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent.trim()));
  assert(headings.includes('With a venue in Bloxwich'), `locality page headings: ${headings}`);
  assert(headings.includes('Also available across Walsall'), `locality page headings: ${headings}`);
  const counts = await page.$$eval('main .result-count', (ps) => ps.map((p) => p.textContent.trim()));
  assert(counts.length === 2 && counts.every((c) => /^\d+ services?$/.test(c)), `each list has a count: ${counts}`);
  await page.screenshot({ path: path.join(shots, '1-locality-bloxwich.png') });
});

await journey('(5) an empty combination says which choice emptied it and offers to remove it', async () => {
  await page.goto(`${server.site}/services/short-breaks/`);
  await openFilters(page);
  await page.fill('#filter-age', '7');
  await page.selectOption('#filter-delivery', 'online');
  await page.waitForFunction(() => [...document.querySelectorAll('.card-list [data-service]')].every((c) => c.hidden), null, { timeout: 3000 });
  const empty = page.locator('[data-filter-empty]');
  assert(await empty.isVisible(), 'the empty message is not shown');
  const message = (await empty.locator('p').textContent()).trim();
  assert(message === 'No short breaks for age 7 (Online or by phone).', `message: "${message}"`);
  const button = empty.locator('button');
  const label = (await button.textContent()).trim();
  assert(label === 'Remove ‘Online or by phone’', `button: "${label}"`);
  // One message at a time: the count gives way to the message that says what emptied the list.
  assert(!(await page.isVisible('#result-count')), 'the count "Showing 0 of 7" is shown beside the message');
  const said = await announced(page);
  assert(said === message, `the message alone is announced: "${said}"`);
  await page.screenshot({ path: path.join(shots, '5-empty-combination.png'), fullPage: true });
  const problems = await axeAt(page, PHONE);
  assert(problems.length === 0, `axe-core: ${problems.join('\n')}`);

  await button.click();
  await page.waitForFunction(() => [...document.querySelectorAll('.card-list [data-service]')].some((c) => !c.hidden), null, { timeout: 3000 });
  assert(!(await empty.isVisible()), 'the empty message stays after removing the choice');
  assert((await page.inputValue('#filter-delivery')) === '', 'the choice was not removed');
  assert((await page.inputValue('#filter-age')) === '7', 'the other choice was lost');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(focused === 'filter-delivery', `focus goes to the field that was cleared, not ${focused}`);
});

const results = page.locator('[data-search-results] > li');
const searchStatus = page.locator('[data-search-status]');
async function settled() {
  // The page searches 150 ms after typing stops; wait for the status to say something and stay.
  let last = null;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const now = `${await searchStatus.textContent()}|${await results.count()}`;
    if (now === last && !now.startsWith('|')) return;
    last = now;
  }
}

await journey('(6) search "respite" shows all results, with Show more', async () => {
  await page.goto(`${server.site}/search/?q=respite`);
  await settled();
  const said = (await searchStatus.textContent()).trim();
  const total = parseInt((said.match(/^(\d+) results/) || [])[1] || '0', 10);
  assert(total > 10, `expected more than 10 results for respite: "${said}"`);
  assert((await results.count()) === 10, `the first page has ${await results.count()} results`);
  assert(said.includes('Showing the first 10'), `the status says how many are shown: "${said}"`);
  const more = page.locator('[data-search-more]');
  assert(await more.isVisible(), 'no Show more button');
  const facts = (await page.locator('.search-result__facts').allTextContents())[0] || '';
  assert(/Ages/.test(facts) && /Cost/.test(facts), `a service result shows its ages and cost: "${facts}"`);
  const problems = await axeAt(page, PHONE);
  assert(problems.length === 0, `axe-core with Show more: ${problems.join('\n')}`);
  let pressed = 0;
  while ((await more.isVisible()) && pressed < 20) {
    const before = await results.count();
    await more.click();
    pressed++;
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length > n, before, { timeout: 3000 })
      .catch(async () => { throw new Error(`Show more added nothing: ${await results.count()} listed, ${await searchStatus.textContent()}`); });
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest('li') &&
      [...document.querySelectorAll('[data-search-results] > li')].indexOf(document.activeElement.closest('li')));
    assert(focused === before, `focus moves to the first new result (${before}), not ${focused}`);
  }
  assert((await results.count()) === total, `after ${pressed} presses ${await results.count()} of ${total} are listed`);
  const urls = await results.locator('h2 a').evaluateAll((as) => as.map((a) => a.href));
  assert(new Set(urls).size === urls.length, 'a result is listed twice');
  assert((await searchStatus.textContent()).trim() === `${total} results for “respite”`, `status at the end: ${await searchStatus.textContent()}`);
  await page.screenshot({ path: path.join(shots, '6-search-respite-show-more.png'), fullPage: true });
});

await journey('(7) filters alone, with no words, list the matching services', async () => {
  await page.goto(`${server.site}/search/?category=short-breaks&age=7&locality=Bloxwich`);
  await settled();
  const said = (await searchStatus.textContent()).trim();
  assert(/^\d+ services? match/.test(said), `status: "${said}"`);
  const names = await results.locator('h2 a').allTextContents();
  assert(names.length > 0, 'no services listed');
  assert(names.some((n) => n.startsWith('Family Link')), `the whole-borough Family Link is missing: ${names}`);
  const areas = await results.locator('.search-result__facts').allTextContents();
  assert(areas.some((a) => a.includes('Covers all of Walsall')), `no result says it covers all of Walsall: ${areas}`);
  await page.screenshot({ path: path.join(shots, '7-search-filters-only.png'), fullPage: true });

  // The example: words and filters together find the whole-borough short breaks too.
  await page.goto(`${server.site}/search/?q=short+breaks&age=7&locality=Bloxwich`);
  await settled();
  assert((await results.count()) > 0, `no results for short breaks, age 7, Bloxwich: ${await searchStatus.textContent()}`);
});

await journey('(8) without JavaScript the search page says so and offers the browse pages', async () => {
  const plain = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto(`${server.site}/search/?q=respite`);
  const note = p.locator('[data-search-nojs]');
  assert(await note.isVisible(), 'no note that search needs JavaScript');
  assert((await note.textContent()).includes('Search needs JavaScript'), `note: ${await note.textContent()}`);
  assert(!(await p.isVisible('[data-search-form]')), 'the search form looks live without JavaScript');
  const links = await p.locator('.search-browse a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert(links.includes(`${BASE}services/`) && links.includes(`${BASE}services/a-z/`), `browse links: ${links}`);
  await p.screenshot({ path: path.join(shots, '8-search-without-javascript.png'), fullPage: true });
  await plain.close();

  // With JavaScript the note goes and the form is there.
  await page.goto(`${server.site}/search/`);
  assert(!(await page.isVisible('[data-search-nojs]')) && (await page.isVisible('[data-search-form]')), 'with JavaScript the form shows');
  for (const route of ['', 'services/', 'no-such-page/']) {
    await page.goto(`${server.site}/${route}`);
    const box = page.locator('form.search-box');
    assert((await box.count()) === 1, `no search box on /${route}`);
    const action = new URL(await box.evaluate((f) => f.action)).pathname;
    assert(action === `${BASE}search/`, `the box on /${route} goes to ${action}`);
  }
  await page.goto(`${server.site}/`);
  await page.fill('#search-box-query', 'respite');
  await page.click('.search-box__button');
  await page.waitForURL(/\/search\/\?q=respite/);
  await settled();
  assert((await results.count()) > 0, 'the home search box leads to results');
});

await browser.close();
await server.close();
console.log(`family: ${counted.passed} passed, ${counted.failed} failed`);
process.exit(counted.failed ? 1 : 0);
