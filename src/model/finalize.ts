import type { Doc } from './doc.js';
import { articleParts } from './parts.js';
import { piecesOf } from './pieces.js';
import type { Edition, LayoutGap, ResidueItem } from './types.js';
import { EDITION_SCHEMA } from './types.js';

const WHITESPACE_ONLY = /^[\s\u3000\ufeff]*$/u;

/** Mark which source code units the articles, residue and dropped pieces hold. */
function coverage(edition: Edition): { covered: Uint8Array; overlaps: number } {
  const covered = new Uint8Array(edition.source.chars);
  let overlaps = 0;
  const mark = (text: string, spans: { start: number; end: number }[], owner: string) => {
    for (const piece of piecesOf(text, spans, owner)) {
      for (let i = piece.start; i < piece.start + piece.text.length; i++) {
        if (covered[i]) overlaps++;
        covered[i] = 1;
      }
    }
  };
  for (const a of edition.articles)
    for (const part of articleParts(a)) mark(part.text, part.spans, a.id);
  for (const r of edition.residue) mark(r.text, r.spans, r.id);
  for (const e of edition.edits)
    if (e.action === 'drop' && e.text !== undefined) mark(e.text, e.spans, e.id);
  return { covered, overlaps };
}

/**
 * Account for the text no stage claimed: whitespace becomes layout; anything else would be a
 * lost character, so it goes to the residue with an error message (a bug, never silent loss).
 */
function accountForRest(doc: Doc, edition: Edition): void {
  const { covered, overlaps } = coverage(edition);
  if (overlaps > 0) {
    doc.messages.push({
      severity: 'error',
      code: 'coverage-overlap',
      text: `${overlaps} source characters are held twice`,
    });
  }
  const layout: LayoutGap[] = [];
  const unaccounted: ResidueItem[] = [];
  let i = 0;
  while (i < covered.length) {
    if (covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < covered.length && !covered[j]) j++;
    const text = doc.text.slice(i, j);
    if (WHITESPACE_ONLY.test(text)) layout.push({ start: i, text });
    else
      unaccounted.push({
        id: `u${unaccounted.length + 1}`,
        text,
        spans: [{ start: i, end: j }],
        reason: 'unaccounted',
      });
    i = j;
  }
  if (unaccounted.length > 0) {
    doc.messages.push({
      severity: 'error',
      code: 'unaccounted-text',
      text: `${unaccounted.length} piece(s) of text were not placed by any stage; kept in the residue`,
    });
  }
  edition.layout = layout;
  edition.residue.push(...unaccounted);
}

export function toEdition(doc: Doc): Edition {
  const edition: Edition = {
    schema: EDITION_SCHEMA,
    source: doc.source,
    articles: doc.articles,
    residue: doc.residue,
    edits: doc.ledger.edits,
    layout: [],
    messages: doc.messages,
    stats: { stages: doc.stats, articles: 0, residue: 0, dropped: 0 },
    options: doc.options,
  };
  accountForRest(doc, edition);
  edition.stats.articles = edition.articles.length;
  edition.stats.residue = edition.residue.length;
  edition.stats.dropped = edition.edits.filter((e) => e.action === 'drop').length;
  return edition;
}
