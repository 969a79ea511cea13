import { PROFILE_NOTES, type ProfileName } from '../synth/index.js';
import { formatValue, LABELS, pad, width } from './report.js';
import type { Metrics } from './metrics.js';
import type { CaseResult } from './run.js';
import { SPLITS, type SplitName } from './splits.js';
import { RATIO_METRICS, ZERO_METRICS, type Spread } from './spread.js';
import { EVAL_CAPS, OPEN_SPLITS, sampleNote, type SplitRun, type SuiteReport } from './suite.js';

/** Digits shown for ratios and their spread. */
const DIGITS = 3;
/** Cells per column: "0.912 ±.003" plus air. */
const COLUMN = 13;

const TITLES: Record<SplitName, string> = {
  fit: 'fit',
  test: 'test',
  'test-other': 'test-other',
  cross: 'cross-source',
};
const GAP = 'fit−test';

function ratioCell(s: Spread, seeds: number): string {
  if (s.mean === undefined) return 'n/a';
  const mean = s.mean.toFixed(DIGITS);
  if (seeds < 2 || s.sd === undefined) return mean;
  return `${mean} ±${s.sd.toFixed(DIGITS).replace(/^0/, '')}`;
}

function cell(key: keyof Metrics, s: Spread, seeds: number): string {
  if (RATIO_METRICS.has(key)) return ratioCell(s, seeds);
  if (ZERO_METRICS.has(key)) return s.total === undefined ? 'n/a' : String(s.total);
  return s.mean === undefined ? 'n/a' : String(Math.round(s.mean));
}

function gapCell(key: keyof Metrics, fit?: SplitRun, test?: SplitRun): string {
  if (!RATIO_METRICS.has(key) || !fit || !test) return '';
  const a = fit.spread[key].mean;
  const b = test.spread[key].mean;
  if (a === undefined || b === undefined) return 'n/a';
  const d = a - b;
  return `${d >= 0 ? '+' : '-'}${Math.abs(d).toFixed(DIGITS)}`;
}

/** The lines above the table: seeds, what each column holds and how many pages it scored. */
function header(r: SuiteReport, profiles: ProfileName[], splits: SplitName[]): string[] {
  const lines =
    splits.length === 0
      ? ['newsmend eval — the real cases']
      : [
          `newsmend eval — seeds ${r.seeds.join(', ')}; a cell is the mean over seeds ±sd (sample),`,
          "each seed's value micro-averaged over its pages; crashes and rebuild failures are totals",
        ];
  for (const split of splits) {
    const run = r.splits.find((s) => s.split === split)!;
    const capped = EVAL_CAPS[split] !== undefined ? ', capped for time' : '';
    lines.push(`  ${pad(TITLES[split], 13)} ${SPLITS[split].what}: ${sampleNote(run)}${capped}`);
  }
  if (r.real)
    lines.push(
      `  ${pad('real', 13)} hand-made reconstructions (../shared/eval/real): ${r.real.cases} ${r.real.cases === 1 ? 'case' : 'cases'}, no seeds or profiles`,
    );
  if (splits.includes('fit') && splits.includes('test'))
    lines.push(
      `  ${pad(GAP, 13)} fit mean − test mean (positive: better on the pages rules may fit)`,
    );
  if (profiles.length > 0)
    lines.push(`  profiles: ${profiles.map((p) => `${p} = ${PROFILE_NOTES[p]}`).join('; ')}`);
  return lines;
}

/** One table: a row per metric, a column per split (+ real, + gap), a block of rows per profile. */
export function renderSuiteTable(r: SuiteReport): string {
  const profiles = r.profiles.filter((p) => r.splits.some((s) => s.profile === p));
  const splits = [...new Set(r.splits.map((s) => s.split))];
  const keys = Object.keys(LABELS) as (keyof Metrics)[];
  // Metric rows are indented under their profile line.
  const labelWidth = 2 + Math.max(...keys.map((k) => LABELS[k].length));
  const hasGap = splits.includes('fit') && splits.includes('test');
  const titles = [...splits.map((s) => TITLES[s]), ...(r.real ? ['real'] : [])];
  if (hasGap) titles.push(GAP);
  const row = (label: string, cells: string[]) =>
    `${pad(label, labelWidth)}${cells.map((c) => c.padStart(COLUMN)).join('')}`.trimEnd();
  const top = row('metric', titles);
  const out = [...header(r, profiles, splits), '', top, '─'.repeat(width(top))];
  // One block of rows per profile; the real cases alone (--split real) need no profile.
  const blocks: (ProfileName | undefined)[] = profiles.length > 0 ? profiles : [undefined];
  for (const profile of blocks) {
    if (profile) out.push(`profile ${profile}: ${PROFILE_NOTES[profile]}`);
    const runs = splits.map((s) => r.splits.find((x) => x.split === s && x.profile === profile)!);
    const fit = runs.find((x) => x.split === 'fit');
    const test = runs.find((x) => x.split === 'test');
    for (const key of keys) {
      const cells = runs.map((x) => cell(key, x.spread[key], x.seeds.length));
      if (r.real) cells.push(formatValue(r.real.metrics[key]));
      if (hasGap) cells.push(gapCell(key, fit, test));
      out.push(row(`  ${LABELS[key]}`, cells));
    }
  }
  const pages = r.splits.reduce((n, s) => n + s.seeds.reduce((m, x) => m + x.counts.cases, 0), 0);
  out.push('', `scored ${pages} synthetic pages in ${(r.ms / 1000).toFixed(0)}s`);
  return out.join('\n') + '\n';
}

const caseRow = (c: CaseResult) => ({
  id: c.id,
  rebuildOk: c.rebuildOk,
  error: c.error,
  counts: c.counts,
});

/**
 * The full JSON report: per split × profile the per-seed metrics and counts and their spread;
 * per-page counts only for open splits (fit, real), since test pages are read in aggregate only.
 */
export function renderSuiteJson(r: SuiteReport, extra: object = {}): string {
  const report = {
    schema: 'newsmend-eval@2',
    seeds: r.seeds,
    profiles: r.profiles,
    caps: EVAL_CAPS,
    splits: r.splits.map((s) => ({
      split: s.split,
      profile: s.profile,
      what: SPLITS[s.split].what,
      cap: s.cap ?? null,
      ms: s.ms,
      spread: s.spread,
      seeds: s.seeds.map((x) => ({
        seed: x.seed,
        planned: x.planned,
        metrics: x.metrics,
        counts: x.counts,
        ...(x.results && OPEN_SPLITS.has(s.split) ? { cases: x.results.map(caseRow) } : {}),
      })),
    })),
    real: r.real && {
      metrics: r.real.metrics,
      counts: r.real.counts,
      cases: r.real.results.map(caseRow),
    },
    ms: r.ms,
    ...extra,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
