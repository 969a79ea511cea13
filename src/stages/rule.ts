import type { EditAction, Facts, RuleCategory } from '../model/types.js';
import type { StageName } from './stage.js';

/** A value fixed by the rule, or rendered from the facts of one entry. */
export type FromFacts<F, T> = T | ((facts: F) => T);

/**
 * One way a stage decides: one detector or one code path, never shared. Its entries in the
 * ledger carry its id, category and action; reason and evidence are prose rendered from the
 * entry's facts, so the facts are the evidence and the prose only a reading of them.
 */
export interface RuleSpec<F extends Facts = any, A extends EditAction = EditAction> {
  /** `stage.name`, unique over all stages; a row of docs/rules.md. */
  readonly id: string;
  readonly category: RuleCategory;
  readonly action: A;
  /** Why the decision was made, in one sentence. */
  readonly reason: FromFacts<F, string>;
  /** The evidence in prose, when the facts say more than the reason. */
  readonly evidence?: (facts: F) => string | undefined;
  readonly confidence: FromFacts<F, number>;
  /** How the confidence was set: measured on the dev set, or a judgement and on what grounds. */
  readonly confidenceNote: string;
}

/** A rule bound to its stage, as the stage's table holds it. */
export interface Rule<
  F extends Facts = any,
  S extends StageName = StageName,
  A extends EditAction = EditAction,
> extends RuleSpec<F, A> {
  readonly stage: S;
  /** Where the rule is described: its row in docs/rules.md. */
  readonly docs: string;
}

type Bound<S extends StageName, T> = {
  readonly [K in keyof T]: T[K] & { readonly stage: S; readonly docs: string };
};

/** The docs anchor of a rule: each row of docs/rules.md carries `<a id="…">` with the rule id. */
export function docsAnchor(id: string): string {
  return `docs/rules.md#${id}`;
}

/**
 * A stage's rule table: each rule gets the stage and its docs anchor. Ids must start with the
 * stage name, so an id alone says which table (and which file) defines it.
 */
export function defineRules<S extends StageName, const T extends Record<string, RuleSpec>>(
  stage: S,
  specs: T,
): Bound<S, T> {
  const table: Record<string, Rule> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (!spec.id.startsWith(`${stage}.`))
      throw new Error(`rule ${spec.id} is in the ${stage} table but not named after it`);
    table[key] = Object.freeze({ ...spec, stage, docs: docsAnchor(spec.id) });
  }
  return Object.freeze(table) as Bound<S, T>;
}

/** A rule's fixed value, or the one its facts give. */
export function render<F, T>(value: FromFacts<F, T>, facts: F | undefined, id: string): T {
  if (typeof value !== 'function') return value;
  if (facts === undefined) throw new Error(`rule ${id} renders from facts, and none were given`);
  return (value as (facts: F) => T)(facts);
}
