/**
 * A dump too big to mend at once: cut into windows between lines (a page break or a blank
 * line first), each window mended as its own document, the windows together the whole file.
 */
import assert from 'node:assert/strict';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Edition } from '../../src/model/types.js';
import { cuttable, readWindows, windowsOf } from '../../src/run/windows.js';
import { newsmend, ROOT } from '../cli/run.js';
import { shardLines } from './shards.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-windows-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array, w: { start: number; end: number }) =>
  new TextDecoder().decode(b.subarray(w.start, w.end));

test('a dump no bigger than a window is one window', () => {
  assert.deepEqual(windowsOf(bytes('短页\n一行\n'), 64), [{ index: 0, start: 0, end: 14 }]);
});

test('windows are cut after a form feed first, then after a blank line, then after a line end', () => {
  const line = '新闻正文一行。\n'; // 22 bytes
  const withFormFeed = bytes(line.repeat(3) + '\f' + line.repeat(5));
  const [first] = windowsOf(withFormFeed, 80);
  assert.equal(text(withFormFeed, first).at(-1), '\f');

  const withBlank = bytes(line.repeat(3) + '\n' + line.repeat(5));
  const [a] = windowsOf(withBlank, 80);
  assert.equal(text(withBlank, a), line.repeat(3) + '\n', 'cut after the blank line');

  const plain = bytes(line.repeat(10));
  const [b] = windowsOf(plain, 80);
  assert.equal(text(plain, b), line.repeat(3), 'the last whole line that fits');
});

test('the windows cover the file in order, each within its size unless a line is longer', () => {
  const paragraphs = Array.from(
    { length: 200 },
    (_, i) => `第${i}段，` + '记者走访了当地的学校和医院。'.repeat(1 + (i % 7)),
  );
  const dump = bytes(
    paragraphs.join('\n') + '\n\n' + 'x'.repeat(1500) + '\n' + paragraphs.join('\n\n'),
  );
  const size = 1000; // longer than any paragraph line
  const windows = windowsOf(dump, size);
  assert.ok(windows.length > 10);
  let at = 0;
  windows.forEach((w, i) => {
    assert.equal(w.index, i);
    assert.equal(w.start, at);
    assert.ok(w.end > w.start);
    const long = text(dump, w).includes('x'.repeat(1500));
    assert.ok(long || w.end - w.start <= size, `window ${i}: ${w.end - w.start} bytes`);
    if (w.end < dump.length) assert.equal(dump[w.end - 1], 0x0a, 'cut after a line end');
    at = w.end;
  });
  assert.equal(at, dump.length);
});

test('a file read window by window gives the windows of the whole file, a long line included', () => {
  const lines = Array.from({ length: 120 }, (_, i) =>
    i === 40 ? '长'.repeat(900) : `第${i}行：` + '市场供应充足。'.repeat(1 + (i % 9)),
  );
  const dump = bytes(lines.join('\n') + '\n\n\f' + lines.slice(0, 30).join('\n\n'));
  const file = join(dir, 'streamed.txt');
  writeFileSync(file, dump);
  const fd = openSync(file, 'r');
  try {
    for (const size of [256, 1000, 4096]) {
      const streamed = [...readWindows(fd, dump.length, size)];
      assert.deepEqual(
        streamed.map((s) => s.window),
        windowsOf(dump, size),
        `size ${size}`,
      );
      for (const { window, bytes: got } of streamed)
        assert.deepEqual(got, dump.subarray(window.start, window.end));
    }
  } finally {
    closeSync(fd);
  }
});

test('UTF-16 dumps are not cut (a 0x0A byte there is half of some character)', () => {
  const utf16 = new Uint8Array(Buffer.from('\ufeff新闻\n'.repeat(100), 'utf16le'));
  assert.equal(cuttable(utf16), false);
  assert.equal(windowsOf(utf16, 64).length, 1);
  assert.equal(cuttable(bytes('新闻\n')), true);
});

test('run mends a big dump window by window: records name their window, Editions rebuild the file', async () => {
  const pages = join(ROOT, 'test', 'fixtures', 'pages');
  const names = readdirSync(pages).sort();
  // Pages one after another, a page break between some: the dump of a whole edition.
  const dump = names
    .map((n, i) => readFileSync(join(pages, n), 'utf8') + (i % 3 === 2 ? '\f\n' : '\n\n'))
    .join('');
  const file = join(dir, 'edition.txt');
  writeFileSync(file, dump);
  const out = join(dir, 'out');
  const r = await newsmend(['run', file, '--out', out, '--window-kb', '1', '--editions']);
  assert.equal(r.code, 0, r.stderr);

  const { rebuild } = await import('../../src/model/rebuild.js');
  const editions = shardLines(out, 'editions-') as unknown as Edition[];
  assert.ok(editions.length >= 4, `${editions.length} windows`);
  assert.equal(editions.map((e) => rebuild(e)).join(''), dump, 'the windows are the file');
  editions.forEach((e, i) => assert.equal(e.source.name, `edition.txt#${i + 1}`));

  const records = shardLines(out, 'articles-');
  assert.ok(records.length > 0);
  const source = Buffer.from(dump);
  for (const record of records) {
    const { index, start, end } = record.metadata.window;
    assert.equal(record.metadata.source, `edition.txt#${index + 1}`);
    const windowText = source.subarray(start, end).toString('utf8');
    // Every piece of the record's text is text of its own window (〔…〕 marks a lacuna).
    const pieces = record.text.split(/\n|〔…〕/u).filter((p: string) => p.length > 8);
    for (const piece of pieces)
      assert.ok(windowText.includes(piece.slice(0, 8)), `${piece.slice(0, 8)} in window ${index}`);
  }
  const manifest = readFileSync(join(out, 'manifest.jsonl'), 'utf8');
  assert.match(manifest, /edition\.txt#0-\d+/u);
});
