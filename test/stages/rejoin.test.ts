import assert from 'node:assert/strict';
import test from 'node:test';
import { expectedPairCount, pairSeen } from '../../src/lexicon/pairs.js';
import { findBridge } from '../../src/stages/rejoin/bridge.js';
import { examineJunction } from '../../src/text/junction.js';
import { mendChecked, paragraphs } from '../helpers.js';

test('the pair table knows common neighbours and how common characters are', () => {
  assert.equal(pairSeen('中', '国'), true);
  assert.ok(expectedPairCount('中', '国') > 1);
  assert.equal(
    expectedPairCount('中', '\u{2A6D6}'),
    0,
    'a character the corpus never saw is never expected',
  );
});

test('a dictionary word across the seam is a clean join', () => {
  assert.equal(
    examineJunction('反对通过输出有害思想和错误观', '念，动摇他国').crossingWord,
    '错误观念',
  );
});

test('a character cut from its word is an orphan at the seam', () => {
  assert.equal(examineJunction('纪念苏联伟大卫', '战争胜利八十周年').orphan, '卫');
});

test('a bridge is the text the dump itself shows between the two sides', () => {
  const text = '老街的木结构民居进行加固。……沿街的木结构民\n\n进行加固。';
  const seam = text.indexOf('\n');
  const bridge = findBridge(text, seam, '沿街的木结构民', '进行加固。');
  assert.deepEqual(bridge, { missing: '居', count: 1, directCount: 0 });
});

test('text lost at a break before a sentence of its own: no join, the paragraph keeps its lacuna', () => {
  const dump =
    '山城开通夜间公交\n\n本报讯 今年以来，全市新开通夜间公交线路十二条，方便了加班族和夜\n\n据市交通局介绍，下一步还将根据客流调整发车间隔。\n';
  const [article] = mendChecked(dump).articles;
  const body = paragraphs(article);
  assert.equal(body.length, 2, body.join(' | '));
  assert.equal(article.body[0].lacunaAfter, true);
});
