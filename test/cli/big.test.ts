/**
 * Big inputs through the real CLI: they must finish, exit 0 and rebuild. Files are generated
 * in os.tmpdir() at test time. (Speed is measured by `npm run bench`, not here.)
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

test('a 50 MB dump finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
  mendBig('50mb.txt', bigDump(50 * MB)),
);
