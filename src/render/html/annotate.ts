import { articleParts } from '../../model/parts.js';
import type { Article, Edit, Edition, Role, Span } from '../../model/types.js';
import { categoryOf } from '../../stages/registry.js';

/** What holds a run of source text. */
export type SegmentKind = 'kept' | 'drop' | 'residue' | 'layout';
/** How a dropped piece is shown: a repeat, page furniture, a headline echo, or another drop. */
export type DropCategory = 'duplicate' | 'boilerplate' | 'echo' | 'drop';

export interface SourceSegment {
  start: number;
  end: number;
  kind: SegmentKind;
  /** Article id (`a1`) and field (`headline`, `body[2]`…) for kept text. */
  article?: string;
  field?: string;
  /** Residue id for residue text; edit id for dropped text. */
  residue?: string;
  edit?: string;
  category?: DropCategory;
  /** Ids of flag/suggest/join edits and variant markers covering this run. */
  marks: string[];
  /** The label edit that gave this run of kept text its role. */
  label?: string;
  variant?: boolean;
}

export interface PointMark {
  at: number;
  /** A paragraph joined, a hard wrap undone, text lost, or where a labelled piece starts. */
  kind: 'join' | 'wrap' | 'lacuna' | 'label';
  /** Edit id (for joins, flags and labels) or article id (for lacunae of a body item). */
  ref: string;
  /** For labels: the role given. */
  role?: Role;
  suggestion?: string;
  evidence?: string;
}

export interface KeptLink {
  /** The dropped edit. */
  edit: string;
  /** Source offset of the kept copy. */
  at: number;
  article?: string;
}

export interface SourceAnnotation {
  segments: SourceSegment[];
  points: PointMark[];
  keptLinks: KeptLink[];
}

/** A run of source text with what holds it; becomes a SourceSegment once marks are known. */
type Owned = Omit<SourceSegment, 'edit' | 'category' | 'marks'> & { edit?: Edit };

/** Shortest tail of a dropped repeat we accept as evidence of where the kept copy is. */
const MIN_KEPT_MATCH = 4;
/** Damaged leading characters we try to skip when looking for the kept copy. */
const MAX_DAMAGED_PREFIX = 8;

export function dropCategory(edit: Edit): DropCategory {
  switch (categoryOf(edit)) {
    case 'furniture':
      return 'boilerplate';
    case 'echo':
      return 'echo';
    case 'duplicate':
      return 'duplicate';
    default:
      return 'drop';
  }
}

function spansOf(list: Owned[], spans: readonly Span[], base: Omit<Owned, 'start' | 'end'>): void {
  for (const s of spans) if (s.end > s.start) list.push({ ...base, start: s.start, end: s.end });
}

function articleOwned(a: Article, out: Owned[]): void {
  for (const part of articleParts(a))
    spansOf(out, part.spans, { kind: 'kept', article: a.id, field: part.name });
}

function owned(edition: Edition): Owned[] {
  const out: Owned[] = [];
  for (const a of edition.articles) articleOwned(a, out);
  for (const r of edition.residue) spansOf(out, r.spans, { kind: 'residue', residue: r.id });
  for (const e of edition.edits)
    if (e.action === 'drop') spansOf(out, e.spans, { kind: 'drop', edit: e });
  return out.sort((x, y) => x.start - y.start);
}

/** Source offset of `at` characters into a text made of `spans`. */
export function sourceOffset(spans: readonly Span[], at: number): number | undefined {
  let rest = at;
  for (const s of spans) {
    const length = s.end - s.start;
    if (rest <= length) return s.start + rest;
    rest -= length;
  }
  return undefined;
}

