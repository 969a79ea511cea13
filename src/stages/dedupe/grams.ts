/**
 * A sparse index of character n-grams for finding blocks that share long runs of text.
 * Only grams whose hash falls in a fixed residue class are kept, so the same gram is kept
 * wherever it occurs (both copies of a repeated text share sampled grams) while the index
 * holds a fraction of all positions.
 */
export const GRAM = 8;
/** Keep one gram in SAMPLE_EVERY (by hash): a repeat of ≥ ~3×this chars is found with near certainty. */
const SAMPLE_EVERY = 4;
/** A gram seen in more blocks than this is too common to be evidence (boilerplate phrases). */
const MAX_POSTINGS = 16;

export function gramHash(text: string, at: number): number {
  let h = 2166136261;
  for (let i = at; i < at + GRAM; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function isSampled(hash: number): boolean {
  return hash % SAMPLE_EVERY === 0;
}

export class GramIndex {
  private readonly postings = new Map<number, number[]>();

  add(text: string, id: number): void {
    for (let i = 0; i + GRAM <= text.length; i++) {
      const h = gramHash(text, i);
      if (!isSampled(h)) continue;
      let list = this.postings.get(h);
      if (!list) this.postings.set(h, (list = []));
      if (list.length <= MAX_POSTINGS && list[list.length - 1] !== id) list.push(id);
    }
  }

  /** Ids of indexed texts sharing a sampled gram with `text`, with the gram offsets in `text`. */
  candidates(text: string): Map<number, number[]> {
    const found = new Map<number, number[]>();
    for (let i = 0; i + GRAM <= text.length; i++) {
      const h = gramHash(text, i);
      if (!isSampled(h)) continue;
      const list = this.postings.get(h);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const id of list) {
        const offsets = found.get(id) ?? [];
        if (offsets.length === 0) found.set(id, offsets);
        offsets.push(i);
      }
    }
    return found;
  }
}
