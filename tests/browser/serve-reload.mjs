#!/usr/bin/env node
// Browser test of `signpost serve`: headless Chromium opens a page of the preview, the test edits
// the page's Markdown file, and the page must reload by itself with the new text. Then it breaks a
// service file's YAML and expects the accessible error overlay (close button at the top, the link
// that broke with it folded under the YAML error), fixes it and expects it to go, and
// finally stops the server with Ctrl-C (SIGINT) and expects a clean exit. Throughout, the pages,
// the overlay and the review page must cause no Content-Security-Policy violation (the preview
// sends the built site's strict policy), and their styles must still apply.
//
// Usage: node tests/browser/serve-reload.mjs [--binary target/debug/signpost]
// (build the binary first: cargo build). Talks to 127.0.0.1 only.
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, launchChromium, waitFor as waitForIn } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const binaryArg = args.indexOf('--binary');
const BINARY = path.resolve(REPO, binaryArg >= 0 ? args[binaryArg + 1] : 'target/debug/signpost');
const TIMEOUT = 20000;


const waitFor = (what, probe, timeout = TIMEOUT) => waitForIn(what, probe, timeout, 50);

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push([name, true]);
    console.log(`ok: ${name}`);
  } catch (err) {
    results.push([name, false]);
    console.log(`FAILED: ${name}\n  ${err.message}`);
  }
}

async function main() {
  if (!fs.existsSync(BINARY)) {
    console.error(`No signpost binary at ${BINARY}: run cargo build first (or pass --binary).`);
    return 2;
  }
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-serve-'));
  fs.cpSync(path.join(REPO, 'tests/fixtures/valid'), site, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(BINARY, ['serve', '--root', site, '--port', String(port)], {
    env: { ...process.env, SIGNPOST_TODAY: '2026-11-23' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let log = '';
  server.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  let browser;
  try {
    await waitFor('the preview to start', async () => (await fetch(`${base}/`)).status === 200, 60000);
    browser = await launchChromium();
    const page = await browser.newPage();
    const violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${base}/advice/`);
    await page.waitForFunction(() => document.querySelector('script[data-generation]') !== null);

    await check('the page reloads with the new text after its file is saved', async () => {
      const marker = `Saved at ${Date.now()}`;
      const file = path.join(site, 'content/advice/index.md');
      const reloaded = page.waitForEvent('load', { timeout: TIMEOUT });
      fs.appendFileSync(file, `\n${marker}\n`);
      await reloaded;
      await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: TIMEOUT });
    });

    const services = path.join(site, 'content/services/health.yaml');
    const good = fs.readFileSync(services, 'utf8');
    await check('an accessible overlay lists the error while the YAML is broken', async () => {
      fs.writeFileSync(services, good.replace('name: Speech therapy', 'name: [Speech therapy'));
      const overlay = page.locator('#signpost-overlay');
      await overlay.waitFor({ state: 'visible', timeout: TIMEOUT });
      if ((await overlay.getAttribute('role')) !== 'alertdialog') throw new Error('the overlay is not an alertdialog');
      const text = await overlay.innerText();
      if (!text.includes('content/services/health.yaml')) throw new Error(`no file in the overlay: ${text}`);
      const first = await overlay.evaluate((element) => element.firstElementChild && element.firstElementChild.id);
      if (first !== 'signpost-overlay-close') throw new Error(`the close button is not at the top of the overlay: ${first}`);
      const grouped = await overlay.locator('details.signpost-follow-on summary').innerText();
      if (!grouped.includes('because content/services/health.yaml could not be read')) {
        throw new Error(`the broken link is not grouped under the YAML error: ${grouped}`);
      }
      const position = await overlay.evaluate((element) => getComputedStyle(element).position);
      if (position !== 'fixed') throw new Error(`the overlay's style sheet did not apply (position ${position})`);
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'signpost-overlay');
      await page.keyboard.press('Escape');
      await overlay.waitFor({ state: 'hidden', timeout: TIMEOUT });
    });

    await check('the overlay goes once the YAML is fixed', async () => {
      const reloaded = page.waitForEvent('load', { timeout: TIMEOUT });
      fs.writeFileSync(services, good);
      await reloaded;
      await waitFor('no overlay', async () => (await page.locator('#signpost-overlay').count()) === 0);
    });

    await check('the review page is styled from its own style sheet', async () => {
      await page.goto(`${base}/_review/`);
      const width = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
      if (width === 'none') throw new Error('the review style sheet did not apply');
    });

    await check('no Content-Security-Policy violations on any page', async () => {
      const policy = (await fetch(`${base}/`)).headers.get('content-security-policy') || '';
      if (!policy.includes("script-src 'self'")) throw new Error(`no strict policy sent: ${policy}`);
      if (violations.length) throw new Error(violations.join('\n'));
    });
  } finally {
    if (browser) await browser.close();
    server.kill('SIGINT');
  }
  await check('Ctrl-C stops the preview cleanly', async () => {
    const timer = setTimeout(() => server.kill('SIGKILL'), 10000);
    const { code, signal } = await exited;
    clearTimeout(timer);
    if (code !== 0) throw new Error(`exit code ${code} (signal ${signal}); log:\n${log}`);
  });
  fs.rmSync(site, { recursive: true, force: true });
  const passed = results.filter(([, ok]) => ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(`serve-reload: ${err.stack || err.message}`);
    process.exit(2);
  },
);