function lacunaPoints(edition: Edition): PointMark[] {
  const points: PointMark[] = [];
  for (const a of edition.articles)
    for (const item of a.body) {
      const first = item.spans[0];
      const last = item.spans[item.spans.length - 1];
      if (item.lacunaBefore && first) points.push({ at: first.start, kind: 'lacuna', ref: a.id });
      for (const l of item.lacunae) {
        const at = sourceOffset(item.spans, l.at);
        if (at !== undefined)
          points.push({
            at,
            kind: 'lacuna',
            ref: a.id,
            suggestion: l.suggestion,
            evidence: l.evidence,
          });
      }
      if (item.lacunaAfter && last) points.push({ at: last.end, kind: 'lacuna', ref: a.id });
    }
  return points;
}

function editPoints(edition: Edition): PointMark[] {
  const points: PointMark[] = [];
  for (const e of edition.edits) {
    const category = categoryOf(e);
    if (e.action === 'join') {
      // Each span is a seam closed: a column break, or the line breaks of a hard wrap.
      const kind = category === 'wrap' ? 'wrap' : 'join';
      for (const s of e.spans) points.push({ at: s.start, kind, ref: e.id, evidence: e.reason });
    }
    if (category === 'lacuna' || category === 'restoration')
      for (const s of e.spans)
        if (s.end === s.start)
          points.push({
            at: s.start,
            kind: 'lacuna',
            ref: e.id,
            ...(e.suggestion ? { suggestion: e.suggestion } : {}),
            evidence: e.reason,
          });
    if (e.action === 'label' && e.spans[0])
      points.push({
        at: e.spans[0].start,
        kind: 'label',
        ref: e.id,
        role: e.role,
        evidence: e.reason,
      });
  }
  return points;
}

/**
 * Where the copy kept instead of a dropped repeat stands in the source: the edit's `kept`
 * spans, or (for editions written before they were recorded) found by its text.
 */
function findKept(text: string, drop: Edit, pieces: Owned[]): KeptLink | undefined {
  const at = drop.kept?.[0]?.start;
  if (at !== undefined) return { edit: drop.id, at, article: pieceAt(pieces, at)?.article };
  const dropped = (drop.text ?? '').trim();
  for (
    let skip = 0;
    skip <= MAX_DAMAGED_PREFIX && dropped.length - skip >= MIN_KEPT_MATCH;
    skip++
  ) {
    const needle = dropped.slice(skip);
    for (const p of pieces) {
      if (p.kind !== 'kept' && p.kind !== 'residue') continue;
      const i = text.slice(p.start, p.end).indexOf(needle);
      if (i >= 0) return { edit: drop.id, at: p.start + i, article: p.article };
    }
  }
  return undefined;
}

/** The piece holding source offset `at` (pieces are sorted by start and do not overlap). */
function pieceAt(pieces: Owned[], at: number): Owned | undefined {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  const p = pieces[lo - 1];
  return p && at < p.end ? p : undefined;
}

/** Lacunae of body items, plus flag edits at points where no body lacuna already shows one. */
function mergePoints(lacunae: PointMark[], fromEdits: PointMark[]): PointMark[] {
  const at = new Set(lacunae.map((p) => p.at));
  const extra = fromEdits.filter((p) => p.kind !== 'lacuna' || !at.has(p.at));
  return [...lacunae, ...extra].sort((a, b) => a.at - b.at);
}

interface Overlay {
  start: number;
  end: number;
  id: string;
  variant: boolean;
}

/** Edits shown over the text they cover: flags, suggestions, joins (hard-wrap seams are only points). */
function isOverlay(e: Edit): boolean {
  if (e.action === 'join') return categoryOf(e) !== 'wrap';
  return e.action === 'flag' || e.action === 'suggest';
}

function overlays(edition: Edition): Overlay[] {
  const out: Overlay[] = [];
  for (const e of edition.edits)
    if (isOverlay(e))
      for (const s of e.spans)
        if (s.end > s.start) out.push({ start: s.start, end: s.end, id: e.id, variant: false });
  for (const a of edition.articles)
    a.variants.forEach((v, i) => {
      for (const s of v.spans)
        out.push({ start: s.start, end: s.end, id: `${a.id}.v${i + 1}`, variant: true });
    });
  return out;
}

