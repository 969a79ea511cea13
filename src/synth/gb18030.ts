/**
 * A GB18030 encoder. Node's TextEncoder only writes UTF-8, so the table is built once by
 * decoding every two-byte GBK code and every four-byte BMP code with TextDecoder('gb18030').
 */
let table: Map<number, number[]> | undefined;

function build(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030');
  const add = (bytes: number[]) => {
    const text = decoder.decode(new Uint8Array(bytes));
    if (text.length === 1 && text !== '\ufffd') {
      const code = text.charCodeAt(0);
      if (!map.has(code)) map.set(code, bytes);
    }
  };
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) add([lead, trail]);
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
  return map;
}

/** GB18030 bytes of `text`, or undefined when a character has no mapping (astral planes). */
export function encodeGb18030(text: string): Uint8Array | undefined {
  table ??= build();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(code);
    if (!bytes) return undefined;
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
