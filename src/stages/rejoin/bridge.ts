import { isCjk } from '../../text/chars.js';

/**
 * Restorations attested by the dump itself: when the text before a seam ends with X and the text
 * after it starts with Y, and X·M·Y occurs elsewhere in the dump, M is what the break lost
 * (伟大卫|战争 with 伟大卫国战争 elsewhere → 国).
 */
export interface Bridge {
  missing: string;
  count: number;
  /** How often X·Y occurs with nothing between: evidence the seam lost nothing. */
  directCount: number;
}

/** Characters of each side that must match around the missing text. */
const ANCHOR = 2;
/** At most this many characters are restored at one seam. */
const MAX_MISSING = 3;
/**
 * Search this far around the seam: attestations come from the same story or page (±12k covers
 * most of a page dump), and a bounded window keeps the cost linear in the size of big dumps.
 */
const SEARCH_RADIUS = 12_000;

export function findBridge(
  text: string,
  seam: number,
  left: string,
  right: string,
): Bridge | undefined {
  if (left.length < ANCHOR || right.length < ANCHOR) return undefined;
  const x = left.slice(-ANCHOR);
  const y = right.slice(0, ANCHOR);
  // Digits and punctuation recur everywhere (卫星|12 → “卫星将于12”): only Chinese anchors attest.
  if (![...x, ...y].every(isCjk)) return undefined;
  // Search a slice: indexOf on the whole text would run past the window to the end of a big dump.
  const window = text.slice(
    Math.max(0, seam - SEARCH_RADIUS),
    Math.min(text.length, seam + SEARCH_RADIUS),
  );
  const counts = new Map<string, number>();
  let directCount = 0;
  for (let p = window.indexOf(x); p !== -1; p = window.indexOf(x, p + 1)) {
    const after = p + ANCHOR;
    if (window.startsWith(y, after)) directCount++;
    for (let m = 1; m <= MAX_MISSING; m++) {
      if (!window.startsWith(y, after + m)) continue;
      const missing = window.slice(after, after + m);
      if (![...missing].every(isCjk)) continue;
      counts.set(missing, (counts.get(missing) ?? 0) + 1);
    }
  }
  let best: Bridge | undefined;
  for (const [missing, count] of counts) {
    if (!best || count > best.count) best = { missing, count, directCount };
  }
  return best;
}
