/**
 * How often each CJK character, pair and triple occurs in a dump's article texts: counted
 * once, shared by both variant finders, keyed by numbers built from UTF-16 code units rather
 * than by strings (counting every gram of a dump in string-keyed maps was the stage's cost).
 * Only characters of the BMP's CJK blocks count: the forms the finders compare.
 */
import { NumberCounts } from '../../lexicon/hash-table.js';

/** Whether a UTF-16 code unit is a CJK ideograph of the BMP (unified or extension A). */
export function isCjkUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

export const pairKey = (a: number, b: number) => a * 0x10000 + b;
/** Exact in a double: 48 bits. */
export const tripleKey = (a: number, b: number, c: number) => (a * 0x10000 + b) * 0x10000 + c;

/** The three code units of a triple key, as a string. */
export function tripleText(key: number): string {
  const c = key % 0x10000;
  const ab = (key - c) / 0x10000;
  const b = ab % 0x10000;
  return String.fromCharCode((ab - b) / 0x10000, b, c);
}

export interface CjkGrams {
  chars: Uint32Array;
  /** Counts by key, listing keys in the order each gram first occurs (the finders' order). */
  pairs: NumberCounts;
  triples: NumberCounts;
}

export function countGrams(texts: readonly string[]): CjkGrams {
  const length = texts.reduce((n, t) => n + t.length, 0);
  const grams: CjkGrams = {
    chars: new Uint32Array(0x10000),
    pairs: new NumberCounts(length),
    triples: new NumberCounts(length),
  };
  for (const text of texts) {
    // The code units before this one, when CJK (-1 when not).
    let before = -1;
    let twoBefore = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isCjkUnit(c)) {
        before = twoBefore = -1;
        continue;
      }
      grams.chars[c]++;
      if (before >= 0) {
        grams.pairs.add(pairKey(before, c));
        if (twoBefore >= 0) grams.triples.add(tripleKey(twoBefore, before, c));
      }
      twoBefore = before;
      before = c;
    }
  }
  return grams;
}

/** How often the two- or three-character CJK form `s` occurs (0 for anything else). */
export function gramCount(grams: CjkGrams, s: string): number {
  if (s.length === 2) return grams.pairs.get(pairKey(s.charCodeAt(0), s.charCodeAt(1)));
  if (s.length === 3)
    return grams.triples.get(tripleKey(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2)));
  return 0;
}
