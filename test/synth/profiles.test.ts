import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synthPage } from '../../src/synth/page.js';
import { DEV_RATES, EXTRACTOR_RATES, PROFILES, type Rates } from '../../src/synth/rates.js';
import { PAGE } from './fixtures.js';

const POOL = ['城郊菜市场完成改造', '夜间公交线路再添新站', '江边步道全线贯通'];

const make = (rates: Rates, seed: number) =>
  synthPage(PAGE, { id: 'fixture', seed, rates, pageNo: 3, relatedPool: POOL });

describe('rate profiles', () => {
  it('names dev and extractor, each a full set of rates in [0, 1]', () => {
    assert.deepEqual(Object.keys(PROFILES), ['dev', 'extractor']);
    for (const rates of Object.values(PROFILES)) {
      assert.deepEqual(Object.keys(rates).sort(), Object.keys(DEV_RATES).sort());
      for (const v of Object.values(rates)) assert.ok(v >= 0 && v <= 1);
    }
  });

  it('extractor damage is unlike dev: more wraps, breaks and moves, fewer repeats', () => {
    const more: (keyof Rates)[] = ['hardWrap', 'columnBreak', 'outOfOrder'];
    const fewer: (keyof Rates)[] = ['repeatBlock', 'repeatLead', 'lostAtBreak'];
    for (const k of more) assert.ok(EXTRACTOR_RATES[k] >= 2 * DEV_RATES[k], k);
    for (const k of fewer) assert.ok(EXTRACTOR_RATES[k] <= DEV_RATES[k] / 2, k);
    // On the made-up page, most extractor dumps are hard-wrapped (short lines), few dev dumps.
    const wrapped = (rates: Rates) =>
      Array.from({ length: 20 }, (_, i) => make(rates, i + 1)).filter((p) =>
        p.text.split('\n').every((l) => Array.from(l).length <= 36),
      ).length;
    assert.ok(wrapped(EXTRACTOR_RATES) >= 12, `extractor wrapped ${wrapped(EXTRACTOR_RATES)}`);
    assert.ok(wrapped(DEV_RATES) <= 8, `dev wrapped ${wrapped(DEV_RATES)}`);
  });
});
