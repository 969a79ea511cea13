import type pg from 'pg';
import type { Article, Edition } from '../../model/types.js';
import type { SearchParams, SearchResult } from '../../search/search.js';
import type { Archive } from '../backend.js';
import { ArchiveError } from '../db.js';
import { unpackJson } from '../packed.js';
import type { ArchiveCounts, StoredEdition } from '../read.js';
import type { StoreInput, StoreResult } from '../store.js';
import { checkVersion, indexKind, migrate, newPool, pgProblem, redacted } from './connect.js';
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

  async getEdition(editionId: number): Promise<StoredEdition | undefined> {
    const edition = await this.pool.query(
      'SELECT id, source_id AS "sourceId", json FROM editions WHERE id = $1',
      [editionId],
    );
    const row = edition.rows[0];
    if (!row) return undefined;
    const articles = await this.pool.query(
      'SELECT id, json FROM articles WHERE edition_id = $1 ORDER BY ordinal',
      [editionId],
    );
    const stored = unpackJson<Edition>(row.json);
    stored.articles = articles.rows.map((a) => unpackJson<Article>(a.json));
    return {
      editionId: Number(row.id),
      sourceId: Number(row.sourceId),
      articleIds: articles.rows.map((a) => Number(a.id)),
      edition: stored,
    };
  }

  search(params: SearchParams): Promise<SearchResult> {
    return pgSearch(this.pool, this.order, params);
  }

  async counts(): Promise<ArchiveCounts> {
    const { rows } = await this.pool.query(
      `SELECT (SELECT count(*) FROM sources)::int AS sources,
              (SELECT count(*) FROM editions)::int AS editions,
              (SELECT count(*) FROM articles)::int AS articles,
              (SELECT count(*) FROM edits)::int AS edits`,
    );
    return rows[0] as ArchiveCounts;
  }

  /** Fresh planner statistics after a big batch; the index itself needs no merging. */
  async optimize(): Promise<void> {
    await this.pool.query('ANALYZE sources, editions, articles, edits, facets');
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
