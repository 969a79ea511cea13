/**
 * Text helpers for scoring. Chinese has no spaces, so everything is measured in characters of a
 * normalized form: NFKC (full-width ASCII → ASCII, compatibility forms folded) with all
 * whitespace removed, as the gold format asks.
 */

const WHITESPACE = /[\s\u3000\ufeff]+/gu;

/** NFKC with every whitespace character removed: the form all comparisons use. */
export function norm(text: string | undefined): string {
  if (!text) return '';
  return text.normalize('NFKC').replace(WHITESPACE, '');
}

/** Length of `norm(text.slice(0, at))`: maps a raw offset into normalized coordinates. */
export function normOffset(text: string, at: number): number {
  return norm(text.slice(0, Math.max(0, Math.min(at, text.length)))).length;
}

/**
 * Character n-grams as a multiset (Map n-gram → count). A text shorter than n is one gram of
 * itself, so a short headline still counts.
 */
export function ngrams(text: string, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  if (chars.length > 0 && chars.length < n) counts.set(chars.join(''), 1);
  for (let i = 0; i + n <= chars.length; i++) {
    let gram = chars[i];
    for (let k = 1; k < n; k++) gram += chars[i + k];
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Character bigrams as a multiset (Map bigram → count); a one-character text is one unigram. */
export function bigrams(text: string): Map<string, number> {
  return ngrams(text, 2);
}

/** Add the counts of `more` into `into` (multiset sum). */
export function addGrams(into: Map<string, number>, more: Map<string, number>): void {
  for (const [gram, count] of more) into.set(gram, (into.get(gram) ?? 0) + count);
}

export function total(counts: Map<string, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** Size of the multiset intersection: how many n-grams the two texts share, copies counted. */
export function overlap(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const [gram, count] of small) n += Math.min(count, large.get(gram) ?? 0);
  return n;
}

/** Dice coefficient of two bigram multisets (0 when both are empty). */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  const size = total(a) + total(b);
  return size === 0 ? 0 : (2 * overlap(a, b)) / size;
}

/** Precision, recall and F1 from counts; a side with nothing to measure is undefined. */
export function prf(
  hit: number,
  predicted: number,
  expected: number,
): { p?: number; r?: number; f1?: number } {
  const p = predicted === 0 ? undefined : hit / predicted;
  const r = expected === 0 ? undefined : hit / expected;
  if (p === undefined && r === undefined) return {};
  // Only one side present: everything predicted was wrong, or everything expected was missed.
  if (p === undefined || r === undefined) return { p, r, f1: 0 };
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}
