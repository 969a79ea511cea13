/**
 * Furniture learned per source: before mending, `run` counts on how many pages of each source
 * (paper) every short block stands — headers, imprints, ad and hotline lines, viewer navigation
 * the lexicon does not know. A line on at least MIN_PAGES pages that are at least MIN_SHARE of
 * the source's pages is that source's furniture; the boilerplate stage drops it with its
 * learned rule, naming the count and the source. A line merely repeated on a few pages
 * (a story continued, a headline teased on page one) stays.
 */
import { dirname } from 'node:path';
import type { LearnedFurniture } from '../model/types.js';
import { newDoc, runStage } from '../pipeline.js';
import { blocksStage } from '../stages/blocks/index.js';
import { furnitureKey, MAX_FURNITURE_CHARS } from '../text/furniture-key.js';
import type { InputDocument } from './inputs.js';

/** `learn`: count each source's furniture first; `lexicon`: the built-in lexicon only. */
export type FurnitureMode = 'learn' | 'lexicon';
export const FURNITURE_MODES: readonly FurnitureMode[] = ['learn', 'lexicon'];

/** Pages a line must stand on: fewer is a coincidence or a story printed twice. */
export const MIN_PAGES = 5;
/**
 * Share of the source's pages a line must stand on. Furniture is on (nearly) every page; a
 * standing column's title is on one page in ten or twenty, and is structure, not furniture.
 */
export const MIN_SHARE = 0.3;

/** The source (paper) of a document: its record's `source` field, else the folder it is in. */
export function sourceOf(doc: InputDocument): string {
  const field = doc.carried?.source;
  if (typeof field === 'string' && field.trim() !== '') return field.trim();
  const path = doc.key.replace(/:\d+$/, '');
  return path === '-' ? 'stdin' : dirname(path);
}

/** The block texts of a document, as the boilerplate stage will see them. */
function blockTexts(input: Uint8Array | string): string[] {
  const doc = newDoc(input);
  runStage(doc, blocksStage);
  return doc.blocks.map((b) => b.text);
}

/**
 * Pages per bucket of the lossy count (Manku and Motwani's lossy counting, ε = 1 / this): a
 * line's count may fall short of its true page count by at most one page in this many, and a
 * source keeps at most about this many × log(pages / this) lines between buckets, however many
 * pages it has. Furniture stands on ≥ 30% of pages, so a shortfall of 0.1% moves no decision
 * but one right at the threshold; a corpus with fewer pages per source is counted exactly.
 */
export const LOSSY_BUCKET_PAGES = 1000;

/** A line's count and how many pages it may have been on before it was (again) counted. */
interface Tally {
  count: number;
  missed: number;
}

/** One source's lines by page count, in memory bounded by lossy counting. */
class SourceCount {
  pages = 0;
  readonly tallies = new Map<string, Tally>();

  addPage(keys: Iterable<string>): void {
    this.pages++;
    const bucket = Math.ceil(this.pages / LOSSY_BUCKET_PAGES);
    for (const key of keys) {
      const tally = this.tallies.get(key);
      if (tally) tally.count++;
      else this.tallies.set(key, { count: 1, missed: bucket - 1 });
    }
    // At a bucket's end, lines too rare to reach a share of 1 / LOSSY_BUCKET_PAGES go.
    if (this.pages % LOSSY_BUCKET_PAGES === 0)
      for (const [key, t] of this.tallies)
        if (t.count + t.missed <= bucket) this.tallies.delete(key);
  }
}

/** Counts over a corpus, then the furniture of each source. */
export class FurnitureCounter {
  private readonly sources = new Map<string, SourceCount>();

  add(doc: InputDocument): void {
    if (doc.input === undefined) return;
    const source = sourceOf(doc);
    let counts = this.sources.get(source);
    if (!counts) this.sources.set(source, (counts = new SourceCount()));
    const keys = new Set<string>();
    for (const text of blockTexts(doc.input)) {
      if (text.length > MAX_FURNITURE_CHARS) continue;
      const key = furnitureKey(text);
      if (key !== '') keys.add(key);
    }
    counts.addPage(keys);
  }

  /** Lines held in memory over all sources (what lossy counting bounds). */
  linesHeld(): number {
    let n = 0;
    for (const c of this.sources.values()) n += c.tallies.size;
    return n;
  }

  /** Each source's learned furniture (sources with none are left out), sorted for stable output. */
  learned(): Map<string, LearnedFurniture> {
    const out = new Map<string, LearnedFurniture>();
    for (const source of [...this.sources.keys()].sort()) {
      const { pages: documents, tallies } = this.sources.get(source)!;
      const lines: Record<string, number> = {};
      const counts = [...tallies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, { count: n }] of counts)
        if (n >= MIN_PAGES && n / documents >= MIN_SHARE) lines[key] = n;
      if (Object.keys(lines).length > 0) out.set(source, { source, documents, lines });
    }
    return out;
  }
}
