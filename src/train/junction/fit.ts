import {
  JUNCTION_LABELS,
  JUNCTION_SCHEMA,
  JunctionModel,
  type JunctionWeights,
} from '../../stages/rejoin/junction-model.js';
import type { JunctionExample } from './examples.js';

export interface JunctionFit {
  /** Passes over the examples, in their order (the pages' order: deterministic). */
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** L2 penalty per update. */
  l2: number;
  /** Features seen fewer times are left out. */
  minCount: number;
}

/** Chosen on a held-out fit month (scratch trial): 30 passes converge; more change nothing. */
export const DEFAULT_JUNCTION_FIT: JunctionFit = { epochs: 30, rate: 0.1, l2: 1e-4, minCount: 3 };

/** Weights are written with this many decimals, and those that round to 0 not at all. */
const DECIMALS = 3;

function frequentFeatures(examples: readonly JunctionExample[], minCount: number): Set<string> {
  const seen = new Map<string, number>();
  for (const e of examples) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= minCount).map(([f]) => f));
}

/**
 * Fit the junction model: multinomial logistic regression by AdaGrad over the examples in
 * order, L2-penalised. Deterministic: the same examples give the same weights.
 */
export function fitJunction(
  examples: readonly JunctionExample[],
  trainedOn: Record<string, unknown>,
  options: JunctionFit = DEFAULT_JUNCTION_FIT,
): JunctionWeights {
  const keep = frequentFeatures(examples, options.minCount);
  const labels = JUNCTION_LABELS.length;
  const weights: Record<string, number[]> = {};
  const squares: Record<string, number[]> = {};
  for (const f of [...keep].sort()) {
    weights[f] = new Array<number>(labels).fill(0);
    squares[f] = new Array<number>(labels).fill(1e-8);
  }
  const model = new JunctionModel({
    schema: JUNCTION_SCHEMA,
    trainedOn,
    labels: JUNCTION_LABELS,
    weights,
  });
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const e of examples) {
      const features = e.features.filter((f) => keep.has(f));
      const p = model.probabilities(features);
      for (const f of features) {
        const w = weights[f];
        const g2 = squares[f];
        for (let k = 0; k < labels; k++) {
          const gradient = p[k] - (k === e.label ? 1 : 0) + options.l2 * w[k];
          g2[k] += gradient * gradient;
          w[k] -= (options.rate * gradient) / Math.sqrt(g2[k]);
        }
      }
    }
  }
  const scale = 10 ** DECIMALS;
  const written: Record<string, number[]> = {};
  for (const [f, w] of Object.entries(weights)) {
    const rounded = w.map((x) => Math.round(x * scale) / scale);
    if (rounded.some((x) => x !== 0)) written[f] = rounded;
  }
  return { schema: JUNCTION_SCHEMA, trainedOn, labels: JUNCTION_LABELS, weights: written };
}
