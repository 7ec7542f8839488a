// Shared helpers for Signpost's browser tests:
//   - serveStatic(dir, { prefix }): a tiny static file server on 127.0.0.1 (random port) that
//     behaves like a typical static host (pretty URLs, /404.html with status 404, no path
//     escapes); with a prefix ('/localoffer/') it serves dir only under that path, like a GitHub
//     Pages project site, and answers 404 everywhere else.
//   - basePath(args): the sub-path a test's site was built for (--base-path or SIGNPOST_BASE_PATH).
//   - launchChromium(): headless Debian Chromium through playwright-core (no browser download).
//   - findHtmlFiles(dir) / fileToUrlPath(rel): list a built site's pages and their URLs.
import net from 'node:net';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags for a closed network: without the background-networking ones Chromium keeps trying to
// reach Google services and floods the network with failing requests.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.vtt': 'text/vtt; charset=utf-8',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

function contentType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function isInside(root, candidate) {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function statOrNull(p) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

/**
 * Resolve a request path to a file under root.
 * Returns { status, file } or { status: 301, location } or { status: 400/403/404 }.
 */
export async function resolveRequest(root, rawUrl) {
  let pathname;
  try {
    pathname = new URL(rawUrl, 'http://127.0.0.1').pathname;
    pathname = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { status: 400 };
  // Refuse any path that tries to climb out of the root (before and after normalising).
  if (pathname.split('/').some((seg) => seg === '..')) return { status: 403 };
  const target = path.resolve(root, '.' + path.posix.normalize(pathname));
  if (!isInside(root, target)) return { status: 403 };

  let file = target;
  let st = await statOrNull(file);
  if (st && st.isDirectory()) {
    if (!pathname.endsWith('/')) return { status: 301, location: pathname + '/' };
    file = path.join(target, 'index.html');
    st = await statOrNull(file);
  }
  if (!st || !st.isFile()) return { status: 404 };
  // Follow symlinks only if they stay inside the root.
  const real = await fsp.realpath(file);
  if (!isInside(root, real)) return { status: 403 };
  return { status: 200, file: real };
}

/** The sub-path a site was built for: `--base-path P` in args, else SIGNPOST_BASE_PATH, else '/'. */
export function basePath(args = process.argv.slice(2)) {
  const i = args.indexOf('--base-path');
  const value = (i >= 0 ? args[i + 1] : null) || process.env.SIGNPOST_BASE_PATH || '/';
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Serve `dir` on 127.0.0.1 with an OS-chosen port (or `port`), under `prefix` (default '/').
 * Resolves to { server, port, origin, site, close() }; `site` is the origin plus the prefix
 * without its last '/', so `${site}/search/` is the search page.
 */
export async function serveStatic(dir, { prefix = '/', port: wanted = 0 } = {}) {
  const root = await fsp.realpath(path.resolve(dir));
  const notFoundPage = path.join(root, '404.html');

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
        res.end('Method not allowed\n');
        return;
      }
      let wantedUrl = req.url || '/';
      if (prefix !== '/') {
        const bare = prefix.slice(0, -1);
        if (wantedUrl === bare || wantedUrl.startsWith(bare + '?')) {
          res.writeHead(301, { Location: prefix + wantedUrl.slice(bare.length) });
          res.end();
          return;
        }
        if (!wantedUrl.startsWith(prefix)) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Not found (outside ' + prefix + ')\n');
          return;
        }
        wantedUrl = '/' + wantedUrl.slice(prefix.length);
      }
      const r = await resolveRequest(root, wantedUrl);
      if (r.status === 301) {
        res.writeHead(301, { Location: (prefix === '/' ? '' : prefix.slice(0, -1)) + r.location });
        res.end();
        return;
      }
      if (r.status === 200) {
        const st = await fsp.stat(r.file);
        res.writeHead(200, {
          'Content-Type': contentType(r.file),
          'Content-Length': st.size,
          'Cache-Control': 'no-cache',
        });
        if (req.method === 'HEAD') return res.end();
        fs.createReadStream(r.file).pipe(res);
        return;
      }
      if (r.status === 404 && (await statOrNull(notFoundPage))) {
        const body = await fsp.readFile(notFoundPage);
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      const msg = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' }[r.status] || 'Error';
      res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(msg + '\n');
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error: ' + (err && err.message) + '\n');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    site: `http://127.0.0.1:${port}${prefix.slice(0, -1)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Launch headless Debian Chromium, failing loudly (with install advice) if it is missing. */
export async function launchChromium({ extraArgs = [] } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}.\n` +
        '  Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '  (or set CHROMIUM_PATH to a Chromium/Chrome binary). scripts/test installs it for you.',
    );
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(
      'playwright-core is not installed. Run `npm ci` in the repository root ' +
        '(scripts/test does this for you).\n  ' + err.message,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 60_000,
  });
}

/** Every *.html file under dir, as sorted paths relative to dir (POSIX separators). */
export async function findHtmlFiles(dir) {
  const out = [];
  async function walk(abs, rel) {
    const entries = await fsp.readdir(abs, { withFileTypes: true });
    for (const e of entries) {
      const childAbs = path.join(abs, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(childAbs, childRel);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.html')) out.push(childRel);
    }
  }
  await walk(path.resolve(dir), '');
  return out.sort();
}

/** Map a page file (relative to the site root) to the URL path a visitor would use. */
export function fileToUrlPath(rel) {
  const parts = rel.split('/').map(encodeURIComponent);
  if (parts[parts.length - 1] === 'index.html') {
    parts.pop();
    return '/' + parts.join('/') + (parts.length ? '/' : '');
  }
  return '/' + parts.join('/');
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a server the test starts). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Calls `probe` every `every` ms until it returns something true; throws after `timeout` ms. */
export async function waitFor(what, probe, timeout, every = 100) {
  const started = Date.now();
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

// The arguments every journey test takes: `node tests/browser/NAME.mjs SITE_DIR [--screenshots
// DIR] [--base-path /localoffer/]`. Exits 2 with the usage line when SITE_DIR is missing; makes
// the screenshots folder (default target/NAME-screenshots).
export function journeyArgs(name, argv = process.argv.slice(2)) {
  const site = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
  const option = (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : null;
  };
  if (!site) {
    console.error(`usage: node tests/browser/${name}.mjs SITE_DIR [--screenshots DIR] [--base-path /localoffer/]`);
    process.exit(2);
  }
  const shots = path.resolve(option('--screenshots') || `target/${name}-screenshots`);
  fs.mkdirSync(shots, { recursive: true });
  return { args: argv, site, option, shots, base: basePath(argv) };
}

// The WCAG 2.2 AA tags every journey test runs axe-core with.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe-core's violations on the page as it is now, at each width ("320px id: target, …"); the
// viewport is set back to `restore` afterwards.
export async function axeAt(page, restore, widths = [320, 1280]) {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const problems = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.addScriptTag({ path: axePath });
    const found = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, AXE_TAGS);
    problems.push(...found.map((f) => `${width}px ${f}`));
  }
  await page.setViewportSize(restore);
  return problems;
}

/** Counted checks for a journey file: `check(name, body)` runs one, prints `ok` or `FAIL` with
 *  the reason, and counts it; `note(name, ok, detail)` counts a check already made; `passed` and
 *  `failed` are the counts so far. */
export function checks({ stack = true } = {}) {
  const counts = { passed: 0, failed: 0 };
  counts.note = (name, ok, detail = '') => {
    if (ok) counts.passed++;
    else counts.failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
  };
  counts.check = async (name, body) => {
    try {
      await body();
      counts.passed++;
      console.log(`ok   ${name}`);
    } catch (error) {
      counts.failed++;
      const reason = stack ? (error && error.stack) || error : (error && error.message) || error;
      console.log(`FAIL ${name}\n     ${String(reason).split('\n').join('\n     ')}`);
    }
  };
  return counts;
}

/** Throws `message` unless `condition` holds. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
