import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { devCases } from '../../src/eval/dev.js';
import { sharedEvalDir } from '../../src/eval/paths.js';

// Reads ../shared/eval when present; skips cleanly in a fresh clone without it.
const shared = sharedEvalDir();

describe(
  'dev set (needs ../shared/eval)',
  { skip: shared ? false : '../shared/eval not found' },
  () => {
    it('builds 60–120 synthetic pages deterministically, plus the real cases', () => {
      const a = devCases(shared!);
      const b = devCases(shared!);
      const synthetic = a.filter((c) => c.set === 'synthetic');
      assert.ok(synthetic.length >= 60 && synthetic.length <= 120, `${synthetic.length} pages`);
      assert.ok(a.some((c) => c.set === 'real'));
      assert.deepEqual(
        a.map((c) => c.input),
        b.map((c) => c.input),
      );
      assert.ok(synthetic.some((c) => c.gold.articles.some((x) => x.kicker)));
      assert.ok(
        synthetic.some((c) =>
          c.gold.articles.some((x) => x.body.some((i) => i.kind === 'caption')),
        ),
      );
    });
  },
);
