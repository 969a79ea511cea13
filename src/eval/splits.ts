import { join } from 'node:path';
import { readRecords, type PagePlan } from '../synth/compose.js';
import { planFiles, PROFILES, synthPlans, type ProfileName, type Rates } from '../synth/index.js';
import type { CleanRecord } from '../synth/model.js';
import type { SynthPage } from '../synth/page.js';
import { hashString } from '../synth/prng.js';

/**
 * The evaluation splits. Rules may be fitted (by hand or by a training script) on `fit` pages
 * only; `test`, `test-other` and `cross` are scored in aggregate and never read page by page.
 *
 * Why split by whole months and not by page: pages of neighbouring days share running stories,
 * follow-ups, the same reporters and the same page layouts, so a page-level split would put
 * near-copies of test pages into fit. A month boundary keeps a news cycle on one side.
 */
export type SplitName = 'fit' | 'test' | 'test-other' | 'cross';
export const SPLIT_NAMES: readonly SplitName[] = ['fit', 'test', 'test-other', 'cross'];

export interface SplitSpec {
  /** Page files under `<shared>/eval/pages/`. */
  files: string[];
  /** Which records belong to the split (filtered before pages are planned). */
  keep: (r: CleanRecord) => boolean;
  /** One line for the report. */
  what: string;
}

/** The 2,059 whole printed pages of five months (2019-02, 2019-10, 2020-01, 2020-02, 2020-05). */
const WHOLE_PAGES = 'rmrb-2019-2020.jsonl';

const inMonths =
  (...months: string[]) =>
  (r: CleanRecord) =>
    months.includes(r.date.slice(0, 7));

/**
 * Fit months: three of the five, from both years, so what is fitted is not one year's style.
 * Test months: the other two (2020-02 and 2020-05, ~888 pages, enough for a one-page change to
 * move a metric by ~0.1%), three months apart from each other, so the test is not one news cycle.
 */
export const FIT_MONTHS = ['2019-02', '2019-10', '2020-01'];
export const TEST_MONTHS = ['2020-02', '2020-05'];

/**
 * The cross-source year of the evening-news transcripts: a source never fitted on (plain spoken
 * prose, no kickers, bylines or datelines). One year, the latest, is plenty when capped.
 */
export const CROSS_YEAR = '2024';

export const SPLITS: Record<SplitName, SplitSpec> = {
  fit: {
    files: [WHOLE_PAGES],
    keep: inMonths(...FIT_MONTHS),
    what: `People's Daily whole pages, ${FIT_MONTHS.join(', ')}`,
  },
  test: {
    files: [WHOLE_PAGES],
    keep: inMonths(...TEST_MONTHS),
    what: `People's Daily whole pages, ${TEST_MONTHS.join(', ')}`,
  },
  // The old dev set (2025 pages, and 2011–2019 stories composed into pages). Rules were tuned by
  // hand while reading these pages, so they are no clean test: scored beside `test` for
  // continuity, never fitted on, and read in aggregate only from now on.
  'test-other': {
    files: ['rmrb-2025.jsonl', 'rmrb-2011-2019.jsonl'],
    keep: () => true,
    what: "People's Daily 2025 pages and 2011–2019 stories (the old dev set, hand-tuned on)",
  },
  cross: {
    files: ['cctv-2022-2024.jsonl'],
    keep: (r) => r.date.startsWith(CROSS_YEAR),
    what: `evening-news transcripts ${CROSS_YEAR}, 3–6 items a page (a source never fitted on)`,
  },
};

/** Records of a page file, read once per process (the whole-page file is 35 MB). */
const recordCache = new Map<string, CleanRecord[]>();
function cachedRecords(path: string): CleanRecord[] {
  let records = recordCache.get(path);
  if (!records) {
    records = readRecords(path);
    recordCache.set(path, records);
  }
  return records;
}

/** The page plans of a split for a seed (composed pages of loose records depend on the seed). */
export function splitPlans(sharedEval: string, split: SplitName, seed: number): PagePlan[] {
  const spec = SPLITS[split];
  const paths = spec.files.map((f) => join(sharedEval, 'pages', f));
  return planFiles(paths, seed, spec.keep, cachedRecords);
}

/**
 * At most `max` plans, chosen by a fixed hash of their ids (not by the seed), in their original
 * order: a deterministic sample spread over the whole split rather than its first days.
 */
export function samplePlans(plans: PagePlan[], max: number | undefined): PagePlan[] {
  if (max === undefined || plans.length <= max) return plans;
  const rank = new Map(plans.map((p) => [p, hashString(`sample:${p.id}`)]));
  const chosen = new Set(
    [...plans]
      .sort((a, b) => rank.get(a)! - rank.get(b)! || a.id.localeCompare(b.id))
      .slice(0, max),
  );
  return plans.filter((p) => chosen.has(p));
}

/**
 * Synthetic pages with gold for a split, a seed and a rate profile (a name or rates of your own).
 * This is what a training script calls, with `'fit'` and only `'fit'`:
 *
 *     splitPages(sharedEvalDir()!, 'fit', seed, 'extractor')   // SynthPage[]: text + gold
 *
 * `maxPages` takes a deterministic sample. Related-title boxes draw on the whole split, so a page
 * is the same whatever the sample, and fit pages hold no text from other splits.
 */
export function splitPages(
  sharedEval: string,
  split: SplitName,
  seed: number,
  profile: ProfileName | Rates,
  maxPages?: number,
): SynthPage[] {
  const rates = typeof profile === 'string' ? PROFILES[profile] : profile;
  const plans = splitPlans(sharedEval, split, seed);
  return synthPlans(samplePlans(plans, maxPages), seed, rates, plans);
}
