import type { Block } from '../../model/doc.js';
import type { Span } from '../../model/types.js';
import type { StageContext } from '../context.js';
import type { Stage } from '../stage.js';
import { splitLines, type Line } from './lines.js';
import { RULES, type WrapFacts } from './rules.js';
import { continuesOnNextLine, detectWrap, indentMarksParagraphs, type Wrap } from './unwrap.js';

function newBlock(index: number, lines: Line[]): Block {
  return {
    id: `b${index + 1}`,
    spans: lines.map((l) => ({ ...l.span })),
    text: lines.map((l) => l.text).join(''),
    status: 'live',
    lacunae: [],
    lacunaBefore: false,
    lacunaAfter: false,
  };
}

/** The gaps between the lines of a paragraph: where the wrap cut it. */
function seams(lines: readonly Line[]): Span[] {
  const out: Span[] = [];
  for (let i = 1; i < lines.length; i++)
    out.push({ start: lines[i - 1].span.end, end: lines[i].span.start });
  return out;
}

/** One entry per paragraph put back together, with every seam of it (not one per line). */
function recordUnwraps(ctx: StageContext<'blocks'>, groups: Line[][], wrap: Wrap): void {
  for (const group of groups) {
    if (group.length < 2) continue;
    const facts: WrapFacts = {
      width: wrap.width,
      measure: wrap.unit,
      atWidth: wrap.count,
      textLines: wrap.textLines,
      lines: group.length,
    };
    ctx.join(RULES.hardWrap, seams(group), { facts });
  }
}

/**
 * Split the text into blocks: one block per non-blank line, except that lines cut by a fixed
 * hard wrap are put back together. Line breaks and trimmed spaces become layout.
 */
export const blocksStage: Stage<'blocks'> = {
  name: 'blocks',
  run(doc, ctx) {
    const lines = splitLines(doc.text);
    const wrap = detectWrap(lines);
    const indents = indentMarksParagraphs(lines);
    const groups: Line[][] = [];
    let current: Line[] = [];
    lines.forEach((line, i) => {
      if (line.blank) return;
      current.push(line);
      if (!wrap || !continuesOnNextLine(line, lines[i + 1], wrap, indents)) {
        groups.push(current);
        current = [];
      }
    });
    if (current.length > 0) groups.push(current);
    doc.blocks = groups.map((group, i) => newBlock(i, group));
    if (wrap) {
      recordUnwraps(ctx, groups, wrap);
      doc.messages.push({
        severity: 'info',
        code: 'hard-wrap',
        text: `lines were hard-wrapped at ${wrap.width}; rejoined`,
      });
    }
    return { lines: lines.length, blocks: doc.blocks.length, wrapWidth: wrap?.width ?? 0 };
  },
};
