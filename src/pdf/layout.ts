/**
 * Printed lines → blocks in reading order, by recursive XY-cut: a page region is split along
 * the widest band of white space that crosses it (no line crosses it, so no article box is
 * cut), and each part is read in turn: columns left to right, strips top to bottom.
 */
import type { PrintedLine } from './lines.js';

/**
 * White space narrower than this share of the body type size does not cut: the leading
 * between the lines of one paragraph is about half an em, the space between boxes an em or
 * more.
 */
const MIN_VERTICAL_GAP = 0.8;
const MIN_HORIZONTAL_GAP = 0.8;
/** A line's ink reaches this share of its size above the baseline and this share below. */
const ASCENT = 0.88;
const DESCENT = 0.12;

export type Block = PrintedLine[];

/** The type size most characters of the lines are set in: the body size. */
export function bodySize(lines: readonly PrintedLine[]): number {
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
  let best = 0;
  let most = -1;
  for (const [size, n] of bySize)
    if (n > most || (n === most && size < best)) [best, most] = [size, n];
  return best;
}

/** The page's lines as blocks, in reading order. */
export function readingOrder(lines: readonly PrintedLine[], body = bodySize(lines)): Block[] {
  const blocks: Block[] = [];
  cut([...lines], body, blocks);
  return blocks;
}

function cut(lines: PrintedLine[], body: number, into: Block[]): void {
  if (lines.length <= 1) {
    if (lines.length === 1) into.push(lines);
    return;
  }
  const across = widestGap(lines, horizontalSpan);
  const down = widestGap(lines, verticalSpan);
  // The wider white space is the stronger boundary: a row of boxes is parted by more space
  // than a box's headline is from its body, a box's columns by less than the box from the
  // story printed under it.
  const parts =
    across >= MIN_VERTICAL_GAP * body && across >= down
      ? split(lines, horizontalSpan, MIN_VERTICAL_GAP * body)
      : split(lines, verticalSpan, MIN_HORIZONTAL_GAP * body, true);
  if (!parts) {
    into.push(lines.sort((a, b) => a.y - b.y || a.x0 - b.x0));
    return;
  }
  for (const part of parts) cut(part, body, into);
}

const horizontalSpan = (l: PrintedLine): [number, number] => [l.x0, l.x1];

/** The widest gap between the lines' projections on one axis (-Infinity when none). */
function widestGap(lines: PrintedLine[], span: (l: PrintedLine) => [number, number]): number {
  const spans = lines.map(span).sort((a, b) => a[0] - b[0]);
  let widest = -Infinity;
  let reach = spans[0]?.[1] ?? 0;
  for (const [from, to] of spans.slice(1)) {
    widest = Math.max(widest, from - reach);
    reach = Math.max(reach, to);
  }
  return widest;
}

const verticalSpan = (l: PrintedLine): [number, number] => [
  l.y - ASCENT * l.size,
  l.y + DESCENT * l.size,
];

/**
 * The lines split at every gap of at least `minGap` in their projection on one axis — or, with
 * `widestOnly`, at the widest such gap alone — in order along it; undefined when there is no
 * such gap. Across a page, only the widest horizontal gap is cut at first: the boxes of a row
 * each leave a gap between headline and body at the same height, narrower than the gap between
 * rows, and cutting there too would read the row's headlines before its bodies.
 */
function split(
  lines: PrintedLine[],
  span: (l: PrintedLine) => [number, number],
  minGap: number,
  widestOnly = false,
): PrintedLine[][] | undefined {
  if (lines.length < 2) return undefined;
  const sorted = lines.map((l) => ({ l, s: span(l) })).sort((a, b) => a.s[0] - b.s[0]);
  const gaps: number[] = [];
  let reach = sorted[0].s[1];
  for (const { s } of sorted) {
    gaps.push(s[0] - reach);
    reach = Math.max(reach, s[1]);
  }
  const widest = Math.max(...gaps);
  if (widest < minGap) return undefined;
  const cutAt = widestOnly ? widest : minGap;
  const parts: PrintedLine[][] = [[]];
  sorted.forEach(({ l }, i) => {
    if (gaps[i] >= cutAt) parts.push([]);
    parts[parts.length - 1].push(l);
  });
  return parts.length > 1 ? parts : undefined;
}

/** A header or footer band holds at most this many lines, each at most this long… */
const MAX_BAND_LINES = 4;
const MAX_BAND_CHARS = 40;
/** …and stands within this share of the page's height from its top or foot. */
const BAND_REACH = 0.15;

export interface PageBands {
  header: PrintedLine[];
  footer: PrintedLine[];
  /** The page's other lines. */
  rest: PrintedLine[];
}

/**
 * The page's header and footer bands: the first and the last strip of lines set off from the
 * rest by white space across the whole page, when it is a few short lines near the page's top
 * or foot (the paper's name, the date and page number; the editor's line). A page whose text starts with a column of body
 * text (a story running on from the page before) has no such strip.
 */
export function pageBands(
  lines: readonly PrintedLine[],
  body: number,
  pageHeight: number,
): PageBands {
  const strips = split(
    [...lines],
    (l) => [l.y - ASCENT * l.size, l.y + DESCENT * l.size],
    MIN_HORIZONTAL_GAP * body,
  ) ?? [[...lines]];
  const isBand = (strip: PrintedLine[] | undefined) =>
    !!strip &&
    strips.length > 1 &&
    strip.length <= MAX_BAND_LINES &&
    strip.every((l) => l.text.length <= MAX_BAND_CHARS);
  const first = strips[0];
  const last = strips[strips.length - 1];
  const header = isBand(first) && first.every((l) => l.y <= BAND_REACH * pageHeight) ? first : [];
  const footer =
    strips.length > 2 && isBand(last) && last.every((l) => l.y >= (1 - BAND_REACH) * pageHeight)
      ? last
      : [];
  const banded = new Set([...header, ...footer]);
  return { header, footer, rest: lines.filter((l) => !banded.has(l)) };
}
