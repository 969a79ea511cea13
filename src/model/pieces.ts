import { articleParts } from './parts.js';
import type { Edition, Span } from './types.js';

/** A run of source text at a known offset: the unit from which the source is rebuilt. */
export interface Piece {
  start: number;
  text: string;
  /** Where the piece lives in the edition, for error messages. */
  owner: string;
}

/** Cut `text` into pieces along `spans` (the text is the concatenation of the spans). */
export function piecesOf(text: string, spans: readonly Span[], owner: string): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const span of spans) {
    const length = span.end - span.start;
    pieces.push({ start: span.start, text: text.slice(offset, offset + length), owner });
    offset += length;
  }
  if (offset !== text.length) {
    throw new Error(`${owner}: spans cover ${offset} characters but text has ${text.length}`);
  }
  return pieces;
}

/** Every piece of source text an edition holds: articles, residue, dropped text and layout. */
export function editionPieces(edition: Edition): Piece[] {
  const pieces: Piece[] = [];
  for (const article of edition.articles)
    for (const part of articleParts(article))
      pieces.push(...piecesOf(part.text, part.spans, `article ${article.id} ${part.name}`));
  for (const item of edition.residue)
    pieces.push(...piecesOf(item.text, item.spans, `residue ${item.id}`));
  for (const edit of edition.edits) {
    if (edit.action === 'drop' && edit.text !== undefined) {
      pieces.push(...piecesOf(edit.text, edit.spans, `edit ${edit.id}`));
    }
  }
  for (const gap of edition.layout)
    pieces.push({ start: gap.start, text: gap.text, owner: 'layout' });
  return pieces;
}
