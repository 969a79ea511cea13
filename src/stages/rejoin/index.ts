import { blockEnd, blockStart, type Block, type Doc } from '../../model/doc.js';
import type { Lacuna } from '../../model/types.js';
import { endsParagraph } from '../../text/chars.js';
import { startsSentence } from '../../text/opening.js';
import { isHeadlineShaped } from '../../text/shape.js';
import { endsWithCredit, shapeOfText } from '../../text/classify.js';
import { pairCount } from '../../lexicon/pairs.js';
import type { Stage } from '../stage.js';
import { findBridge } from './bridge.js';
import { examineJunction, type JunctionEvidence } from './junction.js';

/** Text that can only continue a sentence: it opens with clause punctuation. */
const CLAUSE_START = /^[，、；：）」』”’》,;:)]/u;

/** Blocks that open a new paragraph whatever came before: enumerations, bullets. */
const PARAGRAPH_OPENER =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[■●◆▲★□○◇])/u;

/** Running text that stops without ending its sentence: a paragraph cut at a column break. */
function isCut(block: Block): boolean {
  if (block.role || endsParagraph(block.text) || isHeadlineShaped(block.text)) return false;
  // A photo caption ends with its credit (…本报记者 周之然摄), not with a full stop.
  return !isCredit(block.text) && !endsWithCredit(block.text);
}

/** Bylines and photo credits have no punctuation either, and end where they end. */
function isCredit(text: string): boolean {
  const shape = shapeOfText(text);
  return shape === 'byline' || shape === 'caption' || shape === 'note';
}

/**
 * A short piece with no punctuation looks like a heading, but is the head of a cut paragraph
 * when the dump attests a phrase across the seam (划定生态保|红线 with 生态保护红线 elsewhere)
 * or a word runs across it.
 */
function isCutHeading(doc: Doc, block: Block, next: Block | undefined): boolean {
  if (
    block.role ||
    !next ||
    next.role ||
    endsParagraph(block.text) ||
    !isHeadlineShaped(block.text)
  )
    return false;
  if (isHeadlineShaped(next.text) || isCredit(block.text)) return false;
  // The next block opens with clause punctuation: nothing but a broken sentence does that.
  if (CLAUSE_START.test(next.text)) return true;
  if (examineJunction(block.text, next.text).crossingWord) return true;
  const bridge = findBridge(doc.folded, blockEnd(block), block.text, next.text);
  return bridge !== undefined && bridge.count > bridge.directCount;
}

/** Whether `next` can carry on the sentence `cut` broke off. */
function canContinue(next: Block, evidence: JunctionEvidence): boolean {
  if (next.role || isCredit(next.text)) return false;
  if (PARAGRAPH_OPENER.test(next.text)) return false;
  if (isHeadlineShaped(next.text)) return evidence.crossingWord !== undefined;
  return true;
}

function pairEvidence(pair: string): string {
  const seen = pairCount(pair[0], pair[1]);
  return seen === 0
    ? `“${pair}” never stands side by side in the reference corpus`
    : `“${pair}” stands side by side only ${seen}× in the reference corpus, far below chance`;
}

function lacunaAtSeam(
  doc: Doc,
  cut: Block,
  next: Block,
  evidence: JunctionEvidence,
): Lacuna | undefined {
  const seam = blockEnd(cut);
  const bridge = findBridge(doc.folded, seam, cut.text, next.text);
  if (bridge && bridge.count > bridge.directCount) {
    return {
      at: cut.text.length,
      suggestion: bridge.missing,
      evidence: `“${cut.text.slice(-2)}${bridge.missing}${next.text.slice(0, 2)}” occurs ${bridge.count}× in this dump`,
      confidence: Math.min(0.95, 0.6 + 0.1 * bridge.count),
    };
  }
  if ((bridge && bridge.directCount > 0) || evidence.crossingWord) return undefined;
  if (evidence.unseenPair) {
    return {
      at: cut.text.length,
      evidence: pairEvidence(evidence.unseenPair),
      confidence: 0.6,
    };
  }
  if (evidence.orphan) {
    return {
      at: cut.text.length,
      evidence: `“${evidence.orphan}” is left without its word at the break`,
      confidence: 0.6,
    };
  }
  return undefined;
}

