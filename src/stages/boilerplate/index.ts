import { dropBlock } from '../../model/blocks.js';
import { liveBlocks, type Doc } from '../../model/doc.js';
import type { Stage } from '../stage.js';
import { adoptEditionDate } from './edition-date.js';
import { BOILERPLATE_RULES } from './lexicon.js';

/** Drop whole blocks that are page furniture (QR captions, page headers, …), each with its rule. */
export const boilerplateStage: Stage = {
  name: 'boilerplate',
  run(doc: Doc) {
    let dropped = 0;
    for (const block of liveBlocks(doc)) {
      const rule = BOILERPLATE_RULES.find(
        (r) => block.text.length <= r.maxChars && r.pattern.test(block.text),
      );
      if (!rule) continue;
      dropBlock(doc, block, {
        stage: 'boilerplate',
        rule: rule.id,
        reason: rule.reason,
        confidence: 0.9,
      });
      if (rule.id === 'boilerplate.edition-date') adoptEditionDate(doc, block.text);
      dropped++;
    }
    return { dropped };
  },
};
