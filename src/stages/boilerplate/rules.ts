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
const LEXICON_RULES = {
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
} satisfies Record<FurnitureKind, RuleSpec>;

/** Facts of a learned furniture drop: the source and on how many of its pages the line stands. */
export type LearnedFacts = { source: string; pages: number; of: number };

/** Lines a corpus run found on many pages of one source (src/run/furniture.ts). */
const LEARNED_RULE = {
  id: 'boilerplate.learned',
  category: 'furniture',
  action: 'drop',
  reason: (f: LearnedFacts) =>
    `printed on ${f.pages} of ${f.of} pages of ${f.source}: furniture of that source`,
  evidence: (f: LearnedFacts) =>
    `the same line (digits and spacing aside) on ${f.pages} of the ${f.of} pages counted`,
  confidence: 0.95,
  confidenceNote:
    'judgement; learned-furniture precision on the paper-furniture profile is measured by npm run eval:furniture (docs/eval.md)',
} as const satisfies RuleSpec<LearnedFacts, 'drop'>;

/** Facts of a layout furniture drop: the band of the page it stands in. */
export type LayoutFacts = { band: 'header' | 'footer'; page: number };

/** Lines a PDF page prints in its header or footer band, apart from every story (src/pdf/). */
const LAYOUT_RULE = {
  id: 'boilerplate.layout',
  category: 'furniture',
  action: 'drop',
  reason: (f: LayoutFacts) =>
    `printed in the ${f.band} band of PDF page ${f.page}, apart from the stories`,
  evidence: (f: LayoutFacts) =>
    `a few short lines across the ${f.band === 'header' ? 'top' : 'foot'} of page ${f.page}, set off by white space the width of the page, no story opening among them`,
  confidence: 0.9,
  confidenceNote: 'judgement; the PDF path is measured by npm run eval:pdf (docs/eval.md)',
} as const satisfies RuleSpec<LayoutFacts, 'drop'>;

/** One rule per kind of furniture in the lexicon (src/text/furniture.ts), the learned one, the layout one. */
export const RULES = defineRules('boilerplate', {
  ...LEXICON_RULES,
  learned: LEARNED_RULE,
  layout: LAYOUT_RULE,
});
