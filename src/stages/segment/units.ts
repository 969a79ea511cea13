import type { Block, Doc } from '../../model/doc.js';
import { isBareName } from '../../text/names.js';
import { furniture } from '../../text/furniture.js';
import { shapeOf, type Shape } from '../../text/classify.js';

/** A live block with its shape and what page furniture stood around it. */
export interface Unit {
  block: Block;
  shape: Shape;
  /** Page furniture was dropped between this unit and the one before it. */
  afterFurniture: boolean;
  /** …and it was furniture printed where a story ends (QR code, editor line, 下转…). */
  afterStoryEnd: boolean;
  /** A continuation note (下转…) was dropped right after this unit. */
  continued: boolean;
}

/** The live blocks of the doc in order, each with its shape and the furniture dropped before it. */
export function units(doc: Doc): Unit[] {
  const out: Unit[] = [];
  let afterFurniture = false;
  let storyEnd = false;
  for (const block of doc.blocks) {
    if (block.status === 'live') {
      let shape = shapeOf(block);
      // A bare name right under a heading is the author's byline (任寰宇 under a commentary title).
      if (shape === 'heading' && out[out.length - 1]?.shape === 'heading' && isBareName(block.text))
        shape = 'byline';
      out.push({
        block,
        shape,
        afterFurniture,
        afterStoryEnd: storyEnd,
        continued: false,
      });
      afterFurniture = false;
      storyEnd = false;
    } else if (block.status === 'dropped' && block.furniture) {
      const entry = furniture(block.furniture);
      afterFurniture = true;
      storyEnd ||= entry.endsStory === true;
      if (entry.flag === 'continued-elsewhere' && out.length > 0)
        out[out.length - 1].continued = true;
    }
  }
  return out;
}
