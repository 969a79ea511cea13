/**
 * The data model of newsmend. Everything here is plain JSON so an Edition can be written,
 * read back, stored and diffed. Offsets are UTF-16 code-unit indices into `Source.text`
 * (the decoded text); see docs/format.md.
 */

export const EDITION_SCHEMA = 'newsmend-edition@1';

/** A half-open range [start, end) of the decoded source text. */
export interface Span {
  start: number;
  end: number;
}

export type Confidence = number; // 0..1

export interface SourceInfo {
  name: string;
  sha256: string;
  bytes: number;
  encoding: string;
  encodingConfidence: Confidence;
  /** Characters of decoded text. */
  chars: number;
}

/** A place where source text is missing inside (or at the edge of) a paragraph. */
export interface Lacuna {
  /** Offset in the item's `text` where characters were lost. */
  at: number;
  /** Restoration proposed from evidence in the dump itself; never inserted unless asked. */
  suggestion?: string;
  evidence?: string;
  confidence?: Confidence;
}

export type BodyKind = 'paragraph' | 'subhead' | 'byline' | 'caption' | 'note';

export interface BodyItem {
  kind: BodyKind;
  /** Source text: the concatenation of `spans` in the decoded source. */
  text: string;
  spans: Span[];
  lacunae: Lacuna[];
  lacunaBefore: boolean;
  lacunaAfter: boolean;
}

export interface Dateline {
  text: string;
  agency?: string;
  place?: string;
  /** ISO date (YYYY-MM-DD) when the year can be inferred, else MM-DD as `--MM-DD`. */
  date?: string;
  spans: Span[];
  /** Parsed from the closing source tag: the text is the tag's, held in `fields.sourceTag`. */
  fromSourceTag?: boolean;
}

/** A labelled single-line field of an article (kicker, headline…), with its source spans. */
export interface Field {
  text: string;
  spans: Span[];
}

export type ArticleFlag = 'truncated-start' | 'truncated-end' | 'continued-elsewhere';

export interface Variant {
  /** The rare form as it stands in the source. */
  text: string;
  /** The frequent form it is likely a corruption of. */
  likely: string;
  /** Where the rare form occurs (source spans). */
  spans: Span[];
  evidence: string;
  confidence: Confidence;
}

export interface ArticleMetadata {
  date?: string;
  agencies: string[];
  places: string[];
  people: { name: string; title?: string }[];
  organisations: string[];
}

/**
 * One reconstructed article. The string-valued fields (`kicker`, `headline`, …) follow the
 * public gold shape (../shared/eval/README.md); `fields` keeps their source spans.
 */
export interface Article {
  id: string;
  kicker?: string;
  headline?: string;
  subheadline?: string;
  dateline?: Dateline;
  byline?: string;
  body: BodyItem[];
  sourceTag?: string;
  related: string[];
  flags: ArticleFlag[];
  variants: Variant[];
  metadata: ArticleMetadata;
  /** Source spans of the labelled single-line fields and related titles. */
  fields: {
    kicker?: Field;
    headline?: Field;
    subheadline?: Field;
    byline?: Field;
    sourceTag?: Field;
    related: Field[];
  };
}

/** Text we kept but could not place in any article. */
export interface ResidueItem {
  id: string;
  text: string;
  spans: Span[];
  reason: string;
}

export type EditAction = 'drop' | 'join' | 'flag' | 'label' | 'suggest' | 'split' | 'place';

/**
 * What kind of decision an entry records, whatever rule made it: consumers (the source view,
 * `--explain`, the scorer) switch on this rather than on rule ids or prose. See docs/rules.md.
 */
export type RuleCategory =
  | 'wrap' // hard-wrapped lines put back together (blocks)
  | 'furniture' // page furniture dropped (boilerplate)
  | 'duplicate' // a repeated block dropped (dedupe)
  | 'echo' // a headline echoed after its dateline dropped (dateline)
  | 'cut' // a block cut in two (dateline)
  | 'join' // two blocks made one paragraph (rejoin)
  | 'lacuna' // text lost: inside, at the start or at the end of a paragraph
  | 'restoration' // a lacuna whose missing text the dump attests (a suggestion)
  | 'variant' // a rare form beside a frequent one (variants; flagged, never rewritten)
  | 'role' // a block's role in its article (label)
  | 'boundary' // where an article starts (split)
  | 'residue'; // text kept but placed in no article

/** The role of a labelled piece of an article: one of its fields or a kind of body item. */
export type Role =
  | 'kicker'
  | 'headline'
  | 'subheadline'
  | 'dateline'
  | 'byline'
  | 'sourceTag'
  | 'related'
  | BodyKind;

/** One piece of structured evidence: a count, a form, the competing readings. */
export type Fact = string | number | boolean | readonly string[] | readonly number[];
/** Structured evidence of a ledger entry; `reason` and `evidence` are prose rendered from it. */
export type Facts = { readonly [name: string]: Fact | undefined };

