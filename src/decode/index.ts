import { createHash } from 'node:crypto';
import type { Message } from '../model/types.js';
import { binaryKind, startsWith } from './binary.js';
import { controlMessage } from './controls.js';
import { cjkShare, rankEncodings, tryDecodeCut } from './detect.js';
import { describeMojibake, detectMojibake } from './mojibake.js';
import { decodeUtf32, sniffUtf16, UTF32_BOMS } from './utf16.js';
import { utf8Shape } from './utf8.js';

export { detectMojibake, type MojibakeFinding } from './mojibake.js';

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

/** A legacy decoding must read at least this Chinese to be chosen… */
const MIN_CJK_SHARE_FOR_LEGACY = 0.2;
/** …and hold at least this many ideographs: two bytes of garbage can look like one character. */
const MIN_CJK_FOR_LEGACY = 4;
/** Bytes scanned to judge damaged UTF-8 against a legacy encoding (huge inputs: a prefix). */
const UTF8_SHAPE_SAMPLE = 1024 * 1024;
/** Share of well-formed sequences among non-ASCII bytes above which input is damaged UTF-8. */
const DAMAGED_UTF8_VALID_SHARE = 0.8;
/** Share of U+FFFD in a lossy decoding above which the input is not text in any encoding. */
const MAX_REPLACEMENT_SHARE = 0.25;
/** A BOM-less UTF-16 guess from a weak zero-byte pattern must read at least this Chinese. */
const MIN_CJK_SHARE_FOR_UTF16 = 0.5;
/**
 * UTF-16 without a BOM whose zero bytes say nothing clear (common characters like 一 U+4E00 put a
 * zero on the "wrong" side) is still taken when one byte order reads as this much Chinese. The
 * right order of a Chinese page reads ~0.9; GB18030 or Big5 bytes read either way stay under 0.4
 * (or hold unpaired surrogates, which the strict decoder refuses).
 */
const MIN_CJK_SHARE_FOR_UTF16_BY_CONTENT = 0.6;
/** Fewest bytes the content guess judges: a few characters can read as anything. */
const MIN_BYTES_FOR_UTF16_BY_CONTENT = 16;
/** Lossy decodings shorter than this are never called binary: too little to judge. */
const MIN_CHARS_FOR_BINARY_VERDICT = 16;
/** Confidence given to a decoding we settled on for lack of a better one. */
const FALLBACK_CONFIDENCE = 0.3;

const BOMS: { bytes: number[]; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8' },
  { bytes: [0xff, 0xfe], label: 'utf-16le' },
  { bytes: [0xfe, 0xff], label: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], label: 'gb18030' },
];

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function countCjk(text: string): number {
  return Math.round(cjkShare(text) * text.replace(/\s/gu, '').length);
}

type Result = (text: string, encoding: string, confidence: number, binary?: boolean) => Decoded;

/**
 * The warning for input that ends inside a character (a file cut short): its incomplete last
 * bytes are the U+FFFD that ends the text.
 */
function cutMessage(text: string, label: string): Message {
  return {
    severity: 'warning',
    code: 'incomplete-character',
    text: `input ends inside a ${label} character (the file looks cut short); its incomplete last bytes became U+FFFD`,
    span: { start: text.length - 1, end: text.length },
  };
}

interface Lossy {
  text: string;
  /** U+FFFD written for invalid sequences before the end. */
  bad: number;
  /** The input ended inside a character: the last U+FFFD of `text` stands for those bytes. */
  cut: boolean;
}

/** Decode with U+FFFD for every invalid sequence, telling a cut end from invalid bytes. */
function lossy(bytes: Uint8Array, label: string): Lossy {
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  const head = decoder.decode(bytes, { stream: true });
  const tail = decoder.decode(); // bytes held back at the end: '' or U+FFFD
  return { text: head + tail, bad: countReplacements(head), cut: tail.includes('\ufffd') };
}

function reportLossy(decoded: Lossy, label: string, messages: Message[], cut = true): void {
  const { text, bad } = decoded;
  if (bad > 0) {
    messages.push({
      severity: 'warning',
      code: 'invalid-bytes',
      text: `${bad} byte sequence(s) are not valid ${label}; each became U+FFFD (the text around them is kept)`,
      span: { start: text.indexOf('\ufffd'), end: text.indexOf('\ufffd') + 1 },
    });
  }
  if (cut && decoded.cut) messages.push(cutMessage(text, label));
}

function lossyDecode(bytes: Uint8Array, label: string, messages: Message[]): string {
  const decoded = lossy(bytes, label);
  reportLossy(decoded, label, messages);
  return decoded.text;
}

/**
 * A legacy decoding that reads as Chinese: chardet's ranking first, then GB18030 and Big5. The
 * bytes must be valid in it, except that they may end inside a character (`cut`).
 */
