import type { Counts } from './counts.js';
import type { ScoredArticle } from './gold.js';
import { addNgrams, norm, overlap, total } from './text.js';

/**
 * Segmentation-neutral page metrics. They do not pair articles, so they stay meaningful when the
 * pairing is poor: page text asks "is the page's text all there, once?", article starts ask "are
 * the stories cut where the page cuts them?".
 */

/**
 * Page text is compared as character trigrams. A page holds thousands of characters and its
 * bigrams repeat a lot (中国, 发展), so a lost paragraph hides behind copies elsewhere on the page;
 * trigrams repeat far less, and a paragraph cut in two still loses only the two that span it.
 */
const PAGE_GRAM = 3;

/**
 * An article start is the first 12 normalized characters of its first paragraph: long enough to
 * be unique on a page (a lead rarely repeats 12 characters of another), short enough that damage
 * further into the lead (a lacuna, a variant) does not change it.
 */
export const START_CHARS = 12;

/**
 * A dateline at the head of a paragraph, in normalized text (NFKC: （）→(), ，→,, ：→:). The
 * gold keeps the dateline out of the paragraph; a prediction that leaves it in still starts at
 * the same place, so it is set aside on both sides. A news site's source line (央视网消息(新闻联播):)
 * is a dateline too: every item of a transcript source opens with the same one, and left in,
 * all of a page's starts would be one string and the metric would reward merging stories. Our
 * own pattern, not the engine's, so tuning the engine cannot move the metric.
 */
const DATELINE =
  /^(?:(?:(?:据)?(?:新华社|本报|人民日报|中新社|中央社)[^,。!?;:、“”()]{0,20}?电|本报讯)(?:\([^()]{0,40}\))?|[^,。!?;:、“”()]{1,12}消息(?:\([^()]{0,20}\))?:)/u;

/** The texts a reader reads on the page: kicker, headline, subheadline and body items. */
function units(a: ScoredArticle): string[] {
  return [a.kicker, a.headline, a.subheadline, ...a.body.map((b) => b.text)]
    .map(norm)
    .filter((t) => t.length > 0);
}

/** All article text of a page as one trigram multiset; each text unit is cut on its own. */
export function pageGrams(articles: readonly ScoredArticle[]): Map<string, number> {
  const grams = new Map<string, number>();
  for (const a of articles) for (const t of units(a)) addNgrams(grams, t, PAGE_GRAM);
  return grams;
}

/** Where an article's text begins: its first paragraph, dateline set aside, first characters. */
export function articleStart(a: ScoredArticle): string | undefined {
  const first = a.body.find((b) => b.kind === 'paragraph');
  if (!first) return undefined;
  let text = norm(first.text);
  const own = norm(a.dateline);
  if (own && text.startsWith(own)) text = text.slice(own.length);
  text = text.replace(DATELINE, '');
  const start = Array.from(text).slice(0, START_CHARS).join('');
  return start.length > 0 ? start : undefined;
}

function starts(articles: readonly ScoredArticle[]): Set<string> {
  const out = new Set<string>();
  for (const a of articles) {
    const s = articleStart(a);
    if (s !== undefined) out.add(s);
  }
  return out;
}

/** Add one page's page-text and article-start counts. */
export function scorePage(
  c: Counts,
  gold: readonly ScoredArticle[],
  pred: readonly ScoredArticle[],
): void {
  const g = pageGrams(gold);
  const p = pageGrams(pred);
  c.pageTextHit += overlap(g, p);
  c.pageTextGold += total(g);
  c.pageTextPred += total(p);
  const gs = starts(gold);
  const ps = starts(pred);
  c.startGold += gs.size;
  c.startPred += ps.size;
  for (const s of ps) if (gs.has(s)) c.startHit++;
}
