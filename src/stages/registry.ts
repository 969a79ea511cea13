import type { Edit, EditAction, RuleCategory } from '../model/types.js';
import { RULES as BLOCKS } from './blocks/rules.js';
import { RULES as BOILERPLATE } from './boilerplate/rules.js';
import { RULES as DATELINE } from './dateline/rules.js';
import { RULES as DEDUPE } from './dedupe/rules.js';
import { RULES as REJOIN } from './rejoin/rules.js';
import type { Rule } from './rule.js';
import { RULES as SEGMENT } from './segment/rules.js';
import { RULES as VARIANTS } from './variants/rules.js';

export type { RuleCategory } from '../model/types.js';

/**
 * Every rule of every stage, by stage. A stage's context only records rules found here, so a
 * rule missing from its table cannot reach the ledger. The metadata stage decides nothing the
 * ledger holds (it reads the articles) and has no table.
 */
export const RULE_TABLES = {
  blocks: BLOCKS,
  boilerplate: BOILERPLATE,
  dedupe: DEDUPE,
  dateline: DATELINE,
  rejoin: REJOIN,
  segment: SEGMENT,
  variants: VARIANTS,
} as const;

type Tables = typeof RULE_TABLES;
/** Any rule of the registry, with its literal id. */
export type RegisteredRule = { [S in keyof Tables]: Tables[S][keyof Tables[S]] }[keyof Tables];
/** Every rule id the pipeline can write into the ledger. */
export type RuleId = RegisteredRule['id'];

export const ALL_RULES: readonly RegisteredRule[] = Object.values(RULE_TABLES).flatMap(
  (table) => Object.values(table) as RegisteredRule[],
);

const BY_ID = new Map<string, RegisteredRule>(ALL_RULES.map((r) => [r.id, r]));
const REGISTERED = new Set<Rule>(ALL_RULES);

/** The rule an id names, if the registry has it. */
export function ruleById(id: string): RegisteredRule | undefined {
  return BY_ID.get(id);
}

/** Whether this very rule object is in the registry (not a look-alike made elsewhere). */
export function isRegistered(rule: Rule): boolean {
  return REGISTERED.has(rule);
}

/**
 * Ids written before the rule tables (newsmend-edition@1 editions stored in an archive) with
 * the category they had; one of them meant two things, told apart by the entry's action.
 */
const RETIRED: Record<string, Partial<Record<EditAction, RuleCategory>>> = {
  'rejoin.lacuna': { join: 'join', flag: 'lacuna' },
  'rejoin.lost-tail': { flag: 'lacuna' },
  'variants.one-character': { flag: 'variant' },
  'segment.article': { label: 'boundary' },
};

/** The category of an entry: its own, else its rule's (entries stored before categories). */
export function categoryOf(
  edit: Pick<Edit, 'rule' | 'action'> & { category?: RuleCategory },
): RuleCategory | undefined {
  return edit.category ?? ruleById(edit.rule)?.category ?? RETIRED[edit.rule]?.[edit.action];
}
