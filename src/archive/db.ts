import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

/**
 * How long one attempt waits for another writer's lock (ms). A writer that still finds the
 * archive busy tries again (`store.ts`), saying so, rather than failing.
 */
export const BUSY_TIMEOUT_MS = 5000;

export class ArchiveError extends Error {}

/** What opening a path as an archive failed on, in a user's words. */
function openProblem(path: string, error: unknown): ArchiveError {
  const message = (error as Error).message;
  if (!existsSync(dirname(resolve(path))))
    return new ArchiveError(`cannot open archive ${path}: its folder does not exist`);
  if (!existsSync(path)) return new ArchiveError(`cannot open archive ${path}: no such file`);
  if (/not a database|file is encrypted/iu.test(message))
    return new ArchiveError(`cannot open archive ${path}: the file is not an SQLite database`);
  if (/unable to open database file|disk I\/O error/iu.test(message))
    return new ArchiveError(
      `cannot open archive ${path}: not a file that can be opened (a folder, or no permission?)`,
    );
  return new ArchiveError(`cannot open archive ${path}: ${message}`);
}

/**
 * An SQLite file with tables but no archive schema version is somebody else's database:
 * adding the archive's tables to it would change a file the user did not mean to give.
 */
function refuseForeign(db: Db, path: string): void {
  // One statement, one snapshot: another process may be creating this archive right now, and
  // its tables must not be seen without the version it commits with them.
  const { version, tables } = db
    .prepare(
      `SELECT (SELECT user_version FROM pragma_user_version) AS version,
              (SELECT count(*) FROM sqlite_master WHERE type = 'table') AS tables`,
    )
    .get() as { version: number; tables: number };
  if (version === 0 && tables > 0)
    throw new ArchiveError(
      `${path} is an SQLite database but not a newsmend archive; give a new file or an archive`,
    );
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION)
    throw new ArchiveError(
      `archive schema version ${current} is newer than this newsmend understands (${SCHEMA_VERSION})`,
    );
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Read again under the write lock: another process opening the same new archive (two
      // queue workers starting at once) may have run this migration since.
      if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return;
      db.exec(migration.sql);
      migration.apply?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/** Open (creating and migrating when needed) an archive for reading and writing. */
export function openArchive(path: string): Db {
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    refuseForeign(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof ArchiveError) throw error;
    throw openProblem(path, error);
  }
}

/**
 * Open an existing archive read-only: search and page views use this connection, so no
 * statement they run can change the archive whatever it is.
 */
export function openArchiveReadonly(path: string): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('user_version', { simple: true });
  } catch (error) {
    db?.close();
    throw openProblem(path, error);
  }
  try {
    refuseForeign(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new ArchiveError(
      `archive ${path} has schema version ${version}; expected ${SCHEMA_VERSION} (open it once with ingest to migrate)`,
    );
  }
  return db;
}
