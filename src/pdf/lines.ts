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

/** The printed lines of one page's runs, top to bottom, left to right. */
export function printedLines(runs: readonly GlyphRun[]): PrintedLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { runs: GlyphRun[]; x1: number; y: number; size: number }[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => continues(l, run));
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
 * gap as a space (measured here about 0.1 em; a word space in a CJK font is about a quarter).
 */
const JUSTIFICATION_SPACE = 0.18;

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** A character's advance, roughly: CJK and full-width forms one em, the rest half. */
const advance = (ch: string, size: number) => (WIDE.test(ch) ? size : size / 2);

/** The runs' text with the spaces PDF.js put into the gaps of justified CJK lines taken out. */
function withoutJustification(runs: readonly GlyphRun[]): string {
  const pieces: { ch: string; spaceWidth: number }[] = [];
  for (const run of runs) {
    const chars = [...run.text];
    const spaces = chars.filter((c) => c === ' ').length;
    const inked = chars.reduce((w, c) => (c === ' ' ? w : w + advance(c, run.size)), 0);
    // A run that is one space is measured exactly; inside a run, only an even spread (two
    // spaces or more) is taken for justification: the advances of digits and Latin letters
    // are guessed, and one real word space must not be lost to a wrong guess.
    const spaceWidth =
      chars.length === spaces
        ? run.width / spaces / run.size
        : spaces >= 2
          ? (run.width - inked) / spaces / run.size
          : 1;
    for (const ch of chars) pieces.push({ ch, spaceWidth });
  }
  let text = '';
  pieces.forEach(({ ch, spaceWidth }, i) => {
    if (ch === ' ' && spaceWidth < JUSTIFICATION_SPACE) {
      const before = text.at(-1) ?? '';
      const after = pieces.slice(i + 1).find((p) => p.ch !== ' ')?.ch ?? '';
      if (WIDE.test(before) && WIDE.test(after)) return;
    }
    text += ch;
  });
  return text;
}
