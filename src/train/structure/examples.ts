import type { Doc } from '../../model/doc.js';
import type { SynthPage } from '../../synth/index.js';
import { pageBytes } from '../../synth/index.js';
import { START_LABEL, roleOf, type Label } from '../../stages/segment/structure/labels.js';
import { viewPage } from '../../stages/segment/structure/read.js';
import { units } from '../../stages/segment/units.js';
import type { Example } from './fit.js';
import { goldLabels } from './align.js';

/** A page whose units match the gold this badly is left out: its labels would be guesses. */
const MAX_UNMATCHED_SHARE = 0.1;

export interface PageExamples {
  examples: Example[];
  /** Label pairs seen in order (`before>after`), the start of the page included. */
  transitions: Set<string>;
  units: number;
  unmatched: number;
  skipped: boolean;
}

/**
 * Training examples of one synthetic page: the page goes through the stages before segment,
 * each unit gets its gold label by matching the gold, and its features are those the model
 * sees at run time, paired with the gold label before it (the model is a Markov model).
 * `prepare` runs the stages before segment on the page's bytes.
 */
export function pageExamples(page: SynthPage, prepare: (bytes: Uint8Array) => Doc): PageExamples {
  const doc = prepare(pageBytes(page).bytes);
  const us = units(doc);
  const gold = goldLabels(us, page.gold.articles);
  const unmatched = gold.filter((g) => g === undefined).length;
  const out: PageExamples = {
    examples: [],
    transitions: new Set(),
    units: us.length,
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
    out.examples.push({ features: [...view.features[i], ...view.transition(i, before)], label });
    out.transitions.add(`${before}>${label}`);
    before = label;
  });
  return out;
}
