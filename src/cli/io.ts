import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { InputError } from './command.js';

/** Largest input read in one go; beyond this a dump is surely not one page and should be split. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Read a file, or standard input for '-', as bytes; unreadable input is an InputError. */
export function readInput(path: string): Uint8Array {
  try {
    if (path === '-') return new Uint8Array(readFileSync(0));
    const stat = statSync(path);
    if (stat.isDirectory())
      throw new InputError(
        `${path} is a directory; give a file (or use 'newsmend ingest' for folders)`,
      );
    if (stat.size > MAX_INPUT_BYTES)
      throw new InputError(`${path} is ${stat.size} bytes; the limit is ${MAX_INPUT_BYTES}`);
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot read ${path}: no such file`);
    if (code === 'EACCES') throw new InputError(`cannot read ${path}: permission denied`);
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/**
 * Write output to a file, or to standard output when no path is given. Output given in pieces
 * is written piece by piece, so it never has to fit in one string.
 */
export function writeOutput(output: string | Iterable<string>, path?: string): void {
  const pieces = typeof output === 'string' ? [output] : output;
  if (!path || path === '-') {
    for (const piece of pieces) process.stdout.write(piece);
    return;
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    for (const piece of pieces) writeSync(fd, piece);
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
