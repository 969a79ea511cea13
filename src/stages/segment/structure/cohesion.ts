import { pairsPerMillion } from '../../../lexicon/pairs.js';
import type { Unit } from '../units.js';

/** A page's units read as one text: the CJK pair at each position, made once for every measure. */
export interface PagePairs {
  units: readonly Unit[];
  /** Length of the units' texts joined. */
  length: number;
  /** `pairCodes` of that text. */
  pairs: Float64Array;
}

export function pagePairs(units: readonly Unit[]): PagePairs {
  const all = units.map((u) => u.block.text).join('');
  return { units, length: all.length, pairs: pairCodes(all) };
}

/**
 * Lexical cohesion at each unit, TextTiling-style: the share of the CJK character pairs of the
 * text from the unit on (`after` characters) that the text right before it already holds, for
 * each window size in `before`. A new story changes the topic; a subhead does not. -1 where there
 * is nothing before or no pair after. Returns one array per window, one value per unit.
 *
 * The page is read once: the pairs of each window slide along with the units, counted, so the
 * cost is linear in the page, not in units × window.
 */
export function cohesionByUnit(
  page: PagePairs,
  before: readonly number[],
  after: number,
): number[][] {
  const { units, length, pairs } = page;
  const windows = before.map((size) => new SlidingPairs(pairs, size));
  const out = before.map(() => new Array<number>(units.length));
  let start = 0;
  units.forEach((unit, i) => {
    const grams =
      start === 0 ? undefined : distinctPairs(pairs, start, Math.min(length, start + after));
    windows.forEach((window, w) => {
      window.moveTo(start);
      out[w][i] = grams && grams.size > 0 ? window.shareOf(grams) : -1;
    });
    start += unit.block.text.length;
  });
  return out;
}

/**
 * A character pair rarer than this in the reference corpus (per million pairs) is a content
 * pair: a name, a place, a term. Common pairs (我们, 发展, 中国) run through every story and
 * blur the shift of topic a new story brings. Chosen on fit pages by how well the count told
 * a new story's headline from a subhead among heading lines (a one-off look, not kept); the
 * feature as shipped is measured held out in docs/architecture.md.
 */
const RARE_PAIR_PER_MILLION = 120;

/**
 * Topic continuity across each unit, counted in content pairs: how many distinct rare pairs
 * (`RARE_PAIR_PER_MILLION`) of the `after` characters that follow the unit — its own text left
 * out, so a heading's wording echoed below it does not count — the `before` characters before
 * it already hold. A subhead's story goes on with the same names and terms; a new story brings
 * its own. -1 where there is nothing before or after.
 */
export function sharedRarePairs(page: PagePairs, before: number, after: number): number[] {
  const { units, length } = page;
  const pairs = rareOnly(page.pairs);
  const window = new SlidingPairs(pairs, before);
  const out = new Array<number>(units.length);
  let start = 0;
  units.forEach((unit, i) => {
    const end = start + unit.block.text.length;
    const next =
      end < length ? distinctPairs(pairs, end, Math.min(length, end + after)) : undefined;
    if (start === 0 || !next) out[i] = -1;
    else {
      window.moveTo(start);
      out[i] = window.countOf(next);
    }
    start = end;
  });
  return out;
}

/** `codes` with every pair that is not rare set to -1. */
function rareOnly(codes: Float64Array): Float64Array {
  const rare = new Float64Array(codes.length);
  for (let p = 0; p < codes.length; p++) {
    const g = codes[p];
    rare[p] =
      g !== -1 && pairsPerMillion(Math.floor(g / 0x10000), g % 0x10000) < RARE_PAIR_PER_MILLION
        ? g
        : -1;
  }
  return rare;
}

/** How much of a heading's own wording the text on each side of it holds. */
export interface Echo {
  /** Share of the heading's CJK pairs found in the `before` characters before it; -1: none. */
  before: number[];
  /** The same in the `after` characters after it. */
  after: number[];
}

/**
 * Echo of each unit `asked` about in the text around it. A headline is echoed by its own story,
 * after it, and seldom by the story before it; a subhead's words run through the story it sits in,
 * on both sides. Units not `asked` about get -1.
 */
export function echoByUnit(
  page: PagePairs,
  before: number,
  after: number,
  asked: (unit: Unit) => boolean,
): Echo {
  const { units, length, pairs } = page;
  const window = new SlidingPairs(pairs, before);
  const echo: Echo = { before: [], after: [] };
  let start = 0;
  units.forEach((unit) => {
    const end = start + unit.block.text.length;
    const own = asked(unit) ? distinctPairs(pairs, start, end) : undefined;
    if (own && own.size > 0) {
      window.moveTo(start);
      echo.before.push(start === 0 ? -1 : window.shareOf(own));
      const next = distinctPairs(pairs, end, Math.min(length, end + after));
      echo.after.push(next.size === 0 ? -1 : shareIn(own, next));
    } else {
      echo.before.push(-1);
      echo.after.push(-1);
    }
    start = end;
  });
  return echo;
}

function shareIn(grams: Set<number>, pool: Set<number>): number {
  let shared = 0;
  for (const g of grams) if (pool.has(g)) shared++;
  return shared / grams.size;
}

/** The pairs of text[max(0, end − size), end), counted, as `end` moves forward. */
class SlidingPairs {
  private readonly counts = new Map<number, number>();
  private lo = 0;
  private hi = 0;

  constructor(
    private readonly pairs: Float64Array,
    private readonly size: number,
  ) {}

  /** The window ends at `end`: its pairs sit at positions [max(0, end − size), end − 1). */
  moveTo(end: number): void {
    const from = Math.max(0, end - this.size);
    for (; this.lo < from; this.lo++) if (this.lo < this.hi) this.bump(this.lo, -1);
    this.hi = Math.max(this.hi, this.lo);
    for (; this.hi < end - 1; this.hi++) this.bump(this.hi, 1);
  }

  shareOf(grams: Set<number>): number {
    return this.countOf(grams) / grams.size;
  }

  countOf(grams: Set<number>): number {
    let shared = 0;
    for (const g of grams) if (this.counts.has(g)) shared++;
    return shared;
  }

  private bump(p: number, by: 1 | -1): void {
    const g = this.pairs[p];
    if (g === -1) return;
    const n = (this.counts.get(g) ?? 0) + by;
    if (n === 0) this.counts.delete(g);
    else this.counts.set(g, n);
  }
}

/** The pair starting at each position as one number, or -1 where it is not two CJK characters. */
function pairCodes(text: string): Float64Array {
  const codes = new Float64Array(text.length);
  for (let p = 0; p < text.length; p++) {
    const a = text.charCodeAt(p);
    const b = p + 1 < text.length ? text.charCodeAt(p + 1) : 0;
    codes[p] = isCjkUnit(a) && isCjkUnit(b) ? a * 0x10000 + b : -1;
  }
  return codes;
}

/** The distinct pairs of text[from, to). */
function distinctPairs(pairs: Float64Array, from: number, to: number): Set<number> {
  const grams = new Set<number>();
  for (let p = from; p + 1 < to; p++) if (pairs[p] !== -1) grams.add(pairs[p]);
  return grams;
}

/** A UTF-16 unit in the CJK Unified Ideographs blocks (basic and extension A). */
function isCjkUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}
