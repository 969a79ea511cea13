import assert from 'node:assert/strict';
import test from 'node:test';
import { mendChecked, paragraphs, readFixture } from '../helpers.js';

test('hard-wrapped lines are put back together; an indented line opens a paragraph', () => {
  const e = mendChecked(readFixture('wrap-indent.txt'));
  const [article] = e.articles;
  assert.equal(article.headline, '山城开通十二条夜间公交线路');
  const body = paragraphs(article);
  assert.equal(body.length, 3);
  assert.ok(body[0].includes('覆盖主城九区'), 'a wrapped line is joined to the one before');
  assert.ok(body[1].startsWith('据了解'), 'the indented line starts its own paragraph');
  assert.equal(article.body[0].lacunaAfter, true, 'the paragraph cut before it keeps a lacuna');
  assert.ok(e.messages.some((m) => m.code === 'hard-wrap'));
});

test('wraps counted in display columns are found too', () => {
  const line = '全市新开通夜间公交线路十二条覆盖主城九区的主要商圈';
  const dump = [
    '夜间公交',
    `${line}和交通`,
    `${line}和枢纽`,
    `${line}和站点`,
    `${line}和街巷。`,
  ].join('\n');
  const e = mendChecked(dump);
  assert.equal(paragraphs(e.articles[0]).length, 1);
});
