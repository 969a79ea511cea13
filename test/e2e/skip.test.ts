/**
 * Without a browser the reader's browser test is skipped and says why; where the browser is
 * required (`.ci/run` sets NEWSMEND_REQUIRE_BROWSER=1) a missing one fails the run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const BROWSER_TEST = join(ROOT, 'test/e2e/reader.test.ts');

function runBrowserTest(env: Record<string, string>) {
  const env0 = { ...process.env };
  delete env0.NEWSMEND_REQUIRE_BROWSER;
  // Set by the runner in its child processes; with it, a nested `--test` run does nothing.
  delete env0.NODE_TEST_CONTEXT;
  return spawnSync(process.execPath, ['--import', 'tsx', '--test', BROWSER_TEST], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...env0, NEWSMEND_CHROMIUM: join(ROOT, 'no-such-browser'), ...env },
  });
}

test('no browser: the browser test is skipped with its reason, and the run passes', () => {
  const run = runBrowserTest({});
  assert.equal(run.status, 0, run.stderr);
  const said = run.stdout + run.stderr;
  assert.match(said, /browser test skipped: .*no-such-browser is missing/u);
  assert.match(said, /apt-get install .*chromium fonts-noto-cjk/u);
  assert.match(run.stdout, /# skipped 4/u);
});

test('no browser where one is required: the run fails and says why', () => {
  const run = runBrowserTest({ NEWSMEND_REQUIRE_BROWSER: '1' });
  assert.notEqual(run.status, 0);
  assert.match(
    run.stdout + run.stderr,
    /no-such-browser is missing and NEWSMEND_REQUIRE_BROWSER=1/u,
  );
});
