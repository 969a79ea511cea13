/**
 * Worker thread that mends and stores uploads (started by `uploads.ts`), so that mending a big
 * dump never holds up the server's request loop. It keeps its own write connection to the
 * archive; the server's read connection sees each upload once it is committed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openArchive } from '../archive/db.js';
import { ingestInput } from '../archive/ingest.js';
import type { UploadJob, UploadOutcome } from './uploads.js';

const db = openArchive((workerData as { db: string }).db);

/** Mend and store one upload; never throws (a failure is the outcome). */
async function handle(job: UploadJob): Promise<UploadOutcome> {
  try {
    const r = await ingestInput(db, job.bytes, { name: job.name });
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

// Uploads are stored one after another, in the order they came (a PDF is read asynchronously).
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: UploadJob) => {
  queue = queue.then(async () => parentPort!.postMessage(await handle(job)));
});
