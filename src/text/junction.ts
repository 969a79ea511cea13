import { isWord, tag, wordFrequency } from '../lexicon/index.js';
import { expectedPairCount, pairCount, pairSeen } from '../lexicon/pairs.js';
import { isCjk } from './chars.js';

/**
 * Evidence about the seam between the end of one block and the start of the next: does a
 * word run across it (clean join), or does a character stand orphaned at it (text lost)?
 */
export interface JunctionEvidence {
  /** A dictionary word that spans the seam, e.g. 观|念 → 观念. */
  crossingWord?: string;
  /** A single character left at the seam that is rarely a word on its own (伟大卫|战争 → 卫). */
  orphan?: string;
  /** Whether the orphan ends the text before the seam or starts the text after it. */
  orphanSide?: 'before' | 'after';
  /** Two common characters meeting at the seam that (almost) never stand side by side in running text. */
  unseenPair?: string;
  /** For `unseenPair`: how often the pair occurs in the reference corpus, and how often chance predicts. */
  pairCount?: number;
  pairExpected?: number;
}

/** Longest piece of either side looked at for a crossing word. */
const MAX_CROSS_SIDE = 3;
/** Characters of context on each side given to the segmenter. */
const WINDOW = 8;
/**
 * A character seen fewer times than this as a standalone word in jieba's corpus is rarely used
 * alone (卫 1650, 观 4368) — left alone at a seam it was probably cut from its word. Function
 * characters that stand alone all the time (和 555815, 的, 在) are far above it.
 */
const ORPHAN_MAX_FREQUENCY = 5000;

/** A dictionary word that spans the seam between `left` and `right`, if any. */
export function findCrossingWord(left: string, right: string): string | undefined {
  for (let k = Math.min(MAX_CROSS_SIDE, left.length); k >= 1; k--) {
    for (let m = Math.min(MAX_CROSS_SIDE, right.length); m >= 1; m--) {
      const word = left.slice(-k) + right.slice(0, m);
      if ([...word].every(isCjk) && isWord(word)) return word;
    }
  }
  return undefined;
}

/**
 * A pair never seen in the reference corpus is only telling when it would be expected there:
 * with this expected count or more, an unseen pair of common characters flags about 38% of
 * lost-text seams and under 6% of clean seams (measured on the dev set's gold).
 */
const MIN_EXPECTED_PAIR = 0.2;

/**
 * A seen pair counts as rare when it occurs less than this share of what independence of its
 * characters predicts, and independence predicts at least MIN_EXPECTED_RARE occurrences.
 * With both, lacuna recall rose 0.43→0.47 at unchanged precision on the dev set.
 */
const MAX_OBSERVED_SHARE = 0.2;
const MIN_EXPECTED_RARE = 1;

type PairEvidence = Pick<JunctionEvidence, 'unseenPair' | 'pairCount' | 'pairExpected'>;

function unseenPairAt(left: string, right: string): PairEvidence {
  const x = left[left.length - 1];
  const y = right[0];
  if (!x || !y || !isCjk(x) || !isCjk(y)) return {};
  const expected = expectedPairCount(x, y);
  const found = { unseenPair: x + y, pairExpected: expected };
  if (!pairSeen(x, y)) return expected >= MIN_EXPECTED_PAIR ? { ...found, pairCount: 0 } : {};
  // Seen, but far rarer than two such common characters would meet by chance.
  const count = pairCount(x, y);
  const rare = expected >= MIN_EXPECTED_RARE && count < MAX_OBSERVED_SHARE * expected;
  return rare ? { ...found, pairCount: count } : {};
}

function isOrphan(token: string): boolean {
  return token.length === 1 && isCjk(token) && wordFrequency(token) < ORPHAN_MAX_FREQUENCY;
}

export function examineJunction(left: string, right: string): JunctionEvidence {
  const crossingWord = findCrossingWord(left, right);
  if (crossingWord) return { crossingWord };
  const l = left.slice(-WINDOW);
  const r = right.slice(0, WINDOW);
  const tokens = tag(l + r).map((t) => t.word);
  let offset = 0;
  let before: string | undefined;
  let after: string | undefined;
  for (const token of tokens) {
    if (offset + token.length === l.length) before = token;
    if (offset === l.length) after = token;
    offset += token.length;
  }
  const pair = unseenPairAt(left, right);
  const orphanSide =
    before && isOrphan(before) ? 'before' : after && isOrphan(after) ? 'after' : undefined;
  const orphan = orphanSide === 'before' ? before : orphanSide === 'after' ? after : undefined;
  return { ...(orphan ? { orphan, orphanSide } : {}), ...pair };
}
