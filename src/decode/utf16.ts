/** UTF-16 and UTF-32 without the help of TextDecoder's BOM sniffing. */

/** Pairs sampled to look for the zero-byte pattern of UTF-16. */
const UTF16_SAMPLE_PAIRS = 32 * 1024;
/** ASCII-rich UTF-16 has a zero in one byte of this share of its pairs at least… */
const UTF16_ZERO_SIDE_SHARE = 0.2;
/** …and almost never in the other byte (Latin-1 and CJK code units have no zero byte). */
const UTF16_OTHER_SIDE_SHARE = 0.02;

/** Chinese UTF-16 has few zero bytes (line breaks, digits); this many on one side is a hint… */
const MIN_WEAK_ZEROS = 2;
/** …when the other side has at most this share of them (a code unit like U+5F00 开 adds one). */
const WEAK_OTHER_SIDE_RATIO = 0.25;

export type Utf16Label = 'utf-16le' | 'utf-16be';

function zeroCounts(bytes: Uint8Array): { pairs: number; low: number; high: number } {
  const pairs = Math.min(bytes.length / 2, UTF16_SAMPLE_PAIRS);
  let high = 0; // second byte zero: LE
  let low = 0; // first byte zero: BE
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) low++;
    if (bytes[2 * i + 1] === 0) high++;
  }
  return { pairs, low, high };
}

/**
 * Guess UTF-16 without a BOM from where the zero bytes sit: ASCII characters in UTF-16LE are
 * `xx 00`, in UTF-16BE `00 xx`. `strong`: many zeros on one side (ASCII-rich text); `weak`:
 * some zeros, all on one side (Chinese text with a few line breaks and digits) — the caller
 * must confirm a weak guess by what the decoding reads like.
 */
export function sniffUtf16(bytes: Uint8Array): { label: Utf16Label; strong: boolean } | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const { pairs, low, high } = zeroCounts(bytes);
  const many = UTF16_ZERO_SIDE_SHARE * pairs;
  const few = UTF16_OTHER_SIDE_SHARE * pairs;
  if (high >= many && low <= few) return { label: 'utf-16le', strong: true };
  if (low >= many && high <= few) return { label: 'utf-16be', strong: true };
  if (high >= MIN_WEAK_ZEROS && low <= WEAK_OTHER_SIDE_RATIO * high)
    return { label: 'utf-16le', strong: false };
  if (low >= MIN_WEAK_ZEROS && high <= WEAK_OTHER_SIDE_RATIO * low)
    return { label: 'utf-16be', strong: false };
  return undefined;
}

export const UTF32_BOMS: { bytes: number[]; label: 'utf-32le' | 'utf-32be' }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], label: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], label: 'utf-32be' },
];

const MAX_CODE_POINT = 0x10ffff;
/** Code points per String.fromCodePoint call: keeps the argument list well under engine limits. */
const CHUNK = 8192;

/**
 * Decode UTF-32 (TextDecoder has no UTF-32). Invalid code points become U+FFFD; returns the text
 * and how many were replaced. A trailing partial unit is replaced too.
 */
export function decodeUtf32(
  bytes: Uint8Array,
  littleEndian: boolean,
): { text: string; bad: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = Math.floor(bytes.length / 4);
  const parts: string[] = [];
  let bad = 0;
  let chunk: number[] = [];
  for (let i = 0; i < units; i++) {
    let code = view.getUint32(4 * i, littleEndian);
    if (code > MAX_CODE_POINT || (code >= 0xd800 && code <= 0xdfff)) {
      code = 0xfffd;
      bad++;
    }
    chunk.push(code);
    if (chunk.length === CHUNK) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  if (bytes.length % 4 !== 0) {
    parts.push('\ufffd');
    bad++;
  }
  return { text: parts.join(''), bad };
}
