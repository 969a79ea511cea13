import { basename, resolve } from 'node:path';
import { ArchiveError, isPostgresUrl, openArchiveAt, type Archive } from '../../archive/backend.js';
import { collectFiles, type CollectedFiles } from '../../archive/files.js';
import { ingestInto, type IngestStored } from '../../archive/ingest.js';
import { EXIT_BAD_INPUT, EXIT_OK, InputError, UsageError, type Command } from '../command.js';
import { checkDate, parseCommandArgs } from '../args.js';
import { stagesFor } from '../fault.js';
import { readInput } from '../io.js';

const HELP = `newsmend ingest — mend page dumps and store them in an archive

Usage: newsmend ingest <files|dirs|-> --db <archive.db|postgres://…> [options]

Mends each dump and stores the source, its edition, articles, the ledger and metadata in an
archive: an SQLite file (created when missing), or a PostgreSQL database that many machines
can write to at once (its tables are created in it when missing). Each source is stored in one
transaction: an interrupted run leaves no half-written edition, and running it again
completes the job. A source already in the archive (same sha256 of its bytes) is skipped
before it is mended.

Options:
  --db <file|url>      the archive (required): a file, or postgres://user@host:port/database
  --date <YYYY-MM-DD>  edition date, used to complete datelines without a year
  --optimize           afterwards, merge the search index into one piece: worth it after
                       big batches (phrase and filtered searches ~40% faster at a million
                       articles); takes time in proportion to the whole archive
                       (PostgreSQL: VACUUM (ANALYZE) of the archive's tables)
  -v, --verbose        one line per source on standard error
  -h, --help           this help

Each file that cannot be read (missing, a loop of links, no permission), is no page dump
(binary, empty) or on which a stage of the pipeline fails is listed with its reason and not
stored; the other files are stored all the same, and running ingest again picks it up.
Folders are walked for regular files only: a FIFO is read only when named explicitly.
When another process is writing to an SQLite archive, ingest says so and waits its turn (up
to two minutes per source). A PostgreSQL connection lost while a source is being stored rolls
that source back; it is stored again on a new connection (three attempts).

Prints a progress bar on a terminal and a summary line at the end.
Exit codes: 0 ok, 1 some input could not be read or mended, 2 misuse.

Examples:
  newsmend ingest examples/ --db archive.db
  cat page.txt | newsmend ingest - --db archive.db
  newsmend ingest pages/ --db postgres://newsmend@127.0.0.1:5432/newsmend
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
      optimize: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
  });
}

/** An SQLite archive's own files (database, WAL, shared memory) are never ingested. */
function files(paths: string[], db: string): CollectedFiles {
  if (isPostgresUrl(db)) return collectFiles(paths, () => false);
  const own = new Set(['', '-wal', '-shm', '-journal'].map((s) => resolve(db + s)));
  return collectFiles(paths, (p) => own.has(resolve(p)));
}

async function open(target: string): Promise<Archive> {
  try {
    return await openArchiveAt(target, 'write');
  } catch (error) {
    if (error instanceof ArchiveError) throw new InputError(error.message);
    throw error;
  }
}

function progress(done: number, total: number, name: string): void {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  process.stderr.write(`\r\x1b[2K${bar} ${done}/${total} ${name.slice(-40)}`);
}

/**
 * Read, mend and store one file; undefined (reported through `say`) when it cannot be read or
 * is not stored. Waiting for another writer's lock is said once per file.
 */
async function ingestPath(
  archive: Archive,
  path: string,
  date: string | undefined,
  say: (line: string) => void,
): Promise<IngestStored | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = readInput(path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return void say(error.message);
  }
  const name = path === '-' ? 'stdin' : basename(path);
  let waiting = false;
  const onBusy = () => {
    if (!waiting) say(`${path}: the archive is busy (another process is writing); waiting`);
    waiting = true;
  };
  const r = await ingestInto(archive, bytes, { name, editionDate: date }, stagesFor(bytes), onBusy);
  if (r.status === 'failed') return void say(`${path}: not stored: ${r.problem}`);
  return r;
}

interface Tally {
  added: number;
  existing: number;
  failed: number;
  articles: number;
}

export const ingestCommand: Command = {
  name: 'ingest',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv);
    if (!values.db) throw new UsageError('--db <file|url> is required');
    if (positionals.length === 0)
      throw new UsageError('give files, folders or - for standard input');
    checkDate(values.date);
    const { files: list, problems } = files(positionals, values.db);
    const archive = await open(values.db);
    const tty = process.stderr.isTTY && !values.verbose;
    const say = (line: string) =>
      process.stderr.write(`${tty ? '\n' : ''}newsmend ingest: ${line}\n`);
    const tally: Tally = { added: 0, existing: 0, failed: problems.length, articles: 0 };
    for (const p of problems) say(`${p.path}: ${p.reason}`);
    try {
      for (const [i, path] of list.entries()) {
        if (tty) progress(i, list.length, path);
        const r = await ingestPath(archive, path, values.date, say);
        if (r === undefined) {
          tally.failed++;
          continue;
        }
        if (r.status === 'added') (tally.added++, (tally.articles += r.articles));
        else tally.existing++;
        if (values.verbose)
          process.stderr.write(
            `${r.status} ${path} edition ${r.editionId} (${r.articles} articles)\n`,
          );
      }
      if (tty) progress(list.length, list.length, 'done\n');
      if (values.optimize) {
        if (tty) process.stderr.write('merging the search index…\n');
        await archive.optimize(() => say('waiting for another writer'));
      }
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      throw new InputError(
        `${error.message}; ${tally.added} source(s) stored before it are kept, run ingest again to finish`,
      );
    } finally {
      await archive.close();
    }
    process.stdout.write(
      `ingested ${list.length + problems.length} source(s): ${tally.added} added (${tally.articles} articles), ${tally.existing} already present, ${tally.failed} failed\n`,
    );
    return tally.failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
  },
};
