/**
 * Mending a PDF page (or edition): its text layer read with geometry (extract.ts), lines,
 * blocks in reading order and paragraphs from the layout (lines.ts, layout.ts, text.ts), then
 * the text mended as any dump is. The Edition's source is the PDF (its sha256 and size) read as
 * that text (docs/format.md, "PDF input"); its page and block counts are in its messages.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../cli/command.js';
import type { Edition, MendOptions } from '../model/types.js';
import { mend } from '../pipeline.js';
import { extractPdf } from './extract.js';
import { pdfText } from './text.js';
import { unreadablePages } from './unmapped.js';

export { isPdf } from './detect.js';

/** `source.encoding` of an Edition read from a PDF: its text came from the text layer. */
export const PDF_ENCODING = 'pdf';

export async function mendPdf(bytes: Uint8Array, options: MendOptions = {}): Promise<Edition> {
  const pages = await extractPdf(bytes);
  const read = pdfText(pages);
  if (read.text.trim() === '')
    throw new InputError('the PDF has no text layer (a scan?): run OCR first');
  const unreadable = unreadablePages(pages);
  const withText = pages.filter((p) => p.runs.some((r) => r.text.trim() !== '')).length;
  if (unreadable.length === withText)
    throw new InputError(
      "the PDF's text layer is not text: its fonts carry no Unicode map (the characters come out as control or private-use codes); run OCR on the page images",
    );
  const edition = mend(read.text, {
    ...options,
    layout: { display: read.display, furniture: read.furniture },
  });
  // The source is the PDF file: its sha256 and size (the archive, run's records and a re-run
  // know it by them); its text is what the layout was read as (`source.chars`, `rebuild`).
  edition.source = {
    ...edition.source,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    encoding: PDF_ENCODING,
  };
  if (unreadable.length > 0)
    edition.messages.unshift({
      severity: 'warning',
      code: 'pdf-unmapped-font',
      text: `page(s) ${unreadable.join(', ')}: the text layer is mostly control or private-use codes (a font without a Unicode map); their text is kept as read, but it is not the text printed — OCR those pages`,
    });
  edition.messages.unshift({
    severity: 'info',
    code: 'pdf-input',
    text:
      `read from a PDF: ${read.pages} page(s), ${read.blocks} block(s) in reading order` +
      (read.foldedRadicals > 0
        ? `; ${read.foldedRadicals} character(s) the text layer gave as radicals read as the ideographs they print`
        : ''),
  });
  return edition;
}
