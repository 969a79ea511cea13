import type { SearchParams, SearchResult } from '../search/search.js';
import { search } from '../search/search.js';
import { ArchiveError, openArchive, openArchiveReadonly, type Db } from './db.js';
import { optimizeIndex } from './index-article.js';
import { archiveCounts, getEdition, type ArchiveCounts, type StoredEdition } from './read.js';
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
  search(params: SearchParams): Promise<SearchResult>;
  counts(): Promise<ArchiveCounts>;
  /** Tidy the search index after big batches (SQLite merges it; PostgreSQL analyzes). */
  optimize(onBusy?: (waited: number) => void): Promise<void>;
  close(): Promise<void>;
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
    search: async (params) => search(db, params),
    counts: async () => archiveCounts(db),
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
