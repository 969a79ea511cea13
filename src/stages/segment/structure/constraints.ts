import type { Unit } from '../units.js';
import type { RuleReading } from './rule-reading.js';

/**
 * Hard facts the model may not overrule. A box of titles after story-ending furniture (a QR
 * code, an editor line) that is closed by furniture again, or by the end of the page, has no
 * body under any of its lines: it is a related-title box (D7), not a headline group. The model
 * looks only a unit or two around and would read the first title as a new article's headline.
 * Titles after furniture that run straight into body text stay the model's to decide.
 */
export function fixedLabels(
  units: readonly Unit[],
  readings: readonly RuleReading[],
): (string | undefined)[] {
  const fixed: (string | undefined)[] = new Array(units.length).fill(undefined);
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
    if (closed) for (let k = i; k < end; k++) fixed[k] = 'related';
    i = end;
  }
  return fixed;
}
