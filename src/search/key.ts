/**
 * The index key of an article: its date's day number above its row id. FTS5 keeps every
 * posting list in key order, so reading a term's matches newest first, or only those in a date
 * range, is a walk along the list that stops at the page: the cost of a search is bounded by
 * the results it shows, not by how many articles match (see docs/architecture.md, Search).
 */

/** Room for the row id below the day number: four billion articles per archive. */
export const ID_SPAN = 2 ** 32;
/** Day 1 is 1800-01-01; day 0 holds articles with no date (they sort oldest). */
const EPOCH_MS = Date.UTC(1800, 0, 1);
const DAY_MS = 86_400_000;
/** Last day number a key can hold: 2^20 days reach past the year 4700 and keep keys below 2^53. */
const MAX_DAY = 2 ** 20;

/** Day number of an ISO date (YYYY-MM-DD); 0 for none. Dates before 1800 share day 1. */
export function dayNumber(date: string | null | undefined): number {
  if (!date) return 0;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) return 0;
  return Math.min(MAX_DAY, Math.max(1, Math.floor((ms - EPOCH_MS) / DAY_MS) + 1));
}

export function articleKey(articleId: number, date: string | null | undefined): number {
  if (!Number.isInteger(articleId) || articleId < 1 || articleId >= ID_SPAN)
    throw new RangeError(`article id ${articleId} does not fit an index key`);
  return dayNumber(date) * ID_SPAN + articleId;
}

export function articleIdOfKey(key: number): number {
  return key % ID_SPAN;
}

/** Keys of articles dated from `from` to `to` (inclusive; either open). A range leaves out the undated. */
export function keyRange(from?: string, to?: string): { low: number; high: number } {
  const low = (from ? dayNumber(from) : to ? 1 : 0) * ID_SPAN;
  const high = (to ? dayNumber(to) : MAX_DAY) * ID_SPAN + (ID_SPAN - 1);
  return { low, high };
}
