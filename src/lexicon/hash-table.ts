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
  private readonly keys: Uint32Array;
  private readonly used: Uint8Array;
  private readonly counts: Float64Array;
  private readonly mask: number;

  constructor(capacity: number) {
    const size = slotsFor(capacity);
    this.keys = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.counts = new Float64Array(size);
    this.mask = size - 1;
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

/**
 * A word list of lines `word freq [tag]` (jieba's dictionary), looked up in place: the table
 * keeps the offset of each line in the text (+1; 0: empty) by the hash of its word. A word
 * listed twice takes its last line, as a Map filled in order would.
 */
export class WordLines {
  private readonly lines: Int32Array;
  private readonly mask: number;

  constructor(private readonly text: string) {
    let rows = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
    const size = slotsFor(rows);
    this.lines = new Int32Array(size);
    this.mask = size - 1;
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const space = text.indexOf(' ', start);
      // A line without a frequency is no entry (as the Map it replaces read it).
      if (space > start && space < end && numberAt(text, space + 1).end > space + 1) {
        const i = this.slot(text, start, space);
        this.lines[i] = start + 1;
      }
      start = end + 1;
    }
  }

  /** The slot of the word `s[from, to)`: where its line is, or the empty slot where it would go. */
  private slot(s: string, from: number, to: number): number {
    let i = hashOf(s, from, to);
    for (;;) {
      i &= this.mask;
      const line = this.lines[i];
      if (line === 0 || this.wordIs(line - 1, s, from, to)) return i;
      i++;
    }
  }

  private wordIs(line: number, s: string, from: number, to: number): boolean {
    const n = to - from;
    if (this.text.charCodeAt(line + n) !== 32) return false;
    for (let k = 0; k < n; k++)
      if (this.text.charCodeAt(line + k) !== s.charCodeAt(from + k)) return false;
    return true;
  }

  /** Where the line of `word` starts in the text, or -1. */
  private lineOf(word: string): number {
    if (word.length === 0) return -1;
    return this.lines[this.slot(word, 0, word.length)] - 1;
  }

  frequency(word: string): number {
    const line = this.lineOf(word);
    return line < 0 ? 0 : numberAt(this.text, line + word.length + 1).value;
  }

  tag(word: string): string | undefined {
    const line = this.lineOf(word);
    if (line < 0) return undefined;
    const { end } = numberAt(this.text, line + word.length + 1);
    if (this.text.charCodeAt(end) !== 32) return undefined;
    let stop = this.text.indexOf('\n', end + 1);
    if (stop === -1) stop = this.text.length;
    const tag = this.text.slice(end + 1, stop).trim();
    return tag === '' ? undefined : tag;
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
