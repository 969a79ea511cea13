/**
 * PDF input end to end: pages typeset by Chromium from made-up stories (the generator the PDF
 * evaluation uses), read back by `mendPdf` and by the CLI, and PDFs that cannot be read.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { rebuild } from '../../src/model/rebuild.js';
import { pageHtml, TEMPLATES } from '../../src/pdf/generate/html.js';
import { CHROMIUM, renderPdfs } from '../../src/pdf/generate/render.js';
import { mendPdf } from '../../src/pdf/index.js';
import { extractPdf } from '../../src/pdf/extract.js';
import { pdfText } from '../../src/pdf/text.js';
import { parseRecord } from '../../src/synth/parse.js';
import { newsmend } from '../cli/run.js';

const REQUIRE_ENV = 'NEWSMEND_REQUIRE_BROWSER';
const skip = existsSync(CHROMIUM)
  ? false
  : process.env[REQUIRE_ENV] === '1'
    ? assert.fail(`${CHROMIUM} is missing and ${REQUIRE_ENV}=1`)
    : `PDF tests skipped: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`;
if (skip) process.stderr.write(`newsmend: ${skip}\n`);

/** Made-up stories, written for this test. */
const STORIES = [
  {
    kicker: '山区小学迎来新校舍',
    title: '书声琅琅进山来',
    subtitle: '——一所村小的十年变化',
    content: [
      '本报记者 林晓',
      '本报青石岭6月3日电  清晨七点，青石岭小学的操场上已经响起了读书声。十年前，这里只有两间漏雨的土房，学生们要走一个多小时山路才能到校。',
      '如今，新建的教学楼里有了图书室和实验室。校长周明说，去年全校有四十二名学生，今年增加到五十六名，不少外出务工的家长把孩子接回了村里。',
      '县教育局介绍，全县已有十七所村小完成改造，明年还将为山区学校配备专职的音乐和美术老师。',
    ].join('\n'),
  },
  {
    title: '河畔新添口袋公园',
    content: [
      '城东的老河道边，一座占地不大的口袋公园日前向市民开放。公园里铺设了步道，种上了樟树和月季，还留出了一块供孩子们玩耍的沙地。',
      '附近居民王阿姨每天傍晚都来散步，她说过去这里堆满了建筑垃圾，现在成了街坊们聊天的好去处。',
    ].join('\n'),
  },
  {
    title: '夜间集市点亮老街',
    content: [
      '每逢周末，老街上的夜间集市便热闹起来。手工艺人摆出竹编和剪纸，小吃摊飘出阵阵香气。',
      '街道办负责人表示，集市开办半年来，已吸引六十多家摊位入驻，带动了周边店铺的生意。',
    ].join('\n'),
  },
];

const dir = mkdtempSync(join(tmpdir(), 'newsmend-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let pdf: Uint8Array;
let blank: Uint8Array;

before(async () => {
  if (skip) return;
  const articles = STORIES.map((s, i) =>
    parseRecord({ date: '2021-06-04', page: 5, order: i, ...s }),
  );
  const meta = { paper: '山城晚报', date: '2021-06-04', pageNo: 5, editor: '陈编辑' };
  [pdf, blank] = await renderPdfs([
    pageHtml(articles, TEMPLATES[0], meta),
    '<!doctype html><div style="width:300px;height:200px;border:2px solid #000"></div>',
  ]);
});

test(
  'a typeset page is read back story by story, with kicker, headline and subheadline',
  { skip },
  async () => {
    const edition = await mendPdf(pdf, { name: 'page.pdf' });
    // In the order the layout reads them: compared by headline.
    const byHeadline = (a: unknown[], b: unknown[]) => String(a[1]).localeCompare(String(b[1]));
    const got = edition.articles.map((a) => [a.kicker, a.headline, a.subheadline]);
    assert.deepEqual(
      got.sort(byHeadline),
      [
        ['山区小学迎来新校舍', '书声琅琅进山来', '——一所村小的十年变化'],
        [undefined, '河畔新添口袋公园', undefined],
        [undefined, '夜间集市点亮老街', undefined],
      ].sort(byHeadline),
    );
    const first = edition.articles.find((a) => a.headline === '书声琅琅进山来')!;
    // Its body, in reading order across the columns of its box.
    const body = first.body.map((b) => b.text).join('\n');
    assert.match(body, /清晨七点，青石岭小学.*不少外出务工的家长.*专职的音乐和美术老师。$/su);
    // The header and footer bands are dropped as furniture, each with its reason.
    const drops = edition.edits.filter((e) => e.action === 'drop').map((e) => e.text);
    assert.ok(drops.includes('山城晚报'), drops.join('|'));
    assert.ok(edition.messages.some((m) => m.code === 'pdf-input'));
  },
);

test('the Edition of a PDF rebuilds the text its layout was read as', { skip }, async () => {
  const edition = await mendPdf(pdf);
  assert.equal(rebuild(edition), pdfText(await extractPdf(pdf)).text);
});

test('newsmend mend reads a PDF given as a file', { skip }, async () => {
  const file = join(dir, 'page.pdf');
  writeFileSync(file, pdf);
  const r = await newsmend(['mend', file, '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const headlines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).metadata.headline)
    .sort();
  assert.deepEqual(headlines, ['书声琅琅进山来', '夜间集市点亮老街', '河畔新添口袋公园'].sort());
});

test(
  'newsmend ingest stores a PDF once, searchable, known again by its bytes',
  { skip },
  async () => {
    const file = join(dir, 'to-archive.pdf');
    writeFileSync(file, pdf);
    const db = join(dir, 'archive.db');
    const first = await newsmend(['ingest', file, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    const again = await newsmend(['ingest', file, '--db', db, '--verbose']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /^exists /mu);
    const found = await newsmend(['search', '口袋公园', '--db', db]);
    assert.equal(found.code, 0, found.stderr);
    assert.match(found.stdout, /河畔新添\[口袋公园\].*to-archive\.pdf/u);
  },
);

test('a PDF that cannot be read says why: cut short, or no text layer', { skip }, async () => {
  const cut = join(dir, 'cut.pdf');
  writeFileSync(cut, pdf.subarray(0, Math.floor(pdf.length / 3)));
  const truncated = await newsmend(['mend', cut]);
  assert.equal(truncated.code, 1);
  assert.match(truncated.stderr, /PDF/u);
  assert.doesNotMatch(truncated.stderr, /internal error|\n\s+at /u);

  const scan = join(dir, 'scan.pdf');
  writeFileSync(scan, blank);
  const noText = await newsmend(['mend', scan]);
  assert.equal(noText.code, 1);
  assert.match(noText.stderr, /no text layer.*OCR/u);
});
