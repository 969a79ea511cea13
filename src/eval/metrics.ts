import type { Counts } from './counts.js';
import { prf } from './text.js';

/** The metrics a set reports, in table order. Undefined = nothing to measure in this set. */
export interface Metrics {
  cases: number;
  articles_gold: number;
  articles_pred: number;
  article_count_exact: number | undefined;
  articles_matched: number | undefined;
  headline_exact: number | undefined;
  kicker_acc: number | undefined;
  dateline_acc: number | undefined;
  source_tag_acc: number | undefined;
  byline_acc: number | undefined;
  body_p: number | undefined;
  body_r: number | undefined;
  body_f1: number | undefined;
  page_text_p: number | undefined;
  page_text_r: number | undefined;
  page_text_f1: number | undefined;
  article_start_p: number | undefined;
  article_start_r: number | undefined;
  article_start_f1: number | undefined;
  boundary_p: number | undefined;
  boundary_r: number | undefined;
  boundary_f1: number | undefined;
  lacuna_p: number | undefined;
  lacuna_r: number | undefined;
  boilerplate_p: number | undefined;
  boilerplate_r: number | undefined;
  related_f1: number | undefined;
  variant_f1: number | undefined;
  rebuild_failures: number;
  crashes: number;
}

/** Metrics where a higher value is better (floors apply); the rest must not rise (ceilings). */
export const HIGHER_IS_BETTER: readonly (keyof Metrics)[] = [
  'article_count_exact',
  'articles_matched',
  'headline_exact',
  'kicker_acc',
  'dateline_acc',
  'source_tag_acc',
  'byline_acc',
  'body_p',
  'body_r',
  'body_f1',
  'page_text_p',
  'page_text_r',
  'page_text_f1',
  'article_start_p',
  'article_start_r',
  'article_start_f1',
  'boundary_p',
  'boundary_r',
  'boundary_f1',
  'lacuna_p',
  'lacuna_r',
  'boilerplate_p',
  'boilerplate_r',
  'related_f1',
  'variant_f1',
];
export const MUST_BE_ZERO: readonly (keyof Metrics)[] = ['rebuild_failures', 'crashes'];

const ratio = (hit: number, n: number): number | undefined => (n === 0 ? undefined : hit / n);

export function metricsOf(c: Counts): Metrics {
  const body = prf(c.bodyHit, c.bodyPred, c.bodyGold);
  const pageText = prf(c.pageTextHit, c.pageTextPred, c.pageTextGold);
  const start = prf(c.startHit, c.startPred, c.startGold);
  const boundary = prf(c.boundaryHit, c.boundaryPred, c.boundaryGold);
  const lacuna = prf(c.lacunaHit, c.lacunaPred, c.lacunaGold);
  return {
    cases: c.cases,
    articles_gold: c.goldArticles,
    articles_pred: c.predArticles,
    article_count_exact: ratio(c.countExact, c.cases),
    articles_matched: ratio(c.matched, c.goldArticles),
    headline_exact: ratio(c.headlineHit, c.headlineTotal),
    kicker_acc: ratio(c.kickerHit, c.kickerTotal),
    dateline_acc: ratio(c.datelineHit, c.datelineTotal),
    source_tag_acc: ratio(c.sourceTagHit, c.sourceTagTotal),
    byline_acc: ratio(c.bylineHit, c.bylineTotal),
    body_p: body.p,
    body_r: body.r,
    body_f1: body.f1,
    page_text_p: pageText.p,
    page_text_r: pageText.r,
    page_text_f1: pageText.f1,
    article_start_p: start.p,
    article_start_r: start.r,
    article_start_f1: start.f1,
    boundary_p: boundary.p,
    boundary_r: boundary.r,
    boundary_f1: boundary.f1,
    lacuna_p: lacuna.p,
    lacuna_r: lacuna.r,
    boilerplate_p: ratio(c.boilerplatePredHit, c.boilerplatePred),
    boilerplate_r: ratio(c.boilerplateGoldHit, c.boilerplateGold),
    related_f1: prf(c.relatedHit, c.relatedPred, c.relatedGold).f1,
    variant_f1: prf(c.variantHit, c.variantPred, c.variantGold).f1,
    rebuild_failures: c.rebuildFailures,
    crashes: c.crashes,
  };
}
