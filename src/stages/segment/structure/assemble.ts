import type { Doc } from '../../../model/doc.js';
import {
  addBody,
  addBodyJoined,
  addRelated,
  hasBody,
  newDraft,
  setField,
  type Draft,
} from '../article.js';
import { parseDatelineField } from '../dateline.js';
import type { Orphan } from '../record.js';
import { RULES } from '../rules.js';
import type { Unit } from '../units.js';
import { opensArticle, roleOf, type UnitRole } from './labels.js';

/** Roles that put a unit into an article's body. */
const BODY_KIND = {
  paragraph: 'paragraph',
  subhead: 'subhead',
  caption: 'caption',
  note: 'note',
} as const;

/**
 * Builds the articles of a page from the model's labels: a `+` label opens an article, the
 * role says where the unit goes in it. The labels decide; this only follows them, and puts a
 * unit the article cannot hold as labelled (a second headline) where it still fits.
 */
export class LabelAssembler {
  readonly drafts: Draft[] = [];
  /** Units no article could take (a related title before any article): for the residue. */
  readonly orphans: Orphan[] = [];
  private current: Draft | undefined;
  /** For each unit, the index of the draft it went to (-1: residue). */
  readonly owner: number[];

  constructor(
    private readonly doc: Doc,
    private readonly units: readonly Unit[],
    private readonly labels: readonly string[],
  ) {
    this.owner = new Array(units.length).fill(-1);
  }

  run(): Draft[] {
    for (let i = 0; i < this.units.length; i++) i = this.place(i);
    return this.drafts;
  }

  private open(truncated: boolean): Draft {
    this.current = newDraft(this.drafts.length);
    if (truncated) this.current.article.flags.push('truncated-start');
    this.drafts.push(this.current);
    return this.current;
  }

  /** Puts unit `i` where its label says; returns the last unit index it consumed. */
  private place(i: number): number {
    const unit = this.units[i];
    const label = this.labels[i];
    const role = roleOf(label);
    if (role === 'related' && !opensArticle(label)) {
      if (this.current) {
        addRelated(this.current, unit.block);
        this.owner[i] = this.drafts.length - 1;
      } else this.orphans.push({ block: unit.block, rule: RULES.orphanTitle });
      return i;
    }
    const draft =
      opensArticle(label) || !this.current
        ? this.open(!HEADING_ROLES.has(role) && role !== 'dateline')
        : this.current;
    const last = this.put(draft, role, i);
    for (let k = i; k <= last; k++) this.owner[k] = this.drafts.length - 1;
    if (unit.continued && !draft.article.flags.includes('continued-elsewhere'))
      draft.article.flags.push('continued-elsewhere');
    return last;
  }

  private put(draft: Draft, role: UnitRole, i: number): number {
    const { block } = this.units[i];
    const { article } = draft;
    switch (role) {
      case 'kicker':
        if (article.kicker === undefined && article.headline === undefined)
          setField(draft, 'kicker', block);
        else addBody(draft, 'subhead', block);
        return i;
      case 'headline':
        if (article.headline === undefined) setField(draft, 'headline', block);
        else addBody(draft, 'subhead', block);
        return i;
      case 'subheadline':
        if (article.subheadline === undefined && !hasBody(draft))
          setField(draft, 'subheadline', block);
        else addBody(draft, 'subhead', block);
        return i;
      case 'dateline':
        if (article.dateline === undefined) {
          article.dateline = parseDatelineField(block, this.doc);
          return i;
        }
        return this.putItemDateline(draft, i);
      case 'itemDateline':
        return this.putItemDateline(draft, i);
      case 'byline':
        if (!hasBody(draft) && article.byline === undefined) setField(draft, 'byline', block);
        else addBody(draft, 'byline', block);
        return i;
      case 'sourceTag':
        if (article.sourceTag === undefined) setField(draft, 'sourceTag', block);
        else addBody(draft, 'note', block);
        draft.closed = true;
        return i;
      case 'related':
        addRelated(draft, block);
        return i;
      default:
        addBody(draft, BODY_KIND[role], block);
        return i;
    }
  }

  /** A roundup item's dateline makes one paragraph with the text it opens. */
  private putItemDateline(draft: Draft, i: number): number {
    const next = this.units[i + 1];
    const label = this.labels[i + 1];
    if (next && label !== undefined && roleOf(label) === 'paragraph' && !opensArticle(label)) {
      addBodyJoined(draft, 'paragraph', [this.units[i].block, next.block]);
      return i + 1;
    }
    addBody(draft, 'paragraph', this.units[i].block);
    return i;
  }
}

const HEADING_ROLES = new Set<UnitRole>(['kicker', 'headline', 'subheadline']);
