import { basename } from 'node:path';
import type { EvalCase } from '../eval/cases.js';
import { planPages, readRecords, type PagePlan } from './compose.js';
import type { CleanRecord } from './model.js';
import { encodeGb18030 } from './gb18030.js';
import { synthPage, type SynthPage } from './page.js';
import { Rng, hashString } from './prng.js';
import type { Rates } from './rates.js';

export {
  DEV_RATES,
  EXTRACTOR_RATES,
  PROFILES,
  PROFILE_NAMES,
  PROFILE_NOTES,
  ZERO_RATES,
  parseRates,
  type ProfileName,
  type Rates,
} from './rates.js';
export type { PagePlan } from './compose.js';
export { synthPage, type SynthPage } from './page.js';

/** Bytes of a page dump in its chosen encoding (UTF-8 when GB18030 cannot hold a character). */
export function pageBytes(page: SynthPage): { bytes: Uint8Array; encoding: string } {
  if (page.encoding === 'gb18030') {
    const bytes = encodeGb18030(page.text);
    if (bytes) return { bytes, encoding: 'gb18030' };
  }
  return { bytes: new TextEncoder().encode(page.text), encoding: 'utf-8' };
}

/**
 * Titles of stories on other pages, for related-title boxes: every title of `pool` except the
 * page's own (the plans of one set are contiguous, so that is the titles before and after it).
 */
function relatedPools(pool: PagePlan[]): Map<PagePlan, string[]> {
  const titles = pool.map((p) => p.records.map((r) => r.title.trim()));
  const all = titles.flat();
  const pools = new Map<PagePlan, string[]>();
  let offset = 0;
  pool.forEach((plan, i) => {
    const own = titles[i].length;
    pools.set(plan, [...all.slice(0, offset), ...all.slice(offset + own)]);
    offset += own;
  });
  return pools;
}

/**
 * Plans of one or more page files, in file order; composed pages depend on `seed`. `keep` picks
 * records before planning, so a page composed of loose records never mixes kept and left ones.
 */
export function planFiles(
  paths: string[],
  seed: number,
  keep: (r: CleanRecord) => boolean = () => true,
  read: (path: string) => CleanRecord[] = readRecords,
): PagePlan[] {
  return paths.flatMap((path) => {
    const prefix = basename(path).replace(/\.jsonl$/, '');
    const records = read(path).filter(keep);
    return planPages(records, prefix, new Rng(hashString(`${seed}:${prefix}`)));
  });
}

/**
 * Damage the `chosen` plans into page dumps with gold, deterministic for `seed`. Related titles
 * are drawn from `pool` (the whole set the plans come from), so a page is the same whichever
 * other pages are chosen with it.
 */
export function synthPlans(
  chosen: PagePlan[],
  seed: number,
  rates: Rates,
  pool: PagePlan[] = chosen,
): SynthPage[] {
  const pools = relatedPools(pool);
  return chosen.map((plan) =>
    synthPage(plan.records, {
      id: plan.id,
      seed,
      rates,
      pageNo: plan.pageNo,
      relatedPool: pools.get(plan) ?? pool.flatMap((p) => p.records.map((r) => r.title.trim())),
    }),
  );
}

/** All pages of one or more page files, damaged per `rates`, deterministic for `seed`. */
export function synthFiles(
  paths: string[],
  seed: number,
  rates: Rates,
  maxPages?: number,
): SynthPage[] {
  const plans = planFiles(paths, seed);
  const chosen = maxPages === undefined ? plans : plans.slice(0, maxPages);
  return synthPlans(chosen, seed, rates, plans);
}

/** Synthetic pages as in-memory evaluation cases. */
export function toCases(pages: SynthPage[], set: string): EvalCase[] {
  return pages.map((p) => ({ id: p.id, set, input: pageBytes(p).bytes, gold: p.gold }));
}
