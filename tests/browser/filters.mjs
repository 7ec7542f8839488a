#!/usr/bin/env node
// Family journey (4) on the example site, in headless Chromium at 390×844 (a phone): the
// directory filters on a category page keep their choices in the address.
//   - with the filters closed, the first result starts on the first screen; a Filter button opens them
//   - choices go into the address (?age=7&locality=bloxwich), the button says "Filter (2)" and
//     chips show the choices; reload keeps them, Back goes to the choice before, and the copied
//     address opened in a new browser shows the same list
//   - chips take their choice away (focus stays in the chips), the count is announced once
//   - age 30 (typed, or in the address) is refused with a message next to the box
//   - "Open now" (on a fixed clock: Saturday 7 November 2026, 10:30 in London) keeps the
//     services open then, marked "Open now"
//   - without JavaScript the form is a GET form that says every service is listed
// axe-core finds no violations at 320 and 1280 px with the filters open, chips shown, an
// empty result and Open now on. Screenshots go to --screenshots (default target/filters-screenshots).
//
// Usage: node tests/browser/filters.mjs SITE_DIR [--screenshots DIR] [--base-path /localoffer/]
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveStatic, launchChromium, journeyArgs, checks, assert } from './lib.mjs';

const require = createRequire(import.meta.url);
const { site, option, shots, base: BASE } = journeyArgs('filters');
const PHONE = { width: 390, height: 844 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Saturday 7 November 2026, 10:30 in London (GMT): in term, Sensory Saturdays (10am to noon) is on.
const SATURDAY_MORNING = new Date('2026-11-07T10:30:00Z');

const counted = checks();
const step = counted.check;

async function axeAt(page, label) {
  const problems = [];
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const found = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, AXE_TAGS);
    problems.push(...found.map((f) => `${label} at ${width}px: ${f}`));
  }
  await page.setViewportSize(PHONE);
  assert(problems.length === 0, `axe-core: ${problems.join('\n')}`);
}

const shown = (page) =>
  page.$$eval('.card-list [data-service]', (cards) => cards.filter((c) => !c.hidden).map((c) => c.querySelector('a').textContent));
const chips = (page) =>
  page.$$eval('[data-filter-chips] [data-chip]', (bs) => bs.map((b) => b.textContent.replace(/\s+/g, ' ').trim()));
