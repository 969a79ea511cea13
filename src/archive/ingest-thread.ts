import { Worker } from 'node:worker_threads';
import type { Message } from '../model/types.js';

/** One dump to mend and store. */
export interface ThreadJob {
  id: number;
  bytes: Uint8Array;
  name: string;
  editionDate?: string;
}

/** What a stored dump gives back (the reader answers an upload with it). */
export interface ThreadStored {
  status: 'added' | 'exists';
  sourceId: number;
  editionId: number;
  articles: number;
  messages: Message[];
}

export type ThreadOutcome =
  | { id: number; stored: ThreadStored; failed?: undefined }
  | { id: number; failed: { problem: string; refused?: boolean }; stored?: undefined };

/** What the thread says once its word tables are loaded. */
export const THREAD_READY = 'ready';

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(
  FROM_SOURCE ? './ingest-thread-worker.ts' : './ingest-thread-worker.js',
  import.meta.url,
);

/**
 * Start the worker: the built JavaScript directly, or, run from TypeScript source under tsx
 * (tests, `npm run`), through a bootstrap that registers tsx in the worker first (a worker does
 * not take the `--import tsx` of its parent).
 */
function startWorker(db: string): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData: { db } });
  // Resolved here, from this module: the worker's own code would resolve from the working folder.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { db } });
}

/**
 * Dumps mended and stored one at a time in a worker thread (started at the first). Mending an
 * 8 MB dump takes seconds: on the server's request loop it would stall every other reader, and
 * in a queue worker it would stop the job's lock from being renewed. One thread, not a pool:
 * SQLite takes one writer at a time anyway (more queue workers are more processes).
 */
export class IngestThread {
  private worker?: Worker;
  private warmed?: Promise<void>;
  private nextId = 1;
  private readonly waiting = new Map<number, (outcome: ThreadOutcome) => void>();

  constructor(private readonly db: string) {}

  /** Mend and store one dump; resolves when it is committed (or refused). */
  submit(bytes: Uint8Array, name: string, editionDate?: string): Promise<ThreadOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.started().postMessage({ id, bytes, name, editionDate } satisfies ThreadJob);
    });
  }

  /**
   * Start the thread now and resolve once its word tables are loaded (seconds), so the first
   * dump is not the one to wait for them.
   */
  ready(): Promise<void> {
    this.started();
    return this.warmed!;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.db);
    let notWarmed: (error: Error) => void = () => {};
    this.warmed = new Promise((warm, fail) => {
      notWarmed = fail;
      worker.on('message', (message: ThreadOutcome | typeof THREAD_READY) => {
        if (message === THREAD_READY) return warm();
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      });
    });
    // Only `ready()` waits on it; a rejection nobody awaits is not an error of its own.
    this.warmed.catch(() => {});
    // A worker that dies (out of memory, a crash in a native module) fails what it was doing;
    // the next upload starts a new one.
    const fail = (problem: string) => {
      notWarmed(new Error(problem));
      if (this.worker === worker) this.worker = undefined;
      for (const [id, resolve] of this.waiting) resolve({ id, failed: { problem } });
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(`the mending worker failed: ${error.message}`));
    worker.on('exit', (code) => fail(`the mending worker stopped (exit ${code})`));
    this.worker = worker;
    return worker;
  }
}
