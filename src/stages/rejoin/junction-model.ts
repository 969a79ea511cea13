import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Block, Doc } from '../../model/doc.js';
import { shippedLm, type GramCounts } from '../../lexicon/char-lm.js';
import { packageRoot } from '../../package-root.js';
import type { JunctionCall, JunctionDecider, JunctionDecision, SeamView } from './decide.js';
import { cutKind } from './cut.js';
import { joinGain, junctionFeatures, LOW_JOIN_GAIN, seamScores } from './junction-features.js';

export const JUNCTION_SCHEMA = 'newsmend-junction@1';

/** The classes the junction model tells apart: `end` is a paragraph ending without its full stop. */
export const JUNCTION_LABELS = ['join', 'lacuna', 'tail', 'end'] as const;
export type JunctionLabel = (typeof JUNCTION_LABELS)[number];

/** Multinomial logistic regression over a break's features, as `npm run train` fits it. */
export interface JunctionWeights {
  schema: typeof JUNCTION_SCHEMA;
  trainedOn: Record<string, unknown>;
  labels: readonly JunctionLabel[];
  /** Feature name → one weight per label (same order as `labels`). */
  weights: Record<string, number[]>;
}

export const JUNCTION_MODEL_PATH = join(packageRoot(), 'data', 'junction-model.json.gz');

/**
 * Text counts as lost at a break when the model gives loss (a lacuna inside the paragraph or
 * a lost tail) at least this probability. Low on purpose: under the dev damage profile, on fit
 * month 2020-01 held out of training, `npm run train -- --hold-out 2020-01` gives lost-text
 * precision/recall 0.84/0.34 at 0.3, 0.81/0.51 at 0.2 and 0.76/0.62 at 0.15 (the hand rules:
 * 0.50/0.54). The bar is precision 0.8 at recall 0.6; 0.2 is the lowest threshold that
 * keeps precision at 0.8.
 */
export const LOSS_CALL = 0.2;
/** The first block's paragraph ends at the break (a lost tail or a plain end) from this probability. */
export const BREAK_CALL = 0.5;
/** Features named in a ledger entry as the evidence of a call. */
const EVIDENCE_FEATURES = 3;

export function parseJunctionWeights(bytes: Uint8Array): JunctionWeights {
  const json = JSON.parse(new TextDecoder().decode(gunzipSync(bytes))) as JunctionWeights;
  if (json.schema !== JUNCTION_SCHEMA)
    throw new Error(`junction model: schema ${json.schema}, want ${JUNCTION_SCHEMA}`);
  return json;
}

export class JunctionModel {
  constructor(readonly weights: JunctionWeights) {}

  /** The probability of each label (softmax of the summed weights). */
  probabilities(features: readonly string[]): number[] {
    const scores = this.weights.labels.map(() => 0);
    for (const f of features) {
      const w = this.weights.weights[f];
      if (w) for (let k = 0; k < scores.length; k++) scores[k] += w[k];
    }
    const top = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - top));
    const sum = exp.reduce((a, b) => a + b, 0);
    return exp.map((e) => e / sum);
  }

  /** The features that weigh most for label `k` against the others. */
  strongest(features: readonly string[], k: number): string[] {
    const margin = (f: string) => {
      const w = this.weights.weights[f];
      if (!w) return 0;
      return w[k] - (w.reduce((a, b) => a + b, 0) - w[k]) / (w.length - 1);
    };
    return [...features]
      .filter((f) => margin(f) > 0)
      .sort((a, b) => margin(b) - margin(a) || a.localeCompare(b))
      .slice(0, EVIDENCE_FEATURES);
  }
}

/** The probability of one label among the model's four. */
const at = (p: readonly number[], label: JunctionLabel) => p[JUNCTION_LABELS.indexOf(label)];

/** The probability that text was lost at the break: inside the paragraph or at its end. */
export const lossProbability = (p: readonly number[]) => at(p, 'lacuna') + at(p, 'tail');

/** The call from the label probabilities: loss and paragraph end are decided apart. */
export function callOf(p: readonly number[]): JunctionCall {
  const lost = lossProbability(p) >= LOSS_CALL;
  const ends = at(p, 'tail') + at(p, 'end') >= BREAK_CALL;
  if (lost) return ends ? 'tail' : 'lacuna';
  return ends ? 'end' : 'join';
}

/**
 * The call before a block that cannot continue the sentence: the blocks stay apart, and the
 * question is only whether text was lost (the same LOSS_CALL on the probability of loss).
 */
export function stoppedCallOf(p: readonly number[]): JunctionCall {
  return lossProbability(p) >= LOSS_CALL ? 'tail' : 'end';
}

/**
 * The share of a dump's breaks that look lossy (join gain below LOW_JOIN_GAIN), smoothed
 * toward a quarter for a dump with few breaks: every block that stops mid-sentence, with the
 * live block after it.
 */
export function lossShare(doc: Doc, live: readonly Block[], lm: GramCounts): number {
  let low = 0;
  let breaks = 0;
  for (let i = 0; i + 1 < live.length; i++) {
    if (!cutKind(doc, live[i], live[i + 1])) continue;
    breaks++;
    if (joinGain(lm, live[i].text, live[i + 1].text) < LOW_JOIN_GAIN) low++;
  }
  return (low + 0.5) / (breaks + 2);
}

/** The junction model deciding each break of a dump, with the dump's loss share read first. */
export function modelDecider(model: JunctionModel, lm: GramCounts): JunctionDecider {
  return (doc, live) => {
    const share = lossShare(doc, live, lm);
    return (seam: SeamView): JunctionDecision => {
      const features = junctionFeatures(seam, seamScores(lm, seam.cut.text, seam.next.text), share);
      const p = model.probabilities(features);
      const call = seam.stop ? stoppedCallOf(p) : callOf(p);
      const k = JUNCTION_LABELS.indexOf(call);
      const probability = probabilityOf(p, call, seam.stop !== undefined);
      return { call, probability: round(probability), because: model.strongest(features, k) };
    };
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * How sure the model is of a call, for the ledger: of loss for a lacuna or a lost tail (the
 * threshold is on it), of no loss for a plain end before a stopper, else of the label called.
 */
function probabilityOf(p: readonly number[], call: JunctionCall, stopped: boolean): number {
  const lost = lossProbability(p);
  if (call === 'lacuna' || call === 'tail') return lost;
  return stopped ? 1 - lost : at(p, call);
}

let loaded: JunctionDecider | null | undefined;

/** The shipped junction model with its language model, or null when either file is absent. */
export function shippedJunctionDecider(): JunctionDecider | null {
  if (loaded !== undefined) return loaded;
  let bytes: Buffer;
  try {
    bytes = readFileSync(JUNCTION_MODEL_PATH);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return (loaded = null);
  }
  const lm = shippedLm();
  loaded = lm ? modelDecider(new JunctionModel(parseJunctionWeights(bytes)), lm) : null;
  return loaded;
}
