/** Source view pages kept in the archive for big sources, and archives from before they were. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sqliteArchive } from '../../src/archive/backend.js';
import { openArchive } from '../../src/archive/db.js';
import { ingestInput } from '../../src/archive/ingest.js';
import { readSourcePage, sourcePageStarts } from '../../src/archive/source-pages.js';
import { SCHEMA_VERSION } from '../../src/archive/schema.js';
import { pageStarts } from '../../src/render/html/window.js';
import { sourceWindow } from '../../src/server/api.js';
import { bigDump, makeDump } from '../fixtures/bad/make.js';
import { downgradeToV2 } from './downgrade.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-pages-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const BIG = bigDump(200_000);
const BIG_TEXT = new TextDecoder().decode(BIG);

async function stored(
  db: ReturnType<typeof openArchive>,
  bytes: Uint8Array,
  name: string,
): Promise<number> {
  const r = await ingestInput(db, bytes, { name });
  assert.notEqual(r.status, 'failed');
  return (r as { editionId: number }).editionId;
}

test('a big source is stored page by page; a one-page source stores no pages', async () => {
  const db = openArchive(join(dir, 'a.db'));
  const big = await stored(db, BIG, 'big.txt');
  const small = await stored(db, new TextEncoder().encode(makeDump(3)), 'small.txt');
  assert.deepEqual(sourcePageStarts(db, big), pageStarts(BIG_TEXT));
  assert.ok(sourcePageStarts(db, big).length > 2);
  assert.deepEqual(sourcePageStarts(db, small), []);
  const page2 = readSourcePage(db, big, 2)!;
  assert.equal(page2.text, BIG_TEXT.slice(page2.start, page2.end));
  assert.equal((await sourceWindow(sqliteArchive(db), small, 1)).window.pages, 1);
  db.close();
});

test('an archive from before pages were kept is migrated, and its big sources are paged when asked', async () => {
  const path = join(dir, 'old.db');
  let db = openArchive(path);
  const big = await stored(db, BIG, 'big.txt');
  const now = readSourcePage(db, big, 3)!;
  // Back to schema 1: no page table, as an archive written by the version before.
  downgradeToV2(db);
  db.exec('DROP TABLE source_pages');
  db.pragma('user_version = 1');
  db.close();
  db = openArchive(path);
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  const then = (await sourceWindow(sqliteArchive(db), big, 3)).window;
  // Compared as JSON: what was stored lost its undefined fields on the way.
  const json = (w: typeof now) =>
    JSON.parse(JSON.stringify({ ...w, articles: w.articles.map((a) => a.id) })) as unknown;
  assert.deepEqual(json(then), json(now));
  db.close();
});
