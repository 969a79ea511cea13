import { basename, resolve } from 'node:path';
import { openArchive } from '../../archive/db.js';
import { collectFiles } from '../../archive/files.js';
import { ingestBytes } from '../../archive/ingest.js';
import { EXIT_BAD_INPUT, EXIT_OK, InputError, UsageError, type Command } from '../command.js';
import { checkDate, parseCommandArgs } from '../args.js';
import { stagesFor } from '../fault.js';
import { readInput } from '../io.js';

const HELP = `newsmend ingest — mend page dumps and store them in an archive

Usage: newsmend ingest <files|dirs|-> --db archive.db [options]

Mends each dump and stores the source, its edition, articles, body items, the ledger and
metadata in an SQLite archive (created when missing). Each source is stored in one
transaction: an interrupted run leaves no half-written edition, and running it again
completes the job. A source already in the archive (same sha256) is skipped.

Options:
  --db <file>          the archive (required)
  --date <YYYY-MM-DD>  edition date, used to complete datelines without a year
  -v, --verbose        one line per source on standard error
  -h, --help           this help

A dump that cannot be read, or on which a stage of the pipeline fails, is reported and not
stored; the other files are stored all the same, and running ingest again picks it up.

Prints a progress bar on a terminal and a summary line at the end.
Exit codes: 0 ok, 1 some input could not be read or mended, 2 misuse.

Examples:
  newsmend ingest examples/ --db archive.db
  cat page.txt | newsmend ingest - --db archive.db
`;

/** Width of the progress bar, in cells. */
const BAR_WIDTH = 30;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      date: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
  });
}

/** The archive's own files (database, WAL, shared memory) are never ingested. */
function files(paths: string[], db: string): string[] {
  const own = new Set(['', '-wal', '-shm', '-journal'].map((s) => resolve(db + s)));
  try {
    return collectFiles(paths, (p) => own.has(resolve(p)));
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

function progress(done: number, total: number, name: string): void {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  process.stderr.write(`\r\x1b[2K${bar} ${done}/${total} ${name.slice(-40)}`);
}

interface Tally {
  added: number;
  existing: number;
  failed: number;
  articles: number;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'mend page dumps and store them in a searchable archive',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv);
    if (!values.db) throw new UsageError('--db <file> is required');
    if (positionals.length === 0)
      throw new UsageError('give files, folders or - for standard input');
    checkDate(values.date);
    const list = files(positionals, values.db);
    const db = openArchive(values.db);
    const tty = process.stderr.isTTY && !values.verbose;
    const tally: Tally = { added: 0, existing: 0, failed: 0, articles: 0 };
    try {
      list.forEach((path, i) => {
        if (tty) progress(i, list.length, path);
        try {
          const bytes = readInput(path);
          const name = path === '-' ? 'stdin' : basename(path);
          const r = ingestBytes(db, bytes, { name, editionDate: values.date }, stagesFor(bytes));
          if (r.status === 'failed') {
            tally.failed++;
            process.stderr.write(
              `${tty ? '\n' : ''}newsmend ingest: ${path}: not stored: ${r.problem}\n`,
            );
            return;
          }
          if (r.status === 'added') (tally.added++, (tally.articles += r.articles));
          else tally.existing++;
          if (values.verbose)
            process.stderr.write(
              `${r.status} ${path} edition ${r.editionId} (${r.articles} articles)\n`,
            );
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          tally.failed++;
          process.stderr.write(`${tty ? '\n' : ''}newsmend ingest: ${error.message}\n`);
        }
      });
      if (tty) progress(list.length, list.length, 'done\n');
    } finally {
      db.close();
    }
    process.stdout.write(
      `ingested ${list.length} source(s): ${tally.added} added (${tally.articles} articles), ${tally.existing} already present, ${tally.failed} failed\n`,
    );
    return tally.failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
  },
};
