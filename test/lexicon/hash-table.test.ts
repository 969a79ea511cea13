/** The compact tables behind the word list and the character pairs: same answers as a Map. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PairCounts, WordTable } from '../../src/lexicon/hash-table.js';
import { dictionaryTag, wordFrequency } from '../../src/lexicon/index.js';
import { expectedPairCount, pairCount } from '../../src/lexicon/pairs.js';

test('WordTable finds each word of its lines, with frequency and tag; the last line of a repeat wins', () => {
  const table = WordTable.fromText(
    ['新闻 120 n', '新 900 a', '新闻 130 n', '闻 5', '坏行', ' 7 x', '记者 88 n', ''].join('\n'),
  );
  assert.equal(table.frequency('新闻'), 130);
  assert.equal(table.tag('新闻'), 'n');
  assert.equal(table.frequency('新'), 900);
  assert.equal(table.frequency('闻'), 5);
  assert.equal(table.tag('闻'), undefined);
  assert.equal(table.tag('记者'), 'n');
  assert.deepEqual([...table.names()].sort(), ['a', 'n']);
  assert.equal(table.frequency('记者'), 88);
  for (const absent of ['坏行', '', '新闻记', '记', 'x'])
    assert.equal(table.frequency(absent), 0, absent);
});

test('WordTable holds many words that share hash slots', () => {
  const words = Array.from({ length: 5000 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}${i}`);
  const table = WordTable.fromText(words.map((w, i) => `${w} ${i + 1}`).join('\n'));
  words.forEach((w, i) => assert.equal(table.frequency(w), i + 1));
  assert.equal(table.frequency('词'), 0);
});

test('PairCounts keeps every pair apart, the extreme code units too', () => {
  const counts = PairCounts.withCapacity(3000);
  const pairs: [number, number][] = [];
  for (let i = 0; i < 3000; i++) pairs.push([0x4e00 + (i % 97), 0x4e00 + Math.floor(i / 97)]);
  pairs.push([0, 0], [0xffff, 0xffff], [0xffff, 0]);
  pairs.forEach(([a, b], i) => counts.set(a, b, i + 1));
  pairs.forEach(([a, b], i) => assert.equal(counts.get(a, b), i + 1));
  assert.equal(counts.get(0x4e00, 0x9fa5), 0);
});

test('the shipped tables answer as the files say', () => {
  // jieba's dictionary lists 中国 as a word and 的 as a particle; 中 and 国 follow each other
  // in any Chinese corpus, and a pair is more likely than chance when it is a word.
  assert.ok(wordFrequency('中国') > 1000);
  assert.equal(dictionaryTag('的'), 'uj');
  assert.equal(wordFrequency('国中国中国'), 0);
  assert.ok(pairCount('中', '国') > expectedPairCount('中', '国'));
  assert.equal(pairCount('中', ''), 0);
});
