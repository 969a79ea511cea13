import type { Unit } from '../units.js';
import type { RuleReading } from './rule-reading.js';

/**
 * Hard facts the model may not overrule. A title after story-ending furniture (a QR code, an
 * editor line) with no body of its own under it is a related-title box (D7): the rules see the
 * whole box (titles, and more furniture after them), while the model looks one or two units
 * around and has seen such boxes in one layout only.
 */
export function fixedLabels(
  units: readonly Unit[],
  readings: readonly RuleReading[],
): (string | undefined)[] {
  let inBox = false;
  return units.map((unit, i) => {
    const related = readings[i].role === 'related';
    inBox = related && (unit.afterStoryEnd || inBox);
    return inBox ? 'related' : undefined;
  });
}
