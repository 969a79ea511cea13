import type pg from 'pg';
import { compileQuery } from '../../search/fts.js';
import {
  COUNT_LIMIT,
  FACETS,
  MAX_SCANNED,
  pageOf,
  planSearch,
  resultOf,
  toHit,
  type HitRow,
  type Match,
  type SearchParams,
  type SearchResult,
} from '../../search/search.js';
import { articleIdOfKey } from '../../search/key.js';
import { compileTsQuery, textCondition } from './terms.js';

/** Index entries read per round trip: enough for a results page and its checks in one. */
const BATCH = 500;
/**
 * ts_rank weights for D, C, B, A: body tokens are D, headline tokens A, so a headline hit
 * counts 4× a body hit, as bm25's column weights do in SQLite (`FTS_WEIGHTS`).
 */
const RANK_WEIGHTS = '{0.25,0.25,0.25,1}';

interface Walk {
  tsquery: string;
  /** Facet conditions (the `ok` column: a candidate that fails them is read but not kept). */
  facets: string;
  /** The exact check on the text, when the tsquery alone is not exact (else `true`). */
  check: string;
  /** Values of $5 on: the facets', then the check's. */
  values: string[];
  order: 'rum' | 'gin';
}

/** Facet filters as SQL conditions, their values bound from `$first` on. */
function facetConditions(params: SearchParams, first: number): { sql: string; values: string[] } {
  const sql: string[] = [];
  const values: string[] = [];
  for (const kind of FACETS) {
    const value = params[kind]?.trim();
    if (!value) continue;
    values.push(value);
    sql.push(
      `EXISTS (SELECT 1 FROM facets f WHERE f.article_id = a.id AND f.kind = '${kind}' AND f.value = $${first + values.length - 1})`,
    );
  }
  return { sql: sql.length > 0 ? sql.join(' AND ') : 'true', values };
}

/**
 * One batch of matches, newest first, below `high`. RUM reads them in key order from the
 * index (`<=|`: distance to `high` from below) and stops at the LIMIT; GIN matches all, then
 * sorts. Candidates the text check refuses are not matches; those the facets refuse are
 * matches read and left (they count against MAX_SCANNED, as in SQLite).
 */
function batchSql(walk: Walk): string {
  const order = walk.order === 'rum' ? 'a.key <=| $3::bigint' : 'a.key DESC';
  return `SELECT a.key, ${walk.facets} AS ok,
      -ts_rank('${RANK_WEIGHTS}'::float4[], a.terms, $1::tsquery) AS score
    FROM articles a WHERE a.terms @@ $1::tsquery AND a.key BETWEEN $2::bigint AND $3::bigint
      AND ${walk.check}
    ORDER BY ${order} LIMIT $4`;
}

/**
 * Walk the index newest first, keeping matches until `wanted` are found or MAX_SCANNED
 * entries were read: the same walk as SQLite's `collect`, a batch at a time.
 */
async function collect(
  client: pg.ClientBase,
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
    const { rows } = await client.query(sql, [walk.tsquery, range.low, high, size, ...walk.values]);
    for (const row of rows) {
      if (found.length >= wanted || ++scanned > MAX_SCANNED) return { found, exhausted: false };
      if (row.ok) found.push({ key: Number(row.key), score: Number(row.score) });
    }
    if (rows.length < size) return { found, exhausted: true };
    high = Number(rows[rows.length - 1].key) - 1;
  }
}

/** Matches of the query in the range, counted up to COUNT_LIMIT + 1. */
async function countMatches(
  client: pg.ClientBase,
  walk: Walk,
  range: { low: number; high: number },
) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM articles a
       WHERE a.terms @@ $1::tsquery AND a.key BETWEEN $2::bigint AND $3::bigint AND ${walk.check}
       LIMIT $4) t`,
    [walk.tsquery, range.low, range.high, COUNT_LIMIT + 1, ...walk.values],
  );
  return rows[0].n as number;
}

async function hitRows(client: pg.ClientBase, ids: number[]): Promise<Map<number, HitRow>> {
  const { rows } = await client.query(
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
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    // The planner cannot tell how selective a tsquery with a text check is, and took a bitmap
    // scan and a sort over every match (113 ms for a 4-character term at 100k articles against
    // 21 ms in index order, measured with EXPLAIN ANALYZE on the load archive). With RUM, the
    // index scan is always the plan wanted: in date order for the walk, and for the count.
    if (order === 'rum')
      await client.query('SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
    return await searchWith(client, order, params);
  } finally {
    await client.query('COMMIT').catch(() => {});
    client.release();
  }
}

async function searchWith(
  client: pg.ClientBase,
  order: 'rum' | 'gin',
  params: SearchParams,
): Promise<SearchResult> {
  const plan = planSearch(params);
  const { query, exact } = compileTsQuery(plan.node);
  const facets = facetConditions(params, 5);
  const check = exact
    ? { sql: 'true', values: [] }
    : textCondition(plan.node, 5 + facets.values.length);
  const walk: Walk = {
    tsquery: query,
    facets: facets.sql,
    check: check.sql,
    values: [...facets.values, ...check.values],
    order,
  };
  const { found, exhausted } = await collect(client, walk, plan.range, plan.wanted);
  // Counted where SQLite counts (its index alone exact: terms of one run; no facet filter);
  // the text check in the statement makes this count exact as well. Its values are $5 on.
  const counted =
    !exhausted && compileQuery(plan.node).exact && facets.values.length === 0
      ? await countMatches(client, walk, plan.range)
      : undefined;
  const page = pageOf(plan, found);
  const rows = await hitRows(
    client,
    page.map((m) => articleIdOfKey(m.key)),
  );
  const hits = page.map((m) => toHit(rows.get(articleIdOfKey(m.key))!, m.score, plan.terms));
  return resultOf(plan, found, exhausted, counted, hits);
}
