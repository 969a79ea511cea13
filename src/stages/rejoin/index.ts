import { blockEnd, blockStart, type Block, type Doc } from '../../model/doc.js';
import type { Edit, Span } from '../../model/types.js';
import type { StageContext } from '../context.js';
import type { Stage } from '../stage.js';
import { cutKind, stopper } from './cut.js';
import { examineJunction, type JunctionEvidence } from '../../text/junction.js';
import { lacunaAtSeam, lacunaOf, recordLacuna, rendered, seamFacts, type Found } from './lacuna.js';
import { RULES, type CutKind, type ModelJunctionFacts, type Stopper } from './rules.js';
import { rulesDecider, type JunctionDecider, type JunctionDecision } from './decide.js';
import { shippedJunctionDecider } from './junction-model.js';

type Ctx = StageContext<'rejoin'>;
type Counts = { joins: number; lacunae: number; tails: number; ends: number };

/** What was decided at a seam that joins: how the block was cut, the evidence, the lacuna. */
interface JoinCall {
  how: CutKind;
  evidence: JunctionEvidence;
  found: Found | undefined;
  decision: JunctionDecision;
}

/** The model's facts of a call it made, or undefined when the hand rules decided. */
function modelFacts(how: CutKind, decision: JunctionDecision): ModelJunctionFacts | undefined {
  if (decision.probability === undefined) return undefined;
  return {
    cut: how,
    probability: decision.probability,
    features: (decision.because ?? []).join(', '),
  };
}

/** The lacuna of a `lacuna` call: the detector's when the rules decided, else the model's own. */
function lacunaFor(
  detected: Found | undefined,
  decision: JunctionDecision,
  how: CutKind,
): Found | undefined {
  const facts = modelFacts(how, decision);
  if (!facts || detected?.kind === 'restoration') return detected;
  return { kind: 'model', rule: RULES.modelLacuna, facts };
}

function recordTail(
  ctx: Ctx,
  cut: Block,
  how: CutKind,
  detected: Found | undefined,
  decision: JunctionDecision,
): void {
  const facts = modelFacts(how, decision);
  if (facts) ctx.flag(RULES.modelTail, lostTail(cut), { facts });
  else ctx.flag(RULES.opensSentence, lostTail(cut), { facts: seamFacts(how, detected) });
}

/** Before a stopper: the lost tail the decision calls, if it calls one. True when it did. */
function recordStopped(
  ctx: Ctx,
  cut: Block,
  how: CutKind,
  stop: Stopper,
  decision: JunctionDecision,
): boolean {
  if (decision.call !== 'tail' && decision.call !== 'lacuna') return false;
  const facts = modelFacts(how, decision);
  if (facts) ctx.flag(RULES.modelTail, lostTail(cut), { facts });
  else ctx.flag(RULES.noContinuation, lostTail(cut), { facts: { cut: how, next: stop } });
  return true;
}

/** The join entry: across a lacuna, across a word, or a plain mid-sentence break. */
function recordJoin(ctx: Ctx, seam: Span, { how: cut, evidence, found, decision }: JoinCall): Edit {
  if (found) {
    const { confidence } = rendered(found);
    const lacuna = found.rule.id;
    return ctx.join(RULES.acrossLacuna, [seam], { facts: { cut, lacuna, confidence } });
  }
  const model = modelFacts(cut, decision);
  if (model) return ctx.join(RULES.modelJoin, [seam], { facts: model });
  if (evidence.crossingWord)
    return ctx.join(RULES.crossingWord, [seam], { facts: { cut, word: evidence.crossingWord } });
  return ctx.join(RULES.midSentence, [seam], { facts: { cut } });
}

function join(ctx: Ctx, cut: Block, next: Block, call: JoinCall): void {
  const { found } = call;
  const shift = cut.text.length;
  const seam = { start: blockEnd(cut), end: blockStart(next) };
  const entry = recordJoin(ctx, seam, call);
  if (found) {
    cut.lacunae.push(lacunaOf(found, cut.text.length));
    recordLacuna(ctx, found, { start: seam.start, end: seam.start }, entry);
  }
  cut.spans.push(...next.spans);
  cut.text += next.text;
  cut.lacunae.push(...next.lacunae.map((l) => ({ ...l, at: l.at + shift })));
  cut.lacunaAfter = next.lacunaAfter;
  cut.pullQuote ||= next.pullQuote;
  next.status = 'merged';
}

