import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIT_MONTHS } from '../../eval/splits.js';
import { MIN_TRIGRAM_COUNT, PARAGRAPH, lmSymbols, type GramCounts } from '../../lexicon/char-lm.js';

/**
 * The texts the character language model is counted over, each in its own part so that a
 * training fold can leave one out: the fit months of the People's Daily pages, and the
 * evening-news transcripts of the years no split scores (the cross-source column is 2024).
 */
const PAGE_FILE = 'rmrb-2019-2020.jsonl';
const TRANSCRIPT_FILE = 'cctv-2022-2024.jsonl';
const TRANSCRIPT_YEARS = ['2022', '2023'];
/** The transcripts' part: never held out (no junction example comes from it). */
export const TRANSCRIPTS = 'cctv';

/** Counts of one part: every 1-, 2- and 3-gram of symbols, paragraph edges included. */
export type PartCounts = { grams: Map<string, number>; total: number };

function countInto(part: PartCounts, content: string): void {
  const symbols = `${PARAGRAPH}${lmSymbols(content).replace(/¶+/gu, PARAGRAPH)}${PARAGRAPH}`;
  const { grams } = part;
  for (let i = 0; i < symbols.length; i++) {
    part.total++;
    for (let n = 1; n <= 3 && i + n <= symbols.length; n++) {
      const gram = symbols.slice(i, i + n);
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  }
}

interface Row {
  date?: string;
  content?: string;
}

function rows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
}

/** The parts, by name: each fit month (`2019-02`…) and the transcripts. */
export function countParts(sharedEval: string): Map<string, PartCounts> {
  const parts = new Map<string, PartCounts>();
  const part = (name: string) => {
    let p = parts.get(name);
    if (!p) parts.set(name, (p = { grams: new Map(), total: 0 }));
    return p;
  };
  for (const name of [...FIT_MONTHS].sort()) part(name);
  part(TRANSCRIPTS);
  for (const r of rows(join(sharedEval, 'pages', PAGE_FILE))) {
    const month = r.date?.slice(0, 7) ?? '';
    if (FIT_MONTHS.includes(month) && r.content) countInto(part(month), r.content);
  }
  for (const r of rows(join(sharedEval, 'pages', TRANSCRIPT_FILE)))
    if (TRANSCRIPT_YEARS.includes(r.date?.slice(0, 4) ?? '') && r.content)
      countInto(part(TRANSCRIPTS), r.content);
  return parts;
}

/**
 * The language model of all parts but `leftOut` (none: all), as the shipped file would hold
 * it: trigrams seen fewer than MIN_TRIGRAM_COUNT times read 0.
 */
export function foldCounts(parts: Map<string, PartCounts>, leftOut?: string): GramCounts {
  const kept = [...parts].filter(([name]) => name !== leftOut).map(([, p]) => p);
  const total = kept.reduce((n, p) => n + p.total, 0);
  const count = (gram: string) => {
    let n = 0;
    for (const p of kept) n += p.grams.get(gram) ?? 0;
    return gram.length === 3 && n < MIN_TRIGRAM_COUNT ? 0 : n;
  };
  return { count, total };
}

/**
 * The shipped file's bytes: `total N`, then `gram count` lines sorted by gram, gzipped without
 * a timestamp, so the same data gives the same bytes.
 */
export function lmFileBytes(parts: Map<string, PartCounts>): Buffer {
  const all = foldCounts(parts);
  const grams = new Set<string>();
  for (const p of parts.values()) for (const g of p.grams.keys()) grams.add(g);
  const lines = [`total ${all.total}`];
  for (const g of [...grams].sort()) {
    const n = all.count(g);
    if (n > 0) lines.push(`${g} ${n}`);
  }
  return gzipSync(`${lines.join('\n')}\n`, { level: 9 });
}
