import { HIGHER_IS_BETTER, MUST_BE_ZERO, type Metrics } from './metrics.js';

/** One metric over the seeds of a run: each seed's value, and their mean and spread. */
export interface Spread {
  /** Per seed, in seed order; undefined where the seed had nothing to measure. */
  values: (number | undefined)[];
  mean?: number;
  /** Sample standard deviation over the seeds that measured it (0 with one seed). */
  sd?: number;
  min?: number;
  max?: number;
  /** Sum over the seeds: what crash and rebuild-failure counts report. */
  total?: number;
}

export function spread(values: (number | undefined)[]): Spread {
  const xs = values.filter((v): v is number => v !== undefined);
  if (xs.length === 0) return { values };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
  const sd = xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : 0;
  const total = xs.reduce((a, b) => a + b, 0);
  return { values, mean, sd, min: Math.min(...xs), max: Math.max(...xs), total };
}

/** Every metric over the seeds. */
export function spreadMetrics(perSeed: Metrics[]): Record<keyof Metrics, Spread> {
  const keys = Object.keys(perSeed[0] ?? {}) as (keyof Metrics)[];
  return Object.fromEntries(keys.map((key) => [key, spread(perSeed.map((m) => m[key]))])) as Record<
    keyof Metrics,
    Spread
  >;
}

/** Metrics that are ratios (shown with a spread and a fit–test gap). */
export const RATIO_METRICS: ReadonlySet<keyof Metrics> = new Set(HIGHER_IS_BETTER);
/** Counts that must stay zero: reported as totals over the seeds. */
export const ZERO_METRICS: ReadonlySet<keyof Metrics> = new Set(MUST_BE_ZERO);