/** One entry of the append-only ledger: a decision a stage made, with its evidence. */
export interface Edit {
  id: string;
  stage: string;
  /** The rule that decided: one row of docs/rules.md (`RuleId` in src/stages/registry.ts). */
  rule: string;
  /** What kind of decision this is, for consumers that do not care which rule made it. */
  category: RuleCategory;
  action: EditAction;
  /**
   * Source spans the decision is about. `drop`: exactly the dropped text; `join`: the seams
   * closed (the gaps between the joined pieces); `flag`/`suggest` of a lacuna: the empty span
   * where text was lost; `label`: the labelled text; `split`: the piece the cut opens or closes
   * (the cut itself is `facts.at`); `place`: the text put in the residue.
   */
  spans: Span[];
  /** For `drop`: the dropped source text (so the source can be rebuilt from the edition). */
  text?: string;
  /** Why, in one sentence (rendered from `facts`). */
  reason: string;
  /** The evidence in prose (rendered from `facts`). */
  evidence?: string;
  confidence: Confidence;
  /** For `label` entries a model scored: the probability it gave the role. */
  probability?: number;
  /** For `label`: the role given to the text. */
  role?: Role;
  /** For `suggest`: the restoration the dump attests (never inserted unless asked). */
  suggestion?: string;
  /** For a variant `flag`: the frequent form the flagged one is likely a corruption of. */
  likely?: string;
  /** Structured evidence: numbers, the forms compared, the competing readings. */
  facts?: Facts;
  /**
   * Ids that resolve in this Edition: articles (`a1`), residue items (`r1`) or other edits
   * (`e7`). Blocks are internal and never referenced; a kept copy is given by `kept` spans.
   */
  refs?: string[];
  /** For a dropped repeat or echo: the source spans of the copy that was kept instead. */
  kept?: Span[];
}

export type Severity = 'info' | 'warning' | 'error';

export interface Message {
  severity: Severity;
  code: string;
  text: string;
  span?: Span;
}

/** Whitespace between the pieces we keep (line breaks, blank lines, indentation). */
export interface LayoutGap {
  start: number;
  text: string;
}

export interface StageStats {
  stage: string;
  ms: number;
  [count: string]: number | string;
}

export interface Edition {
  schema: typeof EDITION_SCHEMA;
  source: SourceInfo;
  articles: Article[];
  residue: ResidueItem[];
  edits: Edit[];
  /** Whitespace-only text between kept and dropped pieces; needed to rebuild the source. */
  layout: LayoutGap[];
  messages: Message[];
  stats: { stages: StageStats[]; articles: number; residue: number; dropped: number };
  options: ResolvedOptions;
}

export interface MendOptions {
  /** Name recorded in `source.name`. */
  name?: string;
  /** Force an input encoding (utf-8, gb18030, gbk, big5, utf-16le, utf-16be). */
  encoding?: string;
  /** Edition date (YYYY-MM-DD) used to infer years of datelines; inferred from the dump if absent. */
  editionDate?: string;
  /** Include timing in stats (non-deterministic); off by default so output is byte-identical. */
  timings?: boolean;
  /**
   * Lines a corpus run found printed on many pages of this document's source (`run`'s first
   * pass, src/run/furniture.ts): blocks equal to one of them are dropped as furniture.
   */
  furniture?: LearnedFurniture;
  /**
   * What a page's geometry says (a PDF's text layer, src/pdf/): the lines set in display type
   * and their roles. Given, no other line opens an article, and these lines take these roles.
   */
  layout?: LayoutHints;
  /**
   * Who decides where articles start and what each line is: the page-structure `model`
   * (default, when its weights file ships) or the hand `rules` alone (for comparison).
   */
  structure?: StructureMode;
}

export type StructureMode = 'model' | 'rules';

/** A line whose role the page's geometry shows: a span of the source text. */
export interface LayoutHint {
  start: number;
  end: number;
  role: 'kicker' | 'headline' | 'subheadline';
  /** The first line of a new article's display group. */
  opens: boolean;
}

/** Lines in a PDF page's header or footer band: a span of the source text. */
export interface LayoutFurniture {
  start: number;
  end: number;
  band: 'header' | 'footer';
  page: number;
}

export interface LayoutHints {
  display: LayoutHint[];
  furniture: LayoutFurniture[];
}

/** Furniture learned over the pages of one source (`run`), by `furnitureKey` of the line. */
export interface LearnedFurniture {
  /** The source (paper) the pages came from, as the run names it. */
  source: string;
  /** Pages of the source counted. */
  documents: number;
  /** Line key → pages it was printed on. */
  lines: Record<string, number>;
}

export interface ResolvedOptions {
  encoding?: string;
  /** The edition date given by the caller, or read from the page header when none was given. */
  editionDate?: string;
  /** Set when the caller asked for the hand rules instead of the page-structure model. */
  structure?: StructureMode;
  /** Set when furniture learned over a corpus was given: its source, pages and lines. */
  learnedFurniture?: { source: string; documents: number; lines: number };
}
