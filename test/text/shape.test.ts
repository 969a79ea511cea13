import assert from 'node:assert/strict';
import test from 'node:test';
import { isHeadlineShaped } from '../../src/text/shape.js';
import { startsMidSentence, startsSentence } from '../../src/text/opening.js';

test('headline shapes: plain, parallel clauses, column tags, topics, title questions', () => {
  for (const line of [
    '山城开通十二条夜间公交线路',
    '守住绿水青山，留住乡愁记忆',
    '老街换新颜（走基层）',
    '修缮古桥，留住记忆（文化观察）',
    '临江：夜市点亮小城经济',
    '夜市为何这样火？',
    '——记一位坚守山村的乡村教师',
  ]) {
    assert.equal(isHeadlineShaped(line), true, line);
  }
});

test('running text is not headline-shaped', () => {
  for (const line of [
    '活动现场，来自各地的三百多名志愿者参加了义务植树',
    '今年以来，全市新开通夜间公交线路十二条。',
    '主要措施包括：',
    '他告诉记者：“今年的收成不错！”',
    '“老街变漂亮了，我们住得更舒心了！”',
  ]) {
    assert.equal(isHeadlineShaped(line), false, line);
  }
});

test('mid-sentence starts: punctuation, a bound particle, a lone verb before a comma', () => {
  for (const text of [
    '，确保不误农时。',
    '的成就。”他说。',
    '应用，提升服务水平。',
    '镇，依然寒风凛冽。',
  ]) {
    assert.equal(startsMidSentence(text), true, text);
  }
  for (const text of [
    '近日，全市开展了大检查。',
    '过去一年，全县新建道路百余公里。',
    '地震发生后，救援队迅速出动。',
    '显然，这一做法值得推广。',
  ]) {
    assert.equal(startsMidSentence(text), false, text);
  }
});

test('sentence starts: a name, a place, a date, 据…, a quote', () => {
  for (const text of [
    '据县气象局介绍，今年降水偏多。',
    '“这条路修好了，我们出行方便多了。”',
    '北京市今年新增绿地一千公顷。',
  ]) {
    assert.equal(startsSentence(text), true, text);
  }
  assert.equal(startsSentence('机械，确保不误农时。'), false);
});
