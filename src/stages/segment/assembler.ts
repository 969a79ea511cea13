import type { Block, Doc } from '../../model/doc.js';
import {
  addBody,
  addBodyJoined,
  addRelated,
  finishDraft,
  hasBody,
  hasParagraph,
  newDraft,
  setField,
  type Draft,
} from './article.js';
import { CLOSING_NOTE, isCreditLine, isTrailingNote, type Shape } from '../../text/classify.js';
import { parseDatelineField } from './dateline.js';
import {
  assignHeadings,
  headlineGroupSize,
  isFeatureSpread,
  startsNewArticle,
} from './headings.js';
import type { Orphan } from './record.js';
import { RULES } from './rules.js';
import type { Unit } from './units.js';

/** Heading lines looked at together; longer runs are lists (signatures, related boxes). */
const MAX_HEADING_RUN = 8;
/** Photo captions are one or two sentences; a longer paragraph before a credit is body text. */
const MAX_CAPTION_CHARS = 120;

const BODY_SHAPES = new Set<Shape>(['dateline', 'byline', 'paragraph', 'caption', 'note']);

/**
 * Walks the units in reading order and puts articles together: heading runs open articles or
 * become subheads and related titles, datelines, bylines and source tags fill their fields,
 * the rest goes into the body of the article it belongs to.
 */
export class Assembler {
  readonly drafts: Draft[] = [];
  /** Blocks for the residue, in the order they were met. */
  readonly orphans: Orphan[] = [];
  current: Draft | undefined;

  constructor(
    private readonly doc: Doc,
    private readonly units: Unit[],
  ) {}

  /** Assemble the articles; `finish: false` leaves out the flags (when only the reading is wanted). */
  run(options: { finish?: boolean } = {}): void {
    let i = 0;
    while (i < this.units.length) i = this.step(i);
    if (options.finish === false) return;
    for (const draft of this.drafts) finishDraft(this.doc, draft);
  }

  private open(): Draft {
    this.current = newDraft(this.drafts.length);
    this.drafts.push(this.current);
    return this.current;
  }

  /** The article body text goes to: the current one, or a new headless one. */
  private bodyTarget(): Draft {
    if (!this.current || this.current.closed) {
      const draft = this.open();
      draft.article.flags.push('truncated-start');
      return draft;
    }
    return this.current;
  }

  /** Consecutive heading lines from `i`, not interrupted by page furniture. */
  private headingRun(i: number): Unit[] {
    const run = [this.units[i]];
    for (let j = i + 1; j < this.units.length && run.length < MAX_HEADING_RUN; j++) {
      const u = this.units[j];
      if (u.shape !== 'heading' || u.afterFurniture) break;
      run.push(u);
    }
    return run;
  }

  /** Text no article can take: kept aside for the residue, placed once assembly is done. */
  private toResidue(block: Block, rule: Orphan['rule']): void {
    this.orphans.push({ block, rule });
  }

  private followingText(from: number): string {
    let text = '';
    for (let j = from; j < this.units.length && text.length < 400; j++) {
      if (this.units[j].shape === 'heading') break;
      text += this.units[j].block.text;
    }
    return text;
  }

  private stepHeading(i: number): number {
    const run = this.headingRun(i);
    const after = this.units[i + run.length];
    const next = i + run.length;
    const bodyFollows = after !== undefined && BODY_SHAPES.has(after.shape) && !after.afterStoryEnd;
    if (!bodyFollows) {
      for (const u of run) {
        if (this.current) addRelated(this.current, u.block);
        else this.toResidue(u.block, RULES.orphanTitle);
      }
      return next;
    }
    // The headline group is the end of the run, right above the body; lines before it
    // (a signature block, the last subheads of the story above) belong to what precedes.
    const blocks = run.map((u) => u.block);
    // Titles right after a story-ending QR code or editor line are a related-title box (D7);
    // only the lines right above the body are the next story's headline group.
    const box = run[0].afterStoryEnd;
    const size = headlineGroupSize(blocks, box);
    const lead = blocks.slice(0, blocks.length - size);
    const group = blocks.slice(blocks.length - size);
    const current = this.current;
    for (const block of lead) {
      if (current && box) addRelated(current, block);
      else if (current && !current.closed) addBody(current, 'subhead', block);
      else this.toResidue(block, RULES.orphanHeading);
    }
    if (current && !current.closed && this.continuesArticle(current, group, i, after.shape, next)) {
      for (const block of group) addBody(current, 'subhead', block);
      return next;
    }
    const draft = this.open();
    const roles = assignHeadings(group);
    if (roles.kicker) setField(draft, 'kicker', roles.kicker);
    setField(draft, 'headline', roles.headline);
    if (roles.subheadline) setField(draft, 'subheadline', roles.subheadline);
    return next;
  }

