import { isLexical, transitionFeatures } from '../../stages/segment/structure/features.js';
import { START_LABEL } from '../../stages/segment/structure/labels.js';
import {
  forwardBackward,
  unitMarginals,
  type Lattice,
} from '../../stages/segment/structure/lattice.js';
import { STRUCTURE_SCHEMA, type StructureWeights } from '../../stages/segment/structure/model.js';
import type { TrainingUnit } from './examples.js';

/** A training page: its units in reading order. */
export type TrainingPage = readonly TrainingUnit[];

export interface FitOptions {
  /** Passes over the pages. */
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** L2 penalty per update on the weights a page touches (keeps rare features small). */
  l2: number;
  /** Features seen fewer times than this are left out (noise, and a smaller weights file). */
  minCount: number;
  /**
   * The same for word features (`isLexical`): a word must recur over many lines to say
   * something of a role. Every fit page is read once per training seed and profile (four
   * times), so a word one headline holds would pass `minCount` and the model would learn that
   * headline by heart. The default (about 30 lines) was chosen on held-out fit months: 60 and
   * 120 scored within about a point of each other there, and 120 keeps fewer words.
   */
  lexicalMinCount: number;
  /** Seed of the order pages are visited in, each epoch. */
  seed: number;
  /**
   * From this epoch on (0-based), the weights written are the mean of the weights after every
   * page, not the last ones (parameter averaging): the last pages visited no longer tip
   * near-even decisions. Undefined: the last weights.
   */
  averageFrom?: number;
}

export const DEFAULT_FIT: FitOptions = {
  epochs: 10,
  rate: 0.1,
  l2: 1e-4,
  minCount: 3,
  lexicalMinCount: 120,
  seed: 1,
  averageFrom: 5,
};

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

/** A page's units with features and labels as indices, ready for the lattice. */
interface EncodedPage {
  features: Int32Array[];
  keys: string[];
  gold: Int32Array;
}

/** Names of the features the weights keep: those seen at least `minCount` (words: `lexicalMinCount`) times on the gold path. */
function vocabulary(pages: readonly TrainingPage[], options: FitOptions): string[] {
  const counts = new Map<string, number>();
  const count = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const page of pages) {
    let before = START_LABEL;
    for (const unit of page) {
      for (const f of new Set(unit.features)) count(f);
      for (const f of transitionFeatures(unit.key, before)) count(f);
      before = unit.label;
    }
  }
  return [...counts.keys()]
    .filter((f) => counts.get(f)! >= (isLexical(f) ? options.lexicalMinCount : options.minCount))
    .sort();
}

/** The weights being fitted, with what a page's lattice needs of them. */
class Weights {
  readonly w: Float64Array;
  /** Per transition key, per label before (row 0: page start), the indices of its features. */
  private readonly steps = new Map<string, Int32Array[]>();

  constructor(
    readonly labels: readonly string[],
    readonly names: readonly string[],
    private readonly featureIndex: Map<string, number>,
    private readonly allowed: boolean[],
  ) {
    this.w = new Float64Array(names.length * labels.length);
  }

  stepFeatures(key: string): Int32Array[] {
    let rows = this.steps.get(key);
    if (!rows) {
      rows = [START_LABEL, ...this.labels].map((before) =>
        Int32Array.from(
          transitionFeatures(key, before)
            .map((f) => this.featureIndex.get(f))
            .filter((i): i is number => i !== undefined),
        ),
      );
      this.steps.set(key, rows);
    }
    return rows;
  }

  private sum(scores: Float64Array, features: Int32Array): void {
    const L = this.labels.length;
    for (const f of features) for (let y = 0; y < L; y++) scores[y] += this.w[f * L + y];
  }

  lattice(page: EncodedPage): Lattice {
    const L = this.labels.length;
    const node = page.features.map((features) => {
      const scores = new Float64Array(L);
      this.sum(scores, features);
      return scores;
    });
    const byKey = new Map<string, Float64Array>();
    const edge = page.keys.map((key) => {
      let scores = byKey.get(key);
      if (!scores) {
        scores = new Float64Array((L + 1) * L);
        this.stepFeatures(key).forEach((features, r) => {
          const row = scores!.subarray(r * L, (r + 1) * L);
          this.sum(row, features);
          for (let y = 0; y < L; y++) if (!this.allowed[r * L + y]) row[y] = -Infinity;
        });
        byKey.set(key, scores);
      }
      return scores;
    });
    return { size: L, node, edge };
  }
}

/**
 * The gradient of a page's negative log-likelihood, added into `grad`: expected feature counts
 * under the model (forward-backward) less the counts on the gold path. `touch` is told of every
 * feature the page has.
 */
