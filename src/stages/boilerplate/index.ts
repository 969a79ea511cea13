import { liveBlocks, type Block, type Doc } from '../../model/doc.js';
import { furnitureKey, MAX_FURNITURE_CHARS } from '../../text/furniture-key.js';
import type { StageContext } from '../context.js';
import { furnitureOf } from '../../text/furniture.js';
import type { Stage } from '../stage.js';
import { adoptEditionDate } from './edition-date.js';
import { RULES } from './rules.js';

/** Drop a block that is a line the corpus run learned as furniture of this page's source. */
function dropLearned(doc: Doc, ctx: StageContext<'boilerplate'>, block: Block): boolean {
  const learned = doc.furniture;
  if (!learned || block.text.length > MAX_FURNITURE_CHARS) return false;
  const key = furnitureKey(block.text);
  if (!Object.hasOwn(learned.lines, key)) return false;
  const pages = learned.lines[key];
  ctx.drop(RULES.learned, block, {
    facts: { source: learned.source, pages, of: learned.documents },
  });
  return true;
}

/** Drop a block that a PDF page's geometry puts in its header or footer band. */
function dropLayout(doc: Doc, ctx: StageContext<'boilerplate'>, block: Block): boolean {
  const start = block.spans[0]?.start ?? -1;
  const band = doc.layout?.furniture.find((f) => f.start <= start && start < f.end);
  if (!band) return false;
  ctx.drop(RULES.layout, block, { facts: { band: band.band, page: band.page } });
  return true;
}

/** Drop whole blocks that are page furniture (QR captions, page headers, …), each with its rule. */
export const boilerplateStage: Stage<'boilerplate'> = {
  name: 'boilerplate',
  run(doc, ctx) {
    let dropped = 0;
    for (const block of liveBlocks(doc)) {
      const furniture = furnitureOf(block.text);
      if (!furniture) {
        if (dropLayout(doc, ctx, block) || dropLearned(doc, ctx, block)) dropped++;
        continue;
      }
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
