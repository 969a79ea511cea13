/**
 * The key under which a line counts as the same furniture on every page: width folded (NFKC),
 * spacing removed, digits as 0 — a page header with another date or page number is the same
 * line. Used both to count lines over a corpus and to drop them.
 */
export function furnitureKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/\d/gu, '0');
}

/** Lines longer than this are never learned as furniture: headers, imprints and ads are short. */
export const MAX_FURNITURE_CHARS = 60;
