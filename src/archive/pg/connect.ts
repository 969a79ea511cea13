import pg from 'pg';
import { ArchiveError } from '../db.js';
import { redacted } from '../backend.js';
import { GIN_INDEX, PG_MIGRATIONS, PG_SCHEMA_VERSION, PG_TABLES, RUM_INDEX } from './schema.js';

/**
 * Connections kept per process: ingest and the queue worker write one source at a time, search
 * reads with one; a few spare let a retry start while a dropped connection is still closing.
 */
const POOL_SIZE = 4;
/** How long a connection attempt may take before the server is reported unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/** What connecting or opening failed on, in a user's words. */
export function pgProblem(url: string, error: unknown): ArchiveError {
  const e = error as { code?: string; message?: string };
  const where = redacted(url);
  switch (e.code) {
    case 'ECONNREFUSED':
      return new ArchiveError(
        `cannot reach PostgreSQL at ${where}: connection refused (is it running?)`,
      );
    case 'ENOTFOUND':
      return new ArchiveError(`cannot reach PostgreSQL at ${where}: no such host`);
    case '3D000':
      return new ArchiveError(`PostgreSQL at ${where}: ${e.message} (create it first: createdb)`);
    case '28P01':
    case '28000':
      return new ArchiveError(`PostgreSQL at ${where} refused the login: ${e.message}`);
    default:
      return new ArchiveError(`PostgreSQL at ${where}: ${e.message ?? String(error)}`);
  }
}

export function newPool(url: string, readonly: boolean): pg.Pool {
  if (!URL.canParse(url)) throw new ArchiveError(`not a PostgreSQL URL: ${redacted(url)}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Read-only sessions for search, as SQLite's read-only connection.
    ...(readonly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle connection the server closes (a restart, pg_terminate_backend) is dropped from the
  // pool and opened again when needed; without a listener it would crash the process.
  pool.on('error', () => {});
  return pool;
}

/** The schema version recorded in the database; 0 when it holds no archive yet. */
async function recordedVersion(client: pg.PoolClient): Promise<number> {
  const meta = await client.query(`SELECT to_regclass('newsmend_meta') AS t`);
  if (meta.rows[0].t === null) return 0;
  const row = await client.query(`SELECT value FROM newsmend_meta WHERE key = 'schema_version'`);
  return Number(row.rows[0]?.value ?? 0);
}

/** A database with some of the archive's tables but no record of ours is somebody else's. */
async function refuseForeign(client: pg.PoolClient, url: string): Promise<void> {
  const found = await client.query(
    `SELECT count(*)::int AS n FROM unnest($1::text[]) t WHERE to_regclass(t) IS NOT NULL`,
    [PG_TABLES],
  );
  if (found.rows[0].n > 0)
    throw new ArchiveError(
      `${redacted(url)} has tables named like the archive's but is not a newsmend archive; give another database`,
    );
}

/** The search index of a new archive: RUM when the server has it and we may create it. */
async function createSearchIndex(client: pg.PoolClient): Promise<void> {
  await client.query('SAVEPOINT search_index');
  try {
    await client.query(RUM_INDEX);
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT search_index');
    await client.query(GIN_INDEX);
  }
}

/**
 * Create or migrate the archive, under a transaction-scoped advisory lock: workers on many
 * machines opening one new archive at once migrate it once, the others wait and see it done.
 */
export async function migrate(pool: pg.Pool, url: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('newsmend archive migration'))`);
    const current = await recordedVersion(client);
    if (current > PG_SCHEMA_VERSION)
      throw new ArchiveError(
        `archive schema version ${current} is newer than this newsmend understands (${PG_SCHEMA_VERSION})`,
      );
    if (current === 0) {
      await refuseForeign(client, url);
      await client.query('CREATE TABLE newsmend_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    }
    for (const migration of PG_MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      if (migration.version === 1) await createSearchIndex(client);
      await client.query(
        `INSERT INTO newsmend_meta (key, value) VALUES ('schema_version', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [String(migration.version)],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** For reading: the archive must exist at the schema this newsmend knows. */
export async function checkVersion(pool: pg.Pool, url: string): Promise<void> {
  const client = await pool.connect();
  try {
    const version = await recordedVersion(client);
    if (version === 0)
      throw new ArchiveError(`${redacted(url)} holds no newsmend archive (ingest creates one)`);
    if (version !== PG_SCHEMA_VERSION)
      throw new ArchiveError(
        `archive ${redacted(url)} has schema version ${version}; expected ${PG_SCHEMA_VERSION} (open it once with ingest to migrate)`,
      );
  } finally {
    client.release();
  }
}

/** Whether the search index is RUM (walks in date order) or GIN (sorts after matching). */
export async function indexKind(pool: pg.Pool): Promise<'rum' | 'gin'> {
  const r = await pool.query(
    `SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam
     WHERE c.oid = to_regclass('articles_terms')`,
  );
  return r.rows[0]?.amname === 'rum' ? 'rum' : 'gin';
}
