#!/usr/bin/env node
// Browser test of the click-to-load video placeholder, on a build of the `valid` fixture with
// the `video` fixture laid over it (see scripts/test). At 390 px wide, in headless Chromium:
//   - every request the page makes is recorded, and any to a host other than the loopback server
//     is aborted, so nothing leaves the machine;
//   - before "Play video" is pressed, the page has made no request to any other host (and has
//     not fetched the self-hosted video, which has preload="none");
//   - after pressing it, a frame with the privacy-enhanced youtube-nocookie.com address and the
//     video's title appears in place of the picture, and the keyboard focus moves into it;
//   - the self-hosted video plays and its 3 captions load and show by default;
//   - without JavaScript the button stays hidden and the "Watch on YouTube" link is there.
//
// Usage: node tests/browser/video.mjs SITE_DIR
// Exit status: 0 all passed; 1 a check failed; 2 the harness could not run.
import { serveStatic, launchChromium } from './lib.mjs';

const site = process.argv[2];
if (!site) {
  console.error('usage: node tests/browser/video.mjs SITE_DIR');
  process.exit(2);
}
const PAGE = '/advice/videos/';

let failures = 0;
function check(condition, message) {
  if (condition) {
    console.log(`ok   ${message}`);
  } else {
    failures++;
    console.log(`FAIL ${message}`);
  }
}

function isLoopback(address) {
  try {
    const host = new URL(address).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return true; // data: and about: addresses have no host to reach
  }
}

let server;
let browser;
try {
  server = await serveStatic(site);
  browser = await launchChromium();
} catch (error) {
  console.error(`video: ${error.message}`);
  process.exit(2);
}
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const requests = [];
  const blocked = [];
  // Record every request, of the page and of any frame in it.
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => {
    const address = route.request().url();
    if (isLoopback(address)) return route.continue();
    blocked.push(address);
    return route.abort('blockedbyclient');
  });
  const violations = [];
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${server.origin}${PAGE}`, { waitUntil: 'load' });
  await page.waitForTimeout(800);

  const outside = requests.filter((address) => !isLoopback(address));
  check(requests.length > 0, `the page made requests to its own server (${requests.length})`);
  check(outside.length === 0, `no request to another host before play is pressed${outside.length ? `: ${outside.join(', ')}` : ''}`);
  check(!requests.some((address) => address.endsWith('.webm')), 'the self-hosted video is not downloaded before it is played');
  check((await page.$$('iframe')).length === 0, 'there is no frame before play is pressed');
  const button = page.locator('.video-placeholder .video-play');
  check(await button.isVisible(), 'the "Play video" button is shown with JavaScript');
  check((await button.textContent()).includes('Play video (loads YouTube)'), 'the button says that it loads YouTube');

  // The self-hosted video plays from the site and its captions load (under the site's CSP).
  const played = await page.evaluate(async () => {
    const video = document.querySelector('figure.video video');
    const track = video.querySelector('track');
    video.muted = true;
    try {
      await video.play();
    } catch (error) {
      return { error: String(error) };
    }
    await new Promise((resolve) => setTimeout(resolve, 1200));
    video.pause();
    const textTrack = video.textTracks[0];
    return { time: video.currentTime, trackState: track.readyState, cues: textTrack && textTrack.cues ? textTrack.cues.length : 0, mode: textTrack && textTrack.mode };
  });
  check(!played.error && played.time > 0, `the self-hosted video plays (${JSON.stringify(played)})`);
  check(played.trackState === 2 && played.cues === 3 && played.mode === 'showing', 'its captions load and show by default (3 cues)');

  await button.focus();
  await page.keyboard.press('Enter');
  const frame = page.locator('.video-placeholder iframe');
  await frame.waitFor({ state: 'attached', timeout: 5000 });
  const src = await frame.getAttribute('src');
  check(src && src.startsWith('https://www.youtube-nocookie.com/embed/abcdefghijk'), `after play the frame loads the privacy-enhanced player (${src})`);
  check((await frame.getAttribute('title')) === 'Example video on YouTube', 'the frame has the video title');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
  check(focused === 'IFRAME', `the keyboard focus moves to the player (${focused})`);
  await page.waitForTimeout(500);
  const hostsAfter = [...new Set(requests.filter((address) => !isLoopback(address)).map((address) => new URL(address).hostname))];
  check(
    hostsAfter.length === 1 && hostsAfter[0] === 'www.youtube-nocookie.com',
    `after play the only other host asked is www.youtube-nocookie.com (${hostsAfter.join(', ')}), and it was blocked here`,
  );
  check(blocked.length > 0 && blocked.every((address) => !isLoopback(address)), 'the test let nothing leave the machine');
  check(violations.length === 0, `no Content-Security-Policy violations${violations.length ? `: ${violations.join(' | ')}` : ''}`);
  await context.close();

  const plain = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  await plain.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
  const noScript = await plain.newPage();
  await noScript.goto(`${server.origin}${PAGE}`);
  check(!(await noScript.locator('.video-play').isVisible()), 'without JavaScript the button stays hidden');
  check(
    (await noScript.locator('a[href="https://www.youtube.com/watch?v=abcdefghijk"]').count()) === 1,
    'without JavaScript the "Watch on YouTube" link is there',
  );
  await plain.close();
} catch (error) {
  failures++;
  console.log(`FAIL ${error.stack || error.message}`);
} finally {
  await browser.close();
  await server.close();
}
if (failures) {
  console.log(`video: ${failures} check(s) failed`);
  process.exit(1);
}
console.log('video: all checks passed');
