import { createHash } from 'node:crypto';
import { decode } from '../decode/index.js';
import { refusalOf } from '../model/refusal.js';
import { rebuild } from '../model/rebuild.js';
import type { Edition, MendOptions } from '../model/types.js';
import { InputError } from '../cli/command.js';
import { mendInput } from '../mend-input.js';
import { isPdf } from '../pdf/detect.js';
import { mendWith, STAGES } from '../pipeline.js';
import type { Stage } from '../stages/stage.js';
import type { Db } from './db.js';
import type { StoreInput, StoreResult } from './store.js';
import { sqliteArchive, type Archive } from './backend.js';

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
  /** The edition just mended; absent when the source was already stored and not mended again. */
  edition?: Edition;
}

/**
 * A dump that was not stored: it is not a page (binary, empty), or mending it failed (run ingest
 * again once that is fixed).
 */
export interface IngestFailure {
  status: 'failed';
  name: string;
  /** What failed, for the user: the refusal or the failing stages' messages. */
  problem: string;
  /** The input is no page dump (binary, empty): the same bytes will always be refused. */
  refused?: true;
  edition?: Edition;
}

export type IngestResult = IngestStored | IngestFailure;

/**
 * Mend one dump and store it, into any archive (SQLite or PostgreSQL). Idempotent: a source
 * already stored, by the sha256 of its bytes, is found before any mending and skipped. A PDF is
 * read with its layout (src/pdf/); one that cannot be read (encrypted, damaged, no text layer)
 * is refused with why, as is input that is no page dump (binary data, no text). A dump on which
 * a stage failed is not stored — stored, it would be skipped as already present once the bug
 * is fixed — and is returned as a failure, so a batch goes on with the next file.
 */
export async function ingestInto(
  archive: Archive,
  bytes: Uint8Array,
  options: MendOptions,
  stages: readonly Stage[] = STAGES,
  onBusy?: (waited: number) => void,
): Promise<IngestResult> {
  const name = options.name ?? 'input';
  const stored = await archive.storedSource(createHash('sha256').update(bytes).digest('hex'));
  if (stored) return { ...stored, name };
  let edition: Edition;
  try {
    edition = isPdf(bytes) ? await mendInput(bytes, options) : mendWith(stages, bytes, options);
  } catch (error) {
    return mendingFailed(name, error);
  }
  const checked = storable(name, edition, bytes);
  if ('status' in checked) return checked;
  const result = await archive.store(checked, onBusy);
  return { ...result, name: edition.source.name, edition };
}

/** `ingestInto` an open SQLite archive. */
export function ingestInput(
  db: Db,
  bytes: Uint8Array,
  options: MendOptions,
  stages: readonly Stage[] = STAGES,
  onBusy?: (waited: number) => void,
): Promise<IngestResult> {
  return ingestInto(sqliteArchive(db), bytes, options, stages, onBusy);
}

/** A mend that threw: refused when the input cannot be read (InputError), else failed. */
function mendingFailed(name: string, error: unknown): IngestFailure {
  if (error instanceof InputError)
    return { status: 'failed', name, problem: error.message, refused: true };
  return { status: 'failed', name, problem: `mending failed: ${(error as Error)?.message}` };
}

/** What to store of a mended Edition, or why not: it was refused, or a stage failed on it. */
function storable(name: string, edition: Edition, bytes: Uint8Array): StoreInput | IngestFailure {
  const refusal = refusalOf(edition);
  if (refusal) return { status: 'failed', name, problem: refusal, refused: true, edition };
  const failures = edition.messages.filter((m) => m.code === 'stage-failed');
  if (failures.length > 0)
    return { status: 'failed', name, problem: failures.map((m) => m.text).join('; '), edition };
  return { edition, text: sourceText(edition, bytes), raw: bytes };
}
