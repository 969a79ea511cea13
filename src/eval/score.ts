import { locate, pairPositions } from './align.js';
import { zeroCounts, type Counts } from './counts.js';
import { fromGold, type GoldFile, type ScoredArticle } from './gold.js';
import { bodyText, matchArticles, prepare, type Prepared } from './match.js';
import { scorePage } from './page.js';
import { norm, normOffset, overlap, prf } from './text.js';

/**
 * A variant is scored by the misprint itself: the characters where the printed form and the
 * likely form differ (碛→碚). How much context a tool quotes around it (北碛, 北碛区) is display.
 */
function variantKey(v: { text: string; likely: string }): string {
  const text = [...norm(v.text)];
  const likely = [...norm(v.likely)];
  if (text.length !== likely.length) return `${text.join('')}→${likely.join('')}`;
  const diff = text.map((ch, i) => (ch === likely[i] ? '' : `${ch}→${likely[i]}`)).filter(Boolean);
  return diff.length > 0 ? diff.join(',') : `${text.join('')}→${likely.join('')}`;
}

/** A predicted paragraph break this close (characters) to a gold one is the same break. */
const BOUNDARY_TOLERANCE = 2;
/** A predicted lacuna this close to a gold one is the same gap (lost text blurs the edge). */
const LACUNA_TOLERANCE = 3;
/** A dropped text matches a gold furniture line when the shorter covers this much of the longer. */
const BOILERPLATE_COVER = 0.5;

/** One article pair (or an unmatched article) with its body scores, for the verbose report. */
export interface ArticleDetail {
  gold?: ScoredArticle;
  pred?: ScoredArticle;
  bodyP?: number;
  bodyR?: number;
  bodyF1: number;
  /** Body bigrams lost or added by this pair: how much it weighs in the case score. */
  damage: number;
}

export interface CaseScore {
  counts: Counts;
  articles: ArticleDetail[];
}

/** Positions (normalized body coordinates) of item breaks and lacunae of one article. */
interface Marks {
  text: string;
  breaks: number[];
  lacunae: number[];
}

function marksOf(a: ScoredArticle): Marks {
  const breaks: number[] = [];
  const lacunae: number[] = [];
  let offset = 0;
  const texts = a.body.map((b) => norm(b.text));
  a.body.forEach((item, i) => {
    const length = texts[i].length;
    if (item.lacunaBefore) lacunae.push(offset);
    for (const l of item.lacunae ?? []) lacunae.push(offset + normOffset(item.text, l.at));
    if (item.lacunaAfter) lacunae.push(offset + length);
    offset += length;
    if (length > 0 && i < a.body.length - 1) breaks.push(offset);
  });
  // A break at the very end (empty trailing items) is no break.
  return { text: texts.join(''), breaks: breaks.filter((b) => b < offset), lacunae };
}

function same(a: string | undefined, b: string | undefined): boolean {
  return norm(a) === norm(b);
}

/** Field accuracy: counted where gold or prediction has the field; hit when they agree. */
function field(
  c: Counts,
  key: 'kicker' | 'dateline' | 'sourceTag',
  g: ScoredArticle,
  p?: ScoredArticle,
) {
  const gv = norm(g[key]);
  const pv = norm(p?.[key]);
  if (!gv && !pv) return;
  c[`${key}Total`]++;
  if (gv === pv) c[`${key}Hit`]++;
}

function bylines(c: Counts, g: ScoredArticle, p?: ScoredArticle) {
  const gv = g.bylines.map(norm).join('|');
  const pv = (p?.bylines ?? []).map(norm).join('|');
  if (!gv && !pv) return;
  c.bylineTotal++;
  if (gv === pv) c.bylineHit++;
}

/** Multiset intersection size of two lists of normalized strings. */
function common(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const y of b) {
    const k = left.get(y) ?? 0;
    if (k > 0) {
      left.set(y, k - 1);
      n++;
    }
  }
  return n;
}

