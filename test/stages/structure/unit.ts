import type { Unit } from '../../../src/stages/segment/units.js';
import type { Shape } from '../../../src/text/classify.js';

/** A live unit of `text` with nothing dropped around it: what the structure tests feed in. */
export function unitOf(text: string, shape: Shape = 'paragraph'): Unit {
  const block = {
    text,
    spans: [],
    id: '',
    status: 'live',
    lacunae: [],
    lacunaBefore: false,
    lacunaAfter: false,
  };
  return { block, shape, afterFurniture: false, afterStoryEnd: false, continued: false } as Unit;
}
