import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../package-root.js';
import { numberAt, PairCounts } from './hash-table.js';
import { loadTable, type Table } from './table-file.js';

/**
 * How often each CJK character, and each adjacent pair of CJK characters, occurs in running
 * Chinese — figures counted over a reference news corpus by scripts/build-bigrams.ts. A pair
 * of two common characters that (almost) never stands side by side is a sign that text
 * between them was lost.
 */
interface PairTable {
  total: number;
  /** Characters by code unit (BMP). */
  chars: Uint32Array;
  pairs: PairCounts;
  /** Keys the arrays cannot hold (a character outside the BMP): few or none. */
  other: Map<string, number>;
}

const DATA_FILE = join('data', 'cjk-bigrams.txt.gz');
export const PAIR_TABLE = 'cjk-pairs';
let table: PairTable | undefined;

/** The table from its list: lines `key<TAB>count`, read in one pass without splitting. */
function parse(gzipped: Uint8Array): PairTable {
  const text = gunzipSync(gzipped).toString('utf8');
  let pairRows = 0; // lines `xy<TAB>…`, so that the table is sized for the pairs alone
  for (let start = 0; start < text.length; start = text.indexOf('\n', start) + 1 || text.length)
    if (text.charCodeAt(start + 2) === 0x09) pairRows++;
  const parsed: PairTable = {
    total: 0,
    chars: new Uint32Array(0x10000),
    pairs: PairCounts.withCapacity(pairRows),
    other: new Map(),
  };
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const tab = text.indexOf('\t', start);
    if (tab !== -1 && tab < end) {
      const n = numberAt(text, tab + 1).value;
      const length = tab - start;
      if (text.startsWith('total\t', start)) parsed.total = n;
      else if (length === 1) parsed.chars[text.charCodeAt(start)] = n;
      else if (length === 2 && !isSurrogate(text.charCodeAt(start)))
        parsed.pairs.set(text.charCodeAt(start), text.charCodeAt(start + 1), n);
      else parsed.other.set(text.slice(start, tab), n);
    }
    start = end + 1;
  }
  return parsed;
}

interface PairExtra {
  total: number;
  other: [string, number][];
}

/** The pair table as a saved table (table-file.ts). */
export function buildPairTable(gzipped: Uint8Array): Table {
  const parsed = parse(gzipped);
  const extra: PairExtra = { total: parsed.total, other: [...parsed.other] };
  return { extra, arrays: { chars: parsed.chars, ...parsed.pairs.arrays() } };
}

export function pairListFile(): Buffer {
  return readFileSync(join(packageRoot(), DATA_FILE));
}

function load(): PairTable {
  const gzipped = pairListFile();
  const saved = loadTable(PAIR_TABLE, gzipped, () => buildPairTable(gzipped));
  const { chars, ...pairs } = saved.arrays;
  const extra = saved.extra as PairExtra;
  return {
    total: extra.total,
    chars: chars as Uint32Array,
    pairs: PairCounts.fromArrays(pairs),
    other: new Map(extra.other),
  };
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

/**
 * How often the pair of two BMP code units `a`,`b` occurs per million pairs of the reference
 * corpus: what cohesion measures ask of every position of a page, without making strings.
 */
export function pairsPerMillion(a: number, b: number): number {
  table ??= load();
  if (isSurrogate(a) || isSurrogate(b)) return 0;
  return (table.pairs.get(a, b) * 1e6) / Math.max(1, table.total);
}
