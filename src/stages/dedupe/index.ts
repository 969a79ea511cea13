import { blockStart, liveBlocks, type Block, type Doc } from '../../model/doc.js';
import { squeeze } from '../../text/chars.js';
import { isHeadlineShaped } from '../../text/shape.js';
import { DATELINE } from '../../text/dateline.js';
import type { StageContext } from '../context.js';
import type { Stage } from '../stage.js';
import { alignAt, type Alignment } from './align.js';
import { GramIndex } from './grams.js';
import { RULES } from './rules.js';

/** Exact repeats shorter than this may be legitimate (a reporter's byline in two stories). */
const MIN_EXACT_CHARS = 8;
/** A fragment repeat must share at least this much text to be called a copy. */
const MIN_FRAGMENT_CHARS = 16;
/** Characters at either edge of a damaged copy that may differ from the kept copy (D4: 战上 vs 活动上). */
const EDGE_DAMAGE = 4;
/** A copy not aligned to an edge of the longer block must cover this share of it. */
const MIN_COVER = 0.8;
/** Blocks longer than this are not searched as fragments (a copy is a paragraph, not a page). */
const MAX_FRAGMENT_CHARS = 4000;

function key(doc: Doc, block: Block): string {
  const folded = block.spans.map((s) => doc.folded.slice(s.start, s.end)).join('');
  return squeeze(folded);
}

function dropExactRepeats(doc: Doc, ctx: StageContext<'dedupe'>): number {
  const first = new Map<string, Block>();
  let dropped = 0;
  for (const block of liveBlocks(doc)) {
    const k = key(doc, block);
    if (k.length < MIN_EXACT_CHARS) continue;
    const kept = first.get(k);
    if (!kept) {
      first.set(k, block);
      continue;
    }
    kept.repeated = true;
    ctx.drop(RULES.exact, block, {
      facts: { keptAt: blockStart(kept), chars: block.text.length },
      kept: kept.spans,
    });
    dropped++;
  }
  return dropped;
}

interface FragmentMatch {
  kept: Block;
  /** The copy is a pull quote of the kept block (`isPullQuote`): it stays. */
  pullQuote: boolean;
  /** Characters of the copy aligned with the kept block. */
  shared: number;
  uniqueText: string;
}

/** Marks a sentence ends with; a pull quote leaves its mark out. */
const SENTENCE_END = /^[。！？；!?;…]/u;

/**
 * A pull quote: the paper prints a sentence of a paragraph again above the story, in display
 * type and without its full stop (comment columns such as 人民时评 and 评论员观察 do). It stands
 * before the paragraph it quotes and ends where a sentence of that paragraph ends, the stop left
 * out. Copies made by damage (D4, D5) come after their original, and a cut copy stops mid-sentence.
 * (A short quote shaped like a heading is never matched against a paragraph here: it stays too,
 * unmarked.)
 */
function isPullQuote(a: Block, b: Block, m: Alignment): boolean {
  if (blockStart(b) >= blockStart(a) || m.bStart !== 0 || m.bEnd !== b.text.length) return false;
  if (SENTENCE_END.test(b.text.slice(-1))) return false;
  return SENTENCE_END.test(a.text.slice(m.aEnd).replace(/^[”’」』]+/u, ''));
}

