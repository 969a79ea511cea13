import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locate, pairPositions } from '../../src/eval/align.js';
import { checkGate, updateFloors } from '../../src/eval/floors.js';
import { parseCsv } from '../../src/eval/records.js';
import { bigrams, ngrams, norm, overlap, prf } from '../../src/eval/text.js';

describe('scorer parts', () => {
  it('normalizes with NFKC and drops whitespace', () => {
    assert.equal(norm(' 第３版　责任 编辑\n'), '第3版责任编辑');
  });

  it('counts bigram overlap as a multiset', () => {
    assert.equal(overlap(bigrams('春风春风'), bigrams('春风')), 1);
    assert.equal(overlap(bigrams('春风春风'), bigrams('春风春风')), 3);
  });

  it('counts trigrams as a multiset; a text shorter than n is one gram', () => {
    assert.deepEqual(
      [...ngrams('春风春风', 3)],
      [
        ['春风春', 1],
        ['风春风', 1],
      ],
    );
    assert.deepEqual([...ngrams('春风', 3)], [['春风', 1]]);
    assert.equal(ngrams('', 3).size, 0);
  });

  it('leaves precision undefined when nothing was predicted', () => {
    assert.deepEqual(prf(0, 0, 5), { p: undefined, r: 0, f1: 0 });
    assert.deepEqual(prf(0, 0, 0), {});
  });

  it('locates a position by its context and pairs positions one to one', () => {
    const gold = '晨雾未散汽笛已响。渡口今年春天开通。';
    const pred = '晨雾未散汽笛已响。渡口今年春天开通。';
    assert.equal(locate(gold, pred, 9), 9);
    assert.equal(locate(gold, '完全不同的一段文字', 3), undefined);
    assert.equal(pairPositions([9, 20], [10, 30, undefined], 2), 1);
  });

  it('never lowers a floor silently and fails the gate below it', () => {
    const old = { schema: 'newsmend-floors@1', floors: { 'overall.body_f1': 0.8 }, ceilings: {} };
    const up = updateFloors(old, { 'overall.body_f1': 0.7567, 'overall.crashes': 0 });
    assert.deepEqual(up.lowered, [{ key: 'overall.body_f1', from: 0.8, to: 0.75 }]);
    assert.equal(up.next.ceilings['overall.crashes'], 0);
    const fails = checkGate(old, { 'overall.body_f1': 0.79 });
    assert.equal(fails.length, 1);
    assert.equal(fails[0].key, 'overall.body_f1');
    assert.equal(
      checkGate(
        { ...old, ceilings: { 'robustness.crashes': 0 } },
        { 'overall.body_f1': 0.9, 'robustness.crashes': 1 },
      ).length,
      1,
    );
  });

  it('a floor pinned from a value passes that value, float error and all', () => {
    const f1 = (2 * 1 * 0.6) / (1 + 0.6); // 0.7499999999999999
    const old = { schema: 'newsmend-floors@1', floors: {}, ceilings: {} };
    const pinned = updateFloors(old, { 'real.article_start_f1': f1 }).next;
    assert.equal(pinned.floors['real.article_start_f1'], 0.75);
    assert.deepEqual(checkGate(pinned, { 'real.article_start_f1': f1 }), []);
    assert.equal(checkGate(pinned, { 'real.article_start_f1': 0.7499 }).length, 1);
  });

  it('parses CSV with quoted commas, quotes and line breaks', () => {
    assert.deepEqual(parseCsv('a,b\n"x,1","say ""hi""\nthere"\n'), [
      ['a', 'b'],
      ['x,1', 'say "hi"\nthere'],
    ]);
  });
});
