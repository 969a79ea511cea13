import type { RunOptions } from './run.js';
import { WINDOW_BYTES } from './windows.js';

/**
 * What a run does unless told otherwise: shards of a few thousand articles (a few MB
 * gzipped), JSONL text in `text`, copies marked, furniture learned, big dumps cut in 512 KiB windows.
 */
export const RUN_DEFAULTS = {
  shardDocuments: 1000,
  textField: 'text',
  editions: false,
  gzip: true,
  dedup: 'mark',
  furniture: 'learn',
  windowBytes: WINDOW_BYTES,
} as const satisfies Partial<RunOptions>;
