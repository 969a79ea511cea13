import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openArchive, openArchiveReadonly } from '../../src/archive/db.js';
import { ingestInput } from '../../src/archive/ingest.js';
import { ingestEdition } from '../../src/archive/store.js';
import {
  archiveCounts,
  getArticle,
  getEdition,
  getSourceText,
  listSources,
} from '../../src/archive/read.js';
import { SCHEMA_VERSION } from '../../src/archive/schema.js';
import { verifyCoverage } from '../../src/model/rebuild.js';
import { aprilEdition, richEdition, sourceOf } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-archive-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the hand-built fixture is a sound edition (covers its source exactly once)', () => {
  assert.deepEqual(verifyCoverage(richEdition()), []);
  assert.deepEqual(verifyCoverage(aprilEdition()), []);
});

test('a new archive is migrated to the current schema version', () => {
  const db = openArchive(join(dir, 'new.db'));
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  db.close();
  const again = openArchive(join(dir, 'new.db'));
  assert.equal(again.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  again.close();
});

test('an edition is stored whole: source, articles, edits, facets', () => {
  const db = openArchive(join(dir, 'store.db'));
  const edition = richEdition();
  const r = ingestEdition(db, edition);
  assert.equal(r.status, 'added');
  assert.equal(r.articles, 2);
  const counts = archiveCounts(db);
  assert.deepEqual(counts, {
    sources: 1,
    editions: 1,
    articles: 2,
    edits: edition.edits.length,
  });
  const stored = getEdition(db, r.editionId)!;
  assert.deepEqual(stored.edition, edition);
  assert.equal(getSourceText(db, r.sourceId), sourceOf(edition));
  const article = getArticle(db, stored.articleIds[0])!;
  assert.equal(article.article.headline, '梁滩河流域治理取得新进展');
  const facets = db
    .prepare('SELECT kind, value FROM facets WHERE article_id = ? ORDER BY kind, value')
    .all(stored.articleIds[0]);
  assert.ok(facets.some((f: any) => f.kind === 'person' && f.value === '李明'));
  db.close();
});

test('re-ingesting the same source is idempotent', async () => {
  const db = openArchive(join(dir, 'idem.db'));
  const first = ingestEdition(db, richEdition());
  const second = ingestEdition(db, richEdition());
  assert.equal(second.status, 'exists');
  assert.equal(second.editionId, first.editionId);
  ingestEdition(db, aprilEdition());
  const bytes = new TextEncoder().encode('河道整治\n\n近日，河道整治完成。\n');
  const m1 = await ingestInput(db, bytes, { name: 'x.txt' });
  const m2 = await ingestInput(db, bytes, { name: 'x-again.txt' });
  assert.equal(m1.status, 'added');
  assert.equal(m2.status, 'exists');
  assert.deepEqual(archiveCounts(db).editions, 3);
  assert.equal(listSources(db).length, 3);
  db.close();
});

test('the read-only connection refuses writes', () => {
  const path = join(dir, 'ro.db');
  openArchive(path).close();
  const ro = openArchiveReadonly(path);
  assert.throws(() =>
    ro.exec(
      "INSERT INTO sources (sha256, name, bytes, encoding, text, ingested_at) VALUES ('x','x',0,'utf-8','','')",
    ),
  );
  ro.close();
});

test('opening a missing archive read-only is a clear error', () => {
  assert.throws(() => openArchiveReadonly(join(dir, 'missing.db')), /cannot open archive/);
});

test('processes opening the same new archive at once each get it, migrated once', async () => {
  const path = join(dir, 'race.db');
  const open = `import { openArchive } from ${JSON.stringify(new URL('../../src/archive/db.ts', import.meta.url).href)};
openArchive(${JSON.stringify(path)}).close();`;
  const runs = Array.from(
    { length: 6 },
    () =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', open],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let err = '';
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => done({ code, err }));
      }),
  );
  for (const r of await Promise.all(runs)) assert.equal(r.code, 0, r.err);
  const db = openArchive(path);
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  db.close();
});
