import { decode } from '../decode/index.js';
import { rebuild } from '../model/rebuild.js';
import type { Edition, MendOptions } from '../model/types.js';
import { mend } from '../pipeline.js';
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

export interface IngestResult extends StoreResult {
  name: string;
  edition: Edition;
}

/** Mend one dump and store it (idempotent: a source already stored is skipped). */
export function ingestBytes(db: Db, bytes: Uint8Array, options: MendOptions): IngestResult {
  const edition = mend(bytes, options);
  const stored = storeEdition(db, { edition, text: sourceText(edition, bytes), raw: bytes });
  return { ...stored, name: edition.source.name, edition };
}
