import {
  SENTENCE_END,
  PARAGRAPH,
  logProb,
  lmSymbols,
  shippedLm,
  type GramCounts,
} from '../lexicon/char-lm.js';

/**
 * How much likelier (log ratio) the first two symbols of a text must be after a full stop than
 * on their own to read as a sentence opener whatever their part of speech: 比如，例如，经查，
 * score 1.5 or more, the heads of broken sentences (的红毯…, 们对…, 宣布，美国…) below −1
 * (test/lexicon/char-lm.test.ts checks both).
 */
const OPENER_GAIN = 1;

/**
 * How much likelier (log ratio) the first two symbols of `text` are after a full stop than on
 * their own: high for a sentence's opening, low for the head of a broken sentence.
 */
export function openingGain(lm: GramCounts, text: string): number {
  const [y = PARAGRAPH, z = PARAGRAPH] = lmSymbols(text.slice(0, 4));
  const opened = logProb(lm, SENTENCE_END, y) + logProb(lm, SENTENCE_END + y, z);
  const alone = logProb(lm, '', y) + logProb(lm, y, z);
  return opened - alone;
}

/**
 * Whether the character language model reads `text` as opening a sentence: the check that
 * keeps a verb before a comma (比如，经查，) from counting as the tail of a lost sentence.
 * False when no model ships.
 */
export function opensLikeSentence(text: string): boolean {
  const lm = shippedLm();
  if (!lm) return false;
  return lmSymbols(text.slice(0, 4)).length >= 2 && openingGain(lm, text) >= OPENER_GAIN;
}
