import type { Doc } from '../../../model/doc.js';
import { finishDraft, type Draft } from '../article.js';
import type { Orphan } from '../record.js';
import type { Unit } from '../units.js';
import { LabelAssembler } from './assemble.js';
import { fixedLabels, layoutLabels } from './constraints.js';
import type { Decision, StructureModel } from './model.js';
import { viewPage } from './read.js';

export interface PageStructure {
  drafts: Draft[];
  orphans: Orphan[];
  /** The model's decision on each unit, in unit order. */
  decisions: Decision[];
}

/** Label a page's units with `model` and put its articles together as the labels say. */
export function structurePage(doc: Doc, units: Unit[], model: StructureModel): PageStructure {
  const view = viewPage(doc, units);
  const fixed = fixedLabels(units, view.readings);
  let decisions = model.decode(view, layoutLabels(units, doc.layout, model.labels, fixed));
  // Geometry can ask for a sequence of labels the model never saw in training (two subheadline
  // lines, say): no labelling then satisfies every constraint, and the page is decoded
  // with the rules' constraints alone rather than left without labels.
  if (decisions.some((d) => !Number.isFinite(d.probability))) decisions = model.decode(view, fixed);
  const assembler = new LabelAssembler(
    doc,
    units,
    decisions.map((d) => d.label),
  );
  const drafts = assembler.run();
  for (const draft of drafts) finishDraft(doc, draft);
  return { drafts, orphans: assembler.orphans, decisions };
}
