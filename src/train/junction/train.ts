import { gzipSync } from 'node:zlib';
import { FIT_MONTHS, splitPages } from '../../eval/splits.js';
import type { GramCounts } from '../../lexicon/char-lm.js';
import { newDoc, runStage, STAGES } from '../../pipeline.js';
import { makeRejoinStage } from '../../stages/rejoin/index.js';
import type { JunctionDecider } from '../../stages/rejoin/decide.js';
import type { JunctionCall } from '../../stages/rejoin/decide.js';
import {
  JUNCTION_LABELS,
  JunctionModel,
  callOf,
  lossProbability,
  stoppedCallOf,
  type JunctionWeights,
} from '../../stages/rejoin/junction-model.js';
import { pageBytes, type SynthPage } from '../../synth/index.js';
import { PROFILE_NAMES, type ProfileName } from '../../synth/rates.js';
import { recordingDecider, type JunctionExample } from './examples.js';
import { fitJunction } from './fit.js';
import { countParts, foldCounts, lmFileBytes, type PartCounts } from './ngrams.js';

/** The month of a fit page, from its id (`rmrb-2019-2020-2019-02-01-p01`). */
export function monthOf(page: SynthPage): string {
  const month = /-(\d{4}-\d{2})-\d{2}-p\d+$/u.exec(page.id)?.[1];
  if (!month || !FIT_MONTHS.includes(month)) throw new Error(`junction: ${page.id} is no fit page`);
  return month;
}

/** Run the stages of a page up to and including rejoin, rejoin deciding with `decider`. */
export function throughRejoin(bytes: Uint8Array, decider: JunctionDecider): void {
  const doc = newDoc(bytes);
  for (const stage of STAGES) {
    if (stage.name === 'rejoin') {
      runStage(doc, makeRejoinStage(decider));
      return;
    }
    runStage(doc, stage);
  }
}

/**
 * The examples of some fit pages. Each page's breaks are read with a language model that left
 * the page's own month out (cross-fitting): counted with the page's own text, every clean join
 * would look attested, and the model would learn a trust in the counts that unseen pages
 * never earn.
 */
function examplesOf(pages: Iterable<SynthPage>, lmFor: (month: string) => GramCounts) {
  const examples: JunctionExample[] = [];
  for (const page of pages) {
    const decider = recordingDecider(lmFor(monthOf(page)), page.gold.articles, examples);
    throughRejoin(pageBytes(page).bytes, decider);
  }
  return examples;
}

function foldsOf(parts: Map<string, PartCounts>, also?: string) {
  const folds = new Map<string, GramCounts>();
  return (month: string) => {
    let lm = folds.get(month);
    if (!lm) {
      // `also`: a month held out of the whole training is left out of every fold too.
      const left = also && also !== month ? [month, also] : [month];
      const kept = new Map([...parts].filter(([name]) => !left.includes(name)));
      folds.set(month, (lm = foldCounts(kept)));
    }
    return lm;
  };
}

export interface JunctionTraining {
  lmBytes: Buffer;
  weights: JunctionWeights;
  examples: number;
}

/** Train the language model and the junction model on fit pages (every profile and seed given). */
export function trainJunction(
  sharedEval: string,
  seeds: readonly number[],
  maxPages?: number,
): JunctionTraining {
  const parts = countParts(sharedEval);
  const lmFor = foldsOf(parts);
  const examples: JunctionExample[] = [];
  for (const seed of seeds)
    for (const profile of PROFILE_NAMES)
      examples.push(...examplesOf(splitPages(sharedEval, 'fit', seed, profile, maxPages), lmFor));
  const trainedOn = { split: 'fit', seeds, profiles: PROFILE_NAMES, examples: examples.length };
  return {
    lmBytes: lmFileBytes(parts),
    weights: fitJunction(examples, trainedOn),
    examples: examples.length,
  };
}

export function junctionBytes(weights: JunctionWeights): Buffer {
  return gzipSync(JSON.stringify(weights), { level: 9 });
}

/** Precision and recall of two kinds of call at the breaks of one profile. */
export interface BreakScores {
  profile: ProfileName;
  breaks: number;
  /** Text lost at the break (a lacuna or a lost tail), by the model and by the hand rules. */
  loss: { model: PR; rules: PR };
  /** The paragraph ends at the break (a lost tail or a plain end). */
  end: { model: PR; rules: PR };
  /** Lost text by the model at other loss thresholds than LOSS_CALL: the curve it was chosen on. */
  lossCurve: (PR & { threshold: number })[];
}

/** Loss thresholds the hold-out reports precision and recall at. */
const CURVE = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

export interface PR {
  p: number;
  r: number;
}

const LOST: ReadonlySet<JunctionCall> = new Set(['lacuna', 'tail']);
const ENDS: ReadonlySet<JunctionCall> = new Set(['tail', 'end']);

function pr(pairs: readonly [JunctionCall, JunctionCall][], kind: ReadonlySet<JunctionCall>): PR {
  let hit = 0;
  let predicted = 0;
  let gold = 0;
  for (const [g, call] of pairs) {
    if (kind.has(g)) gold++;
    if (kind.has(call)) predicted++;
    if (kind.has(g) && kind.has(call)) hit++;
  }
  return { p: hit / predicted, r: hit / gold };
}

/**
 * Model selection without test pages: fit on the fit months but `month` (its text left out of
 * the language model too) and score the calls at the breaks of `month`'s pages against gold.
 */
export function validateJunction(
  sharedEval: string,
  month: string,
  seeds: readonly number[],
  validationSeed: number,
): BreakScores[] {
  const lmFor = foldsOf(countParts(sharedEval), month);
  const inMonth = (p: SynthPage) => monthOf(p) === month;
  const examples: JunctionExample[] = [];
  for (const seed of seeds)
    for (const profile of PROFILE_NAMES) {
      const pages = splitPages(sharedEval, 'fit', seed, profile).filter((p) => !inMonth(p));
      examples.push(...examplesOf(pages, lmFor));
    }
  const model = new JunctionModel(fitJunction(examples, {}));
  return PROFILE_NAMES.map((profile) => {
    const pages = splitPages(sharedEval, 'fit', validationSeed, profile).filter(inMonth);
    const held = examplesOf(pages, lmFor);
    const gold = held.map((e) => JUNCTION_LABELS[e.label]);
    const probabilities = held.map((e) => model.probabilities(e.features));
    const byModel = held.map((e, i): [JunctionCall, JunctionCall] => [
      gold[i],
      (e.stopped ? stoppedCallOf : callOf)(probabilities[i]),
    ]);
    const lossCurve = CURVE.map((threshold) => {
      const calls = held.map((_, i): [JunctionCall, JunctionCall] => {
        return [gold[i], lossProbability(probabilities[i]) >= threshold ? 'lacuna' : 'join'];
      });
      return { threshold, ...pr(calls, LOST) };
    });
    const byRules = held.map((e, i): [JunctionCall, JunctionCall] => [gold[i], e.rules]);
    return {
      profile,
      breaks: held.length,
      loss: { model: pr(byModel, LOST), rules: pr(byRules, LOST) },
      end: { model: pr(byModel, ENDS), rules: pr(byRules, ENDS) },
      lossCurve,
    };
  });
}
