/**
 * `newsmend run --queue` and `newsmend worker` on a real Redis (started by scripts/services):
 * every input stored once, dead letters with their reason, and the faults the queue is for —
 * a worker killed mid-job, Redis restarted mid-run, a worker stopped with SIGTERM.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { openArchiveReadonly } from '../../src/archive/db.js';
import { Queue } from 'bullmq';
import { connectionFromUrl } from '../../src/queue/connection.js';
import { QUEUE_NAME } from '../../src/queue/jobs.js';
import pg from 'pg';
import { Cli, startPostgres, startRedis, type TestRedis } from './services.js';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const dir = mkdtempSync(join(tmpdir(), 'newsmend-queue-'));
let redis: TestRedis | undefined;
let skip: string | false = false;

before(() => {
  const started = startRedis();
  if (typeof started === 'string') {
    if (process.env.NEWSMEND_REQUIRE_SERVICES) throw new Error(started);
    skip = started;
  } else redis = started;
});
// A process still running after its test is a hang: say what it printed, then stop it.
afterEach(() => {
  for (const c of started.splice(0))
    if (c.child.exitCode === null && c.child.signalCode === null) {
      console.error(
        `still running: ${c.child.spawnargs.slice(3).join(' ')}\n${c.stderr}${c.stdout}`,
      );
      c.child.kill('SIGKILL');
    }
});
after(() => {
  redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A test that waits longer than this is stuck (each takes a few seconds here). */
const WAIT_MS = 60_000;
/** Every process a test started, stopped at the end whatever happened. */
const started: Cli[] = [];

