import type { Article, BodyKind, Edition } from '../model/types.js';

export const GOLD_SCHEMA = 'newsmend-gold@1';

export interface GoldLacuna {
  at: number;
  suggestion?: string;
}

export interface GoldItem {
  kind: BodyKind;
  text: string;
  lacunae?: GoldLacuna[];
  lacunaBefore?: boolean;
  lacunaAfter?: boolean;
}

export interface GoldDateline {
  text: string;
  agency?: string;
  place?: string;
  date?: string;
}

export interface GoldArticle {
  kicker?: string;
  headline?: string;
  subheadline?: string;
  dateline?: GoldDateline;
  byline?: string;
  body: GoldItem[];
  sourceTag?: string;
  related?: string[];
  flags?: string[];
  variants?: { text: string; likely: string }[];
}

export interface GoldFile {
  schema: string;
  id: string;
  articles: GoldArticle[];
  boilerplate?: string[];
  [extra: string]: unknown;
}

/** Check the shape we rely on; returns a list of problems (empty = usable). */
export function validateGold(value: unknown): string[] {
  const problems: string[] = [];
  const gold = value as Partial<GoldFile>;
  if (!gold || typeof gold !== 'object') return ['not a JSON object'];
  if (gold.schema !== GOLD_SCHEMA) problems.push(`schema is ${gold.schema}, want ${GOLD_SCHEMA}`);
  if (!Array.isArray(gold.articles)) return [...problems, 'articles is not an array'];
  gold.articles.forEach((a, i) => {
    if (!Array.isArray(a.body)) problems.push(`articles[${i}].body is not an array`);
    else
      a.body.forEach((b, j) => {
        if (typeof b.text !== 'string') problems.push(`articles[${i}].body[${j}].text missing`);
      });
  });
  return problems;
}

/** Gold articles and predicted articles are scored in this one shape. */
export interface ScoredArticle {
  kicker?: string;
  headline?: string;
  subheadline?: string;
  dateline?: string;
  /** The `byline` field and `byline` body items alike, in order. */
  bylines: string[];
  /** Body items other than bylines, in order. */
  body: GoldItem[];
  sourceTag?: string;
  related: string[];
  flags: string[];
  variants: { text: string; likely: string }[];
}

function split(
  byline: string | undefined,
  body: GoldItem[],
): Pick<ScoredArticle, 'bylines' | 'body'> {
  const bylines = byline ? [byline] : [];
  const rest: GoldItem[] = [];
  for (const item of body) {
    if (item.kind === 'byline') bylines.push(item.text);
    else rest.push(item);
  }
  return { bylines, body: rest };
}

export function fromGold(a: GoldArticle): ScoredArticle {
  return {
    kicker: a.kicker,
    headline: a.headline,
    subheadline: a.subheadline,
    dateline: a.dateline?.text,
    ...split(a.byline, a.body ?? []),
    sourceTag: a.sourceTag,
    related: a.related ?? [],
    flags: a.flags ?? [],
    variants: a.variants ?? [],
  };
}

export function fromArticle(a: Article): ScoredArticle {
  const body: GoldItem[] = a.body.map((b) => ({
    kind: b.kind,
    text: b.text,
    lacunae: b.lacunae.map((l) => ({ at: l.at, suggestion: l.suggestion })),
    lacunaBefore: b.lacunaBefore,
    lacunaAfter: b.lacunaAfter,
  }));
  return {
    kicker: a.kicker,
    headline: a.headline,
    subheadline: a.subheadline,
    dateline: a.dateline?.text,
    ...split(a.byline, body),
    sourceTag: a.sourceTag,
    related: a.related ?? [],
    flags: a.flags ?? [],
    variants: (a.variants ?? []).map((v) => ({ text: v.text, likely: v.likely })),
  };
}

/** Texts of the edition's dropped page furniture: `drop` edits of the `furniture` category. */
export function droppedBoilerplate(edition: Edition): string[] {
  return edition.edits
    .filter((e) => e.action === 'drop' && e.category === 'furniture' && e.text)
    .map((e) => e.text as string);
}
