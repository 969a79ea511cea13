import { cut, isWord } from '../../lexicon/index.js';
import { lookalikes } from './lookalikes.js';
import { countGrams, gramCount, isCjkUnit, pairKey, tripleText, type CjkGrams } from './grams.js';

function allCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isCjkUnit(s.charCodeAt(i))) return false;
  return true;
}

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

/** The position in a triple where `findVariants` lets forms differ. */
const MIDDLE = 1;

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
export function findVariants(
  texts: readonly string[],
  grams: CjkGrams = countGrams(texts),
): VariantPair[] {
  // Triples grouped by their first and last character: only the middle one may differ. With
  // both neighbours agreeing, a one-character difference is telling; at a triple's edge it is
  // just another word (中国驻 beside 中国人).
  const groups = new Map<number, string[]>();
  for (const key of grams.triples.keysInOrder()) {
    const t = tripleText(key);
    const mask = pairKey(t.charCodeAt(0), t.charCodeAt(2));
    const list = groups.get(mask);
    if (list) list.push(t);
    else groups.set(mask, [t]);
  }
  const found = new Map<string, VariantPair>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const rare of group) {
      const rareCount = gramCount(grams, rare);
      if (rareCount > RARE_MAX || grams.chars[rare.charCodeAt(MIDDLE)] > RARE_MAX) continue;
      if (standsInWord(texts, rare[MIDDLE])) continue;
      for (const frequent of group) {
        const likelyCount = gramCount(grams, frequent);
        if (
          frequent === rare ||
          likelyCount < FREQUENT_MIN ||
          likelyCount < FREQUENCY_RATIO * rareCount
        )
          continue;
        const pair = wordPair(rare, frequent, MIDDLE);
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

/** The swapped form must also read right with the character on the other side, this often. */
const MIN_CONTEXT_SUPPORT = 2;

/** Whether the three characters around a swapped character occur elsewhere in the dump. */
function contextAgrees(text: string, p: number, swap: string, grams: CjkGrams): boolean {
  const from = p - 1;
  const triple = text.slice(from, from + 3);
  if (from < 0 || triple.length < 3 || !allCjk(triple)) return false;
  const swapped = triple.slice(0, p - from) + swap + triple.slice(p - from + 1);
  return gramCount(grams, swapped) >= MIN_CONTEXT_SUPPORT;
}

/**
 * D9 for characters that look alike (日/曰, 代/伐, 市/币): a rare pair of the dump that becomes
 * a frequent pair of the same dump when one character is swapped for its look-alike
 * (曰本 ×1 beside 日本 ×5), and whose wider context agrees (现伐化 → 现代化 also occurs).
 * The look-alike table stands in for the rarity test of `findVariants`, so common characters
 * misread as each other (人/入) are found too.
 */
export function findLookalikeVariants(
  texts: readonly string[],
  grams: CjkGrams = countGrams(texts),
): VariantPair[] {
  const found = new Map<string, VariantPair>();
  const consider = (text: string, p: number, swap: string) => {
    for (const start of [p, p - 1]) {
      const rare = text.slice(start, start + 2);
      if (start < 0 || rare.length < 2 || !allCjk(rare) || isWord(rare)) continue;
      const rareCount = gramCount(grams, rare);
      const likely = rare.slice(0, p - start) + swap + rare.slice(p - start + 1);
      const likelyCount = gramCount(grams, likely);
      if (
        rareCount > RARE_MAX ||
        likelyCount < FREQUENT_MIN ||
        likelyCount < FREQUENCY_RATIO * rareCount
      )
        continue;
      // A misprinted character is rare on the page, or the character on the other side of the
      // pair agrees with the swap too (进人新 → 进入新 occurs elsewhere).
      if (grams.chars[text.charCodeAt(p)] > RARE_MAX && !contextAgrees(text, p, swap, grams))
        continue;
      const known = found.get(rare);
      if (!known || likelyCount > known.likelyCount) {
        found.set(rare, {
          rare,
          likely,
          rareContext: rare,
          likelyContext: likely,
          rareCount,
          likelyCount,
        });
      }
    }
  };
  for (const text of texts) {
    for (let p = 0; p < text.length; p++)
      for (const swap of lookalikes(text[p])) consider(text, p, swap);
  }
  return [...found.values()].sort((a, b) => (a.rare < b.rare ? -1 : a.rare > b.rare ? 1 : 0));
}

/** The characters that differ between the printed and the likely form: 北碛/北碚 → 碛→碚. */
export function misprint(pair: { rare: string; likely: string }): string {
  return [...pair.rare]
    .map((ch, i) => (ch === pair.likely[i] ? '' : `${ch}→${pair.likely[i]}`))
    .join('');
}
