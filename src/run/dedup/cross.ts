/**
 * Copies of one story across the documents of a run (a wire story printed by many papers, a
 * page dumped twice with other damage): each article, in input order, is looked up among the
 * articles before it; when its MinHash signature estimates a Jaccard similarity of at least
 * DUPLICATE_JACCARD with one of them, it joins that one's cluster, whose first article is the
 * one kept. `mark` keeps the copy with a `duplicate` field in its metadata, `drop` moves it
 * to the drops file, `off` does neither. Decisions depend only on the order of the articles, so a resumed run
 * replays them from the manifest and decides the rest as an uninterrupted run would.
 */
import { LshIndex } from './lsh.js';

export type DedupMode = 'mark' | 'drop' | 'off';
export const DEDUP_MODES: readonly DedupMode[] = ['mark', 'drop', 'off'];

/**
 * Estimated Jaccard similarity (5-character shingles) from which an article is a copy (11 of
 * 24 signature bytes agreeing, and shingle counts within this ratio). Copies of one story —
 * re-headlined, a paragraph cut, a dateline added, damaged differently — share most shingles;
 * different stories, even on one topic, share few. Chosen on the fit pages of `npm run
 * eval:dedup` (docs/eval.md): 400 pages, seed 23, precision 0.974 / recall 0.952 here against
 * 0.985 / 0.934 at 0.49 (12 bytes; `npm run eval:dedup -- --pages 400 --seed 23 --threshold 0.49`).
 */
export const DUPLICATE_JACCARD = 0.45;

export interface Verdict {
  /** The id of the first article of the cluster this one copies. */
  of: string;
  jaccard: number;
}

/** Record ids (`<12 hex>-a<N>`) packed in 8 bytes each: 6 for the hex, 2 for N. */
class PackedIds {
  private bytes = new Uint8Array(8 * 1024);
  private other = new Map<number, string>();
  private size = 0;

  push(id: string): void {
    const k = this.size++;
    if (this.bytes.length < this.size * 8) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const m = /^([0-9a-f]{12})-a(\d+)$/.exec(id);
    if (!m || Number(m[2]) > 0xffff) return void this.other.set(k, id);
    for (let i = 0; i < 6; i++) this.bytes[k * 8 + i] = parseInt(m[1].slice(2 * i, 2 * i + 2), 16);
    this.bytes[k * 8 + 6] = Number(m[2]) >> 8;
    this.bytes[k * 8 + 7] = Number(m[2]) & 0xff;
  }

  get(k: number): string {
    const other = this.other.get(k);
    if (other !== undefined) return other;
    let hex = '';
    for (let i = 0; i < 6; i++) hex += this.bytes[k * 8 + i].toString(16).padStart(2, '0');
    return `${hex}-a${(this.bytes[k * 8 + 6] << 8) | this.bytes[k * 8 + 7]}`;
  }
}

export class CrossDuplicates {
  private readonly index = new LshIndex();
  private readonly ids = new PackedIds();

  /** `threshold`: the estimated Jaccard from which an article is a copy (trials: eval:dedup). */
  constructor(
    readonly mode: DedupMode,
    private readonly threshold = DUPLICATE_JACCARD,
  ) {}

  /**
   * The verdict on the next article in input order (undefined: not a copy, or not judged), and
   * the article joins the index.
   */
  judge(id: string, signature: string | null): Verdict | undefined {
    if (this.mode === 'off' || signature === null) return undefined;
    const sig = new Uint8Array(Buffer.from(signature, 'base64'));
    const match = this.index.query(sig, this.threshold);
    this.index.add(sig, match?.cluster);
    this.ids.push(id);
    if (!match) return undefined;
    return { of: this.ids.get(match.cluster), jaccard: Math.round(match.jaccard * 100) / 100 };
  }

  /** Bytes held per article: the index's and the packed record id. */
  static readonly BYTES_PER_ARTICLE = LshIndex.BYTES_PER_ARTICLE + 8;
}

/** A record's JSON line with `duplicate` added to its metadata (the record ends with them). */
export function markedDuplicate(json: string, verdict: Verdict): string {
  if (!json.endsWith('}}')) throw new Error('a corpus record ends with its metadata');
  return `${json.slice(0, -2)},"duplicate":${JSON.stringify(verdict)}}}`;
}
