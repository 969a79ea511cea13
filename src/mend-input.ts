import type { Edition, MendOptions } from './model/types.js';
import { isPdf } from './pdf/detect.js';
import { mend } from './pipeline.js';

/**
 * Mend what a user hands over: a PDF (recognised by its signature; read with its layout,
 * src/pdf/) or a text dump. The PDF reader loads only when a PDF comes.
 */
export async function mendInput(bytes: Uint8Array, options: MendOptions = {}): Promise<Edition> {
  if (!isPdf(bytes)) return mend(bytes, options);
  const { mendPdf } = await import('./pdf/index.js');
  return mendPdf(bytes, options);
}
