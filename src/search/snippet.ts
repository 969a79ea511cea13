import { searchFold } from './normalize.js';

/** A piece of a snippet: plain text, or text that matched a query term. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Characters of context shown on each side of the first hit. */
export const SNIPPET_CONTEXT = 40;
/** Longest snippet, in characters. */
export const SNIPPET_LENGTH = 120;

/** Ranges of `folded` covered by any term, merged and sorted. */
function hitRanges(folded: string, terms: string[], from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = folded.indexOf(term, from); i >= 0 && i < to; i = folded.indexOf(term, i + 1))
      ranges.push([i, Math.min(i + term.length, to)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Cut `text[from, to)` into segments with every occurrence of the terms marked as a hit. */
export function highlight(text: string, terms: string[], from = 0, to = text.length): Segment[] {
  const folded = searchFold(text);
  const out: Segment[] = [];
  let cursor = from;
  for (const [start, end] of hitRanges(folded, terms, from, to)) {
    if (start > cursor) out.push({ text: text.slice(cursor, start), hit: false });
    out.push({ text: text.slice(start, end), hit: true });
    cursor = end;
  }
  if (cursor < to) out.push({ text: text.slice(cursor, to), hit: false });
  return out;
}

/** A window of the text around its first hit (or its start), with hits marked. */
export function snippet(text: string, terms: string[]): Segment[] {
  const folded = searchFold(text);
  const firsts = terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0);
  const first = firsts.length > 0 ? Math.min(...firsts) : 0;
  const from = Math.max(0, first - SNIPPET_CONTEXT);
  const to = Math.min(text.length, from + SNIPPET_LENGTH);
  const segments = highlight(text, terms, from, to).map((s) => ({
    ...s,
    text: s.text.replaceAll('\n', ' '),
  }));
  if (from > 0) segments.unshift({ text: '…', hit: false });
  if (to < text.length) segments.push({ text: '…', hit: false });
  return segments;
}
