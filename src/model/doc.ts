import type { FurnitureKind } from '../text/furniture.js';
import { Ledger } from './ledger.js';
import type {
  Article,
  Lacuna,
  LayoutHints,
  LearnedFurniture,
  Message,
  ResidueItem,
  ResolvedOptions,
  Role,
  SourceInfo,
  Span,
  StageStats,
} from './types.js';

/** What a block is, once the dateline and segment stages have looked at it. */
export type BlockRole = Role;

/**
 * A unit of the dump: usually one paragraph (one line, or several hard-wrapped lines).
 * `text` is always the concatenation of `spans` in the source.
 */
export interface Block {
  id: string;
  spans: Span[];
  text: string;
  /** live: still in play; dropped: text is in a ledger entry; merged: text moved into another block. */
  status: 'live' | 'dropped' | 'merged';
  role?: BlockRole;
  /** Exact copies of this block were dropped (D5): it was printed more than once. */
  repeated?: boolean;
  /**
   * The paper prints this block's sentence again further down (a pull quote above a comment
   * piece): kept as article text, not dropped as a copy (`dedupe`).
   */
  pullQuote?: boolean;
  /** For a block dropped as page furniture: which kind (QR caption, continuation note…). */
  furniture?: FurnitureKind;
  lacunae: Lacuna[];
  lacunaBefore: boolean;
  lacunaAfter: boolean;
}

/** The document state the stages read and extend. I/O and clocks stay outside. */
export interface Doc {
  source: SourceInfo;
  /** The decoded source text; offsets everywhere index into it. */
  text: string;
  /** `text` with length-preserving folds (full-width ASCII → ASCII); same offsets. */
  folded: string;
  blocks: Block[];
  ledger: Ledger;
  messages: Message[];
  articles: Article[];
  residue: ResidueItem[];
  options: ResolvedOptions;
  /** Furniture learned over the corpus this page belongs to (`MendOptions.furniture`). */
  furniture?: LearnedFurniture;
  /** What the page's geometry says (`MendOptions.layout`): display lines and their roles. */
  layout?: LayoutHints;
  stats: StageStats[];
}

export function liveBlocks(doc: Doc): Block[] {
  return doc.blocks.filter((b) => b.status === 'live');
}

export function blockStart(block: Block): number {
  return block.spans[0]?.start ?? 0;
}

export function blockEnd(block: Block): number {
  return block.spans[block.spans.length - 1]?.end ?? 0;
}
