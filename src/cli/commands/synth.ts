import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEV_PAGE_FILES, DEV_SEED } from '../../eval/dev.js';
import { repoRoot, sharedEvalDir } from '../../eval/paths.js';
import { DEV_RATES, parseRates, synthFiles, ZERO_RATES } from '../../synth/index.js';
import { isInside, writePages } from '../../synth/write.js';
import { EXIT_OK, InputError, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../args.js';

const HELP = `newsmend synth — make synthetic page dumps with known gold from clean articles

Usage: newsmend synth --pages <articles.jsonl> [--pages …] --out <dir> [options]
       newsmend synth --dev [--out <dir>]

Reads clean, page-structured articles ({date, page, order, title, subtitle?, content}; one page
= same date and page, in order; where page is null, pages of 3–6 articles from neighbouring
dates), labels the paper's own structure (kicker, byline, dateline, captions, subheads, notes,
source tag), damages each page with the corruption model (D1–D10, docs/eval.md) and writes
<out>/<page>/input.txt + gold.json (newsmend-gold@1). Same seed → byte-identical output.
The dumps hold third-party text: --out may not be inside the repository.

Options:
  --pages <file>       a page file (.jsonl); repeat for several
  --out <dir>          where to write the cases
  --seed <n>           the seed (default ${DEV_SEED})
  --rates <spec>       rates over the dev profile, e.g. 'columnBreak=0.3,gb18030=0' or 'all=0'
                       (names: ${Object.keys(DEV_RATES).join(', ')})
  --clean              start from all-zero rates instead of the dev profile
  --max-pages <n>      stop after n pages
  --dev                the dev set: the rmrb page files under ../shared/eval/pages, dev seed and
                       rates, written to a cache folder in the system temp dir (printed)
  -h, --help           this help
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: false,
    options: {
      pages: { type: 'string', multiple: true },
      out: { type: 'string' },
      seed: { type: 'string' },
      rates: { type: 'string' },
      clean: { type: 'boolean', default: false },
      'max-pages': { type: 'string' },
      dev: { type: 'boolean', default: false },
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

/** The dev set's cache folder: named by a hash of what it is made from. */
function devOut(files: string[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify({ files, DEV_SEED, DEV_RATES }))
    .digest('hex');
  return join(tmpdir(), `newsmend-dev-${hash.slice(0, 12)}`);
}

export const synthCommand: Command = {
  name: 'synth',
  summary: 'make synthetic damaged page dumps with gold from clean articles',
  help: HELP,
  async run(argv) {
    const { values } = parse(argv);
    let files = values.pages ?? [];
    if (values.dev) {
      const shared = sharedEvalDir();
      if (!shared) throw new InputError('../shared/eval not found (set NEWSMEND_SHARED)');
      files = DEV_PAGE_FILES.map((f) => join(shared, 'pages', f));
    }
    if (files.length === 0) throw new UsageError('give --pages <file> (or --dev)');
    for (const f of files)
      if (!existsSync(f)) throw new InputError(`cannot read ${f}: no such file`);
    const out = values.out ?? (values.dev ? devOut(files) : undefined);
    if (!out) throw new UsageError('give --out <dir>');
    if (isInside(out, repoRoot()))
      throw new UsageError(
        `--out ${out} is inside the repository; synthetic dumps hold third-party text`,
      );
    const seed = wholeNumber(values.seed, '--seed') ?? DEV_SEED;
    let rates;
    try {
      rates = parseRates(values.rates, values.clean ? ZERO_RATES : DEV_RATES);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const pages = synthFiles(files, seed, rates, wholeNumber(values['max-pages'], '--max-pages'));
    const { written, gb18030 } = writePages(pages, resolve(out));
    process.stdout.write(
      `${written} page dumps (${gb18030} in GB18030) written to ${resolve(out)}\n`,
    );
    return EXIT_OK;
  },
};
