/**
 * A PDF's blocks, in reading order, written as the text newsmend mends — what "source" means
 * for a PDF — with what the geometry says about its display lines. Blocks are separated by a
 * blank line; a line set larger than the body type (kicker, headline, subheadline) stands on a
 * line of its own, a multi-line headline joined into one; the printed lines of a paragraph are
 * joined (the layout shows where a paragraph ends: a short last line, or an indented next
 * line), with a space only between two Latin letters or digits, and so is a paragraph running
 * on from the foot of one column to the head of the next.
 */
import type { LayoutFurniture, LayoutHint } from '../model/types.js';
import type { PdfPage } from './extract.js';
import { bodySize, pageBands, readingOrder, type Block } from './layout.js';
import { printedLines, type PrintedLine } from './lines.js';
import { foldRadicals } from './radicals.js';

/** Lines set at least this much larger than the body type are display type (kicker, headline…). */
const DISPLAY_RATIO = 1.08;
/** A display group whose largest line is this much larger than the body type opens a story. */
const HEADLINE_RATIO = 1.3;
/** A line indented by this share of the body size (or more) opens a paragraph. */
const INDENT = 0.8;
/**
 * A line ending this far (in body sizes) short of its block's right edge closes a paragraph.
 * Ragged (unjustified) CJK lines end up to two characters short, as line breaking keeps
 * punctuation off a line's head; a paragraph's own first line is indented anyway.
 */
const SHORT_LINE = 2.0;

export interface PdfText {
  text: string;
  /** Display lines and the roles their size and order give them (offsets in `text`). */
  display: LayoutHint[];
  /** Lines of the pages' header and footer bands (offsets in `text`). */
  furniture: LayoutFurniture[];
  pages: number;
  blocks: number;
  /** Characters the text layer gave as radicals, read as the ideographs they print. */
  foldedRadicals: number;
}

/** A line of the text to write: a paragraph, or a display line, as read from the layout. */
interface Piece {
  text: string;
  display: boolean;
  size: number;
  /** Continues the piece before it (the next printed line of one paragraph or headline). */
  joins: boolean;
  /** First piece of a block: a blank line goes before it. */
  blockStart: boolean;
  /** Last piece of a block, a full paragraph line: the paragraph may go on in the next block. */
  openEnd: boolean;
  /** Set for a line of a page's header or footer band. */
  band?: 'header' | 'footer';
  /** Where its first printed line stands. */
  page: number;
  y: number;
  x0: number;
  x1: number;
}

export function pdfText(pages: readonly PdfPage[]): PdfText {
  const lines = pages.map((p) => printedLines(p.runs));
  const body = bodySize(lines.flat());
  const pieces: Piece[] = [];
  let blocks = 0;
  const band = (line: PrintedLine, which: 'header' | 'footer'): Piece => ({
    ...blockPieces([line], body, undefined)[0],
    band: which,
  });
  lines.forEach((pageLines, n) => {
    const { header, footer, rest } = pageBands(pageLines, body, pages[n].height);
    pieces.push(...header.map((l) => band(l, 'header')));
    for (const block of readingOrder(rest, body)) {
      pieces.push(...blockPieces(block, body, pieces.at(-1)));
      blocks++;
    }
    pieces.push(...footer.map((l) => band(l, 'footer')));
  });
  const { text: written, starts } = write(pieces);
  const { text, folded } = foldRadicals(written);
  return {
    text,
    display: displayHints(pieces, starts, body),
    furniture: pieces.flatMap((p, i) =>
      p.band
        ? [{ start: starts[i], end: starts[i] + p.text.length, band: p.band, page: p.page }]
        : [],
    ),
    pages: pages.length,
    blocks,
    foldedRadicals: folded,
  };
}

const isDisplay = (l: PrintedLine, body: number) => l.size >= DISPLAY_RATIO * body;

/** A block's lines as pieces: display lines on their own, paragraph lines joined. */
function blockPieces(block: Block, body: number, before: Piece | undefined): Piece[] {
  const left = Math.min(...block.map((l) => l.x0));
  const right = Math.max(...block.map((l) => l.x1));
  const full = (l: PrintedLine) => right - l.x1 < SHORT_LINE * body;
  return block.map((line, i) => {
    const display = isDisplay(line, body);
    const prev = block[i - 1];
    let joins: boolean;
    if (display) joins = !!prev && isDisplay(prev, body) && prev.size === line.size;
    else if (prev) joins = !isDisplay(prev, body) && full(prev) && line.x0 - left < INDENT * body;
    else
      // The head of a column: it continues a paragraph left open at the foot of the last one.
      joins = !!before && !before.display && before.openEnd && line.x0 - left < INDENT * body;
    const last = i === block.length - 1;
    return {
      text: line.text,
      display,
      size: line.size,
      joins,
      blockStart: i === 0,
      openEnd: last && !display && block.length > 1 && full(line),
      page: line.page,
      y: line.y,
      x0: line.x0,
      x1: line.x1,
    };
  });
}

