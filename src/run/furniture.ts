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

/** Counts over a corpus, then the furniture of each source. */
export class FurnitureCounter {
  private readonly pages = new Map<string, number>();
  private readonly lines = new Map<string, Map<string, number>>();

  add(doc: InputDocument): void {
    if (doc.input === undefined) return;
    const source = sourceOf(doc);
    this.pages.set(source, (this.pages.get(source) ?? 0) + 1);
    let counts = this.lines.get(source);
    if (!counts) this.lines.set(source, (counts = new Map()));
    const seen = new Set<string>();
    for (const text of blockTexts(doc.input)) {
      if (text.length > MAX_FURNITURE_CHARS) continue;
      const key = furnitureKey(text);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }

  /** Each source's learned furniture (sources with none are left out), sorted for stable output. */
  learned(): Map<string, LearnedFurniture> {
    const out = new Map<string, LearnedFurniture>();
    for (const source of [...this.lines.keys()].sort()) {
      const documents = this.pages.get(source)!;
      const lines: Record<string, number> = {};
      const counts = [...this.lines.get(source)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, n] of counts)
        if (n >= MIN_PAGES && n / documents >= MIN_SHARE) lines[key] = n;
      if (Object.keys(lines).length > 0) out.set(source, { source, documents, lines });
    }
    return out;
  }
}
