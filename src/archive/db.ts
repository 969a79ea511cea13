import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

/** How long a writer waits for another writer's lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5000;

export class ArchiveError extends Error {}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION)
    throw new ArchiveError(
      `archive schema version ${current} is newer than this newsmend understands (${SCHEMA_VERSION})`,
    );
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/** Open (creating and migrating when needed) an archive for reading and writing. */
export function openArchive(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  migrate(db);
  return db;
}

/**
 * Open an existing archive read-only: search and page views use this connection, so no
 * statement they run can change the archive whatever it is.
 */
export function openArchiveReadonly(path: string): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ArchiveError(`cannot open archive ${path}: ${(error as Error).message}`);
  }
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new ArchiveError(
      `archive ${path} has schema version ${version}; expected ${SCHEMA_VERSION} (open it once with ingest to migrate)`,
    );
  }
  return db;
}
