import { defineRules } from '../rule.js';

/** Facts of a variant: the forms compared, the windows they were counted in, and the counts. */
export type VariantFacts = {
  rare: string;
  likely: string;
  rareContext: string;
  likelyContext: string;
  rareCount: number;
  likelyCount: number;
};

/** The prose evidence of a variant; articles carry it on their `variants[]` too. */
export function variantEvidence(f: VariantFacts): string {
  return `“${f.likelyContext}” occurs ${f.likelyCount}× in this dump, “${f.rareContext}” ${f.rareCount}×; “${f.rare}” is no word`;
}

const NOTE =
  'judgement, checked on the dev set: variants F1 0.68 over both finders (docs/eval.md); flagged only, never rewritten';

export const RULES = defineRules('variants', {
  trigram: {
    id: 'variants.trigram',
    category: 'variant',
    action: 'flag',
    reason: (f: VariantFacts) => `likely misprint of “${f.likely}”`,
    evidence: variantEvidence,
    confidence: 0.7,
    confidenceNote: NOTE,
  },
  lookalike: {
    id: 'variants.lookalike',
    category: 'variant',
    action: 'flag',
    reason: (f: VariantFacts) => `likely misprint of “${f.likely}” (characters that look alike)`,
    evidence: variantEvidence,
    confidence: 0.7,
    confidenceNote: NOTE,
  },
});
