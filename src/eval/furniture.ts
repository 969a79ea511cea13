/**
 * Furniture learned per source, measured: fit pages damaged as the `dev` profile, once with
 * each paper's own furniture printed on every page (`paperFurniture` = 1) and once without.
 * The furniture is learned over all pages of the set as `newsmend run` learns it, each page is
 * mended with it, and the learned rule's drops are scored: precision (the dropped line is the
 * paper's furniture, or furniture the gold lists), recall (the paper's furniture lines printed,
 * dropped by any furniture rule). On the pages without paper furniture, the articles are scored
 * with and without the learned lines: learning must cost nothing there.
 */
import { addCounts, zeroCounts } from './counts.js';
import { fromArticle } from './gold.js';
import { metricsOf, type Metrics } from './metrics.js';
import { scoreCase } from './score.js';
import { samplePlans, splitPlans } from './splits.js';
import type { LearnedFurniture } from '../model/types.js';
import { mend } from '../pipeline.js';
import { FurnitureCounter } from '../run/furniture.js';
import { pageBytes, synthPlans, type SynthPage } from '../synth/index.js';
import { paperFurniture } from '../synth/furniture.js';
import { DEV_RATES } from '../synth/rates.js';
import { furnitureKey } from '../text/furniture-key.js';
import { RULES } from '../stages/boilerplate/rules.js';

/** The source every page of the set belongs to (People's Daily). */
const SOURCE = 'rmrb';
const LEARNED_RULE = RULES.learned.id;

export interface FurnitureScore {
  pages: number;
  /** Lines learned, and the paper's lines among them. */
  learned: number;
  learnedPaperLines: number;
  /** Drops by the learned rule, and those that were furniture. */
  drops: number;
  rightDrops: number;
  /** Paper furniture lines printed, and dropped by any furniture rule. */
  printed: number;
  dropped: number;
  precision: number;
  recall: number;
}

function learn(pages: SynthPage[]): LearnedFurniture | undefined {
  const counter = new FurnitureCounter();
  for (const page of pages)
    counter.add({
      key: page.id,
      name: page.id,
      input: pageBytes(page).bytes,
      carried: { source: SOURCE },
      bytes: 0,
    });
  return counter.learned().get(SOURCE);
}

/** Scores of the set with paper furniture. */
function scoreLearning(pages: SynthPage[]): FurnitureScore {
  const learned = learn(pages);
  const paper = new Set(paperFurniture(SOURCE).map(furnitureKey));
  const s = { learned: 0, learnedPaperLines: 0, drops: 0, rightDrops: 0, printed: 0, dropped: 0 };
  for (const key of Object.keys(learned?.lines ?? {})) {
    s.learned++;
    if (paper.has(key)) s.learnedPaperLines++;
  }
  for (const page of pages) {
    const gold = new Set((page.gold.boilerplate ?? []).map(furnitureKey));
    const edition = mend(pageBytes(page).bytes, learned ? { furniture: learned } : {});
    const printed = [...gold].filter((k) => paper.has(k));
    s.printed += printed.length;
    const droppedKeys = new Set<string>();
    for (const edit of edition.edits) {
      if (edit.action !== 'drop' || edit.category !== 'furniture') continue;
      const key = furnitureKey(edit.text ?? '');
      droppedKeys.add(key);
      if (edit.rule !== LEARNED_RULE) continue;
      s.drops++;
      if (paper.has(key) || gold.has(key)) s.rightDrops++;
    }
    s.dropped += printed.filter((k) => droppedKeys.has(k)).length;
  }
  return {
    pages: pages.length,
    ...s,
    precision: s.drops === 0 ? 1 : s.rightDrops / s.drops,
    recall: s.printed === 0 ? 1 : s.dropped / s.printed,
  };
}

function articleMetrics(pages: SynthPage[], learned: LearnedFurniture | undefined): Metrics {
  let counts = zeroCounts();
  for (const page of pages) {
    const edition = mend(pageBytes(page).bytes, learned ? { furniture: learned } : {});
    const predicted = edition.articles.map(fromArticle);
    counts = addCounts(counts, scoreCase(page.gold, predicted, []).counts);
  }
  return metricsOf(counts);
}

export interface FurnitureReport {
  withPaperFurniture: FurnitureScore;
  /** Pages without paper furniture: lines learned there, and scores without and with them. */
  plain: { learned: number; without: Metrics; with: Metrics };
}

export function furnitureReport(sharedEval: string, pages: number, seed: number): FurnitureReport {
  const plans = splitPlans(sharedEval, 'fit', seed);
  const chosen = samplePlans(plans, pages);
  const withFurniture = synthPlans(chosen, seed, { ...DEV_RATES, paperFurniture: 1 }, plans);
  const plain = synthPlans(chosen, seed, DEV_RATES, plans);
  const learnedPlain = learn(plain);
  return {
    withPaperFurniture: scoreLearning(withFurniture),
    plain: {
      learned: Object.keys(learnedPlain?.lines ?? {}).length,
      without: articleMetrics(plain, undefined),
      with: articleMetrics(plain, learnedPlain),
    },
  };
}
