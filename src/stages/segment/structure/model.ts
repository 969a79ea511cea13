import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { packageRoot } from '../../../package-root.js';
import { transitionFeatures } from './features.js';
import type { Allowed } from './constraints.js';
import { START_LABEL } from './labels.js';
import { forwardBackward, unitMarginals, viterbi, type Lattice } from './lattice.js';

export const STRUCTURE_SCHEMA = 'newsmend-structure@2';

/**
 * The weights of the page-structure model as trained by `npm run train`: a linear-chain CRF.
 * A labelling's score is the sum of the weights of each unit's features for its label and of
 * the transition features pairing each label with the one before; Viterbi finds the best
 * labelling, forward-backward each label's probability.
 */
export interface StructureWeights {
  schema: typeof STRUCTURE_SCHEMA;
  /** How the weights were made: data, split, seeds, epochs (for the record, not used here). */
  trainedOn: Record<string, unknown>;
  labels: string[];
  /** Label pairs seen in training, as `before>after`; any other step is impossible. */
  transitions: string[];
  /** Feature name → one weight per label (same order as `labels`). */
  weights: Record<string, number[]>;
}

/**
 * The weights file shipped with the package, found from the package root: a path relative to
 * this module pointed into dist/ when built, where no data/ is, and the built CLI then quietly
 * decided by the hand rules alone.
 */
export const MODEL_PATH = join(packageRoot(), 'data', 'structure-model.json.gz');

export function parseWeights(bytes: Uint8Array): StructureWeights {
  const json = JSON.parse(new TextDecoder().decode(gunzipSync(bytes))) as StructureWeights;
  if (json.schema !== STRUCTURE_SCHEMA)
    throw new Error(`structure model: schema ${json.schema}, want ${STRUCTURE_SCHEMA}`);
  return json;
}

let loaded: StructureModel | null | undefined;

/** The shipped model, loaded once; null when the file is absent (the rules decide alone then). */
export function shippedModel(): StructureModel | null {
  if (loaded === undefined) {
    try {
      loaded = new StructureModel(parseWeights(readFileSync(MODEL_PATH)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      loaded = null;
    }
  }
  return loaded;
}

/** One unit's decision: the label, its probability, and the features that weighed most for it. */
export interface Decision {
  label: string;
  /** The marginal probability of the label at this unit, over all labellings of the page. */
  probability: number;
  /** The runner-up label and its probability: the competing reading. */
  runnerUp?: { label: string; probability: number };
  top: { feature: string; weight: number }[];
}

/** A page as the model reads it (see `viewPage`). */
export interface PageInput {
  /** Each unit's own features. */
  features: string[][];
  /** What the transition features read of each unit (`transitionKey`). */
  keys: string[];
}

/** Features shown as evidence for a decision. */
const TOP_FEATURES = 3;

export class StructureModel {
  readonly labels: readonly string[];
  private readonly index = new Map<string, number>();
  /** `allowed[(before + 1) * L + y]`: the step from `before` (-1: page start) to y was seen. */
  private readonly allowed: boolean[];

  constructor(readonly weights: StructureWeights) {
    this.labels = weights.labels;
    this.labels.forEach((l, i) => this.index.set(l, i));
    const L = this.labels.length;
    this.allowed = new Array<boolean>((L + 1) * L).fill(false);
    for (const step of weights.transitions) {
      const [before, after] = step.split('>');
      const b = before === START_LABEL ? -1 : (this.index.get(before) ?? -2);
      const a = this.index.get(after);
      if (b >= -1 && a !== undefined) this.allowed[(b + 1) * L + a] = true;
    }
  }

  /** Sum of the weights of `features` into `scores`. */
  private add(scores: Float64Array, features: readonly string[]): void {
    for (const f of features) {
      const w = this.weights.weights[f];
      if (w) for (let l = 0; l < scores.length; l++) scores[l] += w[l];
    }
  }

  /**
   * The step scores into a unit with transition key `key`, from each label before (row 0: the
   * page start), cached by key: pages repeat the same keys. Bounded by shapes × lengths × rule
   * readings (a few thousand small arrays at most).
   */
  private readonly edgeCache = new Map<string, Float64Array>();
  private edgeScores(key: string): Float64Array {
    let edge = this.edgeCache.get(key);
    if (!edge) {
      const L = this.labels.length;
      edge = new Float64Array((L + 1) * L);
      for (let b = -1; b < L; b++) {
        const row = edge.subarray((b + 1) * L, (b + 2) * L);
        this.add(row, transitionFeatures(key, b < 0 ? START_LABEL : this.labels[b]));
        for (let y = 0; y < L; y++) if (!this.allowed[(b + 1) * L + y]) row[y] = -Infinity;
      }
      this.edgeCache.set(key, edge);
    }
    return edge;
  }

  /** The page's lattice; `allowed[i]`, where given, are the only labels unit i may take. */
  lattice(page: PageInput, allowed: Allowed = []): Lattice {
    const L = this.labels.length;
    const node = page.features.map((features, i) => {
      const scores = new Float64Array(L);
      this.add(scores, features);
      const only = allowed[i];
      // A constraint naming no label the model knows is ignored rather than leaving no path.
      if (only && only.some((l) => this.index.has(l)))
        for (let y = 0; y < L; y++) if (!only.includes(this.labels[y])) scores[y] = -Infinity;
      return scores;
    });
    return { size: L, node, edge: page.keys.map((key) => this.edgeScores(key)) };
  }

  /**
   * The most likely labelling of a page (Viterbi), each label with its marginal probability
   * (forward-backward); `allowed[i]`, where given, are the only labels unit i may take (hard
   * facts).
   */
  decode(page: PageInput, allowed: Allowed = []): Decision[] {
    const lattice = this.lattice(page, allowed);
    const path = viterbi(lattice);
    const marginals = unitMarginals(forwardBackward(lattice));
    return path.map((label, i) => this.explain(marginals[i], label, page.features[i]));
  }

  /**
   * The TOP_FEATURES features that weighed most for `label` (positive weights only), kept by
   * insertion: every unit is explained, and sorting all its features each time cost more than
   * the decoding.
   */
  private topFeatures(features: readonly string[], label: number): Decision['top'] {
    const top: { feature: string; weight: number }[] = [];
    for (const feature of features) {
      const weight = this.weights.weights[feature]?.[label] ?? 0;
      if (weight <= 0) continue;
      const f = { feature, weight };
      if (top.length === TOP_FEATURES && !outranks(f, top[TOP_FEATURES - 1])) continue;
      let at = top.length;
      while (at > 0 && outranks(f, top[at - 1])) at--;
      top.splice(at, 0, f);
      if (top.length > TOP_FEATURES) top.pop();
    }
    return top.map((f) => ({ feature: f.feature, weight: round(f.weight) }));
  }

  private explain(marginals: Float64Array, label: number, features: string[]): Decision {
    let second = -1;
    for (let l = 0; l < marginals.length; l++)
      if (l !== label && (second === -1 || marginals[l] > marginals[second])) second = l;
    const top = this.topFeatures(features, label);
    const decision: Decision = {
      label: this.labels[label],
      probability: round(marginals[label]),
      top,
    };
    if (second >= 0 && marginals[second] > 0)
      decision.runnerUp = { label: this.labels[second], probability: round(marginals[second]) };
    return decision;
  }
}

/** Whether feature a outranks b as evidence: the larger weight, then the name, first. */
function outranks(a: { feature: string; weight: number }, b: { feature: string; weight: number }) {
  return a.weight > b.weight || (a.weight === b.weight && a.feature < b.feature);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
