import type { Block } from '../../model/doc.js';
import { articleParts, type Part } from '../../model/parts.js';
import type { Article } from '../../model/types.js';
import type { Shape } from '../../text/classify.js';
import type { StageContext } from '../context.js';
import { RULES, type SegmentLabelRule } from './rules.js';
import type { Unit } from './units.js';

/**
 * The ledger side of segmentation, kept apart from the decisions: once the articles are put
 * together (by the hand rules or by a model), these functions record where each article
 * starts (`split`), the role of every piece of it (`label`), the paragraphs that open
 * mid-sentence (`flag`) and the text placed in the residue (`place`).
 */

type Ctx = StageContext<'segment'>;

/** A block no article could take, and the rule that says why. */
export interface Orphan {
  block: Block;
  rule: typeof RULES.orphanTitle | typeof RULES.orphanHeading;
}

/** What the page-structure model said of the unit a part starts with. */
export interface ModelVerdict {
  label: string;
  probability: number;
  features: string;
  runnerUp: string;
}

export interface RecordOptions {
  /** The model's verdict on a part (by where it starts); absent when the hand rules decided. */
  model?: (part: Part) => ModelVerdict | undefined;
}

/** Shape of each unit's line, by where its block starts in the source. */
export type ShapeIndex = ReadonlyMap<number, Shape>;

export function shapeIndex(units: readonly Unit[]): ShapeIndex {
  const index = new Map<number, Shape>();
  for (const u of units) {
    const first = u.block.spans[0];
    if (first) index.set(first.start, u.shape);
  }
  return index;
}

function start(part: Part): number {
  return part.spans[0]?.start ?? Infinity;
}

/** The rule that labels a part: by its role, and by its line's shape where one role has two paths. */
export function labelRule(part: Part, shape: Shape | undefined): SegmentLabelRule {
  switch (part.role) {
    case 'kicker':
    case 'headline':
    case 'subheadline':
    case 'dateline':
    case 'sourceTag':
    case 'related':
    case 'subhead':
      return RULES[part.role];
    case 'byline':
      return part.place === 'field' ? RULES.byline : RULES.sectionByline;
    case 'paragraph':
      return shape === 'dateline' ? RULES.roundupItem : RULES.paragraph;
    case 'caption':
      return shape === 'paragraph' ? RULES.photoCaption : RULES.caption;
    case 'note':
      return shape === 'sourceTag' ? RULES.extraSourceTag : RULES.note;
  }
}

/** Where an article starts, named by what opens it: a headline group, a dateline, or neither. */
export function recordBoundary(
  ctx: Ctx,
  article: Article,
  first: Part,
  verdict?: ModelVerdict,
): void {
  const span = first.spans[0];
  if (verdict) {
    const facts = { ...verdict, article: article.id, at: span.start };
    ctx.split(RULES.modelBoundary, [span], { facts, refs: [article.id] });
    return;
  }
  const rule =
    first.role === 'kicker' || first.role === 'headline' || first.role === 'subheadline'
      ? RULES.opensWithHeadline
      : first.role === 'dateline'
        ? RULES.opensWithDateline
        : RULES.opensHeadless;
  ctx.split(rule, [span], { facts: { at: span.start, article: article.id }, refs: [article.id] });
}

/** The role of one part of an article. */
export function recordLabel(
  ctx: Ctx,
  article: Article,
  part: Part,
  shapes: ShapeIndex,
  verdict?: ModelVerdict,
): void {
  const shape = shapes.get(start(part)) ?? 'unknown';
  if (verdict) {
    const facts = { ...verdict, article: article.id };
    ctx.label(RULES.modelLabel, part.spans, part.role, {
      facts,
      refs: [article.id],
      probability: verdict.probability,
    });
    return;
  }
  ctx.label(labelRule(part, shape === 'unknown' ? undefined : shape), part.spans, part.role, {
    facts: { article: article.id, shape },
    refs: [article.id],
  });
}

/** Paragraphs whose start was lost (they open mid-sentence): a lacuna before them. */
export function recordOpenings(ctx: Ctx, article: Article): void {
  for (const item of article.body) {
    const first = item.spans[0];
    if (!item.lacunaBefore || !first) continue;
    const at = { start: first.start, end: first.start };
    ctx.flag(RULES.startsMidSentence, [at], { facts: { article: article.id }, refs: [article.id] });
  }
}

/** Everything segment decided about one article, its pieces in source order. */
export function recordArticle(
  ctx: Ctx,
  article: Article,
  shapes: ShapeIndex,
  options: RecordOptions = {},
): void {
  const parts = articleParts(article).sort((a, b) => start(a) - start(b));
  if (parts.length === 0 || parts[0].spans.length === 0) return;
  recordBoundary(ctx, article, parts[0], options.model?.(parts[0]));
  for (const part of parts)
    if (part.spans.length > 0) recordLabel(ctx, article, part, shapes, options.model?.(part));
  recordOpenings(ctx, article);
}

/** Record a whole segmentation: the articles in order, then the text left for the residue. */
export function recordSegmentation(
  ctx: Ctx,
  articles: readonly Article[],
  units: readonly Unit[],
  orphans: readonly Orphan[],
  options: RecordOptions = {},
): void {
  const shapes = shapeIndex(units);
  for (const article of articles) recordArticle(ctx, article, shapes, options);
  for (const { block, rule } of orphans) ctx.place(rule, block);
}
