/**
 * The documents of a run, in a fixed order: files as named, folders walked (sorted), patterns
 * expanded; a `.gz` file is a gzipped dump; a `.jsonl`/`.ndjson` file (gzipped or not) holds one
 * document per line, its text in `--text-field`. The same inputs always give the same documents
 * in the same order: shards and resuming rest on it.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { collectFiles, type PathProblem } from '../archive/files.js';
import { InputError } from '../cli/command.js';
import { readInput } from '../cli/io.js';
import { globMatcher, globRoot, isGlob } from './glob.js';

export interface InputDocument {
  /** The path, or `path:line` for a record of a JSONL file. */
  key: string;
  name: string;
  /** The document's text or bytes; absent when it cannot be read (`problem` says why). */
  input?: Uint8Array | string;
  problem?: string;
  /** Fields of a JSONL record other than its text. */
  carried?: Record<string, unknown>;
  /** Its share of the input bytes (for progress). */
  bytes: number;
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

/** Every document of the plan, in order; unreadable inputs are documents with a problem. */
export function* readDocuments(plan: InputPlan, textField: string): Generator<InputDocument> {
  for (const p of plan.problems)
    yield { key: p.path, name: basename(p.path), problem: p.reason, bytes: 0 };
  for (const path of plan.files) yield* fileDocuments(path, textField);
}

function fileDocuments(
  path: string,
  textField: string,
): Generator<InputDocument> | InputDocument[] {
  const name = path === '-' ? 'stdin' : basename(path);
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
  if (!JSONL.test(path)) return [{ key: path, name, input: bytes, bytes: size }];
  return jsonlDocuments(path, name, bytes, size, textField);
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