/** The longer block that holds `b` up to damaged edges, or quotes it (a pull quote), if any. */
function findContainer(
  bIndex: number,
  blocks: Block[],
  index: GramIndex,
): FragmentMatch | undefined {
  const b = blocks[bIndex];
  const bShaped = isHeadlineShaped(b.text);
  for (const [id, offsets] of index.candidates(b.text)) {
    const a = blocks[id];
    if (a === b || a.status !== 'live' || a.text.length < b.text.length) continue;
    if (bShaped !== isHeadlineShaped(a.text)) continue;
    // A headline inside a dateline line is the D1 echo: the dateline stage drops the echo, not the headline.
    const dateline = DATELINE.exec(a.text)?.[0].length ?? 0;
    if (bShaped && dateline > 0) continue;
    if (a.text.length === b.text.length && id > bIndex) continue;
    const m = alignAt(a.text, b.text, offsets[0]);
    if (!m || m.bEnd - m.bStart < MIN_FRAGMENT_CHARS) continue;
    if (isPullQuote(a, b, m)) return { kept: a, pullQuote: true, shared: m.bEnd, uniqueText: '' };
    const edgesOk = m.bStart <= EDGE_DAMAGE && b.text.length - m.bEnd <= EDGE_DAMAGE;
    // A copy may start where the longer block's text starts, after its dateline if it has one.
    const textStart = dateline + (/^[\s\u3000]*/u.exec(a.text.slice(dateline))?.[0].length ?? 0);
    const anchored =
      Math.abs(m.aStart - textStart) <= EDGE_DAMAGE ||
      m.aStart <= EDGE_DAMAGE ||
      a.text.length - m.aEnd <= EDGE_DAMAGE;
    const covers = m.bEnd - m.bStart >= MIN_COVER * a.text.length;
    if (edgesOk && (anchored || covers)) {
      return {
        kept: a,
        pullQuote: false,
        shared: m.bEnd - m.bStart,
        uniqueText: b.text.slice(0, m.bStart) + b.text.slice(m.bEnd),
      };
    }
  }
  return undefined;
}

/**
 * Blocks are compared within windows of this many characters (with the window before):
 * repeats in a page dump sit on the same page, and a bounded index keeps memory flat on
 * corpus-sized dumps (a 50 MB file of many pages).
 */
const FRAGMENT_WINDOW_CHARS = 200_000;

/** Consecutive runs of blocks of about FRAGMENT_WINDOW_CHARS characters. */
function windows(blocks: Block[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 0;
  blocks.forEach((b, i) => {
    size += b.text.length;
    if (size >= FRAGMENT_WINDOW_CHARS) {
      out.push([start, i + 1]);
      start = i + 1;
      size = 0;
    }
  });
  if (start < blocks.length) out.push([start, blocks.length]);
  return out;
}

/** D4/D5: a block that is a copy of a longer one, possibly with a damaged edge or cut short. */
function dropFragmentRepeats(doc: Doc, ctx: StageContext<'dedupe'>): number {
  const blocks = liveBlocks(doc).filter((b) => b.text.length <= MAX_FRAGMENT_CHARS);
  let dropped = 0;
  let previous = 0;
  for (const [from, to] of windows(blocks)) {
    // Index this window and the one before it, so a copy just across the edge is still found.
    const index = new GramIndex();
    for (let i = previous; i < to; i++) index.add(blocks[i].text, i);
    for (let i = from; i < to; i++) {
      const b = blocks[i];
      if (b.status !== 'live' || b.text.length < MIN_FRAGMENT_CHARS) continue;
      const match = findContainer(i, blocks, index);
      if (!match) continue;
      if (match.pullQuote) {
        b.pullQuote = true;
        continue;
      }
      ctx.drop(RULES.fragment, b, {
        facts: {
          keptAt: blockStart(match.kept),
          shared: match.shared,
          ...(match.uniqueText ? { uniqueText: match.uniqueText } : {}),
        },
        kept: match.kept.spans,
      });
      dropped++;
    }
    previous = from;
  }
  return dropped;
}

/**
 * Drop repeated blocks (D4, D5): exact repeats first, then damaged or partial copies. Runs
 * before datelines are cut off, so a repeated `dateline + lead` line goes as one block.
 */
export const dedupeStage: Stage<'dedupe'> = {
  name: 'dedupe',
  run(doc, ctx) {
    const exact = dropExactRepeats(doc, ctx);
    const fragments = dropFragmentRepeats(doc, ctx);
    return { exact, fragments };
  },
};
