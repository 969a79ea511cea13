/**
 * `run --against <archive>`: the articles already in an archive (an SQLite file or a
 * PostgreSQL URL) join the duplicate index before the run's own, in the order they were
 * stored, so a story the archive holds is a copy when the run meets it again (`of` names the
 * archived article's record id, whose first 12 hex digits are its source's sha256).
 */
import { ArchiveError, openArchiveAt, type Archive } from '../../archive/backend.js';
import { InputError } from '../../cli/command.js';
import { corpusRecords } from '../../render/jsonl.js';
import { signature } from './minhash.js';
import type { CrossDuplicates } from './cross.js';

/** What identifies the archive's content for a resumed run: its editions, counted and last. */
export async function archiveState(
  target: string,
): Promise<{ editions: number; lastEdition: number }> {
  const archive = await open(target);
  try {
    const ids = await archive.editionIds();
    return { editions: ids.length, lastEdition: ids.at(-1) ?? 0 };
  } finally {
    await archive.close();
  }
}

/** Every article of the archive into the index; returns how many were judged. */
export async function seedFromArchive(
  target: string,
  duplicates: CrossDuplicates,
): Promise<number> {
  const archive = await open(target);
  let seeded = 0;
  try {
    for (const id of await archive.editionIds()) {
      const { edition } = (await archive.getEdition(id))!;
      for (const record of corpusRecords(edition)) {
        const sig = signature(record.text);
        if (!sig) continue;
        duplicates.judge(record.id, Buffer.from(sig).toString('base64'));
        seeded++;
      }
    }
  } finally {
    await archive.close();
  }
  return seeded;
}

async function open(target: string): Promise<Archive> {
  try {
    return await openArchiveAt(target, 'read');
  } catch (error) {
    if (error instanceof ArchiveError) throw new InputError(`--against: ${error.message}`);
    throw error;
  }
}
