import { addCounts, zeroCounts } from '../../eval/counts.js';
import { fromArticle } from '../../eval/gold.js';
import { metricsOf, type Metrics } from '../../eval/metrics.js';
import { scoreCase } from '../../eval/score.js';
import { splitPages } from '../../eval/splits.js';
import { pageBytes, type SynthPage } from '../../synth/index.js';
import { PROFILE_NAMES } from '../../synth/rates.js';
import { finishDraft } from '../../stages/segment/article.js';
import { LabelAssembler } from '../../stages/segment/structure/assemble.js';
import { StructureModel } from '../../stages/segment/structure/model.js';
import { structurePage } from '../../stages/segment/structure/page.js';
import { units } from '../../stages/segment/units.js';
import { goldLabels } from './align.js';
import { pageExamples } from './examples.js';
import { DEFAULT_FIT, fitCrf, type FitOptions, type TrainingPage } from './fit.js';
import { prepare, TRAIN_SEEDS } from './train.js';

/** Damage seed of the pages scored: not a training seed. */
const VALIDATION_SEED = 7;
/**
 * Pages scored on each side, per rate profile: the whole held-out month (about 390 pages), so
 * that a change of a point in count exact is more than the noise of the sample.
 */
const VALIDATION_PAGES = 400;

const inMonth = (page: SynthPage, month: string) => page.id.includes(`-${month}-`);

function score(model: StructureModel, pages: SynthPage[]): Metrics {
  let counts = zeroCounts();
  for (const page of pages) {
    const doc = prepare(pageBytes(page).bytes);
    const { drafts } = structurePage(doc, units(doc), model);
    const predicted = drafts.map((d) => fromArticle(d.article));
    counts = addCounts(counts, scoreCase(page.gold, predicted, []).counts);
  }
  return metricsOf(counts);
}

/**
 * The pages read with the gold's own labels (aligned to the units) in place of the model's: what
 * the other stages allow once every role is right. What this misses is theirs, not the model's.
 */
function scoreGoldLabels(pages: SynthPage[]): Metrics {
  let counts = zeroCounts();
  for (const page of pages) {
    const doc = prepare(pageBytes(page).bytes);
    const us = units(doc);
    // Text the gold does not hold reads as a paragraph of the article under way.
    const labels = goldLabels(us, page.gold.articles).map((g) => g ?? 'paragraph');
    const drafts = new LabelAssembler(doc, us, labels).run();
    for (const draft of drafts) finishDraft(doc, draft);
    const predicted = drafts.map((d) => fromArticle(d.article));
    counts = addCounts(counts, scoreCase(page.gold, predicted, []).counts);
  }
  return metricsOf(counts);
}

export interface Validation {
  /** Scores on the held-out fit month, which the model did not see. */
  heldOut: Metrics;
  /** Scores on pages of the training months (other damage): the gap to `heldOut` is overfit. */
  inSample: Metrics;
  /** The held-out pages with gold labels (`scoreGoldLabels`): the ceiling of the labels. */
  goldLabels: Metrics;
}

/**
 * Model selection without test pages: train on the fit split less one month, score that month
 * and the months trained on. Test pages are never read here.
 */
export function validateStructure(
  sharedEval: string,
  holdOut: string,
  options: FitOptions = DEFAULT_FIT,
): Validation {
  const pages: TrainingPage[] = [];
  const transitions = new Set<string>();
  for (const seed of TRAIN_SEEDS)
    for (const profile of PROFILE_NAMES)
      for (const page of splitPages(sharedEval, 'fit', seed, profile)) {
        if (inMonth(page, holdOut)) continue;
        const got = pageExamples(page, prepare);
        if (!got.skipped) pages.push(got.units);
        for (const t of got.transitions) transitions.add(t);
      }
  const model = new StructureModel(fitCrf(pages, [...transitions], {}, options));
  const byProfile = PROFILE_NAMES.map((profile) =>
    splitPages(sharedEval, 'fit', VALIDATION_SEED, profile),
  );
  // Each side takes up to VALIDATION_PAGES of each profile.
  const side = (heldMonth: boolean) =>
    byProfile.flatMap((pages) =>
      pages.filter((p) => inMonth(p, holdOut) === heldMonth).slice(0, VALIDATION_PAGES),
    );
  const held = side(true);
  return {
    heldOut: score(model, held),
    inSample: score(model, side(false)),
    goldLabels: scoreGoldLabels(held),
  };
}
