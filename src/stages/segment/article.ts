import type { Block, Doc } from '../../model/doc.js';
import { startsMidSentence } from '../../text/opening.js';
import { endsParagraph } from '../../text/chars.js';
import { opensLikeSentence } from '../../text/sentence-lm.js';
import { parseDatelineField } from './dateline.js';
import type { Article, BodyKind, Field } from '../../model/types.js';

/** An article while it is being put together, plus what the assembler needs to know about it. */
export interface Draft {
  article: Article;
  /** Text of the article so far, for topic comparisons. */
  text: string;
  /** A closing source tag was seen: anything after it belongs to another article. */
  closed: boolean;
  /** The article is a feature whose sections carry their own headings and bylines. */
  feature: boolean;
}

export function field(block: Block): Field {
  return { text: block.text, spans: block.spans };
}

export function newDraft(index: number): Draft {
  return {
    article: {
      id: `a${index + 1}`,
      body: [],
      related: [],
      flags: [],
      variants: [],
      metadata: { agencies: [], places: [], people: [], organisations: [] },
      fields: { related: [] },
    },
    text: '',
    closed: false,
    feature: false,
  };
}

export function addBody(draft: Draft, kind: BodyKind, block: Block): void {
  draft.article.body.push({
    kind,
    text: block.text,
    spans: block.spans,
    lacunae: block.lacunae,
    lacunaBefore: block.lacunaBefore,
    lacunaAfter: block.lacunaAfter,
  });
  draft.text += block.text;
}

/** One body item made of consecutive blocks (a roundup's dateline and the paragraph it opens). */
export function addBodyJoined(draft: Draft, kind: BodyKind, blocks: Block[]): void {
  let text = '';
  const item = {
    kind,
    text,
    spans: [] as Block['spans'],
    lacunae: [] as Block['lacunae'],
    lacunaBefore: blocks[0].lacunaBefore,
    lacunaAfter: blocks[blocks.length - 1].lacunaAfter,
  };
  for (const block of blocks) {
    item.lacunae.push(...block.lacunae.map((l) => ({ ...l, at: l.at + text.length })));
    item.spans.push(...block.spans);
    text += block.text;
  }
  item.text = text;
  draft.article.body.push(item);
  draft.text += text;
}

export function setField(
  draft: Draft,
  name: 'kicker' | 'headline' | 'subheadline' | 'byline' | 'sourceTag',
  block: Block,
): void {
  draft.article[name] = block.text;
  draft.article.fields[name] = field(block);
  draft.text += block.text;
}

export function addRelated(draft: Draft, block: Block): void {
  draft.article.related.push(block.text);
  draft.article.fields.related.push(field(block));
}

export function hasBody(draft: Draft): boolean {
  return draft.article.body.length > 0;
}

/** Whether the article has running text yet (not only captions, notes or subheads). */
export function hasParagraph(draft: Draft): boolean {
  return draft.article.body.some((b) => b.kind === 'paragraph');
}

/**
 * Whether a paragraph of the body lost its start: it opens mid-sentence, and the gap is not
 * one the paragraph before already answers for — that one keeps a lacuna at its end (the same
 * gap, marked once), or stops mid-sentence itself (the rejoin stage judged that break, and
 * kept the two apart).
 */
function lostStart(body: Article['body'], i: number): boolean {
  const item = body[i];
  if (item.kind !== 'paragraph' || !startsMidSentence(item.text)) return false;
  const before = body[i - 1];
  if (before?.kind === 'paragraph' && (before.lacunaAfter || !endsParagraph(before.text)))
    return false;
  return !opensLikeSentence(item.text);
}

/** Flags that follow from the body: a lost start or end; a dateline taken from the source tag. */
export function finishDraft(doc: Doc, draft: Draft): void {
  const { article } = draft;
  article.body.forEach((item, i) => {
    if (!lostStart(article.body, i)) return;
    if (i === 0 && article.dateline) return;
    item.lacunaBefore = true;
    if (i === 0 && !article.flags.includes('truncated-start'))
      article.flags.push('truncated-start');
  });
  const last = article.body[article.body.length - 1];
  if (last?.lacunaAfter && !article.flags.includes('truncated-end'))
    article.flags.push('truncated-end');
  if (!article.dateline && article.fields.sourceTag) {
    article.dateline = parseDatelineField({ text: article.fields.sourceTag.text, spans: [] }, doc);
  }
}
