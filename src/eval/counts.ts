/**
 * Raw counts of one scored case. Every metric is a ratio of sums of these counts, so cases
 * aggregate by adding counts (micro-averaging) and a set's numbers never depend on case order.
 */
export interface Counts {
  cases: number;
  /** Cases whose predicted article count equals the gold count. */
  countExact: number;
  goldArticles: number;
  predArticles: number;
  matched: number;
  headlineHit: number;
  headlineTotal: number;
  kickerHit: number;
  kickerTotal: number;
  datelineHit: number;
  datelineTotal: number;
  sourceTagHit: number;
  sourceTagTotal: number;
  bylineHit: number;
  bylineTotal: number;
  /** Body bigrams shared by matched pairs / in all predicted / in all gold articles. */
  bodyHit: number;
  bodyPred: number;
  bodyGold: number;
  /** Page text trigrams (all article text of a page, articles not paired): shared / pred / gold. */
  pageTextHit: number;
  pageTextPred: number;
  pageTextGold: number;
  /** Distinct article starts of a page (see page.ts): shared / predicted / gold. */
  startHit: number;
  startPred: number;
  startGold: number;
  boundaryHit: number;
  boundaryPred: number;
  boundaryGold: number;
  lacunaHit: number;
  lacunaPred: number;
  lacunaGold: number;
  /** Dropped-boilerplate texts: predicted ones that are gold furniture, gold ones found. */
  boilerplatePredHit: number;
  boilerplatePred: number;
  boilerplateGoldHit: number;
  boilerplateGold: number;
  relatedHit: number;
  relatedPred: number;
  relatedGold: number;
  variantHit: number;
  variantPred: number;
  variantGold: number;
  rebuildFailures: number;
  crashes: number;
}

export function zeroCounts(): Counts {
  return {
    cases: 0,
    countExact: 0,
    goldArticles: 0,
    predArticles: 0,
    matched: 0,
    headlineHit: 0,
    headlineTotal: 0,
    kickerHit: 0,
    kickerTotal: 0,
    datelineHit: 0,
    datelineTotal: 0,
    sourceTagHit: 0,
    sourceTagTotal: 0,
    bylineHit: 0,
    bylineTotal: 0,
    bodyHit: 0,
    bodyPred: 0,
    bodyGold: 0,
    pageTextHit: 0,
    pageTextPred: 0,
    pageTextGold: 0,
    startHit: 0,
    startPred: 0,
    startGold: 0,
    boundaryHit: 0,
    boundaryPred: 0,
    boundaryGold: 0,
    lacunaHit: 0,
    lacunaPred: 0,
    lacunaGold: 0,
    boilerplatePredHit: 0,
    boilerplatePred: 0,
    boilerplateGoldHit: 0,
    boilerplateGold: 0,
    relatedHit: 0,
    relatedPred: 0,
    relatedGold: 0,
    variantHit: 0,
    variantPred: 0,
    variantGold: 0,
    rebuildFailures: 0,
    crashes: 0,
  };
}

export function addCounts(into: Counts, more: Counts): Counts {
  for (const key of Object.keys(into) as (keyof Counts)[]) into[key] += more[key];
  return into;
}
