/**
 * What `run` does with one document, in a worker: mend it and turn the Edition into the lines
 * the run writes — corpus records, drops, optionally the Edition itself — and the document's
 * counts for `stats.json`. Plain data in and out, so it crosses the thread boundary cheaply.
 */
import { InputError } from '../cli/command.js';
import { mendInput } from '../mend-input.js';
import { isPdf } from '../pdf/detect.js';
import { mendWith } from '../pipeline.js';
import { refusalOf } from '../model/refusal.js';
import type { Edition, LearnedFurniture } from '../model/types.js';
import { corpusRecords } from '../render/jsonl.js';
import { stagesFor } from '../cli/fault.js';
import { signature } from './dedup/minhash.js';
import { documentStats, failedStats, type RunStats } from './stats.js';
import type { DumpWindow } from './windows.js';

export interface DocumentTask {
  /** Where the document comes from: a path, or `path:line` for a record of a JSONL file. */
  key: string;
  name: string;
  input: Uint8Array | string;
  /** Fields of a JSONL record other than its text, carried into each article's metadata. */
  carried?: Record<string, unknown>;
  /** The byte range of a bigger dump this document is a window of. */
  window?: DumpWindow;
  editionDate?: string;
  /** Furniture learned over the document's source. */
  furniture?: LearnedFurniture;
  /** Also return the whole Edition. */
  editions: boolean;
}

/** One corpus record as a worker returns it: its JSON line and what dedup needs of it. */
export interface RecordOut {
  id: string;
  /** The record as one JSON line, without the newline. */
  json: string;
  /** Its MinHash signature (base64), or null when too short to be judged. */
  signature: string | null;
}

export interface DocumentResult {
  records: RecordOut[];
  /** JSON lines, each ending in a newline. */
  drops: string;
  edition: string;
  stats: RunStats;
  /** Set when the document was not mended: not a page dump, or a stage failed. */
  problem?: string;
}

/** A drop as the drops file writes it: which document, which stage and rule, why, what. */
export interface DropLine {
  doc: string;
  sha256?: string;
  stage: string;
  rule: string;
  reason: string;
  text?: string;
  /** For a dropped repeat: the source spans of the copy kept instead. */
  kept?: { start: number; end: number }[];
  /** For a copy of an earlier article of the run: its id, and their estimated Jaccard. */
  of?: string;
  jaccard?: number;
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/** A document dropped whole (unreadable, not a page dump, failed, a repeat of another input). */
export function wholeDrop(key: string, rule: string, reason: string, sha256?: string): DropLine {
  return { doc: key, ...(sha256 ? { sha256 } : {}), stage: 'input', rule, reason };
}

function dropsOf(key: string, edition: Edition): string {
  let out = '';
  for (const edit of edition.edits) {
    if (edit.action !== 'drop') continue;
    const drop: DropLine = {
      doc: key,
      stage: edit.stage,
      rule: edit.rule,
      reason: edit.reason,
      text: edit.text,
      ...(edit.kept ? { kept: edit.kept } : {}),
    };
    out += line(drop);
  }
  return out;
}

export async function processDocument(task: DocumentTask): Promise<DocumentResult> {
  const bytes = typeof task.input === 'string' ? new TextEncoder().encode(task.input) : task.input;
  const options = {
    name: task.name,
    ...(task.editionDate ? { editionDate: task.editionDate } : {}),
    ...(task.furniture ? { furniture: task.furniture } : {}),
  };
  let edition: Edition;
  try {
    edition = isPdf(bytes)
      ? await mendInput(bytes, options)
      : mendWith(stagesFor(bytes), bytes, options);
  } catch (error) {
    // A PDF that cannot be read (encrypted, damaged, no text layer) says why.
    if (error instanceof InputError) return failure(task.key, 'refused', error.message);
    const problem = `a stage failed: ${(error as Error)?.message ?? String(error)}`;
    return failure(task.key, 'failed', problem);
  }
  const refusal = refusalOf(edition);
  if (refusal) return failure(task.key, 'refused', refusal, edition.source.sha256);
  // As `ingest`: an edition a stage failed on is not a faithful reading; none of it is written.
  const failed = edition.messages.filter((m) => m.code === 'stage-failed');
  if (failed.length > 0)
    return failure(task.key, 'failed', failed.map((m) => m.text).join('; '), edition.source.sha256);
  return {
    records: corpusRecords(edition, {}, { input: task.carried, window: task.window }).map(
      (record) => {
        const sig = signature(record.text);
        return {
          id: record.id,
          json: JSON.stringify(record),
          signature: sig && Buffer.from(sig).toString('base64'),
        };
      },
    ),
    drops: dropsOf(task.key, edition),
    edition: task.editions ? line(edition) : '',
    stats: documentStats(edition),
  };
}

function failure(key: string, rule: string, problem: string, sha256?: string): DocumentResult {
  return {
    records: [],
    drops: line(wholeDrop(key, rule, problem, sha256)),
    edition: '',
    stats: failedStats(rule),
    problem,
  };
}
