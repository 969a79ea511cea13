/**
 * Text inputs for the fuzz campaign: random CJK, punctuation and troublesome code units, the
 * property tests' token mixes, and slices, shuffles and run-togethers of made-up newspaper pages.
 */
import fc from 'fast-check';
import { ENGLISH, NO_HEADLINE, SIMPLIFIED, TRADITIONAL } from '../../test/fixtures/bad/make.js';
import { makeDump } from '../../test/property/newspaper.js';
import { extremeLines, repeatedBlocks, tokenString, TOKENS } from '../../test/property/tokens.js';
import type { Dice } from './random.js';

/** Longest random-noise input, in code points: long enough for many lines, cheap to mend. */
const MAX_NOISE = 600;
/** Longest "very long line", in code units: ~0.1 s of mending, so a handful cost little. */
const MAX_LONG_LINE = 120_000;

/** Classes of code units a noise string is drawn from, with their weights. */
const NOISE_CLASSES = {
  cjk: 40, // U+4E00–U+9FFF, the bulk of a Chinese page
  cjkRare: 3, // extension A and the astral extension B (surrogate pairs)
  punctuation: 15, // CJK and full-width punctuation
  ascii: 10,
  lineBreak: 10, // every line ending a dump may use, alone and mixed
  space: 6, // ASCII, ideographic and no-break spaces, tabs
  control: 5, // C0 (NUL included), DEL, C1
  surrogate: 3, // lone high or low halves
  special: 4, // BOM, U+FFFD, zero-width and line/paragraph separators, combining marks
  token: 4, // a whole token of the property tests (sentences, datelines, furniture)
} as const;

const PUNCTUATION = [...'。，、；：？！“”‘’（）《》〈〉【】「」『』…—～·．／％＋－＝＠＃'];
const LINE_BREAKS = [
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\r\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\v',
  '\f',
];
const SPACES = [' ', '  ', '\t', '\u3000', '\u3000\u3000', '\u00a0', '\u2002', '\u200b'];
const SPECIALS = ['\ufeff', '\ufffd', '\u200d', '\u0301', '\u20dd', '\ufe0f', '\uffff', '\ufffe'];

function noiseUnit(dice: Dice): string {
  switch (dice.weighted(NOISE_CLASSES)) {
    case 'cjk':
      return String.fromCharCode(dice.int(0x4e00, 0x9fff));
    case 'cjkRare':
      return dice.chance(0.5)
        ? String.fromCharCode(dice.int(0x3400, 0x4dbf))
        : String.fromCodePoint(dice.int(0x20000, 0x2a6df));
    case 'punctuation':
      return dice.pick(PUNCTUATION);
    case 'ascii':
      return String.fromCharCode(dice.int(0x20, 0x7e));
    case 'lineBreak':
      return dice.pick(LINE_BREAKS);
    case 'space':
      return dice.pick(SPACES);
    case 'control':
      return String.fromCharCode(dice.pick([dice.int(0, 0x1f), 0x7f, dice.int(0x80, 0x9f), 0]));
    case 'surrogate':
      return String.fromCharCode(dice.int(0xd800, 0xdfff));
    case 'special':
      return dice.pick(SPECIALS);
    case 'token':
      return dice.pick(TOKENS);
  }
}

/** Random CJK, punctuation, line breaks and odd code units. */
export function noise(dice: Dice, max = MAX_NOISE): string {
  return Array.from({ length: dice.int(0, max) }, () => noiseUnit(dice)).join('');
}

/** Empty, or whitespace only (line breaks, spaces, a BOM). */
export function blank(dice: Dice): string {
  if (dice.chance(0.3)) return '';
  const units = [...LINE_BREAKS, ...SPACES, '\ufeff'];
  return Array.from({ length: dice.int(1, 40) }, () => dice.pick(units)).join('');
}

const dump = (dice: Dice) => makeDump(dice.next());

/** Lines of 1–4 page dumps in random order, some lines replaced by noise. */
function shuffledPages(dice: Dice): string {
  const pages = Array.from({ length: dice.int(1, 4) }, () => dump(dice));
  const lines = pages.join('\n').split(/(?<=\n)/u);
  for (let i = 0; i < lines.length; i++) if (dice.chance(0.05)) lines[i] = noise(dice, 40);
  return dice.shuffle(lines).join('');
}

/** A random slice (cut at any code unit, so mid-line and mid-sentence) of a page dump. */
function pageSlice(dice: Dice): string {
  const page = dump(dice);
  const start = dice.int(0, page.length);
  return page.slice(start, dice.int(start, page.length));
}

/** A very long line: a page with its line breaks removed, or a sentence repeated without one. */
function longLine(dice: Dice): string {
  const page = Array.from({ length: dice.int(1, 6) }, () => dump(dice))
    .join('')
    .replace(/[\r\n]+/gu, dice.pick(['', '。', ' ']));
  if (dice.chance(0.5)) return page;
  const line = page.repeat(Math.ceil(dice.int(10_000, MAX_LONG_LINE) / Math.max(page.length, 1)));
  return dice.chance(0.5) ? line : `${dump(dice)}\n${line}\n${dump(dice)}`;
}

/** The fixtures' short texts (simplified, traditional, English, no headline) cut and mixed. */
function fixtureMix(dice: Dice): string {
  const texts = [SIMPLIFIED, TRADITIONAL, NO_HEADLINE, ENGLISH, TRADITIONAL];
  return Array.from({ length: dice.int(1, 6) }, () => {
    const text = dice.pick(texts);
    return dice.chance(0.3) ? text.slice(dice.int(0, text.length)) : text;
  }).join(dice.pick(['', '\n', '\n\n', '\r\n']));
}

/** Text generators and their weights in the campaign (pages dominate: they are what we mend). */
export const TEXT_KINDS = {
  noise: { weight: 14, make: (d: Dice) => noise(d) },
  unicode: {
    weight: 6,
    make: (d: Dice) => d.sample(fc.string({ unit: 'binary', maxLength: 300 })),
  },
  units: {
    weight: 4,
    make: (d: Dice) =>
      d.sample(
        fc.string({
          unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
          maxLength: 300,
        }),
      ),
  },
  tokens: { weight: 10, make: (d: Dice) => d.sample(tokenString) },
  repeated: { weight: 6, make: (d: Dice) => d.sample(repeatedBlocks) },
  extremeLines: { weight: 2, make: (d: Dice) => d.sample(extremeLines) },
  page: { weight: 16, make: dump },
  pageSlice: { weight: 10, make: pageSlice },
  pageShuffle: { weight: 8, make: shuffledPages },
  pagesJoined: {
    weight: 5,
    make: (d: Dice) =>
      Array.from({ length: d.int(2, 6) }, () => dump(d)).join(d.pick(['\n', '', '\n\n'])),
  },
  pageWithNoise: { weight: 6, make: (d: Dice) => `${noise(d, 80)}${dump(d)}${noise(d, 80)}` },
  fixtures: { weight: 4, make: fixtureMix },
  longLine: { weight: 1, make: longLine },
  blank: { weight: 3, make: blank },
} as const satisfies Record<string, { weight: number; make: (d: Dice) => string }>;

export type TextKind = keyof typeof TEXT_KINDS;
