import type { FurnitureKind } from '../../text/furniture.js';
import { defineRules, type RuleSpec } from '../rule.js';

/** Facts of a furniture drop: what the lexicon pattern matched in the block. */
export type FurnitureFacts = { matched: string; chars: number; maxChars: number };

/** Shared by every furniture rule: measured over all of them together. */
const CONFIDENCE = 0.9;
const CONFIDENCE_NOTE =
  'judgement, checked on the dev set: dropped-boilerplate precision 0.97 over all furniture rules together (docs/eval.md)';

function furnitureRule<const Id extends string>(id: Id, what: string) {
  return {
    id,
    category: 'furniture',
    action: 'drop',
    reason: what,
    evidence: (f: FurnitureFacts) => `the block (${f.chars} characters) matches “${f.matched}”`,
    confidence: CONFIDENCE,
    confidenceNote: CONFIDENCE_NOTE,
  } as const satisfies RuleSpec<FurnitureFacts, 'drop'>;
}

/** One rule per kind of furniture in the lexicon (src/text/furniture.ts). */
export const RULES = defineRules('boilerplate', {
  'qr-code': furnitureRule('boilerplate.qr-code', 'QR-code caption printed next to an article'),
  continuation: furnitureRule(
    'boilerplate.continuation',
    'continuation note: the article goes on on another page',
  ),
  'page-header': furnitureRule('boilerplate.page-header', 'page header'),
  'editor-line': furnitureRule(
    'boilerplate.editor-line',
    'editor line printed at the end of a story or page',
  ),
  'edition-date': furnitureRule('boilerplate.edition-date', 'edition date line of the page header'),
  'share-prompt': furnitureRule(
    'boilerplate.share-prompt',
    'share or follow prompt of an e-paper viewer',
  ),
  separator: furnitureRule('boilerplate.separator', 'a rule between stories in a scraped page'),
  timestamp: furnitureRule(
    'boilerplate.timestamp',
    'publication stamp or source line of a web page',
  ),
  'viewer-nav': furnitureRule(
    'boilerplate.viewer-nav',
    'navigation of an e-paper viewer scraped with the page',
  ),
  'section-code': furnitureRule(
    'boilerplate.section-code',
    'page code of an e-paper section (A01 要闻)',
  ),
  'page-number': furnitureRule('boilerplate.page-number', 'bare page number'),
} satisfies Record<FurnitureKind, RuleSpec>);
