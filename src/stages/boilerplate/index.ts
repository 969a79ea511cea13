import { liveBlocks } from '../../model/doc.js';
import { furnitureOf } from '../../text/furniture.js';
import type { Stage } from '../stage.js';
import { adoptEditionDate } from './edition-date.js';
import { RULES } from './rules.js';

/** Drop whole blocks that are page furniture (QR captions, page headers, …), each with its rule. */
export const boilerplateStage: Stage<'boilerplate'> = {
  name: 'boilerplate',
  run(doc, ctx) {
    let dropped = 0;
    for (const block of liveBlocks(doc)) {
      const furniture = furnitureOf(block.text);
      if (!furniture) continue;
      const matched = furniture.pattern.exec(block.text)?.[0] ?? block.text;
      ctx.drop(RULES[furniture.kind], block, {
        facts: { matched, chars: block.text.length, maxChars: furniture.maxChars },
      });
      block.furniture = furniture.kind;
      if (furniture.kind === 'edition-date') adoptEditionDate(doc, block.text);
      dropped++;
    }
    return { dropped };
  },
};
