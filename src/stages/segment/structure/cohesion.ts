import type { Unit } from '../units.js';

/**
 * Lexical cohesion at each unit, TextTiling-style: the share of the CJK character pairs of the
 * text from the unit on (`after` characters) that the text right before it (`before`
 * characters) already holds. A new story changes the topic; a subhead does not. -1 where there
 * is nothing before or no pair after.
 *
 * The page is read once: the pairs of the window before slide along with the units, counted,
 * so the cost is linear in the page, not in units × window.
 */
export function cohesionByUnit(units: readonly Unit[], before: number, after: number): number[] {
  const all = units.map((u) => u.block.text).join('');
  const pairs = pairCodes(all);
  const inWindow = new Map<number, number>();
  const move = (p: number, by: 1 | -1) => {
    const g = pairs[p];
    if (g < 0) return;
    const n = (inWindow.get(g) ?? 0) + by;
    if (n === 0) inWindow.delete(g);
    else inWindow.set(g, n);
  };
  let lo = 0;
  let hi = 0;
  let start = 0;
  return units.map((unit) => {
    // The window is all[max(0, start − before), start): its pairs sit at positions [from, start − 1).
    const from = Math.max(0, start - before);
    for (; lo < from; lo++) if (lo < hi) move(lo, -1);
    hi = Math.max(hi, lo);
    for (; hi < start - 1; hi++) move(hi, 1);
    const end = Math.min(all.length, start + after);
    const value = start === 0 ? -1 : shareSeen(pairs, start, end, inWindow);
    start += unit.block.text.length;
    return value;
  });
}

/** The pair starting at each position as one number, or -1 where it is not two CJK characters. */
function pairCodes(text: string): Float64Array {
  const codes = new Float64Array(text.length);
  for (let p = 0; p < text.length; p++) {
    const a = text.charCodeAt(p);
    const b = p + 1 < text.length ? text.charCodeAt(p + 1) : 0;
    codes[p] = isCjkUnit(a) && isCjkUnit(b) ? a * 0x10000 + b : -1;
  }
  return codes;
}

/** Share of the distinct pairs in text[from, to) that the window holds; -1 if there are none. */
function shareSeen(
  pairs: Float64Array,
  from: number,
  to: number,
  seen: Map<number, number>,
): number {
  const grams = new Set<number>();
  for (let p = from; p + 1 < to; p++) if (pairs[p] !== -1) grams.add(pairs[p]);
  if (grams.size === 0) return -1;
  let shared = 0;
  for (const g of grams) if (seen.has(g)) shared++;
  return shared / grams.size;
}

/** A UTF-16 unit in the CJK Unified Ideographs blocks (basic and extension A). */
function isCjkUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}
