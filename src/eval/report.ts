import type { Metrics } from './metrics.js';
import type { CaseResult, SetReport } from './run.js';

/** Digits shown for ratios: enough to see a one-article change on the dev set. */
const DIGITS = 3;

export const LABELS: Record<keyof Metrics, string> = {
  cases: 'cases (pages)',
  articles_gold: 'articles in gold',
  articles_pred: 'articles predicted',
  article_count_exact: 'article count exact (pages)',
  articles_matched: 'gold articles matched',
  headline_exact: 'headline exact match',
  kicker_acc: 'kicker accuracy',
  dateline_acc: 'dateline accuracy',
  source_tag_acc: 'source tag accuracy',
  byline_acc: 'byline accuracy',
  body_p: 'body char-bigram precision',
  body_r: 'body char-bigram recall',
  body_f1: 'body char-bigram F1',
  page_text_p: 'page text trigram precision',
  page_text_r: 'page text trigram recall',
  page_text_f1: 'page text trigram F1',
  article_start_p: 'article start precision',
  article_start_r: 'article start recall',
  article_start_f1: 'article start F1',
  boundary_p: 'paragraph boundary precision',
  boundary_r: 'paragraph boundary recall',
  boundary_f1: 'paragraph boundary F1',
  lacuna_p: 'lacuna precision',
  lacuna_r: 'lacuna recall',
  boilerplate_p: 'dropped boilerplate precision',
  boilerplate_r: 'dropped boilerplate recall',
  related_f1: 'related titles F1',
  variant_f1: 'variants F1',
  rebuild_failures: 'rebuild failures',
  crashes: 'crashes',
};

export function formatValue(v: number | undefined): string {
  if (v === undefined) return 'n/a';
  return Number.isInteger(v) ? String(v) : v.toFixed(DIGITS);
}

/** Display width: CJK and full-width characters take two terminal cells. */
export function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    w += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xffdc)) ? 2 : 1;
  }
  return w;
}

export function pad(text: string, cells: number): string {
  return text + ' '.repeat(Math.max(0, cells - width(text)));
}

/** The metric table: one row per metric, one column per set. */
export function renderTable(sets: SetReport[]): string {
  const keys = Object.keys(LABELS) as (keyof Metrics)[];
  const labelWidth = Math.max(...keys.map((k) => LABELS[k].length));
  const colWidth = Math.max(9, ...sets.map((s) => s.set.length));
  const header = `${pad('metric', labelWidth)}  ${sets.map((s) => s.set.padStart(colWidth)).join('  ')}`;
  const rows = keys.map(
    (k) =>
      `${pad(LABELS[k], labelWidth)}  ${sets.map((s) => formatValue(s.metrics[k]).padStart(colWidth)).join('  ')}`,
  );
  return [header, '-'.repeat(width(header)), ...rows].join('\n') + '\n';
}

/** The JSON report: per-set metrics and counts, per-case counts. Deterministic. */
export function renderJsonReport(
  sets: SetReport[],
  results: CaseResult[],
  extra: object = {},
): string {
  const report = {
    schema: 'newsmend-eval@1',
    sets: sets.map((s) => ({ set: s.set, metrics: s.metrics, counts: s.counts })),
    cases: results.map((r) => ({
      id: r.id,
      set: r.set,
      rebuildOk: r.rebuildOk,
      error: r.error,
      counts: r.counts,
    })),
    ...extra,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