function addGradient(
  weights: Weights,
  page: EncodedPage,
  grad: Float64Array,
  touch: (f: number) => void,
): void {
  const L = weights.labels.length;
  const lattice = weights.lattice(page);
  const fb = forwardBackward(lattice);
  const { alpha, beta, logZ } = fb;
  const marginals = unitMarginals(fb);
  page.features.forEach((features, i) => {
    const gold = page.gold[i];
    for (const f of features) {
      touch(f);
      for (let y = 0; y < L; y++) grad[f * L + y] += marginals[i][y] - (y === gold ? 1 : 0);
    }
    const rows = weights.stepFeatures(page.keys[i]);
    const goldRow = i === 0 ? 0 : page.gold[i - 1] + 1;
    // Rows of the steps into unit i: the page start for the first unit, each label after.
    const [firstRow, lastRow] = i === 0 ? [0, 0] : [1, L];
    for (let r = firstRow; r <= lastRow; r++) {
      const prior = i === 0 ? 0 : alpha[i - 1][r - 1];
      if (prior === -Infinity || rows[r].length === 0) continue;
      for (const g of rows[r]) touch(g);
      for (let y = 0; y < L; y++) {
        const score = lattice.edge[i][r * L + y];
        const expected =
          score === -Infinity
            ? 0
            : Math.exp(prior + score + lattice.node[i][y] + beta[i][y] - logZ);
        const delta = expected - (r === goldRow && y === gold ? 1 : 0);
        if (delta !== 0) for (const g of rows[r]) grad[g * L + y] += delta;
      }
    }
  });
}

/**
 * A linear-chain CRF fitted by AdaGrad, one page at a time: the gradient of the page's
 * log-likelihood, with an L2 penalty on the weights the page touches.
 * Deterministic: the same pages and options give the same weights, bit for bit.
 */
export function fitCrf(
  pages: readonly TrainingPage[],
  transitions: readonly string[],
  trainedOn: Record<string, unknown>,
  options: FitOptions = DEFAULT_FIT,
): StructureWeights {
  const labels = [...new Set(pages.flatMap((p) => p.map((u) => u.label)))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const L = labels.length;
  const allowed = new Array<boolean>((L + 1) * L).fill(false);
  for (const step of transitions) {
    const [before, after] = step.split('>');
    const r = before === START_LABEL ? 0 : labelIndex.get(before)! + 1;
    allowed[r * L + labelIndex.get(after)!] = true;
  }
  const names = vocabulary(pages, options);
  const featureIndex = new Map(names.map((f, i) => [f, i]));
  const weights = new Weights(labels, names, featureIndex, allowed);
  const encoded: EncodedPage[] = pages.map((page) => ({
    features: page.map((u) =>
      Int32Array.from(
        [...new Set(u.features)]
          .map((f) => featureIndex.get(f))
          .filter((i): i is number => i !== undefined),
      ),
    ),
    keys: page.map((u) => u.key),
    gold: Int32Array.from(page.map((u) => labelIndex.get(u.label)!)),
  }));
  const { w } = weights;
  const g2 = new Float64Array(w.length);
  const grad = new Float64Array(w.length);
  const touched: number[] = [];
  const seen = new Uint8Array(names.length);
  const touch = (f: number) => {
    if (!seen[f]) {
      seen[f] = 1;
      touched.push(f);
    }
  };
  const random = rng(options.seed);
  const sum = new Float64Array(options.averageFrom === undefined ? 0 : w.length);
  let summed = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const k of shuffled(encoded.length, random)) {
      addGradient(weights, encoded[k], grad, touch);
      for (const f of touched) {
        for (let y = 0; y < L; y++) {
          const at = f * L + y;
          const g = grad[at] + options.l2 * w[at];
          g2[at] += g * g;
          w[at] -= (options.rate * g) / Math.sqrt(g2[at] + 1e-8);
          grad[at] = 0;
        }
        seen[f] = 0;
      }
      touched.length = 0;
      if (options.averageFrom !== undefined && epoch >= options.averageFrom) {
        for (let i = 0; i < w.length; i++) sum[i] += w[i];
        summed++;
      }
    }
  }
  if (summed > 0) for (let i = 0; i < w.length; i++) w[i] = sum[i] / summed;
  const written: Record<string, number[]> = {};
  names.forEach((name, f) => {
    const row = Array.from(w.subarray(f * L, (f + 1) * L), (x) => Number(x.toFixed(DECIMALS)));
    if (row.some((x) => Math.abs(x) >= MIN_WRITTEN_WEIGHT)) written[name] = row;
  });
  return {
    schema: STRUCTURE_SCHEMA,
    trainedOn: {
      ...trainedOn,
      units: encoded.reduce((n, p) => n + p.gold.length, 0),
      features: Object.keys(written).length,
      ...options,
    },
    labels,
    transitions: [...transitions].sort(),
    weights: written,
  };
}
