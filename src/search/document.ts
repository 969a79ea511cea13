import type { Article } from '../model/types.js';

/** Separates the parts of an article's search text; never inside a term, so no match spans it. */
export const PART_SEPARATOR = '\n';

/** The text an article is found by: headline parts, and everything else it prints. */
export function articleSearchText(article: Article): { head: string; body: string } {
  const head = [article.kicker, article.headline, article.subheadline];
  const body = [
    article.dateline?.text,
    article.byline,
    ...article.body.map((item) => item.text),
    article.sourceTag,
    ...article.related,
  ];
  const join = (parts: (string | undefined)[]) =>
    parts.filter((p): p is string => !!p).join(PART_SEPARATOR);
  return { head: join(head), body: join(body) };
}

/** Facets an article can be filtered by: agency, place and person, each exact values. */
export function articleFacets(article: Article): { kind: string; value: string }[] {
  const out = new Map<string, { kind: string; value: string }>();
  const add = (kind: string, value: string | undefined) => {
    const v = value?.trim();
    if (v) out.set(`${kind}\u0000${v}`, { kind, value: v });
  };
  add('agency', article.dateline?.agency);
  add('place', article.dateline?.place);
  for (const a of article.metadata.agencies) add('agency', a);
  for (const p of article.metadata.places) add('place', p);
  for (const p of article.metadata.people) add('person', p.name);
  return [...out.values()];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The article's date for range filters: its own, else the edition's; full ISO dates only. */
export function articleDate(article: Article, editionDate?: string): string | undefined {
  for (const d of [article.metadata.date, article.dateline?.date, editionDate])
    if (d && ISO_DATE.test(d)) return d;
  return undefined;
}
