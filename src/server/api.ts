import type { Db } from '../archive/db.js';
import {
  archiveCounts,
  articleIdsByAid,
  getArticle,
  getEdition,
  getEditionHead,
  getSourceText,
  listSources,
  type EditionHead,
} from '../archive/read.js';
import { readSourcePage } from '../archive/source-pages.js';
import { sourcePages, type SourceWindow } from '../render/html/window.js';
import { QueryError } from '../search/query.js';
import { search, type SearchParams, type SearchResult } from '../search/search.js';
import { HttpError } from './http.js';

export function apiSources(db: Db, offset: number) {
  return { counts: archiveCounts(db), offset, sources: listSources(db, offset) };
}

export function apiEdition(db: Db, id: number) {
  const stored = getEdition(db, id);
  if (!stored) throw new HttpError(404, `no edition ${id}`);
  return stored;
}

export function apiArticle(db: Db, id: number) {
  const stored = getArticle(db, id);
  if (!stored) throw new HttpError(404, `no article ${id}`);
  const head = getEditionHead(db, stored.editionId)!;
  return { ...stored, sourceId: head.sourceId, siblings: articleIdsByAid(db, stored.editionId) };
}

/** One page of an edition's source view. */
export function sourceWindow(db: Db, id: number, page: number) {
  const head = getEditionHead(db, id);
  if (!head) throw new HttpError(404, `no edition ${id}`);
  const window = readSourcePage(db, id, page) ?? computedPage(db, head, page);
  if (!window) throw new HttpError(404, `edition ${id} has no source page ${page}`);
  return { head, window };
}

/**
 * A source with no stored pages: one that fits on one page (nearly all), or one stored before
 * pages were kept (schema 1, cut now, at the cost of the whole edition).
 */
function computedPage(db: Db, head: EditionHead, page: number): SourceWindow | undefined {
  if (db.prepare('SELECT 1 FROM source_pages WHERE edition_id = ?').get(head.editionId))
    return undefined;
  const text = getSourceText(db, head.sourceId) ?? '';
  return sourcePages(text, getEdition(db, head.editionId)!.edition)[page - 1];
}

/** JSON of one page of the source view: its text, what happened to it, and its edits. */
export function apiSource(db: Db, id: number, page: number) {
  const { head, window } = sourceWindow(db, id, page);
  return {
    editionId: head.editionId,
    sourceId: head.sourceId,
    name: head.name,
    page: window.page,
    pages: window.pages,
    start: window.start,
    end: window.end,
    text: window.text,
    annotation: window.annotation,
    edits: window.edits,
  };
}

/** Search parameters from a query string; values are data only (parsed by our own parser). */
export function searchParams(query: URLSearchParams): SearchParams {
  const text = (name: string) => {
    const v = query.get(name)?.trim();
    return v ? v : undefined;
  };
  const int = (name: string) => {
    const v = text(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,6}$/.test(v)) throw new HttpError(400, `${name} wants a number`);
    return Number(v);
  };
  return {
    q: query.get('q') ?? '',
    from: text('from'),
    to: text('to'),
    agency: text('agency'),
    place: text('place'),
    person: text('person'),
    limit: int('limit'),
    offset: int('offset'),
    sort: text('sort') as SearchParams['sort'],
  };
}

export function apiSearch(db: Db, params: SearchParams): SearchResult {
  try {
    return search(db, params);
  } catch (error) {
    if (error instanceof QueryError) throw new HttpError(400, `malformed query: ${error.message}`);
    throw error;
  }
}
