/**
 * The documents of a run, in a fixed order: files as named, folders walked (sorted), patterns
 * expanded; a `.gz` file is a gzipped dump; a `.jsonl`/`.ndjson` file (gzipped or not) holds one
 * document per line, its text in `--text-field`. The same inputs always give the same documents
 * in the same order: shards and resuming rest on it.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { collectFiles, type PathProblem } from '../archive/files.js';
import { InputError } from '../cli/command.js';
import { readInput } from '../cli/io.js';
import { globMatcher, globRoot, isGlob } from './glob.js';
import {
  cuttable,
  readWindows,
  UTF16_SAMPLE_BYTES,
  windowsOf,
  type DumpWindow,
} from './windows.js';

export interface InputDocument {
  /**
   * The path; `path:line` for a record of a JSONL file; `path#start-end` (bytes) for a window
   * of a dump too big to mend at once (`windows.ts`).
   */
  key: string;
  name: string;
  /** The document's text or bytes; absent when it cannot be read (`problem` says why). */
  input?: Uint8Array | string;
  problem?: string;
  /** Fields of a JSONL record other than its text. */
  carried?: Record<string, unknown>;
  /** Its share of the input bytes (for progress). */
  bytes: number;
  /** Set when the document is one window of a bigger dump. */
  window?: DumpWindow;
}

export interface InputPlan {
  files: string[];
  problems: PathProblem[];
  /** Bytes of all files (standard input counts 0 until read). */
  totalBytes: number;
}

const JSONL = /\.(jsonl|ndjson)(\.gz)?$/i;
const GZIP = /\.gz$/i;

/** The files a run reads, and the inputs that name nothing readable. */
export function planInputs(inputs: string[], skip: (path: string) => boolean): InputPlan {
  const files: string[] = [];
  const problems: PathProblem[] = [];
  for (const input of inputs) {
    if (!isGlob(input)) {
      const got = collectFiles([input], skip);
      files.push(...got.files);
      problems.push(...got.problems);
      continue;
    }
    const matches = globMatcher(input);
    const got = collectFiles([globRoot(input)], (p) => skip(p) || !matches(p));
    if (got.files.length === 0) problems.push({ path: input, reason: 'no file matches' });
    files.push(...got.files);
  }
  let totalBytes = 0;
  for (const f of files) if (f !== '-') totalBytes += sizeOf(f);
  return { files, problems, totalBytes };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** How documents are read out of the files: the JSONL text field, the window size of big dumps. */
export interface ReadOptions {
  textField: string;
  windowBytes: number;
}

/** Every document of the plan, in order; unreadable inputs are documents with a problem. */
export function* readDocuments(plan: InputPlan, read: ReadOptions): Generator<InputDocument> {
  for (const p of plan.problems)
    yield { key: p.path, name: basename(p.path), problem: p.reason, bytes: 0 };
  for (const path of plan.files) yield* fileDocuments(path, read);
}

function fileDocuments(
  path: string,
  read: ReadOptions,
): Generator<InputDocument> | InputDocument[] {
  const name = path === '-' ? 'stdin' : basename(path);
  if (path !== '-' && !GZIP.test(path) && !JSONL.test(path) && sizeOf(path) > read.windowBytes)
    return bigDumpDocuments(path, name, read.windowBytes);
  let bytes: Uint8Array;
  try {
    bytes = readInput(path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return [{ key: path, name, problem: error.message, bytes: 0 }];
  }
  const size = bytes.length;
  if (GZIP.test(path)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      const problem = `not a gzip file: ${(error as Error).message}`;
      return [{ key: path, name, problem, bytes: size }];
    }
  }
  if (!JSONL.test(path)) return dumpDocuments(path, name, bytes, size, read.windowBytes);
  return jsonlDocuments(path, name, bytes, size, read.textField);
}

/** A dump file: one document, or one per window when it is too big to mend at once. */
function dumpDocuments(
  path: string,
  name: string,
  bytes: Uint8Array,
  size: number,
  windowBytes: number,
): InputDocument[] {
  const windows = windowsOf(bytes, windowBytes);
  if (windows.length === 1) return [{ key: path, name, input: bytes, bytes: size }];
  return windows.map((window) => ({
    key: `${path}#${window.start}-${window.end}`,
    name: `${name}#${window.index + 1}`,
    input: bytes.subarray(window.start, window.end),
    bytes: (size * (window.end - window.start)) / bytes.length,
    window,
  }));
}

/**
 * A plain dump file bigger than a window, read window by window (only about a window held at a
 * time, and no size limit); a UTF-16 one is read whole, as one document.
 */
function* bigDumpDocuments(
  path: string,
  name: string,
  windowBytes: number,
): Generator<InputDocument> {
  // Read whole, as one document: a file that cannot be opened (for its error message) or UTF-16.
  const whole = () => fileDocuments(path, { textField: '', windowBytes: Infinity });
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    yield* whole();
    return;
  }
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, UTF16_SAMPLE_BYTES));
    readSync(fd, head, 0, head.length, 0);
    if (!cuttable(head)) {
      yield* whole();
      return;
    }
    for (const { window, bytes } of readWindows(fd, size, windowBytes))
      yield {
        key: `${path}#${window.start}-${window.end}`,
        name: `${name}#${window.index + 1}`,
        input: bytes,
        bytes: bytes.length,
        window,
      };
  } finally {
    closeSync(fd);
  }
}

function* jsonlDocuments(
  path: string,
  name: string,
  bytes: Uint8Array,
  size: number,
  textField: string,
): Generator<InputDocument> {
  const lines = new TextDecoder().decode(bytes).split('\n');
  const share = size / Math.max(1, lines.length);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim();
    if (text === '') continue;
    const key = `${path}:${i + 1}`;
    const doc = { key, name: `${name}:${i + 1}`, bytes: share };
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      yield { ...doc, problem: 'not a JSON line' };
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      yield { ...doc, problem: 'not a JSON object' };
      continue;
    }
    const { [textField]: value, ...carried } = record as Record<string, unknown>;
    if (typeof value !== 'string') {
      yield { ...doc, problem: `no text field "${textField}" (a string)` };
      continue;
    }
    yield { ...doc, input: value, carried };
  }
}
