import type { Block } from '../../model/doc.js';
import { countCjk } from '../../text/chars.js';
import type { Draft } from './article.js';
import type { Shape } from '../../text/classify.js';
import {
  COLUMN_TAG,
  DASH_CLOSER,
  DASH_OPENER,
  NUMBERED,
  SECTION_LABEL,
} from '../../text/heading-marks.js';

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

/** A feature opening with a photo spread has at least this many captions… */
const MIN_SPREAD_CAPTIONS = 4;
/** …and at most this much running text (an intro) before its first section. */
const MAX_SPREAD_INTRO_PARAGRAPHS = 2;

/**
 * A feature page: an umbrella headline over a photo spread and a short intro, then sections
 * that each carry a heading and their reporter's byline. Those sections belong to the feature.
 */
export function isFeatureSpread(draft: Draft): boolean {
  const { body, byline, dateline } = draft.article;
  if (byline !== undefined || dateline !== undefined) return false;
  const captions = body.filter((b) => b.kind === 'caption').length;
  const paragraphs = body.filter((b) => b.kind === 'paragraph').length;
  return captions >= MIN_SPREAD_CAPTIONS && paragraphs <= MAX_SPREAD_INTRO_PARAGRAPHS;
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
  if (nextShape === 'dateline') return true;
  if (nextShape === 'byline') return !draft.feature;
  // A line opening with a dash (——记…, ——习近平…) hangs on what precedes it; numbered
  // lines (（一）…, 二、…) are sections of the article.
  if (DASH_OPENER.test(group[0].text) || NUMBERED.test(group[0].text)) return false;
  // Boxes inside a story are labelled: 点评, 链接, 背景, 延伸阅读…
  if (group.some((h) => SECTION_LABEL.test(h.text))) return false;
  // Inside an article, a line ending in a dash introduces a section (河南信阳——).
  if (group.length > 1 && DASH_CLOSER.test(group[0].text)) return false;
  // Column tags close headlines of new pieces: …（探一线）, …（博古知今）. On a page that tags
  // its headlines, a heading without a tag under a tagged headline is a subhead.
  if (group.some((h) => COLUMN_TAG.test(h.text))) return true;
  if (COLUMN_TAG.test(draft.article.headline ?? '')) return false;
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
  // A dash-led second line or a column tag on the first marks headline + subheadline;
  // otherwise the line right above the body is the headline and the one above it its kicker.
  if (DASH_OPENER.test(second.text) || COLUMN_TAG.test(first.text))
    return { headline: first, subheadline: second };
  return { kicker: first, headline: second };
}

/** A date line (二〇一一年十二月十九日于北京) closes a letter; it is never part of a headline. */
const DATE_LINE =
  /^[〇零一二三四五六七八九十\d０-９]{2,4}年[〇一二三四五六七八九十\d０-９]{1,3}月[〇一二三四五六七八九十\d０-９]{1,3}日/u;

/** Kicker, headline and subheadline: at most three lines make one headline group. */
const MAX_HEADLINE_GROUP = 3;

/**
 * How many lines at the end of a heading run form the headline group. A run of up to three
 * lines is one group (kicker, headline, subheadline). A longer run, one holding a date line,
 * or one known to open with a list (`listFirst`: titles after a QR code) is a list (a letter's signature block, the last subheads of the story above) followed
 * by the group: the headline, a subheadline led by a dash under it, and a kicker above it when
 * that line ends in a dash or is shorter than the headline (引题 are short).
 */
export function headlineGroupSize(run: readonly Block[], listFirst = false): number {
  const n = run.length;
  if (!listFirst && n <= MAX_HEADLINE_GROUP && !run.some((b) => DATE_LINE.test(b.text))) return n;
  let size = n >= 2 && DASH_OPENER.test(run[n - 1].text) ? 2 : 1;
  const headline = run[n - size];
  const above = run[n - size - 1];
  // In a title box every line is a title; only a dash marks a kicker there.
  const kickerShaped =
    above !== undefined &&
    (DASH_CLOSER.test(above.text) || (!listFirst && above.text.length < headline.text.length));
  if (kickerShaped && !DATE_LINE.test(above.text)) size++;
  return size;
}
