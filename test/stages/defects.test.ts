import assert from 'node:assert/strict';
import test from 'node:test';
import { headlines, mendChecked, paragraphs, readFixture, rules } from '../helpers.js';

test('D1: a headline echoed after the dateline is dropped and the dateline labelled', () => {
  const e = mendChecked(readFixture('d1-echo.txt'));
  assert.deepEqual(headlines(e), ['山区小学用上了新课桌']);
  const [a] = e.articles;
  assert.equal(a.dateline?.text, '据新华社兰州4月3日电');
  assert.equal(a.dateline?.agency, '新华社');
  assert.equal(a.dateline?.place, '兰州');
  assert.ok(rules(e).includes('dateline.headline-echo'));
  assert.match(paragraphs(a)[0], /^一批新课桌椅/);
});

test('D2: a paragraph split mid-sentence at a column break is joined', () => {
  const e = mendChecked(readFixture('d2-split.txt'));
  const body = paragraphs(e.articles[0]);
  assert.equal(body.length, 2);
  assert.ok(body[0].endsWith('指导农户调试播种机械，确保不误农时。'));
  assert.deepEqual(e.articles[0].body[0].lacunae, []);
});

test('D3: text lost at a break is marked, with the restoration the dump attests', () => {
  const e = mendChecked(readFixture('d3-lost.txt'));
  const [item] = e.articles[0].body;
  assert.equal(item.lacunae.length, 1);
  const lacuna = item.lacunae[0];
  assert.equal(lacuna.suggestion, '居');
  assert.equal(item.text.slice(lacuna.at - 4, lacuna.at + 2), '木结构民进行');
  assert.ok(rules(e).includes('rejoin.restoration'));
});

test('D4/D5: repeated headline+lead runs and a damaged copy are dropped, one copy kept', () => {
  const e = mendChecked(readFixture('d4-d5-repeats.txt'));
  assert.deepEqual(headlines(e), ['夜市经济点亮小城']);
  const body = paragraphs(e.articles[0]);
  assert.equal(body.length, 2);
  assert.match(body[1], /^城管部门/);
  const drops = e.edits.filter((x) => x.action === 'drop');
  assert.equal(drops.filter((x) => x.rule === 'dedupe.exact').length, 4);
  const fragment = drops.find((x) => x.rule === 'dedupe.fragment');
  assert.ok(fragment?.text?.startsWith('管部门'));
  assert.equal(
    e.articles[0].body[0].lacunaAfter,
    true,
    'every copy of the lead stops at the same comma: a teaser',
  );
});

test('D6/D7: page furniture is dropped with its rule; a related-title box goes to its article', () => {
  const e = mendChecked(readFixture('d6-d7-furniture.txt'));
  assert.deepEqual(headlines(e), ['湖边新添健身步道']);
  assert.deepEqual(e.articles[0].related, ['城东公园完成提质改造', '图书馆延长夜间开放时间']);
  const dropped = e.edits.filter((x) => x.action === 'drop').map((x) => x.rule);
  assert.deepEqual(dropped.sort(), [
    'boilerplate.editor-line',
    'boilerplate.page-header',
    'boilerplate.qr-code',
    'boilerplate.qr-code',
  ]);
});

test('D8/D10: orphan start, kicker, byline, subhead, caption and source tag are labelled', () => {
  // The hand rules' reading of this layout (structure: 'rules'); the page-structure model
  // misreads it today (see the closing note of issue 8), and is measured by `npm run eval`.
  const e = mendChecked(readFixture('d8-d10-structure.txt'), { structure: 'rules' });
  assert.equal(e.articles.length, 2);
  const [orphan, story] = e.articles;
  assert.equal(orphan.headline, undefined);
  assert.ok(orphan.flags.includes('truncated-start'));
  assert.equal(orphan.body[0].lacunaBefore, true);
  assert.equal(story.kicker, '科技赋能 老有所养');
  assert.equal(story.headline, '智慧养老服务中心投入使用');
  assert.equal(story.byline, '本报记者  李  红');
  assert.equal(story.dateline?.text, '本报讯');
  assert.deepEqual(
    story.body.map((b) => b.kind),
    ['paragraph', 'subhead', 'paragraph', 'caption', 'caption'],
  );
  assert.equal(story.sourceTag, '（新华社南京6月2日电）');
});

test('the bundled example shows every defect repaired', () => {
  const e = mendChecked(readFixture('../../../examples/page.txt'));
  const r = rules(e);
  for (const rule of [
    'dateline.headline-echo',
    'dedupe.exact',
    'dedupe.fragment',
    'boilerplate.qr-code',
    'boilerplate.page-header',
    'boilerplate.continuation',
    'rejoin.model-join',
    'rejoin.restoration',
    'variants.trigram',
  ]) {
    assert.ok(r.includes(rule), `expected an edit by ${rule}`);
  }
  assert.equal(e.articles[0].kicker, '守护一江清水 共建美丽家园');
  assert.ok(e.articles.some((a) => a.flags.includes('continued-elsewhere')));
  assert.ok(
    e.articles.some((a) => a.variants.some((v) => v.text === '滨词' && v.likely === '滨河')),
  );
});

test('a pull quote (a sentence printed again above the story, its stop left out) stays story text', () => {
  const e = mendChecked(readFixture('pull-quote.txt'));
  assert.deepEqual(headlines(e), ['让老街留住烟火气（城市观察）']);
  // Both quotes stay, each a block of its own: not dropped as copies, not joined as cut text.
  const body = e.articles[0].body.map((b) => b.text);
  assert.match(body[0], /^老街的价值不在于修得多新、多气派，.*城市的记忆$/);
  assert.match(body[1], /^改造之前先问计于民，.*居民的心坎上$/);
  assert.match(body[2], /^入冬以来/);
  assert.deepEqual(
    e.edits.filter((x) => x.stage === 'dedupe' || x.stage === 'rejoin').map((x) => x.rule),
    [],
  );
});

test('the same sentence printed after its paragraph is a copy, not a pull quote: dropped', () => {
  const lines = readFixture('pull-quote.txt').split('\n\n');
  // The headline, the story's first paragraph, then its second sentence printed again.
  const copy = [lines[0], lines[3], lines[1], lines[5]].join('\n\n');
  const e = mendChecked(copy);
  const drops = e.edits.filter((x) => x.rule === 'dedupe.fragment');
  assert.equal(drops.length, 1);
  assert.equal(drops[0].text, lines[1]);
});
