/** How UTF-8-like a byte string is, to tell damaged UTF-8 from a legacy encoding. */

export interface Utf8Shape {
  /** Well-formed multi-byte sequences (the non-ASCII characters UTF-8 would give). */
  valid: number;
  /** Bytes that start or continue no well-formed sequence. */
  invalid: number;
}

/** Length of the well-formed UTF-8 sequence at `i` (2..4), or 0 when there is none. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = bytes[i + 1];
    if (b === 0xe0 && second < 0xa0) return 0; // overlong
    if (b === 0xed && second > 0x9f) return 0; // surrogate
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = bytes[i + 1];
    if (b === 0xf0 && second < 0x90) return 0;
    if (b === 0xf4 && second > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Count well-formed multi-byte sequences and stray bytes in (a prefix of) the input. */
export function utf8Shape(bytes: Uint8Array, limit = bytes.length): Utf8Shape {
  const n = Math.min(limit, bytes.length);
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < n) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}
