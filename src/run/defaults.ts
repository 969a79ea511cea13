import type { RunOptions } from './run.js';

/**
 * What a run does unless told otherwise: shards of a few thousand articles (a few MB
 * gzipped), JSONL text in `text`, copies marked, furniture learned.
 */
export const RUN_DEFAULTS = {
  shardDocuments: 1000,
  textField: 'text',
  editions: false,
  gzip: true,
  dedup: 'mark',
  furniture: 'learn',
} as const satisfies Partial<RunOptions>;
