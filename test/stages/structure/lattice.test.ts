import assert from 'node:assert/strict';
import test from 'node:test';
import {
  forwardBackward,
  unitMarginals,
  viterbi,
  type Lattice,
} from '../../../src/stages/segment/structure/lattice.js';

/** A small deterministic lattice with a few impossible steps and one fixed label. */
function lattice(n: number, size: number, seed: number, scale = 2): Lattice {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 * scale - scale;
  const node = Array.from({ length: n }, () => Float64Array.from({ length: size }, next));
  const edge = Array.from({ length: n }, () =>
    Float64Array.from({ length: (size + 1) * size }, (_, k) => (k % 5 === 3 ? -Infinity : next())),
  );
  node[1] = node[1].map((x, y) => (y === 1 ? x : -Infinity));
  return { size, node, edge };
}

/** Every labelling with its score, by enumeration: what the lattice code must agree with. */
function allPaths(l: Lattice): { path: number[]; score: number }[] {
  const out: { path: number[]; score: number }[] = [];
  const walk = (path: number[], score: number) => {
    const i = path.length;
    if (i === l.node.length) return void out.push({ path, score });
    const row = i === 0 ? 0 : path[i - 1] + 1;
    for (let y = 0; y < l.size; y++)
      walk([...path, y], score + l.edge[i][row * l.size + y] + l.node[i][y]);
  };
  walk([], 0);
  return out.filter((p) => p.score > -Infinity);
}

/** log Σ exp, steady for scores far from zero. */
function logSum(scores: number[]): number {
  const max = Math.max(...scores);
  return max + Math.log(scores.reduce((sum, x) => sum + Math.exp(x - max), 0));
}

// Scale 2: weights as the model has them; scale 400: scores whose exp overflows a double, which
// forward-backward must still sum (it rescales at every unit).
for (const [seed, scale] of [
  [1, 2],
  [2, 2],
  [3, 2],
  [4, 400],
]) {
  test(`lattice ${seed} (scores ±${scale}): Viterbi and forward-backward agree with enumerating every path`, () => {
    const l = lattice(5, 3, seed, scale);
    const paths = allPaths(l);
    const best = paths.reduce((a, b) => (b.score > a.score ? b : a));
    assert.deepEqual(viterbi(l), best.path);
    const logZ = logSum(paths.map((p) => p.score));
    const forward = forwardBackward(l);
    assert.ok(Math.abs(forward.logZ - logZ) < 1e-9 * Math.max(1, Math.abs(logZ)));
    const marginals = unitMarginals(forward);
    for (let i = 0; i < 5; i++)
      for (let y = 0; y < 3; y++) {
        const mine = paths.filter((q) => q.path[i] === y).map((q) => q.score);
        const p = mine.length === 0 ? 0 : Math.exp(logSum(mine) - logZ);
        assert.ok(Math.abs(marginals[i][y] - p) < 1e-9, `unit ${i} label ${y}`);
      }
    assert.equal(marginals[1][0], 0, 'a fixed label leaves the others no probability');
  });
}
