import { itemText, type SynthArticle } from './model.js';

/** A printed block of the dump: a line (or hard-wrapped lines) set off by blank lines. */
export interface Block {
  text: string;
  /** Index of the article it belongs to; -1 for page furniture. */
  article: number;
  /** True for a body paragraph block printed whole (a candidate for repeats and moves). */
  paragraph: boolean;
}

/** The blocks of one article in reading order, as the page prints them. */
export function articleBlocks(a: SynthArticle, index: number): Block[] {
  const blocks: Block[] = [];
  const push = (text: string, paragraph = false) =>
    blocks.push({ text, article: index, paragraph });
  if (a.kicker) push(a.kicker);
  push(a.headline);
  if (a.subheadline) push(a.subheadline);
  if (a.byline) push(a.byline);
  a.body.forEach((it, i) => {
    const pieces = [...it.pieces];
    if (i === a.datelineItem && a.dateline) {
      // D1: the dateline stands alone with the headline echoed after it; else it leads the text.
      if (a.echo) push(`${a.dateline.text} ${a.headline}`);
      else pieces[0] = a.dateline.text + a.dateline.gap + pieces[0];
    }
    for (const piece of pieces) push(piece, it.kind === 'paragraph' && pieces.length === 1);
  });
  if (a.sourceTag) push(a.sourceTag);
  if (a.continuation) blocks.push({ text: a.continuation, article: -1, paragraph: false });
  return blocks;
}

/** Hard wrap: cut every line into lines of `width` characters (code points). */
export function hardWrap(text: string, width: number): string {
  const chars = Array.from(text);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.join('\n');
}

/** The dump text: blocks separated by blank lines, each optionally hard-wrapped. */
export function layout(blocks: Block[], wrapWidth?: number): string {
  const texts = blocks.map((b) => (wrapWidth ? hardWrap(b.text, wrapWidth) : b.text));
  return texts.join('\n\n') + '\n';
}

/** Text of a clean article's content lines, rebuilt from its synth form (for round-trip checks). */
export function contentLines(a: SynthArticle): string[] {
  const out: string[] = [];
  if (a.kicker) out.push(`${a.kicker}——`);
  if (a.byline) out.push(a.byline);
  a.body.forEach((it, i) => {
    const text = itemText(it);
    out.push(i === a.datelineItem && a.dateline ? a.dateline.text + a.dateline.gap + text : text);
  });
  if (a.sourceTag) out.push(a.sourceTag);
  return out;
}
