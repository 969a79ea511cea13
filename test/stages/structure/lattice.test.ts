import assert from 'node:assert/strict';
import test from 'node:test';
import {
  forwardBackward,
  unitMarginals,
  viterbi,
  type Lattice,
} from '../../../src/stages/segment/structure/lattice.js';

/** A small deterministic lattice with a few impossible steps and one fixed label. */
function lattice(n: number, size: number, seed: number): Lattice {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 4 - 2;
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

for (const seed of [1, 2, 3]) {
  test(`lattice ${seed}: Viterbi and forward-backward agree with enumerating every path`, () => {
    const l = lattice(5, 3, seed);
    const paths = allPaths(l);
    const best = paths.reduce((a, b) => (b.score > a.score ? b : a));
    assert.deepEqual(viterbi(l), best.path);
    const z = paths.reduce((sum, p) => sum + Math.exp(p.score), 0);
    const forward = forwardBackward(l);
    assert.ok(Math.abs(forward.logZ - Math.log(z)) < 1e-9);
    const marginals = unitMarginals(forward);
    for (let i = 0; i < 5; i++)
      for (let y = 0; y < 3; y++) {
        const p = paths.filter((q) => q.path[i] === y).reduce((s, q) => s + Math.exp(q.score), 0);
        assert.ok(Math.abs(marginals[i][y] - p / z) < 1e-9, `unit ${i} label ${y}`);
      }
    assert.equal(marginals[1][0], 0, 'a fixed label leaves the others no probability');
  });
}
