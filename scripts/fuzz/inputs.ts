/** One fuzz case: a generated or adversarial dump and the options it is mended with. */
import fc from 'fast-check';
import { invalidUtf8, pngBytes } from '../../test/fixtures/bad/make.js';
import type { MendOptions } from '../../src/index.js';
import { encodeGbk, gbkEncodable } from '../../test/decode/encode.js';
import { makeDump } from '../../test/property/newspaper.js';
import { encodeText, FORCED_LABELS, type Form } from './encodings.js';
import { caseSeed, Dice } from './random.js';
import { noise, TEXT_KINDS } from './texts.js';

export interface FuzzCase {
  seed: number;
  index: number;
  /** The generator (`page`, `noise`, `randomBytes`…). */
  kind: string;
  /** How it reaches mend: `string`, an encoding form, or `bytes` for byte-level generators. */
  form: Form | 'bytes';
  /** Bytes cut at a random byte after encoding. */
  cut: boolean;
  input: string | Uint8Array;
  options: MendOptions;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** File signatures the binary check knows, and some it may not. */
const SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff, 0xe0], // JPEG
  [...Buffer.from('GIF89a')],
  [...Buffer.from('%PDF-1.7\n')],
  [0x50, 0x4b, 0x03, 0x04], // ZIP
  [0x1f, 0x8b, 0x08], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x00, 0x00, 0x00, 0x00],
];

/** Page text as UTF-8 with some bytes overwritten, inserted or a sequence cut short. */
function damagedUtf8(dice: Dice): Uint8Array {
  const bytes = [...utf8(dice.chance(0.5) ? makeDump(dice.next()) : noise(dice))];
  for (let hits = dice.int(1, 8); hits > 0 && bytes.length > 0; hits--) {
    const at = dice.int(0, bytes.length - 1);
    if (dice.chance(0.5)) bytes[at] = dice.int(0x80, 0xff);
    else bytes.splice(at, dice.chance(0.5) ? 1 : 0, ...(dice.chance(0.5) ? [0xff] : [0xe4, 0xb8]));
  }
  return new Uint8Array(bytes);
}

/** A file signature (or a run of control bytes) followed by page text or random bytes. */
function binaryLike(dice: Dice): Uint8Array {
  if (dice.chance(0.2)) return pngBytes(dice.int(8, 4096));
  const head = dice.chance(0.8)
    ? new Uint8Array(dice.pick(SIGNATURES))
    : new Uint8Array(dice.int(1, 64)).map(() => dice.int(0, 0x1f));
  const tail = dice.chance(0.5)
    ? utf8(makeDump(dice.next()))
    : new Uint8Array(dice.int(0, 2000)).map(() => dice.int(0, 255));
  return concat(head, tail);
}

/** Two pages in different encodings in one file (UTF-8 then GBK, or the other way round). */
function mixedEncodings(dice: Dice): Uint8Array {
  const [a, b] = [makeDump(dice.next()), makeDump(dice.next())];
  const gbk = (s: string) => (gbkEncodable(s) ? encodeGbk(s) : utf8(s));
  return dice.chance(0.5) ? concat(utf8(a), gbk(b)) : concat(gbk(a), utf8(b));
}

/** Byte-level generators, given to mend as they are. */
const BYTE_KINDS = {
  randomBytes: { weight: 4, make: (d: Dice) => d.sample(fc.uint8Array({ maxLength: 2000 })) },
  damagedUtf8: { weight: 4, make: damagedUtf8 },
  binaryLike: { weight: 2, make: binaryLike },
  invalidUtf8: {
    weight: 1,
    make: (d: Dice) => concat(...Array.from({ length: d.int(1, 5) }, () => invalidUtf8())),
  },
  mixedEncodings: { weight: 2, make: mixedEncodings },
} as const;

const KIND_WEIGHTS: Record<string, number> = Object.fromEntries(
  [...Object.entries(TEXT_KINDS), ...Object.entries(BYTE_KINDS)].map(([k, v]) => [k, v.weight]),
);

/** Share of byte inputs mended with a forced `encoding` (right or wrong). */
const FORCED_SHARE = 0.08;
/** Of those, the share forced to the encoding the bytes are in (the rest: any label, often wrong). */
const RIGHT_LABEL_SHARE = 0.6;
/** Share of cases mended with the hand rules instead of the page-structure model. */
const RULES_SHARE = 0.1;
/** Share of cases given an edition date (year inference for datelines). */
const EDITION_DATE_SHARE = 0.05;

const pad = (n: number) => String(n).padStart(2, '0');
/** A calendar date YYYY-MM-DD (days up to 28: valid in every month). */
const date = (dice: Dice) =>
  `${dice.int(1990, 2035)}-${pad(dice.int(1, 12))}-${pad(dice.int(1, 28))}`;

function options(dice: Dice, c: Pick<FuzzCase, 'form' | 'input' | 'seed' | 'index'>): MendOptions {
  const opts: MendOptions = { name: `fuzz-${c.seed}-${c.index}` };
  if (typeof c.input !== 'string' && dice.chance(FORCED_SHARE)) {
    const right = c.form.replace(/-bom$/u, '');
    opts.encoding =
      FORCED_LABELS.includes(right) && dice.chance(RIGHT_LABEL_SHARE)
        ? right
        : dice.pick(FORCED_LABELS);
  }
  if (dice.chance(RULES_SHARE)) opts.structure = 'rules';
  if (dice.chance(EDITION_DATE_SHARE)) opts.editionDate = date(dice);
  return opts;
}

/** Case `index` of the campaign with `seed`: the same pair always gives the same case. */
export function makeCase(seed: number, index: number): FuzzCase {
  const dice = new Dice(caseSeed(seed, index));
  const kind = dice.weighted(KIND_WEIGHTS);
  let c: Omit<FuzzCase, 'options'>;
  if (kind in BYTE_KINDS) {
    const input = BYTE_KINDS[kind as keyof typeof BYTE_KINDS].make(dice);
    c = { seed, index, kind, form: 'bytes', cut: false, input };
  } else {
    const text = TEXT_KINDS[kind as keyof typeof TEXT_KINDS].make(dice);
    c = { seed, index, kind, ...encodeText(dice, text) };
  }
  return { ...c, options: options(dice, c) };
}
