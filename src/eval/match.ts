import type { ScoredArticle } from './gold.js';
import { bigrams, dice, norm, overlap, total } from './text.js';

/** Weight of headline similarity in article similarity; the body carries the rest. */
const HEADLINE_WEIGHT = 0.4;
/** Below this similarity two articles are not the same story (an unrelated pair shares ~0.1). */
export const MIN_MATCH = 0.3;

/** Normalized body text of an article: its non-byline items concatenated. */
export function bodyText(a: ScoredArticle): string {
  return a.body.map((b) => norm(b.text)).join('');
}

export interface Prepared {
  article: ScoredArticle;
  headline: Map<string, number>;
  body: Map<string, number>;
  bodySize: number;
}

export function prepare(article: ScoredArticle): Prepared {
  const body = bigrams(bodyText(article));
  return { article, headline: bigrams(norm(article.headline)), body, bodySize: total(body) };
}

/**
 * How alike two articles are (0..1): headline bigram Dice plus body containment (shared body
 * bigrams over the smaller body), so a fragment of a story still matches the story.
 */
export function similarity(g: Prepared, p: Prepared): number {
  const head = dice(g.headline, p.headline);
  const smaller = Math.min(g.bodySize, p.bodySize);
  const body = smaller === 0 ? head : overlap(g.body, p.body) / smaller;
  return HEADLINE_WEIGHT * head + (1 - HEADLINE_WEIGHT) * body;
}

/**
 * One-to-one, order-preserving matching of gold to predicted articles that maximizes the total
 * similarity (dynamic programming over the two reading orders). Returns [goldIndex, predIndex].
 */
export function matchArticles(gold: Prepared[], pred: Prepared[]): [number, number][] {
  const sim = gold.map((g) => pred.map((p) => similarity(g, p)));
  const n = gold.length;
  const m = pred.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1][j - 1];
      const diag = s >= MIN_MATCH ? best[i - 1][j - 1] + s : -1;
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], diag);
    }
  }
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const s = sim[i - 1][j - 1];
    if (s >= MIN_MATCH && best[i][j] === best[i - 1][j - 1] + s) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (best[i][j] === best[i - 1][j]) i--;
    else j--;
  }
  return pairs.reverse();
}
