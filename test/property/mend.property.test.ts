/**
 * Property tests of the core promise: whatever the input, `rebuild(mend(x))` gives back the
 * decoded input, every character is held exactly once, and the output is deterministic.
 * Reproduce a failure with NEWSMEND_SEED=<seed printed by fast-check>.
 */
import test from 'node:test';
import fc from 'fast-check';
import { encodeGbk, gbkEncodable } from '../decode/encode.js';
import { checkMend, params } from './check.js';
import { makeDump } from './newspaper.js';
import { extremeLines, repeatedBlocks, tokenString } from './tokens.js';

/** Runs for the slower byte-level properties (chardet runs on each). */
const BYTE_RUNS = 100;

test('any Unicode string (lone surrogates included) rebuilds', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => checkMend(s)),
    params(),
  );
});

test('any string of UTF-16 code units rebuilds', () => {
  const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 300 }), (s) => checkMend(s)),
    params(),
  );
});

test('mixes of Chinese sentences, punctuation, line endings and odd characters rebuild', () => {
  fc.assert(
    fc.property(tokenString, (s) => checkMend(s)),
    params(),
  );
});

test('repeated blocks rebuild', () => {
  fc.assert(
    fc.property(repeatedBlocks, (s) => checkMend(s)),
    params(),
  );
});

test('very short and very long lines rebuild', () => {
  fc.assert(
    fc.property(extremeLines, (s) => checkMend(s)),
    params(50),
  );
});

test('made-up newspaper page dumps rebuild', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => checkMend(makeDump(seed))),
    params(),
  );
});

test('newspaper dumps as UTF-8 bytes rebuild', () => {
  const bytes = fc
    .integer({ min: 0, max: 2 ** 31 - 1 })
    .map((seed) => new Uint8Array(Buffer.from(makeDump(seed))));
  fc.assert(
    fc.property(bytes, (b) => checkMend(b)),
    params(BYTE_RUNS),
  );
});

test('newspaper dumps as GB18030 bytes rebuild (detected and forced)', () => {
  const bytes = fc
    .integer({ min: 0, max: 2 ** 31 - 1 })
    .map((seed) => makeDump(seed))
    .filter(gbkEncodable)
    .map(encodeGbk);
  fc.assert(
    fc.property(bytes, (b) => {
      checkMend(b);
      checkMend(b, { encoding: 'gb18030' });
    }),
    params(BYTE_RUNS),
  );
});

test('random bytes rebuild (whatever they decode to)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => checkMend(b)),
    params(BYTE_RUNS),
  );
});

test('token mixes as UTF-8 bytes with random byte damage rebuild', () => {
  const damaged = fc
    .tuple(
      tokenString,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 5 }),
    )
    .map(([s, hits]) => {
      const bytes = new Uint8Array(Buffer.from(s));
      for (const [at, value] of hits) if (bytes.length > 0) bytes[at % bytes.length] = value;
      return bytes;
    });
  fc.assert(
    fc.property(damaged, (b) => checkMend(b)),
    params(BYTE_RUNS),
  );
});

test('several page dumps run together rebuild', () => {
  const joined = fc
    .tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 8 }))
    .map(([seed, n]) => Array.from({ length: n }, (_, i) => makeDump(seed + i)).join('\n'));
  fc.assert(
    fc.property(joined, (s) => checkMend(s)),
    params(50),
  );
});
