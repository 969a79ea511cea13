import type { Doc } from '../../model/doc.js';

/** Years a modern dump may plausibly mention as its own. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const cache = new WeakMap<Doc, number | undefined>();

/** The year the dump speaks of most (`2025年`), a fair guess for datelines that lack one. */
function dominantYear(doc: Doc): number | undefined {
  if (cache.has(doc)) return cache.get(doc);
  const counts = new Map<number, number>();
  for (const m of doc.folded.matchAll(/(\d{4})年/g)) {
    const year = Number(m[1]);
    if (year >= MIN_YEAR && year <= MAX_YEAR) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, n] of counts)
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && year > best))
      best = year;
  cache.set(doc, best);
  return best;
}

/**
 * Year of a month/day dateline: the edition date's year (a dateline dated after the edition
 * date belongs to the year before), else the dump's dominant year.
 */
export function inferYear(doc: Doc, md: { month: number; day: number }): number | undefined {
  const edition =
    doc.options.editionDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(doc.options.editionDate);
  if (edition) {
    const [year, month, day] = [Number(edition[1]), Number(edition[2]), Number(edition[3])];
    const later = md.month > month || (md.month === month && md.day > day);
    return later ? year - 1 : year;
  }
  return dominantYear(doc);
}
