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

const SURROGATE = /[\ud800-\udfff]/u;

/**
 * Add the character n-grams of `text` to the multiset `into` (n-gram → count). A text shorter
 * than n is one gram of itself, so a short headline still counts.
 */
export function addNgrams(into: Map<string, number>, text: string, n: number): void {
  const add = (gram: string) => into.set(gram, (into.get(gram) ?? 0) + 1);
  if (!SURROGATE.test(text)) {
    // Fast path: every character is one UTF-16 unit, so slices are characters.
    if (text.length > 0 && text.length < n) add(text);
    for (let i = 0; i + n <= text.length; i++) add(text.slice(i, i + n));
    return;
  }
  const chars = Array.from(text);
  if (chars.length > 0 && chars.length < n) add(text);
  for (let i = 0; i + n <= chars.length; i++) add(chars.slice(i, i + n).join(''));
}

/** Character n-grams as a multiset (Map n-gram → count). */
export function ngrams(text: string, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  addNgrams(counts, text, n);
  return counts;
}

/** Character bigrams as a multiset (Map bigram → count); a one-character text is one unigram. */
export function bigrams(text: string): Map<string, number> {
  return ngrams(text, 2);
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
