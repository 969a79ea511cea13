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
let tags: Map<string, string> | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

function loadDictionary(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@node-rs/jieba/dict.txt');
  frequencies = new Map();
  tags = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, freq, pos] = line.split(' ');
    if (!word || !freq) continue;
    frequencies.set(word, Number(freq));
    if (pos) tags.set(word, pos);
  }
}

/** The part of speech jieba's dictionary gives `word` (ns place, nr person, nt organisation…). */
export function dictionaryTag(word: string): string | undefined {
  if (!tags) loadDictionary();
  return tags!.get(word);
}

/** How often jieba's corpus saw `word` as a word; 0 when it is not in the dictionary. */
export function wordFrequency(word: string): number {
  if (!frequencies) loadDictionary();
  return frequencies!.get(word) ?? 0;
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
