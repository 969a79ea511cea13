import type { TableArray } from './table-file.js';

/**
 * Compact lookup tables for the word lists loaded at start-up, and a counter of numeric keys.
 * A Map of 350,000 string keys takes 0.4–0.7 s to fill and holds a string object per key;
 * these tables read the list’s own text once and keep only typed arrays beside it (0.1–0.2
 * s each for jieba’s dictionary and the character-pair table, in a CPU profile).
 */

/** FNV-1a over UTF-16 code units of `s[from, to)`. */
export function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The smallest power of two at least twice `n`: an open-addressing table kept half empty. */
export function slotsFor(n: number): number {
  let size = 1024;
  while (size < n * 2) size *= 2;
  return size;
}

/**
 * Slots for a table filled once and then only read (the word lists): up to two thirds full,
 * where linear probing still finds a word in about two probes and misses one in about five,
 * and the saved table is half the size of a half-empty one (jieba's 349k words and the 349k
 * character pairs each fit 2^19 slots instead of 2^20; reading the file is most of loading it).
 */
export function slotsForReadOnly(n: number): number {
  let size = 1024;
  while (size * 2 < n * 3) size *= 2;
  return size;
}

/** Parses the decimal number at `text[from…]` (digits only), and where it ends. */
export function numberAt(text: string, from: number): { value: number; end: number } {
  let value = 0;
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
  }
  return { value, end: i };
}

/** Counts keyed by a pair of UTF-16 code units (two BMP characters), by open addressing. */
export class PairCounts {
  private readonly mask: number;

  private constructor(
    private readonly keys: Uint32Array,
    private readonly used: Uint8Array,
    private readonly counts: Uint32Array,
  ) {
    this.mask = keys.length - 1;
  }

  /** A table for `capacity` pairs, filled once and then read (see `slotsForReadOnly`). */
  static withCapacity(capacity: number): PairCounts {
    const size = slotsForReadOnly(capacity);
    return new PairCounts(new Uint32Array(size), new Uint8Array(size), new Uint32Array(size));
  }

  /** A table from the arrays `arrays()` gave (as saved in a table file). */
  static fromArrays(a: Record<string, TableArray>): PairCounts {
    return new PairCounts(a.keys as Uint32Array, a.used as Uint8Array, a.counts as Uint32Array);
  }

  arrays(): Record<string, TableArray> {
    return { keys: this.keys, used: this.used, counts: this.counts };
  }

  /** The slot of key `a`, `b`: where it is, or the empty slot where it would go. */
  private slot(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      i &= this.mask;
      if (!this.used[i] || this.keys[i] === key) return i;
      i++;
    }
  }

  set(a: number, b: number, count: number): void {
    const key = ((a << 16) | b) >>> 0;
    const i = this.slot(key);
    this.keys[i] = key;
    this.used[i] = 1;
    this.counts[i] = count;
  }

  get(a: number, b: number): number {
    const i = this.slot(((a << 16) | b) >>> 0);
    return this.used[i] ? this.counts[i] : 0;
  }
}

