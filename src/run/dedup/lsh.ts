/**
 * Locality-sensitive hashing over MinHash signatures: the first 16 signature bytes make 8 bands
 * of 2 bytes; two articles become candidates when any band is equal (for J = 0.6 that happens
 * with probability 1 − (1 − 0.6²)⁸ ≈ 0.97; for unrelated articles, 8 × 2⁻¹⁶ per pair), and a
 * candidate is a copy when the whole signatures estimate J ≥ the threshold.
 *
 * Memory per article: its signature and size (26 bytes), its cluster (4) and its id once per
 * band in that band's list sorted by band value (8 × 3 bytes; 4 past 2²⁴ articles) — 54 bytes; plus a
 * fixed 4 MB of bucket starts (8 bands × 2¹⁶ × 4) and the newest articles (at most MERGE_MAX) in
 * plain maps until they are merged in.
 */
import { estimatedJaccard, shingleCount, SIGNATURE_BYTES, STORED_BYTES } from './minhash.js';

const BANDS = 8;
const BAND_BYTES = 2;
const BUCKETS = 1 << (8 * BAND_BYTES);
/**
 * Articles held in maps before the sorted lists are rebuilt with them: at least MERGE_MIN, and
 * an eighth of the index as it grows (each rebuild reads every article, so a fixed step would
 * make building the index quadratic), but at most MERGE_MAX (an article in the maps costs
 * several times its bytes in the sorted lists, so the maps stay small beside a large index).
 */
const MERGE_MIN = 4096;
const MERGE_SHARE = 1 / 8;
const MERGE_MAX = 65_536;

export interface Match {
  /** The article matched (its number in the index) and its cluster's first article. */
  id: number;
  cluster: number;
  jaccard: number;
}

export class LshIndex {
  private signatures = new Uint8Array(STORED_BYTES * 1024);
  private clusters = new Uint32Array(1024);
  size = 0;
  /** Per band: ids sorted by band value (ID_BYTES each), and where each value's run starts. */
  private sorted: Uint8Array[] = Array.from({ length: BANDS }, () => new Uint8Array(0));
  private idBytes = 3;
  private starts: Uint32Array[] = Array.from({ length: BANDS }, () => new Uint32Array(BUCKETS + 1));
  private merged = 0;
  /** Articles read by all rebuilds so far: what the growing merge step keeps linear. */
  mergeWork = 0;
  private recent: Map<number, number[]>[] = Array.from({ length: BANDS }, () => new Map());

  private band(id: number, b: number): number {
    const at = id * STORED_BYTES + b * BAND_BYTES;
    return (this.signatures[at] << 8) | this.signatures[at + 1];
  }

  private bandOf(signature: Uint8Array, b: number): number {
    return (signature[b * BAND_BYTES] << 8) | signature[b * BAND_BYTES + 1];
  }

  /** The best match of `signature` with estimated J ≥ `threshold`, or undefined. */
  query(signature: Uint8Array, threshold: number): Match | undefined {
    let best: Match | undefined;
    const seen = new Set<number>();
    const consider = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const [m, n] = [shingleCount(signature), shingleCount(this.signatures, id * STORED_BYTES)];
      if (Math.min(m, n) < threshold * Math.max(m, n)) return;
      let agreeing = 0;
      for (let i = 0; i < SIGNATURE_BYTES; i++)
        if (this.signatures[id * STORED_BYTES + i] === signature[i]) agreeing++;
      const jaccard = estimatedJaccard(agreeing);
      if (jaccard >= threshold && (!best || jaccard > best.jaccard))
        best = { id, cluster: this.clusters[id], jaccard };
    };
    for (let b = 0; b < BANDS; b++) {
      const value = this.bandOf(signature, b);
      const starts = this.starts[b];
      for (let k = starts[value]; k < starts[value + 1]; k++) consider(this.sortedId(b, k));
      for (const id of this.recent[b].get(value) ?? []) consider(id);
    }
    return best;
  }

  /** Adds an article to cluster `cluster` (its own number for a new cluster); returns its number. */
  add(signature: Uint8Array, cluster?: number): number {
    const id = this.size++;
    if (id === this.clusters.length) this.grow();
    this.signatures.set(signature, id * STORED_BYTES);
    this.clusters[id] = cluster ?? id;
    for (let b = 0; b < BANDS; b++) {
      const value = this.bandOf(signature, b);
      const list = this.recent[b].get(value);
      if (list) list.push(id);
      else this.recent[b].set(value, [id]);
    }
    const step = Math.min(MERGE_MAX, Math.max(MERGE_MIN, Math.floor(this.merged * MERGE_SHARE)));
    if (this.size - this.merged >= step) this.merge();
    return id;
  }

  /** Bytes the index holds per article once merged, up to 2²⁴ articles (bucket starts aside). */
  static readonly BYTES_PER_ARTICLE = STORED_BYTES + 4 + BANDS * 3;

  private sortedId(b: number, k: number): number {
    const list = this.sorted[b];
    let id = 0;
    for (let i = 0; i < this.idBytes; i++) id = id * 256 + list[k * this.idBytes + i];
    return id;
  }

  private grow(): void {
    const signatures = new Uint8Array(this.signatures.length * 2);
    signatures.set(this.signatures);
    this.signatures = signatures;
    const clusters = new Uint32Array(this.clusters.length * 2);
    clusters.set(this.clusters);
    this.clusters = clusters;
  }

  /** Rebuild each band's sorted list with every article (a counting sort by band value). */
  private merge(): void {
    this.mergeWork += this.size;
    this.idBytes = this.size < 1 << 24 ? 3 : 4;
    for (let b = 0; b < BANDS; b++) {
      const counts = new Uint32Array(BUCKETS + 1);
      for (let id = 0; id < this.size; id++) counts[this.band(id, b) + 1]++;
      for (let v = 0; v < BUCKETS; v++) counts[v + 1] += counts[v];
      const starts = counts.slice();
      const sorted = new Uint8Array(this.size * this.idBytes);
      for (let id = 0; id < this.size; id++) {
        const at = counts[this.band(id, b)]++ * this.idBytes;
        for (let i = this.idBytes - 1, v = id; i >= 0; i--, v = Math.floor(v / 256))
          sorted[at + i] = v % 256;
      }
      this.sorted[b] = sorted;
      this.starts[b] = starts;
      this.recent[b].clear();
    }
    this.merged = this.size;
  }
}
