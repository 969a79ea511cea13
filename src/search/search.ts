import type { Db } from '../archive/db.js';
import { compileQuery, FTS_WEIGHTS } from './fts.js';
import { articleIdOfKey, keyRange } from './key.js';
import { searchFold } from './normalize.js';
import { isCalendarDate } from '../text/calendar.js';
import { matches, parseQuery, positiveTerms, QueryError, type QueryNode } from './query.js';
import { highlight, snippet, type Segment } from './snippet.js';

export interface SearchFilters {
  /** Inclusive ISO dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
  agency?: string;
  place?: string;
  person?: string;
}

export const DEFAULT_LIMIT = 20;
/** Most results on one page. */
export const MAX_LIMIT = 100;
/**
 * Matches ranked by relevance: the newest this many. bm25 over every match of a common term
 * costs time in proportion to the archive (seconds at 100k articles); over a fixed window it
 * costs the same at any size. Narrower queries or a date range reach older matches.
 */
export const RANK_WINDOW = 2000;
/** Index entries read per query at most, matched or not: bounds the cost of NOT and filters. */
export const MAX_SCANNED = 10_000;
/** Matches counted exactly up to here; beyond, the count is "at least" (`complete: false`). */
export const COUNT_LIMIT = 10_000;

export type SearchSort = 'relevance' | 'date';

export interface SearchParams extends SearchFilters {
  q: string;
  limit?: number;
  offset?: number;
  /** relevance (bm25 over the newest RANK_WINDOW matches; default) or date (newest first). */
  sort?: SearchSort;
}

export interface SearchHit {
  articleId: number;
  editionId: number;
  headline: Segment[];
  snippet: Segment[];
  date: string | null;
  agency: string | null;
  place: string | null;
  source: string;
  score: number;
}

export interface SearchResult {
  query: string;
  sort: SearchSort;
  /** Verified matches counted (exact when `complete`). */
  total: number;
  /** False when more matches may exist than were counted: `total` is then a lower bound. */
  complete: boolean;
  /** Set when relevance ranked only the newest this many matches of more. */
  rankedNewest?: number;
  offset: number;
  limit: number;
  hits: SearchHit[];
}

export interface Match {
  key: number;
  score: number;
}

export interface HitRow {
  id: number;
  editionId: number;
  headline: string | null;
  head: string;
  body: string;
  date: string | null;
  agency: string | null;
  place: string | null;
  source: string;
}

export const FACETS = ['agency', 'place', 'person'] as const;

function checkFilters(f: SearchParams): void {
  for (const [name, value] of [
    ['from', f.from],
    ['to', f.to],
  ] as const)
    if (value && !isCalendarDate(value))
      throw new QueryError(`${name} wants a calendar date YYYY-MM-DD, got '${value}'`);
  if (f.sort !== undefined && f.sort !== 'relevance' && f.sort !== 'date')
    throw new QueryError(`sort is relevance or date, got '${String(f.sort)}'`);
}

function prepare(db: Db, sql: string) {
  const stmt = db.prepare(sql);
  if (!stmt.readonly) throw new Error('search statement is not read-only');
  return stmt;
}

const MATCHES_SQL = `SELECT rowid AS key, bm25(article_fts, ${FTS_WEIGHTS.join(', ')}) AS score
  FROM article_fts WHERE article_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC`;
const COUNT_SQL = `SELECT count(*) AS n FROM (SELECT rowid FROM article_fts
  WHERE article_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ${COUNT_LIMIT + 1})`;
const HIT_SQL = `SELECT a.id, a.edition_id AS editionId, a.headline, a.head_text AS head,
  a.body_text AS body, a.date, a.agency, a.place, s.name AS source
  FROM articles a JOIN editions e ON e.id = a.edition_id JOIN sources s ON s.id = e.source_id
  WHERE a.id = ?`;

/** The per-match checks a query needs beyond the index: facets, and the exact text. */
function matchCheck(
  db: Db,
  params: SearchParams,
  node: QueryNode,
  exact: boolean,
): ((id: number) => boolean) | undefined {
  const checks: ((id: number) => boolean)[] = [];
  const facet = prepare(db, 'SELECT 1 FROM facets WHERE kind = ? AND value = ? AND article_id = ?');
  for (const kind of FACETS) {
    const value = params[kind]?.trim();
    if (value) checks.push((id) => facet.get(kind, value, id) !== undefined);
  }
  if (!exact) {
    const text = prepare(
      db,
      'SELECT head_text AS head, body_text AS body FROM articles WHERE id = ?',
    );
    checks.push((id) => {
      const row = text.get(id) as { head: string; body: string } | undefined;
      return !!row && matches(node, searchFold(`${row.head}\n${row.body}`));
    });
  }
  return checks.length === 0 ? undefined : (id) => checks.every((check) => check(id));
}

/**
 * Walk the index newest first, keeping verified matches until `wanted` are found or
 * MAX_SCANNED entries were read. `exhausted` says the walk saw every candidate.
 */
function collect(
  db: Db,
  expression: string,
  range: { low: number; high: number },
  check: ((id: number) => boolean) | undefined,
  wanted: number,
): { found: Match[]; exhausted: boolean } {
  const found: Match[] = [];
  let scanned = 0;
  for (const row of prepare(db, MATCHES_SQL).iterate(
    expression,
    range.low,
    range.high,
  ) as Iterable<Match>) {
    if (found.length >= wanted || ++scanned > MAX_SCANNED) return { found, exhausted: false };
    if (!check || check(articleIdOfKey(row.key))) found.push(row);
  }
  return { found, exhausted: true };
}

export function toHit(row: HitRow, score: number, terms: string[]): SearchHit {
  return {
    articleId: row.id,
    editionId: row.editionId,
    headline: highlight(row.headline ?? row.head.split('\n')[0] ?? '', terms),
    snippet: snippet(row.body, terms),
    date: row.date,
    agency: row.agency,
    place: row.place,
    source: row.source,
    score,
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/** Relevance order: bm25 (lower is better in SQLite), ties by article id. */
function byRelevance(a: Match, b: Match): number {
  return a.score - b.score || articleIdOfKey(a.key) - articleIdOfKey(b.key);
}

/**
 * Search the archive. The query is parsed by us (QueryError when malformed), compiled into an
 * FTS expression from our own tokens, and every result is checked against the exact query on
 * its text, so results hold the query's substrings exactly. The work is bounded by the page
 * asked for (RANK_WINDOW, MAX_SCANNED, COUNT_LIMIT), not by the archive. `db` may be read-only.
 */
export function search(db: Db, params: SearchParams): SearchResult {
  const plan = planSearch(params);
  const { expression, exact } = compileQuery(plan.node);
  const check = matchCheck(db, params, plan.node, exact);
  const { found, exhausted } = collect(db, expression, plan.range, check, plan.wanted);
  // The index alone is exact without a check: count its entries, up to a bound.
  const count =
    exhausted || check
      ? undefined
      : () =>
          (prepare(db, COUNT_SQL).get(expression, plan.range.low, plan.range.high) as { n: number })
            .n;
  const row = prepare(db, HIT_SQL);
  const hits = pageOf(plan, found).map((m) =>
    toHit(row.get(articleIdOfKey(m.key)) as HitRow, m.score, plan.terms),
  );
  return resultOf(plan, found, exhausted, count?.(), hits);
}

/** What a search asks for, read and checked once for either archive. */
export interface SearchPlan {
  params: SearchParams;
  node: QueryNode;
  sort: SearchSort;
  limit: number;
  offset: number;
  range: { low: number; high: number };
  /** Matches the walk collects: the page's end by date, the ranking window by relevance. */
  wanted: number;
  /** Terms to highlight. */
  terms: string[];
}

/** Parse the query and check the parameters (QueryError when either is malformed). */
export function planSearch(params: SearchParams): SearchPlan {
  const node: QueryNode = parseQuery(params.q);
  checkFilters(params);
  const sort: SearchSort = params.sort ?? 'relevance';
  const limit = clampLimit(params.limit);
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  // A fixed window keeps relevance pages consistent with each other; date order just reads on.
  const wanted = sort === 'date' ? offset + limit : RANK_WINDOW;
  const range = keyRange(params.from, params.to);
  return { params, node, sort, limit, offset, range, wanted, terms: positiveTerms(node) };
}

/** The matches of the page asked for, in the order asked for. */
export function pageOf(plan: SearchPlan, found: Match[]): Match[] {
  const ranked = plan.sort === 'relevance' ? [...found].sort(byRelevance) : found;
  return ranked.slice(plan.offset, plan.offset + plan.limit);
}

/** The answer: `counted` is the index's own count of every match (when it could be had). */
export function resultOf(
  plan: SearchPlan,
  found: Match[],
  exhausted: boolean,
  counted: number | undefined,
  hits: SearchHit[],
): SearchResult {
  const total = counted === undefined ? found.length : Math.min(counted, COUNT_LIMIT);
  const complete = counted === undefined ? exhausted : counted <= COUNT_LIMIT;
  const { sort, offset, limit } = plan;
  const rankedNewest = sort === 'relevance' && !exhausted ? found.length : undefined;
  return { query: plan.params.q, sort, total, complete, rankedNewest, offset, limit, hits };
}
