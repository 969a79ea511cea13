import type { Block, Doc } from '../model/doc.js';
import type { Edit, EditAction, Facts, ResidueItem, Role, Span } from '../model/types.js';
import { isRegistered } from './registry.js';
import { render, type Rule } from './rule.js';
import type { StageName } from './stage.js';

/** What every entry may carry besides its rule and spans. */
export interface EntryOptions<F> {
  /** Structured evidence; the rule renders `reason` and `evidence` from it. */
  facts?: F;
  /** Ids that resolve in the Edition: articles, residue items, other edits. */
  refs?: string[];
}

/** Fields of an entry beyond what every entry has. */
type Extra = Pick<Edit, 'text' | 'probability' | 'role' | 'suggestion' | 'likely' | 'kept'>;

/** The evidence a rule renders from the facts of an entry (a rule that has some needs facts). */
function evidenceOf<F extends Facts>(rule: Rule<F>, facts: F | undefined): string | undefined {
  if (!rule.evidence) return undefined;
  if (facts === undefined)
    throw new Error(`rule ${rule.id} renders from facts, and none were given`);
  return rule.evidence(facts);
}

function copySpans(spans: readonly Span[]): Span[] {
  return spans.map((s) => ({ start: s.start, end: s.end }));
}

/**
 * The ledger as one stage sees it: bound to the stage's name, it takes rules from that stage's
 * table only, and writes each decision with the rule's id, category, rendered reason and
 * confidence. Using another stage's rule, a rule outside the registry or a rule with the wrong
 * verb is a programming error and throws.
 */
export class StageContext<S extends StageName = StageName> {
  constructor(
    private readonly doc: Doc,
    readonly stage: S,
  ) {}

  /** A whole block removed: its text moves into the entry (`kept`: the copy kept instead). */
  drop<F extends Facts>(
    rule: Rule<F, S, 'drop'>,
    block: Block,
    options: EntryOptions<NoInfer<F>> & { kept?: readonly Span[] } = {},
  ): Edit {
    const edit = this.record(rule, 'drop', block.spans, options, {
      text: block.text,
      // Copy the kept spans: the kept block may still grow (joins) or be cut (datelines).
      kept: options.kept && copySpans(options.kept),
    });
    block.status = 'dropped';
    return edit;
  }

  /** Pieces made one: `seams` are the gaps closed between them (line breaks, a column break). */
  join<F extends Facts>(
    rule: Rule<F, S, 'join'>,
    seams: readonly Span[],
    options: EntryOptions<NoInfer<F>> = {},
  ): Edit {
    return this.record(rule, 'join', seams, options, {});
  }

  /** Something worth a reader's eye, not changed: a lacuna (empty span), a variant (`likely`). */
  flag<F extends Facts>(
    rule: Rule<F, S, 'flag'>,
    spans: readonly Span[],
    options: EntryOptions<NoInfer<F>> & { likely?: string } = {},
  ): Edit {
    return this.record(rule, 'flag', spans, options, { likely: options.likely });
  }

  /** A restoration the dump attests, offered beside the text (never inserted unless asked). */
  suggest<F extends Facts>(
    rule: Rule<F, S, 'suggest'>,
    at: Span,
    suggestion: string,
    options: EntryOptions<NoInfer<F>> = {},
  ): Edit {
    return this.record(rule, 'suggest', [at], options, { suggestion });
  }

  /** The role of a block (or of text made of several blocks) in its article. */
  label<F extends Facts>(
    rule: Rule<F, S, 'label'>,
    target: Block | readonly Span[],
    role: Role,
    options: EntryOptions<NoInfer<F>> & { probability?: number } = {},
  ): Edit {
    const spans = 'spans' in target ? target.spans : target;
    return this.record(rule, 'label', spans, options, { role, probability: options.probability });
  }

  /** A cut: a block cut in two, or where an article starts. `facts.at` is the cut's offset. */
  split<F extends Facts & { at: number }>(
    rule: Rule<F, S, 'split'>,
    spans: readonly Span[],
    options: EntryOptions<NoInfer<F>> & { facts: NoInfer<F> },
  ): Edit {
    return this.record(rule, 'split', spans, options, {});
  }

  /** Text kept but placed in no article: it goes to the residue, and the entry refers to it. */
  place<F extends Facts>(
    rule: Rule<F, S, 'place'>,
    piece: { text: string; spans: Span[] },
    options: EntryOptions<NoInfer<F>> = {},
  ): ResidueItem {
    const item: ResidueItem = {
      id: `r${this.doc.residue.length + 1}`,
      text: piece.text,
      spans: piece.spans,
      reason: render(rule.reason, options.facts, rule.id),
    };
    this.doc.residue.push(item);
    this.record(
      rule,
      'place',
      piece.spans,
      { ...options, refs: [item.id, ...(options.refs ?? [])] },
      {},
    );
    return item;
  }

  private check(rule: Rule, verb: EditAction): void {
    if (rule.stage !== this.stage)
      throw new Error(`the ${this.stage} stage used ${rule.id}, a rule of the ${rule.stage} stage`);
    if (rule.action !== verb)
      throw new Error(`${rule.id} is a ${rule.action} rule, used to ${verb}`);
    if (!isRegistered(rule))
      throw new Error(`${rule.id} is not in the rule registry (src/stages/registry.ts)`);
  }

  private record<F extends Facts>(
    rule: Rule<F>,
    verb: EditAction,
    spans: readonly Span[],
    options: EntryOptions<F>,
    extra: Extra,
  ): Edit {
    this.check(rule, verb);
    const { facts, refs } = options;
    const evidence = evidenceOf(rule, facts);
    const probability = extra.probability;
    return this.doc.ledger.add({
      stage: rule.stage,
      rule: rule.id,
      category: rule.category,
      action: verb,
      spans: spans as Span[],
      ...(extra.text !== undefined ? { text: extra.text } : {}),
      reason: render(rule.reason, facts, rule.id),
      ...(evidence !== undefined ? { evidence } : {}),
      confidence: render(rule.confidence, facts, rule.id),
      ...(probability !== undefined ? { probability } : {}),
      ...(extra.role !== undefined ? { role: extra.role } : {}),
      ...(extra.suggestion !== undefined ? { suggestion: extra.suggestion } : {}),
      ...(extra.likely !== undefined ? { likely: extra.likely } : {}),
      ...(facts !== undefined ? { facts } : {}),
      ...(refs && refs.length > 0 ? { refs } : {}),
      ...(extra.kept !== undefined ? { kept: extra.kept } : {}),
    });
  }
}
