import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zeroCounts, type Counts } from '../../src/eval/counts.js';
import { checkGate, updateFloors } from '../../src/eval/floors.js';
import { metricsOf } from '../../src/eval/metrics.js';
import type { SplitName } from '../../src/eval/splits.js';
import { spread, spreadMetrics } from '../../src/eval/spread.js';
import { renderSuiteJson, renderSuiteTable } from '../../src/eval/suite-report.js';
import { gateValues, type SplitRun, type SuiteReport } from '../../src/eval/suite.js';
import type { ProfileName } from '../../src/synth/rates.js';

/** Counts of a made-up seed run: `hit` of 100 body bigrams right, 10 pages. */
function counts(hit: number, crashes = 0): Counts {
  return { ...zeroCounts(), cases: 10, bodyHit: hit, bodyPred: 100, bodyGold: 100, crashes };
}

function run(split: SplitName, profile: ProfileName, hits: number[], crashes = 0): SplitRun {
  const seeds = hits.map((h, i) => {
    const c = counts(h, i === 0 ? crashes : 0);
    return { seed: i + 1, planned: 20, counts: c, metrics: metricsOf(c) };
  });
  return { split, profile, seeds, spread: spreadMetrics(seeds.map((s) => s.metrics)), ms: 1 };
}

const REPORT: SuiteReport = {
  seeds: [1, 2, 3],
  profiles: ['dev', 'extractor'],
  splits: [
    run('fit', 'dev', [95, 96, 97]),
    run('test', 'dev', [90, 91, 92]),
    run('fit', 'extractor', [80, 80, 80], 1),
    run('test', 'extractor', [70, 72, 74]),
  ],
  real: { cases: 1, counts: counts(100), metrics: metricsOf(counts(100)), results: [] },
  ms: 1000,
};

describe('evaluation protocol report', () => {
  it('spreads a metric over seeds: mean, sample sd, min, max', () => {
    const s = spread([0.9, 0.91, undefined, 0.92]);
    assert.ok(Math.abs(s.mean! - 0.91) < 1e-12);
    assert.ok(Math.abs(s.sd! - 0.01) < 1e-12);
    assert.equal(s.min, 0.9);
    assert.equal(s.max, 0.92);
    assert.equal(spread([undefined]).mean, undefined);
  });

  it('gates the test means per profile, the real cases, and crashes of every split', () => {
    const v = gateValues(REPORT);
    assert.ok(Math.abs(v['test.dev.body_f1'] - 0.91) < 1e-12);
    assert.ok(Math.abs(v['test.extractor.body_f1'] - 0.72) < 1e-12);
    assert.equal(v['real.body_f1'], 1);
    assert.equal(v['fit.dev.body_f1'], undefined, 'no floor on fit pages');
    assert.equal(v['fit.extractor.crashes'], 1, 'crashes are totals over seeds');
    assert.equal(v['test.dev.crashes'], 0);
  });

  it('prints one table with a column per split, real, and the fit–test gap', () => {
    const table = renderSuiteTable(REPORT);
    const header = table.split('\n').find((l) => l.startsWith('metric'))!;
    assert.deepEqual(header.split(/\s+/u).slice(1), ['fit', 'test', 'real', 'fit−test']);
    const body = table.split('\n').filter((l) => l.includes('body char-bigram F1'));
    assert.equal(body.length, 2, 'one row per profile');
    assert.match(body[0], /0\.960 ±\.010\s+0\.910 ±\.010\s+1\s+\+0\.050$/u);
    assert.match(body[1], /0\.800 ±\.000\s+0\.720 ±\.020\s+1\s+\+0\.080$/u);
    assert.match(table, /fit .*sample of 10 of 20 pages, capped for time/u);
  });

  it('prints the real cases alone as one block', () => {
    const table = renderSuiteTable({ ...REPORT, splits: [] });
    const body = table.split('\n').filter((l) => l.includes('body char-bigram F1'));
    assert.equal(body.length, 1);
    assert.match(body[0], /\s1$/u);
  });

  it('writes no per-page rows for test splits in the JSON report', () => {
    const r: SuiteReport = {
      ...REPORT,
      splits: REPORT.splits.map((s) => ({
        ...s,
        seeds: s.seeds.map((x) => ({
          ...x,
          results: [{ id: 'p', set: s.split, counts: x.counts, articles: [], rebuildOk: true }],
        })),
      })),
    };
    const json = JSON.parse(renderSuiteJson(r));
    for (const s of json.splits)
      for (const x of s.seeds) assert.equal('cases' in x, s.split === 'fit', s.split);
  });

  it('retires the floors of a set no longer measured, and says so', () => {
    const old = {
      schema: 'newsmend-floors@1',
      floors: { 'synthetic.body_f1': 0.9, 'real.body_f1': 1 },
      ceilings: { 'synthetic.crashes': 0, 'real.crashes': 0 },
    };
    const up = updateFloors(old, gateValues(REPORT));
    assert.deepEqual(up.retired, ['synthetic.body_f1', 'synthetic.crashes']);
    assert.equal(up.next.floors['synthetic.body_f1'], undefined);
    assert.equal(up.next.floors['test.dev.body_f1'], 0.91);
    assert.equal(up.next.ceilings['fit.extractor.crashes'], 0);
    assert.deepEqual(
      checkGate(up.next, gateValues(REPORT)).map((f) => f.key),
      ['fit.extractor.crashes'],
    );
  });
});
