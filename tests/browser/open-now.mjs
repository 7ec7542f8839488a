#!/usr/bin/env node
// Runs the browser's "open now" decision (SignpostOpenNow in themes/default/static/directory.js)
// in Node on the cases in tests/open-now-cases.json, the same cases the Rust unit tests in
// src/render/open_now.rs check the build's normalisation and decision on, so the two agree:
// sessions that cross midnight (and Sunday midnight), term-time-only and school-holiday-only
// sessions, dated runs. Then checks the family's clock is read in Europe/London (GMT and BST).
// Usage: node tests/browser/open-now.mjs
// Exit status: 0 all passed; 1 a check failed.
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const source = fs.readFileSync(path.join(here, '../../themes/default/static/directory.js'), 'utf8');
const holder = { exports: {} };
new Function('module', 'window', 'document', source)(holder, undefined, undefined);
const openNow = holder.exports;
const cases = JSON.parse(fs.readFileSync(path.join(here, '../open-now-cases.json'), 'utf8'));

let failures = 0;
let checks = 0;
function check(condition, message) {
  checks++;
  if (!condition) {
    failures++;
    console.log(`FAIL ${message}`);
  }
}

for (const c of cases) {
  // The terms as the page carries them (data-terms), read back by the page's own parser.
  const terms = openNow.parseTerms((c.terms || []).map((t) => `${t.from}/${t.to}`).join(' '));
  for (const { local, open } of c.checks) {
    const [date, clock] = local.split(' ');
    const [h, m] = clock.split(':').map(Number);
    check(openNow.isOpen(c.rules, terms, date, h * 60 + m) === open, `${c.name}: at ${local} open should be ${open}`);
  }
}

// The clock: the same instant is 21:30 in London in winter and 22:30 in summer.
const clocks = [
  ['2026-12-01T21:30:00Z', '2026-12-01', 21 * 60 + 30],
  ['2026-07-01T21:30:00Z', '2026-07-01', 22 * 60 + 30],
  ['2026-07-01T23:30:00Z', '2026-07-02', 30],
  ['2027-03-28T00:59:00Z', '2027-03-28', 59],
  ['2027-03-28T01:00:00Z', '2027-03-28', 120],
];
for (const [instant, date, minute] of clocks) {
  const now = openNow.londonNow(new Date(instant));
  check(now.date === date && now.minute === minute, `${instant} is ${date} minute ${minute} in London, not ${JSON.stringify(now)}`);
}
// A Friday-night session seen from a UTC instant in summer: 00:30 BST on Saturday is open.
const friday = cases.find((c) => c.name.startsWith('Friday 10pm'));
const summer = openNow.londonNow(new Date('2026-07-03T23:30:00Z'));
check(openNow.isOpen(friday.rules, [], summer.date, summer.minute), 'Friday 10pm to 2am is open at 00:30 BST on Saturday');

console.log(`open-now: ${checks} checks on ${cases.length} cases, ${failures === 0 ? 'all passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
