import { decode } from '../decode/index.js';
import { rebuild } from '../model/rebuild.js';
import type { Edition } from '../model/types.js';
import { mend } from '../pipeline.js';
import type { EvalCase } from './cases.js';
import { addCounts, zeroCounts, type Counts } from './counts.js';
import { droppedBoilerplate, fromArticle } from './gold.js';
import { metricsOf, type Metrics } from './metrics.js';
import { scoreCase, type ArticleDetail } from './score.js';

export interface CaseResult {
  id: string;
  set: string;
  counts: Counts;
  articles: ArticleDetail[];
  rebuildOk: boolean;
  error?: string;
}

/** `rebuild(edition)` must give back the decoded input exactly. */
export function rebuildMatches(edition: Edition, input: Uint8Array): boolean {
  try {
    return rebuild(edition) === decode(input, edition.options.encoding).text;
  } catch {
    return false;
  }
}

/** Run the engine on one case and score it; a crash is recorded, never thrown. */
export function runCase(c: EvalCase): CaseResult {
  let edition: Edition;
  try {
    edition = mend(c.input, { name: c.id });
  } catch (error) {
    const counts = scoreCase(c.gold, [], []).counts;
    counts.crashes = 1;
    return { id: c.id, set: c.set, counts, articles: [], rebuildOk: false, error: String(error) };
  }
  const scored = scoreCase(c.gold, edition.articles.map(fromArticle), droppedBoilerplate(edition));
  const rebuildOk = rebuildMatches(edition, c.input);
  if (!rebuildOk) scored.counts.rebuildFailures = 1;
  return { id: c.id, set: c.set, counts: scored.counts, articles: scored.articles, rebuildOk };
}

export interface SetReport {
  set: string;
  metrics: Metrics;
  counts: Counts;
}

/** Metrics per set (in first-seen order) and over all cases as `overall`. */
export function summarize(results: CaseResult[]): SetReport[] {
  const sets = [...new Set(results.map((r) => r.set))];
  const report = (set: string, rs: CaseResult[]): SetReport => {
    const counts = rs.reduce((acc, r) => addCounts(acc, r.counts), zeroCounts());
    return { set, metrics: metricsOf(counts), counts };
  };
  const out = sets.map((s) =>
    report(
      s,
      results.filter((r) => r.set === s),
    ),
  );
  if (sets.length > 1) out.push(report('overall', results));
  return out;
}
