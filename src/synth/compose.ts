import { readFileSync } from 'node:fs';
import type { CleanRecord } from './model.js';
import { splitRecord } from './parse.js';
import type { Rng } from './prng.js';

/** A page to compose: its id, page number and articles in reading order. */
export interface PagePlan {
  id: string;
  pageNo: number;
  records: CleanRecord[];
}

/** Articles longer than this are left out: a printed page holds far less (one record has 68k). */
export const MAX_ARTICLE_CHARS = 12000;
/** Pages built from undated-page records hold 3–6 articles, like a real news page. */
const MIN_PER_PAGE = 3;
const MAX_PER_PAGE = 6;
/**
 * Records this many days apart may still share a composed page ("neighbouring dates"): the
 * undated-page file is sparse (181 stories over nine years), so a month keeps pages 3–6 long.
 */
const MAX_DAY_GAP = 31;

export function readRecords(path: string): CleanRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as CleanRecord)
    .filter((r) => typeof r.content === 'string' && typeof r.title === 'string')
    .flatMap(splitRecord);
}

const usable = (r: CleanRecord) =>
  r.content.trim().length > 0 && r.content.length <= MAX_ARTICLE_CHARS;

/** Records with real page numbers: one page = same date and page, in `order`. */
function realPages(records: CleanRecord[], prefix: string): PagePlan[] {
  const byKey = new Map<string, CleanRecord[]>();
  for (const r of records) {
    const key = `${r.date}-p${String(r.page).padStart(2, '0')}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(r);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, rs]) => ({
      id: `${prefix}-${key}`,
      pageNo: rs[0].page ?? 1,
      records: rs.sort((a, b) => a.order - b.order).filter(usable),
    }))
    .filter((p) => p.records.length > 0);
}

const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86400000;

/** Records without pages: consecutive runs of 3–6 from the same or neighbouring dates. */
function composedPages(records: CleanRecord[], prefix: string, rng: Rng): PagePlan[] {
  const sorted = records
    .filter(usable)
    .sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  const pages: PagePlan[] = [];
  let i = 0;
  while (i < sorted.length) {
    const want = rng.int(MIN_PER_PAGE, MAX_PER_PAGE);
    const page = [sorted[i]];
    let j = i + 1;
    while (
      j < sorted.length &&
      page.length < want &&
      days(sorted[j].date) - days(page[0].date) <= MAX_DAY_GAP
    )
      page.push(sorted[j++]);
    pages.push({
      id: `${prefix}-${page[0].date}-c${pages.length + 1}`,
      pageNo: rng.int(1, 8),
      records: page,
    });
    i = j;
  }
  return pages;
}

/** Plan the pages of a page file: real pages where `page` is set, composed pages elsewhere. */
export function planPages(records: CleanRecord[], prefix: string, rng: Rng): PagePlan[] {
  const paged = records.filter((r) => typeof r.page === 'number');
  const loose = records.filter((r) => typeof r.page !== 'number');
  return [...realPages(paged, prefix), ...composedPages(loose, prefix, rng)];
}
