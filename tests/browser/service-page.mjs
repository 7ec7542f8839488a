#!/usr/bin/env node
// Family journeys on the example site's service pages, shortlist and easy read, in headless
// Chromium at 390×844 (a phone):
//   (9)  a service page leads with its contact strip: the call link (tel:) is inside the first
//        screen and at least 44 px tall; the opening times are shown once; the ways in read as
//        alternatives; a venue with a postcode has its address and OpenStreetMap directions;
//   (10) two services added to the shortlist from their pages show on /shortlist/ with their
//        times and addresses, fetched one small file each (the page itself embeds none);
//        "Copy link" puts a link on the clipboard (and says so) that opens the same two services
//        in a fresh browser; the print preview has today's date; without JavaScript the page
//        says the shortlist needs it and offers the directory;
//   (11) an easy-read page at 320 px keeps each picture beside its words.
// axe-core finds no violations at 320 and 1280 px on the service page, the filled shortlist and
// the empty shortlist. Each journey leaves a screenshot in --screenshots.
//
// Usage: node tests/browser/service-page.mjs SITE_DIR [--screenshots DIR] [--base-path /localoffer/]
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveStatic, launchChromium, journeyArgs, checks, assert } from './lib.mjs';

const require = createRequire(import.meta.url);
const { site, shots, base: BASE } = journeyArgs('service-page');
const PHONE = { width: 390, height: 844 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Two services with phone numbers and weekly times; the second has a venue with a postcode.
const FIRST = 'monday-night-myplace';
const SECOND = 'deaf-children-sign-club';

const counted = checks();
const journey = counted.check;

async function axeAt(page, label, widths = [320, 1280]) {
  const problems = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const found = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, AXE_TAGS);
    problems.push(...found.map((f) => `${width}px ${f}`));
  }
  await page.setViewportSize(PHONE);
  assert(problems.length === 0, `axe-core on ${label}:\n${problems.join('\n')}`);
}

async function shortlistReady(page) {
  await page.waitForSelector('[data-shortlist][data-state="ready"]', { timeout: 10_000 });
}

let server;
let browser;
try {
  server = await serveStatic(site, { prefix: BASE });
  browser = await launchChromium();
} catch (error) {
  console.error(`service-page: cannot start: ${error.message}`);
  process.exit(2);
}
// bypassCSP only so axe-core can be injected; tests/browser/csp.mjs checks the policy itself.
const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
const page = await context.newPage();

