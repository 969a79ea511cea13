import { GRAM } from './grams.js';

/** Where a shorter text `b` sits inside a longer text `a`: b[bStart,bEnd) = a[aStart,aEnd). */
export interface Alignment {
  bStart: number;
  bEnd: number;
  aStart: number;
  aEnd: number;
}

/**
 * Seed-and-extend: the gram at `b[bAt]` is looked up in `a`, then the match grows left and right
 * for as long as the characters agree. Returns the longest alignment over the seed's occurrences.
 */
export function alignAt(a: string, b: string, bAt: number): Alignment | undefined {
  const gram = b.slice(bAt, bAt + GRAM);
  let best: Alignment | undefined;
  for (let p = a.indexOf(gram); p !== -1; p = a.indexOf(gram, p + 1)) {
    let left = 0;
    while (bAt - left > 0 && p - left > 0 && b[bAt - left - 1] === a[p - left - 1]) left++;
    let right = GRAM;
    while (bAt + right < b.length && p + right < a.length && b[bAt + right] === a[p + right])
      right++;
    const candidate = { bStart: bAt - left, bEnd: bAt + right, aStart: p - left, aEnd: p + right };
    if (!best || candidate.bEnd - candidate.bStart > best.bEnd - best.bStart) best = candidate;
  }
  return best;
}
