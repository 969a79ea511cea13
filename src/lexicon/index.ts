import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * jieba's Chinese lexicon: a segmenter/POS tagger and the word-frequency table of its
 * dictionary (≈349k words). Both load lazily, once per process (~0.3 s).
 */
let jieba: Jieba | undefined;
let frequencies: Map<string, number> | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

function loadFrequencies(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@node-rs/jieba/dict.txt');
  const table = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && freq) table.set(word, Number(freq));
  }
  return table;
}

/** How often jieba's corpus saw `word` as a word; 0 when it is not in the dictionary. */
export function wordFrequency(word: string): number {
  frequencies ??= loadFrequencies();
  return frequencies.get(word) ?? 0;
}

export function isWord(word: string): boolean {
  return wordFrequency(word) > 0;
}

export function tag(text: string): TaggedWord[] {
  return segmenter().tag(text, true);
}

export function cut(text: string): string[] {
  return segmenter().cut(text, true);
}
