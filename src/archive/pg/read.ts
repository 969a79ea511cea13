import type pg from 'pg';
import type { Article, Edition } from '../../model/types.js';
import type { SourceWindow } from '../../render/html/window.js';
import { unpackJson } from '../packed.js';
import type {
  ArchiveCounts,
  EditionHead,
  SourceRow,
  StoredArticle,
  StoredEdition,
} from '../read.js';
import { SOURCES_PAGE } from '../read.js';
import { windowOf } from '../source-pages.js';

/** What the SQLite archive's `read.ts` reads, from a PostgreSQL archive (same answers). */

export async function pgGetEdition(
  pool: pg.Pool,
  editionId: number,
): Promise<StoredEdition | undefined> {
  const edition = await pool.query(
    'SELECT id, source_id AS "sourceId", json FROM editions WHERE id = $1',
    [editionId],
  );
  const row = edition.rows[0];
  if (!row) return undefined;
  const articles = await pool.query(
    'SELECT id, json FROM articles WHERE edition_id = $1 ORDER BY ordinal',
    [editionId],
  );
  // As in SQLite: the edition row holds everything but its articles.
  const stored = unpackJson<Edition>(row.json);
  stored.articles = articles.rows.map((a) => unpackJson<Article>(a.json));
  return {
    editionId: Number(row.id),
    sourceId: Number(row.sourceId),
    articleIds: articles.rows.map((a) => Number(a.id)),
    edition: stored,
  };
}

export async function pgCounts(pool: pg.Pool): Promise<ArchiveCounts> {
  const { rows } = await pool.query(
    `SELECT (SELECT count(*) FROM sources)::int AS sources,
            (SELECT count(*) FROM editions)::int AS editions,
            (SELECT count(*) FROM articles)::int AS articles,
            (SELECT count(*) FROM edits)::int AS edits`,
  );
  return rows[0] as ArchiveCounts;
}

export async function pgListSources(
  pool: pg.Pool,
  offset = 0,
  limit = SOURCES_PAGE,
): Promise<SourceRow[]> {
  const { rows } = await pool.query(
    `SELECT s.id AS "sourceId", e.id AS "editionId", s.name, s.sha256, s.bytes::float8 AS bytes,
            s.encoding, s.ingested_at AS "ingestedAt", e.edition_date AS "editionDate",
            e.articles, e.residue, e.dropped, e.edits
     FROM sources s JOIN editions e ON e.source_id = s.id ORDER BY s.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return rows.map((r) => ({ ...r, sourceId: Number(r.sourceId), editionId: Number(r.editionId) }));
}

export async function pgGetArticle(
  pool: pg.Pool,
  articleId: number,
): Promise<StoredArticle | undefined> {
  const { rows } = await pool.query(
    `SELECT a.id, a.edition_id AS "editionId", a.json, s.name FROM articles a
     JOIN editions e ON e.id = a.edition_id JOIN sources s ON s.id = e.source_id WHERE a.id = $1`,
    [articleId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    articleId: Number(row.id),
    editionId: Number(row.editionId),
    sourceName: row.name,
    article: unpackJson<Article>(row.json),
  };
}

export async function pgGetEditionHead(
  pool: pg.Pool,
  editionId: number,
): Promise<EditionHead | undefined> {
  const { rows } = await pool.query(
    `SELECT e.id AS "editionId", e.source_id AS "sourceId", s.name FROM editions e
     JOIN sources s ON s.id = e.source_id WHERE e.id = $1`,
    [editionId],
  );
  const row = rows[0];
  return (
    row && { editionId: Number(row.editionId), sourceId: Number(row.sourceId), name: row.name }
  );
}

export async function pgArticleIdsByAid(
  pool: pg.Pool,
  editionId: number,
): Promise<Record<string, number>> {
  const { rows } = await pool.query(
    'SELECT aid, id FROM articles WHERE edition_id = $1 ORDER BY ordinal',
    [editionId],
  );
  return Object.fromEntries(rows.map((r) => [r.aid, Number(r.id)]));
}

export async function pgGetSourceText(
  pool: pg.Pool,
  sourceId: number,
): Promise<string | undefined> {
  const { rows } = await pool.query('SELECT text FROM sources WHERE id = $1', [sourceId]);
  return rows[0]?.text;
}

export async function pgSourcePageStarts(pool: pg.Pool, editionId: number): Promise<number[]> {
  const { rows } = await pool.query(
    'SELECT start_at AS start FROM source_pages WHERE edition_id = $1 ORDER BY page',
    [editionId],
  );
  return rows.map((r) => r.start);
}

export async function pgReadSourcePage(
  pool: pg.Pool,
  editionId: number,
  page: number,
): Promise<SourceWindow | undefined> {
  const { rows } = await pool.query(
    `SELECT page, start_at AS start, end_at AS end, json,
       (SELECT count(*)::int FROM source_pages WHERE edition_id = $1) AS pages
     FROM source_pages WHERE edition_id = $1 AND page = $2`,
    [editionId, page],
  );
  const row = rows[0];
  if (!row) return undefined;
  const stored = JSON.parse(row.json) as { articles: string[] };
  const articles = await pool.query(
    'SELECT aid, json FROM articles WHERE edition_id = $1 AND aid = ANY($2::text[])',
    [editionId, stored.articles],
  );
  const byAid = new Map(articles.rows.map((a) => [a.aid, unpackJson<Article>(a.json)]));
  return windowOf(row, row.pages, (aids) => aids.flatMap((aid) => byAid.get(aid) ?? []));
}
