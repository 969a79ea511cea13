/** What travels through the queue: one input to mend and store, named by its bytes' sha256. */

/** The BullMQ queue every `run --queue` and `worker` shares (one per Redis database). */
export const QUEUE_NAME = 'newsmend-mend';

export interface MendJobData {
  /** The input's name as the archive shows it (its path as given). */
  name: string;
  /** Absolute path the workers read (a shared folder), when not sent by content. */
  path?: string;
  /** The bytes themselves, base64, for workers that cannot see the file. */
  content?: string;
  /** sha256 of the bytes: the job's id, so an input is queued and stored once. */
  sha256: string;
  editionDate?: string;
}

export interface MendJobResult {
  status: 'added' | 'exists';
  editionId: number;
  articles: number;
}

/** Tries per input before it goes to the dead letters: a second and third for passing faults. */
export const ATTEMPTS = 3;
/** First wait before a retry; doubled each time (1 s, 2 s). */
export const BACKOFF_MS = 1000;
/** Finished jobs kept a week (idempotent anyway: a repeated input is found stored by sha256). */
export const KEEP_DONE_SECONDS = 7 * 24 * 3600;

export function jobId(sha256: string): string {
  return `sha256-${sha256}`;
}
