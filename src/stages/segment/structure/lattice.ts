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

/** Rows of `edge[i]` unit i may come from: the start row for unit 0, a label row after. */
function beforeRows(i: number, size: number): number[] {
  return i === 0 ? [0] : Array.from({ length: size }, (_, b) => b + 1);
}

function maxOf(values: Float64Array): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** Scores as potentials, shifted by their largest so no exp overflows: exp(v − shift). */
interface Potentials {
  values: Float64Array;
  shift: number;
}

function potentials(scores: Float64Array): Potentials {
  const max = maxOf(scores);
  const shift = max === -Infinity ? 0 : max;
  return { values: scores.map((v) => Math.exp(v - shift)), shift };
}

/** Edge matrices repeat along a page (and across pages, when cached by the model): exp once. */
const edgePotentials = new WeakMap<Float64Array, Potentials>();
function edgePotential(edge: Float64Array): Potentials {
  let p = edgePotentials.get(edge);
  if (!p) {
    p = potentials(edge);
    edgePotentials.set(edge, p);
  }
  return p;
}

/**
 * Forward and backward log-scores; `logZ` is the log of the sum over all paths.
 *
 * Computed with potentials (exp of the scores) rescaled at every unit, as in HMM
 * forward-backward, rather than with log-sum-exp at every cell: the same numbers with one exp per
 * label and unit instead of one per label pair. The logs are taken back at the end, once per cell.
 */
export function forwardBackward(lattice: Lattice): Forward {
  const { size: L, node, edge } = lattice;
  const n = node.length;
  const nodeP = node.map(potentials);
  const edgeP = edge.map(edgePotential);
  // alphaHat[i] sums to 1; logScale[i] is the log of what it was divided by.
  const alphaHat: Float64Array[] = [];
  const logScale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(L);
    const e = edgeP[i].values;
    for (const r of beforeRows(i, L)) {
      const prior = i === 0 ? 1 : alphaHat[i - 1][r - 1];
      if (prior === 0) continue;
      for (let y = 0; y < L; y++) row[y] += prior * e[r * L + y];
    }
    let sum = 0;
    for (let y = 0; y < L; y++) sum += row[y] *= nodeP[i].values[y];
    if (sum > 0) for (let y = 0; y < L; y++) row[y] /= sum;
    logScale[i] = Math.log(sum) + nodeP[i].shift + edgeP[i].shift;
    alphaHat.push(row);
  }
  const betaHat: Float64Array[] = new Array(n);
  if (n > 0) betaHat[n - 1] = new Float64Array(L).fill(1);
  const after = new Float64Array(L);
  for (let i = n - 2; i >= 0; i--) {
    const row = new Float64Array(L);
    const e = edgeP[i + 1].values;
    const scale = Math.exp(logScale[i + 1] - nodeP[i + 1].shift - edgeP[i + 1].shift);
    for (let y = 0; y < L; y++) after[y] = (nodeP[i + 1].values[y] * betaHat[i + 1][y]) / scale;
    for (let b = 0; b < L; b++) {
      let sum = 0;
      for (let y = 0; y < L; y++) sum += e[(b + 1) * L + y] * after[y];
      row[b] = sum;
    }
    betaHat[i] = row;
  }
  // Back to log-scores: alpha carries the scales up to i, beta those after i.
  const logZ = logScale.reduce((a, b) => a + b, 0);
  const alpha: Float64Array[] = [];
  const beta: Float64Array[] = [];
  let upTo = 0;
  for (let i = 0; i < n; i++) {
    upTo += logScale[i];
    const rest = logZ - upTo;
    alpha.push(alphaHat[i].map((a) => Math.log(a) + upTo));
    beta.push(betaHat[i].map((b) => Math.log(b) + rest));
  }
  return { alpha, beta, logZ: n === 0 ? 0 : logZ };
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
