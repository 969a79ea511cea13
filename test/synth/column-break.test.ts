import assert from 'node:assert/strict';
import test from 'node:test';
import { columnBreak } from '../../src/synth/damage.js';
import { item } from '../../src/synth/model.js';
import { rngFor } from '../../src/synth/prng.js';

/** A made-up paragraph with commas, a quoted title and a quote that ends its sentence. */
const TEXT =
  '去年冬天，城南社区在活动室里放映了纪录片《小巷深处》给大家看，居民们说：“这样的电影看着亲切。”不少老人看完后，又把自家的老照片拿了出来，一张张讲给孩子们听。';

test('a column break falls inside a sentence: after a character, a comma or a closing mark, never after 。”', () => {
  const before = new Map<string, number>();
  for (let seed = 0; seed < 400; seed++) {
    const it = item('paragraph', TEXT);
    assert.ok(columnBreak(rngFor(seed, 'break'), it, 0));
    const [head, tail] = it.pieces;
    assert.equal(head + tail, TEXT);
    const last = head[head.length - 1];
    const kind = /[\u4e00-\u9fff]/u.test(last) ? 'character' : last;
    before.set(kind, (before.get(kind) ?? 0) + 1);
    assert.ok(!head.endsWith('。”'), 'a cut after 。” would be a paragraph end, not a break');
    assert.match(tail[0], /[\u4e00-\u9fff“《]/u);
  }
  assert.ok((before.get('，') ?? 0) > 0, 'some cuts fall after a comma');
  assert.ok((before.get('》') ?? 0) > 0, 'some after a closing mark');
  assert.ok((before.get('character') ?? 0) > (before.get('，') ?? 0), 'most inside the text');
});
