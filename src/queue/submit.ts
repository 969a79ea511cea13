/**
 * `newsmend run --queue`: put every input on the queue (once: a job is named by the sha256 of
 * the input's bytes), then follow the jobs until each is stored or dead.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { readInput } from '../cli/io.js';
import { planInputs } from '../run/inputs.js';
import { connectionFromUrl } from './connection.js';
import {
  ATTEMPTS,
  BACKOFF_MS,
  jobId,
  KEEP_DONE_SECONDS,
  QUEUE_NAME,
  type MendJobData,
  type MendJobResult,
} from './jobs.js';

export interface SubmitOptions {
  queueUrl: string;
  inputs: string[];
  /** Send the bytes in the job, for workers that cannot read the paths. */
  sendContent: boolean;
  editionDate?: string;
  onProgress?: (p: QueueProgress) => void;
  /** Called once every input is on the queue, with how many there are. */
  onQueued?: (n: number) => void;
}

export interface DeadInput {
  name: string;
  reason: string;
}

export interface QueueProgress {
  /** Inputs queued by this run. */
  total: number;
  stored: number;
  /** Already in the archive (same sha256) when a worker took it. */
  existed: number;
  /** Finished before this run queued it (the same input queued earlier): not done again. */
  earlier: number;
  dead: DeadInput[];
  /** Inputs that could not be read here, so never queued. */
  unreadable: DeadInput[];
}

/** JSONL files hold many documents; a job is one dump, so they are not queued. */
const JSONL = /\.(jsonl|ndjson)(\.gz)?$/iu;
const JSONL_REFUSED = 'a JSONL file is many documents, not one dump: run it without --queue';

/** Jobs added per request to Redis. */
const ADD_BATCH = 500;
/** How often every job still out is looked up, for events missed (a Redis restart, say). */
const RECONCILE_MS = 2000;

function jobsOf(o: SubmitOptions, progress: QueueProgress): MendJobData[] {
  const plan = planInputs(o.inputs, () => false);
  for (const p of plan.problems) progress.unreadable.push({ name: p.path, reason: p.reason });
  const jobs = new Map<string, MendJobData>();
  for (const path of plan.files) {
    if (JSONL.test(path)) {
      progress.unreadable.push({ name: path, reason: JSONL_REFUSED });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readInput(path);
    } catch (error) {
      progress.unreadable.push({ name: path, reason: (error as Error).message });
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The same bytes under a second name are the same job, named as first met.
    if (jobs.has(sha256)) continue;
    const byContent = o.sendContent || path === '-';
    jobs.set(sha256, {
      name: path === '-' ? 'stdin' : path,
      ...(byContent
        ? { content: Buffer.from(bytes).toString('base64') }
        : { path: isAbsolute(path) ? path : resolve(path) }),
      sha256,
      ...(o.editionDate ? { editionDate: o.editionDate } : {}),
    });
  }
  return [...jobs.values()];
}

async function addAll(queue: Queue<MendJobData>, jobs: MendJobData[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += ADD_BATCH)
    await queue.addBulk(
      jobs.slice(i, i + ADD_BATCH).map((data) => ({
        name: 'mend',
        data,
        opts: {
          jobId: jobId(data.sha256),
          attempts: ATTEMPTS,
          backoff: { type: 'exponential', delay: BACKOFF_MS },
          removeOnComplete: { age: KEEP_DONE_SECONDS },
          // failed jobs stay: they are the dead letters, each with its reason
          removeOnFail: false,
        },
      })),
    );
}

/** The jobs among `ids` a worker finished before this run (the same input queued earlier). */
async function completedAlready(queue: Queue<MendJobData>, ids: string[]): Promise<Set<string>> {
  const done = new Set<string>();
  for (let i = 0; i < ids.length; i += ADD_BATCH) {
    const batch = ids.slice(i, i + ADD_BATCH);
    const states = await Promise.all(batch.map((id) => queue.getJobState(id)));
    batch.forEach((id, k) => states[k] === 'completed' && done.add(id));
  }
  return done;
}

/** Queue the inputs and wait until every job is stored or dead; resolves with the tally. */
export async function submitAndFollow(o: SubmitOptions): Promise<QueueProgress> {
  const connection = connectionFromUrl(o.queueUrl);
  const progress: QueueProgress = {
    total: 0,
    stored: 0,
    existed: 0,
    earlier: 0,
    dead: [],
    unreadable: [],
  };
  const jobs = jobsOf(o, progress);
  progress.total = jobs.length;
  const queue = new Queue<MendJobData>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  try {
    await events.waitUntilReady();
    const out = new Set(jobs.map((j) => jobId(j.sha256)));
    const doneBefore = await completedAlready(queue, [...out]);
    let allDone = () => {};
    const count = (id: string, job: Job<MendJobData> | undefined, state: string) => {
      if (!job) progress.dead.push({ name: id, reason: 'the job was removed from the queue' });
      else if (state === 'failed')
        progress.dead.push({ name: job.data.name, reason: job.failedReason });
      else if (doneBefore.has(id)) progress.earlier++;
      else if ((job.returnvalue as MendJobResult).status === 'added') progress.stored++;
      else progress.existed++;
    };
    /** Look one job up; count it once when it is finished (or gone: it never will be). */
    const settle = async (id: string) => {
      const job = out.has(id) ? await queue.getJob(id) : undefined;
      const state = job ? await job.getState() : 'gone';
      if (!out.has(id) || !['completed', 'failed', 'gone'].includes(state)) return;
      out.delete(id);
      count(id, job, state);
      o.onProgress?.(progress);
      if (out.size === 0) allDone();
    };
    const reconcile = async () => {
      for (const id of [...out]) await settle(id);
    };
    events.on('completed', ({ jobId: id }) => void settle(id));
    events.on('failed', ({ jobId: id }) => void settle(id));
    await addAll(queue, jobs);
    o.onQueued?.(jobs.length);
    o.onProgress?.(progress);
    await reconcile();
    while (out.size > 0) {
      await new Promise<void>((done) => {
        const timer = setTimeout(done, RECONCILE_MS);
        allDone = () => (clearTimeout(timer), done());
      });
      await reconcile();
    }
    return progress;
  } finally {
    await events.close();
    await queue.close();
  }
}
