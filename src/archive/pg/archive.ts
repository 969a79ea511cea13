import type pg from 'pg';
import type { SourceWindow } from '../../render/html/window.js';
import type { SearchParams, SearchResult } from '../../search/search.js';
import type { Archive } from '../backend.js';
import { ArchiveError } from '../db.js';
import type {
  ArchiveCounts,
  EditionHead,
  SourceRow,
  StoredArticle,
  StoredEdition,
} from '../read.js';
import type { StoreInput, StoreResult } from '../store.js';
import { redacted } from '../backend.js';
import { checkVersion, indexKind, migrate, newPool, pgProblem } from './connect.js';
import {
  pgArticleIdsByAid,
  pgCounts,
  pgGetArticle,
  pgGetEdition,
  pgGetEditionHead,
  pgGetSourceText,
  pgListSources,
  pgReadSourcePage,
  pgSourcePageStarts,
} from './read.js';
import { pgSearch } from './search.js';
import { pgStoredSource, pgStoreEdition } from './store.js';

/**
 * Attempts at storing one source when the connection is lost mid-transaction (a server restart,
 * a dropped network, pg_terminate_backend): the transaction rolled back, so storing again on a
 * new connection stores it once. A commit whose answer was lost is found by its sha256 then.
 */
const STORE_ATTEMPTS = 3;

/** Errors that mean the connection, not the statement, failed. */
function connectionLost(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e.code && /^(?:08|57P0)/u.test(e.code)) return true;
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || e.code === 'ECONNREFUSED') return true;
  return /Connection terminated|connection.*(?:closed|ended)/iu.test(e.message ?? '');
}

export class PgArchive implements Archive {
  readonly location: string;

  constructor(
    private readonly pool: pg.Pool,
    url: string,
    private readonly order: 'rum' | 'gin',
  ) {
    this.location = redacted(url);
  }

  storedSource(sha256: string): Promise<StoreResult | undefined> {
    return pgStoredSource(this.pool, sha256);
  }

  async store(input: StoreInput): Promise<StoreResult> {
    const now = new Date().toISOString();
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let lost: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await pgStoreEdition(client, input, now);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (connectionLost(error)) lost = error as Error;
        else await client.query('ROLLBACK').catch(() => {});
        if (!lost || attempt >= STORE_ATTEMPTS)
          throw new ArchiveError(
            `storing ${input.edition.source.name}: ${(error as Error).message}`,
          );
      } finally {
        // A lost connection is destroyed, not handed out again.
        client.release(lost);
      }
    }
  }

  getEdition(editionId: number): Promise<StoredEdition | undefined> {
    return pgGetEdition(this.pool, editionId);
  }

  async editionIds(): Promise<number[]> {
    const { rows } = await this.pool.query('SELECT id FROM editions ORDER BY id');
    return rows.map((r) => Number(r.id));
  }

  search(params: SearchParams): Promise<SearchResult> {
    return pgSearch(this.pool, this.order, params);
  }

  counts(): Promise<ArchiveCounts> {
    return pgCounts(this.pool);
  }

  listSources(offset: number, limit?: number): Promise<SourceRow[]> {
    return pgListSources(this.pool, offset, limit);
  }

  getArticle(articleId: number): Promise<StoredArticle | undefined> {
    return pgGetArticle(this.pool, articleId);
  }

  getEditionHead(editionId: number): Promise<EditionHead | undefined> {
    return pgGetEditionHead(this.pool, editionId);
  }

  articleIdsByAid(editionId: number): Promise<Record<string, number>> {
    return pgArticleIdsByAid(this.pool, editionId);
  }

  getSourceText(sourceId: number): Promise<string | undefined> {
    return pgGetSourceText(this.pool, sourceId);
  }

  sourcePageStarts(editionId: number): Promise<number[]> {
    return pgSourcePageStarts(this.pool, editionId);
  }

  readSourcePage(editionId: number, page: number): Promise<SourceWindow | undefined> {
    return pgReadSourcePage(this.pool, editionId, page);
  }

  /**
   * After a big batch: the planner's statistics, and the visibility map and hint bits a bulk
   * load leaves unset (every later read would set them). The index itself needs no merging.
   */
  async optimize(): Promise<void> {
    await this.pool.query(
      'VACUUM (ANALYZE) sources, editions, articles, edits, facets, source_pages',
    );
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Open a PostgreSQL archive. `write` creates its tables in an empty database (or migrates them);
 * `read` connects read-only (no statement search runs can change the archive) and wants an
 * archive at this newsmend's schema.
 */
export async function openPgArchive(url: string, mode: 'write' | 'read'): Promise<PgArchive> {
  const pool = newPool(url, mode === 'read');
  try {
    if (mode === 'write') await migrate(pool, url);
    else await checkVersion(pool, url);
    return new PgArchive(pool, url, await indexKind(pool));
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof ArchiveError) throw error;
    throw pgProblem(url, error);
  }
}
