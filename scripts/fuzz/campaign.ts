/** The fuzz campaign: make n cases from a seed, check each, count what fails. */
import { checkCase, COUNTERS, type CaseResult, type Counter, type MendFn } from './checks.js';
import { makeCase, type FuzzCase } from './inputs.js';

/** Check determinism on every 10th case by default: a second mend doubles a case's cost. */
export const DETERMINISM_EVERY = 10;
/** Progress is reported at most this often (ms): often enough to watch, rarely enough to skim. */
export const PROGRESS_INTERVAL_MS = 5000;

export interface CampaignOptions {
  n: number;
  seed: number;
  /** Mend every k-th case twice to compare (0: never). */
  determinismEvery?: number;
  /** Run only these case indices (a replay); default 0..n-1. */
  only?: number[];
  /** The function under test (default: mend); tests pass a broken one to see it caught. */
  mend?: MendFn;
  onFailure?: (c: FuzzCase, result: CaseResult) => void;
  onProgress?: (report: CampaignReport) => void;
}

export interface CampaignReport {
  seed: number;
  /** Cases planned. */
  n: number;
  /** Cases run so far. */
  cases: number;
  counts: Record<Counter, number>;
  /** Cases with at least one failure. */
  failedCases: number;
  /** Inputs mend refused (binary, empty): messages by design, not failures. */
  refused: number;
  determinismChecked: number;
  /** Cases per generator kind and per form. */
  kinds: Record<string, number>;
  forms: Record<string, number>;
  slowest?: { index: number; kind: string; ms: number };
  ms: number;
}

const bump = (counts: Record<string, number>, key: string) =>
  (counts[key] = (counts[key] ?? 0) + 1);

/** Run the campaign; deterministic in everything but timing for a given seed and n. */
export function runCampaign(options: CampaignOptions): CampaignReport {
  const started = performance.now();
  const every = options.determinismEvery ?? DETERMINISM_EVERY;
  const report: CampaignReport = {
    seed: options.seed,
    n: options.only?.length ?? options.n,
    cases: 0,
    counts: Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Record<Counter, number>,
    failedCases: 0,
    refused: 0,
    determinismChecked: 0,
    kinds: {},
    forms: {},
    ms: 0,
  };
  let lastProgress = started;
  const indices = options.only ?? Array.from({ length: options.n }, (_, i) => i);
  for (const index of indices) {
    const c = makeCase(options.seed, index);
    // A replay (`only`) checks determinism on every case it runs.
    const twice = every > 0 && (options.only !== undefined || index % every === 0);
    const result = checkCase(c, twice, options.mend);
    report.cases++;
    bump(report.kinds, c.kind);
    bump(report.forms, c.cut ? `${c.form} (cut)` : c.form);
    if (result.refused) report.refused++;
    if (result.determinismChecked) report.determinismChecked++;
    if (!report.slowest || result.ms > report.slowest.ms)
      report.slowest = { index, kind: c.kind, ms: result.ms };
    const counters = new Set(result.findings.map((f) => f.counter));
    for (const counter of counters) report.counts[counter]++;
    if (counters.size > 0) {
      report.failedCases++;
      options.onFailure?.(c, result);
    }
    const now = performance.now();
    if (options.onProgress && now - lastProgress >= PROGRESS_INTERVAL_MS) {
      lastProgress = now;
      options.onProgress({ ...report, ms: now - started });
    }
  }
  report.ms = performance.now() - started;
  return report;
}
