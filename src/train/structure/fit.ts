import { STRUCTURE_SCHEMA, type StructureWeights } from '../../stages/segment/structure/model.js';

/** One training example: the features of a unit (given the gold label before it) and its gold label. */
export interface Example {
  features: string[];
  label: string;
}

export interface FitOptions {
  /** Passes over the examples. */
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** L2 penalty per update on the weights an example touches (keeps rare features small). */
  l2: number;
  /** Features seen fewer times than this are left out (noise, and a smaller weights file). */
  minCount: number;
  /** Seed of the order examples are visited in, each epoch. */
  seed: number;
}

export const DEFAULT_FIT: FitOptions = { epochs: 10, rate: 0.1, l2: 1e-4, minCount: 3, seed: 1 };

/** Weights closer to zero than this are not written: they change no decision. */
const MIN_WRITTEN_WEIGHT = 0.002;
/** Weights are written with this many decimals: enough for the decisions, and byte-stable. */
const DECIMALS = 3;

/** A small deterministic generator (mulberry32) for the visiting order. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): number[] {
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * Multinomial logistic regression by AdaGrad: p(label | features) ∝ exp(Σ w[feature][label]).
 * Deterministic: the same examples and options give the same weights, bit for bit.
 */
export function fitMaxent(
  examples: readonly Example[],
  transitions: readonly string[],
  trainedOn: Record<string, unknown>,
  options: FitOptions = DEFAULT_FIT,
): StructureWeights {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => counts.get(f)! >= options.minCount).sort();
  const featureIndex = new Map(names.map((f, i) => [f, i]));
  const L = labels.length;
  const w = new Float64Array(names.length * L);
  const g2 = new Float64Array(names.length * L);
  const encoded = examples.map((e) => ({
    features: [...new Set(e.features)]
      .map((f) => featureIndex.get(f))
      .filter((i): i is number => i !== undefined),
    label: labelIndex.get(e.label)!,
  }));
  const random = rng(options.seed);
  const scores = new Float64Array(L);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const k of shuffled(encoded.length, random)) {
      const { features, label } = encoded[k];
      scores.fill(0);
      for (const f of features) for (let l = 0; l < L; l++) scores[l] += w[f * L + l];
      let max = -Infinity;
      for (let l = 0; l < L; l++) max = Math.max(max, scores[l]);
      let sum = 0;
      for (let l = 0; l < L; l++) sum += scores[l] = Math.exp(scores[l] - max);
      for (const f of features) {
        for (let l = 0; l < L; l++) {
          const at = f * L + l;
          const g = scores[l] / sum - (l === label ? 1 : 0) + options.l2 * w[at];
          g2[at] += g * g;
          w[at] -= (options.rate * g) / Math.sqrt(g2[at] + 1e-8);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  names.forEach((name, f) => {
    const row = Array.from(w.subarray(f * L, (f + 1) * L), (x) => Number(x.toFixed(DECIMALS)));
    if (row.some((x) => Math.abs(x) >= MIN_WRITTEN_WEIGHT)) weights[name] = row;
  });
  return {
    schema: STRUCTURE_SCHEMA,
    trainedOn: {
      ...trainedOn,
      examples: examples.length,
      features: Object.keys(weights).length,
      ...options,
    },
    labels,
    transitions: [...transitions].sort(),
    weights,
  };
}
