import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newDoc } from '../../src/pipeline.js';
import { StageContext } from '../../src/stages/context.js';
import { RULES as DEDUPE } from '../../src/stages/dedupe/rules.js';
import { RULES as REJOIN } from '../../src/stages/rejoin/rules.js';
import { categoryOf } from '../../src/stages/registry.js';

const SEAM = [{ start: 3, end: 4 }];

test('a context writes the rule’s id, category and rendered reason, evidence and confidence', () => {
  const doc = newDoc('一二三\n四五六');
  const ctx = new StageContext(doc, 'rejoin');
  const edit = ctx.join(REJOIN.crossingWord, SEAM, {
    facts: { cut: 'running-text', word: '三四' },
  });
  assert.deepEqual(edit, {
    id: 'e1',
    stage: 'rejoin',
    rule: 'rejoin.crossing-word',
    category: 'join',
    action: 'join',
    spans: SEAM,
    reason: 'paragraph split mid-word at a column break',
    evidence: 'the word “三四” runs across the break',
    confidence: 0.95,
    facts: { cut: 'running-text', word: '三四' },
  });
});

test('a context refuses rules of another stage, the wrong verb, copies and missing facts', () => {
  const ctx = new StageContext(newDoc('一二三\n四五六'), 'rejoin');
  const other = DEDUPE.exact as never;
  assert.throws(
    () => ctx.drop(other, { spans: [], text: '' } as never),
    /rejoin stage used dedupe\.exact/,
  );
  assert.throws(() => ctx.flag(REJOIN.crossingWord as never, SEAM), /is a join rule, used to flag/);
  const copy = { ...REJOIN.midSentence };
  assert.throws(
    () => ctx.join(copy, SEAM, { facts: { cut: 'running-text' } }),
    /not in the rule registry/,
  );
  assert.throws(() => ctx.join(REJOIN.crossingWord, SEAM), /renders from facts/);
});

test('entries stored before categories get theirs from the registry or the retired ids', () => {
  assert.equal(categoryOf({ rule: 'dedupe.exact', action: 'drop' }), 'duplicate');
  assert.equal(categoryOf({ rule: 'rejoin.lacuna', action: 'join' }), 'join');
  assert.equal(categoryOf({ rule: 'rejoin.lacuna', action: 'flag' }), 'lacuna');
  assert.equal(categoryOf({ rule: 'variants.one-character', action: 'flag' }), 'variant');
  assert.equal(categoryOf({ rule: 'nobody.knows', action: 'flag' }), undefined);
});
