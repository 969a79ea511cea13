/**
 * `newsmend worker`: take inputs from the queue, mend and store each in the archive, on any
 * number of machines. The mend runs in a thread (`IngestThread`), so this thread keeps renewing
 * the job's lock while a big dump is mended; a worker that dies (kill -9, a lost machine) stops
 * renewing, and after `lockSeconds` another worker takes the job again. Storing is idempotent
 * (a source already stored, by sha256, is left as it is), so a job done twice is stored once.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { IngestThread } from '../archive/ingest-thread.js';
import { connectionFromUrl } from './connection.js';
import { QUEUE_NAME, type MendJobData, type MendJobResult } from './jobs.js';

export interface QueueWorkerOptions {
  queueUrl: string;
  /** The archive every job is stored in. */
  db: string;
  /** How long a job stays with a worker that stopped answering before it is taken again. */
  lockSeconds: number;
  log: (line: string) => void;
}

/**
 * A test seam, not a feature: `NEWSMEND_TEST_CRASH=queue-stored` kills the worker (SIGKILL, as
 * `kill -9` would) after it stored a job and before it told the queue, the worst moment.
 */
const CRASH_ENV = 'NEWSMEND_TEST_CRASH';

async function inputBytes(data: MendJobData): Promise<Uint8Array> {
  const bytes = data.content ? Buffer.from(data.content, 'base64') : await readFile(data.path!);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== data.sha256)
    throw new UnrecoverableError('the input changed after it was queued (its sha256 differs)');
  return /\.gz$/iu.test(data.name) ? gunzipSync(bytes) : bytes;
}

function processor(thread: IngestThread, log: (line: string) => void) {
  return async (job: Job<MendJobData>): Promise<MendJobResult> => {
    log(`mending ${job.data.name} (attempt ${job.attemptsMade + 1})`);
    const bytes = await inputBytes(job.data);
    const outcome = await thread.submit(bytes, job.data.name, job.data.editionDate);
    if (outcome.failed) {
      // Input that mend refuses (binary, no text) will be refused again: no retry.
      if (outcome.failed.refused) throw new UnrecoverableError(outcome.failed.problem);
      throw new Error(outcome.failed.problem);
    }
    if (process.env[CRASH_ENV] === 'queue-stored') process.kill(process.pid, 'SIGKILL');
    const { status, editionId, articles } = outcome.stored;
    log(
      `${status === 'added' ? 'stored' : 'already stored'} ${job.data.name}: ${articles} articles`,
    );
    return { status, editionId, articles };
  };
}

/**
 * Start taking jobs. `ready` resolves once connected to the queue and the mending thread has
 * its word tables; `close()` lets the job in hand finish (or hands it back), then stops.
 */
export function startQueueWorker(o: QueueWorkerOptions): {
  ready: Promise<unknown>;
  close: () => Promise<void>;
} {
  const thread = new IngestThread(o.db);
  const lockDuration = o.lockSeconds * 1000;
  const worker = new Worker<MendJobData, MendJobResult>(QUEUE_NAME, processor(thread, o.log), {
    connection: connectionFromUrl(o.queueUrl),
    // One at a time: the mend is CPU work on one thread; more workers, more processes.
    concurrency: 1,
    lockDuration,
    stalledInterval: Math.max(500, lockDuration / 2),
  });
  worker.on('failed', (job, error) => {
    if (job) o.log(`failed ${job.data.name}: ${error.message}`);
  });
  // While Redis is away the same error comes every second or so: say it once.
  let lastError = '';
  worker.on('error', (error) => {
    if (error.message !== lastError) o.log(`queue: ${error.message} (retrying)`);
    lastError = error.message;
  });
  worker.on('completed', () => (lastError = ''));
  return {
    ready: Promise.all([worker.waitUntilReady(), thread.ready()]),
    close: async () => {
      await worker.close();
      await thread.close();
    },
  };
}