function detectLegacy(
  bytes: Uint8Array,
): { label: string; confidence: number; text: string; cut: boolean } | undefined {
  const candidates = [
    ...rankEncodings(bytes),
    { label: 'gb18030', confidence: FALLBACK_CONFIDENCE },
    { label: 'big5', confidence: FALLBACK_CONFIDENCE },
  ];
  for (const candidate of candidates) {
    const decoded = tryDecodeCut(bytes, candidate.label);
    if (decoded === undefined) continue;
    const { text } = decoded;
    if (cjkShare(text) >= MIN_CJK_SHARE_FOR_LEGACY && countCjk(text) >= MIN_CJK_FOR_LEGACY)
      return { ...candidate, ...decoded };
  }
  return undefined;
}

function decodeWithBom(
  bytes: Uint8Array,
  result: Result,
  messages: Message[],
): Decoded | undefined {
  const utf32 = UTF32_BOMS.find((b) => startsWith(bytes, b.bytes));
  if (utf32) {
    messages.push({ severity: 'info', code: 'bom', text: `byte order mark: ${utf32.label}` });
    const { text, bad } = decodeUtf32(bytes.subarray(4), utf32.label === 'utf-32le');
    // A trailing partial unit (a cut file) is one of the `bad`, the U+FFFD that ends the text.
    const cut = (bytes.length - 4) % 4 !== 0;
    if (bad > (cut ? 1 : 0))
      messages.push({
        severity: 'warning',
        code: 'invalid-bytes',
        text: `${bad - (cut ? 1 : 0)} unit(s) are not valid ${utf32.label}; each became U+FFFD`,
      });
    if (cut) messages.push(cutMessage(text, utf32.label));
    return result(text, utf32.label, 1);
  }
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (!bom) return undefined;
  messages.push({ severity: 'info', code: 'bom', text: `byte order mark: ${bom.label}` });
  return result(lossyDecode(bytes.subarray(bom.bytes.length), bom.label, messages), bom.label, 1);
}

/** Not strict UTF-8: damaged UTF-8, a legacy encoding, or (failing both) binary. */
function decodeNotUtf8(bytes: Uint8Array, result: Result, messages: Message[]): Decoded {
  const shape = utf8Shape(bytes, UTF8_SHAPE_SAMPLE);
  const damagedUtf8 =
    shape.valid > 0 && shape.valid >= DAMAGED_UTF8_VALID_SHARE * (shape.valid + shape.invalid);
  if (!damagedUtf8) {
    const legacy = detectLegacy(bytes);
    if (legacy) {
      messages.push({
        severity: 'info',
        code: 'encoding-detected',
        text: `not UTF-8; decoded as ${legacy.label} (confidence ${legacy.confidence.toFixed(2)})`,
      });
      if (legacy.cut) messages.push(cutMessage(legacy.text, legacy.label));
      return result(legacy.text, legacy.label, legacy.confidence);
    }
  }
  const decoded = lossy(bytes, 'utf-8');
  const { text } = decoded;
  const binary =
    !damagedUtf8 &&
    text.length >= MIN_CHARS_FOR_BINARY_VERDICT &&
    countReplacements(text) > MAX_REPLACEMENT_SHARE * text.length;
  // Binary data does not end "inside a character": only its invalid bytes are reported.
  reportLossy(decoded, 'utf-8', messages, !binary);
  if (binary) {
    messages.push({
      severity: 'error',
      code: 'binary-input',
      text: 'input is not text in any encoding we know (UTF-8, GB18030/GBK, Big5, UTF-16); it looks like binary data',
    });
    return result(text, 'binary', 0, true);
  }
  return result(
    text,
    'utf-8',
    damagedUtf8 ? 1 - shape.invalid / (shape.valid + shape.invalid) : FALLBACK_CONFIDENCE,
  );
}

/** Messages about the decoded text itself: stray control characters, mojibake. */
function inspectText(text: string, messages: Message[]): void {
  const control = controlMessage(text);
  if (control) messages.push(control);
  const mojibake = detectMojibake(text);
  if (mojibake)
    messages.push({
      severity: 'warning',
      code: 'mojibake',
      text: describeMojibake(mojibake),
      span: mojibake.span,
    });
}

/**
 * UTF-16 without a BOM. Bytes that are not UTF-8 and read as Chinese in one byte order are taken
 * in that order first: the zero bytes of Chinese UTF-16 mislead (一 U+4E00 and 开 U+5F00 put a
 * zero on the side a line break does not). Else the zero-byte pattern decides: a strong one
 * (ASCII-rich text), or a weak one confirmed by readable Chinese.
 */
function detectUtf16(
  bytes: Uint8Array,
  validUtf8: boolean,
): { label: string; text: string; strong: boolean; cut: boolean } | undefined {
  const byContent = validUtf8 ? undefined : utf16ByContent(bytes);
  if (byContent) return byContent;
  const guess = sniffUtf16(wholeUnits(bytes));
  if (!guess || (!guess.strong && validUtf8)) return undefined;
  const decoded = tryDecodeCut(bytes, guess.label);
  if (decoded === undefined) return undefined;
  if (!guess.strong && !readsAsChinese(decoded.text, MIN_CJK_SHARE_FOR_UTF16)) return undefined;
  // A cut end is believed only of text that reads clean: binary data with zeros on one side
  // (16-bit numbers) and an odd length is not UTF-16 cut short.
  if (decoded.cut && controlMessage(decoded.text)) return undefined;
  return { ...guess, ...decoded };
}