function scorePair(c: Counts, g: Prepared, p: Prepared): ArticleDetail {
  const ga = g.article;
  const pa = p.article;
  c.matched++;
  if (ga.headline !== undefined) {
    c.headlineTotal++;
    if (same(ga.headline, pa.headline)) c.headlineHit++;
  }
  field(c, 'kicker', ga, pa);
  field(c, 'dateline', ga, pa);
  field(c, 'sourceTag', ga, pa);
  bylines(c, ga, pa);
  const hit = overlap(g.body, p.body);
  c.bodyHit += hit;
  const gm = marksOf(ga);
  const pm = marksOf(pa);
  const place = (pos: number) => locate(gm.text, pm.text, pos);
  c.boundaryHit += pairPositions(gm.breaks, pm.breaks.map(place), BOUNDARY_TOLERANCE);
  c.lacunaHit += pairPositions(gm.lacunae, pm.lacunae.map(place), LACUNA_TOLERANCE);
  c.relatedHit += common(ga.related.map(norm), pa.related.map(norm));
  c.variantHit += common(ga.variants.map(variantKey), pa.variants.map(variantKey));
  const s = prf(hit, p.bodySize, g.bodySize);
  return {
    gold: ga,
    pred: pa,
    bodyP: s.p,
    bodyR: s.r,
    bodyF1: s.f1 ?? 1,
    damage: g.bodySize + p.bodySize - 2 * hit,
  };
}

function totals(c: Counts, a: ScoredArticle, side: 'Pred' | 'Gold', size: number) {
  const m = marksOf(a);
  c[`body${side}`] += size;
  c[`boundary${side}`] += m.breaks.length;
  c[`lacuna${side}`] += m.lacunae.length;
  c[`related${side}`] += a.related.length;
  c[`variant${side}`] += a.variants.length;
}

function covers(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (
    short.length > 0 && long.includes(short) && short.length / long.length >= BOILERPLATE_COVER
  );
}

function boilerplate(c: Counts, gold: string[], dropped: string[]) {
  const g = [...new Set(gold.map(norm).filter(Boolean))];
  const p = [...new Set(dropped.map(norm).filter(Boolean))];
  c.boilerplateGold += g.length;
  c.boilerplatePred += p.length;
  c.boilerplateGoldHit += g.filter((x) => p.some((y) => covers(x, y))).length;
  c.boilerplatePredHit += p.filter((y) => g.some((x) => covers(x, y))).length;
}

/**
 * Score predicted articles against a gold file. Pure: the counts depend only on the texts.
 * `dropped` are the texts the engine dropped as boilerplate.
 */
export function scoreCase(
  gold: GoldFile,
  predicted: ScoredArticle[],
  dropped: string[],
): CaseScore {
  const c = zeroCounts();
  c.cases = 1;
  const g = gold.articles.map((a) => prepare(fromGold(a)));
  const p = predicted.map(prepare);
  c.goldArticles = g.length;
  c.predArticles = p.length;
  if (g.length === p.length) c.countExact = 1;
  g.forEach((x) => totals(c, x.article, 'Gold', x.bodySize));
  p.forEach((x) => totals(c, x.article, 'Pred', x.bodySize));
  const pairs = matchArticles(g, p);
  const details: ArticleDetail[] = [];
  const matchedG = new Set(pairs.map(([i]) => i));
  const matchedP = new Set(pairs.map(([, j]) => j));
  for (const [i, j] of pairs) details.push(scorePair(c, g[i], p[j]));
  g.forEach((x, i) => {
    if (matchedG.has(i)) return;
    if (x.article.headline !== undefined) c.headlineTotal++;
    field(c, 'kicker', x.article);
    field(c, 'dateline', x.article);
    field(c, 'sourceTag', x.article);
    bylines(c, x.article);
    details.push({ gold: x.article, bodyF1: 0, bodyR: 0, damage: x.bodySize });
  });
  p.forEach((x, j) => {
    if (!matchedP.has(j))
      details.push({ pred: x.article, bodyF1: 0, bodyP: 0, damage: x.bodySize });
  });
  boilerplate(c, gold.boilerplate ?? [], dropped);
  scorePage(
    c,
    g.map((x) => x.article),
    p.map((x) => x.article),
  );
  return { counts: c, articles: details };
}

export { bodyText };
