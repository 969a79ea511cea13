/** Archives written by schema version 2 open under the current one with nothing lost. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openArchive } from '../../src/archive/db.js';
import { getEdition } from '../../src/archive/read.js';
import { SCHEMA_VERSION } from '../../src/archive/schema.js';
import { ingestEdition } from '../../src/archive/store.js';
import { search } from '../../src/search/search.js';
import { aprilEdition, richEdition } from './fixtures.js';
import { downgradeToV2 } from './downgrade.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-migrate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ids = (db: ReturnType<typeof openArchive>, q: string, extra = {}) =>
  search(db, { q, ...extra }).hits.map((h) => h.articleId);

test('a schema-2 archive is migrated: editions whole, body items gone, search keyed by date', () => {
  const path = join(dir, 'v2.db');
  let db = openArchive(path);
  const rich = ingestEdition(db, richEdition());
  ingestEdition(db, aprilEdition());
  const before = {
    edition: getEdition(db, rich.editionId)!.edition,
    all: ids(db, '河'),
    april: ids(db, '河', { to: '2025-04-30' }),
    may: ids(db, '河', { from: '2025-05-01', sort: 'date' }),
  };
  downgradeToV2(db);
  const old = db.prepare('SELECT json FROM editions WHERE id = ?').get(rich.editionId) as {
    json: string;
  };
  assert.equal((JSON.parse(old.json) as { articles: unknown[] }).articles.length, 2);
  db.close();

  db = openArchive(path);
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'body_items'").all();
  assert.deepEqual(tables, []);
  assert.deepEqual(getEdition(db, rich.editionId)!.edition, before.edition);
  assert.deepEqual(ids(db, '河'), before.all);
  assert.deepEqual(ids(db, '河', { to: '2025-04-30' }), before.april);
  assert.deepEqual(ids(db, '河', { from: '2025-05-01', sort: 'date' }), before.may);
  assert.equal(before.all.length, 2);
  assert.equal(before.april.length, 1);
  db.close();
});
