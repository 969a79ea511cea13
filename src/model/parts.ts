import type { Article, BodyItem, Role, Span } from './types.js';

/** Where a part sits in its article: a labelled field, a related title, or a body item. */
export type PartPlace = 'field' | 'related' | 'body';

/** One labelled piece of an article with its source spans. */
export interface Part {
  place: PartPlace;
  role: Role;
  /** Its path in the article: `headline`, `related[0]`, `body[2]`. */
  name: string;
  text: string;
  spans: Span[];
  /** The body item, for body parts. */
  item?: BodyItem;
}

/** The single-line fields, in the order they are walked. */
const FIELDS = ['kicker', 'headline', 'subheadline', 'dateline', 'byline', 'sourceTag'] as const;

function fieldOf(article: Article, name: (typeof FIELDS)[number]) {
  if (name !== 'dateline') return article.fields[name];
  // A dateline read from the source tag has no text of its own: the tag holds it.
  const { dateline } = article;
  return dateline && !dateline.fromSourceTag ? dateline : undefined;
}

/**
 * Every piece of source text an article holds, each once: its fields (kicker, headline,
 * subheadline, dateline, byline, source tag), its related titles, then its body items. Use
 * this wherever code needs all of an article's text and spans rather than naming fields.
 */
export function articleParts(article: Article): Part[] {
  const parts: Part[] = [];
  for (const name of FIELDS) {
    const field = fieldOf(article, name);
    if (field)
      parts.push({ place: 'field', role: name, name, text: field.text, spans: field.spans });
  }
  article.fields.related.forEach((r, i) =>
    parts.push({
      place: 'related',
      role: 'related',
      name: `related[${i}]`,
      text: r.text,
      spans: r.spans,
    }),
  );
  article.body.forEach((item, i) =>
    parts.push({
      place: 'body',
      role: item.kind,
      name: `body[${i}]`,
      text: item.text,
      spans: item.spans,
      item,
    }),
  );
  return parts;
}
