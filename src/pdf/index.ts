/**
 * Mending a PDF page (or edition): its text layer read with geometry (extract.ts), lines,
 * blocks in reading order and paragraphs from the layout (lines.ts, layout.ts, text.ts), then
 * the text mended as any dump is. The Edition's source is that text (docs/format.md, "PDF
 * input"); the PDF's own sha256 and page count are in its messages.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../cli/command.js';
import type { Edition, MendOptions } from '../model/types.js';
import { mend } from '../pipeline.js';
import { extractPdf } from './extract.js';
import { pdfText } from './text.js';

export { isPdf } from './detect.js';

export async function mendPdf(bytes: Uint8Array, options: MendOptions = {}): Promise<Edition> {
  const pages = await extractPdf(bytes);
  const read = pdfText(pages);
  if (read.text.trim() === '')
    throw new InputError('the PDF has no text layer (a scan?): run OCR first');
  const edition = mend(read.text, {
    ...options,
    layout: { display: read.display, furniture: read.furniture },
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  edition.messages.unshift({
    severity: 'info',
    code: 'pdf-input',
    text:
      `read from a PDF (sha256 ${sha256}): ${read.pages} page(s), ${read.blocks} block(s) in reading order` +
      (read.foldedRadicals > 0
        ? `; ${read.foldedRadicals} character(s) the text layer gave as radicals read as the ideographs they print`
        : ''),
  });
  return edition;
}
