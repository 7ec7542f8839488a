#!/usr/bin/env node
// Browser test of the What's on page at 390 px: filters by age, area and type, the count
// announced in a polite live region, reset, days with nothing left hidden, and sessions that end
// after the build hidden by the page's script (the browser clock is moved past the first one).
//
// Usage: node tests/browser/whats-on.mjs SITE_DIR   (SITE_DIR: a build of the example site)
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import { serveStatic, launchChromium } from './lib.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node tests/browser/whats-on.mjs SITE_DIR');
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

// Every session on the page with its data and whether it is shown.
async function sessions(page) {
  return page.$$eval('[data-occurrence]', (items) =>
    items.map((item) => ({
      ages: item.getAttribute('data-ages').split('-').map(Number),
      locality: item.getAttribute('data-locality'),
      kind: item.getAttribute('data-kind'),
      end: item.getAttribute('data-end'),
      shown: !item.hidden,
    })),
  );
}

async function announced(page) {
  await page.waitForTimeout(600);
  return page.$eval('[data-filter-status]', (el) => el.textContent);
}

async function emptyDaysShown(page) {
  return page.$$eval('[data-day]', (days) => days.filter((d) => !d.hidden && !d.querySelector('[data-occurrence]:not([hidden])')).length);
}

let server;
let browser;
try {
  server = await serveStatic(site);
  browser = await launchChromium();
} catch (error) {
  console.error(`whats-on: ${error.message}`);
  process.exit(2);
}
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // Pin the browser's clock to the start of the first listed day, so no session has passed yet.
  await page.goto(`${server.origin}/whats-on/`);
  const firstDay = await page.$eval('[data-day] time', (t) => t.getAttribute('datetime'));
  await page.clock.setFixedTime(new Date(`${firstDay}T00:00:00Z`));
  await page.reload();
  const all = await sessions(page);
  const total = all.length;
  check(total > 10, `the page lists the coming sessions (${total})`);
  check(all.every((s) => s.shown), 'every session is shown at first');
  check(await page.isVisible('form[data-event-filters]'), 'the filter form appears with JavaScript');
  check((await announced(page)) === '', 'nothing is announced before the first change');

  await page.fill('#filter-age', '3');
  let now = await sessions(page);
  const forThree = all.filter((s) => s.ages[0] <= 3 && 3 <= s.ages[1]).length;
  check(now.filter((s) => s.shown).length === forThree && forThree < total && forThree > 0, `age 3 leaves the ${forThree} sessions for 3-year-olds`);
  check(now.every((s) => s.shown === (s.ages[0] <= 3 && 3 <= s.ages[1])), 'only sessions for that age are shown');
  check((await announced(page)) === `Showing ${forThree} of ${total} events`, 'the count is announced in the live region');
  check((await page.textContent('#result-count')).trim() === `Showing ${forThree} of ${total} events`, 'the visible count changes too');

  await page.selectOption('#filter-locality', 'Bloxwich');
  now = await sessions(page);
  const want = all.filter((s) => s.ages[0] <= 3 && 3 <= s.ages[1] && s.locality === 'Bloxwich').length;
  check(want > 0 && now.filter((s) => s.shown).length === want, `age 3 in Bloxwich: ${want} sessions`);
  check(now.filter((s) => s.shown).every((s) => s.locality === 'Bloxwich'), 'only Bloxwich sessions are shown');
  check((await emptyDaysShown(page)) === 0, 'days with no session left are hidden');
  check((await announced(page)) === `Showing ${want} of ${total} events`, 'combined filters announce the count');

  await page.selectOption('#filter-kind', 'workshop');
  check((await sessions(page)).every((s) => !s.shown || s.kind === 'workshop'), 'the type filter keeps only workshops');
  await page.selectOption('#filter-locality', 'Pelsall');
  await page.fill('#filter-age', '20');
  const none = (await sessions(page)).filter((s) => s.shown).length;
  if (none === 0) check((await announced(page)).includes('No events match'), 'an empty result says what to do');

  await page.click('form[data-event-filters] button[type=reset]');
  // The form's values are reset after the reset event, so the list updates a moment later:
  // wait for it (up to 3 s on a busy machine) instead of reading it at once.
  await page
    .waitForFunction(() => [...document.querySelectorAll('[data-occurrence]')].every((item) => !item.hidden), null, { timeout: 3000 })
    .catch(() => {});
  check((await sessions(page)).every((s) => s.shown), 'clearing the filters shows everything again');
  check((await announced(page)) === `Showing ${total} of ${total} events`, 'clearing is announced');

  // A session that ended after the build is hidden: move the clock past the first one's end.
  const later = await context.newPage();
  const firstEnd = all[0].end;
  await later.clock.setFixedTime(new Date(Date.parse(firstEnd) + 60_000));
  await later.goto(`${server.origin}/whats-on/`);
  const after = await sessions(later);
  check(!after[0].shown, `the session that ended at ${firstEnd} is hidden`);
  check(after.filter((s) => !s.shown).every((s) => Date.parse(s.end) < Date.parse(firstEnd) + 60_000), 'only sessions that have ended are hidden');
  check((await later.textContent('#result-count')).trim().endsWith(`of ${total - after.filter((s) => !s.shown).length} events`), 'the count leaves out the ended sessions');

  // Without JavaScript: a plain list, no form.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const noScript = await plain.newPage();
  await noScript.goto(`${server.origin}/whats-on/`);
  check(!(await noScript.isVisible('form[data-event-filters]')), 'without JavaScript the filter form stays hidden');
  check((await sessions(noScript)).length === total, 'without JavaScript every session is listed');
} catch (error) {
  failures++;
  console.log(`FAIL ${error.stack || error}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`whats-on: ${failures === 0 ? 'all passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