/** A second hash of `s[from, to)` (murmur-style mixing), independent of `hashOf`. */
function checkOf(s: string, from: number, to: number): number {
  let h = 0x9747b28c ^ (to - from);
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/**
 * A word list of lines `word freq [tag]` (jieba's dictionary) as a table of numbers only: a
 * word's slot comes from one hash of it and holds a second hash to confirm it, its frequency
 * and its tag. No word text is kept, so a word not in the list is taken for one only when
 * both 32-bit hashes agree with an entry on its probe path (about 2^-32 per probe). A word
 * listed twice takes its last line, as a Map filled in order would.
 */
export class WordTable {
  private readonly mask: number;

  private constructor(
    private readonly checks: Uint32Array,
    private readonly counts: Uint32Array,
    /** 0: empty slot; 1: a word without a tag; n ≥ 2: tag `tagNames[n - 2]`. */
    private readonly tags: Uint8Array,
    private readonly tagNames: readonly string[],
  ) {
    this.mask = checks.length - 1;
  }

  static fromText(text: string): WordTable {
    let rows = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
    const size = slotsForReadOnly(rows);
    const tagIds = new Map<string, number>();
    const table = new WordTable(
      new Uint32Array(size),
      new Uint32Array(size),
      new Uint8Array(size),
      [],
    );
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const space = text.indexOf(' ', start);
      const count = space > start && space < end ? numberAt(text, space + 1) : undefined;
      // A line without a frequency is no entry.
      if (count && count.end > space + 1) {
        const tag = text.slice(count.end, end).trim();
        let id = tag === '' ? 1 : tagIds.get(tag);
        if (id === undefined) tagIds.set(tag, (id = tagIds.size + 2));
        if (id > 255) throw new Error('newsmend: word list has more than 254 tags');
        table.put(text, start, space, count.value, id);
      }
      start = end + 1;
    }
    return new WordTable(table.checks, table.counts, table.tags, [...tagIds.keys()]);
  }

  /** A table from the arrays and tag names it gave (as saved in a table file). */
  static fromArrays(a: Record<string, TableArray>, tagNames: readonly string[]): WordTable {
    return new WordTable(
      a.checks as Uint32Array,
      a.counts as Uint32Array,
      a.tags as Uint8Array,
      tagNames,
    );
  }

  arrays(): Record<string, TableArray> {
    return { checks: this.checks, counts: this.counts, tags: this.tags };
  }

  names(): readonly string[] {
    return this.tagNames;
  }

  private put(s: string, from: number, to: number, count: number, tag: number): void {
    const i = this.slot(s, from, to);
    this.checks[i] = checkOf(s, from, to);
    this.counts[i] = count;
    this.tags[i] = tag;
  }

  /** The slot of the word `s[from, to)`: where it is, or the empty slot where it would go. */
  private slot(s: string, from: number, to: number): number {
    const check = checkOf(s, from, to);
    let i = hashOf(s, from, to);
    for (;;) {
      i &= this.mask;
      if (this.tags[i] === 0 || this.checks[i] === check) return i;
      i++;
    }
  }

  frequency(word: string): number {
    if (word.length === 0) return 0;
    const i = this.slot(word, 0, word.length);
    return this.tags[i] === 0 ? 0 : this.counts[i];
  }

  tag(word: string): string | undefined {
    if (word.length === 0) return undefined;
    const id = this.tags[this.slot(word, 0, word.length)];
    return id < 2 ? undefined : this.tagNames[id - 2];
  }
}

/**
 * Counts keyed by non-negative integers below 2^53 (several code units packed in one number),
 * by open addressing over typed arrays, remembering the order keys first came. For counting
 * every gram of a text, where a Map of non-small-integer keys is several times slower.
 */
export class NumberCounts {
  private keys: Float64Array;
  private counts: Uint32Array;
  private mask: number;
  /** Keys in the order they were first counted. */
  private order: number[] = [];

  constructor(capacity = 512) {
    const size = slotsFor(capacity);
    this.keys = new Float64Array(size).fill(-1);
    this.counts = new Uint32Array(size);
    this.mask = size - 1;
  }

  private slot(key: number): number {
    let i = (Math.imul(key | 0, 0x9e3779b1) ^ Math.imul((key / 0x100000000) | 0, 0x85ebca6b)) >>> 0;
    for (;;) {
      i &= this.mask;
      const k = this.keys[i];
      if (k === -1 || k === key) return i;
      i++;
    }
  }

  add(key: number): void {
    const i = this.slot(key);
    if (this.keys[i] === -1) {
      this.keys[i] = key;
      this.order.push(key);
      if (this.order.length * 2 > this.mask) this.grow();
    }
    this.counts[i]++;
  }

  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === -1 ? 0 : this.counts[i];
  }

  /** The keys counted, in the order each was first counted. */
  keysInOrder(): readonly number[] {
    return this.order;
  }

  private grow(): void {
    const { keys, counts } = this;
    const size = keys.length * 2;
    this.keys = new Float64Array(size).fill(-1);
    this.counts = new Uint32Array(size);
    this.mask = size - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.counts[i] = counts[j];
    }
  }
}
