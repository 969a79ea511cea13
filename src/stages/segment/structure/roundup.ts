import type { Unit } from '../units.js';

/**
 * The title of a roundup box (快讯, 简讯, 速览, 短波…): one article whose titled items are
 * subheads, as the papers and broadcasters publish them. The title words are the genre's own
 * names for such a box: those the issue names (快讯, 简讯, 速览), those that end roundup titles
 * on fit pages (速递, 短波, 资讯, 微阅读), and their near kin (短讯, 一览, 集锦).
 */
const ROUNDUP_TITLE = /(?:快讯|简讯|短讯|速览|速递|短波|资讯|一览|集锦|微阅读)$/u;

/** How far back (units) a heading looks for the title of the box it may stand in. */
const BOX_LOOKBACK = 40;

/**
 * Roundup features of a heading unit: `boxTitle` when it names a box, `inBox` when a box title
 * stands before it with no story in between that opened with its own dateline (a datelined
 * story ends the box: its items carry no dateline of their own, or an item dateline).
 */
export function roundupFeatures(units: readonly Unit[], i: number): string[] {
  if (ROUNDUP_TITLE.test(units[i].block.text.trim())) return ['boxTitle'];
  for (let j = i - 1; j >= Math.max(0, i - BOX_LOOKBACK); j--) {
    const unit = units[j];
    if (unit.shape !== 'heading') continue;
    if (ROUNDUP_TITLE.test(unit.block.text.trim())) return ['inBox'];
    if (units[j + 1]?.shape === 'dateline') return [];
  }
  return [];
}
