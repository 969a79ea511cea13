import assert from 'node:assert/strict';
import test from 'node:test';
import { mendChecked, rules } from '../helpers.js';

test('a traditional-script page: dateline, byline, caption, furniture and source tag are recognised', () => {
  // The hand rules' reading of this layout (structure: 'rules'); the page-structure model
  // misreads it today (see the closing note of issue 8), and is measured by `npm run eval`.
  const e = mendChecked(
    [
      '責任編輯：王明',
      '港珠澳大橋客流創新高',
      '本報記者  陳  明',
      '新華社香港3月2日電 今年首兩個月，經港珠澳大橋往來三地的旅客人次創下新高。',
      '圖為旅客在口岸排隊通關。',
      '李小東攝',
      '（新華社香港3月2日電）',
    ].join('\n\n'),
    { structure: 'rules' },
  );
  const [a] = e.articles;
  assert.equal(a.headline, '港珠澳大橋客流創新高');
  assert.equal(a.byline, '本報記者  陳  明');
  assert.equal(a.dateline?.text, '新華社香港3月2日電');
  assert.equal(a.dateline?.place, '香港');
  assert.deepEqual(
    a.body.map((b) => b.kind),
    ['paragraph', 'caption', 'caption'],
  );
  assert.equal(a.sourceTag, '（新華社香港3月2日電）');
  assert.ok(rules(e).includes('boilerplate.editor-line'));
});
