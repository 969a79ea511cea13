/**
 * The fuzz campaign (`npm run fuzz`, scripts/fuzz/) in small: a few hundred cases must pass
 * every check, and each check must catch a mend that breaks its invariant.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import type { MendFn } from '../../scripts/fuzz/checks.js';
import { decode, mend } from '../../src/index.js';
import { parseFuzzArgs, UsageError } from '../../scripts/fuzz/args.js';
import { runCampaign } from '../../scripts/fuzz/campaign.js';
import { makeCase } from '../../scripts/fuzz/inputs.js';
import { FailureWriter } from '../../scripts/fuzz/report.js';
import { ROOT } from '../helpers.js';

/** Cases in the suite: every generator and form shows up, and it takes a few seconds. */
const CASES = 300;
const FUZZ_SEED = 20250509;
/** Cases run against each deliberately broken mend: enough to hit pages with articles. */
const BROKEN_CASES = 20;

test(`${CASES} fuzz cases pass every check`, () => {
  const report = runCampaign({ n: CASES, seed: FUZZ_SEED });
  assert.equal(report.cases, CASES);
  assert.deepEqual(
    Object.entries(report.counts).filter(([, n]) => n > 0),
    [],
    'failing counters',
  );
  assert.ok(report.determinismChecked >= CASES / 10, 'determinism checked on a sample');
  assert.ok(Object.keys(report.kinds).length >= 12, `kinds: ${Object.keys(report.kinds)}`);
  assert.ok(Object.keys(report.forms).length >= 10, `forms: ${Object.keys(report.forms)}`);
});

test('a case is a pure function of seed and index', () => {
  assert.deepEqual(makeCase(3, 41), makeCase(3, 41));
  assert.notDeepEqual(makeCase(3, 41).input, makeCase(4, 41).input);
});

/** Campaign counts with a broken mend in place of the real one. */
const countsWith = (broken: MendFn) =>
  runCampaign({ n: BROKEN_CASES, seed: FUZZ_SEED, mend: broken, determinismEvery: 2 }).counts;

test('a mend that drops a character is counted as a rebuild mismatch', () => {
  const dropsOne: MendFn = (input, options) =>
    mend(decode(input, options.encoding).text.slice(1), options);
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-fuzz-test-'));
  try {
    const writer = new FailureWriter(dir);
    const report = runCampaign({
      n: BROKEN_CASES,
      seed: FUZZ_SEED,
      mend: dropsOne,
      onFailure: (c, r) => writer.save(c, r),
    });
    assert.ok(report.counts.rebuildMismatches > 0, 'mismatches counted');
    assert.equal(report.counts.throws, 0);
    assert.equal(writer.written, report.failedCases);
    const files = readdirSync(dir);
    assert.ok(files.some((f) => f.endsWith('.json')) && files.length === 2 * writer.written);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a mend that retypes a headline is counted as non-source text', () => {
  const retypes: MendFn = (input, options) => {
    const edition = mend(input, options);
    for (const a of edition.articles) if (a.headline) a.headline = `【${a.headline}】`;
    return edition;
  };
  const counts = countsWith(retypes);
  assert.ok(counts.nonSource > 0, 'non-source counted');
  assert.equal(counts.rebuildMismatches, 0);
});

test('a mend that throws, or answers differently twice, is counted', () => {
  const throws = countsWith(() => {
    throw new Error('boom');
  });
  assert.equal(throws.throws, BROKEN_CASES);
  let calls = 0;
  const counts = countsWith((input, options) => {
    const edition = mend(input, options);
    edition.source.name = `call ${calls++}`;
    return edition;
  });
  assert.equal(counts.nondeterminism, BROKEN_CASES / 2);
});

test('bad flags are usage errors, exit 2', () => {
  for (const argv of [['--n', '0'], ['--n', 'many'], ['--seed', '-1'], ['--bogus'], ['x']])
    assert.throws(() => parseFuzzArgs(argv), UsageError, argv.join(' '));
  assert.equal(parseFuzzArgs(['--seed', '7']).out, join(tmpdir(), 'newsmend-fuzz-7'));
  assert.deepEqual(parseFuzzArgs(['--case', '4,9']).only, [4, 9]);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz.ts', '--n', '-3'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /--help/u);
});