/**
 * A line a PDF's geometry shows in display type (a headline…): never a paragraph cut by a
 * column break, nor the continuation of one.
 */
function isDisplayLine(doc: Doc, block: Block): boolean {
  const start = blockStart(block);
  return doc.layout?.display.some((h) => h.start <= start && start < h.end) ?? false;
}

/** A paragraph that stops mid-sentence with nothing to continue it keeps a lacuna at its end. */
function lostTail(cut: Block): Span[] {
  cut.lacunaAfter = true;
  return [{ start: blockEnd(cut), end: blockEnd(cut) }];
}

/**
 * Follow one cut block through the blocks after it: join each that continues its sentence,
 * or mark the lost tail where nothing does. Returns the joins made and the lacunae found.
 */
function mend(
  doc: Doc,
  ctx: Ctx,
  live: Block[],
  i: number,
  decide: ReturnType<JunctionDecider>,
): Counts {
  const cut = live[i];
  const counts = { joins: 0, lacunae: 0, tails: 0, ends: 0 };
  for (;;) {
    let j = i + 1;
    while (j < live.length && live[j].status !== 'live') j++;
    const next = live[j];
    if (next && isDisplayLine(doc, next)) break;
    const how = cutKind(doc, cut, next);
    if (!how) break;
    const evidence = next ? examineJunction(cut.text, next.text) : {};
    if (!next) {
      ctx.flag(RULES.lastBlock, lostTail(cut), { facts: { cut: how } });
      counts.tails++;
      break;
    }
    const stop = stopper(next, evidence);
    if (stop) {
      // Nothing joins across a stopper; whether the tail was lost there is the decider's call.
      const decision = decide({ doc, cut, next, how, evidence, found: undefined, stop });
      if (recordStopped(ctx, cut, how, stop, decision)) counts.tails++;
      else counts.ends++;
      break;
    }
    // A repeated block that stops mid-sentence stops there in every copy (D5): the page
    // printed a headline+lead teaser whose rest is elsewhere, not a column break.
    if (cut.repeated) {
      ctx.flag(RULES.teaser, lostTail(cut), { facts: { cut: how } });
      counts.tails++;
      break;
    }
    const detected = lacunaAtSeam(doc, cut, next, evidence);
    // A restoration is attested by the dump itself: a hard join across the lacuna. Any other
    // break is the decider's call (the hand rules, or the junction model).
    const decision: JunctionDecision =
      detected?.kind === 'restoration'
        ? { call: 'lacuna' }
        : decide({ doc, cut, next, how, evidence, found: detected });
    if (decision.call === 'end') {
      counts.ends++;
      break;
    }
    if (decision.call === 'tail') {
      recordTail(ctx, cut, how, detected, decision);
      counts.tails++;
      break;
    }
    const found = decision.call === 'lacuna' ? lacunaFor(detected, decision, how) : undefined;
    if (found) counts.lacunae++;
    join(ctx, cut, next, { how, evidence, found, decision });
    counts.joins++;
    if (cut.pullQuote) break;
  }
  return counts;
}

/**
 * D2/D3: join paragraphs split mid-sentence at column breaks; where text was lost at the break,
 * mark a lacuna, with a restoration when the dump itself attests the missing characters.
 */
export function makeRejoinStage(decider?: JunctionDecider): Stage<'rejoin'> {
  // The junction model decides unless the hand rules are asked for or no model ships.
  const chooseDecider = (doc: Doc) =>
    decider ??
    (doc.options.structure === 'rules' ? rulesDecider : (shippedJunctionDecider() ?? rulesDecider));
  return {
    name: 'rejoin',
    run(doc, ctx) {
      const total: Counts = { joins: 0, lacunae: 0, tails: 0, ends: 0 };
      const live = doc.blocks.filter((b) => b.status === 'live');
      const decideSeam = chooseDecider(doc)(doc, live);
      for (let i = 0; i < live.length; i++) {
        // A pull quote ends where its sentence does (dedupe matched it): it is not cut.
        if (live[i].status !== 'live' || isDisplayLine(doc, live[i]) || live[i].pullQuote) continue;
        const counts = mend(doc, ctx, live, i, decideSeam);
        for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += counts[k];
      }
      const { joins, lacunae, tails, ends } = total;
      return { joins, lacunae, lostTails: tails, paragraphEnds: ends };
    },
  };
}

export const rejoinStage = makeRejoinStage();
