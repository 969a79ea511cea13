import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../package-root.js';
import { WordTable } from './hash-table.js';
import { loadTable, type Table } from './table-file.js';

/**
 * A character trigram language model of running news text, for the junction model: how likely
 * the characters after a column break are to follow the ones before it (a clean join), to open
 * a sentence, or the ones before it to end one. Counted by `npm run train` over the fit months
 * of the People's Daily pages and the evening-news transcripts of the years the evaluation
 * does not score (src/train/junction/ngrams.ts).
 *
 * Text is read in symbols: a CJK character stands for itself, punctuation and other
 * characters for their class, so 。 and ！ both end a sentence and every digit is one symbol.
 */
export const SENTENCE_END = '。';
export const CLAUSE = '，';
export const OPEN = '“';
export const CLOSE = '”';
/** A paragraph's edge: the text before its first character and after its last. */
export const PARAGRAPH = '¶';
const DIGIT = '0';
const LATIN = 'a';
const OTHER = '·';

const SENTENCE_ENDS = new Set('。！？!?…');
const CLAUSE_MARKS = new Set('，、；：,;:');
const OPENERS = new Set('“‘《（(「『【〈');
const CLOSERS = new Set('”’》）)」』】〉');

/** The symbol the model reads for one character; '' for whitespace, which it skips. */
export function lmSymbol(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return ch;
  if (SENTENCE_ENDS.has(ch)) return SENTENCE_END;
  if (CLAUSE_MARKS.has(ch)) return CLAUSE;
  if (OPENERS.has(ch)) return OPEN;
  if (CLOSERS.has(ch)) return CLOSE;
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return DIGIT;
  if (/[A-Za-zＡ-Ｚａ-ｚ]/u.test(ch)) return LATIN;
  if (ch === '\n') return PARAGRAPH;
  if (/\s/u.test(ch)) return '';
  return OTHER;
}

/** `text` in model symbols. */
export function lmSymbols(text: string): string {
  let out = '';
  for (const ch of text) out += lmSymbol(ch);
  return out;
}

/** Gram counts: the shipped table, or the counts a training fold holds in memory. */
export interface GramCounts {
  /** How often the gram (1–3 symbols) was seen; trigrams seen fewer than MIN_TRIGRAM_COUNT times read 0. */
  count(gram: string): number;
  /** Symbols counted. */
  readonly total: number;
}

/**
 * Trigrams seen fewer times are not shipped: they are 60% of all trigrams, and in a trial on a
 * held-out fit month (code not kept) those seen 2–4 times moved lacuna recall by under 0.01
 * while they would have doubled the file.
 */
export const MIN_TRIGRAM_COUNT = 5;

/**
 * Weights of the trigram, bigram and unigram estimates in an interpolated probability
 * (Jelinek–Mercer). Interpolation, not backoff: with stupid backoff an unseen trigram cost a
 * fixed factor whatever the pair said, so clean joins of rare names (巴音|温都尔) looked as lossy
 * as real gaps.
 */
const TRIGRAM_WEIGHT = 0.6;
const BIGRAM_WEIGHT = 0.3;
const UNIGRAM_WEIGHT = 0.1;
/** Symbols the model may meet, for the add-half floor of an unseen symbol. */
const VOCABULARY = 8000;

/** The share `part / whole` of two counts, 0 when the context was never seen. */
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** log P(`next` | the last two symbols of `context`), interpolated over shorter contexts. */
export function logProb(lm: GramCounts, context: string, next: string): number {
  const unigram = (lm.count(next) + 0.5) / (lm.total + VOCABULARY);
  if (context.length === 0) return Math.log(unigram);
  const one = context.slice(-1);
  const bigram = share(lm.count(one + next), lm.count(one));
  if (context.length === 1)
    return Math.log(
      (BIGRAM_WEIGHT * bigram + UNIGRAM_WEIGHT * unigram) / (BIGRAM_WEIGHT + UNIGRAM_WEIGHT),
    );
  const two = context.slice(-2);
  const trigram = share(lm.count(two + next), lm.count(two));
  return Math.log(TRIGRAM_WEIGHT * trigram + BIGRAM_WEIGHT * bigram + UNIGRAM_WEIGHT * unigram);
}

const LM_FILE = join('data', 'char-lm.txt.gz');
export const LM_TABLE = 'char-lm';
/** The first line of the file: `total N`. */
const TOTAL_LINE = /^total (\d+)\n/u;

export function lmListFile(): Buffer {
  return readFileSync(join(packageRoot(), LM_FILE));
}

export function lmPath(): string {
  return join(packageRoot(), LM_FILE);
}

/** The model as a saved table (table-file.ts): the gram table and its total. */
export function buildLmTable(gzipped: Uint8Array): Table {
  const text = gunzipSync(gzipped).toString('utf8');
  const total = Number(TOTAL_LINE.exec(text)?.[1] ?? 0);
  return { extra: total, arrays: WordTable.fromText(text).arrays() };
}

/** Gram counts from a saved table. */
function countsOf(saved: Table): GramCounts {
  const table = WordTable.fromArrays(saved.arrays, []);
  return { count: (gram) => table.frequency(gram), total: saved.extra as number };
}

/** The model a file's bytes hold (what `npm run train` just wrote, before it is shipped). */
export function lmFromBytes(gzipped: Uint8Array): GramCounts {
  return countsOf(buildLmTable(gzipped));
}

let shipped: GramCounts | null | undefined;

/** The shipped model, loaded once; null when its file is absent (the rules decide alone then). */
export function shippedLm(): GramCounts | null {
  if (shipped !== undefined) return shipped;
  let gzipped: Buffer;
  try {
    gzipped = lmListFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return (shipped = null);
  }
  shipped = countsOf(loadTable(LM_TABLE, gzipped, () => buildLmTable(gzipped)));
  return shipped;
}
