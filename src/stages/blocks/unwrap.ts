import { displayWidth, endsSentence } from '../../text/chars.js';
import type { Line } from './lines.js';

/** Narrower lines than this are never taken for a fixed-width wrap (headlines, bylines…). */
const MIN_WRAP_WIDTH = 16;
/** A width is a wrap width when this share of the non-blank lines sits at it. */
const MIN_WRAPPED_SHARE = 0.3;
/** …and at least this many lines do (two equal lines are a coincidence). */
const MIN_WRAPPED_LINES = 4;
/** Tolerance in display columns: a wrap may leave a column free before a full-width char or hang punctuation. */
const WRAP_TOLERANCE = 2;

/**
 * The fixed width (in display columns) the dump was hard-wrapped at, or undefined. Paragraph
 * dumps have widely spread line lengths; a wrapped dump piles many lines at one width.
 */
export function detectWrapWidth(lines: readonly Line[]): number | undefined {
  const widths = lines.filter((l) => !l.blank).map((l) => displayWidth(l.text));
  if (widths.length < MIN_WRAPPED_LINES) return undefined;
  const histogram = new Map<number, number>();
  for (const w of widths) if (w >= MIN_WRAP_WIDTH) histogram.set(w, (histogram.get(w) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [width, count] of [...histogram].sort((a, b) => a[0] - b[0])) {
    let near = 0;
    for (let d = -WRAP_TOLERANCE; d <= 0; d++) near += histogram.get(width + d) ?? 0;
    if (near > bestCount) {
      best = width;
      bestCount = near;
    }
  }
  if (best === undefined) return undefined;
  const enough = bestCount >= MIN_WRAPPED_LINES && bestCount >= MIN_WRAPPED_SHARE * widths.length;
  return enough ? best : undefined;
}

/** Whether `line` was cut by the wrap and its paragraph goes on in the next line. */
export function continuesOnNextLine(line: Line, next: Line | undefined, width: number): boolean {
  if (!next || next.blank || line.blank) return false;
  if (displayWidth(line.text) < width - WRAP_TOLERANCE) return false;
  // A full line that ends a sentence may still be the last of its paragraph; the next line
  // starting indented is the tell that a new paragraph begins.
  return !(endsSentence(line.text) && next.indented);
}
