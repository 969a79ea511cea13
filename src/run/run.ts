/**
 * `newsmend run`: mend a corpus on a pool of worker threads (piscina) into sharded JSONL.
 * Documents are read in a fixed order and given to the workers a few at a time; results are
 * taken back in that same order and cut into shards of `shardDocuments` documents (fewer when
 * their lines are many), so the output does not depend on which worker finished first — and a
 * run resumed after `kill -9` writes exactly what an uninterrupted run writes.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Piscina } from 'piscina';
import { InputError } from '../cli/command.js';
import { CrossDuplicates, DUPLICATE_JACCARD, type DedupMode } from './dedup/cross.js';
import { archiveState, seedFromArchive } from './dedup/against.js';
import { isPostgresUrl, redacted } from '../archive/backend.js';
import { wholeDrop, type DocumentResult, type DocumentTask } from './document.js';
import { writeShard, type Finished } from './shard.js';
import type { LearnedFurniture } from '../model/types.js';
import { FurnitureCounter, sourceOf, type FurnitureMode } from './furniture.js';
import {
  planInputs,
  readDocuments,
  type InputDocument,
  type InputPlan,
  type ReadOptions,
} from './inputs.js';
import { RunOutput, STATS_FILE, type ShardEntry } from './output.js';
import { addStats, emptyStats, failedStats, statsReport } from './stats.js';

export interface RunOptions {
  inputs: string[];
  out: string;
  workers: number;
  /** Documents per shard. */
  shardDocuments: number;
  /** The field holding a JSONL record's text. */
  textField: string;
  /** Also write each document's whole Edition. */
  editions: boolean;
  gzip: boolean;
  editionDate?: string;
  /** What to do with copies of a story seen earlier in the run (`dedup/cross.ts`). */
  dedup: DedupMode;
  /** An archive whose articles count as seen before the run's (`dedup/against.ts`). */
  against?: string;
  /** `learn`: count each source's furniture first (`furniture.ts`); `lexicon`: the lexicon only. */
  furniture: FurnitureMode;
  /** A dump bigger than this is mended window by window (`windows.ts`). */
  windowBytes: number;
}

export interface RunProgress {
  documents: number;
  /** Input bytes of the documents done, and of all inputs. */
  bytesDone: number;
  bytesTotal: number;
  articles: number;
}

export interface RunSummary {
  documents: number;
  /** Documents already done by an earlier, interrupted run of the same command. */
  resumed: number;
  mended: number;
  notMended: Record<string, number>;
  articles: number;
  shards: number;
}

export interface RunEvents {
  progress?: (p: RunProgress) => void;
  /** A document that was not mended, and why. */
  problem?: (key: string, problem: string) => void;
  /** Documents counted so far by the furniture pass. */
  learning?: (documents: number) => void;
}

/** Documents handed to the pool ahead of the one being written, per worker: keeps them busy. */
const AHEAD_PER_WORKER = 4;
/**
 * Tasks posted to a worker at once. A worker mends one document at a time; with a second
 * posted, it starts that as soon as the first is done instead of waiting for the main thread
 * to see the result and post the next (with one per worker, each of two workers sat idle
 * for about 0.8 s of a 6.5 s run of 1,167 pages, in a CPU profile).
 */
const TASKS_PER_WORKER = 2;
/**
 * A shard is also closed once the lines it holds reach this many characters (about 16 MB of
 * strings): a shard is held in memory until written, and a few windows of one big dump
 * (`windows.ts`) are few documents but many lines.
 */
const SHARD_MAX_CHARS = 8 * 2 ** 20;

/** Characters of the lines a document's result adds to its shard. */
function heldChars(result: DocumentResult): number {
  let n = result.drops.length + result.edition.length;
  for (const record of result.records) n += record.json.length;
  return n;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCE ? './worker.ts' : './worker.js', import.meta.url).href;

/** What makes two runs the same run: resuming is allowed only into a folder of the same one. */
async function identity(o: RunOptions): Promise<Record<string, unknown>> {
  return {
    tool: 'newsmend run',
    inputs: o.inputs,
    shardDocuments: o.shardDocuments,
    textField: o.textField,
    editions: o.editions,
    gzip: o.gzip,
    editionDate: o.editionDate ?? null,
    dedup: o.dedup,
    duplicateJaccard: DUPLICATE_JACCARD,
    furniture: o.furniture,
    windowBytes: o.windowBytes,
    against: o.against
      ? { path: againstPath(o.against), ...(await archiveState(o.against)) }
      : null,
  };
}

/** The archive `--against` names, as the manifest records it: a full path, or a URL without its password. */
function againstPath(target: string): string {
  return isPostgresUrl(target) ? redacted(target) : resolve(target);
}

const sha256 = (input: Uint8Array | string) => createHash('sha256').update(input).digest('hex');

/** A document handed out, its outcome decided here or by a worker. */
type Pending = {
  doc: InputDocument;
  sha: string | null;
  result: Promise<DocumentResult> | DocumentResult;
};

