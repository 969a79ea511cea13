/** Bad and unusual input through the real CLI: a clear result or message, the right exit code. */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { after, describe, test } from 'node:test';
import { encodeGbk, hasIconv, iconvEncode } from '../decode/encode.js';
import {
  ENGLISH,
  NO_HEADLINE,
  SIMPLIFIED,
  TRADITIONAL,
  fixtureDir,
  invalidUtf8,
  makeDump,
  pngBytes,
  utf8,
} from '../fixtures/bad/make.js';
import { assertClean, assertRebuilds, codes } from './expect.js';
import { newsmend } from './run.js';

const files = fixtureDir();
after(files.cleanup);
const noIconv = hasIconv() ? false : 'the iconv binary is not installed';

/** Mend bytes from a file as JSON; check exit code, clean stderr and the rebuild. */
async function mendJson(name: string, bytes: Uint8Array, code: number) {
  const run = await newsmend(['mend', files.write(name, bytes), '--format', 'json']);
  assertClean(run, code);
  return { run, edition: assertRebuilds(run.stdout, bytes) };
}

describe('bad input through newsmend mend', { concurrency: availableParallelism() }, () => {
  test('empty file: exit 1, says there is no text', async () => {
    const { run, edition } = await mendJson('empty.txt', new Uint8Array(), 1);
    assert.match(run.stderr, /no text/u);
    assert.deepEqual(edition.articles, []);
  });

  test('whitespace-only file: exit 1, layout keeps the whitespace', async () => {
    const { run, edition } = await mendJson('blank.txt', utf8(' \n\u3000\r\n\t\n'), 1);
    assert.match(run.stderr, /no text/u);
    assert.equal(edition.layout.length > 0, true);
  });

  test('binary (PNG header + random bytes): exit 1, names the file type', async () => {
    const { run, edition } = await mendJson('image.txt', pngBytes(), 1);
    assert.match(run.stderr, /PNG image/u);
    assert.ok(codes(edition).includes('binary-input'));
  });

  test('a file that starts like a PDF but is not one: exit 1, said so, nothing on standard output', async () => {
    const pdf = utf8('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n');
    const bytes = new Uint8Array([...pdf, ...pngBytes()]);
    for (const format of ['md', 'html', 'jsonl']) {
      const run = await newsmend([
        'mend',
        files.write(`fake-${format}.pdf`, bytes),
        '--format',
        format,
      ]);
      assert.equal(run.code, 1, format);
      // It starts like a PDF, so it is read as one, and said to be a damaged PDF.
      assert.match(run.stderr, /not a readable PDF/u, format);
      assert.equal(run.stdout, '', `${format}: the binary is not printed as residue`);
    }
  });

  test('invalid UTF-8 sequences: exit 0, warning, the good text is kept', async () => {
    const { run, edition } = await mendJson('invalid.txt', invalidUtf8(), 0);
    assert.match(run.stderr, /warning: 2 byte sequence\(s\) are not valid utf-8/u);
    assert.equal(edition.source.encoding, 'utf-8');
  });

  test('a NUL byte inside Chinese text: exit 0, warning, NUL kept', async () => {
    const bytes = utf8('新华社北京3月2日电 今天上午，市政府召开\u0000新闻发布会。\n');
    const { run } = await mendJson('nul.txt', bytes, 0);
    assert.match(run.stderr, /NUL/u);
  });

  test('GBK/GB18030 file: detected, Chinese round-trips', async () => {
    const { run, edition } = await mendJson('gbk.txt', encodeGbk(SIMPLIFIED), 0);
    assert.equal(edition.source.encoding, 'gb18030');
    assert.equal(run.stderr, '');
    assert.ok(JSON.stringify(edition.articles).includes('市政府召开新闻发布会'));
  });

  test('GB18030 file from iconv with a four-byte character', { skip: noIconv }, async () => {
    const text = `${SIMPLIFIED}𠀀\n`;
    const { edition } = await mendJson('gb18030.txt', iconvEncode(text, 'GB18030'), 0);
    assert.equal(edition.source.encoding, 'gb18030');
  });

  test('Big5 file: detected, traditional Chinese round-trips', { skip: noIconv }, async () => {
    const { edition } = await mendJson('big5.txt', iconvEncode(TRADITIONAL, 'BIG5'), 0);
    assert.equal(edition.source.encoding, 'big5');
    assert.ok(JSON.stringify(edition.articles).includes('市政府召開記者會'));
  });

  test('--encoding forces the decoder', async () => {
    const bytes = encodeGbk(SIMPLIFIED);
    const run = await newsmend([
      'mend',
      files.write('forced.txt', bytes),
      '--format',
      'json',
      '--encoding',
      'gbk',
    ]);
    assertClean(run, 0);
    assert.equal(assertRebuilds(run.stdout, bytes, 'gbk').source.encoding, 'gbk');
  });

  test('UTF-16LE with BOM', async () => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SIMPLIFIED, 'utf16le')]),
    );
    const { edition } = await mendJson('utf16.txt', bytes, 0);
    assert.equal(edition.source.encoding, 'utf-16le');
    assert.ok(JSON.stringify(edition.articles).includes('播种面积'));
  });

  test('one article with no headline: exit 0, its text is kept', async () => {
    const { edition } = await mendJson('no-headline.txt', utf8(NO_HEADLINE), 0);
    const held = JSON.stringify([edition.articles, edition.residue]);
    assert.ok(held.includes('便民服务点'));
  });

  test('no Chinese at all (English): exit 0, text kept', async () => {
    const { edition } = await mendJson('english.txt', utf8(ENGLISH), 0);
    assert.ok(JSON.stringify([edition.articles, edition.residue]).includes('public library'));
  });

  test('a made-up page dump: exit 0, articles found', async () => {
    const { edition } = await mendJson('page.txt', utf8(makeDump(3, { articles: 4 })), 0);
    assert.ok(edition.articles.length >= 1);
  });

  test('mojibake: exit 0 with a warning naming the repair', async () => {
    const damaged = utf8(new TextDecoder('windows-1252').decode(utf8(SIMPLIFIED)));
    const { run } = await mendJson('mojibake.txt', damaged, 0);
    assert.match(run.stderr, /mojibake/u);
    assert.match(run.stderr, /新华社北京/u);
  });

  test('missing file: exit 1, clear message', async () => {
    const run = await newsmend(['mend', `${files.dir}/does-not-exist.txt`]);
    assertClean(run, 1);
    assert.match(run.stderr, /cannot read .*does-not-exist\.txt: no such file/u);
    assert.equal(run.stdout, '');
  });

  test('a directory: exit 1, clear message', async () => {
    const run = await newsmend(['mend', files.dir]);
    assertClean(run, 1);
    assert.match(run.stderr, /is a directory/u);
  });

  test('- reads standard input', async () => {
    const bytes = utf8(makeDump(11));
    const run = await newsmend(['mend', '-', '--format', 'json'], bytes);
    assertClean(run, 0);
    assert.equal(assertRebuilds(run.stdout, bytes).source.name, 'stdin');
  });

  test('- with empty standard input: exit 1', async () => {
    const run = await newsmend(['mend', '-']);
    assertClean(run, 1);
    assert.match(run.stderr, /no text/u);
  });
});
