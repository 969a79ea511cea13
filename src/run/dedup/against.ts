/**
 * `run --against archive.db`: the articles already in an archive join the duplicate index
 * before the run's own, in the order they were stored, so a story the archive holds is a copy
 * when the run meets it again (`of` names the archived article's record id, whose first 12
 * hex digits are its source's sha256).
 */
import { ArchiveError, openArchiveReadonly } from '../../archive/db.js';
import { InputError } from '../../cli/command.js';
import { getEdition } from '../../archive/read.js';
import { corpusRecords } from '../../render/jsonl.js';
import { signature } from './minhash.js';
import type { CrossDuplicates } from './cross.js';

/** What identifies the archive's content for a resumed run: its editions, counted and last. */
export function archiveState(path: string): { editions: number; lastEdition: number } {
  const db = open(path);
  try {
    const row = db
      .prepare('SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS last FROM editions')
      .get() as {
      n: number;
      last: number;
    };
    return { editions: row.n, lastEdition: row.last };
  } finally {
    db.close();
  }
}

/** Every article of the archive into the index; returns how many were judged. */
export function seedFromArchive(path: string, duplicates: CrossDuplicates): number {
  const db = open(path);
  let seeded = 0;
  try {
    const ids = db.prepare('SELECT id FROM editions ORDER BY id').pluck().all() as number[];
    for (const id of ids) {
      const { edition } = getEdition(db, id)!;
      for (const record of corpusRecords(edition)) {
        const sig = signature(record.text);
        if (!sig) continue;
        duplicates.judge(record.id, Buffer.from(sig).toString('base64'));
        seeded++;
      }
    }
  } finally {
    db.close();
  }
  return seeded;
}

function open(path: string) {
  try {
    return openArchiveReadonly(path);
  } catch (error) {
    if (error instanceof ArchiveError) throw new InputError(`--against: ${error.message}`);
    throw error;
  }
}
