import { blockEnd, type Block, type Doc } from '../../model/doc.js';
import type { Edit, Lacuna, Span } from '../../model/types.js';
import type { StageContext } from '../context.js';
import { findBridge } from './bridge.js';
import type { JunctionEvidence } from '../../text/junction.js';
import {
  RULES,
  type CutKind,
  type ModelJunctionFacts,
  type OpensFacts,
  type OrphanFacts,
  type PairFacts,
  type RestorationFacts,
} from './rules.js';

/** A lacuna found at a seam: the rule of the detector that found it, and its facts. */
export type Found =
  | { kind: 'restoration'; rule: typeof RULES.restoration; facts: RestorationFacts }
  | { kind: 'pair'; rule: typeof RULES.unseenPair | typeof RULES.rarePair; facts: PairFacts }
  | { kind: 'orphan'; rule: typeof RULES.orphan; facts: OrphanFacts }
  | { kind: 'model'; rule: typeof RULES.modelLacuna; facts: ModelJunctionFacts };

export function lacunaAtSeam(
  doc: Doc,
  cut: Block,
  next: Block,
  evidence: JunctionEvidence,
): Found | undefined {
  const seam = blockEnd(cut);
  const bridge = findBridge(doc.folded, seam, cut.text, next.text);
  if (bridge && bridge.count > bridge.directCount) {
    const facts = {
      missing: bridge.missing,
      before: cut.text.slice(-2),
      after: next.text.slice(0, 2),
      count: bridge.count,
      directCount: bridge.directCount,
    };
    return { kind: 'restoration', rule: RULES.restoration, facts };
  }
  if ((bridge && bridge.directCount > 0) || evidence.crossingWord) return undefined;
  if (evidence.unseenPair) {
    const facts = {
      pair: evidence.unseenPair,
      count: evidence.pairCount ?? 0,
      expected: evidence.pairExpected ?? 0,
    };
    return { kind: 'pair', rule: facts.count === 0 ? RULES.unseenPair : RULES.rarePair, facts };
  }
  if (evidence.orphan) {
    return {
      kind: 'orphan',
      rule: RULES.orphan,
      facts: { orphan: evidence.orphan, side: evidence.orphanSide ?? 'before' },
    };
  }
  return undefined;
}

/** The evidence and confidence of a lacuna found at a seam, as its rule renders them. */
export function rendered(found: Found): { evidence: string; confidence: number } {
  switch (found.kind) {
    case 'restoration':
      return {
        evidence: found.rule.evidence(found.facts),
        confidence: found.rule.confidence(found.facts),
      };
    case 'pair':
      return { evidence: found.rule.evidence(found.facts), confidence: found.rule.confidence };
    case 'orphan':
      return { evidence: found.rule.evidence(found.facts), confidence: found.rule.confidence };
    case 'model':
      return { evidence: found.rule.evidence(found.facts), confidence: found.facts.probability };
  }
}

/** The lacuna a block keeps at its end for what `found` says was lost there. */
export function lacunaOf(found: Found, at: number): Lacuna {
  const { evidence, confidence } = rendered(found);
  return found.kind === 'restoration'
    ? { at, suggestion: found.facts.missing, evidence, confidence }
    : { at, evidence, confidence };
}

/** Record what was lost at the seam just joined: a restoration or a lacuna. */
export function recordLacuna(
  ctx: StageContext<'rejoin'>,
  found: Found,
  seam: Span,
  join: Edit,
): void {
  const refs = [join.id];
  switch (found.kind) {
    case 'restoration':
      ctx.suggest(found.rule, seam, found.facts.missing, { facts: found.facts, refs });
      break;
    case 'pair':
      ctx.flag(found.rule, [seam], { facts: found.facts, refs });
      break;
    case 'orphan':
      ctx.flag(found.rule, [seam], { facts: found.facts, refs });
      break;
    case 'model':
      ctx.flag(found.rule, [seam], { facts: found.facts, refs });
  }
}

/** Facts of a lacuna found at a seam that got no join, for the lost-tail entry. */
export function seamFacts(cut: CutKind, found: Found | undefined): OpensFacts {
  if (!found || found.kind === 'restoration' || found.kind === 'model') return { cut };
  if (found.kind === 'orphan') return { cut, lacuna: 'orphan', ...found.facts };
  const lacuna = found.rule === RULES.unseenPair ? 'unseen-pair' : 'rare-pair';
  return { cut, lacuna, ...found.facts };
}
