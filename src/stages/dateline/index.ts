import { restoreOrder, splitBlock, trimBlock } from '../../model/blocks.js';
import { blockEnd, blockStart, liveBlocks, type Block, type Doc } from '../../model/doc.js';
import { squeeze } from '../../text/chars.js';
import { DATELINE, SOURCE_TAG } from '../../text/dateline.js';
import type { StageContext } from '../context.js';
import type { Stage } from '../stage.js';
import { RULES } from './rules.js';

/** How many blocks back we look for the headline a dateline line may echo (D1). */
const ECHO_LOOKBACK = 3;
/** An echo shorter than this is too weak to call (it could be a common phrase). */
const MIN_ECHO_CHARS = 6;

/** Length of the prefix of `text` that equals `target` when whitespace is ignored, or -1. */
export function prefixIgnoringSpace(text: string, target: string): number {
  const want = squeeze(target);
  let j = 0;
  let i = 0;
  for (; i < text.length && j < want.length; i++) {
    if (/[\s\u3000]/u.test(text[i])) continue;
    if (text[i] !== want[j]) return -1;
    j++;
  }
  return j === want.length ? i : -1;
}

/** D1: after a dateline, the line may repeat the headline printed just above it. */
function dropHeadlineEcho(
  doc: Doc,
  ctx: StageContext<'dateline'>,
  rest: Block,
  before: Block[],
): boolean {
  for (const candidate of before.slice(-ECHO_LOOKBACK).reverse()) {
    if (squeeze(candidate.text).length < MIN_ECHO_CHARS) continue;
    const length = prefixIgnoringSpace(rest.text, candidate.text);
    if (length <= 0) continue;
    const after = length < rest.text.length ? splitBlock(doc, rest, length) : undefined;
    ctx.drop(RULES.headlineEcho, rest, {
      facts: { keptAt: blockStart(candidate), headline: candidate.text },
      kept: candidate.spans,
    });
    if (after) trimBlock(after);
    return true;
  }
  return false;
}

/**
 * Find datelines (电头) at the start of blocks and cut them off the text that follows, so the
 * first paragraph starts after the dateline; drop a headline echoed right after one (D1).
 * Whole-block parenthesised datelines become source tags.
 */
export const datelineStage: Stage<'dateline'> = {
  name: 'dateline',
  run(doc, ctx) {
    let datelines = 0;
    let echoes = 0;
    let tags = 0;
    const seen: Block[] = [];
    for (const block of liveBlocks(doc)) {
      if (SOURCE_TAG.test(block.text)) {
        block.role = 'sourceTag';
        ctx.label(RULES.sourceTag, block, 'sourceTag');
        tags++;
        continue;
      }
      const match = DATELINE.exec(block.text);
      if (!match) {
        seen.push(block);
        continue;
      }
      block.role = 'dateline';
      datelines++;
      if (match[0].length < block.text.length) {
        const rest = splitBlock(doc, block, match[0].length);
        const at = blockEnd(block);
        trimBlock(rest);
        trimBlock(block);
        ctx.split(RULES.cut, block.spans, { facts: { at, chars: block.text.length } });
        if (dropHeadlineEcho(doc, ctx, rest, seen)) echoes++;
      } else ctx.label(RULES.wholeLine, block, 'dateline');
      seen.push(block);
    }
    restoreOrder(doc);
    return { datelines, echoes, sourceTags: tags };
  },
};
