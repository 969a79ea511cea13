/**
 * Worker thread that mends and stores dumps (started by `ingest-thread.ts`: the server's
 * uploads, the queue worker's jobs), so mending a big dump never holds up the thread that
 * started it. It keeps its own write connection to the archive; other connections see each
 * dump once it is committed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openArchiveAt } from './backend.js';
import { ingestInto } from './ingest.js';
import { warmLexicon } from '../lexicon/warm.js';
import { THREAD_READY, type ThreadJob, type ThreadOutcome } from './ingest-thread.js';

const archive = await openArchiveAt((workerData as { db: string }).db, 'write');
// The word tables load now, not with the first dump.
warmLexicon();
parentPort!.postMessage(THREAD_READY);

/** Mend and store one dump; never throws (a failure is the outcome). */
async function handle(job: ThreadJob): Promise<ThreadOutcome> {
  try {
    const r = await ingestInto(archive, job.bytes, {
      name: job.name,
      editionDate: job.editionDate,
    });
    return r.status === 'failed'
      ? { id: job.id, failed: { problem: r.problem, refused: r.refused === true } }
      : {
          id: job.id,
          stored: {
            status: r.status,
            sourceId: r.sourceId,
            editionId: r.editionId,
            articles: r.articles,
            messages: r.edition?.messages ?? [],
          },
        };
  } catch (error) {
    return { id: job.id, failed: { problem: (error as Error)?.message ?? String(error) } };
  }
}

// Dumps are stored one after another, in the order they came (a PDF is read asynchronously).
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: ThreadJob) => {
  queue = queue.then(async () => parentPort!.postMessage(await handle(job)));
});
