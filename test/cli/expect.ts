/** Assertions shared by the CLI tests. */
import assert from 'node:assert/strict';
import { decode, rebuild, verifyCoverage, type Edition } from '../../src/index.js';
import { STACK_TRACE, type Run } from './run.js';

/** The user saw no stack trace and no internal error, and got the expected exit code. */
export function assertClean(run: Run, code: number): void {
  assert.doesNotMatch(run.stderr, STACK_TRACE, `stack trace on stderr:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /internal error/u, run.stderr);
  assert.equal(run.code, code, `exit code ${run.code}, stderr:\n${run.stderr}`);
}

/** The JSON edition printed accounts for every character of the decoded input. */
export function assertRebuilds(json: string, input: Uint8Array, encoding?: string): Edition {
  const edition = JSON.parse(json) as Edition;
  assert.deepEqual(verifyCoverage(edition), []);
  assert.equal(rebuild(edition), decode(input, encoding).text, 'rebuild differs from the input');
  return edition;
}

export const codes = (edition: Edition): string[] => edition.messages.map((m) => m.code);
