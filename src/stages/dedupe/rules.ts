import { defineRules } from '../rule.js';

/** Facts of an exact repeat: where the copy kept instead starts, and the text's length. */
export type ExactFacts = { keptAt: number; chars: number };

/** Facts of a partial or damaged copy: the text it shares with the kept block, and what only it has. */
export type FragmentFacts = {
  keptAt: number;
  /** Characters aligned with the kept block. */
  shared: number;
  /** Characters of the dropped copy outside the alignment (a damaged edge). */
  uniqueText?: string;
};

export const RULES = defineRules('dedupe', {
  exact: {
    id: 'dedupe.exact',
    category: 'duplicate',
    action: 'drop',
    reason: 'exact repeat of an earlier block',
    evidence: (f: ExactFacts) =>
      `the same ${f.chars} characters (ignoring spaces and full-width forms) as the copy kept at ${f.keptAt}`,
    confidence: 0.99,
    confidenceNote:
      'judgement: only blocks of 8+ characters identical up to spacing and width; the dev set has no false exact repeats',
  },
  fragment: {
    id: 'dedupe.fragment',
    category: 'duplicate',
    action: 'drop',
    reason: 'partial or damaged copy of a more complete block',
    evidence: (f: FragmentFacts) =>
      `${f.shared} characters lie inside the block kept at ${f.keptAt}` +
      (f.uniqueText ? `; text only in this copy: “${f.uniqueText}”` : ''),
    confidence: (f: FragmentFacts) => (f.uniqueText ? 0.85 : 0.95),
    confidenceNote:
      'judgement: 0.95 when the copy lies wholly inside the kept block, 0.85 when damaged edge characters (at most 4) are only in the copy',
  },
});
