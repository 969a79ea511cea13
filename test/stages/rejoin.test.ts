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

test('the hand rules: text lost at a break before a sentence of its own keeps its lacuna', () => {
  const dump =
    '山城开通夜间公交\n\n本报讯 今年以来，全市新开通夜间公交线路十二条，方便了加班族和夜\n\n据市交通局介绍，下一步还将根据客流调整发车间隔。\n';
  const e = mendChecked(dump, { structure: 'rules' });
  const [article] = e.articles;
  const body = paragraphs(article);
  assert.equal(body.length, 2, body.join(' | '));
  assert.equal(article.body[0].lacunaAfter, true);
  assert.ok(e.edits.some((x) => x.rule === 'rejoin.lost-tail-new-sentence'));
});

/** The rejoin entries of an edition, by rule. */
const rejoinEdits = (dump: string) =>
  mendChecked(dump).edits.filter((x) => x.rule.startsWith('rejoin.'));

test('the junction model joins a clean column break and says how sure it is', () => {
  const dump =
    '山城开通夜间公交\n\n本报讯 今年以来，全市新开通夜间公交线路十二条，覆盖城区主要商\n\n圈、医院和交通枢纽，最晚一班车零点发车，方便了加班族和夜归人。\n';
  const [join] = rejoinEdits(dump);
  assert.equal(join.rule, 'rejoin.model-join');
  const facts = join.facts as { probability: number; features: string };
  assert.ok(facts.probability > 0.9, `p=${facts.probability}`);
  assert.ok(facts.features.length > 0, 'the features that weighed most are named');
});

test('the junction model finds text lost inside a paragraph and joins across it', () => {
  const dump =
    '乡村阅读季启动\n\n本报讯 为丰富农民精神文化生活，县文化馆日前启动乡村阅读季活动，今年共举办了乡村阅读\n\n划，各项活动吸引了两万多名村民参加，不少村民表示，在家门口就能借到新书。\n';
  const e = mendChecked(dump);
  const [item] = e.articles[0].body.filter((b) => b.kind === 'paragraph');
  assert.match(item.text, /乡村阅读划，各项活动/u, 'one paragraph across the break');
  assert.equal(item.lacunae.length, 1);
  assert.equal(item.text.slice(item.lacunae[0].at - 2, item.lacunae[0].at + 1), '阅读划');
  const rulesSeen = e.edits.map((x) => x.rule);
  assert.ok(rulesSeen.includes('rejoin.model-lacuna'), rulesSeen.join(' '));
  assert.ok(rulesSeen.includes('rejoin.across-lacuna'));
});

test('before a heading nothing joins; a paragraph stopping at a comma there lost its tail', () => {
  const dump =
    '城西社区开展安全检查\n\n本报讯 近日，城西社区组织志愿者对辖区内老旧小区进行安全检查，排查消防通道堵塞、电线私拉乱接等隐患，并针对居民反映的困难，\n\n南湖公园完成提升改造\n\n本报讯 经过半年施工，南湖公园提升改造工程日前完工，新建步道两公里，增设休息座椅一百余个。\n';
  const e = mendChecked(dump);
  assert.equal(e.articles.length, 2);
  const last = e.articles[0].body[e.articles[0].body.length - 1];
  assert.match(last.text, /困难，$/u);
  assert.equal(last.lacunaAfter, true);
  const tail = e.edits.find((x) => x.rule === 'rejoin.model-lost-tail');
  assert.ok(tail, e.edits.map((x) => x.rule).join(' '));
  assert.ok((tail.facts as { probability: number }).probability >= 0.2, 'the loss call');
});
