import assert from 'node:assert/strict';
import test from 'node:test';
import { mend } from '../../src/index.js';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';

/** CommonMark reads a backslash before ASCII punctuation as that character, literally. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

// A made-up page whose lines carry markup: a pasted web page, or a hostile upload.
const HOSTILE = [
  '河边新建口袋公园<script>alert(1)</script>',
  '本报讯（记者 林小舟）昨日，城东河边的口袋公园向市民开放。<img src=x onerror=alert(1)>园内种了二十多种树。',
  '# 不是标题',
  '1. 不是列表',
  '公园管理处说，夜间照明将在下月接通，*欢迎*市民提出意见 [链接](javascript:alert(1)) &amp; 建议。',
].join('\n');

test('Markdown output of a dump holding HTML carries it as text, not markup', () => {
  const md = renderMarkdown(mend(new TextEncoder().encode(HOSTILE)));
  assert.doesNotMatch(md, /(^|[^\\])<(script|img)/u, 'no raw tag a Markdown viewer would run');
  assert.doesNotMatch(md, /(^|[^\\])\]\(javascript:/u, 'no live link');
  for (const piece of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&amp;'])
    assert.ok(unescape(md).includes(piece), `the source characters are all still there: ${piece}`);
});

test('escapeMarkdown: line-start markers and inline markup become literal, CJK text is untouched', () => {
  assert.equal(escapeMarkdown('# 标题'), '\\# 标题');
  assert.equal(escapeMarkdown('- 项目'), '\\- 项目');
  assert.equal(escapeMarkdown('2. 第二'), '2\\. 第二');
  assert.equal(escapeMarkdown('a*b*_c_'), 'a\\*b\\*\\_c\\_');
  assert.equal(escapeMarkdown('&lt; & 和'), '\\&lt; & 和');
  assert.equal(
    escapeMarkdown('新华社北京5月9日电（记者 王某）今天，会议召开。'),
    '新华社北京5月9日电（记者 王某）今天，会议召开。',
  );
  for (const text of ['<b>x</b>', '# a\n- b\n3) c', '\\*'])
    assert.equal(unescape(escapeMarkdown(text)), text);
});
