import { decode } from '../decode/index.js';
import { rebuild } from '../model/rebuild.js';
import type { Edition, MendOptions } from '../model/types.js';
import { mendWith, STAGES } from '../pipeline.js';
import type { Stage } from '../stages/stage.js';
import type { Db } from './db.js';
import { storeEdition, type StoreResult } from './store.js';

/** The decoded source text of an edition: rebuilt from it, or decoded again if it cannot be. */
function sourceText(edition: Edition, bytes: Uint8Array): string {
  try {
    return rebuild(edition);
  } catch {
    return decode(bytes, edition.options.encoding).text;
  }
}

export interface IngestStored extends StoreResult {
  name: string;
  edition: Edition;
}

/** A dump that was not stored because mending it failed: run ingest again once it is fixed. */
export interface IngestFailure {
  status: 'failed';
  name: string;
  /** What failed, for the user: the failing stages' messages. */
  problem: string;
  edition?: Edition;
}

export type IngestResult = IngestStored | IngestFailure;

/**
 * Mend one dump and store it (idempotent: a source already stored is skipped). A dump on which
 * a stage failed is not stored — stored, it would be skipped as already present once the bug
 * is fixed — and is returned as a failure, so a batch goes on with the next file.
 */
export function ingestBytes(
  db: Db,
  bytes: Uint8Array,
  options: MendOptions,
  stages: readonly Stage[] = STAGES,
): IngestResult {
  const name = options.name ?? 'input';
  let edition: Edition;
  try {
    edition = mendWith(stages, bytes, options);
  } catch (error) {
    return { status: 'failed', name, problem: `mending failed: ${(error as Error)?.message}` };
  }
  const failures = edition.messages.filter((m) => m.code === 'stage-failed');
  if (failures.length > 0)
    return { status: 'failed', name, problem: failures.map((m) => m.text).join('; '), edition };
  const stored = storeEdition(db, { edition, text: sourceText(edition, bytes), raw: bytes });
  return { ...stored, name: edition.source.name, edition };
}
