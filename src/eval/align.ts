/**
 * Map a position in predicted text to the same place in gold text by its context: the text just
 * before it (or just after it) is found in the gold text, nearest to where it is expected.
 * This aligns paragraph breaks and lacunae without a full diff.
 */

/** Context first tried on each side of a position; long enough to be unique in an article. */
const CONTEXT = 8;
/** Shorter context tried when the long one is not found (damage near the position). */
const SHORT_CONTEXT = 4;
/** Shortest context we trust at all: a single character matches almost anywhere. */
const MIN_CONTEXT = 2;

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1))
    found.push(i);
  return found;
}

function candidates(gold: string, pred: string, pos: number, k: number): number[] {
  const left = pred.slice(Math.max(0, pos - k), pos);
  const right = pred.slice(pos, pos + k);
  const fromLeft =
    left.length >= MIN_CONTEXT ? occurrences(gold, left).map((i) => i + left.length) : [];
  const fromRight = right.length >= MIN_CONTEXT ? occurrences(gold, right) : [];
  const both = fromLeft.filter((c) => fromRight.includes(c));
  if (both.length > 0) return both;
  return [...fromLeft, ...fromRight];
}

/** Where `pos` of `pred` lies in `gold`, or undefined when its context is nowhere in `gold`. */
export function locate(gold: string, pred: string, pos: number): number | undefined {
  const expected = pred.length === 0 ? 0 : (pos / pred.length) * gold.length;
  for (const k of [CONTEXT, SHORT_CONTEXT]) {
    const found = candidates(gold, pred, pos, k);
    if (found.length === 0) continue;
    return found.reduce((best, c) =>
      Math.abs(c - expected) < Math.abs(best - expected) ? c : best,
    );
  }
  return undefined;
}

/**
 * Pair predicted positions (already in gold coordinates; undefined = unplaceable) with gold
 * positions one-to-one, closest first, within `tolerance` characters. Returns the number paired.
 */
export function pairPositions(
  gold: readonly number[],
  pred: readonly (number | undefined)[],
  tolerance: number,
): number {
  const pairs: { d: number; g: number; p: number }[] = [];
  pred.forEach((pp, p) => {
    if (pp === undefined) return;
    gold.forEach((gg, g) => {
      const d = Math.abs(gg - pp);
      if (d <= tolerance) pairs.push({ d, g, p });
    });
  });
  pairs.sort((a, b) => a.d - b.d || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  let n = 0;
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    n++;
  }
  return n;
}
