import type { Block } from '../../model/doc.js';
import { countCjk } from '../../text/chars.js';
import type { Draft } from './article.js';
import type { Shape } from './classify.js';

/** Subheads inside an article are short; a heading longer than this starts a new article. */
export const MAX_SUBHEAD_CHARS = 28;
/**
 * Share of the following text's character bigrams already seen in the current article below
 * which a heading is taken for a new article's headline rather than a subhead (topic shift).
 */
export const TOPIC_SHIFT = 0.12;
/**
 * Heading lines this short inside an article are subheads even without shared vocabulary:
 * subheads are short (铭记共同的历史记忆, 点燃消费热情) while headlines of new stories are
 * longer or come with a dateline or byline. Measured on the dev set (docs/eval.md).
 */
export const SHORT_SUBHEAD_CHARS = 16;
const DASH_OPENER = /^[—–-]{1,2}/u;
const DASH_CLOSER = /——$/u;
const NUMBERED =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.])/u;
/** A bracketed column name at the end of a headline, as papers print them. */
const COLUMN_TAG = /[（(][^（）()，。]{2,14}[）)]$/u;

/** Text after a heading compared with the article so far. */
const LOOKAHEAD_CHARS = 300;

function cjkBigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = text.slice(i, i + 2);
    if (countCjk(gram) === 2) grams.add(gram);
  }
  return grams;
}

/** Share of the bigrams of `text` that also occur in `context`. */
export function overlap(text: string, context: string): number {
  const grams = cjkBigrams(text);
  if (grams.size === 0) return 0;
  const seen = cjkBigrams(context);
  let shared = 0;
  for (const g of grams) if (seen.has(g)) shared++;
  return shared / grams.size;
}

/**
 * Heading lines inside an article: its subheads, or the headline group of the next article?
 * A dateline or byline after them, a long line, or short lines with a change of topic say
 * "new article"; short lines that share the article's vocabulary are subheads.
 */
export function startsNewArticle(
  group: Block[],
  nextShape: Shape | undefined,
  following: string,
  draft: Draft,
): boolean {
  if (nextShape === 'dateline' || nextShape === 'byline') return true;
  // A line opening with a dash (——记…, ——习近平…) hangs on what precedes it; numbered
  // lines (（一）…, 二、…) are sections of the article.
  if (DASH_OPENER.test(group[0].text) || NUMBERED.test(group[0].text)) return false;
  // Inside an article, a line ending in a dash introduces a section (河南信阳——).
  if (group.length > 1 && DASH_CLOSER.test(group[0].text)) return false;
  // Column tags close headlines of new pieces: …（探一线）, …（博古知今）.
  if (group.some((h) => COLUMN_TAG.test(h.text))) return true;
  if (group.some((h) => h.text.length > MAX_SUBHEAD_CHARS)) return true;
  const text = group.map((h) => h.text).join('') + following.slice(0, LOOKAHEAD_CHARS);
  if (overlap(text, draft.text) >= TOPIC_SHIFT) return false;
  return group.some((h) => h.text.length > SHORT_SUBHEAD_CHARS);
}

export interface HeadingRoles {
  kicker?: Block;
  headline: Block;
  subheadline?: Block;
}

/** Kicker (引题), headline and subheadline (副题) of a group of 1–3 stacked heading lines. */
export function assignHeadings(group: Block[]): HeadingRoles {
  if (group.length === 1) return { headline: group[0] };
  if (group.length >= 3) return { kicker: group[0], headline: group[1], subheadline: group[2] };
  const [first, second] = group;
  if (/^[—–-]{1,2}/u.test(second.text)) return { headline: first, subheadline: second };
  if (/——$/u.test(first.text) || first.text.length < second.text.length)
    return { kicker: first, headline: second };
  return { headline: first, subheadline: second };
}
