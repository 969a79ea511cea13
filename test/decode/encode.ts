/**
 * Test-time encoders for legacy Chinese encodings. Node's TextEncoder only writes UTF-8, so we
 * use the system `iconv` when present and an in-process GBK table built from TextDecoder.
 */
import { execFileSync, spawnSync } from 'node:child_process';

let iconvPresent: boolean | undefined;

/** Whether the `iconv` binary (libc-bin on Debian) can be run. */
export function hasIconv(): boolean {
  iconvPresent ??= spawnSync('iconv', ['--version']).status === 0;
  return iconvPresent;
}

/** Encode UTF-8 text to `encoding` with iconv (throws if a character has no mapping). */
export function iconvEncode(text: string, encoding: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: text }));
}

let gbkTable: Map<string, [number, number]> | undefined;

/** char → its two GBK bytes, from decoding every double-byte pair once. */
function table(): Map<string, [number, number]> {
  if (gbkTable) return gbkTable;
  gbkTable = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      } catch {
        // unmapped pair
      }
    }
  }
  return gbkTable;
}

/** Whether every character of `text` is ASCII or a GBK double-byte character. */
export function gbkEncodable(text: string): boolean {
  const map = table();
  for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && !map.has(ch)) return false;
  return true;
}

/** Encode text as GBK (a subset of GB18030) in-process; unmappable characters throw. */
export function encodeGbk(text: string): Uint8Array {
  const map = table();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const pair = map.get(ch);
      if (!pair) throw new Error(`no GBK mapping for U+${code.toString(16)}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
