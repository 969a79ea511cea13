import assert from 'node:assert/strict';
import test from 'node:test';
import type { GoldArticle } from '../../src/eval/gold.js';
import { goldCall } from '../../src/train/junction/examples.js';
import { fitJunction } from '../../src/train/junction/fit.js';
import { JunctionModel, callOf } from '../../src/stages/rejoin/junction-model.js';

/** A made-up gold article: one paragraph with a lacuna after 夜 (班 was lost), one cut short. */
const gold: GoldArticle[] = [
  {
    headline: '山城开通夜间公交',
    body: [
      {
        kind: 'paragraph',
        text: '今年以来，全市新开通夜间公交线路十二条，方便了加班族和夜归人。',
        lacunae: [{ at: 28 }],
      },
      { kind: 'paragraph', text: '据市交通局介绍，下一步还将根据客流', lacunaAfter: true },
      { kind: 'paragraph', text: '票价：两元' },
      { kind: 'paragraph', text: '首班：二十二时' },
    ],
  },
];

test('the gold call at a break: join, lacuna, lost tail or a plain paragraph end', () => {
  assert.equal(goldCall(gold, '今年以来，全市新开通', '夜间公交线路十二条'), 'join');
  assert.equal(goldCall(gold, '方便了加班族和夜', '归人。'), 'lacuna');
  assert.equal(goldCall(gold, '下一步还将根据客流', '票价：两元'), 'tail');
  assert.equal(goldCall(gold, '票价：两元', '首班：二十二时'), 'end');
  assert.equal(goldCall(gold, '这段文字', '不在金标准里'), undefined);
});

test('the junction fit is deterministic and learns which features tell the calls apart', () => {
  const examples = Array.from({ length: 40 }, (_, i) => {
    const label = i % 4;
    return { features: ['bias', `cue:${label}`], label, rules: 'join' as const, stopped: false };
  });
  const a = fitJunction(examples, {});
  const b = fitJunction(examples, {});
  assert.deepEqual(a, b);
  const model = new JunctionModel(a);
  assert.equal(callOf(model.probabilities(['bias', 'cue:0'])), 'join');
  assert.equal(callOf(model.probabilities(['bias', 'cue:1'])), 'lacuna');
  assert.equal(callOf(model.probabilities(['bias', 'cue:2'])), 'tail');
  assert.equal(callOf(model.probabilities(['bias', 'cue:3'])), 'end');
});
