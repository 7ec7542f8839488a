#!/usr/bin/env node
// Browser test of the CMS (the admin page `signpost build` writes when `[cms] enabled = true`):
// a copy of the example site in a temporary Git repository, Decap's own local Git backend
// (`decap-server`, MODE=git) on a loopback port, the site served by `signpost serve`, and headless
// Chromium on /admin/. The CDN address of Decap's script is answered from node_modules (the same
// release, checked against the page's integrity hash); any other host is refused. The test edits
// one service's summary and adds a new service through the form, saves, and then reads the YAML
// file on disk: the summary changed, the new service is there with the fields entered, nothing
// else was lost, and `signpost check` on the site passes.
//
// Usage: node tests/browser/cms.mjs [--binary target/debug/signpost] [--screenshots DIR]
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { freePort, launchChromium, waitFor as waitForIn } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const YAML = require('yaml');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : fallback);
const BINARY = path.resolve(REPO, option('--binary', 'target/debug/signpost'));
const SHOTS = option('--screenshots', null);
const TIMEOUT = 30000;
const DECAP_DIST = path.join(REPO, 'node_modules/decap-cms/dist');
const DECAP_SERVER = path.join(REPO, 'node_modules/decap-server/dist/index.js');
const LIST_FILE = 'content/services/things-to-do.yaml';


const waitFor = (what, probe, timeout = TIMEOUT) => waitForIn(what, probe, timeout, 100);

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

/** JSON with every object's keys sorted, to compare values whatever order they were written in. */
function canonical(value) {
  const sort = (v) => (Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v);
  return JSON.stringify(sort(value));
}

