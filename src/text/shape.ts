import { endsSentence } from './chars.js';

/**
 * Headlines in Chinese papers run up to about this many characters (joint-statement titles,
 * 中共中央政治局常务委员会召开会议 听取…工作汇报 …); running text that long without a
 * single comma does not occur.
 */
export const MAX_HEADLINE_CHARS = 100;
/** Punctuation that ends or joins sentences inside running text; headlines never carry it. */
const SENTENCE_PUNCTUATION = /[。；！？;]/u;
/** Commas split a headline only into short parallel clauses: 寓教于乐，“动手”又“动脑”. */
const CLAUSE_BREAK = /[，,]/u;
/** A short topic before a colon opens many headlines: 深圳：…, 《劳动新闻》：… (a quote after it is speech). */
const TOPIC_PREFIX = /^[^，,：:]{1,10}[：:](?=[^“"「])/u;
/**
 * Longest clause of a comma-bearing headline. Headlines like 平视世界，自信自强 or
 * 成为光，照亮孩子的梦想 have clauses of 3–8 characters; a piece of running text cut at a
 * column break (活动现场，中俄合拍电影《红丝绸》) has at least one longer clause.
 */
const MAX_HEADLINE_CLAUSE = 10;
/** A one-character clause (1953年，南) is a sentence cut off, not a headline's parallel phrase. */
const MIN_HEADLINE_CLAUSE = 2;
/** …and at most this many clauses. */
const MAX_HEADLINE_CLAUSES = 3;
/**
 * A headline may ask or exclaim (大熊猫是熊还是猫？, AI时代，该怎样看待学习？) when it is this
 * short and holds one sentence; longer lines ending in ？ or ！ are running text.
 */
const MAX_QUESTION_HEADLINE = 24;

/** A line ending in a colon introduces the text after it (联合声明主要包括：); headlines don't. */
const INTRODUCES_WHAT_FOLLOWS = /[:：]$/u;

/** A bracketed column name closing a headline: （“两重”建设扎实推进）, （探一线）. */
const TRAILING_TAG = /[（(][^（）()]{1,20}[）)]$/u;
/** Quoted speech (“…” at the start, or after a colon): a sentence cut from a paragraph. */
const SPEECH = /^[“"「]|[：:][“"「]/u;
/** A closing question or exclamation mark, maybe inside closing quotes. */
const QUESTION_END = /[？！?!][”’」』]?$/u;

function shortParallelClauses(text: string): boolean {
  const clauses = text.split(CLAUSE_BREAK);
  return (
    clauses.length <= MAX_HEADLINE_CLAUSES &&
    clauses.every((c) => c.length >= MIN_HEADLINE_CLAUSE && c.length <= MAX_HEADLINE_CLAUSE)
  );
}

/** A short question or exclamation standing alone as a title. */
function titleQuestion(core: string): boolean {
  // A quoted exclamation is speech cut from a paragraph, not a title.
  if (core.length > MAX_QUESTION_HEADLINE || !QUESTION_END.test(core) || SPEECH.test(core))
    return false;
  const body = core.replace(QUESTION_END, '');
  return (
    !SENTENCE_PUNCTUATION.test(body) && (!CLAUSE_BREAK.test(body) || shortParallelClauses(body))
  );
}

/**
 * Headline-shaped: a short line that does not end a sentence and has no clause punctuation
 * inside, or only commas between short parallel clauses, or a short title question — the
 * shape of kickers, headlines, subheadlines, subheads and related titles. A trailing column
 * tag (…（探一线）) and a leading topic (深圳：) are not part of the shape.
 */
export function isHeadlineShaped(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADLINE_CHARS) return false;
  const core = (text.replace(TRAILING_TAG, '') || text).replace(TOPIC_PREFIX, '');
  if (titleQuestion(core)) return true;
  if (endsSentence(core) || INTRODUCES_WHAT_FOLLOWS.test(core) || SENTENCE_PUNCTUATION.test(core))
    return false;
  return !CLAUSE_BREAK.test(core) || shortParallelClauses(core);
}
