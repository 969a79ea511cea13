/**
 * Text layers that cannot be read: a font embedded without a Unicode map (no ToUnicode, glyph
 * names PDF.js does not know) gives its raw codes, which come out as control characters or
 * private-use code points instead of the characters printed. Such a page is said to be
 * unreadable rather than mended into nonsense.
 */
import type { PdfPage } from './extract.js';

/** What an unmapped font's codes come out as: C0/C1 controls (not tab or line ends), U+FFFD, private use. */
const UNMAPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/gu;

/**
 * A page with more than this share of unmapped characters is unreadable. Real text has almost
 * none (a rare character a font puts in the private-use area, here and there); a font without a
 * map gives nearly all of a page's text so.
 */
export const MAX_UNMAPPED_SHARE = 0.2;

export function unmappedShare(text: string): number {
  const chars = text.replace(/\s/gu, '').length;
  if (chars === 0) return 0;
  return (text.match(UNMAPPED)?.length ?? 0) / chars;
}

/** Numbers of the pages whose text layer is mostly unmapped codes. */
export function unreadablePages(pages: readonly PdfPage[]): number[] {
  return pages
    .filter((p) => unmappedShare(p.runs.map((r) => r.text).join('')) > MAX_UNMAPPED_SHARE)
    .map((p) => p.number);
}
