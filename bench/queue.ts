/**
 * Queue throughput (not a test): `newsmend run --queue` with 1, 2 and 4 `newsmend worker`
 * processes on this machine, against a Redis the repo starts (scripts/services), each into a
 * new archive. Inputs are our own page fixtures, each made distinct by a numbered line, so
 * every one is a job of its own. Workers are started and ready before the clock starts (their
 * start-up, loading the word tables, is not queue throughput). Prints seconds and the ratio
 * to one worker.
 *
 *   npm run bench:queue      (env: QUEUE_INPUTS, default 60; QUEUE_WORKERS, default 1,2,4)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Cli, startRedis } from '../test/queue/services.js';

const INPUTS = Number(process.env.QUEUE_INPUTS ?? 60);
const WORKERS = (process.env.QUEUE_WORKERS ?? '1,2,4').split(',').map(Number);
const PAGES = resolve(import.meta.dirname, '../test/fixtures/pages');

function makeInputs(dir: string): void {
  const pages = readdirSync(PAGES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(PAGES, f), 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < INPUTS; i++)
    writeFileSync(join(dir, `page-${i}.txt`), `第${i + 1}版\n\n${pages[i % pages.length]}`);
}

async function timed(url: string, inputs: string, db: string, workers: number): Promise<number> {
  const pool = Array.from(
    { length: workers },
    () => new Cli(['worker', '--queue', url, '--db', db]),
  );
  try {
    await Promise.all(pool.map((w) => w.saw(/waiting for jobs/u)));
    const started = process.hrtime.bigint();
    const run = new Cli(['run', inputs, '--queue', url]);
    const { code } = await run.exited;
    if (code !== 0) throw new Error(`run --queue failed (${code}): ${run.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e9;
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
    const rows: { workers: number; seconds: number; 'inputs/s': number; 'vs 1': number }[] = [];
    for (const [n, workers] of WORKERS.entries()) {
      const seconds = await timed(
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
