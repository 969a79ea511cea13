import { defineRules } from '../rule.js';

/** Facts of a hard-wrap join: the page's wrap and how many lines this paragraph was cut into. */
export type WrapFacts = {
  /** The wrap width, in `measure`. */
  width: number;
  measure: 'characters' | 'columns';
  /** Text lines of the dump within the tolerance of the wrap width, and all text lines. */
  atWidth: number;
  textLines: number;
  /** Lines joined into this paragraph. */
  lines: number;
};

export const RULES = defineRules('blocks', {
  hardWrap: {
    id: 'blocks.hard-wrap',
    category: 'wrap',
    action: 'join',
    reason: (f: WrapFacts) =>
      `${f.lines} lines cut by a hard wrap at ${f.width} ${f.measure} are one paragraph`,
    evidence: (f: WrapFacts) =>
      `${f.atWidth} of the ${f.textLines} text lines of the dump end at ${f.width} ${f.measure}`,
    confidence: 0.9,
    confidenceNote:
      'judgement: a wrap is only assumed when ≥30% and ≥4 lines pile up at one width, and a line is only joined when it reaches that width; not measured on its own (the dev set has few wrapped pages)',
  },
});
