/**
 * Glyph runs → printed lines: runs on one baseline that follow each other closely. Two
 * columns share baselines, so a gap wider than a fraction of the type size ends a line.
 */
import type { GlyphRun } from './extract.js';

export interface PrintedLine {
  page: number;
  text: string;
  /** Left and right edge, baseline, in points from the page's top-left corner. */
  x0: number;
  x1: number;
  y: number;
  /** The type size most of the line's characters are set in. */
  size: number;
}

/** Runs whose baselines differ by less than this share of the type size are on one line. */
const SAME_BASELINE = 0.3;
/**
 * A horizontal gap wider than this share of the type size separates two lines (columns). CJK
 * text is set solid and a Latin word space is about a quarter of an em; column gaps are an
 * em or more.
 */
const COLUMN_GAP = 0.8;
/**
 * Runs may overlap by this share of the type size and still follow each other: CJK
 * typesetting squeezes adjacent punctuation (”（) by half an em each, and PDF.js measures a
 * run by its font's advances, not the squeezed ones.
 */
const OVERLAP = 1.0;

/** Lines whose baseline is this many type sizes above a run's are not looked at for it. */
const NEAR_BASELINE = 2;

/** The printed lines of one page's runs, top to bottom, left to right. */
export function printedLines(runs: readonly GlyphRun[]): PrintedLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { runs: GlyphRun[]; x1: number; y: number; size: number }[] = [];
  for (const run of sorted) {
    // Lines are made in baseline order: only those near the run's baseline are looked at.
    let line: (typeof lines)[number] | undefined;
    for (let k = lines.length - 1; k >= 0 && run.y - lines[k].y < NEAR_BASELINE * run.size; k--)
      if (continues(lines[k], run)) line = lines[k];
    if (line) {
      line.runs.push(run);
      line.x1 = Math.max(line.x1, run.x + run.width);
    } else lines.push({ runs: [run], x1: run.x + run.width, y: run.y, size: run.size });
  }
  return lines.map((l) => toLine(l.runs)).sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

function continues(line: { runs: GlyphRun[]; x1: number; y: number; size: number }, run: GlyphRun) {
  const size = Math.max(line.size, run.size);
  if (Math.abs(line.y - run.y) >= SAME_BASELINE * size) return false;
  const gap = run.x - line.x1;
  return gap < COLUMN_GAP * size && gap > -OVERLAP * size;
}

function toLine(runs: GlyphRun[]): PrintedLine {
  runs.sort((a, b) => a.x - b.x);
  const bySize = new Map<number, number>();
  for (const r of runs) {
    const size = Math.round(r.size * 10) / 10;
    bySize.set(size, (bySize.get(size) ?? 0) + r.text.length);
  }
  const size = [...bySize].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  return {
    page: runs[0].page,
    text: withoutJustification(runs),
    x0: runs[0].x,
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    y: runs[0].y,
    size,
  };
}

/**
 * A space narrower than this share of the type size, between two CJK characters, is not a
 * space in the text: justified CJK lines spread their characters, and PDF.js writes each wider
 * gap as a space (measured on Chromium's pages: 0.14–0.18 em; a word space in a CJK font is
 * 0.25–0.3 em).
 */
const JUSTIFICATION_SPACE = 0.2;
/** The advance of one word space, in ems, for counting the spaces a wider gap stands for. */
const WORD_SPACE = 0.26;
/** A gap of about an em between CJK characters is an ideographic space (U+3000). */
const IDEOGRAPHIC_SPACE = [0.8, 1.3] as const;

/** CJK characters and the punctuation a CJK font sets an em wide (quotes, dashes, ellipsis). */
const WIDE = /[\u2010-\u206f\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
/** A line with at least this many spaces between CJK characters has been spread (justified). */
const SPREAD_SPACES = 2;

/** A character's advance, roughly: CJK and full-width forms one em, the rest half. */
const advance = (ch: string, size: number) => (WIDE.test(ch) ? size : size / 2);

/**
 * What a gap of `width` ems between two CJK characters stands for: nothing (justification),
 * an ideographic space, or as many word spaces as fit it. PDF.js writes any gap as one space.
 */
function gapText(width: number): string {
  if (width < JUSTIFICATION_SPACE) return '';
  if (width >= IDEOGRAPHIC_SPACE[0] && width < IDEOGRAPHIC_SPACE[1]) return '\u3000';
  if (width >= IDEOGRAPHIC_SPACE[1]) return ' ';
  return ' '.repeat(Math.max(1, Math.round(width / WORD_SPACE)));
}

/** Whether the space at `i` stands between two CJK characters (other spaces aside). */
function betweenWide(pieces: readonly { ch: string }[], i: number): boolean {
  let b = i - 1;
  while (b >= 0 && pieces[b].ch === ' ') b--;
  let a = i + 1;
  while (a < pieces.length && pieces[a].ch === ' ') a++;
  return b >= 0 && a < pieces.length && WIDE.test(pieces[b].ch) && WIDE.test(pieces[a].ch);
}

/**
 * The runs' text with each space between two CJK characters read from the width of its gap
 * (see `gapText`). A run that is only spaces is measured exactly; inside a run, a space's width
 * is known only when all its other characters are CJK (one em each). A space whose width is not
 * known is dropped on a spread line (two spaces or more between CJK characters: justification)
 * and kept elsewhere.
 */
function withoutJustification(runs: readonly GlyphRun[]): string {
  const pieces: { ch: string; width?: number }[] = [];
  for (const run of runs) {
    const chars = [...run.text];
    const spaces = chars.filter((c) => c === ' ').length;
    if (spaces === chars.length) {
      pieces.push({ ch: ' ', width: run.width / run.size });
      continue;
    }
    const known = chars.every((c) => c === ' ' || WIDE.test(c));
    const inked = chars.reduce((w, c) => (c === ' ' ? w : w + advance(c, run.size)), 0);
    const width = known && spaces > 0 ? (run.width - inked) / spaces / run.size : undefined;
    for (const ch of chars) pieces.push(ch === ' ' ? { ch, width } : { ch });
  }
  const between = pieces.map((p, i) => p.ch === ' ' && betweenWide(pieces, i));
  // A spread line: its unmeasured spaces between CJK characters are justification too.
  const spread = between.filter(Boolean).length >= SPREAD_SPACES;
  let text = '';
  pieces.forEach(({ ch, width }, i) => {
    if (!between[i]) text += ch;
    else if (width !== undefined) text += gapText(width);
    else if (!spread) text += ch;
  });
  return text;
}
