/** How far into a file the `%PDF-` signature may stand (the PDF spec allows leading junk). */
const SIGNATURE_WINDOW = 1024;
const SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether the bytes are a PDF file, by its signature. */
export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SIGNATURE_WINDOW) - SIGNATURE.length;
  for (let i = 0; i <= end; i++) {
    let k = 0;
    while (k < SIGNATURE.length && bytes[i + k] === SIGNATURE[k]) k++;
    if (k === SIGNATURE.length) return true;
  }
  return false;
}