export async function runCorpus(o: RunOptions, events: RunEvents = {}): Promise<RunSummary> {
  const output = new RunOutput(o.out, o.gzip);
  const outDir = resolve(o.out);
  const plan = planInputs(o.inputs, (p) => resolve(p).startsWith(outDir + '/'));
  const done = output.open(await identity(o));
  const { total, duplicates } = await replay(o, done);
  // Started before the furniture pass, so the workers load their tables while it reads.
  const pool = new Piscina({
    filename: WORKER,
    minThreads: o.workers,
    maxThreads: o.workers,
    concurrentTasksPerWorker: TASKS_PER_WORKER,
  });
  let learned = new Map<string, LearnedFurniture>();
  const progress: RunProgress = {
    documents: 0,
    bytesDone: 0,
    bytesTotal: plan.totalBytes,
    articles: 0,
  };
  const summary: RunSummary = {
    documents: 0,
    resumed: 0,
    mended: 0,
    notMended: {},
    articles: 0,
    shards: done.length,
  };
  try {
    if (o.furniture === 'learn') learned = learnFurniture(plan, o, events);
    const firstOf = new Map<string, string>();
    const documents = readDocuments(plan, o);
    skipDone(documents, done, firstOf, progress, summary);
    let shard: Finished[] = [];
    let shardChars = 0;
    const queue: Pending[] = [];
    const ahead = o.workers * AHEAD_PER_WORKER;
    // Results are taken in input order, whichever worker finished first.
    const takeOldest = async () => {
      const { doc, sha, result } = queue.shift()!;
      const finished: Finished = { key: doc.key, sha, result: await result };
      if (finished.result.problem) events.problem?.(doc.key, finished.result.problem);
      progress.documents++;
      progress.bytesDone += doc.bytes;
      progress.articles += finished.result.stats.articles;
      events.progress?.(progress);
      shard.push(finished);
      shardChars += heldChars(finished.result);
      if (shard.length === o.shardDocuments || shardChars >= SHARD_MAX_CHARS) {
        writeShard(output, shard, summary.shards++, o.editions, total, duplicates);
        shard = [];
        shardChars = 0;
      }
    };
    for (const doc of documents) {
      queue.push(start(pool, doc, firstOf, o, learned.get(sourceOf(doc))));
      if (queue.length >= ahead) await takeOldest();
    }
    while (queue.length > 0) await takeOldest();
    if (shard.length > 0)
      writeShard(output, shard, summary.shards++, o.editions, total, duplicates);
  } finally {
    await pool.destroy();
  }
  const report = statsReport(total, {
    shards: summary.shards,
    learnedFurniture: [...learned.values()],
  });
  output.writeAtomically(STATS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  return {
    ...summary,
    documents: total.documents,
    mended: total.mended,
    notMended: total.notMended,
    articles: total.articles,
  };
}

/**
 * The state the finished shards of an earlier run left: their counts, and the duplicate index
 * (the archive's articles first, then the shards' in order: the decisions come out the same).
 */
async function replay(o: RunOptions, done: readonly ShardEntry[]) {
  const total = emptyStats();
  const duplicates = new CrossDuplicates(o.dedup);
  if (o.against && o.dedup !== 'off') await seedFromArchive(o.against, duplicates);
  for (const entry of done) {
    addStats(total, entry.stats);
    for (const [id, sig] of entry.articles) duplicates.judge(id, sig);
  }
  return { total, duplicates };
}

/** The first pass: every document read once to count each source's furniture. */
function learnFurniture(
  plan: InputPlan,
  read: ReadOptions,
  events: RunEvents,
): Map<string, LearnedFurniture> {
  const counter = new FurnitureCounter();
  let n = 0;
  for (const doc of readDocuments(plan, read)) {
    counter.add(doc);
    events.learning?.(++n);
  }
  return counter.learned();
}

/**
 * Pass over the documents an earlier run finished, checking each is the same document (same
 * key, same sha256) and remembering its hash for repeated inputs.
 */
function skipDone(
  documents: Generator<InputDocument>,
  done: readonly ShardEntry[],
  firstOf: Map<string, string>,
  progress: RunProgress,
  summary: RunSummary,
): void {
  for (const entry of done)
    for (const [key, sha] of entry.documents) {
      const next = documents.next();
      const doc = next.done ? undefined : next.value;
      const now = doc?.input === undefined ? null : sha256(doc.input);
      if (!doc || doc.key !== key || now !== sha)
        throw new InputError(
          `the inputs changed since this run began: ${doc ? `${doc.key} is` : 'no document is'} where ${key} was; give another --out`,
        );
      if (sha && !firstOf.has(sha)) firstOf.set(sha, key);
      progress.documents++;
      progress.bytesDone += doc.bytes;
      summary.resumed++;
    }
}

/** Decide here what needs no mending (unreadable, a repeat); hand the rest to the pool. */
function start(
  pool: Piscina,
  doc: InputDocument,
  firstOf: Map<string, string>,
  o: RunOptions,
  furniture: LearnedFurniture | undefined,
): Pending {
  if (doc.input === undefined)
    return {
      doc,
      sha: null,
      result: notMended(doc.key, 'unreadable', doc.problem ?? 'cannot be read'),
    };
  const sha = sha256(doc.input);
  const first = firstOf.get(sha);
  if (first !== undefined)
    return {
      doc,
      sha,
      result: notMended(doc.key, 'repeated-input', `the same bytes as ${first}`, sha),
    };
  firstOf.set(sha, doc.key);
  const task: DocumentTask = {
    key: doc.key,
    name: doc.name,
    input: doc.input,
    ...(doc.carried ? { carried: doc.carried } : {}),
    ...(doc.window ? { window: doc.window } : {}),
    ...(o.editionDate ? { editionDate: o.editionDate } : {}),
    ...(furniture ? { furniture } : {}),
    editions: o.editions,
  };
  // A worker that dies (out of memory, a native crash) fails its document, not the run.
  const result = (pool.run(task) as Promise<DocumentResult>).catch((error: unknown) =>
    notMended(
      doc.key,
      'failed',
      `the worker failed: ${(error as Error)?.message ?? String(error)}`,
      sha,
    ),
  );
  return { doc, sha, result };
}

function notMended(key: string, rule: string, problem: string, sha?: string): DocumentResult {
  return {
    records: [],
    drops: `${JSON.stringify(wholeDrop(key, rule, problem, sha))}\n`,
    edition: '',
    stats: failedStats(rule),
    problem,
  };
}