function git(cwd, ...gitArgs) {
  const run = spawnSync('git', gitArgs, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${gitArgs.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

async function main() {
  for (const [what, file] of [['signpost binary (cargo build)', BINARY], ['decap-cms (npm ci)', path.join(DECAP_DIST, 'decap-cms.js')], ['decap-server (npm ci)', DECAP_SERVER]]) {
    if (!fs.existsSync(file)) {
      console.error(`Missing ${what}: ${file}`);
      return 2;
    }
  }
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-cms-'));
  for (const part of ['content', 'assets', 'site.toml']) fs.cpSync(path.join(REPO, part), path.join(site, part), { recursive: true });
  const apiPort = await freePort();
  const sitePort = await freePort();
  const toml = fs.readFileSync(path.join(site, 'site.toml'), 'utf8');
  if (!/^local_backend = true$/m.test(toml)) {
    console.error('The example site.toml has no `local_backend = true` under [cms]');
    return 2;
  }
  fs.writeFileSync(path.join(site, 'site.toml'), toml.replace(/^local_backend = true$/m, `local_backend = "http://127.0.0.1:${apiPort}/api/v1"`));
  // What a site's repository leaves out (as `signpost init` writes it): decap-server's Git mode
  // commits everything else with each change.
  fs.writeFileSync(path.join(site, '.gitignore'), '/public/\n/search-index/\n/.signpost-preview/\n');
  git(site, 'init', '-q', '-b', 'main');
  git(site, 'add', '.');
  git(site, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'The example site');

  const children = [];
  const start = (command, commandArgs, env) => {
    const child = spawn(command, commandArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.log = '';
    child.stdout.on('data', (c) => (child.log += c));
    child.stderr.on('data', (c) => (child.log += c));
    children.push(child);
    return child;
  };
  const api = start(process.execPath, [DECAP_SERVER], {
    PORT: String(apiPort),
    BIND_HOST: '127.0.0.1',
    MODE: 'git',
    GIT_REPO_DIRECTORY: site,
    GIT_AUTHOR_NAME: 'Editor',
    GIT_AUTHOR_EMAIL: 'editor@example.org',
    GIT_COMMITTER_NAME: 'Editor',
    GIT_COMMITTER_EMAIL: 'editor@example.org',
  });
  const server = start(BINARY, ['serve', '--root', site, '--port', String(sitePort)], {});
  const base = `http://127.0.0.1:${sitePort}`;
  let browser;
  try {
    await waitFor('decap-server', async () => (await fetch(`http://127.0.0.1:${apiPort}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' })).ok, 30000);
    await waitFor('the preview', async () => (await fetch(`${base}/admin/`)).status === 200, 120000);

    const adminHtml = await (await fetch(`${base}/admin/`)).text();
    const script = adminHtml.match(/<script src="([^"]+)" integrity="([^"]+)"/);
    await check('the admin page loads a pinned Decap release with its integrity hash', async () => {
      if (!script) throw new Error(`no script with integrity in the admin page:\n${adminHtml}`);
      const [, url, integrity] = script;
      if (!/^https:\/\/[^/]+\/decap-cms@\d+\.\d+\.\d+\/dist\/decap-cms\.js$/.test(url)) throw new Error(`not a pinned release: ${url}`);
      const local = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(DECAP_DIST, 'decap-cms.js'))).digest('base64');
      if (local !== integrity) throw new Error(`the integrity hash ${integrity} is not that of node_modules/decap-cms (${local}): pin the same version`);
      const version = JSON.parse(fs.readFileSync(path.join(DECAP_DIST, '..', 'package.json'), 'utf8')).version;
      if (!url.includes(`@${version}/`)) throw new Error(`the page loads ${url}, node_modules has ${version}`);
    });
    const cdnPrefix = script ? script[1].replace(/decap-cms\.js$/, '') : 'https://unpkg.com/';

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const refused = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(cdnPrefix)) {
        const file = path.join(DECAP_DIST, url.slice(cdnPrefix.length).split(/[?#]/)[0]);
        if (file.startsWith(DECAP_DIST + path.sep) && fs.existsSync(file)) {
          return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(file), headers: { 'access-control-allow-origin': '*' } });
        }
        refused.push(url);
        return route.abort();
      }
      const host = new URL(url).hostname;
      if (host === '127.0.0.1' || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    const shot = async (name) => SHOTS && (fs.mkdirSync(SHOTS, { recursive: true }), await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true }));

    const before = YAML.parse(fs.readFileSync(path.join(site, LIST_FILE), 'utf8'));
    const edited = 'splash-send-swimming';
    const newSummary = 'Quiet swimming sessions for children with SEND and their families, with warmer water and fewer people. Changed in the browser.';
    const added = {
      name: 'Canal walks for families',
      summary: 'Gentle guided walks along the canal for families of children with SEND.',
      provider: 'Walsall Canal Trust',
      cost: 'Free',
      phone: '0121 496 0999',
      address: 'Walsall Town Wharf',
      last_reviewed: '2026-11-20',
    };

    await check('the editor opens on the local Git backend with the list of services', async () => {
      await page.goto(`${base}/admin/`);
      await page.getByRole('button', { name: /login/i }).click({ timeout: TIMEOUT });
      await page.goto(`${base}/admin/#/collections/service_lists/entries/things_to_do`);
      await page.getByText('Splash SEND swimming sessions', { exact: true }).waitFor({ timeout: TIMEOUT });
      await shot('1-editor');
    });

    // Decap keeps closed list items in the page, hidden: only the open item's fields are visible.
    // Labels of optional fields end in " (optional)".
    const field = (label) => page.getByLabel(new RegExp(`^${label}( \\(optional\\))?$`)).filter({ visible: true });
    const item = (name) => page.locator('[class*="SortableListItem"]').filter({ has: page.getByText(name, { exact: true }) });
    const toggle = (name) => item(name).locator('button').first().click();
    await check('one service\'s summary is edited and a new service added through the form', async () => {
      await toggle('Splash SEND swimming sessions');
      const summary = field('Summary');
      await summary.waitFor({ timeout: TIMEOUT });
      if (!(await summary.inputValue()).startsWith('Quiet swimming sessions')) throw new Error('the wrong service opened');
      await summary.fill(newSummary);
      await toggle('Splash SEND swimming sessions');
      await waitFor('the service to close', async () => (await field('Summary').count()) === 0);

      await page.getByRole('button', { name: /add service/i }).click();
      await field('Name').fill(added.name);
      const choose = async (label, option) => {
        await field(label).click();
        await page.keyboard.type(option);
        await page.keyboard.press('Enter');
      };
      await choose('Category', 'Things to do');
      await field('Summary').fill(added.summary);
      await field('Provider').fill(added.provider);
      await field('From age').fill('0');
      await field('To age').fill('25');
      await choose('How to get it', 'Self referral');
      await field('Cost').fill(added.cost);
      await field('Phone').fill(added.phone);
      await field('Address').fill(added.address);
      await field('Last reviewed').fill(added.last_reviewed);
      await shot('2-filled');
    });

    await check('saving writes the list file and commits it', async () => {
      const original = fs.readFileSync(path.join(site, LIST_FILE), 'utf8');
      await page.getByRole('button', { name: /^publish$/i }).click();
      await page.getByText(/publish now/i).click();
      await waitFor('the file to change', () => fs.readFileSync(path.join(site, LIST_FILE), 'utf8') !== original);
      await shot('3-saved');
      await waitFor('decap-server to commit the change', () => git(site, 'rev-list', '--count', 'HEAD').trim() === '2');
      const changed = git(site, 'show', '--name-only', '--format=', 'HEAD').trim();
      if (changed !== LIST_FILE) throw new Error(`the commit changed ${changed}`);
    });

    await check('the YAML on disk has the new summary, the new service and nothing lost', async () => {
      const after = YAML.parse(fs.readFileSync(path.join(site, LIST_FILE), 'utf8'));
      const list = after.services;
      if (!Array.isArray(list)) throw new Error('the file has no `services:` list any more');
      if (list.length !== before.services.length + 1) throw new Error(`${list.length} services, expected ${before.services.length + 1}`);
      const changed = list.find((s) => s.id === edited);
      if (!changed || changed.summary.trim() !== newSummary) throw new Error(`summary of ${edited}: ${changed && changed.summary}`);
      for (const old of before.services) {
        const now = list.find((s) => s.id === old.id);
        if (!now) throw new Error(`${old.id} was lost`);
        // Decap writes the fields in its own order: compare the values, not the order.
        const { summary: _a, ...restOld } = old;
        const { summary: _b, ...restNow } = now;
        if (old.id !== edited && canonical(old) !== canonical(now)) throw new Error(`${old.id} changed: ${JSON.stringify(now)}`);
        if (canonical(restOld) !== canonical(restNow)) throw new Error(`${old.id} changed beyond its summary: ${JSON.stringify(restNow)}`);
      }
      const made = list.find((s) => s.name === added.name);
      if (!made) throw new Error('the new service is not in the file');
      const expect = {
        category: 'things-to-do',
        summary: added.summary,
        provider: added.provider,
        cost: added.cost,
        ages: JSON.stringify({ from: 0, to: 25 }),
        access: JSON.stringify(['self-referral']),
        phone: added.phone,
        address: added.address,
        last_reviewed: added.last_reviewed,
      };
      const got = {
        category: made.category,
        summary: made.summary,
        provider: made.provider,
        cost: made.cost,
        ages: JSON.stringify(made.ages),
        access: JSON.stringify(made.access),
        phone: made.contact && made.contact.phone,
        address: made.where && made.where.address,
        last_reviewed: String(made.last_reviewed),
      };
      for (const key of Object.keys(expect)) {
        if (got[key] !== expect[key]) throw new Error(`new service ${key}: ${got[key]}, expected ${expect[key]}\n${JSON.stringify(made)}`);
      }
    });

    await check('signpost check passes on the edited site (exit 0)', async () => {
      const run = spawnSync(BINARY, ['check', '--root', site], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`exit ${run.status}\n${run.stderr.split('\n').filter((l) => /error/.test(l)).slice(0, 20).join('\n')}`);
    });

    await check('no request left this computer, and no errors or policy violations in the page', async () => {
      if (refused.length) throw new Error(`requests to other hosts (refused): ${refused.join(', ')}`);
      if (problems.length) throw new Error(problems.join('\n'));
    });
  } finally {
    if (browser) await browser.close();
    for (const child of children) child.kill('SIGINT');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
    if (process.env.CMS_TEST_KEEP) console.log(`site kept in ${site}\n--- decap-server ---\n${api.log}\n--- serve ---\n${server.log.slice(-3000)}`);
    else fs.rmSync(site, { recursive: true, force: true });
  }
  const failed = results.filter(([, ok]) => !ok).length;
  console.log(`\n${results.length - failed} of ${results.length} CMS checks passed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
