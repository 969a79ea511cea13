import type { Doc } from '../../../model/doc.js';
import { Assembler } from '../assembler.js';
import type { Unit } from '../units.js';
import { pageContext, transitionKey, unitFeatures } from './features.js';
import type { PageInput } from './model.js';
import { ruleReadings, type RuleReading } from './rule-reading.js';

/** What the structure model sees of a page: its units, the rules' reading of each, their features. */
export interface PageView extends PageInput {
  units: Unit[];
  readings: RuleReading[];
}

/**
 * Look at a page as the model does. The hand rules run first and their reading of each unit
 * becomes a feature (the model decides; the rules' articles are not kept).
 */
export function viewPage(doc: Doc, units: Unit[]): PageView {
  const rules = new Assembler(doc, units);
  // Only where the rules put each unit is read: the flags they would add are not needed.
  rules.run({ finish: false });
  const readings = ruleReadings(
    units,
    rules.drafts.map((d) => d.article),
  );
  const context = pageContext(units, readings);
  return {
    units,
    readings,
    // Each feature once: training counts a feature once per example, so must inference.
    features: units.map((_, i) => [...new Set(unitFeatures(context, i))]),
    keys: units.map((unit, i) => transitionKey(unit, readings[i])),
  };
}
