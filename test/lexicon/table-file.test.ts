/** Saved word tables: read back as written, ignored when stale or damaged, same answers as the parsed lists. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { WordTable } from '../../src/lexicon/hash-table.js';
import { buildWordTable, jiebaDictionary } from '../../src/lexicon/index.js';
import { digestOf, readTable, writeTable } from '../../src/lexicon/table-file.js';

function tempFile(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-table-'));
  return { path: join(dir, 't.bin'), done: () => rmSync(dir, { recursive: true }) };
}

test('a table file gives back its arrays and extra values, only for the source it was built from', () => {
  const { path, done } = tempFile();
  try {
    const source = new TextEncoder().encode('新闻 3 n\n');
    const arrays = {
      odd: new Uint8Array([1, 2, 3]),
      words: new Uint32Array([7, 0xffffffff]),
      offsets: new Int32Array([-1, 5, 9]),
      share: new Float64Array([0.25]),
    };
    writeTable(path, digestOf(source), { extra: { total: 12, names: ['n'] }, arrays });
    const read = readTable(path, digestOf(source));
    assert.ok(read);
    assert.deepEqual(read.extra, { total: 12, names: ['n'] });
    for (const [name, a] of Object.entries(arrays)) {
      assert.equal(read.arrays[name].constructor, a.constructor, name);
      assert.deepEqual([...read.arrays[name]], [...a], name);
    }
    assert.equal(readTable(path, digestOf(new TextEncoder().encode('新闻 4 n\n'))), undefined);
    truncateSync(path, readFileSync(path).length - 4);
    assert.equal(readTable(path, digestOf(source)), undefined, 'truncated');
    writeFileSync(path, 'not a table');
    assert.equal(readTable(path, digestOf(source)), undefined, 'not a table');
    assert.equal(readTable(join(path, 'missing'), digestOf(source)), undefined, 'missing');
  } finally {
    done();
  }
});

test("jieba's word table read from a file answers as the one parsed from the dictionary", () => {
  const { path, done } = tempFile();
  try {
    const dict = jiebaDictionary();
    const built = buildWordTable(dict);
    writeTable(path, digestOf(dict), built);
    const saved = readTable(path, digestOf(dict))!;
    const parsed = WordTable.fromArrays(built.arrays, built.extra as string[]);
    const loaded = WordTable.fromArrays(saved.arrays, saved.extra as string[]);
    const lines = dict.toString('utf8').split('\n').filter(Boolean);
    for (let i = 0; i < lines.length; i += 97) {
      const [word, freq, tag] = lines[i].split(' ');
      assert.equal(loaded.frequency(word), Number(freq), word);
      assert.equal(loaded.tag(word), tag, word);
      assert.equal(parsed.frequency(word), Number(freq), word);
    }
    assert.equal(loaded.frequency('国中国中国'), 0);
  } finally {
    done();
  }
});
