import type { Edit } from '../model/types.js';

/**
 * The evidence of an entry in prose. Most entries carry it; the page-structure model's labels
 * (one per line of a dump) keep theirs only as facts, to keep big ledgers small, and it is
 * rendered here: the features that weighed most and the runner-up label.
 */
export function evidenceOf(e: Edit): string | undefined {
  if (e.evidence !== undefined) return e.evidence;
  if (e.rule === 'segment.model-label' && e.facts) {
    const { features, runnerUp } = e.facts as { features?: string; runnerUp?: string };
    return `weighed most: ${features ?? 'none'}; next best ${runnerUp ?? 'none'}`;
  }
  return undefined;
}
