import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../package-root.js';
import { numberAt, PairCounts } from './hash-table.js';

/**
 * How often each CJK character, and each adjacent pair of CJK characters, occurs in running
 * Chinese — figures counted over a reference news corpus by scripts/build-bigrams.ts. A pair
 * of two common characters that (almost) never stands side by side is a sign that text
 * between them was lost.
 */
interface PairTable {
  total: number;
  /** Characters by code unit (BMP). */
  chars: Float64Array;
  pairs: PairCounts;
  /** Keys the arrays cannot hold (a character outside the BMP): few or none. */
  other: Map<string, number>;
}

const DATA_FILE = join('data', 'cjk-bigrams.txt.gz');
let table: PairTable | undefined;

/** The table from its file: lines `key<TAB>count`, read in one pass without splitting. */
function load(): PairTable {
  const text = gunzipSync(readFileSync(join(packageRoot(), DATA_FILE))).toString('utf8');
  let rows = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  const loaded: PairTable = {
    total: 0,
    chars: new Float64Array(0x10000),
    pairs: new PairCounts(rows),
    other: new Map(),
  };
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const tab = text.indexOf('\t', start);
    if (tab !== -1 && tab < end) {
      const n = numberAt(text, tab + 1).value;
      const length = tab - start;
      if (text.startsWith('total\t', start)) loaded.total = n;
      else if (length === 1) loaded.chars[text.charCodeAt(start)] = n;
      else if (length === 2 && !isSurrogate(text.charCodeAt(start)))
        loaded.pairs.set(text.charCodeAt(start), text.charCodeAt(start + 1), n);
      else loaded.other.set(text.slice(start, tab), n);
    }
    start = end + 1;
  }
  return loaded;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

function charCount(t: PairTable, x: string): number {
  return x.length === 1 ? t.chars[x.charCodeAt(0)] : (t.other.get(x) ?? 0);
}

/** How often the pair `xy` occurs in the reference corpus. */
export function pairCount(x: string, y: string): number {
  table ??= load();
  if (x.length === 1 && y.length === 1 && !isSurrogate(x.charCodeAt(0)))
    return table.pairs.get(x.charCodeAt(0), y.charCodeAt(0));
  return table.other.get(x + y) ?? 0;
}

/** Whether the pair `xy` occurs in the reference corpus. */
export function pairSeen(x: string, y: string): boolean {
  return pairCount(x, y) > 0;
}

/** How often `xy` would occur in the corpus if the two characters were independent. */
export function expectedPairCount(x: string, y: string): number {
  table ??= load();
  return (charCount(table, x) * charCount(table, y)) / Math.max(1, table.total);
}
