import type { Article, Edition } from '../model/types.js';
import { pageStarts, sourcePages, type SourceWindow } from '../render/html/window.js';
import type { Db } from './db.js';
import { unpackJson } from './packed.js';

/**
 * The source view of a big stored source, page by page, cut once when the edition is stored: a
 * page of an 8 MB source is then read without parsing the whole edition (50 MB of JSON) or
 * annotating the whole source. A source that fits on one page (a page dump, nearly every
 * source) stores none: its one page is annotated when asked, in milliseconds, and the archive
 * does not carry its annotation twice. Archives stored before pages were kept (schema 1) are
 * paged when asked, too (`sourceWindow` in the server).
 */

/** A page as stored: articles by id (their rows hold them), the rest as shown. */
type StoredPage = Omit<SourceWindow, 'articles' | 'start' | 'end' | 'page' | 'pages'> & {
  articles: string[];
};

/** A row of `source_pages`, as both archives store it. */
export interface SourcePageRow {
  page: number;
  start: number;
  end: number;
  json: string;
}

/** The pages of a source's view to store: none for a source that fits on one page. */
export function sourcePageRows(text: string, edition: Edition): SourcePageRow[] {
  if (pageStarts(text).length === 1) return []; // asked before annotating: most sources stop here
  return sourcePages(text, edition).map((w) => {
    const stored: StoredPage = {
      text: w.text,
      annotation: w.annotation,
      edits: w.edits,
      residue: w.residue,
      articles: w.articles.map((a) => a.id),
    };
    return { page: w.page, start: w.start, end: w.end, json: JSON.stringify(stored) };
  });
}

/** A stored page as the source view shows it, given its edition's articles by id. */
export function windowOf(
  row: SourcePageRow,
  pages: number,
  articles: (aids: string[]) => Article[],
): SourceWindow {
  const stored = JSON.parse(row.json) as StoredPage;
  return {
    ...stored,
    start: row.start,
    end: row.end,
    page: row.page,
    pages,
    articles: articles(stored.articles),
  };
}

export function insertSourcePages(db: Db, editionId: number, text: string, edition: Edition) {
  const stmt = db.prepare(
    'INSERT INTO source_pages (edition_id, page, start_at, end_at, json) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of sourcePageRows(text, edition))
    stmt.run(editionId, r.page, r.start, r.end, r.json);
}

/** Where each page of an edition's source view starts (empty when none were stored). */
export function sourcePageStarts(db: Db, editionId: number): number[] {
  const rows = db
    .prepare('SELECT start_at AS start FROM source_pages WHERE edition_id = ? ORDER BY page')
    .all(editionId) as { start: number }[];
  return rows.map((r) => r.start);
}

/** The 1-based page of a source view holding offset `at`. */
export function pageHolding(starts: readonly number[], at: number): number {
  let page = 1;
  while (page < starts.length && starts[page] <= at) page++;
  return page;
}

/** One stored page with its articles, or undefined when the edition has no such page. */
export function readSourcePage(db: Db, editionId: number, page: number): SourceWindow | undefined {
  const row = db
    .prepare(
      `SELECT page, start_at AS start, end_at AS end, json,
         (SELECT COUNT(*) FROM source_pages WHERE edition_id = ?) AS pages
       FROM source_pages WHERE edition_id = ? AND page = ?`,
    )
    .get(editionId, editionId, page) as (SourcePageRow & { pages: number }) | undefined;
  if (!row) return undefined;
  return windowOf(row, row.pages, (aids) => articlesByAid(db, editionId, aids));
}

function articlesByAid(db: Db, editionId: number, aids: string[]): Article[] {
  const stmt = db.prepare('SELECT json FROM articles WHERE edition_id = ? AND aid = ?');
  return aids.flatMap((aid) => {
    const row = stmt.get(editionId, aid) as { json: Buffer } | undefined;
    return row ? [unpackJson<Article>(row.json)] : [];
  });
}
