import { defineRules } from '../rule.js';

/** Facts of a dateline cut off the text after it: the cut's offset and the dateline's length. */
export type CutFacts = { at: number; chars: number };
/** Facts of a headline echo: where the headline it repeats stands. */
export type EchoFacts = { keptAt: number; headline: string };

const PATTERN_NOTE =
  'judgement: the dateline and source-tag patterns (src/text/dateline.ts) name an agency or paper and end in 电/讯; dev-set dateline accuracy (0.78) measures the segment placement too';

export const RULES = defineRules('dateline', {
  cut: {
    id: 'dateline.cut',
    category: 'cut',
    action: 'split',
    reason: 'dateline (电头) cut off the text that follows it',
    evidence: (f: CutFacts) => `the first ${f.chars} characters of the block match a dateline`,
    confidence: 0.9,
    confidenceNote: PATTERN_NOTE,
  },
  wholeLine: {
    id: 'dateline.whole-line',
    category: 'role',
    action: 'label',
    reason: 'a line that is a dateline and nothing else',
    confidence: 0.9,
    confidenceNote: PATTERN_NOTE,
  },
  sourceTag: {
    id: 'dateline.source-tag',
    category: 'role',
    action: 'label',
    reason: 'a parenthesised dateline on a line of its own: the closing source tag',
    confidence: 0.85,
    confidenceNote:
      'judgement, checked on the dev set: source tag accuracy 0.81 there includes where segment puts the tag',
  },
  headlineEcho: {
    id: 'dateline.headline-echo',
    category: 'echo',
    action: 'drop',
    reason: 'headline echoed after the dateline',
    evidence: (f: EchoFacts) => `repeats “${f.headline}”, printed at ${f.keptAt}`,
    confidence: 0.95,
    confidenceNote:
      'judgement: the text after the dateline must repeat one of the 3 blocks above it whole (6+ characters, spacing ignored)',
  },
});
