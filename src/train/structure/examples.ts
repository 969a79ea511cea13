import type { Doc } from '../../model/doc.js';
import type { SynthPage } from '../../synth/index.js';
import { pageBytes } from '../../synth/index.js';
import { START_LABEL, roleOf, type Label } from '../../stages/segment/structure/labels.js';
import { viewPage } from '../../stages/segment/structure/read.js';
import { units } from '../../stages/segment/units.js';
import { goldLabels } from './align.js';

/** A page whose units match the gold this badly is left out: its labels would be guesses. */
const MAX_UNMATCHED_SHARE = 0.1;

/** One unit of a training page: the features the model sees at run time and its gold label. */
export interface TrainingUnit {
  features: string[];
  /** What the transition features read of the unit (`transitionKey`). */
  key: string;
  label: string;
}

export interface PageExamples {
  /** The page's units in reading order; empty when the page is left out. */
  units: TrainingUnit[];
  /** Label pairs seen in order (`before>after`), the start of the page included. */
  transitions: Set<string>;
  unitCount: number;
  unmatched: number;
  skipped: boolean;
}

/**
 * The training sequence of one synthetic page: the page goes through the stages before
 * segment, and each unit gets its gold label by matching the gold and the features the model
 * sees at run time. `prepare` runs the stages before segment on the page's bytes.
 */
export function pageExamples(page: SynthPage, prepare: (bytes: Uint8Array) => Doc): PageExamples {
  const doc = prepare(pageBytes(page).bytes);
  const us = units(doc);
  const gold = goldLabels(us, page.gold.articles);
  const unmatched = gold.filter((g) => g === undefined).length;
  const out: PageExamples = {
    units: [],
    transitions: new Set(),
    unitCount: us.length,
    unmatched,
    skipped: us.length === 0 || unmatched > MAX_UNMATCHED_SHARE * us.length,
  };
  if (out.skipped) return out;
  const view = viewPage(doc, us);
  let before: string = START_LABEL;
  gold.forEach((g, i) => {
    // Text the gold does not hold stays where the rules put it, in the article under way.
    const reading = view.readings[i];
    const label: Label = g ?? (reading.role === 'residue' ? 'paragraph' : roleOf(reading.role));
    out.units.push({ features: view.features[i], key: view.keys[i], label });
    out.transitions.add(`${before}>${label}`);
    before = label;
  });
  return out;
}
