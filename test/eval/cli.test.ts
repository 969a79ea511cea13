import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean } from '../cli/expect.js';
import { newsmend } from '../cli/run.js';

// Refusals happen before any page is made, so these runs are quick.
describe('eval and synth keep test pages in aggregate', () => {
  for (const args of [
    ['eval', '--verbose'],
    ['eval', '--split', 'test', '--verbose'],
    ['eval', '--split', 'cross', '-v'],
    ['eval', '--split', 'fit', '--split', 'test-other', '--verbose'],
  ])
    it(`refuses ${args.join(' ')}`, async () => {
      const run = await newsmend(args);
      assertClean(run, 2);
      assert.match(run.stderr, /read in aggregate only/u);
      assert.match(run.stderr, /--split fit/u);
    });

  it('refuses to write test pages out', async () => {
    const run = await newsmend(['synth', '--split', 'test', '--out', '/tmp/x']);
    assertClean(run, 2);
    assert.match(run.stderr, /aggregate only/u);
  });

  it('refuses a narrowed gate', async () => {
    const run = await newsmend(['eval', '--gate', '--seed', '3']);
    assertClean(run, 2);
    assert.match(run.stderr, /whole protocol/u);
  });
});
