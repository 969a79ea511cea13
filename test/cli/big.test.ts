/**
 * Big inputs through the real CLI: they must finish, exit 0 and rebuild. The 50 MB case is slow
 * on the current pipeline (see the todo reason) and runs only with NEWSMEND_BIG=1; a 5 MB page
 * run always does. Files are generated in os.tmpdir() at test time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { bigDump, fixtureDir, longLine } from '../fixtures/bad/make.js';
import { assertClean, assertRebuilds } from './expect.js';
import { newsmend } from './run.js';

const files = fixtureDir();
after(files.cleanup);
const MB = 1e6;
/** Generous ceiling so a hung pipeline fails instead of blocking CI; not a speed check. */
const TIMEOUT_MS = 15 * 60 * 1000;
const SLOW_50MB =
  'mend of a 50 MB dump takes ~70–110 s (rejoin ~55 s: findBridge scans ±200k chars per seam; dateline ~17 s); run with NEWSMEND_BIG=1';

/** Mend a generated file to JSON via -o, then check it rebuilds the input. */
async function mendBig(name: string, bytes: Uint8Array): Promise<void> {
  const input = files.write(name, bytes);
  const output = `${input}.json`;
  const run = await newsmend(['mend', input, '--format', 'json', '-o', output]);
  assertClean(run, 0);
  assert.doesNotMatch(run.stderr, /coverage-overlap/u, run.stderr);
  assertRebuilds(readFileSync(output, 'utf8'), bytes);
}

test('a 5 MB dump finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
  mendBig('5mb.txt', bigDump(5 * MB)),
);

test('one 10 MB line finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
  mendBig('line.txt', longLine(10 * MB)),
);

if (process.env.NEWSMEND_BIG)
  test('a 50 MB dump finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
    mendBig('50mb.txt', bigDump(50 * MB)),
  );
else test('a 50 MB dump finishes and rebuilds', { todo: SLOW_50MB });
