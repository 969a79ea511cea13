/** `ingest` on bad files, bad paths, a bad --db and a busy archive: per-file errors, the batch goes on. */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { openArchive } from '../../src/archive/db.js';
import { archiveCounts } from '../../src/archive/read.js';
import { FAULT_ENV } from '../../src/cli/fault.js';
import { newsmend, ROOT, STACK_TRACE } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-ingest-hard-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = join(ROOT, 'test', 'fixtures', 'pages', 'd1-echo.txt');

function editions(db: string): number {
  const archive = openArchive(db);
  try {
    return archiveCounts(archive).editions;
  } finally {
    archive.close();
  }
}

function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  copyFileSync(PAGE, join(path, 'good.txt'));
  return path;
}

test('ingest refuses what mend refuses (binary, NUL-only, empty, blank, an SQLite file), each with its reason', async () => {
  const batch = folder('refused');
  const sqlite = new Database(join(batch, 'other.db'));
  sqlite.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
  sqlite.close();
  writeFileSync(
    join(batch, 'image.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3, 255]),
  );
  writeFileSync(join(batch, 'nul.txt'), Buffer.alloc(64));
  writeFileSync(join(batch, 'empty.txt'), '');
  writeFileSync(join(batch, 'blank.txt'), ' \n\u3000\n\t\n');
  const db = join(dir, 'refused-archive.db');
  const r = await newsmend(['ingest', batch, '--db', db]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stdout,
    /ingested 6 source\(s\): 1 added \(\d+ articles\), 0 already present, 5 failed/u,
  );
  for (const name of ['image.png', 'nul.txt', 'empty.txt', 'blank.txt', 'other.db'])
    assert.match(
      r.stderr,
      new RegExp(
        `${name.replace('.', '\\.')}: not stored: .*(binary|no text|not a text dump)`,
        'u',
      ),
      name,
    );
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.equal(editions(db), 1, 'only the page is stored');
  const stdin = await newsmend(['ingest', '-', '--db', db], '');
  assert.equal(stdin.code, 1);
  assert.match(stdin.stderr, /-: not stored: .*no text/u);
});

test('missing paths, a link loop and a FIFO inside a folder are per-file problems; the batch goes on', async () => {
  const batch = folder('paths');
  symlinkSync(join(batch, 'loop-b'), join(batch, 'loop-a'));
  symlinkSync(join(batch, 'loop-a'), join(batch, 'loop-b'));
  symlinkSync(batch, join(batch, 'back-up')); // a folder link back into the walk
  execFileSync('mkfifo', [join(batch, 'pipe')]);
  const db = join(dir, 'paths-archive.db');
  const missing = join(dir, 'no-such-file.txt');
  const r = await newsmend(['ingest', missing, batch, '--db', db]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /no-such-file\.txt: no such file or folder/u);
  assert.match(r.stderr, /loop-a: a loop of symbolic links/u);
  assert.doesNotMatch(r.stderr, /pipe/u, 'a FIFO found by walking is never opened');
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.match(
    r.stdout,
    /1 added/u,
    'the good page is stored once, though a link leads back to it',
  );
  assert.equal(editions(db), 1);
});

test('a FIFO named explicitly is read like standard input', async () => {
  const fifo = join(dir, 'named-pipe');
  execFileSync('mkfifo', [fifo]);
  const db = join(dir, 'fifo-archive.db');
  const run = newsmend(['ingest', fifo, '--db', db]);
  // The writer blocks until ingest opens the FIFO for reading: no timing involved.
  execFileSync('sh', ['-c', `cat "${PAGE}" > "${fifo}"`]);
  const r = await run;
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1 added/u);
});

test('--db that is no archive: exit 1 with a clear message, never an internal error', async () => {
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'not a database at all, just some words in a file\n'.repeat(20));
  const foreign = join(dir, 'foreign.db');
  const sqlite = new Database(foreign);
  sqlite.exec('CREATE TABLE mine (x)');
  sqlite.close();
  const cases: [string, RegExp][] = [
    [text, /not an SQLite database/u],
    [dir, /not a file that can be opened/u],
    [join(dir, 'no', 'such', 'folder', 'a.db'), /its folder does not exist/u],
    [foreign, /not a newsmend archive/u],
  ];
  for (const [db, message] of cases) {
    for (const command of [
      ['ingest', PAGE],
      ['search', '河'],
    ]) {
      const r = await newsmend([...command, '--db', db]);
      assert.equal(r.code, 1, `${command[0]} --db ${db}: ${r.stderr}`);
      assert.match(r.stderr, message, `${command[0]} --db ${db}`);
      assert.doesNotMatch(r.stderr, /internal error|please report/iu);
    }
  }
});

test('re-ingest finds a stored source by its hash before mending it again', async () => {
  const db = join(dir, 'again.db');
  const first = await newsmend(['ingest', PAGE, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  // The fault seam fails the segment stage on this file: were it mended again, it would fail.
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const sha = createHash('sha256').update(readFileSync(PAGE)).digest('hex');
  const again = await newsmend(['ingest', PAGE, '--db', db], undefined, {
    [FAULT_ENV]: `segment:${sha}`,
  });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /0 added \(0 articles\), 1 already present, 0 failed/u);
});

test('a busy archive: ingest says it waits for the other writer, then stores', async () => {
  const db = join(dir, 'busy.db');
  openArchive(db).close();
  const holder = new Database(db);
  holder.exec('BEGIN IMMEDIATE');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'ingest', PAGE, '--db', db],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  const code = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Release the lock once ingest says it is waiting for it, not after some time (or when it
  // ended without waiting, which the checks below then report).
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      if (/the archive is busy/u.test(stderr)) resolve();
    });
    child.on('close', () => resolve());
  });
  assert.match(stderr, /the archive is busy \(another process is writing\); waiting/u);
  holder.exec('COMMIT');
  holder.close();
  assert.equal(await code, 0, stderr);
  assert.match(stdout, /1 added/u);
  assert.equal(editions(db), 1);
});

test('ingest --optimize merges the search index into one segment; search finds the same', async () => {
  const pages = join(ROOT, 'test', 'fixtures', 'pages');
  const db = join(dir, 'optimize.db');
  const segments = () => {
    const archive = openArchive(db);
    try {
      return (
        archive.prepare('SELECT count(DISTINCT segid) AS n FROM article_fts_idx').get() as {
          n: number;
        }
      ).n;
    } finally {
      archive.close();
    }
  };
  // One source per transaction: each leaves its own index segment.
  for (const page of ['d1-echo.txt', 'd2-split.txt', 'd3-lost.txt'])
    assert.equal((await newsmend(['ingest', join(pages, page), '--db', db])).code, 0);
  assert.ok(segments() > 1, `segments before: ${segments()}`);
  const before = await newsmend(['search', '本报', '--db', db, '--json', '--limit', '100']);
  // Nothing new to store: only the merge happens.
  const r = await newsmend(['ingest', join(pages, 'd1-echo.txt'), '--db', db, '--optimize']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(segments(), 1);
  const after3 = await newsmend(['search', '本报', '--db', db, '--json', '--limit', '100']);
  const hits = (out: string) => JSON.parse(out) as { total: number; hits: unknown[] };
  assert.ok(hits(before.stdout).total > 0);
  assert.deepEqual(hits(after3.stdout), hits(before.stdout));
});
