import { editionPieces, type Piece } from './pieces.js';
import type { Edition } from './types.js';

export interface CoverageProblem {
  at: number;
  problem: 'gap' | 'overlap';
  owner: string;
}

/** Sorted pieces plus every place where they fail to tile the source exactly once. */
function tile(edition: Edition): { pieces: Piece[]; problems: CoverageProblem[] } {
  const pieces = editionPieces(edition)
    .filter((p) => p.text.length > 0)
    .sort((a, b) => a.start - b.start);
  const problems: CoverageProblem[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    if (piece.start > cursor) problems.push({ at: cursor, problem: 'gap', owner: piece.owner });
    if (piece.start < cursor)
      problems.push({ at: piece.start, problem: 'overlap', owner: piece.owner });
    cursor = Math.max(cursor, piece.start + piece.text.length);
  }
  if (cursor < edition.source.chars) problems.push({ at: cursor, problem: 'gap', owner: 'end' });
  return { pieces, problems };
}

/** Where the edition fails to account for every source character exactly once (empty = sound). */
export function verifyCoverage(edition: Edition): CoverageProblem[] {
  return tile(edition).problems;
}

/**
 * Rebuild the decoded source text from an edition alone: articles, residue, the text of dropped
 * pieces in the ledger and the layout whitespace. Throws if the pieces do not tile the source.
 */
export function rebuild(edition: Edition): string {
  const { pieces, problems } = tile(edition);
  if (problems.length > 0) {
    const first = problems[0];
    throw new Error(
      `edition does not cover the source: ${first.problem} at ${first.at} (${first.owner})`,
    );
  }
  return pieces.map((p) => p.text).join('');
}
