/** Binary-input detection: file signatures and the share of control bytes. */

/** Bytes sampled to judge whether input is binary; enough to be sure, cheap on huge files. */
export const BINARY_SAMPLE_BYTES = 64 * 1024;
/** Share of control bytes above which input is not text (text dumps have almost none). */
const BINARY_CONTROL_SHARE = 0.05;
/** …and at least this many control bytes, so one stray NUL in a short text is not "binary". */
const MIN_BINARY_CONTROLS = 8;

/** Leading bytes of common non-text files a user might pass by mistake. */
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF file (extract its text layer first)', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or DOCX/EPUB)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a WebP/RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
];

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** A control byte that text never contains (tab, LF, VT, FF, CR and ESC are allowed). */
function isControlByte(b: number): boolean {
  return b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f;
}

/** Number of control bytes in the first `limit` bytes. */
export function countControls(bytes: Uint8Array, limit = BINARY_SAMPLE_BYTES): number {
  const n = Math.min(bytes.length, limit);
  let control = 0;
  for (let i = 0; i < n; i++) if (isControlByte(bytes[i])) control++;
  return control;
}

/** What kind of non-text file the bytes are, or undefined when they may be text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return signature.name;
  const sample = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  const controls = countControls(bytes);
  if (controls >= MIN_BINARY_CONTROLS && controls > BINARY_CONTROL_SHARE * sample) {
    const percent = Math.round((100 * controls) / sample);
    return `binary data (${percent}% control bytes)`;
  }
  return undefined;
}