  /** Whether heading lines followed by body are subheads of `current` rather than a new headline. */
  private continuesArticle(
    current: Draft,
    group: Block[],
    first: number,
    nextShape: Shape,
    next: number,
  ): boolean {
    // The first section under a photo-spread feature marks the article as a feature.
    if (nextShape === 'byline' && isFeatureSpread(current)) current.feature = true;
    if (hasBody(current)) {
      // Stories open with their photo (caption + credit) and new page regions follow
      // furniture; subheads are followed by text, inside the story.
      if (nextShape === 'caption' || this.isPhotoCaption(next) || this.units[first].afterStoryEnd)
        return false;
      return !startsNewArticle(group, nextShape, this.followingText(next), current);
    }
    // Below a headline with only its byline or dateline so far, a heading opens the body
    // (核心阅读) rather than a new article, unless a dateline or byline follows it.
    const { article } = current;
    const credited = article.byline !== undefined || article.dateline !== undefined;
    return (
      article.headline !== undefined &&
      credited &&
      nextShape !== 'dateline' &&
      nextShape !== 'byline'
    );
  }

  private step(i: number): number {
    const unit = this.units[i];
    const { block } = unit;
    switch (unit.shape) {
      case 'heading':
        return this.stepHeading(i);
      case 'dateline': {
        const current = this.current;
        // A story may open with its photos (captions, credits) before its dateline; only
        // running text makes a story under way.
        const running = current !== undefined && hasParagraph(current);
        // A dateline inside a running story opens another item of a roundup (本报莫斯科…电,
        // 本报华盛顿…电 under one headline): it stays in the story with the paragraph it opens.
        const next = this.units[i + 1];
        if (running && !current.closed && next?.shape === 'paragraph' && !next.afterFurniture) {
          addBodyJoined(current, 'paragraph', [block, next.block]);
          return i + 2;
        }
        const fresh = !current || running || current.article.dateline || current.closed;
        const draft = fresh ? this.open() : current;
        draft.article.dateline = parseDatelineField(block, this.doc);
        break;
      }
      case 'sourceTag': {
        const draft = this.current ?? this.open();
        // A second tag under the same story (two wires closing together) is kept as a note.
        if (draft.article.sourceTag) addBody(draft, 'note', block);
        else setField(draft, 'sourceTag', block);
        draft.closed = true;
        break;
      }
      case 'byline': {
        const draft = this.bodyTarget();
        if (!hasBody(draft) && !draft.article.byline) setField(draft, 'byline', block);
        else addBody(draft, 'byline', block);
        break;
      }
      case 'note':
        // Notes that trail a story (author, credits, see-also) stay with it even after its
        // source tag or author note closed it; an editor's note opens what follows.
        addBody(
          isTrailingNote(block.text) && this.current ? this.current : this.bodyTarget(),
          'note',
          block,
        );
        if (CLOSING_NOTE.test(block.text)) this.current!.closed = true;
        break;
      default:
        addBody(
          this.bodyTarget(),
          this.isPhotoCaption(i)
            ? 'caption'
            : unit.shape === 'paragraph'
              ? 'paragraph'
              : unit.shape,
          block,
        );
    }
    if (
      unit.continued &&
      this.current &&
      !this.current.article.flags.includes('continued-elsewhere')
    ) {
      this.current.article.flags.push('continued-elsewhere');
    }
    return i + 1;
  }

  /** A short paragraph right before a photo credit (…摄) is the photo's caption. */
  private isPhotoCaption(i: number): boolean {
    const unit = this.units[i];
    const next = this.units[i + 1];
    if (unit.shape !== 'paragraph' || unit.block.text.length > MAX_CAPTION_CHARS || !next)
      return false;
    if (next.afterFurniture) return false;
    // Before its credit (…摄), or between a headline and the story's dateline.
    const credit = next.shape === 'caption' && isCreditLine(next.block.text);
    const underHeadline = this.units[i - 1]?.shape === 'heading' && next.shape === 'dateline';
    return credit || underHeadline;
  }
}
