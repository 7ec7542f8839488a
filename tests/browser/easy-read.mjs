#!/usr/bin/env node
// Layout test of Signpost's easy-read pages in headless Chromium. For an easy-read page of a built
// site it takes a screenshot at 1280 and 320 CSS px wide and checks, from the elements' boxes and
// styles, that:
//   - every point has its picture first in the HTML;
//   - at 1280 px the picture is to the left of the words, side by side;
//   - at 320 px the picture (64 to 80 px) is still left of the words, and the page does not scroll sideways;
//   - the words are at least 21 px, left-aligned, not italic, with generous line spacing;
//   - in print, each point keeps together and the easy-read/full-version link is hidden.
//
// Usage: node tests/browser/easy-read.mjs SITE_DIR [--page /advice/short-breaks/easy-read/]
//                                                 [--screenshots DIR]
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic, launchChromium, checks } from './lib.mjs';

const WIDTHS = { 1280: { width: 1280, height: 900 }, 320: { width: 320, height: 800 } };

function parseArgs(argv) {
  const opts = { site: null, page: '/advice/short-breaks/easy-read/', screenshots: 'target/easy-read-screenshots' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--page') opts.page = argv[++i];
    else if (a === '--screenshots') opts.screenshots = argv[++i];
    else if (!opts.site) opts.site = a;
    else {
      console.error(`easy-read: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!opts.site || !opts.page) {
    console.error('usage: node tests/browser/easy-read.mjs SITE_DIR [--page URL] [--screenshots DIR]');
    process.exit(2);
  }
  return opts;
}

/** The boxes and styles of every point on the page. */
function measure() {
  const points = [...document.querySelectorAll('.easy-read__point')];
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    points: points.map((li) => {
      const picture = li.querySelector('.easy-read__picture');
      const words = li.querySelector('.easy-read__words');
      const box = (el) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
      };
      const style = words ? getComputedStyle(words.querySelector('p') || words) : null;
      return {
        pictureFirst: li.firstElementChild === picture,
        picture: box(picture && (picture.querySelector('img') || picture)),
        words: box(words),
        fontSize: style ? parseFloat(style.fontSize) : 0,
        lineHeight: style ? parseFloat(style.lineHeight) : 0,
        textAlign: style ? style.textAlign : '',
        fontStyle: style ? style.fontStyle : '',
        breakInside: getComputedStyle(li).breakInside,
      };
    }),
    alternateDisplay: (() => {
      const el = document.querySelector('.alternate-version');
      return el ? getComputedStyle(el).display : 'missing';
    })(),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const file = path.join(opts.site, opts.page.replace(/^\//, ''), 'index.html');
  if (!fs.existsSync(file)) {
    console.error(`easy-read: ${file} does not exist; build the site first`);
    process.exit(2);
  }
  fs.mkdirSync(opts.screenshots, { recursive: true });
  const counted = checks();
  const check = counted.note;

  const srv = await serveStatic(opts.site);
  let browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await srv.close();
    console.error(`easy-read: ${err.message}`);
    process.exit(2);
  }
  try {
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const response = await page.goto(srv.origin + opts.page, { waitUntil: 'load' });
      check(`${opts.page} @${width}px loads`, response && response.status() === 200, `status ${response && response.status()}`);
      const shot = path.join(opts.screenshots, `easy-read-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`     screenshot: ${shot}`);
      const m = await page.evaluate(measure);
      check(`@${width}px: the page has points`, m.points.length > 0, 'no .easy-read__point elements');
      m.points.forEach((p, i) => {
        const n = `@${width}px point ${i + 1}`;
        check(`${n}: picture first in the HTML`, p.pictureFirst);
        if (!p.picture || !p.words) {
          check(`${n}: has a picture and words`, false, 'missing element');
          return;
        }
        // Beside at every width: a phone keeps picture-left, words-right (a smaller picture).
        const overlap = p.picture.top < p.words.bottom && p.words.top < p.picture.bottom;
        check(`${n}: picture left of the words`, p.picture.right <= p.words.left + 0.5 && overlap, JSON.stringify(p));
        if (Number(width) === 320) {
          check(`${n}: picture 64 to 80 px wide`, p.picture.width >= 64 && p.picture.width <= 80, `${p.picture.width}px`);
        }
        check(`${n}: text at least 21px`, p.fontSize >= 21, `${p.fontSize}px`);
        check(`${n}: line spacing at least 1.5`, p.lineHeight >= 1.5 * p.fontSize, `${p.lineHeight}px for ${p.fontSize}px text`);
        check(`${n}: left-aligned, not italic`, ['left', 'start'].includes(p.textAlign) && p.fontStyle === 'normal', `${p.textAlign} ${p.fontStyle}`);
      });
      if (Number(width) === 320) {
        check('@320px: no sideways scrolling', m.scrollWidth <= m.clientWidth + 1, `${m.scrollWidth} > ${m.clientWidth}`);
      }
      await context.close();
    }
    const context = await browser.newContext({ viewport: WIDTHS[1280] });
    const page = await context.newPage();
    await page.goto(srv.origin + opts.page, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(measure);
    check('print: points keep together', printed.points.every((p) => p.breakInside === 'avoid'), printed.points.map((p) => p.breakInside).join(','));
    check('print: the other-version link is hidden', printed.alternateDisplay === 'none', printed.alternateDisplay);
    await context.close();
  } catch (err) {
    counted.failed++;
    console.log(`FAIL harness: ${err && err.stack ? err.stack : err}`);
  } finally {
    await browser.close().catch(() => {});
    await srv.close();
  }
  console.log(`easy-read: ${counted.passed} passed, ${counted.failed} failed`);
  process.exit(counted.failed > 0 ? 1 : 0);
}

main();
