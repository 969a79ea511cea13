/**
 * The lattice of a linear-chain CRF over one page: a score for each unit and label, and a score
 * for each step from one label to the next. Viterbi finds the best path; forward-backward gives
 * each unit's label marginals (the probability the ledger records) and, in training, the
 * expected counts. Shared by inference and training so both read the same numbers.
 *
 * Scores are log-potentials; -Infinity marks a step or label that may not be taken (a label
 * pair never seen in training, a label fixed by a hard constraint).
 */
export interface Lattice {
  /** Labels per unit. */
  size: number;
  /** `node[i][y]`: unit i's own score for label y. */
  node: Float64Array[];
  /**
   * `edge[i][(before + 1) * size + y]`: the score of label y at unit i after label `before`
   * at unit i − 1; `before` is -1 (row 0) for the start of the page, the only row unit 0 uses.
   */
  edge: Float64Array[];
}

export interface Forward {
  alpha: Float64Array[];
  beta: Float64Array[];
  logZ: number;
}

function logSumExp(values: Float64Array): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** Rows of `edge[i]` unit i may come from: the start row for unit 0, a label row after. */
function beforeRows(i: number, size: number): number[] {
  return i === 0 ? [0] : Array.from({ length: size }, (_, b) => b + 1);
}

/** Forward and backward log-scores; `logZ` is the log of the sum over all paths. */
export function forwardBackward(lattice: Lattice): Forward {
  const { size: L, node, edge } = lattice;
  const n = node.length;
  const alpha: Float64Array[] = [];
  const terms = new Float64Array(L);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(L);
    const rows = beforeRows(i, L);
    for (let y = 0; y < L; y++) {
      terms.fill(-Infinity);
      for (const r of rows) {
        const prior = i === 0 ? 0 : alpha[i - 1][r - 1];
        terms[r === 0 ? 0 : r - 1] = prior + edge[i][r * L + y];
      }
      row[y] = node[i][y] + logSumExp(terms);
    }
    alpha.push(row);
  }
  const beta: Float64Array[] = new Array(n);
  if (n > 0) beta[n - 1] = new Float64Array(L);
  for (let i = n - 2; i >= 0; i--) {
    const row = new Float64Array(L);
    for (let b = 0; b < L; b++) {
      for (let y = 0; y < L; y++)
        terms[y] = edge[i + 1][(b + 1) * L + y] + node[i + 1][y] + beta[i + 1][y];
      row[b] = logSumExp(terms);
    }
    beta[i] = row;
  }
  const logZ = n === 0 ? 0 : logSumExp(alpha[n - 1]);
  return { alpha, beta, logZ };
}

/** p(label y at unit i) for every unit and label. */
export function unitMarginals(forward: Forward): Float64Array[] {
  const { alpha, beta, logZ } = forward;
  return alpha.map((a, i) => a.map((x, y) => Math.exp(x + beta[i][y] - logZ)));
}

/** The highest-scoring path: one label index per unit. */
export function viterbi(lattice: Lattice): number[] {
  const { size: L, node, edge } = lattice;
  const n = node.length;
  const back: Int32Array[] = [];
  let score = new Float64Array(0);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(L).fill(-Infinity);
    const from = new Int32Array(L).fill(-1);
    for (const r of beforeRows(i, L)) {
      const prior = i === 0 ? 0 : score[r - 1];
      if (prior === -Infinity) continue;
      for (let y = 0; y < L; y++) {
        const s = prior + edge[i][r * L + y] + node[i][y];
        if (s > row[y]) {
          row[y] = s;
          from[y] = r - 1;
        }
      }
    }
    score = row;
    back.push(from);
  }
  const path = new Array<number>(n);
  let best = 0;
  for (let y = 1; y < L; y++) if (score[y] > score[best]) best = y;
  for (let i = n - 1; i >= 0; i--) {
    path[i] = best;
    // A page no path can label (constraints that contradict the transitions) falls back to
    // the first label rather than an index out of range.
    best = Math.max(0, back[i][best]);
  }
  return path;
}
