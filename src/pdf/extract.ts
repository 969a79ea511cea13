/**
 * The text layer of a PDF through PDF.js (pdfjs-dist): every glyph run with its page, position,
 * width and type size. Positions are turned top-down (y grows down the page, as a reader
 * reads), in PDF points.
 */
import { InputError } from '../cli/command.js';

export interface GlyphRun {
  page: number;
  text: string;
  /** Left edge and baseline, in points from the page's top-left corner. */
  x: number;
  y: number;
  width: number;
  /** Type size in points (the scale of the text matrix). */
  size: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: GlyphRun[];
}

/** Pages beyond this many are not read: a PDF that long is a book, not a newspaper edition. */
export const MAX_PDF_PAGES = 500;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

function library(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Why PDF.js could not open the file, in words a user can act on. */
function openError(error: unknown): InputError {
  const name = (error as { name?: string })?.name;
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException')
    return new InputError('the PDF is encrypted with a password; give a decrypted copy');
  if (name === 'InvalidPDFException')
    return new InputError(`not a readable PDF (${message}); the file may be truncated or damaged`);
  return new InputError(`the PDF could not be read: ${message}`);
}

/** The pages of a PDF and their glyph runs. */
export async function extractPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocument } = await library();
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    throw openError(error);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new InputError(
        `the PDF has ${doc.numPages} pages; at most ${MAX_PDF_PAGES} are read (split it)`,
      );
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const runs: GlyphRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        runs.push({
          page: n,
          text: item.str,
          x: e,
          y: height - f,
          width: item.width,
          size: Math.hypot(a, b),
        });
      }
      pages.push({ number: n, width, height, runs });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    // A damaged file may open and then fail on a page: said as plainly as failing to open.
    throw error instanceof InputError ? error : openError(error);
  } finally {
    await doc.destroy();
  }
}
