import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { START_LABEL } from './labels.js';

export const STRUCTURE_SCHEMA = 'newsmend-structure@1';

/**
 * The weights of the page-structure model as trained by `npm run train`: a maximum-entropy
 * Markov model, p(label | unit features, label before), decoded over the page with Viterbi.
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

/** The weights file shipped with the package. */
export const MODEL_PATH = fileURLToPath(
  new URL('../../../../data/structure-model.json.gz', import.meta.url),
);

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
  probability: number;
  /** The runner-up label and its probability: the competing reading. */
  runnerUp?: { label: string; probability: number };
  top: { feature: string; weight: number }[];
}

/** A page as the model reads it (see `viewPage`). */
export interface PageInput {
  /** Each unit's own features. */
  features: string[][];
  /** The features pairing unit `i` with the label before it. */
  transition(i: number, before: string): string[];
  /** What `transition(i, …)` reads of unit i: units with equal keys get equal features. */
  transitionKey(i: number): string;
}

/** Features shown as evidence for a decision. */
const TOP_FEATURES = 3;

export class StructureModel {
  readonly labels: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly allowed: boolean[][];

  constructor(readonly weights: StructureWeights) {
    this.labels = weights.labels;
    this.labels.forEach((l, i) => this.index.set(l, i));
    const all = [START_LABEL, ...this.labels];
    this.allowed = all.map(() => this.labels.map(() => false));
    for (const step of weights.transitions) {
      const [before, after] = step.split('>');
      const b = before === START_LABEL ? 0 : (this.index.get(before) ?? -1) + 1;
      const a = this.index.get(after);
      if (b > 0 || before === START_LABEL) if (a !== undefined) this.allowed[b][a] = true;
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
   * Summed weights of the transition features of a unit after label `before`, cached by the
   * label and the unit's transition key (what those features read of the unit): pages repeat
   * the same pairs. Bounded by labels × shapes × lengths × rule readings (a few tens of
   * thousands of small arrays at most).
   */
  private readonly transitionCache = new Map<string, Float64Array>();
  private transitionScores(
    page: PageInput,
    i: number,
    unitKey: string,
    before: number,
  ): Float64Array {
    const key = `${before}\u0001${unitKey}`;
    let scores = this.transitionCache.get(key);
    if (!scores) {
      scores = new Float64Array(this.labels.length);
      this.add(scores, page.transition(i, before < 0 ? START_LABEL : this.labels[before]));
      this.transitionCache.set(key, scores);
    }
    return scores;
  }

  /** Log-probabilities of each label given the unit's features and the label before (-1: start). */
  private logProbs(base: Float64Array, pair: Float64Array, before: number): Float64Array {
    const scores = Float64Array.from(base);
    for (let l = 0; l < scores.length; l++) scores[l] += pair[l];
    let max = -Infinity;
    for (let l = 0; l < scores.length; l++) {
      if (!this.allowed[before + 1][l]) scores[l] = -Infinity;
      max = Math.max(max, scores[l]);
    }
    let sum = 0;
    for (let l = 0; l < scores.length; l++) sum += Math.exp(scores[l] - max);
    const logZ = max + Math.log(sum);
    for (let l = 0; l < scores.length; l++) scores[l] -= logZ;
    return scores;
  }

  /**
   * The most likely labels of a page: Viterbi over p(label | features, label before);
   * `fixed[i]`, where given, is the only label unit i may take (a hard fact).
   */
  decode(page: PageInput, fixed: readonly (string | undefined)[] = []): Decision[] {
    const { features } = page;
    const n = features.length;
    const L = this.labels.length;
    const score: Float64Array[] = [];
    const back: Int32Array[] = [];
    const local: Float64Array[][] = [];
    for (let i = 0; i < n; i++) {
      const base = new Float64Array(L);
      this.add(base, features[i]);
      const row = new Float64Array(L).fill(-Infinity);
      const from = new Int32Array(L).fill(-1);
      const probs: Float64Array[] = [];
      const candidates = i === 0 ? [-1] : [...Array(L).keys()];
      const unitKey = page.transitionKey(i);
      for (const b of candidates) {
        const prior = i === 0 ? 0 : score[i - 1][b];
        if (prior === -Infinity) continue;
        const lp = this.logProbs(base, this.transitionScores(page, i, unitKey, b), b);
        // A label fixed by a hard constraint is the only one the path may take here.
        const only = fixed[i] === undefined ? -1 : (this.index.get(fixed[i]!) ?? -1);
        if (only >= 0) for (let l = 0; l < L; l++) if (l !== only) lp[l] = -Infinity;
        probs[b + 1] = lp;
        for (let l = 0; l < L; l++) {
          if (prior + lp[l] > row[l]) {
            row[l] = prior + lp[l];
            from[l] = b;
          }
        }
      }
      score.push(row);
      back.push(from);
      local.push(probs);
    }
    const path = new Array<number>(n);
    let best = 0;
    for (let l = 1; l < L; l++) if (score[n - 1]?.[l] > score[n - 1][best]) best = l;
    for (let i = n - 1; i >= 0; i--) {
      path[i] = best;
      best = back[i][best];
    }
    return path.map((l, i) =>
      this.explain(local[i][(i === 0 ? -1 : path[i - 1]) + 1], l, features[i]),
    );
  }

  private explain(logProbs: Float64Array, label: number, features: string[]): Decision {
    let second = -1;
    for (let l = 0; l < logProbs.length; l++)
      if (l !== label && (second === -1 || logProbs[l] > logProbs[second])) second = l;
    const top = features
      .map((feature) => ({ feature, weight: this.weights.weights[feature]?.[label] ?? 0 }))
      .filter((f) => f.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1))
      .slice(0, TOP_FEATURES)
      .map((f) => ({ feature: f.feature, weight: round(f.weight) }));
    const decision: Decision = {
      label: this.labels[label],
      probability: round(Math.exp(logProbs[label])),
      top,
    };
    if (second >= 0 && logProbs[second] > -Infinity)
      decision.runnerUp = {
        label: this.labels[second],
        probability: round(Math.exp(logProbs[second])),
      };
    return decision;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