function join(
  doc: Doc,
  cut: Block,
  next: Block,
  evidence: JunctionEvidence,
  lacuna: Lacuna | undefined,
): void {
  const shift = cut.text.length;
  doc.ledger.add({
    stage: 'rejoin',
    rule: lacuna ? 'rejoin.lacuna' : 'rejoin.mid-sentence',
    action: 'join',
    spans: [{ start: blockEnd(cut), end: blockStart(next) }],
    reason: lacuna
      ? 'paragraph split at a break where text was lost'
      : 'paragraph split mid-sentence at a column break',
    evidence:
      lacuna?.evidence ??
      (evidence.crossingWord
        ? `the word “${evidence.crossingWord}” runs across the break`
        : 'the first block stops mid-sentence'),
    confidence: lacuna ? (lacuna.confidence ?? 0.6) : evidence.crossingWord ? 0.95 : 0.75,
    refs: [cut.id, next.id],
  });
  if (lacuna) {
    cut.lacunae.push(lacuna);
    doc.ledger.add({
      stage: 'rejoin',
      rule: lacuna.suggestion ? 'rejoin.restoration' : 'rejoin.lacuna',
      action: lacuna.suggestion ? 'suggest' : 'flag',
      spans: [{ start: blockEnd(cut), end: blockEnd(cut) }],
      reason: lacuna.suggestion
        ? `text lost at the break; “${lacuna.suggestion}” restores it`
        : 'text lost at the break',
      evidence: lacuna.evidence,
      confidence: lacuna.confidence ?? 0.6,
      refs: [cut.id],
    });
  }
  cut.spans.push(...next.spans);
  cut.text += next.text;
  cut.lacunae.push(...next.lacunae.map((l) => ({ ...l, at: l.at + shift })));
  cut.lacunaAfter = next.lacunaAfter;
  next.status = 'merged';
}

function markLostTail(doc: Doc, cut: Block, evidence?: string): void {
  cut.lacunaAfter = true;
  doc.ledger.add({
    stage: 'rejoin',
    rule: 'rejoin.lost-tail',
    action: 'flag',
    spans: [{ start: blockEnd(cut), end: blockEnd(cut) }],
    reason: 'paragraph stops mid-sentence and nothing here continues it',
    evidence,
    confidence: 0.7,
    refs: [cut.id],
  });
}

/**
 * D2/D3: join paragraphs split mid-sentence at column breaks; where text was lost at the break,
 * mark a lacuna, with a restoration when the dump itself attests the missing characters.
 */
export const rejoinStage: Stage = {
  name: 'rejoin',
  run(doc: Doc) {
    let joins = 0;
    let lacunae = 0;
    let tails = 0;
    const live = doc.blocks.filter((b) => b.status === 'live');
    for (let i = 0; i < live.length; i++) {
      const cut = live[i];
      if (cut.status !== 'live') continue;
      for (;;) {
        let j = i + 1;
        while (j < live.length && live[j].status !== 'live') j++;
        const next = live[j];
        if (!isCut(cut) && !isCutHeading(doc, cut, next)) break;
        const evidence = next ? examineJunction(cut.text, next.text) : {};
        if (!next || !canContinue(next, evidence)) {
          markLostTail(doc, cut);
          tails++;
          break;
        }
        // A repeated block that stops mid-sentence stops there in every copy (D5): the page
        // printed a headline+lead teaser whose rest is elsewhere, not a column break.
        if (cut.repeated) {
          markLostTail(
            doc,
            cut,
            'every copy of this repeated block stops at the same place: a teaser, not a column break',
          );
          tails++;
          break;
        }
        const lacuna = lacunaAtSeam(doc, cut, next, evidence);
        // What follows opens a sentence of its own (a name, a place, a date, 据…, a quote) and
        // nothing ties it to this block: the break took the rest of this paragraph (and maybe
        // the start of the next), so the paragraph keeps a lacuna at its end instead of a join.
        if (!evidence.crossingWord && !lacuna?.suggestion && startsSentence(next.text)) {
          markLostTail(doc, cut, lacuna?.evidence);
          tails++;
          break;
        }
        if (lacuna) lacunae++;
        join(doc, cut, next, evidence, lacuna);
        joins++;
      }
    }
    return { joins, lacunae, lostTails: tails };
  },
};
