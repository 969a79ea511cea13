import type { Doc } from '../../model/doc.js';
import type { Part } from '../../model/parts.js';
import type { StageContext } from '../context.js';
import type { Stage } from '../stage.js';
import { Assembler } from './assembler.js';
import { recordSegmentation, type ModelVerdict } from './record.js';
import { structurePage } from './structure/page.js';
import { shippedModel, type Decision, type StructureModel } from './structure/model.js';
import { units, type Unit } from './units.js';

/** The hand rules alone: what segment does when no model file ships. */
function segmentByRules(doc: Doc, ctx: StageContext<'segment'>, found: Unit[]): void {
  const assembler = new Assembler(doc, found);
  assembler.run();
  doc.articles = assembler.drafts.map((d) => d.article);
  recordSegmentation(ctx, doc.articles, found, assembler.orphans);
}

function verdictOf(decision: Decision): ModelVerdict {
  return {
    label: decision.label,
    probability: decision.probability,
    features: decision.top.map((t) => `${t.feature} ${t.weight}`).join(', ') || 'none',
    runnerUp: decision.runnerUp
      ? `${decision.runnerUp.label} p=${decision.runnerUp.probability}`
      : 'none',
  };
}

/** The page-structure model labels every unit; the articles follow its labels. */
function segmentByModel(
  doc: Doc,
  ctx: StageContext<'segment'>,
  found: Unit[],
  model: StructureModel,
): void {
  const { drafts, orphans, decisions } = structurePage(doc, found, model);
  doc.articles = drafts.map((d) => d.article);
  const byStart = new Map<number, Decision>();
  found.forEach((u, i) => byStart.set(u.block.spans[0]?.start ?? -1, decisions[i]));
  const verdict = (part: Part) => {
    const decision = byStart.get(part.spans[0]?.start ?? -1);
    return decision && verdictOf(decision);
  };
  recordSegmentation(ctx, doc.articles, found, orphans, { model: verdict });
}

/**
 * D8/D10: find where articles start and what each line is (kicker, headline, subheadline,
 * dateline, byline, subheads, captions, notes, source tags, related titles). The page-structure
 * model (structure/) decides, with the hand rules' reading of each line among its features;
 * the recorder (record.ts) writes every decision to the ledger with the model's probability.
 */
export const segmentStage: Stage<'segment'> = {
  name: 'segment',
  run(doc, ctx) {
    const found = units(doc);
    const model = doc.options.structure === 'rules' ? null : shippedModel();
    if (model && found.length > 0) segmentByModel(doc, ctx, found, model);
    else segmentByRules(doc, ctx, found);
    return { articles: doc.articles.length };
  },
};
