import type { Edit } from '../model/types.js';

/**
 * The evidence of an entry in prose. Most entries carry it; the page-structure model's labels
 * (one per line of a dump) keep theirs only as facts, to keep big ledgers small, and it is
 * rendered here: the features that weighed most and the runner-up label.
 */
export function evidenceOf(e: Edit): string | undefined {
  if (e.evidence !== undefined) return e.evidence;
  // A model's entry says which features weighed most and what it would have said instead.
  const { features, runnerUp } = (e.facts ?? {}) as { features?: unknown; runnerUp?: unknown };
  if (typeof features === 'string')
    return `weighed most: ${features}; next best ${typeof runnerUp === 'string' ? runnerUp : 'none'}`;
  return undefined;
}