/** The text of the pieces, and where each piece's line starts in it. */
function write(pieces: readonly Piece[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  pieces.forEach((p, i) => {
    if (i > 0 && p.joins) {
      text = join(text, p.text);
      starts.push(starts[i - 1]);
      return;
    }
    // A display line stands apart (a blank line around it), so that no line of the text
    // mended after is taken for the wrapped rest of it.
    const apart = p.blockStart || p.display || pieces[i - 1]?.display;
    if (i > 0) text += apart ? '\n\n' : '\n';
    starts.push(text.length);
    text += p.text;
  });
  return { text: `${text}\n`, starts };
}

/** A story's display lines, as pieces: the kicker lines, the headline, the subheadline lines. */
interface DisplayGroup {
  kicker: number[];
  headline?: number;
  sub: number[];
}

/**
 * The roles of display lines. A run of consecutive display lines whose largest type is
 * headline-sized holds one story's display group, or several when another line of that size
 * comes (two boxes side by side, read headline after headline): each line of the largest size
 * is a headline, the lines before it in its block its kicker, the lines after it its
 * subheadline. A run that no body text follows below any of its headlines (a name set large
 * beside the date, outside the header band) opens no story.
 */
function displayHints(
  pieces: readonly Piece[],
  starts: readonly number[],
  body: number,
): LayoutHint[] {
  const hints: LayoutHint[] = [];
  const lineEnd = (i: number) => {
    let j = i + 1;
    while (j < pieces.length && pieces[j].joins) j++;
    return j;
  };
  for (let i = 0; i < pieces.length;) {
    if (!pieces[i].display || pieces[i].band) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    while (j < pieces.length && pieces[j].display && !pieces[j].band) {
      run.push(j);
      j = lineEnd(j);
    }
    i = j;
    const largest = Math.max(...run.map((k) => pieces[k].size));
    if (largest < HEADLINE_RATIO * body) continue;
    const groups = storiesOf(run, pieces, largest).filter((g) => g.headline !== undefined);
    if (!groups.some((g) => storyBelow(pieces, g.headline!, j))) continue;
    for (const g of groups) {
      const ordered = [...g.kicker, ...(g.headline === undefined ? [] : [g.headline]), ...g.sub];
      ordered.forEach((k, n) => {
        const end = lineEnd(k);
        hints.push({
          start: starts[k],
          end: end < pieces.length ? starts[end] : Number.MAX_SAFE_INTEGER,
          role: g.kicker.includes(k) ? 'kicker' : k === g.headline ? 'headline' : 'subheadline',
          opens: n === 0,
        });
      });
    }
  }
  return hints;
}

/** A run of display lines split into stories at each headline-sized line (see displayHints). */
function storiesOf(run: readonly number[], pieces: readonly Piece[], largest: number) {
  const groups: DisplayGroup[] = [{ kicker: [], sub: [] }];
  for (const k of run) {
    const g = groups[groups.length - 1];
    if (pieces[k].size !== largest) {
      (g.headline === undefined ? g.kicker : g.sub).push(k);
      continue;
    }
    if (g.headline === undefined) {
      g.headline = k;
      continue;
    }
    // Lines right above this headline in its own block are its kicker, not the last one's sub.
    const kicker: number[] = [];
    while (g.sub.length > 0 && !blockStartsBetween(pieces, g.sub[g.sub.length - 1], k))
      kicker.unshift(g.sub.pop()!);
    groups.push({ kicker, headline: k, sub: [] });
  }
  return groups;
}

function blockStartsBetween(pieces: readonly Piece[], a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) if (pieces[k].blockStart) return true;
  return false;
}

/** Whether the body text after the run (from piece `next`) begins below the headline. */
function storyBelow(pieces: readonly Piece[], headline: number, next: number): boolean {
  const h = pieces[headline];
  const b = pieces[next];
  if (!b) return false;
  if (b.page !== h.page) return b.page > h.page;
  return b.y > h.y && b.x0 < h.x1 && b.x1 > h.x0;
}

const LATIN = /[A-Za-z0-9]/u;

/** Two printed lines of one paragraph or headline: joined, with a space between Latin words. */
function join(a: string, b: string): string {
  return LATIN.test(a.at(-1) ?? '') && LATIN.test(b[0] ?? '') ? `${a} ${b}` : a + b;
}
