import type { Block, Doc } from '../../model/doc.js';
import type { Stage } from '../stage.js';
import { splitLines, type Line } from './lines.js';
import { continuesOnNextLine, detectWrap, indentMarksParagraphs } from './unwrap.js';

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

/**
 * Split the text into blocks: one block per non-blank line, except that lines cut by a fixed
 * hard wrap are put back together. Line breaks and trimmed spaces become layout.
 */
export const blocksStage: Stage = {
  name: 'blocks',
  run(doc: Doc) {
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
      doc.messages.push({
        severity: 'info',
        code: 'hard-wrap',
        text: `lines were hard-wrapped at ${wrap.width}; rejoined`,
      });
    }
    return { lines: lines.length, blocks: doc.blocks.length, wrapWidth: wrap?.width ?? 0 };
  },
};
