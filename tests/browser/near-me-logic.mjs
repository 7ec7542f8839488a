#!/usr/bin/env node
// The browser's postcode reading and distance (themes/default/static/near-me.js), run in Node on
// the same cases as the build's Rust tests (tests/fixtures/near-me/cases.json), so the two agree;
// and the order it sorts services in. Usage: node tests/browser/near-me-logic.mjs
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const here = path.dirname(new URL(import.meta.url).pathname);
const source = fs.readFileSync(path.join(here, '../../themes/default/static/near-me.js'), 'utf8');
const holder = { exports: {} };
new Function('module', source)(holder);
const near = holder.exports;
const cases = JSON.parse(fs.readFileSync(path.join(here, '../fixtures/near-me/cases.json'), 'utf8'));

let checked = 0;
for (const [typed, written, outward, sector] of cases.postcodes) {
  const parsed = near.parsePostcode(typed);
  assert.equal(near.normalisePostcode(typed), written, `normalised ${JSON.stringify(typed)}`);
  assert.equal(parsed ? parsed.outward : null, outward, `outward code of ${JSON.stringify(typed)}`);
  assert.equal(parsed ? parsed.sector : null, sector, `sector of ${JSON.stringify(typed)}`);
  checked++;
}
for (const [name, a, b, expected] of cases.miles) {
  const got = near.miles(a, b);
  assert.ok(Math.abs(got - expected) < 1e-9, `${name}: ${got} miles, expected ${expected}`);
  checked++;
}
const strings = { many: 'About {miles} miles away', one: 'About 1 mile away', underOne: 'Less than 1 mile away' };
for (const [distance, text] of cases.distance_text) {
  assert.equal(near.distanceText(distance, strings), text, `${distance} miles`);
  checked++;
}

// Sorting: venues by their nearest point, ties in their first order, then those with no venue.
const from = [52.622, -1.99]; // WS3
const items = [
  { name: 'aldridge', index: 0, points: near.points('52.604,-1.917') },
  { name: 'at home', index: 1, points: near.points('') },
  { name: 'bloxwich or darlaston', index: 2, points: near.points('52.571,-2.036 52.618,-2.004') },
  { name: 'bloxwich too', index: 3, points: near.points('52.618,-2.004') },
  { name: 'online', index: 4, points: near.points('') },
];
const order = near.byDistance(items, from);
assert.deepEqual(order.map((e) => e.item.name), ['bloxwich or darlaston', 'bloxwich too', 'aldridge', 'at home', 'online']);
assert.ok(Math.abs(order[0].distance - near.miles(from, [52.618, -2.004])) < 1e-12, 'the nearest venue counts');
assert.equal(order[3].distance, null);
assert.deepEqual(near.points('52.6,-2.0 junk 0,0'), [[52.6, -2.0]], 'bad or empty points are dropped');
checked += 4;

console.log(`near-me logic: ${checked} cases agree with the build's (tests/fixtures/near-me/cases.json)`);
