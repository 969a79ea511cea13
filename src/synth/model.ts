import type { BodyKind } from '../model/types.js';

/** A clean article as the page files hold it (`../shared/eval/pages/*.jsonl`). */
export interface CleanRecord {
  source?: string;
  date: string;
  page: number | null;
  order: number;
  title: string;
  /** 引题, where the page file has it as a field (rmrb-2019-2020); else a `——` line of `content`. */
  kicker?: string | null;
  subtitle?: string | null;
  author?: string | null;
  content: string;
}

/**
 * A body item while a dump is being made. Its gold text is `pieces.join('')`; each piece is
 * printed as its own block, so a paragraph cut by a column break has two pieces.
 */
export interface SynthItem {
  kind: BodyKind;
  pieces: string[];
  /** Offsets in the gold text where characters were lost between pieces. */
  lacunae: number[];
  lacunaBefore: boolean;
  lacunaAfter: boolean;
}

export interface SynthDateline {
  text: string;
  agency?: string;
  place?: string;
  date?: string;
  /** Whitespace that stood between the dateline and the paragraph in the source line. */
  gap: string;
}

export interface SynthArticle {
  kicker?: string;
  headline: string;
  subheadline?: string;
  byline?: string;
  dateline?: SynthDateline;
  /** Index of the body item whose first line carries the dateline. */
  datelineItem: number;
  body: SynthItem[];
  sourceTag?: string;
  related: string[];
  flags: string[];
  variants: { text: string; likely: string }[];
  /** D1: the dateline stands on its own line followed by the headline again. */
  echo: boolean;
  /** A continuation note printed after the article (page furniture). */
  continuation?: string;
}

export const itemText = (item: SynthItem): string => item.pieces.join('');

export function item(kind: BodyKind, text: string): SynthItem {
  return { kind, pieces: [text], lacunae: [], lacunaBefore: false, lacunaAfter: false };
}
