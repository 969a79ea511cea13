/** The invariants every mended edition must satisfy, shared by the property tests. */
import assert from 'node:assert/strict';
import { decode, mend, rebuild, verifyCoverage, type MendOptions } from '../../src/index.js';

/** Codes the finalizer emits when a stage lost track of text: each one is a pipeline bug. */
const BUG_CODES = ['coverage-overlap', 'unaccounted-text'];

/** Mend `input` and check: covered exactly once, rebuilds the decoded text, deterministic. */
export function checkMend(input: string | Uint8Array, options: MendOptions = {}): void {
  const edition = mend(input, options);
  assert.deepEqual(verifyCoverage(edition), [], 'coverage problems');
  assert.equal(rebuild(edition), decode(input, options.encoding).text, 'rebuild differs');
  const overlap = edition.messages.filter((m) => m.code === 'coverage-overlap');
  assert.deepEqual(overlap, [], 'pipeline holds some text twice');
  assert.equal(JSON.stringify(mend(input, options)), JSON.stringify(edition), 'not deterministic');
}

/**
 * Stricter: no stage lost track of any text. The finalizer rescues such text into the residue
 * (so rebuild still holds) and reports `unaccounted-text`; each report is a stage bug.
 */
export function checkAllPlaced(input: string | Uint8Array): void {
  const bugs = mend(input).messages.filter((m) => BUG_CODES.includes(m.code));
  assert.deepEqual(bugs, [], 'a stage lost track of text');
}

/** Seed for every property run: fixed for reproducibility, overridable to explore. */
export const SEED = Number(process.env.NEWSMEND_SEED ?? 20250509);
/** Runs per property: enough to hit the edge cases, bounded so the suite stays quick. */
export const NUM_RUNS = Number(process.env.NEWSMEND_RUNS ?? 200);

/** fast-check parameters; on failure fast-check prints the seed and path to replay it. */
export const params = (runs = NUM_RUNS) => ({ seed: SEED, numRuns: runs, endOnFailure: true });
