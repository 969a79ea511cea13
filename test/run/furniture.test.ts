/** Furniture learned per source: counted over a corpus, dropped with its count and source. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { mend } from '../../src/pipeline.js';
import {
  FurnitureCounter,
  LOSSY_BUCKET_PAGES,
  MIN_PAGES,
  sourceOf,
} from '../../src/run/furniture.js';
import { newsmend } from '../cli/run.js';
import { shardLines } from './shards.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-furniture-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const IMPRINT = '青山日报社出版  社址：青山市滨江路88号';
const TOWNS = ['东关', '西门', '南岸', '北塘', '中山', '新华', '河口', '柳林', '石桥', '桃源'];

/** A made-up page: the paper's imprint (on some pages), a short story, a line two pages share. */
function page(i: number, imprint: boolean): string {
  const town = TOWNS[i % TOWNS.length];
  return [
    ...(imprint ? [IMPRINT] : []),
    `${town}镇新建便民服务站`,
    `本报讯  近日，${town}镇第${i + 1}个便民服务站投入使用，居民在家门口就能办理社保、医保等二十多项业务。`,
    ...(i < 2 ? ['欢迎读者来信反映身边事'] : []),
  ].join('\n\n');
}

const doc = (i: number, imprint = true) => ({
  key: `papers/qingshan/p${i}.txt`,
  name: `p${i}.txt`,
  input: page(i, imprint),
  bytes: 0,
});

test('a line on many pages of a source is learned; a line on two pages, or on other sources, is not', () => {
  const counter = new FurnitureCounter();
  for (let i = 0; i < 10; i++) counter.add(doc(i, i < 7));
  counter.add({ ...doc(20), key: 'papers/other/p1.txt' });
  const learned = counter.learned();
  const qingshan = learned.get('papers/qingshan');
  assert.ok(qingshan);
  assert.equal(qingshan.documents, 10);
  assert.deepEqual(Object.values(qingshan.lines), [7]);
  assert.equal(
    learned.get('papers/other'),
    undefined,
    'one page of another source teaches nothing',
  );
  assert.equal(sourceOf({ ...doc(1), carried: { source: '青山日报' } }), '青山日报');

  const few = new FurnitureCounter();
  for (let i = 0; i < MIN_PAGES - 1; i++) few.add(doc(i));
  assert.equal(few.learned().size, 0, `a line on fewer than ${MIN_PAGES} pages is not learned`);

  const edition = mend(page(3, true), { furniture: qingshan });
  const drop = edition.edits.find((e) => e.rule === 'boilerplate.learned');
  assert.equal(drop?.text, IMPRINT);
  assert.match(drop!.reason, /printed on 7 of 10 pages of papers\/qingshan/);
  assert.deepEqual(edition.options.learnedFurniture, {
    source: 'papers/qingshan',
    documents: 10,
    lines: 1,
  });
  assert.ok(edition.articles.every((a) => !a.body.some((b) => b.text.includes('青山日报社'))));
});

test('the count holds a bounded number of lines however many pages a source has', () => {
  const cjk = (n: number) => String.fromCodePoint(0x4e00 + (n % 20000));
  const pages = 3 * LOSSY_BUCKET_PAGES;
  const counter = new FurnitureCounter();
  for (let i = 0; i < pages; i++) {
    const lines = [
      IMPRINT, // every page
      ...(i % 5 < 2 ? ['本版广告热线'] : []), // 40% of pages: furniture too
      ...(i % 10 === 0 ? ['读者来信选登'] : []), // 10%: a standing column, not furniture
      // Three lines no other page has.
      ...[0, 1, 2].map((k) => `${cjk(3 * i + k)}${cjk(3 * i + k + 7919)}路段施工提示`),
    ];
    counter.add({ key: `papers/big/p${i}.txt`, name: '', input: lines.join('\n\n'), bytes: 0 });
  }
  // Counted exactly, it would hold 3 lines per page (9,003); lossy counting drops the rare ones
  // at each bucket's end, and the lines on many pages keep their exact counts.
  assert.ok(counter.linesHeld() <= 3, `${counter.linesHeld()} lines held`);
  const big = counter.learned().get('papers/big');
  assert.equal(big?.documents, pages);
  assert.deepEqual(Object.values(big!.lines).sort(), [pages, 0.4 * pages].sort());
});

test('newsmend run learns each folder’s furniture first, drops it with its rule, and lists it in stats.json', async () => {
  const root = join(dir, 'papers', 'qingshan');
  mkdirSync(root, { recursive: true });
  for (let i = 0; i < 8; i++) writeFileSync(join(root, `p${i}.txt`), page(i, true));
  const out = join(dir, 'out');
  const r = await newsmend(['run', join(dir, 'papers'), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const drops = shardLines(out, 'drops-');
  assert.equal(
    drops.filter((d) => d.rule === 'boilerplate.learned' && d.text === IMPRINT).length,
    8,
  );
  assert.ok(!drops.some((d) => d.text === '欢迎读者来信反映身边事'), 'a line on two pages stays');
  const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'));
  assert.equal(stats.learnedFurniture.length, 1);
  assert.equal(stats.learnedFurniture[0].documents, 8);

  const lexicon = join(dir, 'lexicon');
  assert.equal(
    (await newsmend(['run', join(dir, 'papers'), '--out', lexicon, '--furniture', 'lexicon'])).code,
    0,
  );
  const kept = shardLines(lexicon, 'articles-')
    .map((r) => r.text)
    .join('\n');
  assert.match(kept, /青山日报社出版/, 'with the lexicon only, the imprint stays in the text');
});