function boundaries(
  text: string,
  pieces: Owned[],
  over: Overlay[],
  points: PointMark[],
  kept: KeptLink[],
): number[] {
  const cuts = new Set<number>([0, text.length]);
  for (const k of kept) cuts.add(k.at);
  for (const p of pieces) (cuts.add(p.start), cuts.add(p.end));
  for (const o of over) (cuts.add(o.start), cuts.add(o.end));
  for (const p of points) cuts.add(p.at);
  return [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
}

/**
 * The label edit of each labelled span, by where the span starts (kept pieces are cut along
 * the same spans). Where two stages labelled one span, the later (segment's) label wins.
 */
function labelsByStart(edition: Edition): Map<number, string> {
  const labels = new Map<number, string>();
  for (const e of edition.edits)
    if (e.action === 'label') for (const s of e.spans) labels.set(s.start, e.id);
  return labels;
}

/**
 * The overlays covering each segment in turn, for segments given in source order. Segments are
 * cut at every overlay's ends, so an overlay covers a segment exactly when it is open at the
 * segment's start; a sweep keeps that set instead of scanning every overlay per segment.
 */
class OpenOverlays {
  private readonly byStart: Overlay[];
  private next = 0;
  private open: Overlay[] = [];

  constructor(over: Overlay[]) {
    this.byStart = [...over].sort((a, b) => a.start - b.start);
  }

  /** Overlays with start ≤ `start` and end ≥ `end` (calls must come with rising `start`). */
  covering(start: number, end: number): Overlay[] {
    while (this.next < this.byStart.length && this.byStart[this.next].start <= start)
      this.open.push(this.byStart[this.next++]);
    this.open = this.open.filter((o) => o.end > start);
    return this.open.filter((o) => o.end >= end);
  }
}

function segmentAt(
  start: number,
  end: number,
  piece: Owned | undefined,
  covering: Overlay[],
  labels: Map<number, string>,
): SourceSegment {
  const seg: SourceSegment = {
    start,
    end,
    kind: piece ? piece.kind : 'layout',
    marks: covering.map((o) => o.id),
  };
  if (covering.some((o) => o.variant)) seg.variant = true;
  if (piece?.article) ((seg.article = piece.article), (seg.field = piece.field));
  const label = piece?.kind === 'kept' ? labels.get(piece.start) : undefined;
  if (label) seg.label = label;
  if (piece?.residue) seg.residue = piece.residue;
  if (piece?.edit) ((seg.edit = piece.edit.id), (seg.category = dropCategory(piece.edit)));
  return seg;
}

/**
 * Annotate the decoded source with what the edition did to each run of it: kept (in which
 * article field), dropped (by which edit, and where the kept copy is), residue or layout;
 * with join points, lacunae, flags and variants marked. Pure data, for HTML and the JSON API.
 */
export function annotateSource(text: string, edition: Edition): SourceAnnotation {
  const pieces = owned(edition);
  const over = overlays(edition);
  const points = mergePoints(lacunaPoints(edition), editPoints(edition));
  const keptLinks = edition.edits
    .filter((e) => e.action === 'drop' && dropCategory(e) !== 'boilerplate')
    .map((e) => findKept(text, e, pieces))
    .filter((k): k is KeptLink => k !== undefined);
  const cuts = boundaries(text, pieces, over, points, keptLinks);
  const labels = labelsByStart(edition);
  const open = new OpenOverlays(over);
  const segments: SourceSegment[] = [];
  let p = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    while (p < pieces.length && pieces[p].end <= start) p++;
    const piece = pieces[p] && pieces[p].start <= start ? pieces[p] : undefined;
    segments.push(segmentAt(start, end, piece, open.covering(start, end), labels));
  }
  return { segments, points, keptLinks };
}