/**
 * The bytes up to the last whole UTF-16 code unit: a file cut short has an odd length, and the
 * zero bytes and the reading of what comes before its last byte tell its byte order.
 */
function wholeUnits(bytes: Uint8Array): Uint8Array {
  return bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
}

function readsAsChinese(text: string, share: number): boolean {
  return cjkShare(text) >= share && !controlMessage(text);
}

/** Bytes of the head of the input the content guess reads: enough to judge, cheap on big files. */
const UTF16_CONTENT_SAMPLE_BYTES = 64 * 1024;

/** The byte order, if any, in which bytes that are not UTF-8 read as Chinese text. */
function utf16ByContent(
  bytes: Uint8Array,
): { label: string; text: string; strong: false; cut: boolean } | undefined {
  const units = wholeUnits(bytes);
  if (units.length < MIN_BYTES_FOR_UTF16_BY_CONTENT) return undefined;
  const sample = units.subarray(0, Math.min(units.length, UTF16_CONTENT_SAMPLE_BYTES));
  let best: { label: string; share: number } | undefined;
  for (const label of ['utf-16le', 'utf-16be']) {
    // Lossy on the sample: its last code unit may be half a surrogate pair, cut by the sample.
    const head = new TextDecoder(label, { ignoreBOM: true }).decode(sample);
    if (countReplacements(head) > 1 || !readsAsChinese(head, MIN_CJK_SHARE_FOR_UTF16_BY_CONTENT))
      continue;
    const share = cjkShare(head);
    if (!best || share > best.share) best = { label, share };
  }
  // The whole input strictly, but for a cut end (an odd byte or half a surrogate pair).
  const decoded = best && tryDecodeCut(bytes, best.label);
  return best && decoded ? { label: best.label, ...decoded, strong: false } : undefined;
}

function decodeBytes(
  bytes: Uint8Array,
  forced: string | undefined,
  result: Result,
  messages: Message[],
): Decoded {
  if (forced) {
    const label = forced.toLowerCase();
    const bom = BOMS.find((b) => b.label === label && startsWith(bytes, b.bytes));
    const body = bom ? bytes.subarray(bom.bytes.length) : bytes;
    return result(lossyDecode(body, label, messages), label, 1);
  }
  if (bytes.length === 0) return result('', 'utf-8', 1);
  const withBom = decodeWithBom(bytes, result, messages);
  if (withBom) return withBom;
  // Strict UTF-8, except that the input may end inside a character (a file cut short).
  const utf8 = tryDecodeCut(bytes, 'utf-8');
  const utf16 = detectUtf16(bytes, utf8 !== undefined);
  if (utf16) {
    messages.push({
      severity: 'info',
      code: 'encoding-detected',
      text: `no byte order mark, but the zero bytes read as ${utf16.label}`,
    });
    if (utf16.cut) messages.push(cutMessage(utf16.text, utf16.label));
    return result(utf16.text, utf16.label, utf16.strong ? 0.9 : 0.6);
  }
  const kind = binaryKind(bytes);
  if (kind) {
    messages.push({
      severity: 'error',
      code: 'binary-input',
      text: `input looks like ${kind}, not a text dump`,
    });
    return result(new TextDecoder('utf-8').decode(bytes), 'binary', 0, true);
  }
  if (utf8 !== undefined) {
    if (utf8.cut) messages.push(cutMessage(utf8.text, 'utf-8'));
    return result(utf8.text, 'utf-8', 1);
  }
  return decodeNotUtf8(bytes, result, messages);
}

/**
 * Bytes → text. Order: forced encoding, BOM (UTF-8/16/32, GB18030), BOM-less UTF-16, binary
 * check, strict UTF-8, damaged UTF-8 or a detected legacy encoding (GB18030/GBK/Big5…), else
 * binary. Input that ends inside a character (a file cut short) is still read as its encoding:
 * the incomplete last bytes become one U+FFFD at the end of the text, with an
 * `incomplete-character` warning. Then the text is checked for stray control characters and
 * mojibake (reported, never changed). Never throws on data; an unknown forced encoding label
 * throws (caller's misuse).
 */
export function decode(input: string | Uint8Array, forced?: string): Decoded {
  const messages: Message[] = [];
  if (typeof input === 'string') {
    inspectText(input, messages);
    return {
      text: input,
      encoding: 'utf-16 (string)',
      confidence: 1,
      sha256: createHash('sha256').update(input, 'utf8').digest('hex'),
      bytes: Buffer.byteLength(input),
      messages,
      binary: false,
    };
  }
  const sha256 = createHash('sha256').update(input).digest('hex');
  const result: Result = (text, encoding, confidence, binary = false) => ({
    text,
    encoding,
    confidence,
    sha256,
    bytes: input.length,
    messages,
    binary,
  });
  const decoded = decodeBytes(input, forced, result, messages);
  if (!decoded.binary) inspectText(decoded.text, messages);
  return decoded;
}