await journey('(9) the service page leads with a contact strip: the call link is in the first screen, times once', async () => {
  await page.goto(`${server.site}/services/${FIRST}/`);
  const call = await page.$eval('.contact-strip a[href^="tel:"]', (a) => {
    const r = a.getBoundingClientRect();
    return { href: a.getAttribute('href'), text: a.textContent.trim(), top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  });
  assert(call.href === 'tel:01214960670', `the call link dials the number: ${call.href}`);
  assert(call.text === 'Call 0121 496 0670', `the call link says what it does: "${call.text}"`);
  assert(call.top >= 0 && call.bottom <= PHONE.height && call.left >= 0 && call.right <= PHONE.width, `the call link is inside the first 390×844 screen: ${JSON.stringify(call)}`);
  assert(call.height >= 44, `the call link is a large target: ${call.height}px`);
  // The strip, in order: call, email, then the shortlist and print buttons.
  const strip = await page.$$eval('.contact-strip a, .contact-strip button', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  assert(strip[0].startsWith('Call') && strip[1].startsWith('Email') && strip.includes('Add to my shortlist') && strip.includes('Print this page'), `the contact strip: ${JSON.stringify(strip)}`);
  const body = await page.textContent('main');
  const times = body.split('Mondays, 6:30pm to 9pm').length - 1;
  assert(times === 1, `"Mondays, 6:30pm to 9pm" is shown ${times} times`);
  assert(body.includes('Contact them yourself, or ask a professional such as a GP, teacher or social worker to refer you'), 'the two ways in read as alternatives');
  await page.screenshot({ path: path.join(shots, '9-service-page-first-screen.png') });
  await axeAt(page, 'the service page');

  // A venue with a postcode: its full address and directions to the postcode, marked external.
  await page.goto(`${server.site}/services/${SECOND}/`);
  const where = await page.$eval('.venue-address', (p) => p.innerText);
  assert(/WS\d+ \d[A-Z]{2}/.test(where), `the venue's address ends with its postcode: ${where}`);
  const directions = await page.$eval('.venue-directions a', (a) => ({ href: a.href, external: a.classList.contains('external'), text: a.textContent }));
  assert(/^https:\/\/www\.openstreetmap\.org\/directions\?to=WS\d+%20\d[A-Z]{2}$/.test(directions.href), `directions go to OpenStreetMap: ${directions.href}`);
  assert(directions.external && directions.text.includes('(opens another website)'), `the directions link is marked as another website: ${JSON.stringify(directions)}`);
  assert(await page.$('.contact-strip a[href^="https://www.openstreetmap.org/directions"]'), 'the contact strip has Get directions');
});

await journey('(10) two services on the shortlist show their times and addresses; Copy link and print work', async () => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  for (const id of [FIRST, SECOND]) {
    await page.goto(`${server.site}/services/${id}/`);
    await page.click('.contact-strip .shortlist-toggle__button');
    assert((await page.getAttribute('.shortlist-toggle__button', 'aria-pressed')) === 'true', `${id} was added`);
  }
  fetched.length = 0;
  await page.goto(`${server.site}/shortlist/`);
  await shortlistReady(page);
  const items = await page.$$eval('[data-shortlist-item]', (lis) => lis.map((li) => ({ id: li.getAttribute('data-shortlist-item'), text: li.innerText, call: (li.querySelector('a[href^="tel:"]') || {}).href })));
  assert(items.length === 2 && items[0].id === FIRST && items[1].id === SECOND, `both services, in the order saved: ${items.map((i) => i.id)}`);
  assert(items[0].text.includes('Mondays, 6:30pm to 9pm') && items[0].text.includes('MyPlace youth centre'), `the first shows its times and address: ${items[0].text}`);
  assert(/Wednesdays, 4pm to 5:30pm/.test(items[1].text) && /WS\d+ \d[A-Z]{2}/.test(items[1].text), `the second shows its times and postcode: ${items[1].text}`);
  assert(items.every((i) => i.call && i.call.startsWith('tel:')), 'each phone number is a call link');
  assert(items[0].text.includes('Ages:') && items[0].text.includes('Cost:'), 'ages and cost are shown');
  const data = fetched.filter((p) => p.includes('/shortlist/data/'));
  assert(data.length === 2 && data.every((p) => p.startsWith(`${BASE}shortlist/data/`)), `one data file per saved service, under the site's path: ${data}`);
  await page.screenshot({ path: path.join(shots, '10-shortlist-two-services.png'), fullPage: true });
  await axeAt(page, 'the filled shortlist');

  // Copy link: the clipboard gets a link that reproduces the list elsewhere.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.click('[data-shortlist-copy]');
  await page.waitForFunction(() => document.querySelector('[data-shortlist-said]').textContent.length > 0, null, { timeout: 5_000 });
  const said = await page.textContent('[data-shortlist-said]');
  assert(said.startsWith('Link copied'), `copying is announced: "${said}"`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert(copied === `${server.site}/shortlist/?ids=${FIRST},${SECOND}`, `the copied link carries both ids: ${copied}`);
  const fresh = await browser.newContext({ viewport: PHONE });
  const other = await fresh.newPage();
  await other.goto(copied);
  await shortlistReady(other);
  const reopened = await other.$$eval('[data-shortlist-item]', (lis) => lis.map((li) => li.getAttribute('data-shortlist-item')));
  assert(JSON.stringify(reopened) === JSON.stringify([FIRST, SECOND]), `the copied link opens the same two services: ${reopened}`);
  // A browser that refuses to copy: the link is shown, selected, and the page says what to do.
  await other.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('not allowed'));
  });
  await other.reload();
  await shortlistReady(other);
  await other.click('[data-shortlist-copy]');
  await other.waitForFunction(() => document.querySelector('[data-shortlist-said]').textContent.length > 0, null, { timeout: 5_000 });
  const refused = await other.evaluate(() => {
    const field = document.getElementById('shortlist-link');
    return { said: document.querySelector('[data-shortlist-said]').textContent, visible: field.getBoundingClientRect().height > 0, selected: field.value.slice(field.selectionStart, field.selectionEnd), focused: document.activeElement === field };
  });
  assert(refused.said.includes('did not let us copy') && refused.visible && refused.focused && refused.selected === copied, `the fallback shows the link, selected: ${JSON.stringify(refused)}`);
  await other.screenshot({ path: path.join(shots, '10-shortlist-copy-fallback.png') });
  await fresh.close();

  // The printout has today's date and the addresses.
  await page.emulateMedia({ media: 'print' });
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const printed = await page.evaluate(() => {
    const p = document.querySelector('[data-shortlist-printed]');
    return { text: p.textContent, shown: p.getBoundingClientRect().height > 0, main: document.querySelector('main').innerText };
  });
  assert(printed.shown && printed.text === `Printed on ${today}`, `the printout is dated: ${JSON.stringify(printed.text)} (shown: ${printed.shown})`);
  assert(printed.main.includes('MyPlace youth centre') && /WS\d+ \d[A-Z]{2}/.test(printed.main), 'the printout has the addresses');
  assert(printed.main.includes(`Web page: ${server.site}/services/${FIRST}/`), 'the printout has each service\'s web address');
  await page.screenshot({ path: path.join(shots, '10-shortlist-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Emptied, the shortlist says how to add services, and still passes axe.
  await page.click('.shortlist-remove');
  await page.click('.shortlist-remove');
  const empty = await page.textContent('[data-shortlist-count]');
  assert(empty.includes('Your shortlist is empty'), `an empty shortlist says how to add: ${empty}`);
  await page.screenshot({ path: path.join(shots, '10-shortlist-empty.png') });
  await axeAt(page, 'the empty shortlist');

  // Without JavaScript the page says the shortlist needs it and offers the directory.
  const plain = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const nojs = await plain.newPage();
  await nojs.goto(`${server.site}/shortlist/`);
  const message = await nojs.innerText('[data-shortlist-nojs]');
  assert(message.includes('needs JavaScript'), `no-JS message: ${message}`);
  const offered = await nojs.$eval('[data-shortlist-nojs] a', (a) => new URL(a.href).pathname);
  assert(offered === `${BASE}services/`, `the no-JS message offers the directory: ${offered}`);
  await nojs.screenshot({ path: path.join(shots, '10-shortlist-no-javascript.png') });
  await plain.close();
});

await journey('(11) an easy-read page at 320 px keeps each picture beside its words', async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${server.site}/advice/short-breaks/easy-read/`);
  const points = await page.$$eval('.easy-read__point', (lis) => lis.map((li) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
    return { picture: box(li.querySelector('.easy-read__picture img')), words: box(li.querySelector('.easy-read__words')) };
  }));
  assert(points.length > 0, 'the page has points');
  points.forEach(({ picture, words }, i) => {
    const sameRow = picture.top < words.bottom && words.top < picture.bottom;
    assert(sameRow && picture.right <= words.left + 0.5, `point ${i + 1}: the picture is beside (left of) the words: ${JSON.stringify({ picture, words })}`);
  });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  assert(!sideways, 'the page does not scroll sideways at 320 px');
  await page.screenshot({ path: path.join(shots, '11-easy-read-320.png'), fullPage: true });
  await page.setViewportSize(PHONE);
});

await browser.close();
await server.close();
console.log(`service-page: ${counted.passed} passed, ${counted.failed} failed (screenshots in ${shots})`);
process.exit(counted.failed === 0 ? 0 : 1);
