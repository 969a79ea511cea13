import type { LayoutHints } from '../../../model/types.js';
import type { Unit } from '../units.js';
import { labelOf } from './labels.js';
import type { RuleReading } from './rule-reading.js';

/** Per unit, the labels it may take; undefined: any. */
export type Allowed = (readonly string[] | undefined)[];

/**
 * Hard facts the model may not overrule. A box of titles after story-ending furniture (a QR
 * code, an editor line) that is closed by furniture again, or by the end of the page, has no
 * body under any of its lines: it is a related-title box (D7), not a headline group. The model
 * looks only a unit or two around and would read the first title as a new article's headline.
 * Titles after furniture that run straight into body text stay the model's to decide.
 */
export function fixedLabels(units: readonly Unit[], readings: readonly RuleReading[]): Allowed {
  const fixed: Allowed = new Array(units.length).fill(undefined);
  let i = 0;
  while (i < units.length) {
    if (readings[i].role !== 'related' || !units[i].afterStoryEnd) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < units.length && readings[end].role === 'related' && !units[end].afterFurniture)
      end++;
    const closed = end === units.length || units[end].afterFurniture;
    if (closed) for (let k = i; k < end; k++) fixed[k] = ['related'];
    i = end;
  }
  return fixed;
}

/**
 * What a page's geometry fixes (a PDF, `MendOptions.layout`): a line set in display type takes
 * the role its size and place give it, and no other line opens an article — on a printed page
 * every story opens with display type. Where the rules fixed a label too, both must hold; when
 * they cannot, the geometry wins.
 */
export function layoutLabels(
  units: readonly Unit[],
  layout: LayoutHints | undefined,
  labels: readonly string[],
  fixed: Allowed,
): Allowed {
  if (!layout) return fixed;
  const continuing = labels.filter((l) => !l.endsWith('+'));
  return units.map((unit, i) => {
    const start = unit.block.spans[0]?.start ?? -1;
    const hint = layout.display.find((h) => h.start <= start && start < h.end);
    const allowed = hint ? [labelOf(hint.role, hint.opens)] : continuing;
    const both = fixed[i]?.filter((l) => allowed.includes(l));
    return both && both.length > 0 ? both : allowed;
  });
}
