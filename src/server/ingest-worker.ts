/**
 * Worker thread that mends and stores uploads (started by `uploads.ts`), so that mending a big
 * dump never holds up the server's request loop. It keeps its own write connection to the
 * archive; the server's read connection sees each upload once it is committed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openArchive } from '../archive/db.js';
import { ingestBytes } from '../archive/ingest.js';
import type { UploadJob, UploadOutcome } from './uploads.js';

const db = openArchive((workerData as { db: string }).db);

parentPort!.on('message', (job: UploadJob) => {
  let outcome: UploadOutcome;
  try {
    const r = ingestBytes(db, job.bytes, { name: job.name });
    outcome =
      r.status === 'failed'
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
    outcome = { id: job.id, failed: { problem: (error as Error)?.message ?? String(error) } };
  }
  parentPort!.postMessage(outcome);
});
