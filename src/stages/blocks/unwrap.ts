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
 * How a dump was wrapped: tools cut lines either at a number of characters (code points) or
 * at a number of display columns (CJK = 2). Both are tried; the one that piles up more lines
 * at one width wins.
 */
export interface Wrap {
  width: number;
  measure: (text: string) => number;
  /** What `measure` counts: characters (code points) or display columns. */
  unit: 'characters' | 'columns';
  /** Text lines at the wrap width (within the tolerance), and all text lines: the evidence. */
  count: number;
  textLines: number;
}

const MEASURES: readonly { unit: Wrap['unit']; measure: (text: string) => number }[] = [
  { unit: 'characters', measure: (text) => [...text].length },
  { unit: 'columns', measure: displayWidth },
];

function peak(
  lines: readonly Line[],
  measure: (text: string) => number,
): { width: number; count: number } | undefined {
  const histogram = new Map<number, number>();
  for (const line of lines) {
    if (line.blank) continue;
    const w = measure(line.text);
    if (w >= MIN_WRAP_WIDTH) histogram.set(w, (histogram.get(w) ?? 0) + 1);
  }
  let best: { width: number; count: number } | undefined;
  for (const width of [...histogram.keys()].sort((a, b) => a - b)) {
    let near = 0;
    for (let d = -WRAP_TOLERANCE; d <= 0; d++) near += histogram.get(width + d) ?? 0;
    if (!best || near > best.count) best = { width, count: near };
  }
  return best;
}

/**
 * The fixed width the dump was hard-wrapped at, or undefined. Paragraph dumps have widely
 * spread line lengths; a wrapped dump piles many lines at one width.
 */
export function detectWrap(lines: readonly Line[]): Wrap | undefined {
  const nonBlank = lines.filter((l) => !l.blank).length;
  if (nonBlank < MIN_WRAPPED_LINES) return undefined;
  let best: Wrap | undefined;
  for (const { unit, measure } of MEASURES) {
    const p = peak(lines, measure);
    if (p && (!best || p.count > best.count))
      best = { width: p.width, count: p.count, measure, unit, textLines: nonBlank };
  }
  if (!best || best.count < MIN_WRAPPED_LINES || best.count < MIN_WRAPPED_SHARE * nonBlank)
    return undefined;
  return best;
}

/**
 * Indentation marks paragraph starts when some lines are indented and most are not (a
 * wrapped column with 　　 before each paragraph); when every line is indented it says nothing.
 */
const MIN_INDENTED_SHARE = 0.05;
const MAX_INDENTED_SHARE = 0.7;

export function indentMarksParagraphs(lines: readonly Line[]): boolean {
  const text = lines.filter((l) => !l.blank);
  if (text.length === 0) return false;
  const share = text.filter((l) => l.indented).length / text.length;
  return share >= MIN_INDENTED_SHARE && share <= MAX_INDENTED_SHARE;
}

/** Whether `line` was cut by the wrap and its paragraph goes on in the next line. */
export function continuesOnNextLine(
  line: Line,
  next: Line | undefined,
  wrap: Wrap,
  indents: boolean,
): boolean {
  if (!next || next.blank || line.blank) return false;
  if (wrap.measure(line.text) < wrap.width - WRAP_TOLERANCE) return false;
  // An indented line opens a paragraph, even when the line before stops mid-sentence (text
  // was lost there; rejoin decides). Without indents, a full line that ends a sentence and a
  // next line that is indented anyway is the only tell.
  if (indents && next.indented) return false;
  return !(endsSentence(line.text) && next.indented);
}
