/** Mend a generated big file through the real CLI and check it rebuilds the input. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { fixtureDir } from '../fixtures/bad/make.js';
import { assertClean, assertRebuilds } from './expect.js';
import { newsmend } from './run.js';

/** Generous ceiling so a hung pipeline fails instead of blocking CI; not a speed check. */
export const TIMEOUT_MS = 15 * 60 * 1000;

/** Mend `bytes` (written as `name`) to JSON via -o, then check it rebuilds the input. */
export async function mendBig(
  files: ReturnType<typeof fixtureDir>,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  const input = files.write(name, bytes);
  const output = `${input}.json`;
  const run = await newsmend(['mend', input, '--format', 'json', '-o', output]);
  assertClean(run, 0);
  assert.doesNotMatch(run.stderr, /coverage-overlap/u, run.stderr);
  assertRebuilds(readFileSync(output, 'utf8'), bytes);
}
