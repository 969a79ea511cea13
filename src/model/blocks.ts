import type { Block, Doc } from './doc.js';
import type { Span } from './types.js';

/** Source spans of text[from, to) of a block whose text is the concatenation of `spans`. */
export function subSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  let offset = 0;
  for (const span of spans) {
    const length = span.end - span.start;
    const lo = Math.max(from, offset);
    const hi = Math.min(to, offset + length);
    if (hi > lo) out.push({ start: span.start + lo - offset, end: span.start + hi - offset });
    offset += length;
  }
  return out;
}

/** Number of blocks ever created in this doc; ids stay unique after splits. */
function nextId(doc: Doc): string {
  return `b${doc.blocks.length + 1}`;
}

/**
 * Cut `block` at text offset `at`: the block keeps [0, at) and a new block holds [at, end).
 * The new block is appended; call `restoreOrder` once the stage is done splitting (appending
 * keeps splitting linear where inserting in place would be quadratic on large dumps).
 */
export function splitBlock(doc: Doc, block: Block, at: number): Block {
  const tail: Block = {
    id: nextId(doc),
    spans: subSpans(block.spans, at, block.text.length),
    text: block.text.slice(at),
    status: 'live',
    repeated: block.repeated,
    lacunae: block.lacunae.filter((l) => l.at >= at).map((l) => ({ ...l, at: l.at - at })),
    lacunaBefore: false,
    lacunaAfter: block.lacunaAfter,
  };
  block.spans = subSpans(block.spans, 0, at);
  block.text = block.text.slice(0, at);
  block.lacunae = block.lacunae.filter((l) => l.at < at);
  block.lacunaAfter = false;
  doc.blocks.push(tail);
  return tail;
}

/** Put blocks back in source order after splits (blocks never overlap, so their starts order them). */
export function restoreOrder(doc: Doc): void {
  doc.blocks.sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0));
}

/** Trim whitespace at a block's edges; the trimmed characters become layout. */
export function trimBlock(block: Block): void {
  const lead = /^[\s\u3000]*/u.exec(block.text)![0].length;
  const trail = /[\s\u3000]*$/u.exec(block.text)![0].length;
  if (lead === 0 && trail === 0) return;
  const end = Math.max(lead, block.text.length - trail);
  block.spans = subSpans(block.spans, lead, end);
  block.text = block.text.slice(lead, end);
}
