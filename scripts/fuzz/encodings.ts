/**
 * How a fuzz text reaches `mend`: as a string, or as bytes in every encoding the decoder reads
 * (UTF-8/16/32 with and without a byte order mark, GB18030, Big5), sometimes cut mid-character.
 */
import { encodeGbk, gbkEncodable, hasIconv, iconvEncode } from '../../test/decode/encode.js';
import type { Dice } from './random.js';

/** Forms a text is given in, with their weights: strings and UTF-8 most, every other one often. */
export const FORMS = {
  string: 30,
  'utf-8': 20,
  'utf-8-bom': 6,
  'utf-16le': 6,
  'utf-16le-bom': 5,
  'utf-16be': 6,
  'utf-16be-bom': 5,
  gb18030: 10,
  'gb18030-bom': 2,
  big5: 7,
  'utf-32le-bom': 1,
  'utf-32be-bom': 1,
} as const;
export type Form = keyof typeof FORMS;

/** Labels `--encoding` accepts (MendOptions.encoding), for cases that force one. */
export const FORCED_LABELS = ['utf-8', 'gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be'];

const BOMS: Partial<Record<Form, number[]>> = {
  'utf-8-bom': [0xef, 0xbb, 0xbf],
  'utf-16le-bom': [0xff, 0xfe],
  'utf-16be-bom': [0xfe, 0xff],
  'gb18030-bom': [0x84, 0x31, 0x95, 0x33],
  'utf-32le-bom': [0xff, 0xfe, 0x00, 0x00],
  'utf-32be-bom': [0x00, 0x00, 0xfe, 0xff],
};

/** Code units as UTF-16 bytes, lone surrogates written as they are. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** Code points as UTF-32 bytes, lone surrogates written as they are. */
function utf32(text: string, littleEndian: boolean): Uint8Array {
  const points = [...text].map((ch) => ch.codePointAt(0)!);
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  points.forEach((p, i) => view.setUint32(i * 4, p, littleEndian));
  return out;
}

/** `text` through iconv, or undefined when iconv is missing or refuses it. */
function viaIconv(text: string, encoding: string): Uint8Array | undefined {
  if (!hasIconv()) return undefined;
  try {
    return iconvEncode(text, encoding);
  } catch {
    return undefined;
  }
}

/** GB18030: in-process GBK where it can, else iconv (four-byte sequences). */
function gb18030(text: string): Uint8Array | undefined {
  return gbkEncodable(text) ? encodeGbk(text) : viaIconv(text, 'GB18030');
}

/** Big5 through iconv; characters Big5 lacks become `?` (transliteration), as a converter would. */
const big5 = (text: string) => viaIconv(text, 'BIG5//TRANSLIT');

/** The bytes of `text` in `form`; undefined when no encoder can write it here (no iconv). */
function body(text: string, form: Form): Uint8Array | undefined {
  switch (form) {
    case 'string':
    case 'utf-8':
    case 'utf-8-bom':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-16le':
    case 'utf-16le-bom':
      return utf16(text, true);
    case 'utf-16be':
    case 'utf-16be-bom':
      return utf16(text, false);
    case 'gb18030':
    case 'gb18030-bom':
      return gb18030(text);
    case 'big5':
      return big5(text);
    case 'utf-32le-bom':
    case 'utf-32be-bom':
      return utf32(text, form === 'utf-32le-bom');
  }
}

/** Share of byte inputs cut at a random byte (half a character, an odd UTF-16 length). */
const CUT_SHARE = 0.05;

export interface Encoded {
  input: string | Uint8Array;
  /** The form actually used: `utf-8` when the drawn encoder is unavailable. */
  form: Form;
  cut: boolean;
}

/** `text` in a form drawn from FORMS. */
export function encodeText(dice: Dice, text: string): Encoded {
  const drawn = dice.weighted(FORMS);
  if (drawn === 'string') return { input: text, form: drawn, cut: false };
  let form: Form = drawn;
  let bytes = body(text, form);
  if (!bytes) [form, bytes] = ['utf-8', body(text, 'utf-8')!];
  let input = new Uint8Array(Buffer.concat([Buffer.from(BOMS[form] ?? []), bytes]));
  const cut = input.length > 0 && dice.chance(CUT_SHARE);
  if (cut) input = input.slice(0, dice.int(0, input.length - 1));
  return { input, form, cut };
}
