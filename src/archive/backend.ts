import type { SearchParams, SearchResult } from '../search/search.js';
import { search } from '../search/search.js';
import { ArchiveError, openArchive, openArchiveReadonly, type Db } from './db.js';
import { optimizeIndex } from './index-article.js';
import {
  archiveCounts,
  articleIdsByAid,
  getArticle,
  getEdition,
  getEditionHead,
  getSourceText,
  listSources,
  type ArchiveCounts,
  type EditionHead,
  type SourceRow,
  type StoredArticle,
  type StoredEdition,
} from './read.js';
import { readSourcePage, sourcePageStarts } from './source-pages.js';
import type { SourceWindow } from '../render/html/window.js';
import {
  storedSource,
  storeEdition,
  whenFree,
  type StoreInput,
  type StoreResult,
} from './store.js';

/**
 * An archive as ingest, search and the queue worker use it, whatever holds it: an SQLite file
 * (the zero-setup default) or a PostgreSQL database (`postgres://…`, shared by many machines).
 * Both keep the same concepts (sources, editions, articles, edits, facets, a date-keyed search
 * index) and give the same answers: `test/archive/conformance.test.ts` runs one suite on both.
 */
export interface Archive {
  /** What was opened, for messages: a file path or a URL without its password. */
  readonly location: string;
  storedSource(sha256: string): Promise<StoreResult | undefined>;
  /** Store one mended source in one transaction; a source already stored is left as it is. */
  store(input: StoreInput, onBusy?: (waited: number) => void): Promise<StoreResult>;
  getEdition(editionId: number): Promise<StoredEdition | undefined>;
  /** Every edition's id, in the order they were stored. */
  editionIds(): Promise<number[]>;
  search(params: SearchParams): Promise<SearchResult>;
  counts(): Promise<ArchiveCounts>;
  // What the web reader reads (`src/server/`).
  listSources(offset: number, limit?: number): Promise<SourceRow[]>;
  getArticle(articleId: number): Promise<StoredArticle | undefined>;
  /** An edition's ids and source name, without reading its (possibly large) JSON. */
  getEditionHead(editionId: number): Promise<EditionHead | undefined>;
  /** Article row ids of an edition by their id in it (`a1` → 17). */
  articleIdsByAid(editionId: number): Promise<Record<string, number>>;
  getSourceText(sourceId: number): Promise<string | undefined>;
  /** Where each stored page of a big source's view starts (empty: the source has one page). */
  sourcePageStarts(editionId: number): Promise<number[]>;
  readSourcePage(editionId: number, page: number): Promise<SourceWindow | undefined>;
  /** Tidy up after big batches (SQLite merges its index; PostgreSQL vacuums and analyzes). */
  optimize(onBusy?: (waited: number) => void): Promise<void>;
  close(): Promise<void>;
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** What `--db` names, fit to print: a PostgreSQL URL without its password. */
export function shownTarget(target: string): string {
  return isPostgresUrl(target) ? redacted(target) : target;
}

/** A PostgreSQL connection URL rather than a file path. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//iu.test(target);
}

/** An open SQLite archive behind the common interface (its work is synchronous). */
export function sqliteArchive(db: Db, location = db.name): Archive {
  return {
    location,
    storedSource: async (sha256) => storedSource(db, sha256),
    store: async (input, onBusy) => storeEdition(db, input, undefined, onBusy),
    getEdition: async (id) => getEdition(db, id),
    editionIds: async () =>
      db.prepare('SELECT id FROM editions ORDER BY id').pluck().all() as number[],
    search: async (params) => search(db, params),
    counts: async () => archiveCounts(db),
    listSources: async (offset, limit) => listSources(db, offset, limit),
    getArticle: async (id) => getArticle(db, id),
    getEditionHead: async (id) => getEditionHead(db, id),
    articleIdsByAid: async (id) => articleIdsByAid(db, id),
    getSourceText: async (id) => getSourceText(db, id),
    sourcePageStarts: async (id) => sourcePageStarts(db, id),
    readSourcePage: async (id, page) => readSourcePage(db, id, page),
    optimize: async (onBusy = () => {}) => whenFree(() => optimizeIndex(db), onBusy),
    close: async () => void db.close(),
  };
}

/**
 * Open the archive at `target`: a PostgreSQL URL or an SQLite file. `write` creates and
 * migrates it when needed; `read` wants an archive that exists at the current schema.
 */
export async function openArchiveAt(target: string, mode: 'write' | 'read'): Promise<Archive> {
  if (isPostgresUrl(target)) {
    // Loaded only when asked for: an SQLite user never loads the PostgreSQL driver.
    const { openPgArchive } = await import('./pg/archive.js');
    return openPgArchive(target, mode);
  }
  const db = mode === 'write' ? openArchive(target) : openArchiveReadonly(target);
  return sqliteArchive(db, target);
}

export { ArchiveError };
