import {
  CLAUSE,
  PARAGRAPH,
  SENTENCE_END,
  lmSymbols,
  logProb,
  type GramCounts,
} from '../../lexicon/char-lm.js';
import { startsMidSentence, startsSentence } from '../../text/opening.js';
import { openingGain } from '../../text/sentence-lm.js';
import type { SeamView } from './decide.js';

/** Symbols of context read on each side of a break. */
const SIDE = 3;

/** What the language model says about one break. */
export interface SeamScores {
  /**
   * How much likelier the two symbols after the break are after the two before it than on
   * their own (log ratio): high across a clean break, low where text was lost between.
   */
  joinGain: number;
  /** The same for after a full stop: high when the next block opens a sentence. */
  startGain: number;
  /** log P(a full stop or paragraph end | the last two symbols): the cut block could end here. */
  endLogProb: number;
}

/** The last symbols before a break. */
function leftOf(before: string): string {
  return lmSymbols(before.slice(-2 * SIDE)).slice(-SIDE);
}

/** `SeamScores.joinGain` alone (the loss share of a dump needs no other score). */
export function joinGain(lm: GramCounts, before: string, after: string): number {
  const left = leftOf(before);
  const right = lmSymbols(after.slice(0, 2 * SIDE)).slice(0, SIDE);
  const y = right[0] ?? PARAGRAPH;
  const z = right[1] ?? PARAGRAPH;
  const alone = logProb(lm, '', y) + logProb(lm, y, z);
  const joined = logProb(lm, left, y) + logProb(lm, left.slice(-1) + y, z);
  return joined - alone;
}

export function seamScores(lm: GramCounts, before: string, after: string): SeamScores {
  const left = leftOf(before);
  const end = Math.exp(logProb(lm, left, SENTENCE_END)) + Math.exp(logProb(lm, left, PARAGRAPH));
  return {
    joinGain: joinGain(lm, before, after),
    startGain: openingGain(lm, after),
    endLogProb: Math.log(end + 1e-9),
  };
}

/**
 * Bins of each score (log units), so that a linear model can weigh ranges differently: a gain
 * near zero is ambiguous; below −2 loss is likelier, but rare clean joins score there too.
 */
const JOIN_BINS = [-4, -2, -1, 0, 1, 2, 3, 4, 6];
const START_BINS = [-3, -1, 0, 1, 2, 3];
const END_BINS = [-8, -6, -5, -4, -3, -2, -1];
/** Bins of the share of a dump's breaks whose join gain is low (its loss rate, roughly). */
const LOSS_SHARE_BINS = [0.1, 0.2, 0.3, 0.4, 0.5];
/** Bins of the lengths of the two blocks (characters). */
const LENGTH_BINS = [10, 20, 40, 80, 160];

function bin(name: string, value: number, cuts: readonly number[]): string {
  let i = 0;
  while (i < cuts.length && value > cuts[i]) i++;
  return `${name}:${i}`;
}

/** The class of a symbol for the features: a CJK character is `c`, a mark stands for itself. */
function symbolClass(symbol: string | undefined): string {
  if (symbol === undefined) return PARAGRAPH;
  return symbol === SENTENCE_END ||
    symbol === CLAUSE ||
    symbol.length !== 1 ||
    !/\p{Script=Han}/u.test(symbol)
    ? symbol
    : 'c';
}

/** A join gain below this counts a break as lossy in the dump's loss share. */
export const LOW_JOIN_GAIN = 1;

/**
 * The features of one break: the language model's scores in bins, the lacuna detectors' and
 * the hand rules' evidence, the shapes at the seam, and the dump's loss share (what share of
 * all its breaks look lossy: an OCR dump loses text at many breaks, a typeset one at few).
 */
export function junctionFeatures(seam: SeamView, scores: SeamScores, lossShare: number): string[] {
  const { cut, next, evidence, found } = seam;
  const join = bin('gain', scores.joinGain, JOIN_BINS);
  const end = bin('end', scores.endLogProb, END_BINS);
  const share = bin('loss', lossShare, LOSS_SHARE_BINS);
  const opens = startsSentence(next.text);
  const left = lmSymbols(cut.text.slice(-2));
  const right = lmSymbols(next.text.slice(0, 2));
  return [
    'bias',
    join,
    bin('start', scores.startGain, START_BINS),
    end,
    `opens:${opens}`,
    `mid:${startsMidSentence(next.text)}`,
    `how:${seam.how}`,
    `stop:${seam.stop ?? 'none'}`,
    `stop:${seam.stop !== undefined}*${end}`,
    `found:${found?.kind ?? 'none'}`,
    `word:${evidence.crossingWord !== undefined}`,
    `orphan:${evidence.orphan ? evidence.orphanSide : 'none'}`,
    `x:${symbolClass(left[left.length - 1])}`,
    `y:${symbolClass(right[0])}`,
    bin('cutLen', cut.text.length, LENGTH_BINS),
    bin('nextLen', next.text.length, LENGTH_BINS),
    `${join}*${end}`,
    `opens:${opens}*${join}`,
    share,
    `${share}*${join}`,
  ];
}
