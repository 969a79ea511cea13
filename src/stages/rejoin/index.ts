import { blockEnd, blockStart, type Block, type Doc } from '../../model/doc.js';
import type { Edit, Span } from '../../model/types.js';
import { startsSentence } from '../../text/opening.js';
import type { StageContext } from '../context.js';
import type { Stage } from '../stage.js';
import { cutKind, stopper } from './cut.js';
import { examineJunction, type JunctionEvidence } from '../../text/junction.js';
import { lacunaAtSeam, lacunaOf, recordLacuna, rendered, seamFacts, type Found } from './lacuna.js';
import { RULES, type CutKind } from './rules.js';

type Ctx = StageContext<'rejoin'>;

/** The join entry: across a lacuna, across a word, or a plain mid-sentence break. */
function recordJoin(
  ctx: Ctx,
  seam: Span,
  cut: CutKind,
  evidence: JunctionEvidence,
  found: Found | undefined,
): Edit {
  if (found) {
    const { confidence } = rendered(found);
    const lacuna = found.rule.id;
    return ctx.join(RULES.acrossLacuna, [seam], { facts: { cut, lacuna, confidence } });
  }
  if (evidence.crossingWord)
    return ctx.join(RULES.crossingWord, [seam], { facts: { cut, word: evidence.crossingWord } });
  return ctx.join(RULES.midSentence, [seam], { facts: { cut } });
}

function join(
  ctx: Ctx,
  cut: Block,
  next: Block,
  how: CutKind,
  evidence: JunctionEvidence,
  found: Found | undefined,
): void {
  const shift = cut.text.length;
  const seam = { start: blockEnd(cut), end: blockStart(next) };
  const entry = recordJoin(ctx, seam, how, evidence, found);
  if (found) {
    cut.lacunae.push(lacunaOf(found, cut.text.length));
    recordLacuna(ctx, found, { start: seam.start, end: seam.start }, entry);
  }
  cut.spans.push(...next.spans);
  cut.text += next.text;
  cut.lacunae.push(...next.lacunae.map((l) => ({ ...l, at: l.at + shift })));
  cut.lacunaAfter = next.lacunaAfter;
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
): { joins: number; lacunae: number; tails: number } {
  const cut = live[i];
  const counts = { joins: 0, lacunae: 0, tails: 0 };
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
      ctx.flag(RULES.noContinuation, lostTail(cut), { facts: { cut: how, next: stop } });
      counts.tails++;
      break;
    }
    // A repeated block that stops mid-sentence stops there in every copy (D5): the page
    // printed a headline+lead teaser whose rest is elsewhere, not a column break.
    if (cut.repeated) {
      ctx.flag(RULES.teaser, lostTail(cut), { facts: { cut: how } });
      counts.tails++;
      break;
    }
    const found = lacunaAtSeam(doc, cut, next, evidence);
    // What follows opens a sentence of its own (a name, a place, a date, 据…, a quote) and
    // nothing ties it to this block: the break took the rest of this paragraph (and maybe
    // the start of the next), so the paragraph keeps a lacuna at its end instead of a join.
    if (!evidence.crossingWord && found?.kind !== 'restoration' && startsSentence(next.text)) {
      ctx.flag(RULES.opensSentence, lostTail(cut), { facts: seamFacts(how, found) });
      counts.tails++;
      break;
    }
    if (found) counts.lacunae++;
    join(ctx, cut, next, how, evidence, found);
    counts.joins++;
  }
  return counts;
}

/**
 * D2/D3: join paragraphs split mid-sentence at column breaks; where text was lost at the break,
 * mark a lacuna, with a restoration when the dump itself attests the missing characters.
 */
export const rejoinStage: Stage<'rejoin'> = {
  name: 'rejoin',
  run(doc, ctx) {
    let joins = 0;
    let lacunae = 0;
    let tails = 0;
    const live = doc.blocks.filter((b) => b.status === 'live');
    for (let i = 0; i < live.length; i++) {
      if (live[i].status !== 'live' || isDisplayLine(doc, live[i])) continue;
      const counts = mend(doc, ctx, live, i);
      joins += counts.joins;
      lacunae += counts.lacunae;
      tails += counts.tails;
    }
    return { joins, lacunae, lostTails: tails };
  },
};
