import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../package-root.js';

/**
 * Which adjacent CJK character pairs occur in running Chinese, and how common each character
 * is — figures counted over a reference news corpus by scripts/build-bigrams.ts. A pair of two
 * common characters that never occurs side by side is a sign that text between them was lost.
 */
interface PairTable {
  total: number;
  chars: Map<string, number>;
  pairs: Set<string>;
}

const DATA_FILE = join('data', 'cjk-bigrams.txt.gz');
let table: PairTable | undefined;

function load(): PairTable {
  const lines = gunzipSync(readFileSync(join(packageRoot(), DATA_FILE)))
    .toString('utf8')
    .split('\n');
  const loaded: PairTable = { total: 0, chars: new Map(), pairs: new Set() };
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab === -1) {
      if (line) loaded.pairs.add(line);
    } else if (line.startsWith('total\t')) loaded.total = Number(line.slice(tab + 1));
    else loaded.chars.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return loaded;
}

/** Whether the pair `xy` occurs in the reference corpus. */
export function pairSeen(x: string, y: string): boolean {
  table ??= load();
  return table.pairs.has(x + y);
}

/** How often `xy` would occur in the corpus if the two characters were independent. */
export function expectedPairCount(x: string, y: string): number {
  table ??= load();
  return ((table.chars.get(x) ?? 0) * (table.chars.get(y) ?? 0)) / Math.max(1, table.total);
}
