import type { GoldArticle } from '../../eval/gold.js';
import { norm } from '../../eval/text.js';
import type { Unit } from '../../stages/segment/units.js';
import { labelOf, type Label, type UnitRole } from '../../stages/segment/structure/labels.js';

/** One labelled piece of the gold: its article, its role and its text (normalized). */
interface GoldPiece {
  article: number;
  role: UnitRole;
  text: string;
}

/** How far ahead of the last match a unit's piece is looked for: a page's worth of pieces. */
const LOOK_AHEAD = 80;

function goldPieces(articles: readonly GoldArticle[]): GoldPiece[] {
  const pieces: GoldPiece[] = [];
  articles.forEach((a, article) => {
    const push = (role: UnitRole, text: string | undefined) => {
      const t = norm(text);
      if (t) pieces.push({ article, role, text: t });
    };
    push('kicker', a.kicker);
    push('headline', a.headline);
    push('subheadline', a.subheadline);
    push('dateline', a.dateline?.text);
    push('byline', a.byline);
    for (const item of a.body) push(item.kind === 'byline' ? 'byline' : item.kind, item.text);
    push('sourceTag', a.sourceTag);
    for (const r of a.related ?? []) push('related', r);
  });
  return pieces;
}

type Match = (piece: GoldPiece, text: string) => boolean;
const EXACT: Match = (p, t) => p.text === t;
/** A unit that is part of a piece (a paragraph cut in two) or holds one with a little more. */
const CONTAINED: Match = (p, t) =>
  p.text.includes(t) || (t.includes(p.text) && p.text.length * 2 > t.length);

function find(pieces: GoldPiece[], text: string, from: number, match: Match): number {
  for (let k = Math.max(0, from); k < Math.min(pieces.length, from + LOOK_AHEAD); k++)
    if (match(pieces[k], text)) return k;
  return -1;
}

/**
 * The gold label of every unit of a synthetic page, found by matching unit texts to the gold
 * pieces in reading order; `undefined` where no piece holds the unit (text the generator added
 * and the engine kept, e.g. furniture it did not drop). A unit opens an article when it is the
 * first seen of a later article than any before it.
 */
export function goldLabels(
  units: readonly Unit[],
  articles: readonly GoldArticle[],
): (Label | undefined)[] {
  const pieces = goldPieces(articles);
  let cursor = 0;
  let latest = -1;
  return units.map((unit) => {
    const text = norm(unit.block.text);
    if (!text) return undefined;
    let k = find(pieces, text, cursor, EXACT);
    if (k === -1) k = find(pieces, text, cursor, CONTAINED);
    // A block printed out of its place belongs to a piece already passed.
    const behind = cursor - LOOK_AHEAD;
    if (k === -1) k = find(pieces, text, behind, EXACT);
    if (k === -1) k = find(pieces, text, behind, CONTAINED);
    if (k === -1) return undefined;
    if (k >= cursor) cursor = k;
    const piece = pieces[k];
    const opens = piece.article > latest;
    if (opens) latest = piece.article;
    const role: UnitRole =
      unit.shape === 'dateline' && piece.role === 'paragraph' ? 'itemDateline' : piece.role;
    return labelOf(role, opens);
  });
}
