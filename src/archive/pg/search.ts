import type pg from 'pg';
import { keyRange } from '../../search/key.js';
import { searchFold } from '../../search/normalize.js';
import { matches, parseQuery, positiveTerms, type QueryNode } from '../../search/query.js';
import {
  byRelevance,
  checkFilters,
  clampLimit,
  COUNT_LIMIT,
  FACETS,
  MAX_SCANNED,
  RANK_WINDOW,
  toHit,
  type HitRow,
  type Match,
  type SearchParams,
  type SearchResult,
  type SearchSort,
} from '../../search/search.js';
import { articleIdOfKey } from '../../search/key.js';
import { compileTsQuery } from './terms.js';

/** Index entries read per round trip: enough for a results page and its checks in one. */
const BATCH = 500;
/**
 * ts_rank weights for D, C, B, A: body tokens are D, headline tokens A, so a headline hit
 * counts 4× a body hit, as bm25's column weights do in SQLite (`FTS_WEIGHTS`).
 */
const RANK_WEIGHTS = '{0.25,0.25,0.25,1}';

interface Walk {
  tsquery: string;
  /** The query, when its matches need the text check (an inexact index query). */
  verify?: QueryNode;
  /** Facet conditions and their values ($5 on). */
  facets: { sql: string; values: string[] };
  order: 'rum' | 'gin';
}

function facetConditions(params: SearchParams): Walk['facets'] {
  const sql: string[] = [];
  const values: string[] = [];
  for (const kind of FACETS) {
    const value = params[kind]?.trim();
    if (!value) continue;
    values.push(value);
    sql.push(
      `EXISTS (SELECT 1 FROM facets f WHERE f.article_id = a.id AND f.kind = '${kind}' AND f.value = $${4 + values.length})`,
    );
  }
  return { sql: sql.length > 0 ? sql.join(' AND ') : 'true', values };
}

/**
 * One batch of index entries, newest first, below `high`. RUM reads them in key order from the
 * index (`<=|`: distance to `high` from below) and stops at the LIMIT; GIN matches all, then sorts.
 */
function batchSql(walk: Walk): string {
  const text = walk.verify ? ', a.head_text AS head, a.body_text AS body' : '';
  const order = walk.order === 'rum' ? 'a.key <=| $3::bigint' : 'a.key DESC';
  return `SELECT a.key, ${walk.facets.sql} AS ok,
      -ts_rank('${RANK_WEIGHTS}'::float4[], a.terms, $1::tsquery) AS score${text}
    FROM articles a WHERE a.terms @@ $1::tsquery AND a.key BETWEEN $2::bigint AND $3::bigint
    ORDER BY ${order} LIMIT $4`;
}

/**
 * Walk the index newest first, keeping verified matches until `wanted` are found or
 * MAX_SCANNED entries were read: the same walk as SQLite's `collect`, a batch at a time.
 */
async function collect(
  pool: pg.Pool,
  walk: Walk,
  range: { low: number; high: number },
  wanted: number,
): Promise<{ found: Match[]; exhausted: boolean }> {
  const found: Match[] = [];
  const sql = batchSql(walk);
  let scanned = 0;
  let high = range.high;
  for (;;) {
    const size = Math.min(BATCH, Math.max(wanted - found.length, 0) + 1);
    const { rows } = await pool.query(sql, [
      walk.tsquery,
      range.low,
      high,
      size,
      ...walk.facets.values,
    ]);
    for (const row of rows) {
      if (found.length >= wanted || ++scanned > MAX_SCANNED) return { found, exhausted: false };
      const keep =
        row.ok && (!walk.verify || matches(walk.verify, searchFold(`${row.head}\n${row.body}`)));
      if (keep) found.push({ key: Number(row.key), score: Number(row.score) });
    }
    if (rows.length < size) return { found, exhausted: true };
    high = Number(rows[rows.length - 1].key) - 1;
  }
}

async function countEntries(pool: pg.Pool, tsquery: string, range: { low: number; high: number }) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM articles
       WHERE terms @@ $1::tsquery AND key BETWEEN $2::bigint AND $3::bigint LIMIT ${COUNT_LIMIT + 1}) t`,
    [tsquery, range.low, range.high],
  );
  return rows[0].n as number;
}

async function hitRows(pool: pg.Pool, ids: number[]): Promise<Map<number, HitRow>> {
  const { rows } = await pool.query(
    `SELECT a.id, a.edition_id AS "editionId", a.headline, a.head_text AS head, a.body_text AS body,
       a.date, a.agency, a.place, s.name AS source
     FROM articles a JOIN editions e ON e.id = a.edition_id JOIN sources s ON s.id = e.source_id
     WHERE a.id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), editionId: Number(r.editionId) }]),
  );
}

/**
 * Search a PostgreSQL archive: the SQLite search (`src/search/search.ts`) with a tsquery in
 * place of the FTS5 expression. The same parser, the same exact check of every result, the same
 * bounds (RANK_WINDOW, MAX_SCANNED, COUNT_LIMIT) and the same answers.
 */
export async function pgSearch(
  pool: pg.Pool,
  order: 'rum' | 'gin',
  params: SearchParams,
): Promise<SearchResult> {
  const node = parseQuery(params.q);
  checkFilters(params);
  const { query, exact } = compileTsQuery(node);
  const sort: SearchSort = params.sort ?? 'relevance';
  const limit = clampLimit(params.limit);
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  const range = keyRange(params.from, params.to);
  const facets = facetConditions(params);
  const walk: Walk = { tsquery: query, verify: exact ? undefined : node, facets, order };
  const wanted = sort === 'date' ? offset + limit : RANK_WINDOW;
  const { found, exhausted } = await collect(pool, walk, range, wanted);
  let total = found.length;
  let complete = exhausted;
  if (!exhausted && exact && facets.values.length === 0) {
    const n = await countEntries(pool, query, range);
    total = Math.min(n, COUNT_LIMIT);
    complete = n <= COUNT_LIMIT;
  }
  const ranked = sort === 'relevance' ? [...found].sort(byRelevance) : found;
  const page = ranked.slice(offset, offset + limit);
  const rows = await hitRows(
    pool,
    page.map((m) => articleIdOfKey(m.key)),
  );
  const terms = positiveTerms(node);
  const hits = page.map((m) => toHit(rows.get(articleIdOfKey(m.key))!, m.score, terms));
  const rankedNewest = sort === 'relevance' && !exhausted ? found.length : undefined;
  return { query: params.q, sort, total, complete, rankedNewest, offset, limit, hits };
}
