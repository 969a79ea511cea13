import type { Article, Edition } from '../model/types.js';
import type { Db } from './db.js';
import { unpackJson } from './packed.js';

export interface SourceRow {
  sourceId: number;
  editionId: number;
  name: string;
  sha256: string;
  bytes: number;
  encoding: string;
  ingestedAt: string;
  editionDate: string | null;
  articles: number;
  residue: number;
  dropped: number;
  edits: number;
}

/** Most sources listed on one page of the index. */
export const SOURCES_PAGE = 200;

export function listSources(db: Db, offset = 0, limit = SOURCES_PAGE): SourceRow[] {
  return db
    .prepare(
      `SELECT s.id AS sourceId, e.id AS editionId, s.name, s.sha256, s.bytes, s.encoding,
              s.ingested_at AS ingestedAt, e.edition_date AS editionDate, e.articles, e.residue,
              e.dropped, e.edits
       FROM sources s JOIN editions e ON e.source_id = s.id ORDER BY s.id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as SourceRow[];
}

export interface ArchiveCounts {
  sources: number;
  editions: number;
  articles: number;
  edits: number;
}

export function archiveCounts(db: Db): ArchiveCounts {
  const one = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    sources: one('sources'),
    editions: one('editions'),
    articles: one('articles'),
    edits: one('edits'),
  };
}

export interface StoredEdition {
  editionId: number;
  sourceId: number;
  /** Article row ids in the order of `edition.articles`. */
  articleIds: number[];
  edition: Edition;
}

export function getEdition(db: Db, editionId: number): StoredEdition | undefined {
  const row = db
    .prepare('SELECT id, source_id AS sourceId, json FROM editions WHERE id = ?')
    .get(editionId) as { id: number; sourceId: number; json: Buffer } | undefined;
  if (!row) return undefined;
  const articles = db
    .prepare('SELECT id, json FROM articles WHERE edition_id = ? ORDER BY ordinal')
    .all(editionId) as { id: number; json: Buffer }[];
  // Stored once, in the article rows (schema v3): the edition row holds the rest.
  const edition = unpackJson<Edition>(row.json);
  edition.articles = articles.map((a) => unpackJson<Article>(a.json));
  return {
    editionId: row.id,
    sourceId: row.sourceId,
    articleIds: articles.map((r) => r.id),
    edition,
  };
}

export interface StoredArticle {
  articleId: number;
  editionId: number;
  sourceName: string;
  article: Article;
}

export function getArticle(db: Db, articleId: number): StoredArticle | undefined {
  const row = db
    .prepare(
      `SELECT a.id, a.edition_id AS editionId, a.json, s.name FROM articles a
       JOIN editions e ON e.id = a.edition_id JOIN sources s ON s.id = e.source_id WHERE a.id = ?`,
    )
    .get(articleId) as { id: number; editionId: number; json: Buffer; name: string } | undefined;
  if (!row) return undefined;
  return {
    articleId: row.id,
    editionId: row.editionId,
    sourceName: row.name,
    article: unpackJson<Article>(row.json),
  };
}

/** An edition's ids and source name, without reading its (possibly large) JSON. */
export interface EditionHead {
  editionId: number;
  sourceId: number;
  name: string;
}

export function getEditionHead(db: Db, editionId: number): EditionHead | undefined {
  return db
    .prepare(
      `SELECT e.id AS editionId, e.source_id AS sourceId, s.name FROM editions e
       JOIN sources s ON s.id = e.source_id WHERE e.id = ?`,
    )
    .get(editionId) as EditionHead | undefined;
}

/** Article row ids of an edition by their id in it (`a1` → 17). */
export function articleIdsByAid(db: Db, editionId: number): Record<string, number> {
  const rows = db
    .prepare('SELECT aid, id FROM articles WHERE edition_id = ? ORDER BY ordinal')
    .all(editionId) as { aid: string; id: number }[];
  return Object.fromEntries(rows.map((r) => [r.aid, r.id]));
}

export function getSourceText(db: Db, sourceId: number): string | undefined {
  const row = db.prepare('SELECT text FROM sources WHERE id = ?').get(sourceId) as
    { text: string } | undefined;
  return row?.text;
}

/** Size of the archive file(s) in bytes, as SQLite counts pages. */
export function archiveBytes(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return pages * size;
}
