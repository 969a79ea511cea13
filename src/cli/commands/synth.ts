import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, sharedEvalDir } from '../../eval/paths.js';
import { splitPages, SPLIT_NAMES } from '../../eval/splits.js';
import { EVAL_SEEDS } from '../../eval/suite.js';
import {
  DEV_RATES,
  parseRates,
  PROFILE_NAMES,
  PROFILES,
  synthFiles,
  ZERO_RATES,
  type ProfileName,
} from '../../synth/index.js';
import { isInside, writePages } from '../../synth/write.js';
import { EXIT_OK, InputError, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../args.js';

const HELP = `newsmend synth — make synthetic page dumps with known gold from clean articles

Usage: newsmend synth --pages <articles.jsonl> [--pages …] --out <dir> [options]
       newsmend synth --split fit [--profile <name>] [--seed <n>] [--max-pages <n>] [--out <dir>]

Reads clean, page-structured articles ({date, page, order, title, subtitle?, content}; one page
= same date and page, in order; where page is null, pages of 3–6 articles from neighbouring
dates), labels the paper's own structure (kicker, byline, dateline, captions, subheads, notes,
source tag), damages each page with the corruption model (D1–D10, docs/eval.md) and writes
<out>/<page>/input.txt + gold.json (newsmend-gold@1). Same seed → byte-identical output.
The dumps hold third-party text: --out may not be inside the repository.

Only the fit split may be written out: the files under ../shared/eval/pages also hold the test
splits, which are read in aggregate only (newsmend eval), so --pages refuses them.

Options:
  --pages <file>       a page file (.jsonl) of your own; repeat for several
  --split fit          the fit split (People's Daily 2019-02, 2019-10, 2020-01), written to a
                       cache folder in the system temp dir unless --out is given (printed)
  --profile <name>     rate profile: ${PROFILE_NAMES.join(', ')} (default dev)
  --out <dir>          where to write the cases
  --seed <n>           the seed (default ${EVAL_SEEDS[0]})
  --rates <spec>       rates over the profile, e.g. 'columnBreak=0.3,gb18030=0' or 'all=0'
                       (names: ${Object.keys(DEV_RATES).join(', ')})
  --clean              start from all-zero rates instead of the profile
  --max-pages <n>      at most n pages (--split: a deterministic sample)
  -h, --help           this help
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: false,
    options: {
      pages: { type: 'string', multiple: true },
      split: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      rates: { type: 'string' },
      clean: { type: 'boolean', default: false },
      'max-pages': { type: 'string' },
    },
  });
}

function wholeNumber(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${name} wants a whole number, got '${raw}'`);
  return n;
}

/** The fit split's cache folder: named by a hash of what it is made from. */
function fitOut(what: object): string {
  const hash = createHash('sha256').update(JSON.stringify(what)).digest('hex');
  return join(tmpdir(), `newsmend-fit-${hash.slice(0, 12)}`);
}

function profileOf(raw: string | undefined): ProfileName {
  const name = raw ?? 'dev';
  if (!(PROFILE_NAMES as string[]).includes(name))
    throw new UsageError(`unknown profile '${name}'; known: ${PROFILE_NAMES.join(', ')}`);
  return name as ProfileName;
}

function checkSplit(split: string | undefined): void {
  if (split === undefined || split === 'fit') return;
  if ((SPLIT_NAMES as readonly string[]).includes(split))
    throw new UsageError(
      `--split ${split}: only fit pages may be written out; ${split} pages are read in aggregate only (newsmend eval)`,
    );
  throw new UsageError(`unknown split '${split}'; the one that can be written is fit`);
}

export const synthCommand: Command = {
  name: 'synth',
  help: HELP,
  async run(argv) {
    const { values } = parse(argv);
    checkSplit(values.split);
    const files = values.pages ?? [];
    if (values.split && files.length > 0) throw new UsageError('give --pages or --split, not both');
    if (!values.split && files.length === 0)
      throw new UsageError('give --pages <file> (or --split fit)');
    const shared = sharedEvalDir();
    for (const f of files) {
      if (!existsSync(f)) throw new InputError(`cannot read ${f}: no such file`);
      if (shared && isInside(f, join(shared, 'pages')))
        throw new UsageError(
          `${f} holds test pages, which are read in aggregate only; use --split fit for pages from it`,
        );
    }
    if (values.split && !shared)
      throw new InputError('../shared/eval not found (set NEWSMEND_SHARED)');
    const profile = profileOf(values.profile);
    const seed = wholeNumber(values.seed, '--seed') ?? EVAL_SEEDS[0];
    let rates;
    try {
      rates = parseRates(values.rates, values.clean ? ZERO_RATES : PROFILES[profile]);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const max = wholeNumber(values['max-pages'], '--max-pages');
    const out =
      values.out ?? (values.split ? fitOut({ split: 'fit', seed, rates, max }) : undefined);
    if (!out) throw new UsageError('give --out <dir>');
    if (isInside(out, repoRoot()))
      throw new UsageError(
        `--out ${out} is inside the repository; synthetic dumps hold third-party text`,
      );
    const pages = values.split
      ? splitPages(shared!, 'fit', seed, rates, max)
      : synthFiles(files, seed, rates, max);
    const { written, gb18030 } = writePages(pages, resolve(out));
    process.stdout.write(
      `${written} page dumps (${gb18030} in GB18030) written to ${resolve(out)}\n`,
    );
    return EXIT_OK;
  },
};
