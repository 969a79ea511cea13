/**
 * What only the PostgreSQL archive has to show: a connection lost mid-store rolls back and the
 * retry stores the source once; writers on many connections store one source once; many
 * processes opening one new archive migrate it once; bad targets are said plainly. The server
 * is a real one, from the repo's own script.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { ArchiveError, openArchiveAt, type Archive } from '../../src/archive/backend.js';
import { rebuild } from '../../src/model/rebuild.js';
import { mend } from '../../src/index.js';
import { startServer } from '../../src/server/app.js';
import { startPostgres, type TestService } from '../queue/services.js';

let server: TestService | undefined;
let skip: string | false = false;
let databases = 0;

before(() => {
  const started = startPostgres();
  if (typeof started === 'string') {
    if (process.env.NEWSMEND_REQUIRE_SERVICES) throw new Error(started);
    skip = started;
    return;
  }
  server = started;
});
after(() => server?.stop());

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server!.url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** A new empty database on the test server; its URL. */
async function freshDatabase(): Promise<string> {
  const name = `pgtest_${process.pid}_${++databases}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server!.url);
  url.pathname = `/${name}`;
  return url.toString();
}

function page(text: string, name: string) {
  const edition = mend(new TextEncoder().encode(text), { name, editionDate: '2025-06-01' });
  return { edition, text: rebuild(edition) };
}

const PAGE = `河畔新绿

本报讯 春雨过后，城南河畔的柳树抽出新芽，沿岸步道上散步的居民多了起来。

社区组织志愿者清理河道垃圾，二十多名居民参加。
`;

test('a connection dropped while a source is stored rolls back; the retry stores it once', async (t) => {
  if (skip) return t.skip(skip);
  const url = await freshDatabase();
  const archive = await openArchiveAt(url, 'write');
  const input = page(PAGE, 'dropped.txt');
  // Hold the ledger table: the store stops inside its transaction, after its source row (the
  // edition row waits, its table being referenced by the ledger's).
  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE edits IN ACCESS EXCLUSIVE MODE');
  const storing = archive.store(input);
  let pid: number | undefined;
  while (pid === undefined) {
    const r = await locker.query(
      `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'
         AND datname = current_database() AND pid <> pg_backend_pid()`,
    );
    pid = r.rows[0]?.pid;
    if (pid === undefined) await sleep(20);
  }
  // The server ends the storing connection, as a crash or a network cut would.
  await locker.query('SELECT pg_terminate_backend($1)', [pid]);
  await locker.query('ROLLBACK');
  await locker.end();
  const result = await storing;
  assert.equal(result.status, 'added');
  const counts = await archive.counts();
  assert.deepEqual(counts, {
    sources: 1,
    editions: 1,
    articles: input.edition.articles.length,
    edits: input.edition.edits.length,
  });
  // The first attempt's rows were rolled back: the retry's articles took later ids.
  const stored = await archive.getEdition(result.editionId);
  assert.ok(stored!.articleIds[0] > input.edition.articles.length);
  assert.deepEqual(stored!.edition, JSON.parse(JSON.stringify(input.edition)));
  await archive.close();
});

test('writers on many connections storing the same source store it once', async (t) => {
  if (skip) return t.skip(skip);
  const url = await freshDatabase();
  // Opened at once, on a new database: one migrates, the others wait for it.
  const writers: Archive[] = await Promise.all(
    Array.from({ length: 4 }, () => openArchiveAt(url, 'write')),
  );
  const input = page(PAGE, 'same.txt');
  const results = await Promise.all(writers.map((w) => w.store(input)));
  assert.deepEqual(results.map((r) => r.status).sort(), ['added', 'exists', 'exists', 'exists']);
  assert.equal(new Set(results.map((r) => r.editionId)).size, 1);
  assert.equal((await writers[0].counts()).sources, 1);
  await Promise.all(writers.map((w) => w.close()));
});

test('bad targets are said plainly', async (t) => {
  if (skip) return t.skip(skip);
  const empty = await freshDatabase();
  await assert.rejects(openArchiveAt(empty, 'read'), /holds no newsmend archive/u);
  const foreign = await freshDatabase();
  const c = new pg.Client({ connectionString: foreign });
  await c.connect();
  await c.query('CREATE TABLE articles (id int)');
  await c.end();
  await assert.rejects(openArchiveAt(foreign, 'write'), /not a newsmend archive/u);
  const missing = new URL(server!.url);
  missing.pathname = '/no_such_database';
  await assert.rejects(openArchiveAt(missing.toString(), 'write'), /does not exist.*createdb/su);
  const closed = new URL(server!.url);
  closed.port = '1';
  await assert.rejects(openArchiveAt(closed.toString(), 'write'), (e: unknown) => {
    assert.ok(e instanceof ArchiveError);
    assert.match(e.message, /cannot reach PostgreSQL .*connection refused/u);
    return true;
  });
});

test('a read-only archive connection cannot write', async (t) => {
  if (skip) return t.skip(skip);
  const url = await freshDatabase();
  await (await openArchiveAt(url, 'write')).close();
  const reader = await openArchiveAt(url, 'read');
  await assert.rejects(reader.store(page(PAGE, 'ro.txt')), /read-only transaction/u);
  await reader.close();
});

test('ingest and search through the CLI on a PostgreSQL archive', async (t) => {
  if (skip) return t.skip(skip);
  const url = await freshDatabase();
  const pages = join(import.meta.dirname, '../fixtures/pages');
  const ingested = newsmend(['ingest', pages, '--db', url]);
  assert.equal(ingested.status, 0, ingested.stderr);
  const count = readdirSync(pages).filter((f) => f.endsWith('.txt')).length;
  assert.match(ingested.stdout, new RegExp(`ingested ${count} source\\(s\\): ${count} added`, 'u'));
  const again = newsmend(['ingest', pages, '--db', url]);
  assert.match(again.stdout, new RegExp(`0 added \\(0 articles\\), ${count} already present`, 'u'));
  const found = newsmend(['search', '课桌', '--db', url, '--json']);
  assert.equal(found.status, 0, found.stderr);
  const result = JSON.parse(found.stdout) as {
    total: number;
    hits: { headline: { text: string }[] }[];
  };
  assert.ok(result.total >= 1);
  assert.ok(
    result.hits.some((h) =>
      h.headline
        .map((s) => s.text)
        .join('')
        .includes('课桌'),
    ),
  );
  const bad = newsmend(['search', '(课桌', '--db', url]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /malformed query/u);
});

test('the web reader on a PostgreSQL archive: upload, pages, search', async (t) => {
  if (skip) return t.skip(skip);
  const url = await freshDatabase();
  const srv = await startServer({ db: url, port: 0 });
  try {
    const upload = await fetch(`${srv.url}/api/upload?name=river.txt`, {
      method: 'POST',
      body: PAGE,
    });
    assert.equal(upload.status, 201, await upload.clone().text());
    const { editionId } = (await upload.json()) as { editionId: number };
    const edition = (await (await fetch(`${srv.url}/api/editions/${editionId}`)).json()) as {
      articleIds: number[];
    };
    assert.ok(edition.articleIds.length >= 1);
    const pages: [string, RegExp][] = [
      ['/', /river\.txt/u],
      [`/edition/${editionId}`, /河畔/u],
      [`/article/${edition.articleIds[0]}`, /河畔/u],
      [`/source/${editionId}`, /河畔/u],
      [`/search?q=${encodeURIComponent('河畔')}`, /河畔/u],
    ];
    for (const [path, shows] of pages) {
      const r = await fetch(`${srv.url}${path}`);
      assert.equal(r.status, 200, path);
      assert.match(await r.text(), shows, path);
    }
    const found = (await (
      await fetch(`${srv.url}/api/search?q=${encodeURIComponent('志愿者')}`)
    ).json()) as {
      total: number;
    };
    assert.equal(found.total, 1);
    assert.equal((await fetch(`${srv.url}/article/999`)).status, 404);
  } finally {
    await srv.close();
  }
});

test('run --against a PostgreSQL archive: a story it holds is a copy when met again', async (t) => {
  if (skip) return t.skip(skip);
  const url = await freshDatabase();
  const pages = join(import.meta.dirname, '../fixtures/pages');
  const stored = newsmend(['ingest', join(pages, 'reprint-a.txt'), '--db', url]);
  assert.equal(stored.status, 0, stored.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-against-'));
  try {
    mkdirSync(join(dir, 'later'));
    copyFileSync(join(pages, 'reprint-b.txt'), join(dir, 'later', 'reprint-b.txt'));
    const out = join(dir, 'out');
    const r = newsmend(['run', join(dir, 'later'), '--out', out, '--against', url]);
    assert.equal(r.status, 0, r.stderr);
    const records = readdirSync(out)
      .filter((f) => f.startsWith('articles-'))
      .map((f) => readFileSync(join(out, f)))
      .flatMap((bytes) => gunzipSync(bytes).toString('utf8').trim().split('\n'))
      .map((line) => JSON.parse(line) as { metadata: { duplicate?: unknown } });
    assert.equal(records.filter((x) => x.metadata.duplicate).length, 1);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    assert.equal(run.against.editions, 1);
    // The manifest names the archive without a password.
    assert.equal(run.against.path, url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function newsmend(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/main.ts'), ...args],
    { encoding: 'utf8' },
  );
}
