/** Flags of `npm run fuzz`; a bad flag is a usage error (exit 2), never a crash. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DETERMINISM_EVERY } from './campaign.js';

/** Cases when --n is not given: a quick look (about half a minute). */
const DEFAULT_N = 1000;
const DEFAULT_SEED = 1;

export const HELP = `Usage: npm run fuzz -- [--n N] [--seed S] [--out DIR] [--case I,…]
                            [--determinism-every K]

Mend N generated and adversarial dumps and check each: random CJK and punctuation, lone
surrogates, control characters and NUL, token mixes of the property tests, made-up newspaper
pages whole, sliced, shuffled and run together, very long lines, empty and whitespace-only
input, random and damaged bytes; text given as a string or as UTF-8/16/32 (with and without a
BOM), GB18030 or Big5 bytes, sometimes cut mid-character or mended with a forced encoding.

Counted per case (each must be 0): throws (an exception out of mend), stage failures,
rebuild mismatches, non-source text, lost text and nondeterminism (on a sample). Refused
input (binary, empty) is a message by design and only reported.

Options:
  --n N                   cases to run (default ${DEFAULT_N})
  --seed S                seed, an integer 0..4294967295 (default ${DEFAULT_SEED}); case i of a seed
                          is always the same input
  --out DIR               where failing inputs go
                          (default ${join(tmpdir(), 'newsmend-fuzz-<seed>')})
  --determinism-every K   mend every K-th case twice and compare the JSON (default
                          ${DETERMINISM_EVERY}; 0 never)
  --case I[,J…]           run only these case indices of the seed (replay a failure)
  -h, --help              this help

Progress goes to stderr every few seconds, the summary to stdout. Exit 0 when every counter
is 0; 1 when a check failed (the failing inputs are written to DIR); 2 on a bad flag.`;

export interface FuzzArgs {
  help: boolean;
  n: number;
  seed: number;
  out: string;
  determinismEvery: number;
  only?: number[];
}

export class UsageError extends Error {}

function integer(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/u.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} wants an integer ${min}..${max}, got '${value}'`);
  return n;
}

/** Parse the flags (without `node` and the script); throws UsageError on a bad one. */
export function parseFuzzArgs(argv: string[]): FuzzArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        n: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'determinism-every': { type: 'string' },
        case: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const seed = integer('--seed', values.seed, 0, 2 ** 32 - 1) ?? DEFAULT_SEED;
  const only = values.case
    ?.split(',')
    .map((i) => integer('--case', i, 0, Number.MAX_SAFE_INTEGER) as number);
  if (values.out === '') throw new UsageError('--out wants a folder');
  return {
    help: values.help ?? false,
    n: only?.length ?? integer('--n', values.n, 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_N,
    seed,
    out: values.out ?? join(tmpdir(), `newsmend-fuzz-${seed}`),
    determinismEvery:
      integer('--determinism-every', values['determinism-every'], 0, Number.MAX_SAFE_INTEGER) ??
      DETERMINISM_EVERY,
    only,
  };
}
