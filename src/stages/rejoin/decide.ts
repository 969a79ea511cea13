import type { Block, Doc } from '../../model/doc.js';
import { startsSentence } from '../../text/opening.js';
import type { JunctionEvidence } from '../../text/junction.js';
import type { Found } from './lacuna.js';
import type { CutKind, Stopper } from './rules.js';

/**
 * What becomes of a seam the hard rules leave open: the two blocks join as one sentence
 * (`join`), join across text lost at the break (`lacuna`), the first block's tail was lost and
 * the next block opens a paragraph of its own (`tail`), or the first block's paragraph simply
 * ends there without its full stop (`end`: a list item, a line of verse, a quote's last line).
 */
export type JunctionCall = 'join' | 'lacuna' | 'tail' | 'end';

/** A seam as the decider sees it: the cut block, the block after it and the evidence at the break. */
export interface SeamView {
  doc: Doc;
  cut: Block;
  next: Block;
  how: CutKind;
  evidence: JunctionEvidence;
  /** The lacuna the detectors found at the seam (never a restoration: that one is hard). */
  found: Found | undefined;
  /**
   * What keeps `next` from carrying on the sentence, if anything: then the blocks never join,
   * and the call is only whether the cut block's tail was lost (`tail`) or not (`end`).
   */
  stop?: Stopper;
}

/** A decision, with the probability the deciding model gave it when one decided. */
export interface JunctionDecision {
  call: JunctionCall;
  probability?: number;
  /** The features that weighed most for the call, for the ledger. */
  because?: string[];
}

/** Decides the seams of one dump; made per dump, so that it may read the whole dump first. */
export type JunctionDecider = (
  doc: Doc,
  live: readonly Block[],
) => (seam: SeamView) => JunctionDecision;

/**
 * The hand rules: a paragraph stopping mid-sentence before a block that cannot continue it
 * lost its tail. What follows opens a sentence of its own (a name, a place, a date, 据…, a
 * quote) and no word ties it to the cut block → the break took the rest of the paragraph;
 * otherwise a join, across a lacuna when a detector found one.
 */
export function rulesDecide(seam: SeamView): JunctionDecision {
  if (seam.stop) return { call: 'tail' };
  if (!seam.evidence.crossingWord && startsSentence(seam.next.text)) return { call: 'tail' };
  return { call: seam.found ? 'lacuna' : 'join' };
}

/** The hand rules as a decider. */
export const rulesDecider: JunctionDecider = () => rulesDecide;
