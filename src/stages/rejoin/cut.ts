import { blockEnd, type Block, type Doc } from '../../model/doc.js';
import { endsParagraph } from '../../text/chars.js';
import { endsWithCredit, shapeOfText } from '../../text/classify.js';
import { isHeadlineShaped } from '../../text/shape.js';
import { findBridge } from './bridge.js';
import { examineJunction, type JunctionEvidence } from '../../text/junction.js';
import type { CutKind, Stopper } from './rules.js';

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

/** How `block` is cut, if it is: running text, or a heading-shaped head of a broken sentence. */
export function cutKind(doc: Doc, block: Block, next: Block | undefined): CutKind | undefined {
  if (isCut(block)) return 'running-text';
  return isCutHeading(doc, block, next) ? 'heading-shaped' : undefined;
}

/** Why `next` cannot carry on the sentence `cut` broke off, or undefined when it can. */
export function stopper(next: Block, evidence: JunctionEvidence): Stopper | undefined {
  if (next.role) return 'labelled';
  if (isCredit(next.text)) return 'credit';
  if (PARAGRAPH_OPENER.test(next.text)) return 'enumeration';
  if (isHeadlineShaped(next.text) && evidence.crossingWord === undefined) return 'heading';
  return undefined;
}
