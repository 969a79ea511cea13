/**
 * Mojibake detection: text whose bytes were decoded with the wrong encoding and saved again.
 * We only report it (with a repaired sample as a suggestion); the text stays source text.
 */
import type { Span } from '../model/types.js';
import { cjkShare, tryDecode } from './detect.js';
import { utf8Shape } from './utf8.js';

/** Characters examined: mojibake, when present, is everywhere, so a prefix is enough. */
const SAMPLE_CHARS = 20_000;
/** A run must hold this many non-ASCII characters before we try to read it back. */
const MIN_RUN_NON_ASCII = 4;
/** A read-back must be at least this Chinese to count as the real text. */
const MIN_REPAIRED_CJK_SHARE = 0.5;
/** Share of well-formed UTF-8 sequences a GBK re-encoding must show to be UTF-8 underneath. */
const MIN_UTF8_VALID_SHARE = 0.8;
/** Characters looked at by the quick GB2312 level-1 test. */
const LEVEL1_SAMPLE_CHARS = 500;
/**
 * Share of ideographs from GB2312 level 1 (the 3755 common characters, GBK lead bytes B0–D7)
 * above which text is ordinary Chinese: real text measures ≥ 0.98, UTF-8 read as GBK ≤ 0.33.
 */
const ORDINARY_LEVEL1_SHARE = 0.7;
const LEVEL1_FIRST_LEAD = 0xb0;
const LEVEL1_LAST_LEAD = 0xd7;
/** Characters of the repaired text shown in the message. */
const SAMPLE_SHOWN = 16;

export type MojibakeKind = 'utf8-as-latin1' | 'gbk-as-latin1' | 'utf8-as-gbk';

export interface MojibakeFinding {
  kind: MojibakeKind;
  /** First run that reads back as Chinese. */
  span: Span;
  /** The damaged text of that run and what it reads as once repaired. */
  damaged: string;
  repaired: string;
}

let latin1Map: Map<string, number> | undefined;
let gbkMap: Map<string, number[]> | undefined;
/** GBK lead byte of each BMP code unit (0: none), for a quick look-up on the hot path. */
let gbkLead: Uint8Array | undefined;

/** char → byte for windows-1252 and Latin-1 (C1 controls), built from the platform's decoder. */
function singleByteMap(): Map<string, number> {
  if (latin1Map) return latin1Map;
  latin1Map = new Map();
  const decoder = new TextDecoder('windows-1252');
  for (let b = 0x80; b <= 0xff; b++) {
    latin1Map.set(decoder.decode(new Uint8Array([b])), b);
    latin1Map.set(String.fromCharCode(b), b);
  }
  return latin1Map;
}

/** GBK's double-byte pairs decoded once: the code unit each pair reads as (lazily, ~24k pairs). */
function decodeDoubleBytes(): { chars: string; leads: Uint8Array; trails: Uint8Array } {
  const leads: number[] = [];
  const trails: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      leads.push(lead);
      trails.push(trail);
    }
  }
  const bytes = new Uint8Array(leads.length * 3);
  leads.forEach((lead, i) => {
    bytes[3 * i] = lead;
    bytes[3 * i + 1] = trails[i];
    bytes[3 * i + 2] = 0x0a; // LF keeps pairs apart: it is never a trail byte
  });
  const chars = new TextDecoder('gbk').decode(bytes);
  return { chars, leads: Uint8Array.from(leads), trails: Uint8Array.from(trails) };
}

/**
 * The GBK lead byte of each BMP code unit (0: none): all that the common-character check
 * on every document needs, without the map. The first pair that reads as a character wins,
 * as in the map.
 */
function leadTable(): Uint8Array {
  if (gbkLead) return gbkLead;
  const { chars, leads } = decodeDoubleBytes();
  gbkLead = new Uint8Array(0x10000);
  // Pair k is the text between the k-th and (k+1)-th LF: one character when GBK maps it.
  for (let i = 0, start = 0, k = 0; i < chars.length; i++) {
    if (chars.charCodeAt(i) !== 0x0a) continue;
    const code = chars.charCodeAt(start);
    if (i - start === 1 && code !== 0xfffd && gbkLead[code] === 0) gbkLead[code] = leads[k];
    start = i + 1;
    k++;
  }
  return gbkLead;
}

/** char → GBK bytes, for repairing a run once mojibake is suspected. */
function doubleByteMap(): Map<string, number[]> {
  if (gbkMap) return gbkMap;
  gbkMap = new Map();
  const { chars, leads, trails } = decodeDoubleBytes();
  const decoded = chars.split('\n');
  for (let i = 0; i < leads.length; i++) {
    const ch = decoded[i];
    if (ch && ch.length === 1 && ch !== '\ufffd' && !gbkMap.has(ch))
      gbkMap.set(ch, [leads[i], trails[i]]);
  }
  return gbkMap;
}

interface Run {
  start: number;
  end: number;
  bytes: number[];
  nonAscii: number;
}

