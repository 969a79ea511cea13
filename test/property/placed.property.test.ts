/**
 * Every stage places the text it takes: no `unaccounted-text` rescue by the finalizer.
 * Regression: two closing source tags in a row once left the first one unplaced.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { mend } from '../../src/index.js';
import { checkAllPlaced, params } from './check.js';
import { makeDump } from './newspaper.js';
import { tokenString } from './tokens.js';

test('two source tags in a row are both placed', () => {
  const edition = mend('标题\n\n正文内容。\n（新华社北京3月2日电）\n（新华社上海3月2日电）\n');
  assert.deepEqual(
    edition.messages.filter((m) => m.code === 'unaccounted-text'),
    [],
  );
});

test('no stage loses track of text in page dumps', () => {
  const joined = fc
    .tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 6 }))
    .map(([seed, n]) => Array.from({ length: n }, (_, i) => makeDump(seed + i)).join('\n'));
  fc.assert(fc.property(joined, checkAllPlaced), params());
});

test('no stage loses track of text in adversarial token mixes', () => {
  fc.assert(fc.property(tokenString, checkAllPlaced), params());
});
