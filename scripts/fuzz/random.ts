/** Seeded choices for the fuzz campaign: every case is a pure function of (seed, index). */
import fc from 'fast-check';
import { prng } from '../../test/property/newspaper.js';

export type Rand = () => number;

/** The seed of case `index` of a campaign: a 32-bit mix, so neighbouring cases differ widely. */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Helpers over one case's PRNG (mulberry32, the property generator's). */
export class Dice {
  readonly rand: Rand;
  constructor(readonly seed: number) {
    this.rand = prng(seed);
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }
  /** A key of `weights`, drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let left = this.rand() * keys.reduce((sum, k) => sum + weights[k], 0);
    for (const k of keys) if ((left -= weights[k]) < 0) return k;
    return keys[keys.length - 1];
  }
  /** A fresh seed for a sub-generator. */
  next(): number {
    return Math.floor(this.rand() * 2 ** 31);
  }
  /** One value of a fast-check arbitrary, drawn with a seed from this case. */
  sample<T>(arbitrary: fc.Arbitrary<T>): T {
    return fc.sample(arbitrary, { seed: this.next(), numRuns: 1 })[0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}