const toggleText = async (page) => (await page.textContent('[data-filter-toggle]')).trim();
const isOpen = (page) => page.locator('[data-filter-panel]').evaluate((d) => d.open);
const search = (page) => new URL(page.url()).search;
async function openFilters(page) {
  if (!(await isOpen(page))) await page.click('[data-filter-toggle]');
}
async function announced(page) {
  await page.waitForTimeout(600);
  return page.$eval('[data-filter-status]', (el) => el.textContent);
}
async function newPhone(options = {}) {
  // bypassCSP only so axe-core can be injected; tests/browser/csp.mjs checks the policy itself.
  const context = await browser.newContext({ viewport: PHONE, bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.clock.setFixedTime(SATURDAY_MORNING);
  return page;
}

let server;
let browser;
try {
  server = await serveStatic(site, { prefix: BASE });
  browser = await launchChromium();
} catch (error) {
  console.error(`filters: cannot start: ${error.message}`);
  process.exit(2);
}
const page = await newPhone();
const category = `${server.site}/services/short-breaks/`;
let all = [];
let bloxwich = [];
let bloxwich7 = [];
let copied = '';

await step('(4a) on a phone the first result is on the first screen, the filters behind a Filter button', async () => {
  await page.goto(category);
  all = await shown(page);
  assert(all.length === 7, `all 7 short breaks are listed at first: ${all}`);
  assert(!(await isOpen(page)), 'the filter panel starts open on a phone');
  assert((await toggleText(page)) === 'Filter', `button: ${await toggleText(page)}`);
  const first = await page.locator('.card-list [data-service]').first().boundingBox();
  assert(first && first.y < PHONE.height - 60, `the first result starts at ${first && first.y}px, below the first screen (${PHONE.height}px)`);
  assert(!(await page.isVisible('#filter-age')), 'the filter fields show before the button is pressed');
  assert(!(await page.isVisible('[data-filters-nojs]')), 'the no-JavaScript note shows with JavaScript');
  await page.screenshot({ path: path.join(shots, '4-closed-first-screen.png') });
  // The same on every category page with filters.
  const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
  await phone.goto(`${server.site}/services/`);
  const categories = await phone.$$eval('#categories-heading + ul a', (as) => as.map((a) => a.href));
  assert(categories.length >= 5, `categories: ${categories}`);
  for (const url of categories) {
    await phone.goto(url);
    if (!(await phone.locator('[data-filter-panel]').count())) continue;
    const top = await phone.locator('.card-list [data-service]').first().boundingBox();
    assert(top && top.y < PHONE.height - 60, `on ${url} the first result starts at ${top && top.y}px`);
  }
  await phone.context().close();
  await page.click('[data-filter-toggle]');
  assert(await page.isVisible('#filter-age'), 'the Filter button does not open the filters');
  const localities = await page.$$eval('#filter-locality option', (os) => os.map((o) => o.value).filter(Boolean));
  // Every locality the site knows (its locality pages, listed on /services/), not just this category's.
  const directory = await (await browser.newContext()).newPage();
  await directory.goto(`${server.site}/services/`);
  const known = await directory.$$eval('a[href*="/services/localities/"]', (as) => as.map((a) => a.textContent.trim()));
  // The search page's Area list offers the same.
  await directory.goto(`${server.site}/search/`);
  const searchAreas = await directory.$$eval('#search-locality option', (os) => os.map((o) => o.value).filter(Boolean));
  assert(JSON.stringify([...searchAreas].sort()) === JSON.stringify([...known].sort()), `the search page offers ${searchAreas}, the site knows ${known}`);
  await directory.context().close();
  assert(known.length >= 5 && JSON.stringify([...localities].sort()) === JSON.stringify([...known].sort()), `every locality is offered: ${localities}, the site knows ${known}`);
  await page.screenshot({ path: path.join(shots, '4-filters-open.png') });
  await axeAt(page, 'filters open');
  // The panel stays open on wide screens.
  const wide = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await wide.goto(category);
  assert(await isOpen(wide), 'the filters are closed at 1280 px');
  await wide.context().close();
});

await step('(4b) choices go into the address, with Filter (2) and a chip for each', async () => {
  await openFilters(page);
  await page.selectOption('#filter-locality', 'Bloxwich');
  await page.waitForFunction(() => location.search === '?locality=bloxwich', null, { timeout: 3000 });
  bloxwich = await shown(page);
  await page.fill('#filter-age', '7');
  await page.locator('#filter-age').blur();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('age') === '7', null, { timeout: 3000 });
  assert(search(page) === '?age=7&locality=bloxwich', `address: ${search(page)}`);
  bloxwich7 = await shown(page);
  assert(bloxwich7.length > 0 && bloxwich7.length < all.length, `age 7 in Bloxwich: ${bloxwich7}`);
  assert((await toggleText(page)) === 'Filter (2)', `button: ${await toggleText(page)}`);
  const said = await announced(page);
  assert(said === `Showing ${bloxwich7.length} of 7 services`, `announced once, as the count: "${said}"`);
  assert(JSON.stringify(await chips(page)) === JSON.stringify(['Remove Age 7 ×', 'Remove Bloxwich ×']), `chips: ${await chips(page)}`);
  const chipNames = await page.$$eval('[data-chip]', (bs) => bs.map((b) => {
    const seen = b.cloneNode(true);
    seen.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
    return seen.textContent.replace(/\s+/g, ' ').trim();
  }));
  assert(JSON.stringify(chipNames) === JSON.stringify(['Age 7 ×', 'Bloxwich ×']), `on screen the chips read: ${chipNames}`);
  // Closing the panel ("Show services") goes back to the results; chips stay in view.
  await page.click('form[data-filters] button[type=submit]');
  assert(!(await isOpen(page)), 'Show services leaves the panel open on a phone');
  assert(await page.isVisible('[data-filter-chips]'), 'the chips are hidden with the panel closed');
  const first = await page.locator('.card-list [data-service]:not([hidden])').first().boundingBox();
  assert(first && first.y < PHONE.height - 60, `with chips, the first result starts at ${first && first.y}px`);
  await page.screenshot({ path: path.join(shots, '4-chips.png') });
  await axeAt(page, 'chips shown');
  copied = page.url();
});

await step('(4c) reload keeps the choices and the list', async () => {
  await page.reload();
  assert(search(page) === '?age=7&locality=bloxwich', `address after reload: ${search(page)}`);
  assert((await page.inputValue('#filter-age')) === '7' && (await page.inputValue('#filter-locality')) === 'Bloxwich', 'the form lost its choices');
  assert(JSON.stringify(await shown(page)) === JSON.stringify(bloxwich7), `after reload: ${await shown(page)}`);
  assert((await toggleText(page)) === 'Filter (2)', `button after reload: ${await toggleText(page)}`);
});

await step('(4d) Back goes to the choice before; Back again to no choices; Forward returns', async () => {
  await page.goBack();
  await page.waitForFunction(() => location.search === '?locality=bloxwich', null, { timeout: 3000 });
  await page.waitForFunction(() => document.getElementById('filter-age').value === '', null, { timeout: 3000 });
  assert(JSON.stringify(await shown(page)) === JSON.stringify(bloxwich), `Back shows Bloxwich only: ${await shown(page)}`);
  assert((await toggleText(page)) === 'Filter (1)', `button after Back: ${await toggleText(page)}`);
  await page.goBack();
  await page.waitForFunction(() => location.search === '', null, { timeout: 3000 });
  assert(JSON.stringify(await shown(page)) === JSON.stringify(all), 'Back again shows everything');
  await page.goForward();
  await page.goForward();
  await page.waitForFunction(() => location.search === '?age=7&locality=bloxwich', null, { timeout: 3000 });
  assert(JSON.stringify(await shown(page)) === JSON.stringify(bloxwich7), 'Forward brings the choices back');
});

await step('(4e) the copied address opened in a new browser shows the same list', async () => {
  const other = await newPhone();
  await other.goto(copied);
  assert(JSON.stringify(await shown(other)) === JSON.stringify(bloxwich7), `shared address: ${await shown(other)}`);
  assert(JSON.stringify(await chips(other)) === JSON.stringify(['Remove Age 7 ×', 'Remove Bloxwich ×']), `shared chips: ${await chips(other)}`);
  // Written by hand, in another case, it still works.
  await other.goto(`${category}?locality=BLOXWICH&age=7`);
  assert(JSON.stringify(await shown(other)) === JSON.stringify(bloxwich7), 'the locality is read without case');
  await other.context().close();
});

await step('(4f) chips take their choice away, and focus stays in the chips', async () => {
  await page.click('[data-chip="age"]');
  await page.waitForFunction(() => location.search === '?locality=bloxwich', null, { timeout: 3000 });
  assert((await page.inputValue('#filter-age')) === '', 'the age chip did not clear the age');
  assert(JSON.stringify(await shown(page)) === JSON.stringify(bloxwich), 'removing the age chip shows Bloxwich again');
  assert((await toggleText(page)) === 'Filter (1)', `button: ${await toggleText(page)}`);
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-chip'));
  assert(focused === 'locality', `focus moves to the next chip, not ${focused}`);
  const said = await announced(page);
  assert(said === `Showing ${bloxwich.length} of 7 services`, `announced: "${said}"`);
  await page.click('[data-chip="locality"]');
  await page.waitForFunction(() => location.search === '', null, { timeout: 3000 });
  assert(await page.locator('[data-filter-chips]').isHidden(), 'the empty chip list is still shown');
  assert((await toggleText(page)) === 'Filter', `button with no choices: ${await toggleText(page)}`);
  const toFilter = await page.evaluate(() => document.activeElement && document.activeElement.hasAttribute('data-filter-toggle'));
  assert(toFilter, 'after the last chip, focus goes to the Filter button');
});

await step('(4g) age 30 is refused with a message, typed or in the address', async () => {
  await openFilters(page);
  await page.fill('#filter-age', '30');
  const error = page.locator('[data-filter-age-error]');
  assert(await error.isVisible(), 'no message for age 30');
  const message = (await error.textContent()).trim();
  assert(message === 'Enter an age from 0 to 25, in whole years, for example 7', `message: "${message}"`);
  assert((await page.getAttribute('#filter-age', 'aria-invalid')) === 'true', 'the box is not marked invalid');
  assert((await page.getAttribute('#filter-age', 'aria-describedby')).includes('filter-age-error'), 'the box is not described by the message');
  assert(JSON.stringify(await shown(page)) === JSON.stringify(all), 'age 30 filtered the list');
  assert((await toggleText(page)) === 'Filter' && (await chips(page)).length === 0, 'age 30 counted as a choice');
  assert(!new URLSearchParams(search(page)).has('age'), `age 30 went into the address: ${search(page)}`);
  assert((await announced(page)) === message, 'the message is announced');
  await page.screenshot({ path: path.join(shots, '4-age-30-refused.png') });
  await page.fill('#filter-age', '8');
  assert(!(await error.isVisible()), 'the message stays after a good age');
  for (const bad of ['30', '-3', '7.5', 'seven']) {
    await page.goto(`${category}?age=${bad}`);
    assert(await isOpen(page), `the filters stay closed with age ${bad} in the address`);
    assert(await page.locator('[data-filter-age-error]').isVisible(), `age ${bad} from the address is accepted silently`);
    assert(JSON.stringify(await shown(page)) === JSON.stringify(all), `age ${bad} from the address filtered the list`);
  }
  await page.goto(`${category}?age=30`);
  await page.screenshot({ path: path.join(shots, '4-age-30-from-address.png') });
  // The search page's age box refuses it too, and searches without it.
  const results = async (query) => {
    await page.goto(`${server.site}/search/?${query}`);
    await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent !== '', null, { timeout: 5000 });
    return page.$$eval('[data-search-results] h2 a', (as) => as.map((a) => a.textContent));
  };
  const without = await results('category=short-breaks');
  const refused = await results('category=short-breaks&age=30');
  assert(await page.isVisible('[data-search-age-error]'), 'the search page accepts age 30 silently');
  assert((await page.getAttribute('#search-age', 'aria-invalid')) === 'true', 'the search age box is not marked invalid');
  assert(JSON.stringify(refused) === JSON.stringify(without), `age 30 changed the search results: ${refused}`);
  await page.fill('#search-age', '7');
  assert(!(await page.isVisible('[data-search-age-error]')), 'the search message stays after a good age');
});

