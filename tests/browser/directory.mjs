#!/usr/bin/env node
// Browser test of the directory's JavaScript on a build of the `valid` fixture: the filters on a
// category page (by age, need, cost and delivery, with the count announced in a polite live
// region) and the shortlist (add on a service page, list, share link, remove).
//
// Usage: node tests/browser/directory.mjs SITE_DIR [--base-path /localoffer/]
//        (SITE_DIR: `signpost build --root tests/fixtures/valid`, with --base-url for a sub-path)
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import { serveStatic, launchChromium, basePath } from './lib.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node tests/browser/directory.mjs SITE_DIR');
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

async function visibleCards(page) {
  return page.$$eval('.card-list [data-service]', (cards) => cards.filter((c) => !c.hidden).map((c) => c.querySelector('a').textContent));
}

async function announced(page) {
  await page.waitForTimeout(600);
  return page.$eval('[data-filter-status]', (el) => el.textContent);
}

const BASE = basePath();
let server;
let browser;
try {
  server = await serveStatic(site, { prefix: BASE });
  browser = await launchChromium();
} catch (error) {
  console.error(`directory: ${error.message}`);
  process.exit(2);
}
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.site}/services/short-breaks/`);
  if (!(await page.locator('[data-filter-panel]').evaluate((d) => d.open))) await page.click('[data-filter-toggle]');
  check(await page.isVisible('form[data-filters]'), 'the filter form appears with JavaScript');
  check(!(await page.isVisible('#filter-open')), 'no Open now box when no service here has opening times');
  check((await announced(page)) === '', 'nothing is announced before the first change');
  check((await visibleCards(page)).length === 2, 'both short breaks are listed at first');

  await page.fill('#filter-age', '20');
  check(JSON.stringify(await visibleCards(page)) === JSON.stringify(['Splash Club swimming']), 'age 20 leaves the service for ages 5 to 25');
  check((await announced(page)) === 'Showing 1 of 2 services', 'the count is announced in the live region');
  check((await page.textContent('#result-count')).trim() === 'Showing 1 of 2 services', 'the visible count changes too');

  await page.fill('#filter-age', '');
  await page.selectOption('#filter-need', 'physical');
  check(JSON.stringify(await visibleCards(page)) === JSON.stringify(['Splash Club swimming']), 'need: physical');
  await page.selectOption('#filter-need', 'sensory-and-physical');
  check((await visibleCards(page)).length === 1, 'a broad area of need matches its specific needs');

  await page.selectOption('#filter-need', '');
  await page.fill('#filter-age', '8');
  await page.selectOption('#filter-cost', 'free');
  check(JSON.stringify(await visibleCards(page)) === JSON.stringify(['Saturday play scheme']), 'age 8 and free only');
  check((await announced(page)) === 'Showing 1 of 2 services', 'combined filters announce the count');

  await page.selectOption('#filter-delivery', 'online');
  check((await visibleCards(page)).length === 0, 'no service is online');
  const none = await announced(page);
  check(none.startsWith('No short breaks ') && none.includes('(Online or by phone)'), `an empty result says which choices found nothing, and only that (${none})`);
  check((await page.textContent('[data-filter-empty] button')).trim() === 'Remove ‘Online or by phone’', 'and offers to remove the last one');

  await page.click('form[data-filters] button[type=reset]');
  // The form's values are reset after the reset event, so the list updates a moment later:
  // wait for it (up to 3 s on a busy machine) instead of reading it at once.
  await page
    .waitForFunction(() => [...document.querySelectorAll('.card-list [data-service]')].filter((c) => !c.hidden).length === 2, null, { timeout: 3000 })
    .catch(() => {});
  check((await visibleCards(page)).length === 2, 'clearing the filters shows everything again');
  check((await announced(page)) === 'Showing 2 of 2 services', 'clearing is announced');

  // Shortlist.
  await page.goto(`${server.site}/services/splash-club/`);
  const toggle = page.locator('.shortlist-toggle__button');
  check((await toggle.getAttribute('aria-pressed')) === 'false', 'the shortlist button starts unpressed');
  await toggle.click();
  check((await toggle.getAttribute('aria-pressed')) === 'true', 'pressing it adds the service');
  check((await toggle.textContent()) === 'Added to my shortlist', 'its label says so');
  const toShortlist = await page.$eval('.shortlist-toggle__link', (a) => new URL(a.href).pathname);
  check(toShortlist === `${BASE}shortlist/`, `the link to the shortlist is under the site's path (${toShortlist})`);

  await page.goto(`${server.site}/shortlist/`);
  await page.waitForSelector('[data-shortlist][data-state="ready"]');
  const names = await page.$$eval('[data-shortlist-list] h2 a', (links) => links.map((a) => a.textContent));
  check(JSON.stringify(names) === JSON.stringify(['Splash Club swimming']), 'the shortlist page lists the saved service');
  check(!(await page.isVisible('[data-shortlist-nojs]')), 'the no-JavaScript message is hidden');
  const link = await page.inputValue('#shortlist-link');
  check(link === `${server.site}/shortlist/?ids=splash-club`, `the share link carries the ids (${link})`);
  const listed = await page.$eval('[data-shortlist-list] h2 a', (a) => new URL(a.href).pathname);
  check(listed === `${BASE}services/splash-club/`, `the shortlisted service's link is under the site's path (${listed})`);
  const opened = await (await browser.newContext()).newPage();
  const response = await opened.goto(`${server.origin}${listed}`);
  check(response && response.status() === 200, 'the shortlisted service\'s link opens its page');

  const other = await browser.newContext();
  const shared = await other.newPage();
  await shared.goto(`${server.site}/shortlist/?ids=speech-therapy,splash-club,no-such-service`);
  await shared.waitForSelector('[data-shortlist][data-state="ready"]');
  const sharedNames = await shared.$$eval('[data-shortlist-list] h2 a', (links) => links.map((a) => a.textContent));
  check(JSON.stringify(sharedNames) === JSON.stringify(['Speech therapy', 'Splash Club swimming']), 'a shared link opens the same list elsewhere');

  await page.click('.shortlist-remove');
  check((await page.$$('[data-shortlist-list] li')).length === 0, 'removing empties the list');
  check((await page.textContent('[data-shortlist-count]')).includes('Your shortlist is empty'), 'an empty shortlist says how to add');
} catch (error) {
  failures++;
  console.log(`FAIL ${error.stack || error}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`directory: ${failures === 0 ? 'all passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
