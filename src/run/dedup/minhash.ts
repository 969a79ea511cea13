/**
 * MinHash signatures of articles, for finding the same story across documents: the article's
 * text reduced to letters, digits and CJK characters, cut into overlapping 5-character
 * shingles, and for each of SIGNATURE_BYTES hash functions the smallest hash of any shingle,
 * of which only the lowest byte is kept (b-bit minwise hashing, b = 8). Two signatures agree
 * at a position with probability J + (1 − J)/256, J the Jaccard similarity of the shingle
 * sets, so the share of agreeing bytes estimates J. 24 bytes an article, and 2 for its size.
 */

/**
 * Hash functions, one byte of signature each. The estimate of J from 24 bytes has a standard
 * deviation of about 0.10 near the threshold, against 0.12 with 16: fewer articles on the wrong
 * side of it, within the 64 bytes an article the index may take.
 */
export const SIGNATURE_BYTES = 24;
/**
 * The signature as stored: the hash bytes, then the number of shingles (2 bytes, capped). Two
 * sets of m and n shingles have a Jaccard similarity of at most min/max, which no chance
 * agreement of hash bytes can overrule: a short notice is no copy of a long story whose lead it
 * shares.
 */
export const STORED_BYTES = SIGNATURE_BYTES + 2;
/** Characters per shingle: long enough that two stories share few by chance. */
const SHINGLE = 5;
/**
 * Fewer shingles than this and an article is not judged: a short notice shares most of its
 * shingles with any other of the same kind, and a copy cannot be told from a coincidence.
 */
export const MIN_SHINGLES = 30;

/** Chance that two unrelated bytes agree. */
const CHANCE = 1 / 256;

function keep(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a)
  );
}

/** Murmur3's finalizer: spreads a 32-bit value over all bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed per hash function, fixed: signatures of any run compare with any other's. */
const SEEDS = Array.from({ length: SIGNATURE_BYTES }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** The article's signature, or null when it has too few shingles to be judged. */
export function signature(text: string): Uint8Array | null {
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (keep(c)) units.push(c >= 0x41 && c <= 0x5a ? c + 0x20 : c); // A–Z folded to a–z
  }
  const shingles = units.length - SHINGLE + 1;
  if (shingles < MIN_SHINGLES) return null;
  const min = new Uint32Array(SIGNATURE_BYTES).fill(0xffffffff);
  for (let s = 0; s < shingles; s++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ units[s + k], 0x01000193);
    for (let i = 0; i < SIGNATURE_BYTES; i++) {
      const v = mix(h ^ SEEDS[i]);
      if (v < min[i]) min[i] = v;
    }
  }
  const out = new Uint8Array(STORED_BYTES);
  min.forEach((v, i) => (out[i] = v & 0xff));
  const count = Math.min(shingles, 0xffff);
  out[SIGNATURE_BYTES] = count >> 8;
  out[SIGNATURE_BYTES + 1] = count & 0xff;
  return out;
}

/** The shingle count a stored signature carries. */
export function shingleCount(stored: Uint8Array, at = 0): number {
  return (stored[at + SIGNATURE_BYTES] << 8) | stored[at + SIGNATURE_BYTES + 1];
}

/** The Jaccard similarity two signatures estimate (0 when they agree no more than chance). */
export function estimatedJaccard(agreeing: number): number {
  const share = agreeing / SIGNATURE_BYTES;
  return Math.max(0, (share - CHANCE) / (1 - CHANCE));
}
