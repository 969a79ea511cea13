import type { Archive } from '../archive/backend.js';
import type { EditionHead } from '../archive/read.js';
import { sourcePages, type SourceWindow } from '../render/html/window.js';
import { QueryError } from '../search/query.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import { HttpError } from './http.js';

export async function apiSources(archive: Archive, offset: number) {
  return { counts: await archive.counts(), offset, sources: await archive.listSources(offset) };
}

export async function apiEdition(archive: Archive, id: number) {
  const stored = await archive.getEdition(id);
  if (!stored) throw new HttpError(404, `no edition ${id}`);
  return stored;
}

export async function apiArticle(archive: Archive, id: number) {
  const stored = await archive.getArticle(id);
  if (!stored) throw new HttpError(404, `no article ${id}`);
  const head = (await archive.getEditionHead(stored.editionId))!;
  const siblings = await archive.articleIdsByAid(stored.editionId);
  return { ...stored, sourceId: head.sourceId, siblings };
}

/** One page of an edition's source view. */
export async function sourceWindow(archive: Archive, id: number, page: number) {
  const head = await archive.getEditionHead(id);
  if (!head) throw new HttpError(404, `no edition ${id}`);
  const window =
    (await archive.readSourcePage(id, page)) ?? (await computedPage(archive, head, page));
  if (!window) throw new HttpError(404, `edition ${id} has no source page ${page}`);
  return { head, window };
}

/**
 * A source with no stored pages: one that fits on one page (nearly all), or one stored before
 * pages were kept (schema 1, cut now, at the cost of the whole edition).
 */
async function computedPage(
  archive: Archive,
  head: EditionHead,
  page: number,
): Promise<SourceWindow | undefined> {
  if ((await archive.sourcePageStarts(head.editionId)).length > 0) return undefined;
  const text = (await archive.getSourceText(head.sourceId)) ?? '';
  return sourcePages(text, (await archive.getEdition(head.editionId))!.edition)[page - 1];
}

/** JSON of one page of the source view: its text, what happened to it, and its edits. */
export async function apiSource(archive: Archive, id: number, page: number) {
  const { head, window } = await sourceWindow(archive, id, page);
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

export async function apiSearch(archive: Archive, params: SearchParams): Promise<SearchResult> {
  try {
    return await archive.search(params);
  } catch (error) {
    if (error instanceof QueryError) throw new HttpError(400, `malformed query: ${error.message}`);
    throw error;
  }
}
