import { createHash } from 'node:crypto';
import type { Message } from '../model/types.js';
import { cjkShare, rankEncodings, tryDecode } from './detect.js';

export interface Decoded {
  text: string;
  encoding: string;
  confidence: number;
  sha256: string;
  bytes: number;
  messages: Message[];
  /** True when the bytes look like a binary file rather than text. */
  binary: boolean;
}

/** Bytes sampled to judge whether input is binary; enough to be sure, cheap on huge files. */
const BINARY_SAMPLE_BYTES = 64 * 1024;
/** Share of NUL/control bytes above which input is not text (text files have almost none). */
const BINARY_CONTROL_SHARE = 0.1;
/** A legacy decoding must read at least this Chinese to be chosen over chardet's ranking. */
const MIN_CJK_SHARE_FOR_LEGACY = 0.2;

const BOMS: { bytes: number[]; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8' },
  { bytes: [0xff, 0xfe], label: 'utf-16le' },
  { bytes: [0xfe, 0xff], label: 'utf-16be' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control / n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function lossyDecode(bytes: Uint8Array, label: string, messages: Message[]): string {
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  const bad = countReplacements(text);
  if (bad > 0) {
    messages.push({
      severity: 'warning',
      code: 'invalid-bytes',
      text: `${bad} byte sequence(s) are not valid ${label}; each became U+FFFD`,
    });
  }
  return text;
}

/** Pick the legacy encoding: valid decodings only, ranked by chardet, then by how Chinese they read. */
function detectLegacy(
  bytes: Uint8Array,
): { label: string; confidence: number; text: string } | undefined {
  for (const candidate of rankEncodings(bytes)) {
    const text = tryDecode(bytes, candidate.label);
    if (text !== undefined && cjkShare(text) >= MIN_CJK_SHARE_FOR_LEGACY) {
      return { label: candidate.label, confidence: candidate.confidence, text };
    }
  }
  for (const label of ['gb18030', 'big5']) {
    const text = tryDecode(bytes, label);
    if (text !== undefined && cjkShare(text) >= MIN_CJK_SHARE_FOR_LEGACY)
      return { label, confidence: 0.3, text };
  }
  return undefined;
}

/**
 * Bytes → text. Order: BOM, forced encoding, strict UTF-8, detected legacy encoding
 * (GB18030/GBK/Big5…), else lossy UTF-8 with a warning. Never throws on data.
 */
export function decode(input: string | Uint8Array, forced?: string): Decoded {
  if (typeof input === 'string') {
    const sha256 = createHash('sha256').update(input, 'utf8').digest('hex');
    return {
      text: input,
      encoding: 'utf-16 (string)',
      confidence: 1,
      sha256,
      bytes: Buffer.byteLength(input),
      messages: [],
      binary: false,
    };
  }
  const bytes = input;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const messages: Message[] = [];
  const result = (text: string, encoding: string, confidence: number, binary = false): Decoded => ({
    text,
    encoding,
    confidence,
    sha256,
    bytes: bytes.length,
    messages,
    binary,
  });

  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (forced) {
    const label = forced.toLowerCase();
    const body = bom && bom.label === label ? bytes.subarray(bom.bytes.length) : bytes;
    return result(lossyDecode(body, label, messages), label, 1);
  }
  if (bom) {
    messages.push({ severity: 'info', code: 'bom', text: `byte order mark: ${bom.label}` });
    return result(lossyDecode(bytes.subarray(bom.bytes.length), bom.label, messages), bom.label, 1);
  }
  if (controlShare(bytes) > BINARY_CONTROL_SHARE) {
    messages.push({
      severity: 'error',
      code: 'binary-input',
      text: 'input looks like binary data, not a text dump',
    });
    return result(new TextDecoder('utf-8').decode(bytes), 'binary', 0, true);
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return result(utf8, 'utf-8', 1);

  const legacy = detectLegacy(bytes);
  if (legacy) {
    messages.push({
      severity: 'info',
      code: 'encoding-detected',
      text: `not UTF-8; decoded as ${legacy.label} (confidence ${legacy.confidence.toFixed(2)})`,
    });
    return result(legacy.text, legacy.label, legacy.confidence);
  }
  return result(lossyDecode(bytes, 'utf-8', messages), 'utf-8', 0.5);
}
