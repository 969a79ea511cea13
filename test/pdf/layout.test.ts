/** The PDF reader's geometry, on glyph runs made by hand: lines, reading order, bands, roles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPdf } from '../../src/pdf/detect.js';
import type { GlyphRun, PdfPage } from '../../src/pdf/extract.js';
import { pageBands, readingOrder } from '../../src/pdf/layout.js';
import { printedLines } from '../../src/pdf/lines.js';
import { foldRadicals } from '../../src/pdf/radicals.js';
import { pdfText } from '../../src/pdf/text.js';

const BODY = 10;

/** A run of text set at `size`, its left edge at `x`, baseline at `y` (one em per character). */
const run = (text: string, x: number, y: number, size = BODY): GlyphRun => ({
  page: 1,
  text,
  x,
  y,
  width: [...text].length * size,
  size,
});

/** A column of body lines: `lines` lines of `chars` characters from (x, y), 15 pt apart. */
function column(x: number, y: number, texts: string[]): GlyphRun[] {
  return texts.map((t, i) => run(t, x, y + 15 * i));
}

test('a PDF is known by its signature, a little junk before it allowed', () => {
  assert.equal(isPdf(new TextEncoder().encode('%PDF-1.7\n…')), true);
  assert.equal(isPdf(new TextEncoder().encode('\n\n%PDF-1.4')), true);
  assert.equal(isPdf(new TextEncoder().encode('新闻 %PD F')), false);
});

test('radicals the text layer gives for ideographs are read as the ideographs', () => {
  assert.deepEqual(foldRadicals('⽥间⼀⻓⺠⺮'), { text: '田间一长民⺮', folded: 4 });
});

test('runs on one baseline make one line unless a column gap parts them', () => {
  const lines = printedLines([
    run('春风', 0, 100),
    run('吹拂', 20, 100),
    run('（右栏）', 200, 100),
    run('下一行', 0, 115),
  ]);
  assert.deepEqual(
    lines.map((l) => l.text),
    ['春风吹拂', '（右栏）', '下一行'],
  );
});

test('a justified line loses the spaces PDF.js puts between spread characters, not real ones', () => {
  const spread: GlyphRun = { ...run('东 栖 霞', 0, 100), width: 31 }; // 3 ideographs, 2 narrow gaps
  const worded: GlyphRun = { ...run('记者 张三', 0, 120), width: 43 }; // a quarter-em space
  assert.deepEqual(
    printedLines([spread, worded]).map((l) => l.text),
    ['东栖霞', '记者 张三'],
  );
});

test('two boxes of a row are read box by box, each headline with its own body', () => {
  // Row of two boxes 40 pt apart; each: a headline (20 pt), then body lines.
  const runs = [
    run('左边新闻标题', 0, 100, 20),
    ...column(0, 130, ['左栏第一行文字', '左栏第二行文字']),
    run('右边标题', 200, 100, 20),
    ...column(200, 130, ['右栏第一行文字', '右栏第二行文字']),
    // A second row, well below, one box across the page.
    run('下方标题', 0, 220, 20),
    ...column(0, 250, ['下方正文第一行，跨过两栏一直排到页面的右边']),
  ];
  const order = readingOrder(printedLines(runs), BODY).map((b) => b.map((l) => l.text));
  assert.deepEqual(order.flat(), [
    '左边新闻标题',
    '左栏第一行文字',
    '左栏第二行文字',
    '右边标题',
    '右栏第一行文字',
    '右栏第二行文字',
    '下方标题',
    '下方正文第一行，跨过两栏一直排到页面的右边',
  ]);
});

test('a strip of short lines across the top is the header band; a body column at the top is not', () => {
  const header = [run('晨报', 0, 20, 24), run('2020年5月1日', 300, 20), run('第3版', 600, 20)];
  const story = [run('标题', 0, 80, 20), ...column(0, 110, ['正文一行', '正文二行'])];
  const bands = pageBands(printedLines([...header, ...story]), BODY, 800);
  assert.deepEqual(
    bands.header.map((l) => l.text),
    ['晨报', '2020年5月1日', '第3版'],
  );
  const continued = pageBands(printedLines(column(0, 20, ['上接正文', '续行'])), BODY, 800);
  assert.equal(continued.header.length, 0);
});

test('display lines take their roles from size and order; paragraphs join their printed lines', () => {
  const page: PdfPage = {
    number: 1,
    width: 600,
    height: 800,
    runs: [
      run('晨报', 0, 20, 24),
      run('第3版', 500, 20),
      run('引题：夏粮丰收在望', 0, 80, 12),
      run('麦浪翻滚', 0, 100, 20),
      run('——记农机手的一天', 0, 118, 12),
      // A paragraph: an indented line and a full one; then an indented one and a short one.
      run('清晨五点，农机手', 20, 140),
      { ...run('已经开进了麦田。', 0, 155), width: 100 },
      run('中午时分，收割', 20, 170),
      run('过半。', 0, 185),
    ],
  };
  const read = pdfText([page]);
  const roles = read.display.map((h) => [read.text.slice(h.start, h.end).trim(), h.role, h.opens]);
  assert.deepEqual(roles, [
    ['引题：夏粮丰收在望', 'kicker', true],
    ['麦浪翻滚', 'headline', false],
    ['——记农机手的一天', 'subheadline', false],
  ]);
  assert.deepEqual(
    read.furniture.map((f) => [read.text.slice(f.start, f.end), f.band]),
    [
      ['晨报', 'header'],
      ['第3版', 'header'],
    ],
  );
  assert.match(read.text, /\n清晨五点，农机手已经开进了麦田。\n中午时分，收割过半。\n$/u);
});

test('layout roles no labelling can satisfy leave the page to the model, never without labels', async () => {
  const { mend } = await import('../../src/pipeline.js');
  const text = '河道整治\n\n近日，河道整治完成，沿岸群众纷纷点赞。\n';
  // A kicker that opens no story, first on the page: no article can begin that way.
  const e = mend(text, {
    layout: { display: [{ start: 0, end: 5, role: 'kicker', opens: false }], furniture: [] },
  });
  const labels = e.edits.filter((x) => x.rule === 'segment.model-label');
  assert.ok(labels.length > 0);
  for (const x of labels) assert.ok(Number.isFinite(x.probability), x.reason);
  assert.equal(e.articles.length, 1);
});