let folders = 0;
/** A folder of `n` of our page fixtures, plus `extra` files. */
function inputs(n: number, extra: Record<string, Uint8Array | string> = {}): string {
  const folder = join(dir, `in-${folders++}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const pages = readdirSync(PAGES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, n);
  assert.equal(pages.length, n);
  for (const page of pages) copyFileSync(join(PAGES, page), join(folder, page));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(folder, name), content);
  return folder;
}

/**
 * Each test has its own Redis database, so its own queue: a queue's jobs are named by their
 * inputs' bytes, and the tests share fixtures.
 */
let database = 0;
let queueUrl = '';
function newQueue(): void {
  queueUrl = `${redis!.url}/${++database}`;
}

function cli(args: string[], env: Record<string, string> = {}): Cli {
  const c = new Cli(args, env);
  started.push(c);
  return c;
}
const worker = (db: string, env: Record<string, string> = {}) =>
  cli(['worker', '--queue', queueUrl, '--db', db, '--lock-seconds', '1'], env);
const run = (folder: string) => cli(['run', folder, '--queue', queueUrl]);

function sources(db: string): string[] {
  const read = openArchiveReadonly(db);
  const names = read.prepare('SELECT name FROM sources ORDER BY name').pluck().all() as string[];
  read.close();
  return names;
}

async function stop(w: Cli) {
  w.child.kill('SIGTERM');
  const { code } = await w.exited;
  assert.equal(code, 0, w.stderr);
}

/** Bytes mend refuses: a PNG header and noise. */
const PNG = Uint8Array.from([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256),
]);

test(
  'two workers store every input once; refused input is a dead letter with its reason',
  { timeout: WAIT_MS },
  async (t) => {
    if (skip) return t.skip(skip);
    newQueue();
    const folder = inputs(3, { 'picture.txt': PNG, 'records.jsonl': '{"text":"一"}\n' });
    // The same bytes under a second name: one job, one source.
    copyFileSync(join(folder, readdirSync(folder).sort()[0]), join(folder, 'zz-copy.txt'));
    const db = join(dir, 'two.db');
    const workers = [worker(db), worker(db)];
    await Promise.all(workers.map((w) => w.saw(/waiting for jobs/u)));
    const r = run(folder);
    const { code } = await r.exited;
    assert.equal(code, 1, r.stderr);
    assert.match(r.stdout, /4\/4 done · 3 stored · 0 already stored · 1 dead/u);
    assert.match(r.stderr, /dead: .*picture\.txt: .+/u);
    assert.match(r.stderr, /not queued: .*records\.jsonl: a JSONL file is many documents/u);
    assert.equal(sources(db).length, 3);
    // Again: nothing is mended or stored twice.
    const again = run(folder);
    assert.equal((await again.exited).code, 1);
    assert.equal(sources(db).length, 3);
    await Promise.all(workers.map(stop));
    const said = workers.map((w) => w.stderr).join('');
    assert.doesNotMatch(said, /mending .*zz-copy/u);
    // Refused input is not tried again.
    assert.equal(said.match(/mending .*picture\.txt/gu)?.length, 1, said);
  },
);

test(
  'a worker killed (SIGKILL) after storing, before telling the queue: another takes the job, stored once',
  { timeout: WAIT_MS },
  async (t) => {
    if (skip) return t.skip(skip);
    newQueue();
    const folder = inputs(1);
    const db = join(dir, 'killed.db');
    const doomed = worker(db, { NEWSMEND_TEST_CRASH: 'queue-stored' });
    await doomed.saw(/waiting for jobs/u);
    const r = run(folder);
    assert.equal((await doomed.exited).signal, 'SIGKILL');
    assert.equal(sources(db).length, 1);
    const rescuer = worker(db);
    const { code } = await r.exited;
    assert.equal(code, 0, r.stderr);
    assert.match(r.stdout, /1\/1 done · 0 stored · 1 already stored · 0 dead/u);
    assert.equal(sources(db).length, 1);
    await stop(rescuer);
  },
);

test(
  'Redis restarted mid-run: the worker and the run reconnect and finish',
  { timeout: WAIT_MS },
  async (t) => {
    if (skip) return t.skip(skip);
    newQueue();
    const folder = inputs(5);
    const db = join(dir, 'restart.db');
    // Paused, the queue holds the jobs: the restart comes while all five are out, for sure.
    const queue = new Queue(QUEUE_NAME, { connection: connectionFromUrl(queueUrl) });
    await queue.pause();
    const w = worker(db);
    await w.saw(/waiting for jobs/u);
    const r = run(folder);
    await r.saw(/5 input\(s\) queued/u);
    redis!.restart();
    await queue.resume();
    const { code } = await r.exited;
    await queue.close();
    assert.equal(code, 0, r.stderr);
    assert.match(r.stdout, /5\/5 done · 5 stored/u);
    assert.equal(sources(db).length, 5);
    await stop(w);
  },
);

test(
  'SIGTERM while a job is in hand: the job is finished, then the worker exits 0',
  { timeout: WAIT_MS },
  async (t) => {
    if (skip) return t.skip(skip);
    newQueue();
    const folder = inputs(2);
    const db = join(dir, 'term.db');
    const w = worker(db);
    await w.saw(/waiting for jobs/u);
    const r = run(folder);
    await w.saw(/mending /u);
    w.child.kill('SIGTERM');
    assert.equal((await w.exited).code, 0, w.stderr);
    assert.match(w.stderr, /SIGTERM: finishing the job in hand/u);
    // What it held was finished, not lost; a second worker does the rest.
    assert.ok(sources(db).length >= 1);
    const second = worker(db);
    assert.equal((await r.exited).code, 0, r.stderr);
    assert.equal(sources(db).length, 2);
    await stop(second);
  },
);

test(
  'Redis not there: the worker says so once, waits, and SIGTERM still stops it (exit 0)',
  { timeout: WAIT_MS },
  async () => {
    // Port 1 on loopback: nothing listens there.
    const w = cli(['worker', '--queue', 'redis://127.0.0.1:1', '--db', join(dir, 'none.db')]);
    await w.saw(/ECONNREFUSED.*\(retrying\)/u);
    w.child.kill('SIGTERM');
    assert.equal((await w.exited).code, 0, w.stderr);
    assert.equal(w.stderr.match(/ECONNREFUSED/gu)?.length, 1, w.stderr);
    assert.doesNotMatch(w.stderr, /waiting for jobs/u);
  },
);

test(
  'workers sharing one PostgreSQL archive store every input once',
  { timeout: WAIT_MS },
  async (t) => {
    if (skip) return t.skip(skip);
    const postgres = startPostgres();
    if (typeof postgres === 'string') {
      if (process.env.NEWSMEND_REQUIRE_SERVICES) throw new Error(postgres);
      return t.skip(postgres);
    }
    try {
      newQueue();
      const folder = inputs(4);
      const workers = [worker(postgres.url), worker(postgres.url)];
      await Promise.all(workers.map((w) => w.saw(/waiting for jobs/u)));
      const r = run(folder);
      assert.equal((await r.exited).code, 0, r.stderr);
      assert.match(r.stdout, /4\/4 done · 4 stored/u);
      await Promise.all(workers.map(stop));
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query('SELECT name FROM sources ORDER BY name');
      await client.end();
      assert.deepEqual(
        rows.map((row) => row.name),
        readdirSync(folder)
          .sort()
          .map((f) => join(folder, f)),
      );
    } finally {
      postgres.stop();
    }
  },
);
