/**
 * A run's output folder: `run.json` (what the run is: inputs and the options that shape its
 * output), shards written atomically (to a temporary name, synced, renamed), and
 * `manifest.jsonl`, one line per finished shard with the documents in it and their sha256.
 * A shard counts as done only once its manifest line is complete; a run killed at any point
 * and started again redoes at most the shard it was writing, and writes the same bytes.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '../cli/command.js';
import type { RunStats } from './stats.js';

export const MANIFEST = 'manifest.jsonl';
export const RUN_FILE = 'run.json';
export const STATS_FILE = 'stats.json';
const TMP = '.tmp';

/** One finished shard as the manifest records it. */
export interface ShardEntry {
  shard: number;
  /** `[key, sha256]` of each document in the shard, in order (sha256 null: unreadable). */
  documents: [string, string | null][];
  /** `[id, signature]` of each article, dropped copies included (signature null: too short). */
  articles: [string, string | null][];
  stats: RunStats;
}

/** The files of one shard: JSON lines, each ending in a newline. */
export interface ShardFiles {
  articles: string;
  drops: string;
  editions?: string;
}

/**
 * A test seam, not a feature: `NEWSMEND_TEST_CRASH=<point>:<n>` kills the process (SIGKILL, as
 * `kill -9` would) at that point of writing the n-th shard (0-based), so a test can show a run
 * resumed from each moment gives the same output. Points: `written` (temporary files
 * written, not renamed), `renamed` (shard files in place, manifest line not written),
 * `manifest` (half the manifest line written). Not in any --help.
 */
export const CRASH_ENV = 'NEWSMEND_TEST_CRASH';
const CRASH = /^(written|renamed|manifest):(\d+)$/;

function crashAt(point: string, shard: number): void {
  const m = CRASH.exec(process.env[CRASH_ENV] ?? '');
  if (m && m[1] === point && Number(m[2]) === shard) process.kill(process.pid, 'SIGKILL');
}

export class RunOutput {
  constructor(
    readonly dir: string,
    private readonly gzip: boolean,
  ) {}

  /**
   * Open the folder for a run described by `identity`: a new folder is created; a folder of the
   * same run is resumed (its manifest read, stray temporary files removed); a folder holding
   * something else is refused.
   */
  open(identity: Record<string, unknown>): ShardEntry[] {
    mkdirSync(this.dir, { recursive: true });
    const runFile = join(this.dir, RUN_FILE);
    const wanted = `${JSON.stringify(identity, null, 2)}\n`;
    if (existsSync(runFile)) {
      if (readFileSync(runFile, 'utf8') !== wanted)
        throw new InputError(
          `${this.dir} holds a run with other inputs or options (see its ${RUN_FILE}); give another --out, or the same command to resume it`,
        );
    } else {
      if (readdirSync(this.dir).length > 0)
        throw new InputError(
          `${this.dir} is not empty and holds no run; give an empty or new folder`,
        );
      this.writeAtomically(RUN_FILE, wanted);
    }
    for (const name of readdirSync(this.dir)) if (name.endsWith(TMP)) rmSync(join(this.dir, name));
    return this.readManifest();
  }

  /** The finished shards, in order; a torn last line (a run killed mid-write) is ignored. */
  private readManifest(): ShardEntry[] {
    const path = join(this.dir, MANIFEST);
    if (!existsSync(path)) return [];
    const entries: ShardEntry[] = [];
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.endsWith('}')) continue;
      let entry: ShardEntry;
      try {
        entry = JSON.parse(line) as ShardEntry;
      } catch {
        continue;
      }
      if (entry.shard !== entries.length) break;
      entries.push(entry);
    }
    // Rewrite it whole: a torn line at the end would otherwise run into the next one.
    this.writeAtomically(MANIFEST, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    return entries;
  }

  fileName(kind: keyof ShardFiles, shard: number): string {
    return `${kind}-${String(shard).padStart(5, '0')}.jsonl${this.gzip ? '.gz' : ''}`;
  }

  /** Write a shard's files, then its manifest line: the shard is done when that line is. */
  writeShard(entry: ShardEntry, files: ShardFiles): void {
    const kinds = (Object.keys(files) as (keyof ShardFiles)[]).filter(
      (k) => files[k] !== undefined,
    );
    for (const kind of kinds) this.writeTemporary(this.fileName(kind, entry.shard), files[kind]!);
    crashAt('written', entry.shard);
    for (const kind of kinds) {
      const name = this.fileName(kind, entry.shard);
      renameSync(join(this.dir, name + TMP), join(this.dir, name));
    }
    this.syncFolder();
    crashAt('renamed', entry.shard);
    const line = `${JSON.stringify(entry)}\n`;
    const fd = openSync(join(this.dir, MANIFEST), 'a');
    try {
      if (CRASH.test(process.env[CRASH_ENV] ?? '')) {
        writeSync(fd, line.slice(0, line.length >> 1));
        crashAt('manifest', entry.shard);
        writeSync(fd, line.slice(line.length >> 1));
      } else writeSync(fd, line);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  writeAtomically(name: string, text: string): void {
    this.writeTemporary(name, text, false);
    renameSync(join(this.dir, name + TMP), join(this.dir, name));
    this.syncFolder();
  }

  private writeTemporary(name: string, text: string, compress = this.gzip): void {
    const bytes = compress ? gzipSync(text) : Buffer.from(text);
    const fd = openSync(join(this.dir, name + TMP), 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Make renames durable: a crash after this keeps them. */
  private syncFolder(): void {
    const fd = openSync(this.dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