/** Maximal runs of characters that `toBytes` can turn back into bytes. */
function runs(text: string, toBytes: (ch: string) => number[] | undefined): Run[] {
  const found: Run[] = [];
  let current: Run | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    const bytes = code < 0x80 ? [code] : toBytes(ch);
    if (!bytes) {
      if (current) found.push(current);
      current = undefined;
      continue;
    }
    current ??= { start: i, end: i, bytes: [], nonAscii: 0 };
    current.end = i + 1;
    current.bytes.push(...bytes);
    if (code >= 0x80) current.nonAscii++;
  }
  if (current) found.push(current);
  return found.filter((r) => r.nonAscii >= MIN_RUN_NON_ASCII);
}

type ToBytes = (ch: string) => number[] | undefined;

function bytesOf(text: string, toBytes: ToBytes): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text)
    bytes.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (toBytes(ch) ?? [])));
  return new Uint8Array(bytes);
}

/** A finding whose sample pairs the first characters of the run with their read-back. */
function finding(
  kind: MojibakeKind,
  text: string,
  run: Run,
  toBytes: ToBytes,
  label: string,
): MojibakeFinding {
  const damaged = text.slice(run.start, Math.min(run.end, run.start + SAMPLE_SHOWN));
  const repaired = new TextDecoder(label)
    .decode(bytesOf(damaged, toBytes))
    .replace(/\ufffd+$/u, '');
  return { kind, span: { start: run.start, end: run.end }, damaged, repaired };
}

/**
 * Every UTF-8 lead byte (C2–F4) and most GBK lead bytes (A1–FE) read as Latin-1 give a
 * character in U+00A0–U+00FF: without one, the text cannot be this kind of mojibake.
 */
const LATIN1_HIGH_HALF = /[\u00a0-\u00ff]/u;

function latinMojibake(text: string): MojibakeFinding | undefined {
  if (!LATIN1_HIGH_HALF.test(text)) return undefined;
  const map = singleByteMap();
  const toBytes: ToBytes = (ch) => (map.has(ch) ? [map.get(ch)!] : undefined);
  for (const run of runs(text, toBytes)) {
    const bytes = new Uint8Array(run.bytes);
    for (const [label, kind] of [
      ['utf-8', 'utf8-as-latin1'],
      ['gb18030', 'gbk-as-latin1'],
    ] as const) {
      const repaired = tryDecode(bytes, label);
      if (repaired !== undefined && cjkShare(repaired) >= MIN_REPAIRED_CJK_SHARE)
        return finding(kind, text, run, toBytes, label);
    }
  }
  return undefined;
}

/** Share of the text's GBK ideographs that are common (GB2312 level 1). */
function level1Share(text: string): number {
  const leads = leadTable();
  let ideographs = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lead = leads[code];
    if (lead === 0 || code < 0x4e00 || code > 0x9fff) continue;
    ideographs++;
    if (lead >= LEVEL1_FIRST_LEAD && lead <= LEVEL1_LAST_LEAD) common++;
  }
  return ideographs === 0 ? 1 : common / ideographs;
}

function gbkMojibake(text: string): MojibakeFinding | undefined {
  const head = text.slice(0, LEVEL1_SAMPLE_CHARS);
  if (cjkShare(head) < MIN_REPAIRED_CJK_SHARE) return undefined;
  if (level1Share(head) >= ORDINARY_LEVEL1_SHARE) return undefined;
  const map = doubleByteMap();
  const toBytes: ToBytes = (ch) => map.get(ch);
  for (const run of runs(text, toBytes)) {
    const bytes = new Uint8Array(run.bytes);
    const shape = utf8Shape(bytes);
    if (shape.valid < MIN_RUN_NON_ASCII) continue;
    if (shape.valid < MIN_UTF8_VALID_SHARE * (shape.valid + shape.invalid)) continue;
    const repaired = new TextDecoder('utf-8').decode(bytes);
    if (cjkShare(repaired) >= MIN_REPAIRED_CJK_SHARE)
      return finding('utf8-as-gbk', text, run, toBytes, 'utf-8');
  }
  return undefined;
}

/** The first sign of mojibake in the text, or undefined when it reads as it should. */
export function detectMojibake(text: string): MojibakeFinding | undefined {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  return latinMojibake(sample) ?? gbkMojibake(sample);
}

const DESCRIPTIONS: Record<MojibakeKind, string> = {
  'utf8-as-latin1': 'UTF-8 bytes that were decoded as Latin-1/Windows-1252 and saved again',
  'gbk-as-latin1': 'GBK/GB18030 bytes that were decoded as Latin-1/Windows-1252 and saved again',
  'utf8-as-gbk': 'UTF-8 bytes that were decoded as GBK and saved again',
};

/** The user-facing message text for a finding. */
export function describeMojibake(found: MojibakeFinding): string {
  return (
    `text looks like mojibake: ${DESCRIPTIONS[found.kind]}; ` +
    `e.g. "${found.damaged}" reads "${found.repaired}" when repaired. ` +
    'The text is kept as it is; fix the encoding at the source and run again.'
  );
}
