import { endsSentence } from './chars.js';

/** Headlines in Chinese papers run up to about this many characters (long joint-statement titles included). */
export const MAX_HEADLINE_CHARS = 80;
/** Clause punctuation that headlines and subheads (almost) never contain, but running text does. */
const CLAUSE_PUNCTUATION = /[，。；！？,;]/u;

/** A line ending in a colon introduces the text after it (联合声明主要包括：); headlines don't. */
const INTRODUCES_WHAT_FOLLOWS = /[:：]$/u;

/**
 * Headline-shaped: a short line that does not end a sentence and has no clause punctuation
 * inside — the shape of kickers, headlines, subheadlines, subheads and related titles.
 */
export function isHeadlineShaped(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADLINE_CHARS) return false;
  if (endsSentence(text) || INTRODUCES_WHAT_FOLLOWS.test(text)) return false;
  return !CLAUSE_PUNCTUATION.test(text);
}
