import { cut, isWord } from '../../lexicon/index.js';
import { isCjk } from '../../text/chars.js';

/** A rare form occurs at most this often… */
const RARE_MAX = 2;
/** …while its one-character neighbour occurs at least this often… */
const FREQUENT_MIN = 3;
/** …and this many times more often: a misprint is a rare echo of a common form. */
const FREQUENCY_RATIO = 3;

export interface VariantPair {
  rare: string;
  likely: string;
  /** The trigrams compared, and how often each occurs. */
  rareContext: string;
  likelyContext: string;
  rareCount: number;
  likelyCount: number;
}

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The two-character window around position `i` of a trigram that forms a word in `frequent`. */
function wordPair(
  rare: string,
  frequent: string,
  i: number,
): { rare: string; likely: string } | undefined {
  for (const [a, b] of [
    [i - 1, i + 1],
    [i, i + 2],
  ]) {
    if (a < 0 || b > 3) continue;
    const likely = frequent.slice(a, b);
    const form = rare.slice(a, b);
    if (isWord(likely) && !isWord(form)) return { rare: form, likely };
  }
  return undefined;
}

/** Whether the character at `p` makes a dictionary word with the characters around it. */
function inWordAt(text: string, p: number): boolean {
  for (let from = p - 2; from <= p; from++) {
    for (let to = p + 1; to <= p + 3; to++) {
      if (from < 0 || to > text.length || to - from < 2 || to - from > 3) continue;
      if (isWord(text.slice(from, to))) return true;
    }
  }
  return false;
}

/** A rare character that makes a word where it stands is no misprint (元 in 两国元首). */
function standsInWord(texts: readonly string[], ch: string): boolean {
  return texts.some((text) => {
    for (let p = text.indexOf(ch); p !== -1; p = text.indexOf(ch, p + 1))
      if (inWordAt(text, p)) return true;
    return false;
  });
}

/** Context on each side of a form given to the segmenter. */
const CONTEXT = 4;

/** Whether the segmenter reads `form` inside one word where it first occurs (北碚 in 北碚区, not 国人 in 中国人民). */
function readsAsWord(texts: readonly string[], form: string): boolean {
  for (const text of texts) {
    const p = text.indexOf(form);
    if (p === -1) continue;
    const from = Math.max(0, p - CONTEXT);
    let offset = from;
    for (const token of cut(text.slice(from, p + form.length + CONTEXT))) {
      const end = offset + token.length;
      if (offset <= p && end >= p + form.length) return true;
      if (end > p) return false;
      offset = end;
    }
    return false;
  }
  return false;
}

/**
 * D9: forms one character away from a frequent form of the same dump, where the odd character
 * is itself rare in the dump and makes no word with its neighbours (北碛 ×1 beside 北碚 ×8).
 * Works on CJK trigrams: each trigram is grouped with the others that differ at one position.
 */
export function findVariants(texts: readonly string[]): VariantPair[] {
  const chars = new Map<string, number>();
  const trigrams = new Map<string, number>();
  for (const text of texts) {
    for (const ch of text) count(chars, ch);
    for (let i = 0; i + 3 <= text.length; i++) {
      const t = text.slice(i, i + 3);
      if (isCjk(t[0]) && isCjk(t[1]) && isCjk(t[2])) count(trigrams, t);
    }
  }
  const masks = new Map<string, string[]>();
  for (const t of trigrams.keys()) {
    for (let i = 0; i < 3; i++) {
      const mask = `${t.slice(0, i)}*${t.slice(i + 1)}${i}`;
      const list = masks.get(mask);
      if (list) list.push(t);
      else masks.set(mask, [t]);
    }
  }
  const found = new Map<string, VariantPair>();
  for (const [mask, group] of masks) {
    if (group.length < 2) continue;
    const i = Number(mask[mask.length - 1]);
    for (const rare of group) {
      const rareCount = trigrams.get(rare)!;
      if (rareCount > RARE_MAX || (chars.get(rare[i]) ?? 0) > RARE_MAX) continue;
      if (standsInWord(texts, rare[i])) continue;
      for (const frequent of group) {
        const likelyCount = trigrams.get(frequent)!;
        if (
          frequent === rare ||
          likelyCount < FREQUENT_MIN ||
          likelyCount < FREQUENCY_RATIO * rareCount
        )
          continue;
        const pair = wordPair(rare, frequent, i);
        if (pair && !found.has(pair.rare) && readsAsWord(texts, pair.likely))
          found.set(pair.rare, {
            ...pair,
            rareContext: rare,
            likelyContext: frequent,
            rareCount,
            likelyCount,
          });
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.rare < b.rare ? -1 : a.rare > b.rare ? 1 : 0));
}
