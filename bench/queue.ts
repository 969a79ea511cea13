/**
 * Queue throughput (not a test): `newsmend run --queue` with 1, 2 and 4 `newsmend worker`
 * processes on this machine, against a Redis the repo starts (scripts/services), each into a
 * new archive. Inputs are dumps of eight of our own page fixtures, each made distinct by
 * numbered lines, so every one is a job of its own. Workers are started and ready before the clock starts (their
 * start-up, loading the word tables, is not queue throughput). Prints seconds and the ratio
 * to one worker.
 *
 *   npm run bench:queue      (env: QUEUE_INPUTS, default 40; QUEUE_PAGES, default 40; QUEUE_WORKERS, default 1,2,4)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { connectionFromUrl } from '../src/queue/connection.js';
import { QUEUE_NAME } from '../src/queue/jobs.js';
import { Cli, startRedis } from '../test/queue/services.js';

const INPUTS = Number(process.env.QUEUE_INPUTS ?? 40);
/** Fixture pages per input: a dump of a few pages, so mending, not queue traffic, dominates. */
const PAGES_PER_INPUT = Number(process.env.QUEUE_PAGES ?? 40);
const WORKERS = (process.env.QUEUE_WORKERS ?? '1,2,4').split(',').map(Number);
const PAGES = resolve(import.meta.dirname, '../test/fixtures/pages');

function makeInputs(dir: string): void {
  const pages = readdirSync(PAGES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(PAGES, f), 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < INPUTS; i++) {
    const dump = Array.from(
      { length: PAGES_PER_INPUT },
      (_, k) => `第${i + 1}期 第${k + 1}版\n\n${pages[(i + k) % pages.length]}`,
    );
    writeFileSync(join(dir, `dump-${i}.txt`), dump.join('\n\f\n'));
  }
}

/**
 * Seconds from the first job taken to the last finished, by the queue's own clock: the
 * workers' throughput, without the run's start-up and reading of the inputs before, or its
 * closing of connections after.
 */
async function workSpan(url: string): Promise<{ seconds: number; jobMs: number }> {
  const queue = new Queue(QUEUE_NAME, { connection: connectionFromUrl(url) });
  try {
    const jobs = await queue.getJobs(['completed']);
    if (jobs.length !== INPUTS) throw new Error(`${jobs.length} of ${INPUTS} jobs completed`);
    const first = Math.min(...jobs.map((j) => j.processedOn ?? Infinity));
    const last = Math.max(...jobs.map((j) => j.finishedOn ?? 0));
    const busy = jobs.reduce((sum, j) => sum + (j.finishedOn ?? 0) - (j.processedOn ?? 0), 0);
    return { seconds: (last - first) / 1000, jobMs: busy / jobs.length };
  } finally {
    await queue.close();
  }
}

async function timed(
  url: string,
  inputs: string,
  db: string,
  workers: number,
): Promise<{ seconds: number; jobMs: number }> {
  const pool = Array.from(
    { length: workers },
    () => new Cli(['worker', '--queue', url, '--db', db]),
  );
  try {
    await Promise.all(pool.map((w) => w.saw(/waiting for jobs/u)));
    const run = new Cli(['run', inputs, '--queue', url]);
    const { code } = await run.exited;
    if (code !== 0) throw new Error(`run --queue failed (${code}): ${run.stderr}`);
    return await workSpan(url);
  } finally {
    for (const w of pool) w.child.kill('SIGTERM');
    await Promise.all(pool.map((w) => w.exited));
  }
}

async function main(): Promise<void> {
  const redis = startRedis();
  if (typeof redis === 'string') throw new Error(redis);
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-bench-queue-'));
  try {
    const inputs = join(dir, 'inputs');
    makeInputs(inputs);
    const rows: Record<string, number>[] = [];
    for (const [n, workers] of WORKERS.entries()) {
      const { seconds, jobMs } = await timed(
        `${redis.url}/${n + 1}`,
        inputs,
        join(dir, `w${workers}.db`),
        workers,
      );
      rows.push({
        workers,
        seconds: +seconds.toFixed(2),
        'inputs/s': +(INPUTS / seconds).toFixed(1),
        'vs 1': +(rows.length > 0 ? rows[0].seconds / seconds : 1).toFixed(2),
        // the time one job takes: it grows when workers contend for the cores
        'ms per job': +jobMs.toFixed(1),
      });
    }
    console.table(rows);
    console.log(`queue: ${INPUTS} inputs, ${availableParallelism()} cores, one Redis on loopback`);
  } finally {
    redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
