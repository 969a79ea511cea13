import type { Db } from '../archive/db.js';
import {
  archiveCounts,
  getArticle,
  getEdition,
  getSourceText,
  listSources,
} from '../archive/read.js';
import { annotateSource } from '../render/html/annotate.js';
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
  const edition = getEdition(db, stored.editionId)!;
  const byAid = new Map(edition.edition.articles.map((a, i) => [a.id, edition.articleIds[i]]));
  return { ...stored, sourceId: edition.sourceId, siblings: Object.fromEntries(byAid) };
}

export function apiSource(db: Db, id: number) {
  const stored = apiEdition(db, id);
  const text = getSourceText(db, stored.sourceId) ?? '';
  return {
    editionId: stored.editionId,
    sourceId: stored.sourceId,
    name: stored.edition.source.name,
    text,
    annotation: annotateSource(text, stored.edition),
    edits: stored.edition.edits,
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
