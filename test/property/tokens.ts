/** Adversarial building blocks for text inputs: each one is a shape that has broken parsers. */
import fc from 'fast-check';
import { sentence, prng } from './newspaper.js';

const SENTENCES = Array.from({ length: 12 }, (_, i) => sentence(prng(i + 1)));

/** Pieces a dump can be made of, from whole sentences down to single troublesome units. */
export const TOKENS: readonly string[] = [
  ...SENTENCES,
  '新华社北京3月2日电',
  '本报讯',
  '（新华社上海5月8日电）',
  '扫一扫 看视频',
  '第3版',
  '。',
  '，',
  '“',
  '”',
  '……',
  '——',
  '、',
  '！',
  '？',
  '（',
  '）',
  '《',
  '》',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\r\r\n',
  '\t',
  ' ',
  '\u3000',
  '\u3000\u3000',
  '\u00a0',
  'ＡＢＣ１２３',
  '！？：',
  '\uff5e',
  '\ud800',
  '\udc00',
  '\ud83d\ude00',
  '\u0000',
  '\ufffd',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u200b',
  '\u0301',
  'e\u0301',
  'Hello world.',
  '2025',
  'a',
];

/** A string made of random tokens. */
export const tokenString = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 80 })
  .map((t) => t.join(''));

/** A few blocks, some repeated (exactly or with a damaged prefix), joined by line breaks. */
export const repeatedBlocks = fc
  .tuple(
    fc.array(tokenString, { minLength: 1, maxLength: 5 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 })), { maxLength: 6 }),
    fc.constantFrom('\n', '\n\n', '\r\n', '\r'),
  )
  .map(([blocks, repeats, eol]) => {
    const out = [...blocks];
    for (const [which, cut] of repeats) out.push(blocks[which % blocks.length].slice(cut));
    return out.join(eol);
  });

/** Lines of extreme lengths: empty, one character, and long runs without a break. */
export const extremeLines = fc
  .array(
    fc.oneof(
      fc.constant(''),
      fc.constantFrom(...TOKENS),
      fc
        .tuple(fc.constantFrom(...SENTENCES), fc.integer({ min: 20, max: 400 }))
        .map(([s, n]) => s.repeat(n)),
      fc.integer({ min: 1, max: 5000 }).map((n) => '字'.repeat(n)),
    ),
    { maxLength: 10 },
  )
  .map((lines) => lines.join('\n'));
