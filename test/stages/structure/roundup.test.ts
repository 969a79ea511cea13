import assert from 'node:assert/strict';
import test from 'node:test';
import { roundupFeatures } from '../../../src/stages/segment/structure/roundup.js';
import { unitOf as unit } from './unit.js';

// A made-up page: a roundup box of three items, then a story with its own dateline.
const PAGE = [
  unit('城市速览', 'heading'),
  unit('人民网消息：', 'dateline'),
  unit('城西图书馆夜间开放', 'heading'),
  unit('城西图书馆从本周起开放到晚上九点。', 'paragraph'),
  unit('城东步道全线贯通', 'heading'),
  unit('城东沿河步道昨天全线贯通，全长六公里。', 'paragraph'),
  unit('河滨公园今天开园', 'heading'),
  unit('本报讯', 'dateline'),
  unit('河滨公园今天开园，市民可免费入园。', 'paragraph'),
  unit('老街改造进入收尾阶段', 'heading'),
  unit('老街改造工程已完成九成。', 'paragraph'),
];

test("a roundup box's title and the headed items under it are marked", () => {
  assert.deepEqual(roundupFeatures(PAGE, 0), ['boxTitle']);
  assert.deepEqual(roundupFeatures(PAGE, 2), ['inBox']);
  assert.deepEqual(roundupFeatures(PAGE, 4), ['inBox']);
});

test('a story that opens with its own dateline ends the box', () => {
  assert.deepEqual(roundupFeatures(PAGE, 9), []);
});
