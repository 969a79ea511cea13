import { basename } from 'node:path';
import type { EvalCase } from '../eval/cases.js';
import { planPages, readRecords, type PagePlan } from './compose.js';
import { encodeGb18030 } from './gb18030.js';
import { synthPage, type SynthPage } from './page.js';
import { Rng, hashString } from './prng.js';
import type { Rates } from './rates.js';

export { DEV_RATES, ZERO_RATES, parseRates, type Rates } from './rates.js';
export { synthPage, type SynthPage } from './page.js';

/** Bytes of a page dump in its chosen encoding (UTF-8 when GB18030 cannot hold a character). */
export function pageBytes(page: SynthPage): { bytes: Uint8Array; encoding: string } {
  if (page.encoding === 'gb18030') {
    const bytes = encodeGb18030(page.text);
    if (bytes) return { bytes, encoding: 'gb18030' };
  }
  return { bytes: new TextEncoder().encode(page.text), encoding: 'utf-8' };
}

/** Titles of stories on other pages, for related-title boxes. */
function poolFor(plans: PagePlan[], plan: PagePlan): string[] {
  return plans.filter((p) => p !== plan).flatMap((p) => p.records.map((r) => r.title.trim()));
}

/** All pages of one or more page files, damaged per `rates`, deterministic for `seed`. */
export function synthFiles(
  paths: string[],
  seed: number,
  rates: Rates,
  maxPages?: number,
): SynthPage[] {
  const plans = paths.flatMap((path) => {
    const prefix = basename(path).replace(/\.jsonl$/, '');
    return planPages(readRecords(path), prefix, new Rng(hashString(`${seed}:${prefix}`)));
  });
  const chosen = maxPages === undefined ? plans : plans.slice(0, maxPages);
  return chosen.map((plan) =>
    synthPage(plan.records, {
      id: plan.id,
      seed,
      rates,
      pageNo: plan.pageNo,
      relatedPool: poolFor(plans, plan),
    }),
  );
}

/** Synthetic pages as in-memory evaluation cases. */
export function toCases(pages: SynthPage[], set: string): EvalCase[] {
  return pages.map((p) => ({ id: p.id, set, input: pageBytes(p).bytes, gold: p.gold }));
}
