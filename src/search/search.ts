import type { Db } from '../archive/db.js';
import { FTS_WEIGHTS, toFtsExpression } from './fts.js';
import { runs, searchFold } from './normalize.js';
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

export interface SearchParams extends SearchFilters {
  q: string;
  limit?: number;
  offset?: number;
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
  /** Verified matches counted (exact when `complete`). */
  total: number;
  /** False when more candidates existed than we verify per query. */
  complete: boolean;
  offset: number;
  limit: number;
  hits: SearchHit[];
}

export const DEFAULT_LIMIT = 20;
/** Most results on one page. */
export const MAX_LIMIT = 100;
/** Candidates verified per query: bounds the work of very common terms (counts become "≥"). */
export const MAX_CANDIDATES = 2000;

interface Candidate {
  id: number;
  editionId: number;
  headline: string | null;
  head: string;
  body: string;
  date: string | null;
  agency: string | null;
  place: string | null;
  source: string;
  score: number;
}

function checkFilters(f: SearchFilters): void {
  for (const [name, value] of [
    ['from', f.from],
    ['to', f.to],
  ] as const)
    if (value && !isCalendarDate(value))
      throw new QueryError(`${name} wants a calendar date YYYY-MM-DD, got '${value}'`);
}

function buildSql(
  f: SearchFilters,
  select: string,
  tail: string,
): { sql: string; args: (string | number)[] } {
  const where = ['article_fts MATCH ?'];
  const args: (string | number)[] = [];
  if (f.from) (where.push('a.date >= ?'), args.push(f.from));
  if (f.to) (where.push('a.date <= ?'), args.push(f.to));
  for (const kind of ['agency', 'place', 'person'] as const) {
    const value = f[kind]?.trim();
    if (!value) continue;
    where.push(
      'EXISTS (SELECT 1 FROM facets x WHERE x.article_id = a.id AND x.kind = ? AND x.value = ?)',
    );
    args.push(kind, value);
  }
  const sql = `SELECT ${select}
    FROM article_fts JOIN articles a ON a.id = article_fts.rowid
    JOIN editions e ON e.id = a.edition_id JOIN sources s ON s.id = e.source_id
    WHERE ${where.join(' AND ')} ${tail}`;
  return { sql, args };
}

const HIT_COLUMNS = `a.id, a.edition_id AS editionId, a.headline, a.head_text AS head,
  a.body_text AS body, a.date, a.agency, a.place, s.name AS source,
  bm25(article_fts, ${FTS_WEIGHTS.join(', ')}) AS score`;
const RANKED = 'ORDER BY score, a.id';

/**
 * True when the FTS match alone is exact: every term is one run of at most two gram characters
 * (a unigram or one bigram token) or one whole word, combined without NOT. Such queries need no
 * text check, so they are counted and paged in SQL.
 */
function ftsIsExact(node: QueryNode): boolean {
  if (node.type === 'not') return false;
  if (node.type !== 'term') return node.items.every(ftsIsExact);
  const r = runs(node.text);
  if (r.length !== 1 || r[0].chars.join('') !== node.text) return false;
  return r[0].kind === 'word' || r[0].chars.length <= 2;
}

function prepare(db: Db, sql: string) {
  const stmt = db.prepare(sql);
  if (!stmt.readonly) throw new Error('search statement is not read-only');
  return stmt;
}

function toHit(c: Candidate, terms: string[]): SearchHit {
  return {
    articleId: c.id,
    editionId: c.editionId,
    headline: highlight(c.headline ?? c.head.split('\n')[0] ?? '', terms),
    snippet: snippet(c.body, terms),
    date: c.date,
    agency: c.agency,
    place: c.place,
    source: c.source,
    score: c.score,
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/**
 * Search the archive. The query is parsed by us (QueryError when malformed), compiled into an
 * FTS expression from our own tokens, and every candidate is checked against the exact query
 * on its text, so results hold the query's substrings exactly. `db` may be read-only.
 */
export function search(db: Db, params: SearchParams): SearchResult {
  const node: QueryNode = parseQuery(params.q);
  checkFilters(params);
  const expression = toFtsExpression(node);
  const limit = clampLimit(params.limit);
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  const terms = positiveTerms(node);
  const result = { query: params.q, offset, limit };
  if (ftsIsExact(node)) {
    const count = buildSql(params, 'count(*) AS n', '');
    const total = (prepare(db, count.sql).get(expression, ...count.args) as { n: number }).n;
    const page = buildSql(params, HIT_COLUMNS, `${RANKED} LIMIT ${limit} OFFSET ${offset}`);
    const rows = prepare(db, page.sql).all(expression, ...page.args) as Candidate[];
    return { ...result, total, complete: true, hits: rows.map((r) => toHit(r, terms)) };
  }
  const { sql, args } = buildSql(params, HIT_COLUMNS, `${RANKED} LIMIT ${MAX_CANDIDATES}`);
  const hits: SearchHit[] = [];
  let total = 0;
  let seen = 0;
  for (const row of prepare(db, sql).iterate(expression, ...args) as Iterable<Candidate>) {
    seen++;
    if (!matches(node, searchFold(`${row.head}\n${row.body}`))) continue;
    if (total >= offset && hits.length < limit) hits.push(toHit(row, terms));
    total++;
  }
  return { ...result, total, complete: seen < MAX_CANDIDATES, hits };
}
