#!/usr/bin/env node
// Browser test of Signpost's translated pages, in headless Chromium, on a built site:
//   - axe-core finds no violations on a Polish and an Urdu page at 320 and 1280 CSS px, and the
//     pages do not scroll sideways at 320 px;
//   - <html lang dir> is pl/ltr and ur/rtl, and a marked inline passage keeps its lang and dir;
//   - the language list and the hreflang alternates link both ways: following each link from the
//     English page leads to a page in that language that links back;
//   - right to left mirrors the layout: on the Urdu page at 1280 px the help column is on the
//     left of the main text and the first main navigation link is at the right; on an easy-read
//     page turned right to left, each picture is on the right of its words. Screenshots are kept.
//
// Usage: node tests/browser/languages.mjs SITE_DIR [--screenshots DIR]
//          [--english /sendiass/] [--polish /pl/sendiass/] [--urdu /ur/sendiass/]
//          [--easy-read /advice/short-breaks/easy-read/]
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveStatic, launchChromium, checks } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = { 1280: { width: 1280, height: 900 }, 320: { width: 320, height: 800 } };

function parseArgs(argv) {
  const opts = {
    site: null,
    screenshots: 'target/language-screenshots',
    english: '/sendiass/',
    polish: '/pl/sendiass/',
    urdu: '/ur/sendiass/',
    easyRead: '/advice/short-breaks/easy-read/',
  };
  const flags = { '--screenshots': 'screenshots', '--english': 'english', '--polish': 'polish', '--urdu': 'urdu', '--easy-read': 'easyRead' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (flags[a]) opts[flags[a]] = argv[++i];
    else if (!opts.site) opts.site = a;
    else {
      console.error(`languages: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!opts.site) {
    console.error('usage: node tests/browser/languages.mjs SITE_DIR [--screenshots DIR]');
    process.exit(2);
  }
  return opts;
}

/** Runs in the page: what the test reads about languages and layout. */
function facts() {
  const html = document.documentElement;
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
  };
  const navLinks = [...document.querySelectorAll('.site-nav__link')];
  return {
    lang: html.getAttribute('lang'),
    dir: html.getAttribute('dir'),
    computedDir: getComputedStyle(html).direction,
    passages: [...document.querySelectorAll('main [lang]')].map((el) => ({
      lang: el.getAttribute('lang'),
      dir: el.getAttribute('dir'),
      computedDir: getComputedStyle(el).direction,
      text: el.textContent.trim().slice(0, 40),
    })),
    list: [...document.querySelectorAll('.language-list a')].map((a) => ({
      href: a.href,
      lang: a.getAttribute('lang'),
      hreflang: a.getAttribute('hreflang'),
      current: a.getAttribute('aria-current'),
      name: a.textContent.trim(),
    })),
    alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => ({
      hreflang: l.getAttribute('hreflang'),
      path: new URL(l.getAttribute('href')).pathname,
    })),
    main: box(document.querySelector('.layout__main')),
    help: box(document.querySelector('.layout__help')),
    firstNav: box(navLinks[0]),
    lastNav: box(navLinks[navLinks.length - 1]),
    viewport: html.clientWidth,
    scrollWidth: Math.max(html.scrollWidth, document.body.scrollWidth),
    sendiass: !!document.querySelector('.layout__help') && /SENDIASS/.test(document.querySelector('.layout__help').textContent),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const page of [opts.english, opts.polish, opts.urdu, opts.easyRead]) {
    const file = path.join(opts.site, page.replace(/^\//, ''), 'index.html');
    if (!fs.existsSync(file)) {
      console.error(`languages: ${file} does not exist; build the site first`);
      process.exit(2);
    }
  }
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  fs.mkdirSync(opts.screenshots, { recursive: true });
  const counted = checks();
  const check = counted.note;

  const srv = await serveStatic(opts.site);
  let browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await srv.close();
    console.error(`languages: ${err.message}`);
    process.exit(2);
  }
  const newContext = async (viewport) => {
    const context = await browser.newContext({ viewport, bypassCSP: true, reducedMotion: 'reduce' });
    // Only loopback: anything else is aborted, so the test never uses the network.
    await context.route(
      (url) => !(url.hostname === '127.0.0.1' && url.port === String(srv.port)) && /^(https?|wss?):$/.test(url.protocol),
      (route) => route.abort('blockedbyclient'),
    );
    return context;
  };
  try {
    // 1. axe, lang and dir on the translated pages, at both widths.
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      const context = await newContext(viewport);
      const page = await context.newPage();
      for (const [url, lang, dir] of [
        [opts.polish, 'pl', 'ltr'],
        [opts.urdu, 'ur', 'rtl'],
      ]) {
        const response = await page.goto(srv.origin + url, { waitUntil: 'load' });
        check(`${url} @${width}px loads`, response && response.status() === 200);
        const f = await page.evaluate(facts);
        check(`${url}: <html lang="${lang}" dir="${dir}">`, f.lang === lang && f.dir === dir && f.computedDir === dir, `${f.lang} ${f.dir} ${f.computedDir}`);
        const english = f.passages.filter((p) => p.lang === 'en');
        check(
          `${url}: a marked English passage has lang="en" dir="ltr"`,
          english.length > 0 && english.every((p) => p.dir === 'ltr' && p.computedDir === 'ltr'),
          JSON.stringify(f.passages),
        );
        check(`${url}: the SENDIASS help block is on the page`, f.sendiass);
        if (Number(width) === 320) {
          check(`${url} @320px: no sideways scrolling`, f.scrollWidth <= f.viewport + 1, `${f.scrollWidth} > ${f.viewport}`);
        }
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async (tags) => {
          /* global axe */
          const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
        }, AXE_TAGS);
        check(`${url} @${width}px: axe-core finds no violations`, violations.length === 0, violations.join('\n      '));
        const shot = path.join(opts.screenshots, `${lang}-${width}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`     screenshot: ${shot}`);
      }
      await context.close();
    }

    // 2. The language list and the hreflang alternates, followed both ways.
    {
      const context = await newContext(WIDTHS[1280]);
      const page = await context.newPage();
      await page.goto(srv.origin + opts.english, { waitUntil: 'load' });
      const english = await page.evaluate(facts);
      const listed = english.list.map((l) => l.lang);
      check(`${opts.english}: the language list names English, Polski and اردو`, ['en-GB', 'pl', 'ur'].every((t) => listed.includes(t)), listed.join(','));
      check(`${opts.english}: English is the current language`, english.list.find((l) => l.lang === 'en-GB')?.current === 'page');
      check(
        `${opts.english}: every language link has matching lang and hreflang`,
        english.list.every((l) => l.lang === l.hreflang),
        JSON.stringify(english.list),
      );
      for (const link of english.list.filter((l) => l.lang !== 'en-GB')) {
        await page.goto(srv.origin + opts.english, { waitUntil: 'load' });
        await page.click(`.language-list a[hreflang="${link.hreflang}"]`);
        await page.waitForLoadState('load');
        const there = await page.evaluate(facts);
        check(`following "${link.name}" leads to a page in ${link.lang}`, there.lang === link.lang, `${page.url()} has lang ${there.lang}`);
        const back = there.list.find((l) => l.lang === 'en-GB');
        check(`${link.lang}: the language list links back to ${opts.english}`, back && new URL(back.href).pathname === opts.english, JSON.stringify(there.list));
        check(`${link.lang}: its own name is marked current`, there.list.find((l) => l.lang === link.lang)?.current === 'page');
      }
      for (const alternate of english.alternates) {
        const response = await page.goto(srv.origin + alternate.path, { waitUntil: 'load' });
        const there = await page.evaluate(facts);
        const links = there.alternates.map((a) => `${a.hreflang} ${a.path}`);
        check(
          `hreflang ${alternate.hreflang} -> ${alternate.path} loads and lists the same alternates`,
          response && response.status() === 200 && english.alternates.every((a) => links.includes(`${a.hreflang} ${a.path}`)),
          links.join(', '),
        );
        if (alternate.hreflang !== 'x-default') {
          check(`hreflang ${alternate.hreflang}: the page is in that language`, there.lang === alternate.hreflang, there.lang);
        }
      }
      await context.close();
    }

    // 3. Right to left mirrors the layout.
    {
      const context = await newContext(WIDTHS[1280]);
      const page = await context.newPage();
      await page.goto(srv.origin + opts.urdu, { waitUntil: 'load' });
      const urdu = await page.evaluate(facts);
      check('RTL @1280px: the help column is on the left of the main text', urdu.help && urdu.main && urdu.help.right <= urdu.main.left + 0.5, JSON.stringify({ main: urdu.main, help: urdu.help }));
      check('RTL @1280px: the main text starts at the right edge', urdu.main && urdu.viewport - urdu.main.right < urdu.main.left, JSON.stringify(urdu.main));
      check('RTL @1280px: the first navigation link is at the right', urdu.firstNav && urdu.lastNav && urdu.firstNav.left > urdu.lastNav.right, JSON.stringify({ first: urdu.firstNav, last: urdu.lastNav }));
      const shot = path.join(opts.screenshots, 'rtl-ur-1280.png');
      await page.screenshot({ path: shot, fullPage: false });
      console.log(`     RTL screenshot: ${shot}`);
      await page.goto(srv.origin + opts.english, { waitUntil: 'load' });
      const ltr = await page.evaluate(facts);
      check('LTR @1280px: the help column is on the right of the main text', ltr.help.left >= ltr.main.right - 0.5, JSON.stringify({ main: ltr.main, help: ltr.help }));

      // The easy-read layout: picture on the left in English, on the right once right to left.
      await page.goto(srv.origin + opts.easyRead, { waitUntil: 'load' });
      const pictureSide = () =>
        [...document.querySelectorAll('.easy-read__point')].map((li) => {
          const picture = li.querySelector('.easy-read__picture img') || li.querySelector('.easy-read__picture');
          const words = li.querySelector('.easy-read__words');
          if (!picture || !words) return null;
          const p = picture.getBoundingClientRect();
          const w = words.getBoundingClientRect();
          return p.right <= w.left + 0.5 ? 'left' : p.left >= w.right - 0.5 ? 'right' : 'overlap';
        });
      const before = (await page.evaluate(pictureSide)).filter(Boolean);
      check('easy read, left to right: every picture is on the left of its words', before.length > 0 && before.every((s) => s === 'left'), before.join(','));
      await page.evaluate(() => {
        document.documentElement.setAttribute('dir', 'rtl');
        document.documentElement.setAttribute('lang', 'ur');
      });
      const after = (await page.evaluate(pictureSide)).filter(Boolean);
      check('easy read, right to left: every picture is on the right of its words', after.length > 0 && after.every((s) => s === 'right'), after.join(','));
      const easyShot = path.join(opts.screenshots, 'rtl-easy-read-1280.png');
      await page.screenshot({ path: easyShot, fullPage: false });
      console.log(`     RTL screenshot: ${easyShot}`);
      await context.close();
    }
  } catch (err) {
    counted.failed++;
    console.log(`FAIL harness: ${err && err.stack ? err.stack : err}`);
  } finally {
    await browser.close().catch(() => {});
    await srv.close();
  }
  console.log(`languages: ${counted.passed} passed, ${counted.failed} failed`);
  process.exit(counted.failed > 0 ? 1 : 0);
}

main();
