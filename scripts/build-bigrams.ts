/**
 * Build the character-pair table the rejoin stage uses to spot text lost at a break
 * (data/cjk-bigrams.txt.gz). It holds figures only — how often each CJK character
 * occurs and how often each adjacent pair of CJK characters does — counted over a reference corpus of news
 * transcripts (../shared/eval/pages/cctv-2022-2024.jsonl, not the People's Daily pages the dev set
 * is built from, so the dev-set numbers stay honest).
 *
 * Usage: node --import tsx scripts/build-bigrams.ts [corpus.jsonl]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isCjk } from '../src/text/chars.js';

const ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const corpus =
  process.argv[2] ?? join(ROOT, '..', 'shared', 'eval', 'pages', 'cctv-2022-2024.jsonl');
const out = join(ROOT, 'data', 'cjk-bigrams.txt.gz');

const chars = new Map<string, number>();
const pairs = new Map<string, number>();
let total = 0;
for (const line of readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const record = JSON.parse(line) as { title?: string; content?: string };
  const text = `${record.title ?? ''}\n${record.content ?? ''}`;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!isCjk(ch)) continue;
    chars.set(ch, (chars.get(ch) ?? 0) + 1);
    total++;
    const next = text[i + 1];
    if (next !== undefined && isCjk(next)) pairs.set(ch + next, (pairs.get(ch + next) ?? 0) + 1);
  }
}
// Format: "total N", then "c<TAB>count" per character and "xy<TAB>count" per pair; sorted for stable output.
const lines = [`total\t${total}`];
for (const [ch, n] of [...chars].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lines.push(`${ch}\t${n}`);
for (const [pair, n] of [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  lines.push(`${pair}\t${n}`);
writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(`${chars.size} characters, ${pairs.size} pairs, ${total} characters counted → ${out}`);
