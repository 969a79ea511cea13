import { endsSentence } from './chars.js';

/** Headlines in Chinese papers run up to about this many characters (long joint-statement titles included). */
export const MAX_HEADLINE_CHARS = 80;
/** Punctuation that ends or joins sentences inside running text; headlines never carry it. */
const SENTENCE_PUNCTUATION = /[。；！？;]/u;
/** Commas split a headline only into short parallel clauses: 寓教于乐，“动手”又“动脑”. */
const CLAUSE_COMMA = /[，,]/u;
/**
 * Longest clause of a comma-bearing headline. Headlines like 平视世界，自信自强 or
 * 成为光，照亮孩子的梦想 have clauses of 3–8 characters; a piece of running text cut at a
 * column break (活动现场，中俄合拍电影《红丝绸》) has at least one longer clause.
 */
const MAX_HEADLINE_CLAUSE = 10;
/** …and at most this many clauses. */
const MAX_HEADLINE_CLAUSES = 3;

/** A line ending in a colon introduces the text after it (联合声明主要包括：); headlines don't. */
const INTRODUCES_WHAT_FOLLOWS = /[:：]$/u;

/** A bracketed column name closing a headline: （“两重”建设扎实推进）, （探一线）. */
const TRAILING_TAG = /[（(][^（）()]{1,20}[）)]$/u;

function shortParallelClauses(text: string): boolean {
  const clauses = text.replace(TRAILING_TAG, '').split(CLAUSE_COMMA);
  return (
    clauses.length <= MAX_HEADLINE_CLAUSES &&
    clauses.every((c) => c.length > 0 && c.length <= MAX_HEADLINE_CLAUSE)
  );
}

/**
 * Headline-shaped: a short line that does not end a sentence and has no clause punctuation
 * inside, or only commas between short parallel clauses — the shape of kickers, headlines,
 * subheadlines, subheads and related titles.
 */
export function isHeadlineShaped(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADLINE_CHARS) return false;
  if (endsSentence(text) || INTRODUCES_WHAT_FOLLOWS.test(text) || SENTENCE_PUNCTUATION.test(text))
    return false;
  return !CLAUSE_COMMA.test(text) || shortParallelClauses(text);
}