await step('(4h) an empty result shows one message, not the count as well', async () => {
  await page.goto(`${category}?age=7&delivery=online`);
  assert((await shown(page)).length === 0, 'expected nothing online for age 7');
  assert(await page.isVisible('[data-filter-empty]'), 'no empty message');
  assert(!(await page.isVisible('#result-count')), 'the count shows beside the empty message');
  await page.screenshot({ path: path.join(shots, '4-empty.png') });
  await axeAt(page, 'empty result');
});

await step('(4i) Open now keeps the services open on the family\'s clock, marked', async () => {
  await page.goto(category);
  await openFilters(page);
  assert(await page.isVisible('#filter-open'), 'no Open now box');
  await page.check('#filter-open');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('open') === 'now', null, { timeout: 3000 });
  const open = await shown(page);
  assert(JSON.stringify(open) === JSON.stringify(['Sensory Saturdays']), `open at 10:30 on a term-time Saturday: ${open}`);
  const marked = await page.$$eval('.card-list [data-service]:not([hidden]) .card__open', (ps) => ps.map((p) => p.textContent));
  assert(JSON.stringify(marked) === JSON.stringify(['Open now']), `the open service is marked: ${marked}`);
  assert(JSON.stringify(await chips(page)) === JSON.stringify(['Remove Open now ×']), `chip: ${await chips(page)}`);
  await page.screenshot({ path: path.join(shots, '4-open-now.png') });
  await axeAt(page, 'Open now on');
  // Things to do at the same moment: the Saturday football is on, the cycling starts at 11.
  await page.goto(`${server.site}/services/things-to-do/?open=now`);
  const things = await shown(page);
  assert(things.includes('All Stars inclusive football') && !things.includes('All Wheels inclusive cycling'), `things to do open now: ${things}`);
});

await step('(4j) without JavaScript the filters are a GET form that says every service is listed', async () => {
  const plain = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto(category);
  assert(await p.isVisible('[data-filters-nojs]'), 'no note without JavaScript');
  await p.click('[data-filter-toggle]');
  const note = await p.textContent('[data-filters-nojs]');
  assert(note.includes('every service is listed'), `note: ${note}`);
  await p.fill('#filter-age', '7');
  await p.click('form[data-filters] button[type=submit]');
  await p.waitForURL(/age=7/);
  assert(await p.isVisible('[data-filters-nojs]'), 'after sending the form, no note says the list is not filtered');
  const listed = await p.$$eval('.card-list [data-service]', (cards) => cards.filter((c) => !c.hidden).length);
  assert(listed === all.length, `without JavaScript every service stays listed (${listed})`);
  await p.screenshot({ path: path.join(shots, '4-without-javascript.png') });
  await plain.close();
});

await browser.close();
await server.close();
console.log(`filters: ${counted.passed} passed, ${counted.failed} failed`);
process.exit(counted.failed ? 1 : 0);
