import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../package-root.js';

/**
 * How often each CJK character, and each adjacent pair of CJK characters, occurs in running
 * Chinese — figures counted over a reference news corpus by scripts/build-bigrams.ts. A pair
 * of two common characters that (almost) never stands side by side is a sign that text
 * between them was lost.
 */
interface PairTable {
  total: number;
  chars: Map<string, number>;
  pairs: Map<string, number>;
}

const DATA_FILE = join('data', 'cjk-bigrams.txt.gz');
let table: PairTable | undefined;

function load(): PairTable {
  const lines = gunzipSync(readFileSync(join(packageRoot(), DATA_FILE)))
    .toString('utf8')
    .split('\n');
  const loaded: PairTable = { total: 0, chars: new Map(), pairs: new Map() };
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab === -1) continue;
    const key = line.slice(0, tab);
    const n = Number(line.slice(tab + 1));
    if (key === 'total') loaded.total = n;
    else if (key.length === 1) loaded.chars.set(key, n);
    else loaded.pairs.set(key, n);
  }
  return loaded;
}

/** How often the pair `xy` occurs in the reference corpus. */
export function pairCount(x: string, y: string): number {
  table ??= load();
  return table.pairs.get(x + y) ?? 0;
}

/** Whether the pair `xy` occurs in the reference corpus. */
export function pairSeen(x: string, y: string): boolean {
  return pairCount(x, y) > 0;
}

/** How often `xy` would occur in the corpus if the two characters were independent. */
export function expectedPairCount(x: string, y: string): number {
  table ??= load();
  return ((table.chars.get(x) ?? 0) * (table.chars.get(y) ?? 0)) / Math.max(1, table.total);
}
