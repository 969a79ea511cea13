import type { Block } from '../../model/doc.js';
import type { Article, BodyKind, Field } from '../../model/types.js';

/** An article while it is being put together, plus what the assembler needs to know about it. */
export interface Draft {
  article: Article;
  /** Text of the article so far, for topic comparisons. */
  text: string;
  /** A closing source tag was seen: anything after it belongs to another article. */
  closed: boolean;
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
