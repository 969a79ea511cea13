import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { WordTable } from './hash-table.js';
import { loadTable, type Table } from './table-file.js';

/**
 * jieba's Chinese lexicon: a segmenter/POS tagger and the word-frequency table of its
 * dictionary (≈349k words). Both load lazily, once per process. The table is read from the
 * file `npm run build` saves (table-file.ts); without it, it is built from the dictionary's
 * text, which took about 0.1 s in a CPU profile of `newsmend mend`.
 */
let jieba: Jieba | undefined;
let words: WordTable | undefined;
let dictBytes: Buffer | undefined;

export const WORD_TABLE = 'jieba-words';

/** jieba's dictionary file, read once (its package's `dict` export also reads a 6 MB IDF list we do not use). */
export function jiebaDictionary(): Buffer {
  dictBytes ??= readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
  return dictBytes;
}

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(jiebaDictionary());
  return jieba;
}

/** The word table as a saved table: its arrays, and its tag names beside them. */
export function buildWordTable(dict: Uint8Array): Table {
  const table = WordTable.fromText(new TextDecoder().decode(dict));
  return { extra: table.names(), arrays: table.arrays() };
}

function dictionary(): WordTable {
  if (!words) {
    const dict = jiebaDictionary();
    const saved = loadTable(WORD_TABLE, dict, () => buildWordTable(dict));
    words = WordTable.fromArrays(saved.arrays, saved.extra as string[]);
  }
  return words;
}

/** The part of speech jieba's dictionary gives `word` (ns place, nr person, nt organisation…). */
export function dictionaryTag(word: string): string | undefined {
  return dictionary().tag(word);
}

/** How often jieba's corpus saw `word` as a word; 0 when it is not in the dictionary. */
export function wordFrequency(word: string): number {
  return dictionary().frequency(word);
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
