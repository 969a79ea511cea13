import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { WordLines } from './hash-table.js';

/**
 * jieba's Chinese lexicon: a segmenter/POS tagger and the word-frequency table of its
 * dictionary (≈349k words). Both load lazily, once per process; the table is read in place
 * (`WordLines`), not copied into a Map: in a CPU profile of `newsmend mend`, filling the Map
 * took about 0.7 s, reading the table in place about 0.1 s.
 */
let jieba: Jieba | undefined;
let words: WordLines | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

function dictionary(): WordLines {
  // The same file jieba's package has already read for the segmenter (`dict`): not read twice.
  words ??= new WordLines(new TextDecoder().decode(dict));
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
